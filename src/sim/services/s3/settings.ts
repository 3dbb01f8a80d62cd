/**
 * Bucket settings: Block Public Access at bucket level (S3 PutPublicAccessBlock,
 * GetPublicAccessBlock, DeletePublicAccessBlock) and at account level (the same three calls of
 * the S3 Control API, `s3control`), and Object Ownership (Put/GetBucketOwnershipControls).
 * The settings in force are the account's and the bucket's merged, the most restrictive
 * winning (S3 User Guide, "Blocking public access to your Amazon S3 storage").
 */
import type { ObjectOwnership, PublicAccessBlockConfig, S3Bucket } from '../../world/s3-types.ts';
import type { CallEnv } from '../access.ts';
import { checkAccess } from '../access.ts';
import { awsError, fail, ok } from '../errors.ts';
import type { Operation, TrailNotes } from '../operation.ts';
import type { Params } from '../params.ts';
import type { AwsError, AwsResult } from '../types.ts';
import { authorizeS3, bucketArn, isOwnerRoot } from './access.ts';
import { bucketTrail, isError, requiredString, withBucket } from './common.ts';
import { invalidArgument, methodNotAllowed, noSuchPublicAccessBlock, s3AccessDenied } from './errors.ts';

const SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

/** Reads `PublicAccessBlockConfiguration`; settings left out are false, as in S3. */
export function readPublicAccessBlock(p: Params): PublicAccessBlockConfig | AwsError {
  const raw = p.value('PublicAccessBlockConfiguration');
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return invalidArgument('PublicAccessBlockConfiguration is required');
  const r = raw as Record<string, unknown>;
  const out: PublicAccessBlockConfig = { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };
  for (const k of SETTINGS) {
    const v = r[k];
    if (v === undefined || v === null) continue;
    if (typeof v === 'boolean') out[k] = v;
    else if (v === 'true' || v === 'false') out[k] = v === 'true';
    else return invalidArgument(`${k} must be true or false`);
  }
  return out;
}

/** Bucket-level settings may be changed by the owner's account only (like bucket policies). */
function bucketSetting(env: CallEnv, p: Params, action: string, run: (bucket: S3Bucket) => AwsResult<unknown>, trail: TrailNotes): AwsResult<unknown> {
  return withBucket(env, p, (bucket) => {
    bucketTrail(trail, bucket, {});
    if (!isOwnerRoot(env, bucket)) {
      const denied = authorizeS3(env, bucket, action, bucketArn(bucket.name));
      if (denied !== undefined) return fail(denied);
      if (env.caller.kind === 'anonymous' || env.caller.accountId !== bucket.ownerAccountId) return fail(methodNotAllowed());
    }
    return run(bucket);
  });
}

const putPublicAccessBlock: Operation = {
  readOnly: false,
  allowsAnonymous: true,
  run: (env, p, trail) =>
    bucketSetting(env, p, 's3:PutBucketPublicAccessBlock', (bucket) => {
      const config = readPublicAccessBlock(p);
      if ('code' in config) return fail(config);
      bucket.publicAccessBlock = config;
      return ok({});
    }, trail),
};

const getPublicAccessBlock: Operation = {
  readOnly: true,
  allowsAnonymous: true,
  run: (env, p, trail) =>
    bucketSetting(env, p, 's3:GetBucketPublicAccessBlock', (bucket) =>
      bucket.publicAccessBlock === null ? fail(noSuchPublicAccessBlock()) : ok({ PublicAccessBlockConfiguration: { ...bucket.publicAccessBlock } }), trail),
};

const deletePublicAccessBlock: Operation = {
  readOnly: false,
  allowsAnonymous: true,
  run: (env, p, trail) =>
    bucketSetting(env, p, 's3:PutBucketPublicAccessBlock', (bucket) => {
      bucket.publicAccessBlock = null;
      return ok({});
    }, trail),
};

const OWNERSHIP = new Set<string>(['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter']);

const putBucketOwnershipControls: Operation = {
  readOnly: false,
  allowsAnonymous: true,
  run: (env, p, trail) =>
    bucketSetting(env, p, 's3:PutBucketOwnershipControls', (bucket) => {
      const raw = p.value('OwnershipControls') as { Rules?: { ObjectOwnership?: unknown }[] } | undefined;
      const value = Array.isArray(raw?.Rules) ? raw.Rules[0]?.ObjectOwnership : undefined;
      if (typeof value !== 'string' || !OWNERSHIP.has(value)) return fail(awsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400));
      bucket.objectOwnership = value as ObjectOwnership;
      return ok({});
    }, trail),
};

const getBucketOwnershipControls: Operation = {
  readOnly: true,
  allowsAnonymous: true,
  run: (env, p, trail) =>
    bucketSetting(env, p, 's3:GetBucketOwnershipControls', (bucket) => ok({ OwnershipControls: { Rules: [{ ObjectOwnership: bucket.objectOwnership }] } }), trail),
};

/** The bucket-setting operations of S3 by name. */
export const SETTINGS_OPERATIONS: Readonly<Record<string, Operation>> = {
  PutPublicAccessBlock: putPublicAccessBlock,
  GetPublicAccessBlock: getPublicAccessBlock,
  DeletePublicAccessBlock: deletePublicAccessBlock,
  PutBucketOwnershipControls: putBucketOwnershipControls,
  GetBucketOwnershipControls: getBucketOwnershipControls,
};

/** Account-level calls act on the caller's own account only. */
function accountSetting(env: CallEnv, p: Params, action: string, run: (accountId: string) => AwsResult<unknown>): AwsResult<unknown> {
  const accountId = requiredString(p, 'AccountId');
  if (isError(accountId)) return fail(accountId);
  if (env.caller.kind === 'anonymous' || env.caller.accountId !== accountId) return fail(s3AccessDenied());
  // These actions take no resource (Service Authorization Reference: resource "*").
  if (!checkAccess(env, { action, resource: '*' }).allowed) return fail(s3AccessDenied());
  return run(accountId);
}

/** The S3 Control account-level Block Public Access calls by name. */
export const S3_CONTROL_OPERATIONS: Readonly<Record<string, Operation>> = {
  PutPublicAccessBlock: {
    readOnly: false,
    run: (env, p) =>
      accountSetting(env, p, 's3:PutAccountPublicAccessBlock', (accountId) => {
        const config = readPublicAccessBlock(p);
        if ('code' in config) return fail(config);
        env.world.s3.accountPublicAccessBlock[accountId] = config;
        return ok({});
      }),
  },
  GetPublicAccessBlock: {
    readOnly: true,
    run: (env, p) =>
      accountSetting(env, p, 's3:GetAccountPublicAccessBlock', (accountId) => {
        const config = env.world.s3.accountPublicAccessBlock[accountId];
        return config === undefined ? fail(noSuchPublicAccessBlock()) : ok({ PublicAccessBlockConfiguration: { ...config } });
      }),
  },
  DeletePublicAccessBlock: {
    readOnly: false,
    run: (env, p) =>
      accountSetting(env, p, 's3:PutAccountPublicAccessBlock', (accountId) => {
        delete env.world.s3.accountPublicAccessBlock[accountId];
        return ok({});
      }),
  },
};
