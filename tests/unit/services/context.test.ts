import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../src/sim/world/index.ts';
import { authorizeInput, callAws, resolveCaller } from '../../../src/sim/services/index.ts';
import { baseWorld, caller, codeOf, DEV, expectOk, KEYS } from './fixtures.ts';

const policy = (condition: Record<string, unknown>) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*', Condition: condition }] });

describe('the request context AWS builds', () => {
  it('carries aws:SourceIp from the call', () => {
    const world = baseWorld();
    expectOk(callAws(world, KEYS.admin, 'iam', 'PutUserPolicy', { UserName: 'alice', PolicyName: 'ip', PolicyDocument: policy({ IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } }) }));
    expect(codeOf(callAws(world, KEYS.alice, 'iam', 'ListRoles', {}, { sourceIp: '192.0.2.44' }))).toBe('OK');
    expect(codeOf(callAws(world, KEYS.alice, 'iam', 'ListRoles', {}, { sourceIp: '198.51.100.1' }))).toBe('AccessDenied');
    expect(world.events.at(-1)?.sourceIPAddress).toBe('198.51.100.1');
  });

  it('reads aws:CurrentTime from the world clock', () => {
    const world = baseWorld();
    expectOk(callAws(world, KEYS.admin, 'iam', 'PutUserPolicy', { UserName: 'alice', PolicyName: 't', PolicyDocument: policy({ DateLessThan: { 'aws:CurrentTime': '2026-01-01T10:00:00Z' } }) }));
    expect(codeOf(callAws(world, KEYS.alice, 'iam', 'ListRoles'))).toBe('OK');
    manualClock(world.clock).advanceSeconds(3600);
    expect(codeOf(callAws(world, KEYS.alice, 'iam', 'ListRoles'))).toBe('AccessDenied');
  });

  it('resolves IAM to us-east-1 for aws:RequestedRegion whatever region the call names', () => {
    const world = baseWorld();
    expectOk(callAws(world, KEYS.admin, 'iam', 'PutUserPolicy', { UserName: 'alice', PolicyName: 'r', PolicyDocument: policy({ StringEquals: { 'aws:RequestedRegion': 'us-east-1' } }) }));
    expect(codeOf(callAws(world, KEYS.alice, 'iam', 'ListRoles', {}, { region: 'eu-west-1' }))).toBe('OK');
  });

  it('leaves aws:MultiFactorAuthPresent out for long-term keys and sets it for sessions', () => {
    const world = baseWorld();
    const call = caller(world);
    const keyCaller = resolveCaller(world, KEYS.bob);
    if (!keyCaller.ok) throw new Error('bob');
    const keyInput = authorizeInput({ world, caller: keyCaller.result, opts: {}, service: 'iam' }, { action: 'iam:ListRoles', resource: '*' });
    expect(keyInput?.request.context?.['aws:MultiFactorAuthPresent']).toBeUndefined();
    expect(keyInput?.principal).toMatchObject({ type: 'IAMUser', uniqueId: world.accounts[DEV]?.iam.users['bob']?.userId });
    const r = expectOk<{ Credentials: { AccessKeyId: string; SessionToken: string } }>(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: `arn:aws:iam::${DEV}:role/DevReader`, RoleSessionName: 'bob' }));
    const session = resolveCaller(world, { accessKeyId: r.Credentials.AccessKeyId, sessionToken: r.Credentials.SessionToken });
    if (!session.ok) throw new Error('session');
    const input = authorizeInput({ world, caller: session.result, opts: {}, service: 's3' }, { action: 's3:ListBucket', resource: 'arn:aws:s3:::b' });
    expect(input?.request.context).toMatchObject({ 'aws:MultiFactorAuthPresent': 'false', 'aws:TokenIssueTime': '2026-01-01T09:00:00Z', 'aws:RequestedRegion': 'us-east-1', 'aws:EpochTime': String(Date.UTC(2026, 0, 1, 9) / 1000) });
    expect(input?.principal).toMatchObject({ type: 'AssumedRole', roleArn: `arn:aws:iam::${DEV}:role/DevReader`, sessionName: 'bob', tags: { env: 'dev' } });
  });

  it('refuses unknown root accounts and unsigned calls to signed operations', () => {
    const world = baseWorld();
    expect(codeOf(callAws(world, { root: '999999999999' }, 'iam', 'ListRoles'))).toBe('InvalidClientTokenId');
    expect(codeOf(callAws(world, null, 'iam', 'ListRoles'))).toBe('MissingAuthenticationToken');
  });
});
