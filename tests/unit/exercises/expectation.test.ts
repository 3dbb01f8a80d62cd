/**
 * Checks that expect values in a response ({"returns": {path: value}}): for state that no
 * allowed-or-denied call can show, such as a password policy's expiry period (IAM API Reference,
 * GetAccountPasswordPolicy: the response's PasswordPolicy holds MaxPasswordAge,
 * PasswordReusePrevention, HardExpiry, AllowUsersToChangePassword).
 */
import { describe, expect, it } from 'vitest';
import {
  expectedText,
  expectsAllowed,
  gradeWithCommands,
  parseExercise,
  responseMismatches,
  valueAt,
} from '../../../src/exercises/index.ts';
import type { Exercise, ExerciseInput } from '../../../src/exercises/index.ts';

/** A terminal task graded only by what GetAccountPasswordPolicy answers. */
function input(
  returns: Record<string, unknown> = { 'PasswordPolicy.MaxPasswordAge': 90 },
): ExerciseInput {
  return {
    title: 'Expiry',
    prompt: 'Make passwords expire after 90 days.',
    world: {
      accounts: [
        {
          id: '111122223333',
          users: [{ name: 'admin', managedPolicies: ['AdministratorAccess'] }, { name: 'jordan' }],
        },
      ],
    },
    terminal: { signedInAs: { user: 'admin' } },
    solution: { terminal: 'aws iam update-account-password-policy --max-password-age 90' },
    checks: [
      {
        description: 'Passwords expire after 90 days',
        actor: { user: 'admin' },
        call: { service: 'iam', operation: 'GetAccountPasswordPolicy', params: {} },
        expect: { returns: returns as Record<string, string | number | boolean> },
      },
      {
        description: 'jordan cannot read the policy',
        actor: { user: 'jordan' },
        call: { service: 'iam', operation: 'GetAccountPasswordPolicy', params: {} },
        expect: { error: 'AccessDenied' },
      },
    ],
    hints: ['One command.', 'update-account-password-policy --max-password-age 90'],
  };
}

function load(i: ExerciseInput = input()): Exercise {
  const parsed = parseExercise(i);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.exercise;
}

describe('the "returns" expectation', () => {
  it('is part of the schema, with a dotted path and at least one value', () => {
    expect(() => load()).not.toThrow();
    // A union reports "Invalid input" on the field when no option fits, as it does for a
    // malformed {"error": …}; only the empty list fits the shape and fails the refinement.
    for (const wrong of [
      { 'PasswordPolicy..MaxPasswordAge': 90 },
      {},
      { 'PasswordPolicy.MaxPasswordAge': { days: 90 } },
    ]) {
      const parsed = parseExercise(input(wrong));
      expect(parsed.ok ? [] : parsed.errors).toEqual([
        expect.stringMatching(/^checks\[0\]\.expect(\.returns)?: /),
      ]);
    }
    const empty = parseExercise(input({}));
    expect(empty.ok ? [] : empty.errors).toEqual([
      'checks[0].expect.returns: name at least one value',
    ]);
  });

  it('passes when the allowed call answers every value', () => {
    const ex = load();
    const result = gradeWithCommands(ex, ex.solution);
    expect(result.checks.map((c) => c.passed)).toEqual([true, true]);
    expect(result.checks[0]?.expected).toBe('allowed, with PasswordPolicy.MaxPasswordAge = 90');
    expect(result.solved).toBe(true);
  });

  it('fails an allowed call whose response holds another value, and says which', () => {
    const ex = load();
    const result = gradeWithCommands(ex, {
      terminal: 'aws iam update-account-password-policy --max-password-age 180',
    });
    const check = result.checks[0];
    expect(check?.got).toEqual({ outcome: 'allowed' });
    expect(check?.passed).toBe(false);
    expect(check?.reason).toBe(
      'The call was allowed, but PasswordPolicy.MaxPasswordAge is 180, not 90.',
    );
  });

  it('fails when the value is missing from the response', () => {
    const ex = load();
    const result = gradeWithCommands(ex, {
      terminal: 'aws iam update-account-password-policy --minimum-password-length 14',
    });
    expect(result.checks[0]?.passed).toBe(false);
    expect(result.checks[0]?.reason).toMatch(/MaxPasswordAge is absent, not 90/);
  });

  it('fails when the call itself fails (no policy at all: NoSuchEntity)', () => {
    const ex = load();
    const result = gradeWithCommands(ex, { terminal: '' });
    expect(result.checks[0]?.got).toMatchObject({ outcome: 'error', code: 'NoSuchEntity' });
    expect(result.checks[0]?.passed).toBe(false);
  });

  it('counts as an allowed check, and compares values strictly', () => {
    expect(expectsAllowed({ returns: { A: 1 } })).toBe(true);
    expect(expectsAllowed('allowed')).toBe(true);
    expect(expectsAllowed({ error: 'AccessDenied' })).toBe(false);
    expect(expectedText({ error: 'AccessDenied' })).toBe('error AccessDenied');
    expect(expectedText({ returns: { 'A.B': 'x', C: true } })).toBe(
      'allowed, with A.B = "x", C = true',
    );
    expect(valueAt({ A: { B: 2 } }, 'A.B')).toBe(2);
    expect(valueAt({ A: null }, 'A.B')).toBeUndefined();
    expect(responseMismatches({ returns: { 'A.B': 2 } }, { A: { B: '2' } })).toEqual([
      'A.B is "2", not 2.',
    ]);
    expect(responseMismatches('allowed', {})).toEqual([]);
  });
});
