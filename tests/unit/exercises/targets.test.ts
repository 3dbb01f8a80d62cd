/**
 * The edit targets beyond IAM and S3: an SCP attached through Organizations, a session policy
 * passed on AssumeRole, and a Lambda function policy — each with a tiny world, a document that
 * lets the request through and one that does not.
 */
import { describe, expect, it } from 'vitest';
import { gradeExercise, parseExercise } from '../../../src/exercises/index.ts';
import type { Exercise, ExerciseInput } from '../../../src/exercises/index.ts';
import { policy } from './fixtures.ts';

const MGMT = '111122223333';
const MEMBER = '444455556666';

/** Validates an input, failing the test with the schema's messages. */
function exercise(input: ExerciseInput): Exercise {
  const parsed = parseExercise(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.exercise;
}

/** The schema's messages for an input, or [] when it fits. */
function errorsOf(input: ExerciseInput): string[] {
  const parsed = parseExercise(input);
  return parsed.ok ? [] : parsed.errors;
}

const ADMIN = policy({ Effect: 'Allow', Action: '*', Resource: '*' });
const DENY_DELETE = policy(
  { Effect: 'Allow', Action: '*', Resource: '*' },
  { Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
);

/** dev in a member account (in OU Workloads) may do anything; the SCP is the only limit. */
function scpInput(attachTo: string, scpEnabled: boolean): ExerciseInput {
  return {
    title: 'SCP target',
    prompt: 'Stop the workload accounts from deleting objects.',
    world: {
      accounts: [
        { id: MGMT },
        {
          id: MEMBER,
          users: [{ name: 'dev', inlinePolicies: { admin: ADMIN } }],
          buckets: [{ name: 'member-data', objects: { 'a.txt': 'alpha' } }],
        },
      ],
      organization: {
        managementAccount: MGMT,
        ous: [{ name: 'Workloads', accounts: [MEMBER] }],
        scpEnabled,
      },
    },
    editable: [
      {
        id: 'guard',
        kind: 'scp',
        label: 'SCP NoDeletes',
        starter: ADMIN,
        target: { scp: 'NoDeletes', attachTo },
      },
    ],
    solution: { guard: DENY_DELETE },
    checks: [
      {
        description: 'dev reads a.txt',
        actor: { user: 'dev', account: MEMBER },
        call: { service: 's3', operation: 'GetObject', params: { Bucket: 'member-data', Key: 'a.txt' } },
        expect: 'allowed',
      },
      {
        description: 'dev cannot delete a.txt',
        actor: { user: 'dev', account: MEMBER },
        call: { service: 's3', operation: 'DeleteObject', params: { Bucket: 'member-data', Key: 'a.txt' } },
        expect: { error: 'AccessDenied' },
      },
    ],
    hints: ['An SCP sets the most any principal of the account may do.', 'Deny s3:DeleteObject.'],
  };
}

describe('scp target', () => {
  for (const [attachTo, enabled] of [
    ['Workloads', true],
    ['Root', false],
    [MEMBER, true],
  ] as const) {
    it(`installs through Organizations, attached to ${attachTo} (SCPs ${enabled ? 'on' : 'off'} at first)`, () => {
      const ex = exercise(scpInput(attachTo, enabled));
      const solved = gradeExercise(ex, ex.solution);
      expect(solved.documents).toEqual([{ id: 'guard', issues: [], installed: true }]);
      expect(solved.checks.map((c) => c.passed)).toEqual([true, true]);
      // S3 words every denial "Access Denied"; the decision names the SCP.
      expect(solved.checks[1]?.explanation).toMatchObject({
        decision: 'ExplicitDeny',
        deniedBy: 'service control policy',
      });
      const starter = gradeExercise(ex, {});
      expect(starter.checks.map((c) => c.passed)).toEqual([true, false]);
    });
  }

  it('reports what Organizations refuses, such as an SCP with a Principal', () => {
    const ex = exercise(scpInput('Workloads', true));
    const bad = policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' });
    const r = gradeExercise(ex, { guard: bad });
    expect(r.documents[0]?.installed).toBe(false);
    expect(r.checks.every((c) => !c.passed)).toBe(true);
  });

  it('needs an organization and a known place to attach to', () => {
    const input = scpInput('Nowhere', true);
    expect(errorsOf(input)).toEqual([
      'editable[0].target.attachTo: "Nowhere" is not "Root", an OU or an account of the organization',
    ]);
    delete input.world.organization;
    expect(errorsOf(input)).toEqual(['editable[0].target.scp: an SCP needs an organization in the world']);
  });
});

const TRUST_ALICE = policy({
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${MGMT}:user/alice` },
  Action: 'sts:AssumeRole',
});
const READ_AND_DELETE = policy({
  Effect: 'Allow',
  Action: ['s3:GetObject', 's3:DeleteObject'],
  Resource: 'arn:aws:s3:::data/*',
});
const READ_ONLY = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' });

/** Role App may read and delete; the session policy alice passes should narrow that to reads. */
function sessionInput(): ExerciseInput {
  return {
    title: 'Session policy target',
    prompt: 'Narrow alice’s session of App to reading.',
    world: {
      accounts: [
        {
          id: MGMT,
          users: [
            {
              name: 'alice',
              inlinePolicies: {
                assume: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${MGMT}:role/App` }),
              },
            },
          ],
          roles: [{ name: 'App', trustPolicy: TRUST_ALICE, inlinePolicies: { data: READ_AND_DELETE } }],
          buckets: [{ name: 'data', objects: { 'a.txt': 'alpha' } }],
        },
      ],
    },
    editable: [
      {
        id: 'session',
        kind: 'session-policy',
        label: 'Session policy alice passes',
        starter: READ_AND_DELETE,
        target: { sessionPolicyFor: 'App' },
      },
    ],
    solution: { session: READ_ONLY },
    checks: [
      {
        description: 'the session reads a.txt',
        actor: { role: 'App', via: { user: 'alice' } },
        call: { service: 's3', operation: 'GetObject', params: { Bucket: 'data', Key: 'a.txt' } },
        expect: 'allowed',
      },
      {
        description: 'the session cannot delete a.txt',
        actor: { role: 'App', via: { user: 'alice' } },
        call: { service: 's3', operation: 'DeleteObject', params: { Bucket: 'data', Key: 'a.txt' } },
        expect: { error: 'AccessDenied' },
      },
    ],
    hints: ['A session policy can only narrow the role.', 'Allow only s3:GetObject.'],
  };
}

