/**
 * The seed guide's own story, as far as IAM and STS go: an administrator creates a role for the
 * EC2 use case with AmazonS3FullAccess, puts it in an instance profile, and EC2 assumes it for an
 * instance, which then holds temporary credentials of its own — no access keys anywhere.
 * Launching the instance, IMDS and the S3 calls themselves: ec2-imds-story.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, instanceId, manualClock } from '../../src/sim/world/index.ts';
import type { World } from '../../src/sim/world/index.ts';
import { assumeRoleAsService, callAws, checkAccess, resolveCaller } from '../../src/sim/services/index.ts';
import type { AccessKeyCredentials, AwsResult } from '../../src/sim/services/index.ts';

const ACCOUNT = '111122223333';
const ADMIN = { accessKeyId: 'AKIAADMINADMINADMIN1' };
const DEV = { accessKeyId: 'AKIADEVDEVDEVDEVDEV1' };
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/S3AccessForEC2`;
const EC2_TRUST = JSON.stringify(
  { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
  null,
  2,
);

function ok<T = Record<string, unknown>>(r: AwsResult<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.result as T;
}

function newWorld(): World {
  return createWorld({
    accounts: [
      {
        id: ACCOUNT,
        alias: 'example-corp',
        users: [
          { name: 'admin', managedPolicies: ['AdministratorAccess'], accessKeys: [ADMIN] },
          { name: 'developer', managedPolicies: ['ReadOnlyAccess'], inlinePolicies: { assume: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] } }, accessKeys: [DEV] },
        ],
      },
    ],
  });
}

/** Sets up the role and profile through the API, as the console walkthrough does. */
function buildRole(world: World): void {
  ok(callAws(world, ADMIN, 'iam', 'CreateRole', { RoleName: 'S3AccessForEC2', AssumeRolePolicyDocument: EC2_TRUST, Description: 'Allows EC2 instances to call S3 on your behalf.' }));
  ok(callAws(world, ADMIN, 'iam', 'AttachRolePolicy', { RoleName: 'S3AccessForEC2', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' }));
  ok(callAws(world, ADMIN, 'iam', 'CreateInstanceProfile', { InstanceProfileName: 'S3AccessForEC2' }));
  ok(callAws(world, ADMIN, 'iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'S3AccessForEC2', RoleName: 'S3AccessForEC2' }));
}

describe('the EC2 role story', () => {
  it('creates the role, attaches AmazonS3FullAccess and wraps it in an instance profile', () => {
    const world = newWorld();
    buildRole(world);
    const profile = ok<{ InstanceProfile: { Arn: string; Roles: { RoleName: string; AssumeRolePolicyDocument: string }[] } }>(
      callAws(world, ADMIN, 'iam', 'GetInstanceProfile', { InstanceProfileName: 'S3AccessForEC2' }),
    );
    expect(profile.InstanceProfile.Arn).toBe(`arn:aws:iam::${ACCOUNT}:instance-profile/S3AccessForEC2`);
    expect(profile.InstanceProfile.Roles.map((r) => r.RoleName)).toEqual(['S3AccessForEC2']);
    expect(JSON.parse(profile.InstanceProfile.Roles[0]?.AssumeRolePolicyDocument ?? '{}')).toMatchObject({ Statement: [{ Principal: { Service: 'ec2.amazonaws.com' } }] });
    const attached = ok<{ AttachedPolicies: { PolicyName: string }[] }>(callAws(world, ADMIN, 'iam', 'ListAttachedRolePolicies', { RoleName: 'S3AccessForEC2' }));
    expect(attached.AttachedPolicies.map((p) => p.PolicyName)).toEqual(['AmazonS3FullAccess']);
  });

  it('lets EC2 assume the role for an instance, whose credentials are a role session named after the instance', () => {
    const world = newWorld();
    buildRole(world);
    const instance = instanceId(world.ids);
    const sourceArn = `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${instance}`;
    const session = ok<{ credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: string }; assumedRoleArn: string }>(
      assumeRoleAsService(world, { service: 'ec2.amazonaws.com', roleArn: ROLE_ARN, sessionName: instance, sourceArn, sourceAccount: ACCOUNT }),
    );
    expect(session.credentials.AccessKeyId).toMatch(/^ASIA/);
    expect(session.assumedRoleArn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/S3AccessForEC2/${instance}`);
    const creds: AccessKeyCredentials = { accessKeyId: session.credentials.AccessKeyId, secretAccessKey: session.credentials.SecretAccessKey, sessionToken: session.credentials.SessionToken };
    const roleId = world.accounts[ACCOUNT]?.iam.roles['S3AccessForEC2']?.roleId;
    expect(ok(callAws(world, creds, 'sts', 'GetCallerIdentity'))).toEqual({ UserId: `${roleId}:${instance}`, Account: ACCOUNT, Arn: session.assumedRoleArn });

    // What the instance may do: anything in S3 (the S3 service itself comes later), nothing in IAM.
    const who = resolveCaller(world, creds);
    if (!who.ok) throw new Error('session must resolve');
    const env = { world, caller: who.result, opts: {}, service: 's3' };
    expect(checkAccess(env, { action: 's3:ListBucket', resource: 'arn:aws:s3:::example-bucket' }).allowed).toBe(true);
    expect(checkAccess(env, { action: 's3:GetObject', resource: 'arn:aws:s3:::example-bucket/report.csv' }).allowed).toBe(true);
    expect(callAws(world, creds, 'iam', 'ListRoles')).toMatchObject({ error: { code: 'AccessDenied' } });

    // Instance credentials expire; EC2 would have rotated them well before.
    manualClock(world.clock).advanceSeconds(6 * 3600);
    expect(callAws(world, creds, 'sts', 'GetCallerIdentity')).toMatchObject({ error: { code: 'ExpiredToken' } });
  });

  it('shows the trust policy at work: only the EC2 service may assume the role', () => {
    const world = newWorld();
    buildRole(world);
    // A person cannot assume a role that trusts only ec2.amazonaws.com, whatever their own policies say.
    const r = callAws(world, DEV, 'sts', 'AssumeRole', { RoleArn: ROLE_ARN, RoleSessionName: 'developer' });
    expect(r).toMatchObject({ error: { code: 'AccessDenied' } });
    // Another service is not EC2.
    expect(assumeRoleAsService(world, { service: 'lambda.amazonaws.com', roleArn: ROLE_ARN, sessionName: 'fn' })).toMatchObject({ ok: false, error: { code: 'AccessDenied' } });
    // A role for Lambda is no use to EC2.
    const lambdaTrust = EC2_TRUST.replace('ec2.amazonaws.com', 'lambda.amazonaws.com');
    ok(callAws(world, ADMIN, 'iam', 'CreateRole', { RoleName: 'ForLambda', AssumeRolePolicyDocument: lambdaTrust }));
    expect(assumeRoleAsService(world, { service: 'ec2.amazonaws.com', roleArn: `arn:aws:iam::${ACCOUNT}:role/ForLambda`, sessionName: 'i-0123456789abcdef0' }).ok).toBe(false);
  });

  it('guards against the confused deputy with aws:SourceAccount in the trust policy', () => {
    const world = newWorld();
    buildRole(world);
    const guarded = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } }],
    });
    ok(callAws(world, ADMIN, 'iam', 'UpdateAssumeRolePolicy', { RoleName: 'S3AccessForEC2', PolicyDocument: guarded }));
    expect(assumeRoleAsService(world, { service: 'ec2.amazonaws.com', roleArn: ROLE_ARN, sessionName: 'i-1', sourceAccount: '999999999999' }).ok).toBe(false);
    expect(assumeRoleAsService(world, { service: 'ec2.amazonaws.com', roleArn: ROLE_ARN, sessionName: 'i-1', sourceAccount: ACCOUNT }).ok).toBe(true);
  });

  it('needs iam:PassRole to put the role in a profile', () => {
    const world = newWorld();
    ok(callAws(world, ADMIN, 'iam', 'CreateRole', { RoleName: 'S3AccessForEC2', AssumeRolePolicyDocument: EC2_TRUST }));
    const builder = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:CreateInstanceProfile', 'iam:AddRoleToInstanceProfile'], Resource: '*' }] });
    ok(callAws(world, ADMIN, 'iam', 'PutUserPolicy', { UserName: 'developer', PolicyName: 'builder', PolicyDocument: builder }));
    ok(callAws(world, DEV, 'iam', 'CreateInstanceProfile', { InstanceProfileName: 'p1' }));
    const r = callAws(world, DEV, 'iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'p1', RoleName: 'S3AccessForEC2' });
    expect(r).toMatchObject({ error: { code: 'AccessDenied' } });
    if (!r.ok) expect(r.error.message).toContain('iam:PassRole');
  });

  it('leaves a trail of every step, the service’s own AssumeRole included', () => {
    const world = newWorld();
    buildRole(world);
    assumeRoleAsService(world, { service: 'ec2.amazonaws.com', roleArn: ROLE_ARN, sessionName: 'i-0abc' });
    callAws(world, DEV, 'sts', 'AssumeRole', { RoleArn: ROLE_ARN, RoleSessionName: 'nope' });
    expect(world.events.map((e) => [e.eventName, e.errorCode ?? 'ok'])).toEqual([
      ['CreateRole', 'ok'],
      ['AttachRolePolicy', 'ok'],
      ['CreateInstanceProfile', 'ok'],
      ['AddRoleToInstanceProfile', 'ok'],
      ['AssumeRole', 'ok'],
      ['AssumeRole', 'AccessDenied'],
    ]);
    expect(world.events[4]?.userIdentity).toEqual({ type: 'AWSService', invokedBy: 'ec2.amazonaws.com' });
  });
});
