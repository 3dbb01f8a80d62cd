import { defineConfig } from 'vitest/config';

// The root config only includes tests/{unit,golden,content,differential}; this one runs the
// end-to-end stories in this folder: `npx vitest run --config tests/scenario/vitest.config.ts`.
export default defineConfig({
  test: {
    include: ['tests/scenario/**/*.test.ts'],
    root: new URL('../..', import.meta.url).pathname,
    environment: 'node',
    testTimeout: 60_000,
  },
});