describe('session-policy target', () => {
  it('is passed as the Policy of AssumeRole and limits the session', () => {
    const ex = exercise(sessionInput());
    const solved = gradeExercise(ex, ex.solution);
    expect(solved.solved).toBe(true);
    const denied = solved.checks[1];
    expect(denied?.explanation).toMatchObject({ decision: 'ImplicitDeny', deniedBy: 'session policy' });
    expect(gradeExercise(ex, {}).checks.map((c) => c.passed)).toEqual([true, false]);
  });

  it('cannot grant more than the role has', () => {
    const ex = exercise(sessionInput());
    const wide = policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' });
    const r = gradeExercise(ex, { session: policy({ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }) });
    expect(r.checks[0]?.passed).toBe(false);
    expect(gradeExercise(ex, { session: wide }).checks.map((c) => c.passed)).toEqual([true, false]);
  });

  it('is refused by the schema when no check assumes the role as a user', () => {
    const input = sessionInput();
    const checks = input.checks ?? [];
    for (const c of checks) c.actor = { role: 'App' };
    expect(errorsOf(input)).toEqual([
      'editable[0].target: no check assumes App as a user ({"role": "App", "via": {"user": …}}), so the session policy is never passed',
    ]);
  });
});

/** A function in MGMT that partner account MEMBER wants to invoke. */
function lambdaInput(): ExerciseInput {
  const invoke = (description: string, user: string, account: string, allowed: boolean) => ({
    description,
    actor: { user, account },
    call: { service: 'lambda', operation: 'Invoke', params: { FunctionName: `arn:aws:lambda:us-east-1:${MGMT}:function:report` } },
    expect: allowed ? ('allowed' as const) : { error: 'AccessDeniedException' },
  });
  const mayInvoke = policy({ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: '*' });
  return {
    title: 'Lambda policy target',
    prompt: 'Let the partner account invoke report.',
    world: {
      accounts: [
        {
          id: MGMT,
          roles: [
            {
              name: 'ReportRole',
              trustPolicy: policy({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
            },
          ],
          functions: [{ name: 'report', role: 'ReportRole', handler: { steps: [], return: 'event' } }],
        },
        { id: MEMBER, users: [{ name: 'partner', inlinePolicies: { invoke: mayInvoke } }] },
        { id: '777788889999', users: [{ name: 'stranger', inlinePolicies: { invoke: mayInvoke } }] },
      ],
    },
    editable: [
      {
        id: 'fn',
        kind: 'lambda-policy',
        label: 'Resource-based policy of function report',
        starter: policy({
          Sid: 'nobody',
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: 'lambda:InvokeFunction',
          Resource: `arn:aws:lambda:us-east-1:${MGMT}:function:report`,
          Condition: { StringEquals: { 'aws:SourceAccount': MGMT } },
        }),
        target: { lambdaFunction: 'report' },
      },
    ],
    solution: {
      fn: policy({
        Sid: 'partner',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${MEMBER}:root` },
        Action: 'lambda:InvokeFunction',
        Resource: `arn:aws:lambda:us-east-1:${MGMT}:function:report`,
      }),
    },
    checks: [
      invoke('partner invokes report', 'partner', MEMBER, true),
      invoke('a stranger cannot invoke report', 'stranger', '777788889999', false),
    ],
    hints: ['Another account needs the function policy to name it.', 'Principal: the partner account.'],
  };
}

describe('lambda-policy target', () => {
  it('becomes the function policy that Invoke is decided on', () => {
    const ex = exercise(lambdaInput());
    const solved = gradeExercise(ex, ex.solution);
    expect(solved.checks.map((c) => [c.description, c.passed, c.reason ?? c.got])).toEqual([
      ['partner invokes report', true, { outcome: 'allowed' }],
      ['a stranger cannot invoke report', true, expect.objectContaining({ code: 'AccessDeniedException' })],
    ]);
    expect(gradeExercise(ex, {}).checks.map((c) => c.passed)).toEqual([false, true]);
  });

  it('names a function that is not in the world', () => {
    const input = lambdaInput();
    const [fn] = input.editable ?? [];
    if (fn !== undefined) fn.target = { lambdaFunction: 'nope' };
    expect(errorsOf(input)).toEqual([`editable[0].target.lambdaFunction: no function "nope" in account ${MGMT}`]);
  });
});
