import { describe, expect, it } from 'vitest';
import { AWS_MANAGED_POLICIES } from '../../../src/sim/world/index.ts';
import { baseWorld, caller, codeOf, DEV, expectOk, KEYS } from './fixtures.ts';

const doc = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

describe('managed policies and versions', () => {
  it('creates a policy, adds versions up to five, and switches the default', () => {
    const call = caller(baseWorld());
    const created = expectOk<{ Policy: Record<string, unknown> }>(call(KEYS.admin, 'iam', 'CreatePolicy', { PolicyName: 'Logs', PolicyDocument: doc('logs:Get*') }));
    const arn = `arn:aws:iam::${DEV}:policy/Logs`;
    expect(created.Policy).toMatchObject({ PolicyName: 'Logs', Arn: arn, DefaultVersionId: 'v1', AttachmentCount: 0, IsAttachable: true });
    expect(String(created.Policy['PolicyId'])).toMatch(/^ANPA/);
    for (let i = 2; i <= 5; i++) {
      expect(expectOk<{ PolicyVersion: { VersionId: string } }>(call(KEYS.admin, 'iam', 'CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: doc(`logs:Get${i}`) })).PolicyVersion.VersionId).toBe(`v${i}`);
    }
    expect(call(KEYS.admin, 'iam', 'CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: doc('logs:x') })).toMatchObject({
      error: { code: 'LimitExceeded', message: 'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.' },
    });
    expect(codeOf(call(KEYS.admin, 'iam', 'DeletePolicyVersion', { PolicyArn: arn, VersionId: 'v1' }))).toBe('DeleteConflict');
    expect(codeOf(call(KEYS.admin, 'iam', 'SetDefaultPolicyVersion', { PolicyArn: arn, VersionId: 'v3' }))).toBe('OK');
    expect(codeOf(call(KEYS.admin, 'iam', 'DeletePolicyVersion', { PolicyArn: arn, VersionId: 'v1' }))).toBe('OK');
    // Version ids are never reused.
    expect(expectOk<{ PolicyVersion: { VersionId: string; IsDefaultVersion: boolean } }>(call(KEYS.admin, 'iam', 'CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: doc('logs:y'), SetAsDefault: true })).PolicyVersion).toMatchObject({ VersionId: 'v6', IsDefaultVersion: true });
    const v3 = expectOk<{ PolicyVersion: { Document: string; IsDefaultVersion: boolean } }>(call(KEYS.admin, 'iam', 'GetPolicyVersion', { PolicyArn: arn, VersionId: 'v3' }));
    expect(v3.PolicyVersion).toMatchObject({ Document: doc('logs:Get3'), IsDefaultVersion: false });
    expect(expectOk<{ Versions: { VersionId: string }[] }>(call(KEYS.admin, 'iam', 'ListPolicyVersions', { PolicyArn: arn })).Versions.map((v) => v.VersionId)).toEqual(['v6', 'v5', 'v4', 'v3', 'v2']);
  });

  it('rejects duplicate names and malformed documents with the parser’s sentence', () => {
    const call = caller(baseWorld());
    expectOk(call(KEYS.admin, 'iam', 'CreatePolicy', { PolicyName: 'P', PolicyDocument: doc('s3:GetObject') }));
    expect(call(KEYS.admin, 'iam', 'CreatePolicy', { PolicyName: 'p', PolicyDocument: doc('s3:GetObject') })).toMatchObject({
      error: { code: 'EntityAlreadyExists', message: 'A policy called p already exists. Duplicate names are not allowed.' },
    });
    const withPrincipal = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] });
    const r = call(KEYS.admin, 'iam', 'CreatePolicy', { PolicyName: 'Q', PolicyDocument: withPrincipal });
    expect(r).toMatchObject({ ok: false, error: { code: 'MalformedPolicyDocument', httpStatus: 400 } });
    if (!r.ok) expect(r.error.message.length).toBeGreaterThan(10);
  });

  it('serves the AWS managed catalog read-only, with the documented documents', () => {
    const call = caller(baseWorld());
    const s3 = AWS_MANAGED_POLICIES['AmazonS3FullAccess'];
    expect(JSON.parse(s3?.document ?? '{}')).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' }] });
    expect(AWS_MANAGED_POLICIES['AWSLambdaBasicExecutionRole']?.arn).toBe('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole');
    const got = expectOk<{ Policy: Record<string, unknown> }>(call(KEYS.admin, 'iam', 'GetPolicy', { PolicyArn: s3?.arn }));
    expect(got.Policy).toMatchObject({ PolicyName: 'AmazonS3FullAccess', DefaultVersionId: 'v2', AttachmentCount: 1 });
    expect(codeOf(call(KEYS.admin, 'iam', 'CreatePolicyVersion', { PolicyArn: s3?.arn, PolicyDocument: doc('s3:*') }))).toBe('AccessDenied');
    const listed = expectOk<{ Policies: { PolicyName: string }[] }>(call(KEYS.admin, 'iam', 'ListPolicies', { Scope: 'AWS', OnlyAttached: true }));
    expect(listed.Policies.map((p) => p.PolicyName)).toEqual(['AdministratorAccess', 'AmazonS3FullAccess', 'AmazonS3ReadOnlyAccess', 'ReadOnlyAccess']);
  });

  it('refuses to delete a policy while it is attached', () => {
    const call = caller(baseWorld());
    const arn = `arn:aws:iam::${DEV}:policy/P`;
    expectOk(call(KEYS.admin, 'iam', 'CreatePolicy', { PolicyName: 'P', PolicyDocument: doc('s3:GetObject') }));
    expectOk(call(KEYS.admin, 'iam', 'AttachUserPolicy', { UserName: 'alice', PolicyArn: arn }));
    expect(call(KEYS.admin, 'iam', 'DeletePolicy', { PolicyArn: arn })).toMatchObject({ error: { code: 'DeleteConflict', message: 'Cannot delete a policy attached to entities.' } });
    expectOk(call(KEYS.admin, 'iam', 'DetachUserPolicy', { UserName: 'alice', PolicyArn: arn }));
    expect(codeOf(call(KEYS.admin, 'iam', 'DeletePolicy', { PolicyArn: arn }))).toBe('OK');
    expect(codeOf(call(KEYS.admin, 'iam', 'GetPolicy', { PolicyArn: arn }))).toBe('NoSuchEntity');
  });
});

describe('inline and attached policies of users, groups and roles', () => {
  it('puts, gets, lists and deletes inline policies', () => {
    const call = caller(baseWorld());
    expectOk(call(KEYS.admin, 'iam', 'PutRolePolicy', { RoleName: 'DevReader', PolicyName: 'extra', PolicyDocument: doc('sqs:*') }));
    expect(expectOk(call(KEYS.admin, 'iam', 'GetRolePolicy', { RoleName: 'DevReader', PolicyName: 'extra' }))).toEqual({ RoleName: 'DevReader', PolicyName: 'extra', PolicyDocument: doc('sqs:*') });
    expect(expectOk(call(KEYS.admin, 'iam', 'ListRolePolicies', { RoleName: 'DevReader' }))).toEqual({ PolicyNames: ['extra'], IsTruncated: false });
    expect(call(KEYS.admin, 'iam', 'GetRolePolicy', { RoleName: 'DevReader', PolicyName: 'nope' })).toMatchObject({ error: { code: 'NoSuchEntity', message: 'The role policy with name nope cannot be found.' } });
    expectOk(call(KEYS.admin, 'iam', 'DeleteRolePolicy', { RoleName: 'DevReader', PolicyName: 'extra' }));
    expectOk(call(KEYS.admin, 'iam', 'PutGroupPolicy', { GroupName: 'developers', PolicyName: 'g', PolicyDocument: doc('sns:*') }));
    expectOk(call(KEYS.admin, 'iam', 'PutUserPolicy', { UserName: 'alice', PolicyName: 'u', PolicyDocument: doc('sns:*') }));
  });

  it('attaches managed policies up to the quota and lists them', () => {
    const call = caller(baseWorld());
    expect(expectOk(call(KEYS.admin, 'iam', 'ListAttachedRolePolicies', { RoleName: 'DevReader' }))).toEqual({
      AttachedPolicies: [{ PolicyName: 'AmazonS3ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }],
      IsTruncated: false,
    });
    expect(call(KEYS.admin, 'iam', 'AttachRolePolicy', { RoleName: 'DevReader', PolicyArn: 'arn:aws:iam::aws:policy/Nope' })).toMatchObject({
      error: { code: 'NoSuchEntity', message: 'Policy arn:aws:iam::aws:policy/Nope does not exist or is not attachable.' },
    });
    for (let i = 0; i < 9; i++) expectOk(call(KEYS.admin, 'iam', 'CreatePolicy', { PolicyName: `P${i}`, PolicyDocument: doc('s3:GetObject') }));
    for (let i = 0; i < 9; i++) expectOk(call(KEYS.admin, 'iam', 'AttachRolePolicy', { RoleName: 'DevReader', PolicyArn: `arn:aws:iam::${DEV}:policy/P${i}` }));
    expect(call(KEYS.admin, 'iam', 'AttachRolePolicy', { RoleName: 'DevReader', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })).toMatchObject({ error: { code: 'LimitExceeded', message: 'Cannot exceed quota for PoliciesPerRole: 10' } });
    expect(call(KEYS.admin, 'iam', 'DetachRolePolicy', { RoleName: 'DevReader', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })).toMatchObject({ error: { code: 'NoSuchEntity' } });
  });

  it('enforces the inline size budget per user (2,048 characters)', () => {
    const call = caller(baseWorld());
    const big = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: Array.from({ length: 100 }, (_, i) => `s3:GetObjectNumber${i}`), Resource: '*' }] });
    const r = call(KEYS.admin, 'iam', 'PutUserPolicy', { UserName: 'alice', PolicyName: 'big', PolicyDocument: big });
    expect(r).toMatchObject({ error: { code: 'LimitExceeded' } });
    expect(codeOf(call(KEYS.admin, 'iam', 'PutRolePolicy', { RoleName: 'DevReader', PolicyName: 'big', PolicyDocument: big }))).toBe('OK');
  });

  it('gives the new permissions to the principal on the next call', () => {
    const call = caller(baseWorld());
    expect(codeOf(call(KEYS.alice, 'iam', 'ListRoles'))).toBe('AccessDenied');
    expectOk(call(KEYS.admin, 'iam', 'AttachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    expect(codeOf(call(KEYS.alice, 'iam', 'ListRoles'))).toBe('OK');
    expect(codeOf(call(KEYS.bob, 'iam', 'ListRoles'))).toBe('OK');
  });
});
