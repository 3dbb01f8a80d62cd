import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/{unit,golden,content,differential,scenario}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
