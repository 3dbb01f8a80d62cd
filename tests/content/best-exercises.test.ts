/**
 * Lesson 7 ("Best practices"): the password-policy terminal task and the MFA prediction exercise
 * behave the way their prompts and hints say (the wrong answers of every exercise live in
 * exercises.test.ts). AWS behaviour pinned here: UpdateAccountPasswordPolicy replaces the whole
 * policy, settings left out return to their defaults (IAM API Reference,
 * UpdateAccountPasswordPolicy); aws:MultiFactorAuthPresent is absent from requests signed with a
 * long-term access key, so a Bool condition on it does not match and BoolIfExists does (IAM User
 * Guide, "AWS global condition context keys").
 */
import { describe, expect, it } from 'vitest';
import { gradeExercise, gradeWithCommands, replayTerminal } from '../../src/exercises/index.ts';
import type { Exercise, PredictionChoice } from '../../src/exercises/index.ts';
import { findCheck as find, loadExercise as load } from './helpers.ts';

describe('best-cli-password-policy', () => {
  const ex = load('best-cli-password-policy');
  const commands = ex.solution['terminal'] ?? '';

  it('the solution’s commands all succeed, and get-account-password-policy prints the new policy', () => {
    const { transcript } = replayTerminal(ex, commands);
    expect(transcript.filter((t) => t.exitCode !== 0)).toEqual([]);
    const read = transcript.find((t) => t.line === 'aws iam get-account-password-policy');
    expect(read?.stdout).toMatch(/"MinimumPasswordLength": 14/);
    expect(read?.stdout).toMatch(/"PasswordReusePrevention": 24/);
  });

  it('starter: the weak policy accepts a 13-character password and never expires one', () => {
    const { checks, solved } = gradeWithCommands(ex, {});
    expect(solved).toBe(false);
    expect(find(checks, '13-character').got).toEqual({ outcome: 'allowed' });
    expect(find(checks, 'expire after 90 days').reason).toMatch(/MaxPasswordAge is absent, not 90/);
  });

  it('a rejected password fails with PasswordPolicyViolation, naming the rule it breaks', () => {
    const { checks } = gradeWithCommands(ex, ex.solution);
    const noSymbol = find(checks, 'without a symbol').got;
    expect(noSymbol).toMatchObject({ outcome: 'error', code: 'PasswordPolicyViolation' });
    expect(noSymbol?.outcome === 'error' ? noSymbol.message : '').toMatch(/at least one symbol/);
  });

  it('a second update call resets what the first one set', () => {
    const twoCalls = [
      'aws iam update-account-password-policy --minimum-password-length 14 --require-symbols',
      'aws iam update-account-password-policy --max-password-age 90',
    ].join('\n');
    const { checks } = gradeWithCommands(ex, { terminal: twoCalls });
    expect(find(checks, '13-character').got).toEqual({ outcome: 'allowed' });
    expect(find(checks, 'without a symbol').got).toEqual({ outcome: 'allowed' });
  });

  it('--hard-expiry is caught by the policy read-back, with the value named', () => {
    const { checks } = gradeWithCommands(ex, {
      terminal: `${commands.split('\n')[0] ?? ''} --hard-expiry`,
    });
    expect(find(checks, 'no hard expiry').reason).toBe(
      'The call was allowed, but PasswordPolicy.HardExpiry is true, not false.',
    );
  });
});

describe('best-predict-mfa-conditions', () => {
  const ex = load('best-predict-mfa-conditions');
  const right: Record<string, PredictionChoice> = {};
  for (const q of ex.predict ?? []) right[q.id] = ex.solution[q.id] as PredictionChoice;
  const graded = (e: Exercise) => gradeExercise(e, {}, right).predictions;

  it('BoolIfExists denies ci-bot’s upload, and the Bool Deny lets its delete through', () => {
    const results = graded(ex);
    expect(results.find((p) => p.id === 'bot-uploads')?.explanation?.summary).toMatch(
      /NoWriteWithoutMfa/,
    );
    expect(results.find((p) => p.id === 'bot-deletes')?.engine).toBe('allowed');
  });

  it('with BoolIfExists in both Deny statements, the delete is denied too', () => {
    const fixed = {
      ...ex,
      editable: ex.editable.map((e) =>
        e.id === 'bucket' ? { ...e, starter: e.starter.replace('"Bool":', '"BoolIfExists":') } : e,
      ),
    };
    expect(graded(fixed).find((p) => p.id === 'bot-deletes')?.engine).toBe('explicit-deny');
  });

  it('an MFA sign-in carries into the role session, so its upload passes the BoolIfExists Deny', () => {
    expect(graded(ex).find((p) => p.id === 'maria-session-uploads')?.engine).toBe('allowed');
  });
});
