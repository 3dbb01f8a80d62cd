/**
 * Before each test file: everything the grader may load on demand (every service, the MFA
 * authenticator, the policy review), as if an exercise needing all of it had been prepared.
 * The browser prepares one exercise at a time (prepareGrading); the tests grade hundreds of
 * exercises, many written inline, and test what grading does rather than what it loads. What
 * it loads is tested on its own, exercise by exercise, in tests/content/lazy-grading.test.ts.
 */
import { beforeAll } from 'vitest';
import { prepareGrading } from '../../src/exercises/grade.ts';
import type { Exercise } from '../../src/exercises/schema.ts';
import { SERVICE_NAMES } from '../../src/sim/services/registry.ts';

/**
 * Only the fields prepareGrading reads: a call of every service, an MFA actor, a service actor, a
 * banned flag.
 */
const NEEDS_EVERYTHING = {
  world: { accounts: [] },
  editable: [],
  checks: [
    ...SERVICE_NAMES.map((service) => ({ actor: 'anonymous', call: { service, operation: 'X' } })),
    { actor: { user: 'u', mfa: true }, call: { service: 'iam', operation: 'X' } },
    { actor: { service: 'ec2.amazonaws.com' }, call: { service: 'sts', operation: 'AssumeRole' } },
  ],
  lint: { noFlags: ['FULL_ADMIN_ACCESS'] },
} as unknown as Exercise;

beforeAll(() => prepareGrading(NEEDS_EVERYTHING));
