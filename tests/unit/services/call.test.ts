import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorld, snapshot } from '../../../src/sim/world/index.ts';
import { callAws, operationsOf, SERVICES } from '../../../src/sim/services/index.ts';
import type { Credentials } from '../../../src/sim/services/index.ts';
import { baseWorld, caller, codeOf, DEV, expectOk, KEYS, PROD } from './fixtures.ts';

describe('callAws', () => {
  it('logs every call, allowed or denied, with CloudTrail fields and no secrets', () => {
    const world = baseWorld();
    const call = caller(world);
    expectOk(call(KEYS.admin, 'iam', 'CreateAccessKey', { UserName: 'alice' }));
    call(KEYS.alice, 'iam', 'ListRoles');
    const [created, denied] = world.events;
    expect(created).toMatchObject({
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateAccessKey',
      awsRegion: 'us-east-1',
      eventTime: '2026-01-01T09:00:00Z',
      readOnly: false,
      recipientAccountId: DEV,
      requestParameters: { userName: 'alice' },
      userIdentity: { type: 'IAMUser', userName: 'admin', accessKeyId: KEYS.admin.accessKeyId, arn: `arn:aws:iam::${DEV}:user/admin` },
    });
    expect(JSON.stringify(created)).not.toMatch(/secretAccessKey/i);
    expect(created?.eventID).toMatch(/^[0-9a-f-]{36}$/);
    expect(denied).toMatchObject({ eventName: 'ListRoles', errorCode: 'AccessDenied', readOnly: true, responseElements: null });
  });

  it('records role sessions with their session issuer', () => {
    const world = baseWorld();
    const call = caller(world);
    const r = expectOk<{ Credentials: { AccessKeyId: string; SessionToken: string } }>(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: `arn:aws:iam::${DEV}:role/DevReader`, RoleSessionName: 'bob' }));
    call({ accessKeyId: r.Credentials.AccessKeyId, sessionToken: r.Credentials.SessionToken }, 'iam', 'ListRoles');
    const assume = world.events[0];
    expect(assume?.responseElements).toMatchObject({ credentials: { accessKeyId: r.Credentials.AccessKeyId }, assumedRoleUser: { arn: `arn:aws:sts::${DEV}:assumed-role/DevReader/bob` } });
    expect(JSON.stringify(assume)).not.toContain('ecretAccessKey');
    expect(world.events[1]?.userIdentity).toMatchObject({
      type: 'AssumedRole',
      arn: `arn:aws:sts::${DEV}:assumed-role/DevReader/bob`,
      sessionContext: { attributes: { mfaAuthenticated: 'false' }, sessionIssuer: { type: 'Role', userName: 'DevReader', arn: `arn:aws:iam::${DEV}:role/DevReader` } },
    });
  });

  it('answers InvalidAction for operations it does not know', () => {
    const world = baseWorld();
    expect(callAws(world, KEYS.admin, 'iam', 'MakeCoffee', {})).toMatchObject({ error: { code: 'InvalidAction', httpStatus: 400 } });
    expect(codeOf(callAws(world, KEYS.admin, 'nosuch', 'Anything'))).toBe('InvalidAction');
    expect(operationsOf('sts')).toEqual(['AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'GetCallerIdentity', 'GetFederationToken', 'GetSessionToken']);
    expect(operationsOf('iam').length).toBeGreaterThan(60);
  });

  it('applies the SCPs of the caller’s organization path, but not to the management account', () => {
    const world = createWorld({
      accounts: [
        { id: DEV, users: [{ name: 'admin', managedPolicies: ['AdministratorAccess'], accessKeys: [KEYS.admin] }] },
        { id: PROD, users: [{ name: 'admin', managedPolicies: ['AdministratorAccess'], accessKeys: [KEYS.prodAdmin] }] },
      ],
      organization: {
        managementAccount: DEV,
        ous: [{ name: 'Prod', accounts: [PROD] }],
        scps: [{ name: 'NoNewUsers', document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:CreateUser', Resource: '*' }] }, targets: ['Root'] }],
      },
    });
    const r = callAws(world, KEYS.prodAdmin, 'iam', 'CreateUser', { UserName: 'x' });
    expect(r).toMatchObject({ error: { code: 'AccessDenied' } });
    if (!r.ok) expect(r.error.message).toContain('service control policy');
    expect(codeOf(callAws(world, KEYS.admin, 'iam', 'CreateUser', { UserName: 'x' }))).toBe('OK');
  });

  it('never throws and never half-changes the world on random calls (property)', () => {
    const ops = Object.entries(SERVICES).flatMap(([svc, def]) => Object.keys(def.operations).map((op) => [svc, op] as const));
    const paramNames = ['RoleName', 'UserName', 'GroupName', 'PolicyName', 'PolicyArn', 'PolicyDocument', 'AssumeRolePolicyDocument', 'RoleArn', 'RoleSessionName', 'DurationSeconds', 'Tags', 'TagKeys', 'Path', 'InstanceProfileName', 'SerialNumber', 'TokenCode', 'AccessKeyId', 'Status', 'VersionId', 'ActionNames', 'ResourceArns', 'PolicyInputList', 'ContextEntries', 'SAMLAssertion', 'WebIdentityToken', 'PrincipalArn', 'PolicyArns', 'MaxSessionDuration', 'Url', 'ClientIDList'];
    const value = fc.oneof(
      fc.constantFrom('DevReader', 'alice', 'developers', 'arn:aws:iam::aws:policy/ReadOnlyAccess', `arn:aws:iam::${DEV}:role/DevReader`, '/', '{"Version":"2012-10-17","Statement":[]}', 'x'),
      fc.string({ maxLength: 30 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.record({ Key: fc.string({ maxLength: 5 }), Value: fc.string({ maxLength: 5 }) })), { maxLength: 3 }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const credentials = fc.constantFrom<Credentials>(KEYS.admin, KEYS.alice, KEYS.bob, null, { root: DEV }, { accessKeyId: 'ASIAXXXXXXXXXXXXXXXX', sessionToken: 'x' });
    fc.assert(
      fc.property(fc.constantFrom(...ops), fc.dictionary(fc.constantFrom(...paramNames), value, { maxKeys: 5 }), credentials, ([svc, op], params, creds) => {
        const world = baseWorld();
        const before = JSON.parse(snapshot(world)) as Record<string, unknown>;
        let result: ReturnType<typeof callAws> | undefined;
        expect(() => {
          result = callAws(world, creds, svc, op, params);
        }).not.toThrow();
        expect(result?.ok === true || (typeof result?.error.code === 'string' && result.error.code !== 'InternalFailure')).toBe(true);
        expect(world.events).toHaveLength(1);
        if (result?.ok === false) {
          const after = JSON.parse(snapshot(world)) as Record<string, unknown>;
          expect({ ...after, events: [] }).toEqual(before);
        }
      }),
      { numRuns: 400 },
    );
  });
});
