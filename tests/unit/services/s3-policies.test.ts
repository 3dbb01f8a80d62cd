/**
 * Bucket policies, Block Public Access and anonymous access (spec §22.2–22.3).
 * Sources: S3 User Guide, "Blocking public access to your Amazon S3 storage"
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html ;
 * API Reference, PutBucketPolicy https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html
 */
import { describe, expect, it } from 'vitest';
import { checkSeed, createWorld } from '../../../src/sim/world/index.ts';
import { callAws } from '../../../src/sim/services/index.ts';
import { caller, codeOf, DEV, expectOk, KEYS, PROD } from './fixtures.ts';
import { s3World } from './s3-fixtures.ts';

const PUBLIC_READ = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::dev-reports/public/*' }] });
const PROD_READ = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${PROD}:root` }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::dev-reports', 'arn:aws:s3:::dev-reports/*'] }] });
const NO_BLOCKS = { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };

describe('bucket policies', () => {
  it('stores, returns and deletes a policy; NoSuchBucketPolicy when there is none', () => {
    const world = s3World();
    const call = caller(world);
    expect(call(KEYS.admin, 's3', 'GetBucketPolicy', { Bucket: 'dev-reports' })).toMatchObject({ error: { code: 'NoSuchBucketPolicy', httpStatus: 404 } });
    expectOk(call(KEYS.admin, 's3', 'PutBucketPolicy', { Bucket: 'dev-reports', Policy: PROD_READ }));
    expect(expectOk(call(KEYS.admin, 's3', 'GetBucketPolicy', { Bucket: 'dev-reports' }))).toEqual({ Policy: PROD_READ });
    expectOk(call(KEYS.admin, 's3', 'DeleteBucketPolicy', { Bucket: 'dev-reports' }));
    expect(codeOf(call(KEYS.admin, 's3', 'GetBucketPolicy', { Bucket: 'dev-reports' }))).toBe('NoSuchBucketPolicy');
  });

  it('rejects malformed policies and resources outside the bucket with MalformedPolicy', () => {
    const world = s3World();
    const call = caller(world);
    expect(codeOf(call(KEYS.admin, 's3', 'PutBucketPolicy', { Bucket: 'dev-reports', Policy: '{not json' }))).toBe('MalformedPolicy');
    const noPrincipal = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::dev-reports/*' }] });
    expect(codeOf(call(KEYS.admin, 's3', 'PutBucketPolicy', { Bucket: 'dev-reports', Policy: noPrincipal }))).toBe('MalformedPolicy');
    const other = PROD_READ.replaceAll('dev-reports', 'prod-data');
    expect(call(KEYS.admin, 's3', 'PutBucketPolicy', { Bucket: 'dev-reports', Policy: other })).toMatchObject({ error: { code: 'MalformedPolicy', message: 'Policy has invalid resource' } });
    expect(world.s3.buckets['dev-reports']?.policy).toBeNull();
  });

  it('lets only the owner account manage the policy (405 for others), and never locks out the owner’s root', () => {
    const world = s3World();
    const call = caller(world);
    expect(call(KEYS.prodAdmin, 's3', 'GetBucketPolicy', { Bucket: 'dev-reports' })).toMatchObject({ error: { code: 'AccessDenied' } });
    const grantPolicyRead = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: PROD }, Action: 's3:GetBucketPolicy', Resource: 'arn:aws:s3:::dev-reports' }] });
    expectOk(call(KEYS.admin, 's3', 'PutBucketPolicy', { Bucket: 'dev-reports', Policy: grantPolicyRead }));
    expect(call(KEYS.prodAdmin, 's3', 'GetBucketPolicy', { Bucket: 'dev-reports' })).toMatchObject({ error: { code: 'MethodNotAllowed', httpStatus: 405 } });
    const denyAll = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::dev-reports', 'arn:aws:s3:::dev-reports/*'] }] });
    expectOk(call(KEYS.admin, 's3', 'PutBucketPolicy', { Bucket: 'dev-reports', Policy: denyAll }));
    expect(codeOf(call(KEYS.admin, 's3', 'GetBucketPolicy', { Bucket: 'dev-reports' }))).toBe('AccessDenied');
    expect(codeOf(call(KEYS.admin, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'top.txt' }))).toBe('AccessDenied');
    expectOk(call({ root: DEV }, 's3', 'DeleteBucketPolicy', { Bucket: 'dev-reports' }));
    expect(call(KEYS.admin, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'top.txt' }).ok).toBe(true);
  });

  it('grants another account through the bucket policy only when that account’s identity policy agrees', () => {
    const world = s3World();
    const call = caller(world);
    // From another account (no organization here) S3 explains nothing: the bare "Access Denied"
    // (S3 User Guide, "Troubleshoot access denied": the added context is for the same account or organization).
    expect(call(KEYS.prodAdmin, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'top.txt' })).toMatchObject({ error: { code: 'AccessDenied', message: 'Access Denied' } });
    expectOk(call(KEYS.admin, 's3', 'PutBucketPolicy', { Bucket: 'dev-reports', Policy: PROD_READ }));
    expect(expectOk(call(KEYS.prodAdmin, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'top.txt' }))).toMatchObject({ Body: 'top' });
    // The cross-account caller who may list gets NoSuchKey for a missing key.
    expect(codeOf(call(KEYS.prodAdmin, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'missing' }))).toBe('NoSuchKey');
  });
});

describe('Block Public Access and anonymous requests', () => {
  it('refuses unsigned requests unless a public policy allows them', () => {
    const world = s3World();
    const call = caller(world);
    expect(call(null, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'public/a.txt' })).toMatchObject({ error: { code: 'AccessDenied', message: 'Access Denied' } });
    expect(codeOf(call(null, 's3', 'GetObject', { Bucket: 'no-bucket-here', Key: 'x' }))).toBe('NoSuchBucket');
    // BlockPublicPolicy (on by default) refuses the public policy itself with Access Denied.
    expect(codeOf(call(KEYS.admin, 's3', 'PutBucketPolicy', { Bucket: 'dev-reports', Policy: PUBLIC_READ }))).toBe('AccessDenied');
    expectOk(call(KEYS.admin, 's3', 'PutPublicAccessBlock', { Bucket: 'dev-reports', PublicAccessBlockConfiguration: NO_BLOCKS }));
    expectOk(call(KEYS.admin, 's3', 'PutBucketPolicy', { Bucket: 'dev-reports', Policy: PUBLIC_READ }));
    expect(expectOk(call(null, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'public/a.txt' }))).toMatchObject({ Body: 'alpha' });
    expect(codeOf(call(null, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'private/salaries.csv' }))).toBe('AccessDenied');
    // Without s3:ListBucket an anonymous caller cannot tell a missing key from a forbidden one.
    expect(codeOf(call(null, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'public/none.txt' }))).toBe('AccessDenied');
    expect(world.events.at(-1)?.userIdentity).toEqual({ type: 'Unknown' });
    expect(world.events.at(-1)?.recipientAccountId).toBe(DEV);
  });

  it('merges account and bucket settings, the most restrictive winning (s3control PutPublicAccessBlock)', () => {
    const world = s3World();
    const call = caller(world);
    expectOk(call(KEYS.admin, 's3', 'PutPublicAccessBlock', { Bucket: 'dev-reports', PublicAccessBlockConfiguration: NO_BLOCKS }));
    expectOk(call(KEYS.admin, 's3', 'PutBucketPolicy', { Bucket: 'dev-reports', Policy: PUBLIC_READ }));
    expect(codeOf(call(KEYS.admin, 's3control', 'GetPublicAccessBlock', { AccountId: DEV }))).toBe('NoSuchPublicAccessBlockConfiguration');
    expectOk(call(KEYS.admin, 's3control', 'PutPublicAccessBlock', { AccountId: DEV, PublicAccessBlockConfiguration: { RestrictPublicBuckets: true } }));
    expect(expectOk(call(KEYS.admin, 's3control', 'GetPublicAccessBlock', { AccountId: DEV }))).toEqual({ PublicAccessBlockConfiguration: { ...NO_BLOCKS, RestrictPublicBuckets: true } });
    // RestrictPublicBuckets: the public policy no longer lets anyone outside the account in.
    expect(codeOf(call(null, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'public/a.txt' }))).toBe('AccessDenied');
    expect(codeOf(call(KEYS.prodAdmin, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'public/a.txt' }))).toBe('AccessDenied');
    // Users of the owner account are not affected (their own policies decide).
    expect(call(KEYS.admin, 's3', 'GetObject', { Bucket: 'dev-reports', Key: 'public/a.txt' }).ok).toBe(true);
    expect(codeOf(call(KEYS.admin, 's3control', 'PutPublicAccessBlock', { AccountId: PROD, PublicAccessBlockConfiguration: NO_BLOCKS }))).toBe('AccessDenied');
    expect(codeOf(call(KEYS.alice, 's3control', 'PutPublicAccessBlock', { AccountId: DEV, PublicAccessBlockConfiguration: NO_BLOCKS }))).toBe('AccessDenied');
    expect(expectOk(call(KEYS.admin, 's3', 'GetPublicAccessBlock', { Bucket: 'dev-reports' }))).toEqual({ PublicAccessBlockConfiguration: NO_BLOCKS });
  });

  it('describes buckets, objects and settings in a seed', () => {
    const world = s3World();
    expect(world.s3.buckets['prod-data']).toMatchObject({ region: 'eu-west-1', ownerAccountId: PROD });
    expect(callAws(world, KEYS.prodAdmin, 's3', 'GetObject', { Bucket: 'prod-data', Key: 'x.txt' }, { region: 'eu-west-1' })).toMatchObject({ ok: true, result: { Body: 'x' } });
    const seeded = createWorld({
      accounts: [{ id: DEV, publicAccessBlock: { BlockPublicPolicy: true }, buckets: [{ name: 'site', publicAccessBlock: false, objectOwnership: 'ObjectWriter', policy: PROD_READ.replaceAll('dev-reports', 'site') }] }],
    });
    expect(seeded.s3.accountPublicAccessBlock[DEV]).toEqual({ ...NO_BLOCKS, BlockPublicPolicy: true });
    expect(seeded.s3.buckets['site']).toMatchObject({ publicAccessBlock: null, objectOwnership: 'ObjectWriter', policy: expect.stringContaining('"Statement"') });
    // Bucket names are global: a second account cannot declare the same bucket.
    expect(checkSeed({ accounts: [{ id: DEV, buckets: [{ name: 'same' }] }, { id: PROD, buckets: [{ name: 'same' }] }] })).toEqual(['accounts.1.buckets.0: bucket same already exists (bucket names are global)']);
    expect(checkSeed({ accounts: [{ id: DEV, instances: [{ instanceProfile: 'missing' }] }] })).toEqual(['accounts.0.instances.0.instanceProfile: instance profile missing is not declared in account 111122223333']);
    expect(checkSeed({ accounts: [{ id: DEV, buckets: [{ name: 'bkt1', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt1/*' }] } }] }] })[0]).toMatch(/^accounts\.0\.buckets\.0\.policy: /);
    expect(checkSeed({ accounts: [{ id: DEV, buckets: [{ name: 'Bad_Name' }] }] })[0]).toMatch(/^accounts\.0\.buckets\.0\.name/);
  });
});
