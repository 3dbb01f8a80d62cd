/** One import point for the CLI tests. */
export * from '../../../src/sim/cli/index.ts';
export { USAGE as USAGE_FOR_TESTS } from '../../../src/sim/cli/errors.ts';
