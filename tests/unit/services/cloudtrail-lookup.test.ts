/**
 * CloudTrail LookupEvents against the AWS CloudTrail API Reference (LookupEvents) and the
 * CloudTrail User Guide:
 * - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
 * - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html
 *   ("The CloudTrail Event history feature supports only management events")
 * - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 * - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 */
import { describe, expect, it } from 'vitest';
import { createWorld, manualClock } from '../../../src/sim/world/index.ts';
import type { World } from '../../../src/sim/world/index.ts';
import { callAws } from '../../../src/sim/services/index.ts';
import type { LookupEvent } from '../../../src/sim/services/index.ts';
import { BASE_SEED, DEV, KEYS, PROD, baseWorld, codeOf, expectOk } from './fixtures.ts';

type Lookup = { Events: LookupEvent[]; NextToken?: string };

function lookup(world: World, creds: Parameters<typeof callAws>[1], params: Record<string, unknown> = {}, region?: string): Lookup {
  return expectOk<Lookup>(callAws(world, creds, 'cloudtrail', 'LookupEvents', params, region === undefined ? {} : { region }));
}

function record(e: LookupEvent | undefined): Record<string, unknown> {
  return JSON.parse(e?.CloudTrailEvent ?? '{}') as Record<string, unknown>;
}

function s3World(): World {
  const seed = structuredClone(BASE_SEED);
  const dev = seed.accounts[0];
  if (dev !== undefined) dev.buckets = [{ name: 'dev-data', objects: { 'a.txt': 'hello' } }];
  return createWorld(seed);
}

