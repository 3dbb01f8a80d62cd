/**
 * Buckets: CreateBucket, ListBuckets, HeadBucket, DeleteBucket (Amazon S3 API Reference).
 * New buckets block all public access and have Object Ownership "bucket owner enforced", the
 * defaults since April 2023 (S3 User Guide, "Controlling ownership of objects" and
 * "Blocking public access").
 */
import { isoFromMs } from '../../world/clock.ts';
import { allBlocked } from '../../world/s3-types.ts';
import type { ObjectOwnership, S3Bucket } from '../../world/s3-types.ts';
import { checkAccess } from '../access.ts';
import { awsError, fail, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import { authorizeS3, bucketArn } from './access.ts';
import { bucketTrail, canonicalUserId, isError, optionalString, requiredString, s3Region, withBucket } from './common.ts';
import { bucketAlreadyExists, bucketAlreadyOwnedByYou, illegalLocationConstraint, invalidArgument, invalidBucketName, s3AccessDenied } from './errors.ts';

const OWNERSHIP = new Set<string>(['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter']);

/** S3's general-purpose bucket naming rules (S3 User Guide, "Bucket naming rules"). */
export function validBucketName(name: string): boolean {
  if (name.length < 3 || name.length > 63) return false;
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) return false;
  if (name.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(name)) return false;
  if (/^(xn--|sthree-|amzn-s3-demo-)/.test(name)) return false;
  return !/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name);
}

/** A new bucket record. */
export function newBucket(name: string, ownerAccountId: string, region: string, nowMs: number, objectOwnership: ObjectOwnership = 'BucketOwnerEnforced'): S3Bucket {
  return { name, ownerAccountId, region, creationDate: isoFromMs(nowMs), policy: null, publicAccessBlock: allBlocked(), objectOwnership, objects: {} };
}

const createBucket: Operation = {
  readOnly: false,
  allowsAnonymous: true,
  run(env, p, trail) {
    const name = requiredString(p, 'Bucket');
    const acl = optionalString(p, 'ACL');
    const ownership = optionalString(p, 'ObjectOwnership');
    const config = p.value('CreateBucketConfiguration');
    if (isError(name)) return fail(name);
    if (isError(acl)) return fail(acl);
    if (isError(ownership)) return fail(ownership);
    if (ownership !== undefined && !OWNERSHIP.has(ownership)) return fail(invalidArgument(`Invalid x-amz-object-ownership header: ${ownership}`));
    const constraintRaw = typeof config === 'object' && config !== null ? (config as { LocationConstraint?: unknown }).LocationConstraint : undefined;
    const constraint = typeof constraintRaw === 'string' && constraintRaw !== '' ? constraintRaw : undefined;
    if (!validBucketName(name)) return fail(invalidBucketName());
    const region = s3Region(env);
    trail.requestParameters = { bucketName: name, Host: 's3.amazonaws.com', ...(constraint === undefined ? {} : { CreateBucketConfiguration: { LocationConstraint: constraint } }) };
    trail.resources = [{ ARN: bucketArn(name), type: 'AWS::S3::Bucket' }];
    // us-east-1 takes no constraint; every other region must be named, and match the endpoint.
    if (constraint !== undefined && constraint !== region) return fail(illegalLocationConstraint(constraint));
    if (constraint === undefined && region !== 'us-east-1') return fail(awsError('IllegalLocationConstraintException', 'The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.', 400));
    if (env.caller.kind === 'anonymous') return fail(s3AccessDenied());
    const context: Record<string, string> = {};
    if (acl !== undefined) context['s3:x-amz-acl'] = acl;
    if (ownership !== undefined) context['s3:x-amz-object-ownership'] = ownership;
    if (constraint !== undefined) context['s3:LocationConstraint'] = constraint;
    if (!checkAccess(env, { action: 's3:CreateBucket', resource: bucketArn(name), context }).allowed) return fail(s3AccessDenied());
    const existing = env.world.s3.buckets[name];
    if (existing !== undefined) {
      if (existing.ownerAccountId !== env.caller.accountId) return fail(bucketAlreadyExists());
      // "For legacy compatibility, if you re-create an existing bucket that you already own in the
      // North Virginia Region, Amazon S3 returns 200 OK" (API Reference, CreateBucket, Errors).
      if (existing.region === 'us-east-1' && region === 'us-east-1') return ok({ Location: `/${name}` });
      return fail(bucketAlreadyOwnedByYou());
    }
    const finalOwnership = (ownership ?? 'BucketOwnerEnforced') as ObjectOwnership;
    if (acl !== undefined && acl !== 'private' && finalOwnership === 'BucketOwnerEnforced') {
      return fail(awsError('InvalidBucketAclWithObjectOwnership', "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting", 400));
    }
    env.world.s3.buckets[name] = newBucket(name, env.caller.accountId, region, env.world.clock.epochMs, finalOwnership);
    trail.recipientAccountId = env.caller.accountId;
    return ok({ Location: region === 'us-east-1' ? `/${name}` : `http://${name}.s3.amazonaws.com/` });
  },
};

const listBuckets: Operation = {
  readOnly: true,
  allowsAnonymous: true,
  run(env) {
    if (env.caller.kind === 'anonymous') return fail(s3AccessDenied());
    // The S3 docs grant ListAllMyBuckets on "arn:aws:s3:::*" and the Service Authorization
    // Reference on "*" (spec §24.3): a request resource of arn:aws:s3:::* is matched by both.
    if (!checkAccess(env, { action: 's3:ListAllMyBuckets', resource: 'arn:aws:s3:::*' }).allowed) return fail(s3AccessDenied());
    const account = env.caller.accountId;
    const buckets = Object.values(env.world.s3.buckets)
      .filter((b) => b.ownerAccountId === account)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((b) => ({ Name: b.name, CreationDate: b.creationDate, BucketRegion: b.region }));
    return ok({ Buckets: buckets, Owner: { ID: canonicalUserId(account) } });
  },
};

const headBucket: Operation = {
  readOnly: true,
  allowsAnonymous: true,
  run: (env, p, trail) =>
    withBucket(env, p, (bucket) => {
      bucketTrail(trail, bucket, {});
      // HeadBucket is authorized as s3:ListBucket (API Reference, HeadBucket); HEAD has no error body.
      if (authorizeS3(env, bucket, 's3:ListBucket', bucketArn(bucket.name)) !== undefined) return fail(awsError('Forbidden', 'Forbidden', 403));
      return ok({ BucketRegion: bucket.region });
    }),
};

const deleteBucket: Operation = {
  readOnly: false,
  allowsAnonymous: true,
  run: (env, p, trail) =>
    withBucket(env, p, (bucket) => {
      bucketTrail(trail, bucket, {});
      const denied = authorizeS3(env, bucket, 's3:DeleteBucket', bucketArn(bucket.name));
      if (denied !== undefined) return fail(denied);
      if (Object.keys(bucket.objects).length > 0) return fail(awsError('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409));
      delete env.world.s3.buckets[bucket.name];
      return ok({});
    }),
};

/** The bucket operations by name. */
export const BUCKET_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateBucket: createBucket,
  ListBuckets: listBuckets,
  HeadBucket: headBucket,
  DeleteBucket: deleteBucket,
};
