/**
 * Calls signed with an EC2 instance's role credentials say where they come from: the request
 * context carries `ec2:SourceInstanceARN` and `aws:EC2InstanceSourcePrivateIPv4` (IAM User
 * Guide, "AWS global condition context keys", properties of the role session; the simulator
 * models no VPCs, so `aws:EC2InstanceSourceVPC` is absent). A policy can therefore accept the
 * role's credentials only when they are used from an instance, not when the same role is
 * assumed some other way.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/world/index.ts';
import type { World } from '../../src/sim/world/index.ts';
import { authorizeInput, callAws, imdsRequest, instanceCallOptions, resolveCaller } from '../../src/sim/services/index.ts';
import type { AccessKeyCredentials, AwsResult } from '../../src/sim/services/index.ts';

const ACCOUNT = '111122223333';
const ADMIN = { accessKeyId: 'AKIAADMINADMINADMIN1' };
const INSTANCE = 'i-0123456789abcdef0';

function ok<T = Record<string, unknown>>(r: AwsResult<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.result as T;
}

function newWorld(): World {
  return createWorld({
    accounts: [
      {
        id: ACCOUNT,
        users: [{ name: 'admin', managedPolicies: ['AdministratorAccess'], accessKeys: [ADMIN] }],
        roles: [
          {
            name: 'AppServer',
            trustPolicy: {
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
                { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
              ],
            },
            inlinePolicies: {
              onlyFromInstances: {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::app-config/*', Condition: { ArnLike: { 'ec2:SourceInstanceARN': `arn:aws:ec2:*:${ACCOUNT}:instance/*` } } }],
              },
            },
            instanceProfile: true,
          },
        ],
        buckets: [{ name: 'app-config', objects: { 'settings.json': '{"debug":false}' } }],
        instances: [{ id: INSTANCE, instanceProfile: 'AppServer' }],
      },
    ],
  });
}

function instanceCredentials(world: World): AccessKeyCredentials {
  const token = imdsRequest(world, INSTANCE, { method: 'PUT', path: '/latest/api/token', headers: { 'X-aws-ec2-metadata-token-ttl-seconds': '300' } });
  const doc = imdsRequest(world, INSTANCE, { method: 'GET', path: '/latest/meta-data/iam/security-credentials/AppServer', headers: { 'X-aws-ec2-metadata-token': token.body } });
  const c = JSON.parse(doc.body) as Record<string, string>;
  return { accessKeyId: c['AccessKeyId'] ?? '', secretAccessKey: c['SecretAccessKey'] ?? '', sessionToken: c['Token'] ?? '' };
}

describe('instance context keys', () => {
  it('puts ec2:SourceInstanceARN and aws:EC2InstanceSourcePrivateIPv4 in requests signed with instance-profile credentials', () => {
    const world = newWorld();
    const creds = instanceCredentials(world);
    const caller = resolveCaller(world, creds);
    if (!caller.ok) throw new Error('no caller');
    const input = authorizeInput({ world, caller: caller.result, opts: {}, service: 's3' }, { action: 's3:GetObject', resource: 'arn:aws:s3:::app-config/settings.json' });
    const instance = world.ec2.instances[INSTANCE];
    expect(input?.request.context).toMatchObject({ 'ec2:SourceInstanceARN': `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${INSTANCE}`, 'aws:EC2InstanceSourcePrivateIPv4': instance?.privateIpAddress });
    expect(input?.request.context?.['aws:EC2InstanceSourceVPC']).toBeUndefined();
    const opts = instanceCallOptions(world, INSTANCE) ?? {};
    expect(ok<{ Body: string }>(callAws(world, creds, 's3', 'GetObject', { Bucket: 'app-config', Key: 'settings.json' }, opts)).Body).toBe('{"debug":false}');
  });

  it('leaves them out for the same role assumed any other way', () => {
    const world = newWorld();
    const r = ok<{ Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string } }>(
      callAws(world, ADMIN, 'sts', 'AssumeRole', { RoleArn: `arn:aws:iam::${ACCOUNT}:role/AppServer`, RoleSessionName: 'laptop' }),
    );
    const creds = { accessKeyId: r.Credentials.AccessKeyId, secretAccessKey: r.Credentials.SecretAccessKey, sessionToken: r.Credentials.SessionToken };
    expect(callAws(world, creds, 's3', 'GetObject', { Bucket: 'app-config', Key: 'settings.json' })).toMatchObject({ error: { code: 'AccessDenied' } });
  });
});
