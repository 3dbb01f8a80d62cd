/** The grader: results as data, documents installed as AWS would, never a throw, deterministic. */
import { describe, expect, it } from 'vitest';
import { gradeExercise } from '../../../src/exercises/index.ts';
import type { ExerciseInput } from '../../../src/exercises/index.ts';
import {
  ACCOUNT,
  EC2_TRUST,
  READ_DATA,
  ROLE_ARN,
  exercise,
  exerciseInput,
  policy,
} from './fixtures.ts';

describe('gradeExercise', () => {
  it('passes every check for the solution and says so in the summary', () => {
    const r = gradeExercise(exercise(), { perms: READ_DATA });
    expect(r.checks.map((c) => c.passed)).toEqual([true, true, true]);
    expect(r).toMatchObject({
      passedCount: 3,
      total: 3,
      summary: '3 of 3 checks passed',
      solved: true,
    });
    expect(r.documents).toEqual([{ id: 'perms', issues: [], installed: true }]);
  });

  it('describes each check: actor, request, expected, got', () => {
    const r = gradeExercise(exercise(), { perms: READ_DATA });
    expect(r.checks[0]).toMatchObject({
      description: 'App reads a.txt',
      actor: 'a session of role App',
      request: 's3:GetObject on arn:aws:s3:::data/a.txt',
      expected: 'allowed',
      got: { outcome: 'allowed' },
    });
    expect(r.checks[2]).toMatchObject({
      actor: 'alice (IAM user)',
      expected: 'error AccessDenied',
      got: { outcome: 'error', code: 'AccessDenied' },
    });
  });

  it('grades a missing document as its starter', () => {
    const r = gradeExercise(exercise(), {});
    expect(r.summary).toBe('2 of 3 checks passed');
    expect(r.checks[0]?.passed).toBe(false);
    expect(r.checks[0]?.got).toMatchObject({ outcome: 'error', code: 'AccessDenied' });
  });

  it('explains a check with the evaluation that decided it', () => {
    const r = gradeExercise(exercise(), { perms: READ_DATA });
    const allowed = r.checks[0]?.explanation;
    expect(allowed?.decision).toBe('Allow');
    expect(allowed?.deciding.length).toBeGreaterThan(0);
    const denied = r.checks[1]?.explanation;
    expect(denied?.decision).toBe('ImplicitDeny');
    expect(denied?.steps.length).toBeGreaterThan(0);
  });

  it('puts a parse error on its range and fails every check with the reason, without throwing', () => {
    const broken =
      '{\n  "Version": "2012-10-17",\n  "Statement": [ { "Effect": "Allow", "Action": "s3:GetObject" } ]\n}';
    const r = gradeExercise(exercise(), { perms: broken });
    const doc = r.documents[0];
    expect(doc?.installed).toBe(false);
    const error = doc?.issues.find((i) => i.severity === 'error');
    expect(error?.range.startLine).toBeGreaterThanOrEqual(1);
    expect(doc?.rejection).toMatch(/^AWS would reject Permissions policy of role App: /);
    expect(r.passedCount).toBe(0);
    expect(r.checks.every((c) => !c.passed && c.reason === doc?.rejection)).toBe(true);
    expect(r.summary).toBe('0 of 3 checks passed');
  });

  it('survives text that is not JSON at all', () => {
    for (const text of ['', 'not json', '[1,2', '{"Statement": 5}', '\u0000']) {
      const r = gradeExercise(exercise(), { perms: text });
      expect(r.documents[0]?.installed).toBe(false);
      expect(r.passedCount).toBe(0);
    }
  });

  it('turns a document the service refuses into a document error over the whole text', () => {
    const input = exerciseInput();
    input.editable = [
      {
        id: 'trust',
        kind: 'trust-policy',
        label: 'Trust policy of role App',
        starter: EC2_TRUST,
        target: { role: 'App', trust: true },
      },
    ];
    input.solution = { trust: EC2_TRUST };
    const nobody = policy({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:user/nobody' },
      Action: 'sts:AssumeRole',
    });
    const r = gradeExercise(exercise(input), { trust: nobody });
    expect(r.documents[0]).toMatchObject({
      installed: false,
      issues: [
        {
          code: 'MalformedPolicyDocument',
          severity: 'error',
          range: { startLine: 1, startColumn: 1 },
        },
      ],
    });
    expect(r.checks.every((c) => !c.passed)).toBe(true);
  });

  it('is deterministic', () => {
    const ex = exercise();
    expect(gradeExercise(ex, { perms: READ_DATA })).toEqual(
      gradeExercise(ex, { perms: READ_DATA }),
    );
    expect(JSON.stringify(gradeExercise(ex, {}))).toBe(JSON.stringify(gradeExercise(ex, {})));
  });

  it('runs every check on its own copy of the world', () => {
    const input = exerciseInput();
    const all = policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' });
    input.checks = [
      {
        description: 'deletes a.txt',
        actor: { role: 'App' },
        call: {
          service: 's3',
          operation: 'DeleteObject',
          params: { Bucket: 'data', Key: 'a.txt' },
        },
        expect: 'allowed',
      },
      {
        description: 'a.txt is still there',
        actor: { role: 'App' },
        call: { service: 's3', operation: 'GetObject', params: { Bucket: 'data', Key: 'a.txt' } },
        expect: 'allowed',
      },
    ];
    input.solution = { perms: all };
    expect(gradeExercise(exercise(input), { perms: all }).summary).toBe('2 of 2 checks passed');
  });

  it('installs bucket policies and permissions boundaries at their targets', () => {
    const input = exerciseInput();
    const bucketPolicy = policy({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::data/*',
    });
    const boundary = policy({ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' });
    input.editable = [
      {
        id: 'bucket',
        kind: 'bucket-policy',
        label: 'Bucket policy of data',
        starter: '',
        target: { bucket: 'data' },
      },
      {
        id: 'perms',
        kind: 'identity-policy',
        label: 'Permissions policy of role App',
        starter: READ_DATA,
        target: { role: 'App', policyName: 'app' },
      },
      {
        id: 'boundary',
        kind: 'permissions-boundary',
        label: 'Permissions boundary of role App',
        starter: '',
        target: { role: 'App', boundary: true },
      },
    ];
    input.solution = { bucket: bucketPolicy, perms: READ_DATA, boundary };
    input.checks = [
      {
        description: 'alice reads through the bucket policy',
        actor: { user: 'alice' },
        call: { service: 's3', operation: 'GetObject', params: { Bucket: 'data', Key: 'a.txt' } },
        expect: 'allowed',
      },
      {
        description: 'the boundary stops App reading',
        actor: { role: 'App' },
        call: { service: 's3', operation: 'GetObject', params: { Bucket: 'data', Key: 'a.txt' } },
        expect: { error: 'AccessDenied' },
      },
      {
        description: 'the boundary lets App list',
        actor: { role: 'App' },
        call: { service: 's3', operation: 'ListObjectsV2', params: { Bucket: 'data' } },
        expect: 'allowed',
      },
    ];
    const r = gradeExercise(exercise(input), input.solution);
    expect(r.documents.map((d) => d.installed)).toEqual([true, true, true]);
    expect(r.checks.filter((c) => !c.passed)).toEqual([]);
  });

  it('resolves role actors through a service or a user, and the trust policy then decides', () => {
    const input: ExerciseInput = exerciseInput();
    input.editable = [
      {
        id: 'trust',
        kind: 'trust-policy',
        label: 'Trust policy of role App',
        starter: EC2_TRUST,
        target: { role: 'App', trust: true },
      },
    ];
    input.world.accounts[0] = {
      ...input.world.accounts[0]!,
      users: [
        {
          name: 'alice',
          inlinePolicies: {
            assume: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
          },
        },
      ],
    };
    const aliceTrust = policy({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` },
      Action: 'sts:AssumeRole',
    });
    input.solution = { trust: aliceTrust };
    input.checks = [
      {
        description: 'alice assumes App',
        actor: { role: 'App', via: { user: 'alice' } },
        call: { service: 'sts', operation: 'GetCallerIdentity', params: {} },
        expect: 'allowed',
      },
      {
        description: 'EC2 assumes App',
        actor: { role: 'App', via: { service: 'ec2.amazonaws.com' } },
        call: { service: 'sts', operation: 'GetCallerIdentity', params: {} },
        expect: 'allowed',
      },
      {
        description: 'EC2 as a service actor',
        actor: { service: 'ec2.amazonaws.com' },
        call: { service: 'sts', operation: 'AssumeRole', params: { RoleArn: ROLE_ARN } },
        expect: 'allowed',
      },
      {
        description: 'a session whatever the trust',
        actor: { role: 'App' },
        call: { service: 'sts', operation: 'GetCallerIdentity', params: {} },
        expect: 'allowed',
      },
    ];
    const withAlice = gradeExercise(exercise(input), { trust: aliceTrust });
    expect(withAlice.checks.map((c) => c.passed)).toEqual([true, false, false, true]);
    expect(withAlice.checks[1]?.reason).toMatch(/ec2\.amazonaws\.com could not assume App/);
    expect(withAlice.checks[1]?.explanation?.decision).toBe('ImplicitDeny');
    expect(withAlice.checks[2]?.explanation?.decision).toBe('ImplicitDeny');
    const withEc2 = gradeExercise(exercise(input), { trust: EC2_TRUST });
    expect(withEc2.checks.map((c) => c.passed)).toEqual([false, true, true, true]);
    expect(withEc2.checks[0]?.explanation?.steps.some((step) => step.step === 'trust-policy')).toBe(
      true,
    );
  });

  it('supports root and anonymous actors and a source IP', () => {
    const input = exerciseInput();
    input.checks = [
      {
        description: 'root reads',
        actor: { root: ACCOUNT },
        call: { service: 's3', operation: 'GetObject', params: { Bucket: 'data', Key: 'a.txt' } },
        expect: 'allowed',
      },
      {
        description: 'anonymous cannot read',
        actor: 'anonymous',
        call: { service: 's3', operation: 'GetObject', params: { Bucket: 'data', Key: 'a.txt' } },
        expect: { error: 'AccessDenied' },
      },
      {
        description: 'from an IP',
        actor: { role: 'App' },
        context: { sourceIp: '198.51.100.7' },
        call: { service: 's3', operation: 'GetObject', params: { Bucket: 'data', Key: 'a.txt' } },
        expect: 'allowed',
      },
    ];
    const r = gradeExercise(exercise(input), { perms: READ_DATA });
    expect(r.checks.map((c) => c.passed)).toEqual([true, true, true]);
    expect(r.checks[0]?.actor).toBe(`root user of ${ACCOUNT}`);
    expect(r.checks[2]?.explanation?.decision).toBe('Allow');
  });

  it('signs in with MFA when the actor asks for it', () => {
    const input = exerciseInput();
    const needMfa = policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::data/*',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    });
    input.world.accounts[0] = {
      ...input.world.accounts[0]!,
      users: [
        {
          name: 'alice',
          mfa: true,
          inlinePolicies: {
            read: needMfa,
            assume: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
          },
        },
      ],
    };
    const trustAliceWithMfa = policy({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` },
      Action: 'sts:AssumeRole',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    });
    input.world.accounts[0].roles = [{ name: 'App', trustPolicy: trustAliceWithMfa }];
    const get = { service: 's3', operation: 'GetObject', params: { Bucket: 'data', Key: 'a.txt' } };
    input.checks = [
      {
        description: 'alice with MFA reads',
        actor: { user: 'alice', mfa: true },
        call: get,
        expect: 'allowed',
      },
      {
        description: 'alice without MFA cannot',
        actor: { user: 'alice' },
        call: get,
        expect: { error: 'AccessDenied' },
      },
      {
        description: 'alice with MFA assumes App',
        actor: { role: 'App', via: { user: 'alice', mfa: true } },
        call: get,
        expect: 'allowed',
      },
      {
        description: 'alice without MFA cannot assume App',
        actor: { user: 'alice' },
        call: {
          service: 'sts',
          operation: 'AssumeRole',
          params: { RoleArn: ROLE_ARN, RoleSessionName: 'alice' },
        },
        expect: { error: 'AccessDenied' },
      },
    ];
    const r = gradeExercise(exercise(input), { perms: READ_DATA });
    expect(r.checks.map((c) => c.reason ?? c.passed)).toEqual([true, true, true, true]);
    expect(r.checks[0]?.actor).toBe('alice (IAM user, signed in with MFA)');
  });

  it('reports least-privilege findings: probes that are allowed and banned flags', () => {
    const input = exerciseInput();
    input.lint = {
      mustDeny: [
        {
          description: 'it deletes objects',
          actor: { role: 'App' },
          call: {
            service: 's3',
            operation: 'DeleteObject',
            params: { Bucket: 'data', Key: 'a.txt' },
          },
        },
      ],
      noFlags: ['S3_FULL_ACCESS_ALL_RESOURCES'],
    };
    const ex = exercise(input);
    expect(gradeExercise(ex, { perms: READ_DATA }).lint).toEqual([]);
    const broad = gradeExercise(ex, {
      perms: policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
    });
    expect(broad.lint.map((f) => f.rule)).toEqual(['mustDeny', 'flag']);
    expect(broad.lint[0]?.message).toContain('s3:DeleteObject on arn:aws:s3:::data/a.txt');
    expect(broad.lint[1]?.flag).toBe('S3_FULL_ACCESS_ALL_RESOURCES');
    expect(broad.solved).toBe(false);
  });

  it('signs as a user who already holds the two keys IAM allows', () => {
    const input = exerciseInput();
    const read = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
    input.world.accounts[0] = {
      ...input.world.accounts[0]!,
      users: [{ name: 'alice', inlinePolicies: { read }, accessKeys: [{}, {}] }],
    };
    input.checks = [
      {
        description: 'alice reads',
        actor: { user: 'alice' },
        call: { service: 's3', operation: 'GetObject', params: { Bucket: 'data', Key: 'a.txt' } },
        expect: 'allowed',
      },
    ];
    expect(gradeExercise(exercise(input), {}).checks[0]).toMatchObject({ passed: true });
  });

  it('grades an exercise of 30 checks', () => {
    const input = exerciseInput();
    const base = input.checks;
    input.checks = Array.from({ length: 30 }, (_, i) => base[i % base.length]!);
    const r = gradeExercise(exercise(input), { perms: READ_DATA });
    expect(r.summary).toBe('30 of 30 checks passed');
  });
});
