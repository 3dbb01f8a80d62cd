/**
 * The simulated AWS: the only import surface for the rest of the app.
 * Everything under src/sim is pure TypeScript (no DOM, no UI) and deterministic.
 */
export * from './policy/index.ts';
export * from './authz/index.ts';
export * from './review/index.ts';
export * from './world/index.ts';
export * from './services/index.ts';
export * from './cli/index.ts';
