import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../src/sim/world/index.ts';
import { checkPassRole, resolveCaller } from '../../../src/sim/services/index.ts';
import { baseWorld, caller, codeOf, DEV, expectOk, KEYS } from './fixtures.ts';

const EC2_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});

describe('instance profiles', () => {
  it('holds one role at most', () => {
    const call = caller(baseWorld());
    const created = expectOk<{ InstanceProfile: Record<string, unknown> }>(
      call(KEYS.admin, 'iam', 'CreateInstanceProfile', { InstanceProfileName: 'web' }),
    );
    expect(created.InstanceProfile).toMatchObject({
      InstanceProfileName: 'web',
      Arn: `arn:aws:iam::${DEV}:instance-profile/web`,
      Roles: [],
    });
    expect(String(created.InstanceProfile['InstanceProfileId'])).toMatch(/^AIPA/);
    expectOk(
      call(KEYS.admin, 'iam', 'AddRoleToInstanceProfile', {
        InstanceProfileName: 'web',
        RoleName: 'DevReader',
      }),
    );
    expect(
      call(KEYS.admin, 'iam', 'AddRoleToInstanceProfile', {
        InstanceProfileName: 'web',
        RoleName: 'Chainer',
      }),
    ).toMatchObject({
      error: {
        code: 'LimitExceeded',
        message: 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
      },
    });
    const got = expectOk<{ InstanceProfile: { Roles: { RoleName: string }[] } }>(
      call(KEYS.admin, 'iam', 'GetInstanceProfile', { InstanceProfileName: 'web' }),
    );
    expect(got.InstanceProfile.Roles.map((r) => r.RoleName)).toEqual(['DevReader']);
    expect(
      expectOk<{ InstanceProfiles: unknown[] }>(
        call(KEYS.admin, 'iam', 'ListInstanceProfilesForRole', { RoleName: 'DevReader' }),
      ).InstanceProfiles,
    ).toHaveLength(1);
    expect(
      call(KEYS.admin, 'iam', 'DeleteInstanceProfile', { InstanceProfileName: 'web' }),
    ).toMatchObject({ error: { code: 'DeleteConflict' } });
    expect(call(KEYS.admin, 'iam', 'DeleteRole', { RoleName: 'DevReader' })).toMatchObject({
      error: { message: 'Cannot delete entity, must remove roles from instance profile first.' },
    });
    expectOk(
      call(KEYS.admin, 'iam', 'RemoveRoleFromInstanceProfile', {
        InstanceProfileName: 'web',
        RoleName: 'DevReader',
      }),
    );
    expectOk(call(KEYS.admin, 'iam', 'DeleteInstanceProfile', { InstanceProfileName: 'web' }));
    expect(
      codeOf(call(KEYS.admin, 'iam', 'GetInstanceProfile', { InstanceProfileName: 'web' })),
    ).toBe('NoSuchEntity');
  });

  it('needs iam:PassRole on the role to put it in a profile', () => {
    const call = caller(baseWorld());
    const policy = (actions: string[]) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
      });
    expectOk(
      call(KEYS.admin, 'iam', 'PutUserPolicy', {
        UserName: 'alice',
        PolicyName: 'ip',
        PolicyDocument: policy(['iam:CreateInstanceProfile', 'iam:AddRoleToInstanceProfile']),
      }),
    );
    expectOk(call(KEYS.alice, 'iam', 'CreateInstanceProfile', { InstanceProfileName: 'web' }));
    const denied = call(KEYS.alice, 'iam', 'AddRoleToInstanceProfile', {
      InstanceProfileName: 'web',
      RoleName: 'DevReader',
    });
    expect(denied).toMatchObject({ error: { code: 'AccessDenied' } });
    if (!denied.ok)
      expect(denied.error.message).toContain(
        `iam:PassRole on resource: arn:aws:iam::${DEV}:role/DevReader`,
      );
    expectOk(
      call(KEYS.admin, 'iam', 'PutUserPolicy', {
        UserName: 'alice',
        PolicyName: 'ip',
        PolicyDocument: policy([
          'iam:CreateInstanceProfile',
          'iam:AddRoleToInstanceProfile',
          'iam:PassRole',
        ]),
      }),
    );
    expect(
      codeOf(
        call(KEYS.alice, 'iam', 'AddRoleToInstanceProfile', {
          InstanceProfileName: 'web',
          RoleName: 'DevReader',
        }),
      ),
    ).toBe('OK');
  });

  it('exposes the PassRole check with iam:PassedToService for EC2 and Lambda', () => {
    const world = baseWorld();
    const call = caller(world);
    const onlyLambda = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: '*',
          Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
        },
      ],
    });
    expectOk(
      call(KEYS.admin, 'iam', 'PutUserPolicy', {
        UserName: 'alice',
        PolicyName: 'pass',
        PolicyDocument: onlyLambda,
      }),
    );
    const who = resolveCaller(world, KEYS.alice);
    if (!who.ok) throw new Error('alice must resolve');
    const env = { world, caller: who.result, opts: {}, service: 'ec2' };
    const roleArn = `arn:aws:iam::${DEV}:role/DevReader`;
    expect(checkPassRole(env, roleArn, 'lambda.amazonaws.com')).toBeUndefined();
    expect(checkPassRole(env, roleArn, 'ec2.amazonaws.com')?.code).toBe('AccessDenied');
  });
});

