// @ts-check
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

/**
 * Imports that would tie the simulator to a UI. `src/sim` must run headless in Node exactly
 * as in the browser, so any of these inside it is an error (see tests/unit/sim-boundary.test.ts).
 */
export const SIM_FORBIDDEN_IMPORTS = [
  { group: ['preact', 'preact/*', '@preact/*'], message: 'src/sim is pure: no Preact.' },
  {
    // astro/zod is only zod re-exported (the schema library DESIGN.md names), not a UI import.
    // ('astro' itself is in SIM_FORBIDDEN_PATHS: as a pattern it would shadow the exception.)
    group: ['astro:*', 'astro/*', '!astro/zod', '@astrojs/*'],
    message: 'src/sim is pure: no Astro (astro/zod, plain zod, is allowed).',
  },
  { group: ['monaco-editor', 'monaco-editor/*'], message: 'src/sim is pure: no Monaco.' },
  { group: ['nanostores', '@nanostores/*'], message: 'src/sim is pure: stores live in src/stores.' },
  {
    group: ['**/components/**', '**/components', '**/stores/**', '**/stores', '**/pages/**', '**/layouts/**', '**/exercises/**'],
    message: 'src/sim is the bottom layer: it must not import from the app above it.',
  },
];

/** Exact module names forbidden in src/sim (patterns cannot name a bare package and keep exceptions). */
export const SIM_FORBIDDEN_PATHS = [{ name: 'astro', message: 'src/sim is pure: no Astro.' }];

export default defineConfig(
  { ignores: ['dist/', 'dist-base/', '.scratch/', 'node_modules/', '.astro/', 'test-results/', 'src/generated/', 'public/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        window: 'readonly',
        document: 'readonly',
        localStorage: 'readonly',
        navigator: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        globalThis: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: SIM_FORBIDDEN_PATHS, patterns: SIM_FORBIDDEN_IMPORTS }],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/sim has no DOM.' },
        { name: 'document', message: 'src/sim has no DOM.' },
        { name: 'localStorage', message: 'src/sim has no DOM; persistence lives in src/stores.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The sim is deterministic: use the injected clock.' },
        { object: 'Math', property: 'random', message: 'The sim is deterministic: use the injected id source.' },
      ],
    },
  },
);
