/**
 * Objects: GetObject, HeadObject, PutObject, DeleteObject (Amazon S3 API Reference). Each is a
 * data event in CloudTrail and is authorized on the object ARN `arn:aws:s3:::bucket/key`.
 *
 * A missing key answers 404 NoSuchKey only to a caller who may list the bucket; anyone else
 * gets 403 Access Denied, so that object names cannot be probed (API Reference, GetObject:
 * "If you don't have the s3:ListBucket permission, Amazon S3 returns an HTTP status code 403").
 * Objects another account owns (ACLs enabled) are read through the object context: object-owner.ts.
 */
import { isoFromMs } from '../../world/clock.ts';
import type { S3Bucket, S3ObjectRecord } from '../../world/s3-types.ts';
import type { CallEnv } from '../access.ts';
import { awsError, fail, ok } from '../errors.ts';
import type { Operation, TrailNotes } from '../operation.ts';
import type { Params } from '../params.ts';
import type { AwsError, AwsResult } from '../types.ts';
import { authorizeS3, bucketArn, effectivePublicAccessBlock, objectArn } from './access.ts';
import { byteLength, etagOf, isError, objectTrail, optionalString, requiredString, withBucket } from './common.ts';
import { authorizeObjectRead } from './object-owner.ts';
import { aclNotSupported, invalidArgument, noSuchKey, s3AccessDenied } from './errors.ts';

/** The canned ACLs S3 accepts (S3 User Guide, "Canned ACL"). */
const CANNED_ACLS = new Set(['private', 'public-read', 'public-read-write', 'aws-exec-read', 'authenticated-read', 'bucket-owner-read', 'bucket-owner-full-control', 'log-delivery-write']);
/** Canned ACLs that grant to AllUsers or AuthenticatedUsers, which BlockPublicAcls refuses. */
const PUBLIC_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);

/** Reads Bucket and Key, then runs with the bucket, the key and the trail notes set. */
function withObject(env: CallEnv, p: Params, trail: TrailNotes, run: (bucket: S3Bucket, key: string) => AwsResult<unknown>): AwsResult<unknown> {
  return withBucket(env, p, (bucket) => {
    const key = requiredString(p, 'Key');
    if (isError(key)) return fail(key);
    if (key.length > 1024) return fail(awsError('KeyTooLongError', 'Your key is too long', 400));
    objectTrail(trail, bucket, key);
    return run(bucket, key);
  });
}

/**
 * Authorizes a read of `key` and finds the object; for a missing key, NoSuchKey or Access Denied
 * depending on s3:ListBucket.
 */
function readable(env: CallEnv, bucket: S3Bucket, key: string): S3ObjectRecord | AwsError {
  const object = bucket.objects[key];
  if (object !== undefined) return authorizeObjectRead(env, bucket, object, 's3:GetObject') ?? object;
  const denied = authorizeS3(env, bucket, 's3:GetObject', objectArn(bucket.name, key));
  if (denied !== undefined) return denied;
  return authorizeS3(env, bucket, 's3:ListBucket', bucketArn(bucket.name)) === undefined ? noSuchKey() : s3AccessDenied();
}

/** The metadata GetObject and HeadObject return. */
function metadata(o: S3ObjectRecord): Record<string, unknown> {
  return { AcceptRanges: 'bytes', LastModified: o.lastModified, ContentLength: byteLength(o.body), ETag: o.etag, ContentType: o.contentType };
}

const getObject: Operation = {
  readOnly: true,
  allowsAnonymous: true,
  run: (env, p, trail) =>
    withObject(env, p, trail, (bucket, key) => {
      const o = readable(env, bucket, key);
      return isError(o) ? fail(o) : ok({ ...metadata(o), Body: o.body });
    }),
};

const headObject: Operation = {
  readOnly: true,
  allowsAnonymous: true,
  run: (env, p, trail) =>
    withObject(env, p, trail, (bucket, key) => {
      const o = readable(env, bucket, key);
      if (!isError(o)) return ok(metadata(o));
      // A HEAD response has no body, so the SDKs only see the status: 403 Forbidden or 404 Not Found.
      return fail(o.httpStatus === 404 ? awsError('NotFound', 'Not Found', 404) : awsError('Forbidden', 'Forbidden', 403));
    }),
};

const putObject: Operation = {
  readOnly: false,
  allowsAnonymous: true,
  run: (env, p, trail) =>
    withObject(env, p, trail, (bucket, key) => {
      const body = p.value('Body') ?? '';
      if (typeof body !== 'string') return fail(invalidArgument('Body must be text'));
      const acl = optionalString(p, 'ACL');
      const contentType = optionalString(p, 'ContentType');
      if (isError(acl)) return fail(acl);
      if (isError(contentType)) return fail(contentType);
      if (acl !== undefined && !CANNED_ACLS.has(acl)) return fail(invalidArgument(`Invalid canned ACL: ${acl}`));
      if (acl !== undefined) objectTrail(trail, bucket, key, { 'x-amz-acl': acl });
      const context: Record<string, string> = acl === undefined ? {} : { 's3:x-amz-acl': acl };
      const denied = authorizeS3(env, bucket, 's3:PutObject', objectArn(bucket.name, key), context);
      if (denied !== undefined) return fail(denied);
      // Bucket owner enforced disables ACLs: only bucket-owner-full-control (or none) is accepted.
      if (acl !== undefined && acl !== 'bucket-owner-full-control' && bucket.objectOwnership === 'BucketOwnerEnforced') return fail(aclNotSupported());
      if (acl !== undefined && PUBLIC_ACLS.has(acl) && effectivePublicAccessBlock(env.world, bucket).BlockPublicAcls) return fail(s3AccessDenied());
      const writer = env.caller.kind === 'anonymous' ? bucket.ownerAccountId : env.caller.accountId;
      const ownerAccountId =
        bucket.objectOwnership === 'BucketOwnerEnforced' || (bucket.objectOwnership === 'BucketOwnerPreferred' && acl === 'bucket-owner-full-control') ? bucket.ownerAccountId : writer;
      const etag = etagOf(body);
      const record: S3ObjectRecord = { key, body, ownerAccountId, lastModified: isoFromMs(env.world.clock.epochMs), etag, contentType: contentType ?? 'binary/octet-stream' };
      if (acl !== undefined && bucket.objectOwnership !== 'BucketOwnerEnforced') record.acl = acl;
      bucket.objects[key] = record;
      return ok({ ETag: etag });
    }),
};

const deleteObject: Operation = {
  readOnly: false,
  allowsAnonymous: true,
  run: (env, p, trail) =>
    withObject(env, p, trail, (bucket, key) => {
      const denied = authorizeS3(env, bucket, 's3:DeleteObject', objectArn(bucket.name, key));
      if (denied !== undefined) return fail(denied);
      // Deleting a key that is not there succeeds too (204 No Content).
      delete bucket.objects[key];
      return ok({});
    }),
};

/** The object operations by name. */
export const OBJECT_OPERATIONS: Readonly<Record<string, Operation>> = {
  GetObject: getObject,
  HeadObject: headObject,
  PutObject: putObject,
  DeleteObject: deleteObject,
};
