/** A small exercise for the grader tests: one role, one user, one bucket, every target kind. */
import { parseExercise } from '../../../src/exercises/index.ts';
import type { Exercise, ExerciseInput } from '../../../src/exercises/index.ts';

export const ACCOUNT = '111122223333';
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/App`;

/** Policy text from statements. */
export function policy(...statements: unknown[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

export const EC2_TRUST = policy({
  Effect: 'Allow',
  Principal: { Service: 'ec2.amazonaws.com' },
  Action: 'sts:AssumeRole',
});
export const READ_DATA = policy({
  Effect: 'Allow',
  Action: ['s3:GetObject', 's3:ListBucket'],
  Resource: ['arn:aws:s3:::data', 'arn:aws:s3:::data/*'],
});

/** A valid starter that lets App list the bucket but not read it. */
export const STARTER = policy({
  Effect: 'Allow',
  Action: 's3:ListBucket',
  Resource: 'arn:aws:s3:::data',
});

/** An exercise input whose checks are written out (the schema lets prediction exercises omit them). */
export type FixtureInput = ExerciseInput & { checks: NonNullable<ExerciseInput['checks']> };

/** The exercise as written in a file; tests change parts of it. */
export function exerciseInput(): FixtureInput {
  return {
    title: 'Grader fixture',
    prompt: 'Give the role App read access to the data bucket.',
    world: {
      accounts: [
        {
          id: ACCOUNT,
          users: [{ name: 'alice' }],
          roles: [{ name: 'App', trustPolicy: EC2_TRUST }],
          buckets: [{ name: 'data', objects: { 'a.txt': 'alpha' } }],
        },
      ],
    },
    editable: [
      {
        id: 'perms',
        kind: 'identity-policy',
        label: 'Permissions policy of role App',
        starter: STARTER,
        target: { role: 'App', policyName: 'app' },
      },
    ],
    solution: { perms: READ_DATA },
    checks: [
      {
        description: 'App reads a.txt',
        actor: { role: 'App' },
        call: { service: 's3', operation: 'GetObject', params: { Bucket: 'data', Key: 'a.txt' } },
        expect: 'allowed',
      },
      {
        description: 'App cannot delete a.txt',
        actor: { role: 'App' },
        call: {
          service: 's3',
          operation: 'DeleteObject',
          params: { Bucket: 'data', Key: 'a.txt' },
        },
        expect: { error: 'AccessDenied' },
      },
      {
        description: 'alice cannot read a.txt',
        actor: { user: 'alice' },
        call: { service: 's3', operation: 'GetObject', params: { Bucket: 'data', Key: 'a.txt' } },
        expect: { error: 'AccessDenied' },
      },
    ],
    hints: ['Look at the actions.', 'Allow s3:GetObject on arn:aws:s3:::data/*.'],
  };
}

/** Validates an input, failing the test with the schema's messages when it does not fit. */
export function exercise(input: ExerciseInput = exerciseInput()): Exercise {
  const parsed = parseExercise(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.exercise;
}
