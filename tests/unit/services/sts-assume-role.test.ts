import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../src/sim/world/index.ts';
import { authenticatorCode } from '../../../src/sim/services/index.ts';
import type { AccessKeyCredentials } from '../../../src/sim/services/index.ts';
import { baseWorld, caller, codeOf, DEV, expectOk, KEYS, PROD } from './fixtures.ts';

type Assumed = { Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: string }; AssumedRoleUser: { AssumedRoleId: string; Arn: string }; PackedPolicySize?: number; SourceIdentity?: string };

const creds = (r: Assumed): AccessKeyCredentials => ({ accessKeyId: r.Credentials.AccessKeyId, secretAccessKey: r.Credentials.SecretAccessKey, sessionToken: r.Credentials.SessionToken });
const DEV_READER = `arn:aws:iam::${DEV}:role/DevReader`;
const CHAINER = `arn:aws:iam::${DEV}:role/Chainer`;
const PROD_DEPLOY = `arn:aws:iam::${PROD}:role/deploy/ProdDeploy`;

describe('AssumeRole', () => {
  it('issues ASIA credentials with the assumed-role ARN and id AWS forms', () => {
    const world = baseWorld();
    const call = caller(world);
    const r = expectOk<Assumed>(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: DEV_READER, RoleSessionName: 'bob-session' }));
    const roleId = world.accounts[DEV]?.iam.roles['DevReader']?.roleId;
    expect(r.AssumedRoleUser).toEqual({ AssumedRoleId: `${roleId}:bob-session`, Arn: `arn:aws:sts::${DEV}:assumed-role/DevReader/bob-session` });
    expect(r.Credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(r.Credentials.Expiration).toBe('2026-01-01T10:00:00.000Z');
    const me = expectOk(call(creds(r), 'sts', 'GetCallerIdentity'));
    expect(me).toEqual({ UserId: `${roleId}:bob-session`, Account: DEV, Arn: `arn:aws:sts::${DEV}:assumed-role/DevReader/bob-session` });
  });

  it('drops the role path from the session ARN and works across accounts with the external id', () => {
    const call = caller(baseWorld());
    // bob's group may assume only roles of its own account: the trust policy alone is not enough across accounts.
    expect(codeOf(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: PROD_DEPLOY, RoleSessionName: 'deploy', ExternalId: 'ext-123' }))).toBe('AccessDenied');
    expect(codeOf(call(KEYS.carol, 'sts', 'AssumeRole', { RoleArn: PROD_DEPLOY, RoleSessionName: 'deploy' }))).toBe('AccessDenied');
    expect(codeOf(call(KEYS.carol, 'sts', 'AssumeRole', { RoleArn: PROD_DEPLOY, RoleSessionName: 'deploy', ExternalId: 'wrong-id' }))).toBe('AccessDenied');
    const r = expectOk<Assumed>(call(KEYS.carol, 'sts', 'AssumeRole', { RoleArn: PROD_DEPLOY, RoleSessionName: 'deploy', ExternalId: 'ext-123' }));
    expect(r.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${PROD}:assumed-role/ProdDeploy/deploy`);
  });

  it('needs an identity policy when the trust policy only trusts the account', () => {
    const call = caller(baseWorld());
    const r = call(KEYS.alice, 'sts', 'AssumeRole', { RoleArn: DEV_READER, RoleSessionName: 's1' });
    expect(r).toMatchObject({ error: { code: 'AccessDenied', httpStatus: 403 } });
    if (!r.ok) expect(r.error.message).toMatch(new RegExp(`^User: arn:aws:iam::${DEV}:user/alice is not authorized to perform: sts:AssumeRole on resource: ${DEV_READER}`));
  });

  it('answers AccessDenied, not NoSuchEntity, for a role that does not exist; root may not assume roles', () => {
    const call = caller(baseWorld());
    expect(codeOf(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: `arn:aws:iam::${DEV}:role/Ghost`, RoleSessionName: 's1' }))).toBe('AccessDenied');
    expect(call({ root: DEV }, 'sts', 'AssumeRole', { RoleArn: DEV_READER, RoleSessionName: 's1' })).toMatchObject({ error: { message: 'Roles may not be assumed by root accounts.' } });
  });

  it('validates the session name and duration range as STS does', () => {
    const call = caller(baseWorld());
    expect(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: DEV_READER, RoleSessionName: 'a' })).toMatchObject({
      error: { code: 'ValidationError', message: "1 validation error detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2" },
    });
    expect(codeOf(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: DEV_READER, RoleSessionName: 'has space' }))).toBe('ValidationError');
    expect(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: DEV_READER, RoleSessionName: 'ok', DurationSeconds: 899 })).toMatchObject({
      error: { message: "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900" },
    });
    expect(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: DEV_READER, RoleSessionName: 'ok', DurationSeconds: 7200 })).toMatchObject({
      error: { code: 'ValidationError', message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' },
    });
    expect(expectOk<Assumed>(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: DEV_READER, RoleSessionName: 'ok', DurationSeconds: 900 })).Credentials.Expiration).toBe('2026-01-01T09:15:00.000Z');
  });

  it('caps chained sessions at one hour', () => {
    const call = caller(baseWorld());
    const first = expectOk<Assumed>(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: CHAINER, RoleSessionName: 'hop1', DurationSeconds: 43200 }));
    expect(call(creds(first), 'sts', 'AssumeRole', { RoleArn: PROD_DEPLOY, RoleSessionName: 'hop2', ExternalId: 'ext-123', DurationSeconds: 7200 })).toMatchObject({
      error: { code: 'ValidationError', message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.' },
    });
    expect(codeOf(call(creds(first), 'sts', 'AssumeRole', { RoleArn: PROD_DEPLOY, RoleSessionName: 'hop2', ExternalId: 'ext-123', DurationSeconds: 3600 }))).toBe('OK');
  });

  it('refuses expired credentials with ExpiredToken', () => {
    const world = baseWorld();
    const call = caller(world);
    const r = expectOk<Assumed>(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: DEV_READER, RoleSessionName: 'sx', DurationSeconds: 900 }));
    manualClock(world.clock).advanceSeconds(899);
    expect(codeOf(call(creds(r), 'sts', 'GetCallerIdentity'))).toBe('OK');
    manualClock(world.clock).advanceSeconds(1);
    expect(call(creds(r), 'sts', 'GetCallerIdentity')).toMatchObject({ error: { code: 'ExpiredToken', message: 'The security token included in the request is expired' } });
    expect(codeOf(call({ accessKeyId: r.Credentials.AccessKeyId }, 'sts', 'GetCallerIdentity'))).toBe('InvalidClientTokenId');
  });

  it('requires MFA when the trust policy says so, and checks the code', () => {
    const world = baseWorld();
    const call = caller(world);
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEV}:root` }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }],
    });
    expectOk(call(KEYS.admin, 'iam', 'CreateRole', { RoleName: 'Sensitive', AssumeRolePolicyDocument: trust }));
    const arn = `arn:aws:iam::${DEV}:role/Sensitive`;
    const serial = `arn:aws:iam::${DEV}:mfa/carol`;
    expect(codeOf(call(KEYS.carol, 'sts', 'AssumeRole', { RoleArn: arn, RoleSessionName: 'cx' }))).toBe('AccessDenied');
    expect(call(KEYS.carol, 'sts', 'AssumeRole', { RoleArn: arn, RoleSessionName: 'cx', SerialNumber: serial, TokenCode: '000000' })).toMatchObject({
      error: { code: 'AccessDenied', message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.' },
    });
    const code = authenticatorCode(world, serial)?.code;
    expect(codeOf(call(KEYS.carol, 'sts', 'AssumeRole', { RoleArn: arn, RoleSessionName: 'cx', SerialNumber: serial, TokenCode: code }))).toBe('OK');
    // bob has no MFA device: carol's serial does not authenticate him.
    expect(codeOf(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: arn, RoleSessionName: 'bx', SerialNumber: serial, TokenCode: code }))).toBe('AccessDenied');
  });

  it('limits a session with a session policy', () => {
    const call = caller(baseWorld());
    expectOk(call(KEYS.admin, 'iam', 'AttachRolePolicy', { RoleName: 'DevReader', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    const full = expectOk<Assumed>(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: DEV_READER, RoleSessionName: 'full' }));
    expect(codeOf(call(creds(full), 'iam', 'ListRoles'))).toBe('OK');
    const s3Only = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });
    const limited = expectOk<Assumed>(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: DEV_READER, RoleSessionName: 'limited', Policy: s3Only }));
    expect(limited.PackedPolicySize).toBeGreaterThan(0);
    expect(codeOf(call(creds(limited), 'iam', 'ListRoles'))).toBe('AccessDenied');
    const managed = expectOk<Assumed>(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: DEV_READER, RoleSessionName: 'managed', PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }] }));
    expect(codeOf(call(creds(managed), 'iam', 'ListRoles'))).toBe('AccessDenied');
    expect(codeOf(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: DEV_READER, RoleSessionName: 'bad', Policy: '{"Statement": []' }))).toBe('MalformedPolicyDocument');
  });

  it('needs sts:TagSession in the trust policy for session tags, and carries transitive tags along a chain', () => {
    const world = baseWorld();
    const call = caller(world);
    const tags = [{ Key: 'project', Value: 'apollo' }];
    expect(codeOf(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: CHAINER, RoleSessionName: 'tx', Tags: tags }))).toBe('AccessDenied');
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEV}:root` }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] });
    expectOk(call(KEYS.admin, 'iam', 'UpdateAssumeRolePolicy', { RoleName: 'Chainer', PolicyDocument: trust }));
    expectOk(call(KEYS.admin, 'iam', 'UpdateAssumeRolePolicy', { RoleName: 'DevReader', PolicyDocument: trust }));
    expect(codeOf(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: CHAINER, RoleSessionName: 'tx', Tags: tags, TransitiveTagKeys: ['other'] }))).toBe('ValidationError');
    const first = expectOk<Assumed>(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: CHAINER, RoleSessionName: 'tx', Tags: tags, TransitiveTagKeys: ['project'] }));
    const second = expectOk<Assumed>(call(creds(first), 'sts', 'AssumeRole', { RoleArn: DEV_READER, RoleSessionName: 't2' }));
    const session = world.sts.credentials[second.Credentials.AccessKeyId];
    expect(session?.tags).toEqual({ project: 'apollo' });
    expect(session?.transitiveTagKeys).toEqual(['project']);
    expect(codeOf(call(creds(first), 'sts', 'AssumeRole', { RoleArn: DEV_READER, RoleSessionName: 't3', Tags: [{ Key: 'PROJECT', Value: 'gemini' }] }))).toBe('ValidationError');
  });

  it('needs sts:SetSourceIdentity for a source identity, which then sticks to the chain', () => {
    const world = baseWorld();
    const call = caller(world);
    expect(codeOf(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: CHAINER, RoleSessionName: 'sx', SourceIdentity: 'bob@example.com' }))).toBe('AccessDenied');
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEV}:root` }, Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'] }] });
    expectOk(call(KEYS.admin, 'iam', 'UpdateAssumeRolePolicy', { RoleName: 'Chainer', PolicyDocument: trust }));
    const first = expectOk<Assumed>(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: CHAINER, RoleSessionName: 'sx', SourceIdentity: 'bob@example.com' }));
    expect(first.SourceIdentity).toBe('bob@example.com');
    const second = expectOk<Assumed>(call(creds(first), 'sts', 'AssumeRole', { RoleArn: DEV_READER, RoleSessionName: 's2' }));
    expect(world.sts.credentials[second.Credentials.AccessKeyId]?.sourceIdentity).toBe('bob@example.com');
    expect(codeOf(call(creds(first), 'sts', 'AssumeRole', { RoleArn: DEV_READER, RoleSessionName: 's3', SourceIdentity: 'mallory' }))).toBe('AccessDenied');
    expect(codeOf(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: CHAINER, RoleSessionName: 'sx', SourceIdentity: 'aws:me' }))).toBe('ValidationError');
  });
});
