import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/{unit,golden,content,differential,scenario}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Loads what the grader otherwise loads per exercise (see the file).
    setupFiles: ['tests/setup/grading.ts'],
  },
});