describe('identity providers', () => {
  it('registers SAML and OIDC providers', () => {
    const call = caller(baseWorld());
    const saml = expectOk<{ SAMLProviderArn: string }>(
      call(KEYS.admin, 'iam', 'CreateSAMLProvider', {
        Name: 'Okta',
        SAMLMetadataDocument: '<EntityDescriptor entityID="http://www.okta.com/exk1"/>',
      }),
    );
    expect(saml.SAMLProviderArn).toBe(`arn:aws:iam::${DEV}:saml-provider/Okta`);
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'CreateSAMLProvider', {
          Name: 'Bad',
          SAMLMetadataDocument: '<nothing/>',
        }),
      ),
    ).toBe('InvalidInput');
    expect(
      expectOk<{ SAMLProviderList: unknown[] }>(call(KEYS.admin, 'iam', 'ListSAMLProviders'))
        .SAMLProviderList,
    ).toHaveLength(1);
    const oidc = expectOk<{ OpenIDConnectProviderArn: string }>(
      call(KEYS.admin, 'iam', 'CreateOpenIDConnectProvider', {
        Url: 'https://token.actions.githubusercontent.com',
        ClientIDList: ['sts.amazonaws.com'],
      }),
    );
    expect(oidc.OpenIDConnectProviderArn).toBe(
      `arn:aws:iam::${DEV}:oidc-provider/token.actions.githubusercontent.com`,
    );
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'CreateOpenIDConnectProvider', {
          Url: 'https://token.actions.githubusercontent.com/',
          ClientIDList: ['x'],
        }),
      ),
    ).toBe('EntityAlreadyExists');
    expect(
      expectOk(
        call(KEYS.admin, 'iam', 'GetOpenIDConnectProvider', {
          OpenIDConnectProviderArn: oidc.OpenIDConnectProviderArn,
        }),
      ),
    ).toMatchObject({
      Url: 'token.actions.githubusercontent.com',
      ClientIDList: ['sts.amazonaws.com'],
    });
    expectOk(
      call(KEYS.admin, 'iam', 'DeleteOpenIDConnectProvider', {
        OpenIDConnectProviderArn: oidc.OpenIDConnectProviderArn,
      }),
    );
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'GetOpenIDConnectProvider', {
          OpenIDConnectProviderArn: oidc.OpenIDConnectProviderArn,
        }),
      ),
    ).toBe('NoSuchEntity');
    expect(
      call(KEYS.admin, 'iam', 'DeleteOpenIDConnectProvider', {
        OpenIDConnectProviderArn: oidc.OpenIDConnectProviderArn,
      }),
    ).toMatchObject({
      error: {
        code: 'NoSuchEntity',
        message: `OpenIDConnect Provider not found for arn ${oidc.OpenIDConnectProviderArn}`,
      },
    });
    expect(
      expectOk(
        call(KEYS.admin, 'iam', 'GetSAMLProvider', { SAMLProviderArn: saml.SAMLProviderArn }),
      ),
    ).toMatchObject({
      SAMLMetadataDocument: '<EntityDescriptor entityID="http://www.okta.com/exk1"/>',
    });
    expectOk(
      call(KEYS.admin, 'iam', 'DeleteSAMLProvider', { SAMLProviderArn: saml.SAMLProviderArn }),
    );
    expect(
      call(KEYS.admin, 'iam', 'GetSAMLProvider', { SAMLProviderArn: saml.SAMLProviderArn }),
    ).toMatchObject({
      error: {
        code: 'NoSuchEntity',
        message: `Manifest not found for arn ${saml.SAMLProviderArn}`,
      },
    });
    // Authorization comes before existence: a caller without permission learns nothing.
    expect(
      codeOf(call(KEYS.alice, 'iam', 'GetSAMLProvider', { SAMLProviderArn: saml.SAMLProviderArn })),
    ).toBe('AccessDenied');
  });
});

