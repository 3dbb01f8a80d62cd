import { describe, expect, it } from 'vitest';
import { snapshot } from '../../../src/sim/world/index.ts';
import { baseWorld, caller, codeOf, DEV, expectOk, KEYS } from './fixtures.ts';

const EC2_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});

describe('IAM roles', () => {
  it('creates a role and returns it as GetRole does', () => {
    const call = caller(baseWorld());
    const created = expectOk<{ Role: Record<string, unknown> }>(
      call(KEYS.admin, 'iam', 'CreateRole', {
        RoleName: 'web',
        Path: '/app/',
        AssumeRolePolicyDocument: EC2_TRUST,
        Description: 'web tier',
        Tags: [{ Key: 'env', Value: 'dev' }],
      }),
    );
    expect(created.Role).toMatchObject({
      RoleName: 'web',
      Path: '/app/',
      Arn: `arn:aws:iam::${DEV}:role/app/web`,
      MaxSessionDuration: 3600,
      Description: 'web tier',
      Tags: [{ Key: 'env', Value: 'dev' }],
    });
    expect(String(created.Role['RoleId'])).toMatch(/^AROA/);
    const got = expectOk<{ Role: Record<string, unknown> }>(
      call(KEYS.admin, 'iam', 'GetRole', { RoleName: 'WEB' }),
    );
    expect(got.Role['RoleId']).toBe(created.Role['RoleId']);
    const list = expectOk<{ Roles: { RoleName: string }[] }>(
      call(KEYS.admin, 'iam', 'ListRoles', { PathPrefix: '/app/' }),
    );
    expect(list.Roles.map((r) => r.RoleName)).toEqual(['web']);
  });

  it('answers with AWS errors for duplicates, bad names, bad documents and missing roles', () => {
    const call = caller(baseWorld());
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'CreateRole', {
          RoleName: 'devreader',
          AssumeRolePolicyDocument: EC2_TRUST,
        }),
      ),
    ).toBe('EntityAlreadyExists');
    const bad = call(KEYS.admin, 'iam', 'CreateRole', {
      RoleName: 'bad name!',
      AssumeRolePolicyDocument: EC2_TRUST,
      MaxSessionDuration: 100,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'ValidationError', httpStatus: 400 } });
    if (!bad.ok) {
      expect(bad.error.message).toMatch(
        /^2 validation errors detected: Value 'bad name!' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern/,
      );
      expect(bad.error.message).toContain(
        "Value '100' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
      );
    }
    expect(
      call(KEYS.admin, 'iam', 'CreateRole', { AssumeRolePolicyDocument: EC2_TRUST }),
    ).toMatchObject({
      error: {
        message:
          "1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null",
      },
    });
    const withResource = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'ec2.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Resource: '*',
        },
      ],
    });
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'CreateRole', {
          RoleName: 'x',
          AssumeRolePolicyDocument: withResource,
        }),
      ),
    ).toBe('MalformedPolicyDocument');
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'CreateRole', {
          RoleName: 'x',
          AssumeRolePolicyDocument: '{not json',
        }),
      ),
    ).toBe('MalformedPolicyDocument');
    expect(call(KEYS.admin, 'iam', 'GetRole', { RoleName: 'ghost' })).toMatchObject({
      error: {
        code: 'NoSuchEntity',
        message: 'The role with name ghost cannot be found.',
        httpStatus: 404,
      },
    });
  });

  it('rejects trust policies naming IAM principals that do not exist', () => {
    const call = caller(baseWorld());
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${DEV}:user/ghost` },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    expect(
      call(KEYS.admin, 'iam', 'CreateRole', { RoleName: 'x', AssumeRolePolicyDocument: trust }),
    ).toMatchObject({
      error: {
        code: 'MalformedPolicyDocument',
        message: `Invalid principal in policy: "AWS":"arn:aws:iam::${DEV}:user/ghost"`,
      },
    });
    const ok = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${DEV}:user/alice` },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'CreateRole', { RoleName: 'x', AssumeRolePolicyDocument: ok }),
      ),
    ).toBe('OK');
  });

  it('rejects a Federated provider ARN naming no provider of the account, and accepts it once the provider exists', () => {
    const call = caller(baseWorld());
    const provider = `arn:aws:iam::${DEV}:oidc-provider/token.actions.githubusercontent.com`;
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: provider },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          },
        },
      ],
    });
    expect(
      call(KEYS.admin, 'iam', 'CreateRole', {
        RoleName: 'deploy',
        AssumeRolePolicyDocument: trust,
      }),
    ).toMatchObject({
      error: {
        code: 'MalformedPolicyDocument',
        message: 'Federated principals must be valid domain names or SAML metadata ARNs',
      },
    });
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'CreateOpenIDConnectProvider', {
          Url: 'https://token.actions.githubusercontent.com',
          ClientIDList: ['sts.amazonaws.com'],
        }),
      ),
    ).toBe('OK');
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'CreateRole', {
          RoleName: 'deploy',
          AssumeRolePolicyDocument: trust,
        }),
      ),
    ).toBe('OK');
    // A domain name (web identity without an IAM provider, e.g. Cognito) is not checked.
    const cognito = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
        },
      ],
    });
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'CreateRole', {
          RoleName: 'app',
          AssumeRolePolicyDocument: cognito,
        }),
      ),
    ).toBe('OK');
  });

  it('checks authorization before revealing whether a role exists', () => {
    const call = caller(baseWorld());
    const r = call(KEYS.alice, 'iam', 'GetRole', { RoleName: 'ghost' });
    expect(r).toMatchObject({ error: { code: 'AccessDenied', httpStatus: 403 } });
    if (!r.ok)
      expect(r.error.message).toBe(
        `User: arn:aws:iam::${DEV}:user/alice is not authorized to perform: iam:GetRole on resource: arn:aws:iam::${DEV}:role/ghost because no identity-based policy allows the iam:GetRole action`,
      );
  });

  it('updates trust policies, session limits, tags and boundaries', () => {
    const world = baseWorld();
    const call = caller(world);
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'UpdateAssumeRolePolicy', {
          RoleName: 'DevReader',
          PolicyDocument: EC2_TRUST,
        }),
      ),
    ).toBe('OK');
    expect(world.accounts[DEV]?.iam.roles['DevReader']?.assumeRolePolicyDocument).toBe(EC2_TRUST);
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'UpdateRole', { RoleName: 'DevReader', MaxSessionDuration: 43201 }),
      ),
    ).toBe('ValidationError');
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'UpdateRole', { RoleName: 'DevReader', MaxSessionDuration: 14400 }),
      ),
    ).toBe('OK');
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'TagRole', {
          RoleName: 'DevReader',
          Tags: [
            { Key: 'ENV', Value: 'test' },
            { Key: 'owner', Value: 'bob' },
          ],
        }),
      ),
    ).toBe('OK');
    expect(
      expectOk<{ Tags: unknown[] }>(
        call(KEYS.admin, 'iam', 'ListRoleTags', { RoleName: 'DevReader' }),
      ).Tags,
    ).toEqual([
      { Key: 'ENV', Value: 'test' },
      { Key: 'owner', Value: 'bob' },
    ]);
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'PutRolePermissionsBoundary', {
          RoleName: 'DevReader',
          PermissionsBoundary: 'arn:aws:iam::aws:policy/Nope',
        }),
      ),
    ).toBe('NoSuchEntity');
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'PutRolePermissionsBoundary', {
          RoleName: 'DevReader',
          PermissionsBoundary: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        }),
      ),
    ).toBe('OK');
    expect(
      expectOk<{ Role: Record<string, unknown> }>(
        call(KEYS.admin, 'iam', 'GetRole', { RoleName: 'DevReader' }),
      ).Role['PermissionsBoundary'],
    ).toEqual({
      PermissionsBoundaryType: 'Policy',
      PermissionsBoundaryArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    });
  });

  it('refuses to delete a role that still has policies or an instance profile, without changing anything', () => {
    const world = baseWorld();
    const call = caller(world);
    const before = snapshot(world);
    const r = call(KEYS.admin, 'iam', 'DeleteRole', { RoleName: 'DevReader' });
    expect(r).toMatchObject({
      error: {
        code: 'DeleteConflict',
        message: 'Cannot delete entity, must detach all policies first.',
      },
    });
    const after = JSON.parse(snapshot(world)) as { events: unknown[] };
    const prior = JSON.parse(before) as { events: unknown[] };
    expect({ ...after, events: after.events.slice(0, prior.events.length) }).toEqual(prior);
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'DetachRolePolicy', {
          RoleName: 'DevReader',
          PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        }),
      ),
    ).toBe('OK');
    expect(codeOf(call(KEYS.admin, 'iam', 'DeleteRole', { RoleName: 'DevReader' }))).toBe('OK');
    expect(world.accounts[DEV]?.iam.roles['DevReader']).toBeUndefined();
  });

  it('asks for iam:TagRole too when a role is created with tags', () => {
    const world = baseWorld();
    const call = caller(world);
    const onlyCreate = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'iam:CreateRole', Resource: '*' }],
    });
    expectOk(
      call(KEYS.admin, 'iam', 'PutUserPolicy', {
        UserName: 'alice',
        PolicyName: 'create',
        PolicyDocument: onlyCreate,
      }),
    );
    expect(
      codeOf(
        call(KEYS.alice, 'iam', 'CreateRole', {
          RoleName: 'a',
          AssumeRolePolicyDocument: EC2_TRUST,
        }),
      ),
    ).toBe('OK');
    const tagged = call(KEYS.alice, 'iam', 'CreateRole', {
      RoleName: 'b',
      AssumeRolePolicyDocument: EC2_TRUST,
      Tags: [{ Key: 'k', Value: 'v' }],
    });
    expect(tagged.ok ? '' : tagged.error.message).toContain('iam:TagRole');
  });
});