describe('CloudTrail LookupEvents', () => {
  it('returns the caller account’s management events newest first, with the full record as JSON text', () => {
    const world = baseWorld();
    expectOk(callAws(world, KEYS.admin, 'iam', 'CreateRole', { RoleName: 'r1', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) }));
    manualClock(world.clock).advanceSeconds(60);
    expect(codeOf(callAws(world, KEYS.alice, 'iam', 'ListRoles'))).toBe('AccessDenied');
    const out = lookup(world, KEYS.admin);
    expect(out.Events.map((e) => [e.EventName, e.Username])).toEqual([
      ['ListRoles', 'alice'],
      ['CreateRole', 'admin'],
    ]);
    const denied = record(out.Events[0]);
    expect(denied).toMatchObject({
      eventVersion: '1.08',
      eventSource: 'iam.amazonaws.com',
      awsRegion: 'us-east-1',
      errorCode: 'AccessDenied',
      readOnly: true,
      responseElements: null,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: DEV,
      eventCategory: 'Management',
      userIdentity: { type: 'IAMUser', userName: 'alice', accessKeyId: KEYS.alice.accessKeyId },
    });
    expect(denied['requestID']).toMatch(/^[0-9a-f-]{36}$/);
    expect(denied['eventID']).toBe(out.Events[0]?.EventId);
    expect(out.Events[0]?.ReadOnly).toBe('true');
    expect(out.Events[1]?.ReadOnly).toBe('false');
    expect(out.Events[1]?.Resources).toContainEqual({ ResourceType: 'AWS::IAM::Role', ResourceName: 'r1' });
    // Keys in the field order of the record-contents page.
    expect(Object.keys(record(out.Events[1])).slice(0, 8)).toEqual(['eventVersion', 'userIdentity', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress', 'userAgent']);
  });

  it('filters by each lookup attribute', () => {
    const world = baseWorld();
    const r = expectOk<{ Credentials: { AccessKeyId: string; SessionToken: string } }>(callAws(world, KEYS.bob, 'sts', 'AssumeRole', { RoleArn: `arn:aws:iam::${DEV}:role/DevReader`, RoleSessionName: 'bob-session' }));
    callAws(world, { accessKeyId: r.Credentials.AccessKeyId, sessionToken: r.Credentials.SessionToken }, 'iam', 'ListRoles');
    expectOk(callAws(world, KEYS.admin, 'iam', 'CreateUser', { UserName: 'dave' }));
    const by = (AttributeKey: string, AttributeValue: string): string[] => lookup(world, KEYS.admin, { LookupAttributes: [{ AttributeKey, AttributeValue }] })
        .Events.map((e) => e.EventName)
        // Each lookup is itself a (read-only) management event.
        .filter((n) => n !== 'LookupEvents');
    expect(by('EventName', 'AssumeRole')).toEqual(['AssumeRole']);
    expect(by('Username', 'bob-session')).toEqual(['ListRoles']);
    expect(by('Username', 'bob')).toEqual(['AssumeRole']);
    expect(by('AccessKeyId', r.Credentials.AccessKeyId)).toEqual(['ListRoles']);
    expect(by('EventSource', 'sts.amazonaws.com')).toEqual(['AssumeRole']);
    expect(by('ReadOnly', 'true')).toEqual(['ListRoles']);
    expect(by('ReadOnly', 'false')).toEqual(['CreateUser', 'AssumeRole']);
    expect(by('ResourceType', 'AWS::IAM::Role')).toEqual(['AssumeRole']);
    expect(by('ResourceName', `arn:aws:iam::${DEV}:role/DevReader`)).toEqual(['AssumeRole']);
    expect(by('ResourceName', 'dave')).toEqual(['CreateUser']);
    const id = lookup(world, KEYS.admin, { LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'iam.amazonaws.com' }] }).Events[1]?.EventId ?? '';
    expect(by('EventId', id)).toEqual(['ListRoles']);
  });

  it('records AssumeRole sessions with sessionContext and sessionIssuer', () => {
    const world = baseWorld();
    const r = expectOk<{ Credentials: { AccessKeyId: string; SessionToken: string } }>(callAws(world, KEYS.bob, 'sts', 'AssumeRole', { RoleArn: `arn:aws:iam::${DEV}:role/DevReader`, RoleSessionName: 's1' }));
    callAws(world, { accessKeyId: r.Credentials.AccessKeyId, sessionToken: r.Credentials.SessionToken }, 'iam', 'ListRoles');
    const [list, assume] = lookup(world, KEYS.admin).Events;
    expect(record(list)['userIdentity']).toMatchObject({
      type: 'AssumedRole',
      arn: `arn:aws:sts::${DEV}:assumed-role/DevReader/s1`,
      sessionContext: { attributes: { mfaAuthenticated: 'false' }, sessionIssuer: { type: 'Role', userName: 'DevReader', arn: `arn:aws:iam::${DEV}:role/DevReader` } },
    });
    const a = record(assume);
    expect(a['resources']).toEqual([{ ARN: `arn:aws:iam::${DEV}:role/DevReader`, accountId: DEV, type: 'AWS::IAM::Role' }]);
    // Secrets are redacted: the response keeps the key id and token, never the secret key.
    expect(JSON.stringify(a['responseElements'])).toContain(r.Credentials.AccessKeyId);
    expect(assume?.CloudTrailEvent).not.toMatch(/secretAccessKey/i);
  });

  it('delivers a cross-account AssumeRole to both accounts with a sharedEventID (role owner sees AWSAccount)', () => {
    const world = baseWorld();
    expectOk(callAws(world, KEYS.carol, 'sts', 'AssumeRole', { RoleArn: `arn:aws:iam::${PROD}:role/deploy/ProdDeploy`, RoleSessionName: 'deploy', ExternalId: 'ext-123' }));
    const mine = lookup(world, KEYS.admin, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'AssumeRole' }] }).Events;
    const theirs = lookup(world, KEYS.prodAdmin, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'AssumeRole' }] }).Events;
    expect(mine).toHaveLength(1);
    expect(theirs).toHaveLength(1);
    const a = record(mine[0]);
    const b = record(theirs[0]);
    expect(a['sharedEventID']).toBeDefined();
    expect(a['sharedEventID']).toBe(b['sharedEventID']);
    expect(a['eventID']).not.toBe(b['eventID']);
    expect(a['requestID']).toBe(b['requestID']);
    expect(a['recipientAccountId']).toBe(DEV);
    expect(b['recipientAccountId']).toBe(PROD);
    const carol = world.accounts[DEV]?.iam.users['carol'];
    expect(b['userIdentity']).toEqual({ type: 'AWSAccount', principalId: carol?.userId, accountId: DEV });
    // The failed attempt (wrong external id) reaches the role owner too.
    expect(codeOf(callAws(world, KEYS.carol, 'sts', 'AssumeRole', { RoleArn: `arn:aws:iam::${PROD}:role/deploy/ProdDeploy`, RoleSessionName: 'no-extid' }))).toBe('AccessDenied');
    expect(record(lookup(world, KEYS.prodAdmin, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'AssumeRole' }] }).Events[0])).toMatchObject({ errorCode: 'AccessDenied', userIdentity: { type: 'AWSAccount' } });
  });

  it('leaves data events (S3 GetObject/PutObject) out of Event history', () => {
    const world = s3World();
    expectOk(callAws(world, KEYS.admin, 's3', 'GetObject', { Bucket: 'dev-data', Key: 'a.txt' }));
    expectOk(callAws(world, KEYS.admin, 's3', 'PutObject', { Bucket: 'dev-data', Key: 'b.txt', Body: 'x' }));
    // A bucket-level call is a management event even when it fails (no policy on the bucket).
    expect(codeOf(callAws(world, KEYS.admin, 's3', 'GetBucketPolicy', { Bucket: 'dev-data' }))).toBe('NoSuchBucketPolicy');
    expect(world.events.some((e) => e.eventName === 'GetObject' && e.eventCategory === 'Data')).toBe(true);
    const names = lookup(world, KEYS.admin).Events.map((e) => e.EventName);
    expect(names).not.toContain('GetObject');
    expect(names).not.toContain('PutObject');
    expect(names).toContain('GetBucketPolicy');
  });

  it('shows only the Region asked for: IAM and STS global-endpoint events are in us-east-1', () => {
    const world = baseWorld();
    expectOk(callAws(world, KEYS.admin, 'iam', 'CreateUser', { UserName: 'eve' }));
    expect(lookup(world, KEYS.admin, {}, 'eu-west-1').Events).toEqual([]);
    expect(lookup(world, KEYS.admin, {}, 'us-east-1').Events).toHaveLength(1);
  });

  it('honours StartTime/EndTime and the 90-day window', () => {
    const world = baseWorld();
    const clock = manualClock(world.clock);
    expectOk(callAws(world, KEYS.admin, 'iam', 'CreateUser', { UserName: 'u1' }));
    clock.advanceSeconds(3600);
    expectOk(callAws(world, KEYS.admin, 'iam', 'CreateUser', { UserName: 'u2' }));
    const names = (p: Record<string, unknown>): string[] =>
      lookup(world, KEYS.admin, { ...p, LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }] }).Events.map((e) => JSON.stringify(JSON.parse(e.CloudTrailEvent).requestParameters));
    expect(names({ StartTime: '2026-01-01T09:30:00Z' })).toEqual(['{"userName":"u2"}']);
    expect(names({ EndTime: '2026-01-01T09:30:00Z' })).toEqual(['{"userName":"u1"}']);
    expect(names({ StartTime: Date.UTC(2026, 0, 1, 9, 30) / 1000 })).toEqual(['{"userName":"u2"}']);
    clock.advanceSeconds(91 * 86400);
    expect(lookup(world, KEYS.admin).Events.filter((e) => e.EventName === 'CreateUser')).toEqual([]);
  });

  it('pages with MaxResults and NextToken', () => {
    const world = baseWorld();
    for (let i = 0; i < 5; i++) expectOk(callAws(world, KEYS.admin, 'iam', 'CreateUser', { UserName: `p${i}` }));
    const attr = { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }] };
    const first = lookup(world, KEYS.admin, { ...attr, MaxResults: 2 });
    expect(first.Events).toHaveLength(2);
    expect(first.NextToken).toBeDefined();
    const second = lookup(world, KEYS.admin, { ...attr, MaxResults: 2, NextToken: first.NextToken });
    const third = lookup(world, KEYS.admin, { ...attr, MaxResults: 2, NextToken: second.NextToken });
    expect(third.NextToken).toBeUndefined();
    expect([...first.Events, ...second.Events, ...third.Events].map((e) => e.EventId)).toEqual(lookup(world, KEYS.admin, attr).Events.map((e) => e.EventId));
    // A token only works with the parameters it came from.
    expect(codeOf(callAws(world, KEYS.admin, 'cloudtrail', 'LookupEvents', { MaxResults: 2, NextToken: first.NextToken }))).toBe('InvalidNextTokenException');
  });

  it('answers AWS’s errors for bad input and for callers without permission', () => {
    const world = baseWorld();
    const call = (p: Record<string, unknown>): string => codeOf(callAws(world, KEYS.admin, 'cloudtrail', 'LookupEvents', p));
    expect(call({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'a' }, { AttributeKey: 'Username', AttributeValue: 'b' }] })).toBe('InvalidLookupAttributesException');
    expect(call({ LookupAttributes: [{ AttributeKey: 'Colour', AttributeValue: 'a' }] })).toBe('InvalidLookupAttributesException');
    expect(call({ MaxResults: 51 })).toBe('InvalidMaxResultsException');
    expect(call({ MaxResults: 0 })).toBe('InvalidMaxResultsException');
    expect(call({ StartTime: '2026-02-01T00:00:00Z', EndTime: '2026-01-01T00:00:00Z' })).toBe('InvalidTimeRangeException');
    expect(call({ EventCategory: 'data' })).toBe('InvalidEventCategoryException');
    expect(call({ NextToken: 'garbage' })).toBe('InvalidNextTokenException');
    expect(codeOf(callAws(world, KEYS.alice, 'cloudtrail', 'LookupEvents', {}))).toBe('AccessDeniedException');
    // ReadOnlyAccess (bob's group) includes cloudtrail:LookupEvents.
    expect(codeOf(callAws(world, KEYS.bob, 'cloudtrail', 'LookupEvents', {}))).toBe('OK');
  });
});