describe('policy simulator', () => {
  it('SimulatePrincipalPolicy evaluates a user with its groups', () => {
    const call = caller(baseWorld());
    const r = expectOk<{
      EvaluationResults: {
        EvalActionName: string;
        EvalDecision: string;
        MatchedStatements: { SourcePolicyType: string }[];
      }[];
    }>(
      call(KEYS.admin, 'iam', 'SimulatePrincipalPolicy', {
        PolicySourceArn: `arn:aws:iam::${DEV}:user/bob`,
        ActionNames: ['s3:GetObject', 's3:PutObject', 'iam:ListRoles'],
        ResourceArns: ['*'],
      }),
    );
    expect(r.EvaluationResults.map((e) => [e.EvalActionName, e.EvalDecision])).toEqual([
      ['s3:GetObject', 'allowed'],
      ['s3:PutObject', 'implicitDeny'],
      ['iam:ListRoles', 'allowed'],
    ]);
    expect(r.EvaluationResults[0]?.MatchedStatements[0]?.SourcePolicyType).toBe('aws-managed');
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'SimulatePrincipalPolicy', {
          PolicySourceArn: `arn:aws:iam::${DEV}:user/ghost`,
          ActionNames: ['s3:GetObject'],
        }),
      ),
    ).toBe('NoSuchEntity');
  });

  it('SimulateCustomPolicy evaluates the policies given, with context entries', () => {
    const call = caller(baseWorld());
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:*',
          Resource: '*',
          Condition: { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
        },
      ],
    });
    const run = (ip: string) =>
      expectOk<{ EvaluationResults: { EvalDecision: string }[] }>(
        call(KEYS.admin, 'iam', 'SimulateCustomPolicy', {
          PolicyInputList: [policy],
          ActionNames: ['s3:ListBucket'],
          ContextEntries: [
            { ContextKeyName: 'aws:SourceIp', ContextKeyValues: [ip], ContextKeyType: 'ip' },
          ],
        }),
      ).EvaluationResults[0]?.EvalDecision;
    expect(run('192.0.2.7')).toBe('allowed');
    expect(run('198.51.100.1')).toBe('implicitDeny');
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'SimulateCustomPolicy', {
          PolicyInputList: ['{'],
          ActionNames: ['s3:ListBucket'],
        }),
      ),
    ).toBe('MalformedPolicyDocument');
    expect(
      codeOf(
        call(KEYS.alice, 'iam', 'SimulateCustomPolicy', {
          PolicyInputList: [policy],
          ActionNames: ['s3:ListBucket'],
        }),
      ),
    ).toBe('AccessDenied');
  });

  // IAM API Reference, SimulateCustomPolicy: ResourceOwner owns resources (and the resource
  // policy) whose ARN names no account; CallerArn's account is the caller's. A caller of another
  // account then needs the resource policy to allow too.
  it('SimulateCustomPolicy makes a CallerArn of another account cross-account with ResourceOwner', () => {
    const call = caller(baseWorld());
    const identity = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });
    const bucket = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:user/carol' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/*' }] });
    const run = (action: string, owner: string) =>
      expectOk<{ EvaluationResults: { EvalDecision: string }[] }>(
        call(KEYS.admin, 'iam', 'SimulateCustomPolicy', { PolicyInputList: [identity], ActionNames: [action], ResourceArns: ['arn:aws:s3:::shared/a.txt'], ResourcePolicy: bucket, ResourceOwner: `arn:aws:iam::${owner}:root`, CallerArn: 'arn:aws:iam::444455556666:user/carol' }),
      ).EvaluationResults[0]?.EvalDecision;
    expect(run('s3:GetObject', '111122223333')).toBe('allowed');
    expect(run('s3:PutObject', '111122223333')).toBe('implicitDeny');
    expect(run('s3:PutObject', '444455556666')).toBe('allowed');
  });
});

