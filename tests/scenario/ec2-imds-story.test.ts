/**
 * The seed guide's whole story, end to end: an administrator creates a role for the EC2 use case
 * with AmazonS3FullAccess, wraps it in an instance profile and launches an instance with it;
 * software on the instance fetches an IMDSv2 token, then the role's temporary credentials, and
 * lists and reads S3 with no access keys anywhere. The same instance without a profile has no
 * credentials to find; an IMDSv1 request to an instance that requires tokens is refused; and the
 * trail shows every step.
 * (AWS: IAM User Guide, "Use an IAM role to grant permissions to applications running on Amazon
 * EC2 instances"; EC2 User Guide, "Retrieve security credentials from instance metadata".)
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/world/index.ts';
import type { World } from '../../src/sim/world/index.ts';
import { callAws, imdsRequest, instanceCallOptions } from '../../src/sim/services/index.ts';
import type { AccessKeyCredentials, AwsResult } from '../../src/sim/services/index.ts';

const ACCOUNT = '111122223333';
const ADMIN = { accessKeyId: 'AKIAADMINADMINADMIN1' };
const DEV = { accessKeyId: 'AKIADEVDEVDEVDEVDEV1' };
const EC2_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, null, 2);

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
          // A developer who may launch instances but not pass roles.
          { name: 'developer', inlinePolicies: { ec2: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] } }, accessKeys: [DEV] },
        ],
        buckets: [{ name: 'example-corp-reports', objects: { 'reports/2026-01.csv': 'month,total\n2026-01,42\n', 'readme.txt': 'hello' } }],
      },
    ],
  });
}

/** What an SDK's credential provider does on an instance: token, role name, credentials — or nothing. */
function instanceCredentials(world: World, instanceId: string): AccessKeyCredentials | undefined {
  const token = imdsRequest(world, instanceId, { method: 'PUT', path: '/latest/api/token', headers: { 'X-aws-ec2-metadata-token-ttl-seconds': '21600' } });
  if (token.status !== 200) return undefined;
  const headers = { 'X-aws-ec2-metadata-token': token.body };
  const names = imdsRequest(world, instanceId, { method: 'GET', path: '/latest/meta-data/iam/security-credentials/', headers });
  if (names.status !== 200) return undefined;
  const role = names.body.split('\n')[0] ?? '';
  const doc = imdsRequest(world, instanceId, { method: 'GET', path: `/latest/meta-data/iam/security-credentials/${role}`, headers });
  const c = JSON.parse(doc.body) as Record<string, string>;
  if (c['Code'] !== 'Success') return undefined;
  return { accessKeyId: c['AccessKeyId'] ?? '', secretAccessKey: c['SecretAccessKey'] ?? '', sessionToken: c['Token'] ?? '' };
}

