/**
 * S3 buckets and objects against the spec (§22): resource ARN shapes, ListObjectsV2 condition
 * keys, the missing-key rule, Object Ownership, and AccessDenied messages: explained inside the
 * bucket owner's account and organization, the bare "Access Denied" from outside.
 * Sources: Amazon S3 API Reference (CreateBucket, ListObjectsV2, GetObject, HeadObject, PutObject)
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html and the S3 User Guide,
 * "Controlling ownership of objects" https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
 */
import { describe, expect, it } from 'vitest';
import { restore, snapshot } from '../../../src/sim/world/index.ts';
import { callAws } from '../../../src/sim/services/index.ts';
import { caller, codeOf, DEV, expectOk, KEYS, PROD } from './fixtures.ts';
import { s3World } from './s3-fixtures.ts';

describe('S3 buckets', () => {
  it('creates buckets with the 2023 defaults and refuses taken or invalid names', () => {
    const world = s3World();
    const call = caller(world);
    expect(expectOk(call(KEYS.admin, 's3', 'CreateBucket', { Bucket: 'new-bucket' }))).toEqual({ Location: '/new-bucket' });
    const b = world.s3.buckets['new-bucket'];
    expect(b).toMatchObject({ ownerAccountId: DEV, region: 'us-east-1', objectOwnership: 'BucketOwnerEnforced', policy: null });
    expect(b?.publicAccessBlock).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
    // Another account's name: BucketAlreadyExists; our own outside us-east-1: BucketAlreadyOwnedByYou;
    // our own in us-east-1: 200 OK "for legacy compatibility" (API Reference, CreateBucket, Errors).
    expect(codeOf(call(KEYS.admin, 's3', 'CreateBucket', { Bucket: 'prod-data' }))).toBe('BucketAlreadyExists');
    expect(call(KEYS.admin, 's3', 'CreateBucket', { Bucket: 'new-bucket' }).ok).toBe(true);
    expect(codeOf(callAws(world, KEYS.prodAdmin, 's3', 'CreateBucket', { Bucket: 'prod-data', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }, { region: 'eu-west-1' }))).toBe('BucketAlreadyOwnedByYou');
    for (const bad of ['ab', 'Upper', 'a..b', '192.168.0.1', 'xn--abc', 'ends-']) expect(codeOf(call(KEYS.admin, 's3', 'CreateBucket', { Bucket: bad }))).toBe('InvalidBucketName');
    expect(codeOf(callAws(world, KEYS.admin, 's3', 'CreateBucket', { Bucket: 'eu-bucket' }, { region: 'eu-west-1' }))).toBe('IllegalLocationConstraintException');
    expect(codeOf(call(KEYS.alice, 's3', 'CreateBucket', { Bucket: 'alice-bucket' }))).toBe('AccessDenied');
    expect(codeOf(call(null, 's3', 'CreateBucket', { Bucket: 'anon-bucket' }))).toBe('AccessDenied');
    expect(codeOf(call(KEYS.admin, 's3', 'CreateBucket', { Bucket: 'acl-bucket', ACL: 'public-read' }))).toBe('InvalidBucketAclWithObjectOwnership');
  });

  it('lists only the caller’s own buckets, authorized as s3:ListAllMyBuckets on arn:aws:s3:::* (spec §24.3)', () => {
    const world = s3World();
    const call = caller(world);
    const r = expectOk<{ Buckets: { Name: string; BucketRegion: string }[]; Owner: { ID: string } }>(call(KEYS.admin, 's3', 'ListBuckets'));
    expect(r.Buckets.map((b) => b.Name)).toEqual(['dev-reports']);
    expect(r.Owner.ID).toMatch(/^[0-9a-f]{64}$/);
    expect(codeOf(call(KEYS.alice, 's3', 'ListBuckets'))).toBe('AccessDenied');
    for (const resource of ['*', 'arn:aws:s3:::*']) {
      expectOk(call(KEYS.admin, 'iam', 'PutUserPolicy', { UserName: 'alice', PolicyName: 'list', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: resource }] }) }));
      expect(call(KEYS.alice, 's3', 'ListBuckets').ok).toBe(true);
    }
    expect(codeOf(call(KEYS.admin, 's3', 'ListObjectsV2', { Bucket: 'no-such-bucket' }))).toBe('NoSuchBucket');
  });
});