describe('EC2 trust policy sanity', () => {
  it('creates the seed guide’s role trust document', () => {
    const call = caller(baseWorld());
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'CreateRole', {
          RoleName: 'S3Access',
          AssumeRolePolicyDocument: EC2_TRUST,
        }),
      ),
    ).toBe('OK');
  });
});

describe('service-linked roles', () => {
  it('creates a protected role under /aws-service-role/ that only AWS may change', () => {
    const world = baseWorld();
    const call = caller(world);
    const r = expectOk<{ Role: { Arn: string; Path: string; RoleName: string } }>(
      call(KEYS.admin, 'iam', 'CreateServiceLinkedRole', {
        AWSServiceName: 'autoscaling.amazonaws.com',
      }),
    );
    expect(r.Role.Arn).toBe(
      `arn:aws:iam::${DEV}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    );
    expect(
      call(KEYS.admin, 'iam', 'CreateServiceLinkedRole', {
        AWSServiceName: 'autoscaling.amazonaws.com',
      }),
    ).toMatchObject({
      error: {
        code: 'InvalidInput',
        message:
          'Service role name AWSServiceRoleForAutoScaling has been taken in this account, please try a different suffix.',
      },
    });
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'CreateServiceLinkedRole', {
          AWSServiceName: 'autoscaling.amazonaws.com',
          CustomSuffix: 'web',
        }),
      ),
    ).toBe('OK');
    const locked = {
      error: {
        code: 'UnmodifiableEntity',
        message:
          "Cannot perform the operation on the protected role 'AWSServiceRoleForAutoScaling' - this role is only modifiable by AWS",
      },
    };
    expect(
      call(KEYS.admin, 'iam', 'UpdateAssumeRolePolicy', {
        RoleName: 'AWSServiceRoleForAutoScaling',
        PolicyDocument: EC2_TRUST,
      }),
    ).toMatchObject(locked);
    expect(
      call(KEYS.admin, 'iam', 'AttachRolePolicy', {
        RoleName: 'AWSServiceRoleForAutoScaling',
        PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      }),
    ).toMatchObject(locked);
    expect(
      call(KEYS.admin, 'iam', 'DeleteRole', { RoleName: 'AWSServiceRoleForAutoScaling' }),
    ).toMatchObject(locked);
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'ListAttachedRolePolicies', {
          RoleName: 'AWSServiceRoleForAutoScaling',
        }),
      ),
    ).toBe('OK');
    const task = expectOk<{ DeletionTaskId: string }>(
      call(KEYS.admin, 'iam', 'DeleteServiceLinkedRole', {
        RoleName: 'AWSServiceRoleForAutoScaling',
      }),
    );
    expect(
      expectOk(
        call(KEYS.admin, 'iam', 'GetServiceLinkedRoleDeletionStatus', {
          DeletionTaskId: task.DeletionTaskId,
        }),
      ),
    ).toEqual({ Status: 'SUCCEEDED' });
    expect(
      codeOf(call(KEYS.admin, 'iam', 'DeleteServiceLinkedRole', { RoleName: 'DevReader' })),
    ).toBe('InvalidInput');
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'CreateServiceLinkedRole', {
          AWSServiceName: 'made-up.amazonaws.com',
        }),
      ),
    ).toBe('InvalidInput');
  });
});

describe('last-accessed information', () => {
  it('reports which allowed services an entity used, from the event log', () => {
    const world = baseWorld();
    const call = caller(world);
    expectOk(call(KEYS.bob, 'iam', 'ListRoles'));
    manualClock(world.clock).advanceSeconds(60);
    const job = expectOk<{ JobId: string }>(
      call(KEYS.admin, 'iam', 'GenerateServiceLastAccessedDetails', {
        Arn: `arn:aws:iam::${DEV}:user/bob`,
      }),
    );
    type Report = {
      JobStatus: string;
      ServicesLastAccessed: {
        ServiceNamespace: string;
        LastAuthenticated?: string;
        TotalAuthenticatedEntities: number;
      }[];
    };
    const r = expectOk<Report>(
      call(KEYS.admin, 'iam', 'GetServiceLastAccessedDetails', { JobId: job.JobId }),
    );
    expect(r.JobStatus).toBe('COMPLETED');
    const byNs = Object.fromEntries(r.ServicesLastAccessed.map((s) => [s.ServiceNamespace, s]));
    expect(byNs['iam']).toMatchObject({
      LastAuthenticated: '2026-01-01T09:00:00Z',
      TotalAuthenticatedEntities: 1,
    });
    expect(byNs['s3']?.LastAuthenticated).toBeUndefined();
    expect(byNs['sts']).toBeDefined();
    // For the group, the member who used the service is named.
    const groupJob = expectOk<{ JobId: string }>(
      call(KEYS.admin, 'iam', 'GenerateServiceLastAccessedDetails', {
        Arn: `arn:aws:iam::${DEV}:group/developers`,
      }),
    );
    const g = expectOk<{
      ServicesLastAccessed: { ServiceNamespace: string; LastAuthenticatedEntity?: string }[];
    }>(call(KEYS.admin, 'iam', 'GetServiceLastAccessedDetails', { JobId: groupJob.JobId }));
    expect(
      g.ServicesLastAccessed.find((s) => s.ServiceNamespace === 'iam')?.LastAuthenticatedEntity,
    ).toBe(`arn:aws:iam::${DEV}:user/bob`);
    expect(
      codeOf(
        call(KEYS.admin, 'iam', 'GenerateServiceLastAccessedDetails', {
          Arn: `arn:aws:iam::${DEV}:user/ghost`,
        }),
      ),
    ).toBe('NoSuchEntity');
  });

  it('shows when a role and an access key were last used', () => {
    const world = baseWorld();
    const call = caller(world);
    const before = expectOk<{ AccessKeyLastUsed: Record<string, string> }>(
      call(KEYS.admin, 'iam', 'GetAccessKeyLastUsed', { AccessKeyId: KEYS.alice.accessKeyId }),
    );
    expect(before.AccessKeyLastUsed).toEqual({ ServiceName: 'N/A', Region: 'N/A' });
    manualClock(world.clock).advanceSeconds(120);
    call(KEYS.alice, 'sts', 'GetCallerIdentity');
    expect(
      expectOk<{ AccessKeyLastUsed: Record<string, string> }>(
        call(KEYS.admin, 'iam', 'GetAccessKeyLastUsed', { AccessKeyId: KEYS.alice.accessKeyId }),
      ).AccessKeyLastUsed['LastUsedDate'],
    ).toBe('2026-01-01T09:02:00.000Z');
    expectOk(
      call(KEYS.bob, 'sts', 'AssumeRole', {
        RoleArn: `arn:aws:iam::${DEV}:role/DevReader`,
        RoleSessionName: 'bob',
      }),
    );
    expect(
      expectOk<{ Role: { RoleLastUsed: Record<string, string> } }>(
        call(KEYS.admin, 'iam', 'GetRole', { RoleName: 'DevReader' }),
      ).Role.RoleLastUsed,
    ).toEqual({ LastUsedDate: '2026-01-01T09:02:00.000Z', Region: 'us-east-1' });
  });
});
