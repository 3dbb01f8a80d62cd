/**
 * Lesson 2 ("How AWS decides") teaches learners to read the policy type in a denial. These
 * tests pin down that its boundary exercise really produces the messages the lesson and hints
 * describe (the wrong answers of every exercise live in exercises.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gradeExercise, parseExercise } from '../../src/exercises/index.ts';
import type { CheckResult, Exercise } from '../../src/exercises/index.ts';

/** Loads and validates one exercise of this lesson. */
function load(id: string): Exercise {
  const file = resolve(import.meta.dirname, `../../content/exercises/${id}.json`);
  const parsed = parseExercise(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(`${id}: ${JSON.stringify(parsed.errors)}`);
  return parsed.exercise;
}

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