/** The console walkthrough's steps, through the API. */
function setUp(world: World): { withRole: string; without: string } {
  ok(callAws(world, ADMIN, 'iam', 'CreateRole', { RoleName: 'S3AccessForEC2', AssumeRolePolicyDocument: EC2_TRUST }));
  ok(callAws(world, ADMIN, 'iam', 'AttachRolePolicy', { RoleName: 'S3AccessForEC2', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' }));
  ok(callAws(world, ADMIN, 'iam', 'CreateInstanceProfile', { InstanceProfileName: 'S3AccessForEC2' }));
  ok(callAws(world, ADMIN, 'iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'S3AccessForEC2', RoleName: 'S3AccessForEC2' }));
  type Launch = { Instances: { InstanceId: string }[] };
  const withRole = ok<Launch>(
    callAws(world, ADMIN, 'ec2', 'RunInstances', { ImageId: 'ami-0453ec754f44f9a4a', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, IamInstanceProfile: { Name: 'S3AccessForEC2' }, MetadataOptions: { HttpTokens: 'required' } }),
  ).Instances[0]?.InstanceId;
  const without = ok<Launch>(callAws(world, ADMIN, 'ec2', 'RunInstances', { ImageId: 'ami-0453ec754f44f9a4a', MetadataOptions: { HttpTokens: 'required' } })).Instances[0]?.InstanceId;
  if (withRole === undefined || without === undefined) throw new Error('launch failed');
  return { withRole, without };
}

describe('the EC2 role story, end to end', () => {
  it('reads S3 from the instance with the role’s credentials, fetched through IMDSv2', () => {
    const world = newWorld();
    const { withRole } = setUp(world);
    const creds = instanceCredentials(world, withRole);
    expect(creds?.accessKeyId).toMatch(/^ASIA/);
    if (creds === undefined) return;
    const from = instanceCallOptions(world, withRole) ?? {};
    const who = ok<{ Arn: string }>(callAws(world, creds, 'sts', 'GetCallerIdentity', {}, from));
    expect(who.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/S3AccessForEC2/${withRole}`);
    const listed = ok<{ Contents: { Key: string }[] }>(callAws(world, creds, 's3', 'ListObjectsV2', { Bucket: 'example-corp-reports', Prefix: 'reports/' }, from));
    expect(listed.Contents.map((c) => c.Key)).toEqual(['reports/2026-01.csv']);
    expect(ok<{ Body: string }>(callAws(world, creds, 's3', 'GetObject', { Bucket: 'example-corp-reports', Key: 'reports/2026-01.csv' }, from)).Body).toContain('2026-01,42');
    // AmazonS3FullAccess is S3 only: the instance cannot touch IAM.
    expect(callAws(world, creds, 'iam', 'ListUsers', {}, from)).toMatchObject({ ok: false, error: { code: 'AccessDenied' } });
  });

  it('finds no credentials on an instance without a profile, and refuses IMDSv1 when tokens are required', () => {
    const world = newWorld();
    const { withRole, without } = setUp(world);
    const token = imdsRequest(world, without, { method: 'PUT', path: '/latest/api/token', headers: { 'X-aws-ec2-metadata-token-ttl-seconds': '60' } }).body;
    expect(imdsRequest(world, without, { method: 'GET', path: '/latest/meta-data/iam/security-credentials/', headers: { 'X-aws-ec2-metadata-token': token } }).status).toBe(404);
    // The CLI's provider chain ends empty ("Unable to locate credentials"): nothing to sign with.
    expect(instanceCredentials(world, without)).toBeUndefined();
    // An unsigned request gets nowhere with a private bucket.
    expect(callAws(world, null, 's3', 'ListObjectsV2', { Bucket: 'example-corp-reports' })).toMatchObject({ ok: false, error: { code: 'AccessDenied', message: 'Access Denied' } });
    // IMDSv1 (no token) on an instance that requires IMDSv2.
    expect(imdsRequest(world, withRole, { method: 'GET', path: '/latest/meta-data/iam/security-credentials/' })).toMatchObject({ status: 401, body: 'Unauthorized' });
  });

  it('needs iam:PassRole to launch with the profile', () => {
    const world = newWorld();
    setUp(world);
    const r = callAws(world, DEV, 'ec2', 'RunInstances', { ImageId: 'ami-0453ec754f44f9a4a', IamInstanceProfile: { Name: 'S3AccessForEC2' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'UnauthorizedOperation' } });
    if (!r.ok) expect(r.error.message).toContain('iam:PassRole');
    expect(callAws(world, DEV, 'ec2', 'RunInstances', { ImageId: 'ami-0453ec754f44f9a4a' }).ok).toBe(true);
  });

  it('leaves a trail of every step, down to the S3 data events signed by the instance', () => {
    const world = newWorld();
    const { withRole } = setUp(world);
    const creds = instanceCredentials(world, withRole);
    if (creds === undefined) throw new Error('no credentials');
    const from = instanceCallOptions(world, withRole);
    if (from === undefined) throw new Error('no instance');
    callAws(world, creds, 's3', 'ListObjectsV2', { Bucket: 'example-corp-reports' }, from);
    callAws(world, creds, 's3', 'GetObject', { Bucket: 'example-corp-reports', Key: 'readme.txt' }, from);
    expect(world.events.map((e) => [e.eventSource, e.eventName, e.errorCode ?? 'ok'])).toEqual([
      ['iam.amazonaws.com', 'CreateRole', 'ok'],
      ['iam.amazonaws.com', 'AttachRolePolicy', 'ok'],
      ['iam.amazonaws.com', 'CreateInstanceProfile', 'ok'],
      ['iam.amazonaws.com', 'AddRoleToInstanceProfile', 'ok'],
      ['ec2.amazonaws.com', 'RunInstances', 'ok'],
      ['ec2.amazonaws.com', 'RunInstances', 'ok'],
      ['sts.amazonaws.com', 'AssumeRole', 'ok'],
      ['s3.amazonaws.com', 'ListObjectsV2', 'ok'],
      ['s3.amazonaws.com', 'GetObject', 'ok'],
    ]);
    const assume = world.events[6];
    expect(assume?.userIdentity).toEqual({ type: 'AWSService', invokedBy: 'ec2.amazonaws.com' });
    expect(assume?.requestParameters).toMatchObject({ roleSessionName: withRole });
    const get = world.events[8];
    expect(get).toMatchObject({
      eventCategory: 'Data',
      sourceIPAddress: from.sourceIp,
      requestParameters: { bucketName: 'example-corp-reports', key: 'readme.txt' },
      userIdentity: {
        type: 'AssumedRole',
        arn: `arn:aws:sts::${ACCOUNT}:assumed-role/S3AccessForEC2/${withRole}`,
        invokedBy: 'ec2.amazonaws.com',
        sessionContext: { sessionIssuer: { type: 'Role', userName: 'S3AccessForEC2' }, ec2RoleDelivery: '2.0' },
      },
    });
  });
});
