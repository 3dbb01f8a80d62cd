/**
 * Prediction questions and read-only documents: the engine computes each answer from the
 * simulator, the learner's choice is compared with it, and the schema keeps questions, answers
 * and wrong answers consistent.
 */
import { describe, expect, it } from 'vitest';
import { decisionClass, gradeExercise, parseExercise } from '../../../src/exercises/index.ts';
import type { Exercise, ExerciseInput } from '../../../src/exercises/index.ts';
import { ACCOUNT, EC2_TRUST, exercise, exerciseInput, policy, READ_DATA } from './fixtures.ts';

/** The schema's messages for an input, or [] when it fits. */
function errorsOf(input: ExerciseInput): string[] {
  const parsed = parseExercise(input);
  return parsed.ok ? [] : parsed.errors;
}

const DENY_DELETE = policy({ Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::data/*' });

/** App reads data (identity policy), nobody deletes (bucket policy); alice has nothing. */
function predictInput(): ExerciseInput {
  const get = { service: 's3', operation: 'GetObject', params: { Bucket: 'data', Key: 'a.txt' } };
  return {
    title: 'Prediction fixture',
    prompt: 'Predict what each request gets.',
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
      { id: 'perms', kind: 'identity-policy', label: 'Permissions policy of role App', starter: READ_DATA, target: { role: 'App', policyName: 'app' }, readOnly: true },
      { id: 'bucket', kind: 'bucket-policy', label: 'Bucket policy of data', starter: DENY_DELETE, target: { bucket: 'data' }, readOnly: true },
    ],
    solution: { 'app-reads': 'allowed', 'alice-reads': 'implicit-deny', 'app-deletes': 'explicit-deny' },
    predict: [
      { id: 'app-reads', question: 'Will App read a.txt?', actor: { role: 'App' }, call: get },
      { id: 'alice-reads', question: 'Will alice read a.txt?', actor: { user: 'alice' }, call: get },
      {
        id: 'app-deletes',
        question: 'Will App delete a.txt?',
        actor: { role: 'App' },
        call: { service: 's3', operation: 'DeleteObject', params: { Bucket: 'data', Key: 'a.txt' } },
      },
    ],
    hints: ['Look for a Deny first.', 'alice has no policy at all.'],
  };
}

const RIGHT = { 'app-reads': 'allowed', 'alice-reads': 'implicit-deny', 'app-deletes': 'explicit-deny' } as const;

describe('prediction questions', () => {
  const ex: Exercise = exercise(predictInput());

  it('an exercise of questions only needs no checks and no edited document', () => {
    expect(ex.checks).toEqual([]);
  });

  it('grades right answers: the engine tells allowed, implicit deny and explicit deny apart', () => {
    const r = gradeExercise(ex, {}, RIGHT);
    expect(r.predictions.map((p) => [p.id, p.answer, p.engine, p.passed])).toEqual([
      ['app-reads', 'allowed', 'allowed', true],
      ['alice-reads', 'implicit-deny', 'implicit-deny', true],
      ['app-deletes', 'explicit-deny', 'explicit-deny', true],
    ]);
    expect(r.summary).toBe('3 of 3 answers right');
    expect(r.solved).toBe(true);
    // Each verdict carries the evaluation that decided it.
    expect(r.predictions[2]?.explanation?.deciding[0]?.source).toBe('resource');
    expect(r.predictions[2]?.request).toBe('s3:DeleteObject on arn:aws:s3:::data/a.txt');
  });

  it('a wrong or missing answer fails that question only', () => {
    const r = gradeExercise(ex, {}, { 'app-reads': 'allowed', 'app-deletes': 'implicit-deny' });
    expect(r.predictions.map((p) => p.passed)).toEqual([true, false, false]);
    expect(r.predictions[1]?.answer).toBeUndefined();
    expect(r.predictions[2]).toMatchObject({ answer: 'implicit-deny', engine: 'explicit-deny' });
    expect(r.summary).toBe('1 of 3 answers right');
    expect(r.solved).toBe(false);
  });

  it('read-only documents are graded as written, whatever text is sent for them', () => {
    const open = policy({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::data/*' });
    const r = gradeExercise(ex, { bucket: open, perms: policy({ Effect: 'Deny', Action: '*', Resource: '*' }) }, RIGHT);
    expect(r.solved).toBe(true);
  });

  it('a call that fails for another reason has no engine answer, and says why', () => {
    const input = predictInput();
    const q = input.predict?.[0];
    if (q !== undefined) q.call = { service: 's3', operation: 'GetObject', params: { Bucket: 'data', Key: 'missing.txt' } };
    const r = gradeExercise(exercise(input), {}, RIGHT);
    expect(r.predictions[0]?.engine).toBeUndefined();
    expect(r.predictions[0]?.passed).toBe(false);
    expect(r.predictions[0]?.reason).toBe('The call failed for a reason other than permissions: NoSuchKey.');
  });

  it('decisionClass reads the decision, not the error code', () => {
    const steps = { steps: [], statements: [], deciding: [], summary: '' };
    expect(decisionClass({ got: { outcome: 'allowed' } })).toBe('allowed');
    const denied = { outcome: 'error' as const, code: 'AccessDenied', message: 'Access Denied' };
    expect(decisionClass({ got: denied, explanation: { ...steps, decision: 'ExplicitDeny' } })).toBe('explicit-deny');
    expect(decisionClass({ got: denied, explanation: { ...steps, decision: 'ImplicitDeny' } })).toBe('implicit-deny');
    expect(decisionClass({ got: denied })).toBeUndefined();
  });

  it('checks and predictions together: both count, and the summary names both', () => {
    const input = predictInput();
    input.checks = [
      {
        description: 'App reads a.txt',
        actor: { role: 'App' },
        call: { service: 's3', operation: 'GetObject', params: { Bucket: 'data', Key: 'a.txt' } },
        expect: 'allowed',
      },
    ];
    const r = gradeExercise(exercise(input), {}, { 'app-reads': 'allowed' });
    expect(r.summary).toBe('1 of 1 check passed, 1 of 3 answers right');
    expect([r.passedCount, r.total]).toEqual([2, 4]);
  });
});

describe('prediction and wrong-answer schema', () => {
  it('wants a valid answer for every question in the solution', () => {
    const input = predictInput();
    input.solution = { 'app-reads': 'maybe', 'alice-reads': 'implicit-deny' };
    expect(errorsOf(input)).toEqual([
      'solution.app-reads: an answer is one of allowed, implicit-deny, explicit-deny',
      'solution: no answer for prediction "app-deletes"',
    ]);
  });

  it('keeps read-only documents out of the solution and question ids unique', () => {
    const input = predictInput();
    input.solution = { ...RIGHT, bucket: DENY_DELETE };
    const q = input.predict?.[1];
    if (q !== undefined) q.id = 'app-reads';
    expect(errorsOf(input)).toEqual([
      'predict[1].id: duplicate id "app-reads"',
      'solution.alice-reads: "alice-reads" is not an editable or prediction id',
      'solution.bucket: "bucket" is read-only: it needs no solution',
    ]);
  });

  it('needs checks or questions', () => {
    const input = predictInput();
    delete input.predict;
    input.solution = {};
    expect(errorsOf(input)).toEqual([
      'checks: an exercise needs checks, prediction questions, or both',
      'editable: every document is read-only and there is no terminal task, so there is nothing to do',
    ]);
  });

  it('lets wrong answers name only edited documents', () => {
    const input = exerciseInput();
    input.wrongAnswers = [{ description: 'reads every bucket', documents: { perms: READ_DATA, other: '{}' } }];
    expect(errorsOf(input)).toEqual(['wrongAnswers[0].documents.other: "other" is not an edited document']);
  });

  it('a listed wrong answer is graded like any answer', () => {
    const input = exerciseInput();
    const everything = policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' });
    input.wrongAnswers = [{ description: 'allows every S3 action', documents: { perms: everything } }];
    const ex = exercise(input);
    const wrong = ex.wrongAnswers?.[0];
    expect(wrong).toBeDefined();
    const r = gradeExercise(ex, wrong?.documents ?? {});
    expect(r.solved).toBe(false);
    expect(r.checks.find((c) => !c.passed)?.description).toBe('App cannot delete a.txt');
  });
});