describe('S3 objects', () => {
  it('lists with Prefix, Delimiter and MaxKeys, and passes them as s3:prefix, s3:delimiter, s3:max-keys', () => {
    const world = s3World();
    const call = caller(world);
    const all = expectOk<{ Contents: { Key: string; Size: number }[]; KeyCount: number }>(call(KEYS.admin, 's3', 'ListObjectsV2', { Bucket: 'dev-reports' }));
    expect(all.Contents.map((c) => c.Key)).toEqual(['private/salaries.csv', 'public/a.txt', 'public/b.txt', 'top.txt']);
    const rolled = expectOk<{ Contents: { Key: string }[]; CommonPrefixes: { Prefix: string }[] }>(call(KEYS.admin, 's3', 'ListObjectsV2', { Bucket: 'dev-reports', Delimiter: '/' }));
    expect(rolled.CommonPrefixes).toEqual([{ Prefix: 'private/' }, { Prefix: 'public/' }]);
    expect(rolled.Contents.map((c) => c.Key)).toEqual(['top.txt']);
    const page = expectOk<{ Contents: { Key: string }[]; IsTruncated: boolean; NextContinuationToken: string }>(call(KEYS.admin, 's3', 'ListObjectsV2', { Bucket: 'dev-reports', MaxKeys: 3 }));
    expect(page.IsTruncated).toBe(true);
    const next = expectOk<{ Contents: { Key: string }[]; IsTruncated: boolean }>(call(KEYS.admin, 's3', 'ListObjectsV2', { Bucket: 'dev-reports', MaxKeys: 3, ContinuationToken: page.NextContinuationToken }));
    expect(next.Contents.map((c) => c.Key)).toEqual(['top.txt']);
    expect(next.IsTruncated).toBe(false);
    // bob may list only under public/ (s3:prefix condition), so no prefix at all is denied.
    expect(call(KEYS.bob, 's3', 'ListObjectsV2', { Bucket: 'dev-reports', Prefix: 'public/' }).ok).toBe(true);
    expect(codeOf(call(KEYS.bob, 's3', 'ListObjectsV2', { Bucket: 'dev-reports' }))).toBe('AccessDenied');
    expect(codeOf(call(KEYS.bob, 's3', 'ListObjectsV2', { Bucket: 'dev-reports', Prefix: 'private/' }))).toBe('AccessDenied');
  });

  it('authorizes object actions on bucket/key and bucket actions on the bucket ARN only', () => {
    const world = s3World();
    const call = caller(world);
    expect(expectOk(call(KEYS.bob, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'public/a.txt' }))).toMatchObject({ Body: 'alpha', ContentLength: 5, ETag: expect.stringMatching(/^"[0-9a-f]{32}"$/) });
    expect(call(KEYS.bob, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'private/salaries.csv' })).toMatchObject({
      ok: false,
      error: { code: 'AccessDenied', message: 'User: arn:aws:iam::111122223333:user/bob is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::dev-reports/private/salaries.csv" because no identity-based policy allows the s3:GetObject action', httpStatus: 403 },
    });
    // "arn:aws:s3:::b/*" does not cover the bucket itself.
    expectOk(call(KEYS.admin, 'iam', 'PutUserPolicy', { UserName: 'alice', PolicyName: 'objs', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::dev-reports/*' }] }) }));
    expect(call(KEYS.alice, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'top.txt' }).ok).toBe(true);
    expect(codeOf(call(KEYS.alice, 's3', 'ListObjectsV2', { Bucket: 'dev-reports' }))).toBe('AccessDenied');
  });

  it('answers a missing key with NoSuchKey only to callers with s3:ListBucket (GetObject and HeadObject)', () => {
    const world = s3World();
    const call = caller(world);
    // carol may GetObject anywhere but not list: a missing key is 403, so keys cannot be probed.
    expect(codeOf(call(KEYS.carol, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'nope.txt' }))).toBe('AccessDenied');
    expect(call(KEYS.admin, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'nope.txt' })).toMatchObject({ error: { code: 'NoSuchKey', message: 'The specified key does not exist.', httpStatus: 404 } });
    expect(call(KEYS.admin, 's3', 'HeadObject', { Bucket: 'dev-reports', Key: 'nope.txt' })).toMatchObject({ error: { code: 'NotFound', httpStatus: 404 } });
    expect(call(KEYS.carol, 's3', 'HeadObject', { Bucket: 'dev-reports', Key: 'nope.txt' })).toMatchObject({ error: { code: 'Forbidden', httpStatus: 403 } });
    // bob's s3:ListBucket is conditioned on s3:prefix, which the missing-key check does not carry.
    expect(codeOf(call(KEYS.bob, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'public/gone.txt' }))).toBe('AccessDenied');
    expect(expectOk(call(KEYS.carol, 's3', 'HeadObject', { Bucket: 'dev-reports', Key: 'top.txt' }))).not.toHaveProperty('Body');
  });

  it('writes and deletes objects; ACLs are refused while Object Ownership is BucketOwnerEnforced', () => {
    const world = s3World();
    const call = caller(world);
    expectOk(call(KEYS.admin, 's3', 'PutObject', { Bucket: 'dev-reports', Key: 'new.txt', Body: 'hello' }));
    expect(world.s3.buckets['dev-reports']?.objects['new.txt']).toMatchObject({ body: 'hello', ownerAccountId: DEV });
    expect(call(KEYS.admin, 's3', 'PutObject', { Bucket: 'dev-reports', Key: 'acl.txt', Body: 'x', ACL: 'public-read' })).toMatchObject({ error: { code: 'AccessControlListNotSupported', httpStatus: 400 } });
    expect(call(KEYS.admin, 's3', 'PutObject', { Bucket: 'dev-reports', Key: 'acl.txt', Body: 'x', ACL: 'bucket-owner-full-control' }).ok).toBe(true);
    expect(codeOf(call(KEYS.alice, 's3', 'PutObject', { Bucket: 'dev-reports', Key: 'a', Body: 'x' }))).toBe('AccessDenied');
    expectOk(call(KEYS.admin, 's3', 'DeleteObject', { Bucket: 'dev-reports', Key: 'new.txt' }));
    expectOk(call(KEYS.admin, 's3', 'DeleteObject', { Bucket: 'dev-reports', Key: 'never-was.txt' }));
    expect(world.s3.buckets['dev-reports']?.objects['new.txt']).toBeUndefined();
    // With ACLs enabled, BlockPublicAcls still refuses a public canned ACL.
    expectOk(call(KEYS.admin, 's3', 'PutBucketOwnershipControls', { Bucket: 'dev-reports', OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } }));
    expect(codeOf(call(KEYS.admin, 's3', 'PutObject', { Bucket: 'dev-reports', Key: 'p.txt', Body: 'x', ACL: 'public-read' }))).toBe('AccessDenied');
  });

  it('with ACLs enabled, lets the writer’s account own what it uploads (S3 User Guide, "Controlling ownership of objects")', () => {
    const world = s3World();
    const call = caller(world);
    const putFromProd = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: PROD }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::dev-reports/uploads/*' }] });
    expectOk(call(KEYS.admin, 's3', 'PutBucketPolicy', { Bucket: 'dev-reports', Policy: putFromProd }));
    expectOk(call(KEYS.admin, 's3', 'PutBucketOwnershipControls', { Bucket: 'dev-reports', OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } }));
    expectOk(call(KEYS.prodAdmin, 's3', 'PutObject', { Bucket: 'dev-reports', Key: 'uploads/plain.txt', Body: 'p' }));
    expectOk(call(KEYS.prodAdmin, 's3', 'PutObject', { Bucket: 'dev-reports', Key: 'uploads/shared.txt', Body: 's', ACL: 'bucket-owner-full-control' }));
    expect(world.s3.buckets['dev-reports']?.objects['uploads/plain.txt']?.ownerAccountId).toBe(PROD);
    // The bucket owner's administrator cannot read an object another account owns without an ACL grant…
    expect(codeOf(call(KEYS.admin, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'uploads/plain.txt' }))).toBe('AccessDenied');
    expect(call(KEYS.admin, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'uploads/shared.txt' }).ok).toBe(true);
    // …while the writer's account reads its own object although the bucket policy grants no GetObject.
    expect(call(KEYS.prodAdmin, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'uploads/plain.txt' }).ok).toBe(true);
    // Turning ACLs off (BucketOwnerEnforced) hands every object to the bucket owner.
    expectOk(call(KEYS.admin, 's3', 'PutBucketOwnershipControls', { Bucket: 'dev-reports', OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } }));
    expect(call(KEYS.admin, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'uploads/plain.txt' }).ok).toBe(true);
    expect(codeOf(call(KEYS.prodAdmin, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'uploads/plain.txt' }))).toBe('AccessDenied');
  });

  it('logs object calls as data events without bodies, and keeps snapshots stable', () => {
    const world = s3World();
    const call = caller(world);
    call(KEYS.admin, 's3', 'PutObject', { Bucket: 'dev-reports', Key: 'n.txt', Body: 'secret body' });
    call(KEYS.alice, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'n.txt' });
    call(KEYS.admin, 's3', 'ListObjectsV2', { Bucket: 'dev-reports', Prefix: 'p' });
    const [put, get, list] = world.events;
    expect(put).toMatchObject({ eventSource: 's3.amazonaws.com', eventName: 'PutObject', eventCategory: 'Data', readOnly: false, recipientAccountId: DEV, requestParameters: { bucketName: 'dev-reports', key: 'n.txt' } });
    expect(put?.resources).toEqual([{ ARN: 'arn:aws:s3:::dev-reports/n.txt', type: 'AWS::S3::Object' }, { ARN: 'arn:aws:s3:::dev-reports', accountId: DEV, type: 'AWS::S3::Bucket' }]);
    expect(JSON.stringify(world.events)).not.toContain('secret body');
    expect(get).toMatchObject({ eventName: 'GetObject', errorCode: 'AccessDenied', errorMessage: expect.stringMatching(/^User: arn:aws:iam::\d{12}:user\/alice is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::dev-reports\/n\.txt" because/), eventCategory: 'Data' });
    expect(list?.eventCategory).toBeUndefined();
    const text = snapshot(world);
    expect(snapshot(restore(text))).toBe(text);
    expect(world.s3.buckets['prod-data']?.ownerAccountId).toBe(PROD);
  });
});
