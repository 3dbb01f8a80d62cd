import { describe, expect, it } from 'vitest';
import { authenticatorCode, checkAccess, resolveCaller } from '../../../src/sim/services/index.ts';
import { baseWorld, caller, codeOf, DEV, expectOk, KEYS } from './fixtures.ts';

type Creds = { Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: string } };

describe('GetCallerIdentity', () => {
  it('answers for users and root, and cannot be denied', () => {
    const world = baseWorld();
    const call = caller(world);
    const denyAll = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] });
    expectOk(call(KEYS.admin, 'iam', 'PutUserPolicy', { UserName: 'alice', PolicyName: 'deny', PolicyDocument: denyAll }));
    const alice = world.accounts[DEV]?.iam.users['alice'];
    expect(expectOk(call(KEYS.alice, 'sts', 'GetCallerIdentity'))).toEqual({ UserId: alice?.userId, Account: DEV, Arn: `arn:aws:iam::${DEV}:user/alice` });
    expect(expectOk(call({ root: DEV }, 'sts', 'GetCallerIdentity'))).toEqual({ UserId: DEV, Account: DEV, Arn: `arn:aws:iam::${DEV}:root` });
    expect(codeOf(call(null, 'sts', 'GetCallerIdentity'))).toBe('MissingAuthenticationToken');
    expect(codeOf(call({ accessKeyId: 'AKIAUNKNOWNUNKNOWN12' }, 'sts', 'GetCallerIdentity'))).toBe('InvalidClientTokenId');
  });
});

describe('GetSessionToken', () => {
  it('gives a user MFA-authenticated temporary credentials', () => {
    const world = baseWorld();
    const call = caller(world);
    const serial = `arn:aws:iam::${DEV}:mfa/carol`;
    const r = expectOk<Creds>(call(KEYS.carol, 'sts', 'GetSessionToken', { SerialNumber: serial, TokenCode: authenticatorCode(world, serial)?.code }));
    expect(r.Credentials.Expiration).toBe('2026-01-01T21:00:00.000Z');
    const session = { accessKeyId: r.Credentials.AccessKeyId, sessionToken: r.Credentials.SessionToken };
    expect(world.sts.credentials[session.accessKeyId]?.mfaAuthenticated).toBe(true);
    expect(expectOk<{ Arn: string }>(call(session, 'sts', 'GetCallerIdentity')).Arn).toBe(`arn:aws:iam::${DEV}:user/carol`);
    expect(call(session, 'sts', 'GetSessionToken')).toMatchObject({ error: { message: 'Cannot call GetSessionToken with session credentials' } });
    expect(codeOf(call(KEYS.carol, 'sts', 'GetSessionToken', { DurationSeconds: 129601 }))).toBe('ValidationError');
  });

  it('reaches IAM only when MFA was used', () => {
    const world = baseWorld();
    const call = caller(world);
    expectOk(call(KEYS.admin, 'iam', 'AttachUserPolicy', { UserName: 'carol', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    const plain = expectOk<Creds>(call(KEYS.carol, 'sts', 'GetSessionToken'));
    expect(codeOf(call({ accessKeyId: plain.Credentials.AccessKeyId, sessionToken: plain.Credentials.SessionToken }, 'iam', 'ListRoles'))).toBe('InvalidClientTokenId');
    const serial = `arn:aws:iam::${DEV}:mfa/carol`;
    const mfa = expectOk<Creds>(call(KEYS.carol, 'sts', 'GetSessionToken', { SerialNumber: serial, TokenCode: authenticatorCode(world, serial)?.code }));
    expect(codeOf(call({ accessKeyId: mfa.Credentials.AccessKeyId, sessionToken: mfa.Credentials.SessionToken }, 'iam', 'ListRoles'))).toBe('OK');
  });

  it('caps the root user at one hour', () => {
    const call = caller(baseWorld());
    expect(expectOk<Creds>(call({ root: DEV }, 'sts', 'GetSessionToken', { DurationSeconds: 7200 })).Credentials.Expiration).toBe('2026-01-01T10:00:00.000Z');
  });
});

describe('GetFederationToken', () => {
  type Fed = Creds & { FederatedUser: { FederatedUserId: string; Arn: string } };
  const s3Read = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' }] });

  it('issues a federated-user session whose ARN and id AWS forms from the name', () => {
    const world = baseWorld();
    const call = caller(world);
    const r = expectOk<Fed>(call(KEYS.admin, 'sts', 'GetFederationToken', { Name: 'partner-jane', Policy: s3Read }));
    expect(r.FederatedUser).toEqual({ FederatedUserId: `${DEV}:partner-jane`, Arn: `arn:aws:sts::${DEV}:federated-user/partner-jane` });
    expect(r.Credentials.Expiration).toBe('2026-01-01T21:00:00.000Z');
    const fed = { accessKeyId: r.Credentials.AccessKeyId, sessionToken: r.Credentials.SessionToken };
    expect(expectOk(call(fed, 'sts', 'GetCallerIdentity'))).toEqual({ UserId: `${DEV}:partner-jane`, Account: DEV, Arn: `arn:aws:sts::${DEV}:federated-user/partner-jane` });
    expect(world.events.at(-1)?.userIdentity).toMatchObject({ type: 'FederatedUser', sessionContext: { sessionIssuer: { type: 'IAMUser', userName: 'admin' } } });
    expect(codeOf(call(fed, 'iam', 'ListRoles'))).toBe('InvalidClientTokenId');
    expect(codeOf(call(fed, 'sts', 'AssumeRole', { RoleArn: `arn:aws:iam::${DEV}:role/DevReader`, RoleSessionName: 'fed' }))).toBe('AccessDenied');
    expect(codeOf(call(fed, 'sts', 'GetFederationToken', { Name: 'again' }))).toBe('AccessDenied');
  });

  it('grants only what both the caller and the session policy allow, and nothing without a session policy', () => {
    const world = baseWorld();
    const call = caller(world);
    const can = (r: Fed, action: string) => {
      const who = resolveCaller(world, { accessKeyId: r.Credentials.AccessKeyId, sessionToken: r.Credentials.SessionToken });
      if (!who.ok) throw new Error('federated session must resolve');
      return checkAccess({ world, caller: who.result, opts: {}, service: 's3' }, { action, resource: 'arn:aws:s3:::bucket' }).allowed;
    };
    const bare = expectOk<Fed>(call(KEYS.admin, 'sts', 'GetFederationToken', { Name: 'bare' }));
    expect(can(bare, 's3:ListBucket')).toBe(false);
    const s3 = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:List*', Resource: '*' }] });
    const scoped = expectOk<Fed>(call(KEYS.admin, 'sts', 'GetFederationToken', { Name: 'scoped', Policy: s3 }));
    expect(can(scoped, 's3:ListBucket')).toBe(true);
    expect(can(scoped, 's3:PutObject')).toBe(false);
  });

  it('needs sts:GetFederationToken and validates the name', () => {
    const call = caller(baseWorld());
    expect(codeOf(call(KEYS.alice, 'sts', 'GetFederationToken', { Name: 'x1' }))).toBe('AccessDenied');
    expect(codeOf(call(KEYS.admin, 'sts', 'GetFederationToken', { Name: 'x' }))).toBe('ValidationError');
    expect(codeOf(call(KEYS.admin, 'sts', 'GetFederationToken', { Name: 'ok-name', Policy: '{' }))).toBe('MalformedPolicyDocument');
  });
});
