/**
 * The instance metadata service against the spec (§19).
 * Sources: EC2 User Guide, "Use the Instance Metadata Service to access instance metadata"
 * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html):
 * token TTL 1–21600, 400/401/403/404 meanings, X-Forwarded-For refused, hop limit; "Retrieve security
 * credentials from instance metadata" (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-metadata-security-credentials.html):
 * the JSON shape and rotation at least five minutes before expiry; CloudTrail userIdentity
 * `ec2RoleDelivery` (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html).
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../src/sim/world/index.ts';
import type { World } from '../../../src/sim/world/index.ts';
import { callAws, imdsRequest, instanceCallOptions } from '../../../src/sim/services/index.ts';
import { caller, DEV, expectOk, KEYS } from './fixtures.ts';
import { ec2World, SEEDED } from './ec2-fixtures.ts';

function token(world: World, id = SEEDED, ttl = '21600'): string {
  const r = imdsRequest(world, id, { method: 'PUT', path: '/latest/api/token', headers: { 'X-aws-ec2-metadata-token-ttl-seconds': ttl } });
  expect(r.status).toBe(200);
  return r.body;
}

function get(world: World, path: string, tok?: string, id = SEEDED) {
  return imdsRequest(world, id, { method: 'GET', path, headers: tok === undefined ? {} : { 'X-aws-ec2-metadata-token': tok } });
}

describe('IMDS tokens (IMDSv2)', () => {
  it('issues tokens for TTLs of 1–21600 seconds and refuses the rest', () => {
    const world = ec2World();
    const t = token(world);
    expect(t).toMatch(/^AQAEA[A-Za-z0-9_-]{51}$/);
    for (const bad of ['0', '21601', 'abc']) {
      expect(imdsRequest(world, SEEDED, { method: 'PUT', path: '/latest/api/token', headers: { 'x-aws-ec2-metadata-token-ttl-seconds': bad } })).toMatchObject({ status: 400, body: 'Missing or Invalid Parameters' });
    }
    expect(imdsRequest(world, SEEDED, { method: 'PUT', path: '/latest/api/token' }).status).toBe(400);
    expect(imdsRequest(world, SEEDED, { method: 'PUT', path: '/latest/api/token', headers: { 'X-aws-ec2-metadata-token-ttl-seconds': '60', 'X-Forwarded-For': '10.0.0.1' } }).status).toBe(403);
    // Two hops (a container behind a bridge) exceed the default hop limit of 1: no response arrives.
    expect(imdsRequest(world, SEEDED, { method: 'PUT', path: '/latest/api/token', headers: { 'X-aws-ec2-metadata-token-ttl-seconds': '60' }, hops: 2 }).status).toBe(0);
  });

  it('requires a valid, unexpired token when HttpTokens is required (401 otherwise)', () => {
    const world = ec2World();
    expect(get(world, '/latest/meta-data/instance-id')).toMatchObject({ status: 401, body: 'Unauthorized' });
    const t = token(world, SEEDED, '60');
    expect(get(world, '/latest/meta-data/instance-id', t)).toEqual({ status: 200, headers: { 'Content-Type': 'text/plain' }, body: SEEDED });
    expect(get(world, '/latest/meta-data/instance-id', 'AQAEAforged').status).toBe(401);
    manualClock(world.clock).advanceSeconds(61);
    expect(get(world, '/latest/meta-data/instance-id', t).status).toBe(401);
  });

  it('accepts IMDSv1 when HttpTokens is optional, and answers 403 when the endpoint is disabled', () => {
    const world = ec2World();
    const call = caller(world);
    expectOk(call(KEYS.admin, 'ec2', 'ModifyInstanceMetadataOptions', { InstanceId: SEEDED, HttpTokens: 'optional' }));
    expect(get(world, '/latest/meta-data/placement/region')).toMatchObject({ status: 200, body: 'us-east-1' });
    // A token that is sent must still be valid, even when tokens are optional.
    expect(get(world, '/latest/meta-data/placement/region', 'bogus').status).toBe(401);
    expectOk(call(KEYS.admin, 'ec2', 'ModifyInstanceMetadataOptions', { InstanceId: SEEDED, HttpEndpoint: 'disabled' }));
    expect(get(world, '/latest/meta-data/')).toMatchObject({ status: 403, body: 'Forbidden' });
    expect(imdsRequest(world, SEEDED, { method: 'PUT', path: '/latest/api/token', headers: { 'X-aws-ec2-metadata-token-ttl-seconds': '60' } }).status).toBe(403);
  });
});

describe('IMDS metadata and role credentials', () => {
  it('lists categories, with iam/ only while a profile is associated', () => {
    const world = ec2World();
    const t = token(world);
    const root = get(world, '/latest/meta-data/', t).body.split('\n');
    expect(root).toEqual(expect.arrayContaining(['ami-id', 'instance-id', 'instance-type', 'local-ipv4', 'public-ipv4', 'placement/', 'iam/']));
    expect(get(world, '/latest/meta-data/iam/', t).body).toBe('info\nsecurity-credentials/');
    expect(JSON.parse(get(world, '/latest/meta-data/iam/info', t).body)).toMatchObject({ Code: 'Success', InstanceProfileArn: `arn:aws:iam::${DEV}:instance-profile/S3Reader`, InstanceProfileId: expect.stringMatching(/^AIPA/) });
    expect(get(world, '/latest/meta-data/nope', t).status).toBe(404);
    expect(get(world, '/latest/meta-data/public-ipv4', t).body).toBe(world.ec2.instances[SEEDED]?.publicIpAddress);

    const bare = expectOk<{ Instances: { InstanceId: string }[] }>(callAws(world, KEYS.admin, 'ec2', 'RunInstances', { ImageId: 'ami-0123456789abcdef0' })).Instances[0]?.InstanceId ?? '';
    expect(get(world, '/latest/meta-data/', undefined, bare).body.split('\n')).not.toContain('iam/');
    expect(get(world, '/latest/meta-data/iam/info', undefined, bare).status).toBe(404);
    expect(get(world, '/latest/meta-data/iam/security-credentials/', undefined, bare).status).toBe(404);
  });

  it('serves the instance identity document under /latest/dynamic/', () => {
    const world = ec2World();
    const t = token(world);
    expect(get(world, '/latest/', t).body).toBe('dynamic\nmeta-data');
    expect(get(world, '/latest/dynamic/instance-identity/', t).body).toBe('document');
    expect(JSON.parse(get(world, '/latest/dynamic/instance-identity/document', t).body)).toMatchObject({ accountId: DEV, instanceId: SEEDED, region: 'us-east-1', availabilityZone: 'us-east-1a' });
    expect(get(world, '/latest/dynamic/instance-identity/document').status).toBe(401);
  });

  it('serves credentials of a session named after the instance, in IMDS’s JSON shape', () => {
    const world = ec2World();
    const t = token(world);
    expect(get(world, '/latest/meta-data/iam/security-credentials/', t)).toMatchObject({ status: 200, body: 'S3Reader' });
    const r = get(world, '/latest/meta-data/iam/security-credentials/S3Reader', t);
    expect(r.body).toContain('"Code" : "Success"');
    const c = JSON.parse(r.body) as Record<string, string>;
    expect(Object.keys(c)).toEqual(['Code', 'LastUpdated', 'Type', 'AccessKeyId', 'SecretAccessKey', 'Token', 'Expiration']);
    expect(c).toMatchObject({ Code: 'Success', Type: 'AWS-HMAC', LastUpdated: '2026-01-01T09:00:00Z', Expiration: '2026-01-01T15:00:00Z', AccessKeyId: expect.stringMatching(/^ASIA/) });
    expect(get(world, '/latest/meta-data/iam/security-credentials/s3reader', t).status).toBe(404);
    const creds = { accessKeyId: c['AccessKeyId'] ?? '', secretAccessKey: c['SecretAccessKey'] ?? '', sessionToken: c['Token'] ?? '' };
    const opts = instanceCallOptions(world, SEEDED) ?? {};
    expect(expectOk(callAws(world, creds, 'sts', 'GetCallerIdentity', {}, opts))).toMatchObject({ Arn: `arn:aws:sts::${DEV}:assumed-role/S3Reader/${SEEDED}` });
    // The same credentials come back until they are about to expire (one AssumeRole, not one per GET).
    expect(JSON.parse(get(world, '/latest/meta-data/iam/security-credentials/S3Reader', t).body)).toMatchObject({ AccessKeyId: c['AccessKeyId'] });
    expect(world.events.filter((e) => e.eventName === 'AssumeRole')).toHaveLength(1);
    const last = world.events.at(-1);
    expect(last?.sourceIPAddress).toBe(world.ec2.instances[SEEDED]?.publicIpAddress);
    expect(last?.userIdentity.sessionContext?.ec2RoleDelivery).toBe('2.0');
  });

  it('rotates credentials at least five minutes before they expire', () => {
    const world = ec2World();
    const t = token(world);
    const first = JSON.parse(get(world, '/latest/meta-data/iam/security-credentials/S3Reader', t).body) as Record<string, string>;
    manualClock(world.clock).advanceSeconds(6 * 3600 - 10 * 60);
    const t2 = token(world);
    expect(JSON.parse(get(world, '/latest/meta-data/iam/security-credentials/S3Reader', t2).body)).toMatchObject({ AccessKeyId: first['AccessKeyId'] });
    manualClock(world.clock).advanceSeconds(6 * 60);
    const next = JSON.parse(get(world, '/latest/meta-data/iam/security-credentials/S3Reader', t2).body) as Record<string, string>;
    expect(next['AccessKeyId']).not.toBe(first['AccessKeyId']);
    expect(next['LastUpdated']).toBe('2026-01-01T14:56:00Z');
  });

  it('follows association changes, and reports a role EC2 may not assume', () => {
    const world = ec2World();
    const call = caller(world);
    const t = token(world);
    const assoc = world.ec2.instances[SEEDED]?.profile?.associationId ?? '';
    expectOk(call(KEYS.admin, 'ec2', 'ReplaceIamInstanceProfileAssociation', { AssociationId: assoc, IamInstanceProfile: { Name: 'NotForEc2' } }));
    expect(get(world, '/latest/meta-data/iam/security-credentials/', t).body).toBe('NotForEc2');
    const failed = JSON.parse(get(world, '/latest/meta-data/iam/security-credentials/NotForEc2', t).body) as Record<string, string>;
    expect(failed).toMatchObject({ Code: 'AssumeRoleUnauthorizedAccess', Message: expect.stringContaining('EC2 cannot assume the role NotForEc2') });
    expect(world.events.at(-1)).toMatchObject({ eventName: 'AssumeRole', errorCode: 'AccessDenied', userIdentity: { type: 'AWSService', invokedBy: 'ec2.amazonaws.com' } });
    const newAssoc = world.ec2.instances[SEEDED]?.profile?.associationId ?? '';
    expectOk(call(KEYS.admin, 'ec2', 'DisassociateIamInstanceProfile', { AssociationId: newAssoc }));
    expect(get(world, '/latest/meta-data/iam/security-credentials/', t).status).toBe(404);
  });

  it('records IMDSv1 delivery as ec2RoleDelivery 1.0', () => {
    const world = ec2World();
    expectOk(callAws(world, KEYS.admin, 'ec2', 'ModifyInstanceMetadataOptions', { InstanceId: SEEDED, HttpTokens: 'optional' }));
    const c = JSON.parse(get(world, '/latest/meta-data/iam/security-credentials/S3Reader').body) as Record<string, string>;
    callAws(world, { accessKeyId: c['AccessKeyId'] ?? '', sessionToken: c['Token'] ?? '' }, 's3', 'ListObjectsV2', { Bucket: 'dev-reports' });
    expect(world.events.at(-1)?.userIdentity.sessionContext?.ec2RoleDelivery).toBe('1.0');
    expect(imdsRequest(world, 'i-00000000', { method: 'GET', path: '/latest/meta-data/' }).status).toBe(404);
  });
});
