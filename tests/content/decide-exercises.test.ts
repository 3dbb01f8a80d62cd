/**
 * Lesson 2 ("How AWS decides") teaches learners to read the policy type in a denial. These
 * tests pin down that its boundary exercise really produces the messages the lesson and hints
 * describe, and that the prediction exercise's explanations name the deciding policy (the wrong
 * answers of every exercise live in exercises.test.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  gradeExercise,
  gradeWithCommands,
  PREDICTION_CHOICES,
  replayTerminal,
} from '../../src/exercises/index.ts';
import type { CheckResult, PredictionChoice } from '../../src/exercises/index.ts';
import { loadExercise as load } from './helpers.ts';

/** The message of a check's error, or '' when it was allowed or did not run. */
function messageOf(check: CheckResult | undefined): string {
  return check?.got?.outcome === 'error' ? check.got.message : '';
}

describe('decide-permissions-boundary', () => {
  const ex = load('decide-permissions-boundary');
  const find = (checks: CheckResult[], text: string): CheckResult | undefined =>
    checks.find((c) => c.description.includes(text));

  it('starter: a boundary of only Deny statements blocks the job itself', () => {
    const { checks } = gradeExercise(ex, {});
    expect(find(checks, 'reads an input file')?.passed).toBe(false);
    expect(messageOf(find(checks, 'list EC2 instances'))).toContain(
      'because no permissions boundary allows the ec2:DescribeInstances action',
    );
  });

  it('solution: IAM is denied by the boundary despite AdministratorAccess', () => {
    const { checks, solved } = gradeExercise(ex, ex.solution);
    expect(solved).toBe(true);
    const iam = find(checks, 'create access keys');
    expect(iam?.got).toMatchObject({ outcome: 'error', code: 'AccessDenied' });
    expect(messageOf(iam)).toContain(
      'because no permissions boundary allows the iam:CreateAccessKey action',
    );
  });

  it('solution: EC2 answers with its own code, UnauthorizedOperation', () => {
    const { checks } = gradeExercise(ex, ex.solution);
    expect(find(checks, 'list EC2 instances')?.got).toMatchObject({
      outcome: 'error',
      code: 'UnauthorizedOperation',
    });
  });
});

describe('decide-predict-the-decision', () => {
  const ex = load('decide-predict-the-decision');
  const right: Record<string, PredictionChoice> = {};
  for (const q of ex.predict ?? []) right[q.id] = ex.solution[q.id] as PredictionChoice;
  const results = gradeExercise(ex, {}, right).predictions;
  const summary = (id: string): string =>
    results.find((p) => p.id === id)?.explanation?.summary ?? '';

  it('has every kind of answer, so guessing one answer for all cannot pass', () => {
    expect(new Set(Object.values(right))).toEqual(new Set(PREDICTION_CHOICES));
  });

  it('each explanation names the policy that decided the request', () => {
    expect(summary('read-daily')).toMatch(/identity-based policy allows/);
    expect(summary('upload-daily')).toMatch(/permissions boundary does not/);
    expect(summary('read-restricted')).toMatch(
      /Deny statement in the identity-based policy .*NeverRestricted/,
    );
    expect(summary('delete-audit')).toMatch(
      /Deny statement in the service control policy .*NobodyDeletesAuditLogs/,
    );
    expect(summary('read-shared-doc')).toMatch(/bucket policy names your user/);
    expect(summary('list-audit')).toMatch(/no identity-based policy allows s3:ListBucket/);
  });

  it('without the SCP, the audit log delete would be allowed: the SCP alone decides it', () => {
    const withoutScp = { ...ex, editable: ex.editable.filter((e) => e.id !== 'scp') };
    const graded = gradeExercise(withoutScp, {}, right).predictions.find(
      (p) => p.id === 'delete-audit',
    );
    expect(graded?.engine).toBe('allowed');
  });
});

describe('decide-cli-read-the-denial', () => {
  const ex = load('decide-cli-read-the-denial');
  const lines = (ex.solution['terminal'] ?? '').split('\n');

  it('the first upload is refused with a message naming the permissions boundary; after the fix it works', () => {
    const { transcript } = replayTerminal(ex, ex.solution['terminal'] ?? '');
    const first = transcript[0];
    const last = transcript[transcript.length - 1];
    expect(first?.line).toBe(lines[lines.length - 1]);
    expect(first?.stderr).toMatch(
      /AccessDenied.*because no permissions boundary allows the s3:PutObject action/,
    );
    expect(last?.exitCode).toBe(0);
    expect(last?.stdout).toMatch(/^upload: /);
  });

  it('another Allow in the identity policy changes nothing: the boundary still caps it', () => {
    const wrong = ex.wrongAnswers?.find((w) => w.description.includes('identity policy again'));
    const result = gradeWithCommands(ex, wrong?.documents ?? {});
    expect(messageOf(result.checks.find((c) => c.description.includes('uploads')))).toMatch(
      /no permissions boundary allows/,
    );
  });
});
