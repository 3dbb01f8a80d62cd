/**
 * Helpers the S3 operations share: reading parameters, finding the bucket, the canonical user
 * id of an account, ETags, and the CloudTrail notes of a call.
 */
import type { S3Bucket } from '../../world/s3-types.ts';
import type { CallEnv } from '../access.ts';
import { requestedRegion } from '../access.ts';
import { fail } from '../errors.ts';
import { sha1 } from '../iam/sha1.ts';
import type { TrailNotes } from '../operation.ts';
import type { Params } from '../params.ts';
import { utf8Encode } from '../sts/base64.ts';
import type { AwsError, AwsResult } from '../types.ts';
import { bucketArn, objectArn } from './access.ts';
import { invalidArgument, missingParameter, noSuchBucket } from './errors.ts';

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/**
 * An account's 64-hex-digit canonical user id (what ListBuckets shows as `Owner.ID`). Real ids
 * are opaque; ours are derived from the account id so they stay stable across runs.
 */
export function canonicalUserId(accountId: string): string {
  return (hex(sha1(utf8Encode(`canonical:${accountId}`))) + hex(sha1(utf8Encode(`user:${accountId}`)))).slice(0, 64);
}

export { etagOf } from '../../world/etag.ts';

/** Byte length of a text body (UTF-8), S3's `ContentLength`/`Size`. */
export function byteLength(body: string): number {
  return utf8Encode(body).length;
}

/** A required string parameter, or the error S3 gives without it. */
export function requiredString(p: Params, name: string): string | AwsError {
  const v = p.value(name);
  if (v === undefined || v === null || v === '') return missingParameter(name);
  if (typeof v !== 'string') return invalidArgument(`${name} must be a string`);
  return v;
}

/** An optional string parameter; an error when present but not a string. */
export function optionalString(p: Params, name: string): string | undefined | AwsError {
  const v = p.value(name);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') return invalidArgument(`${name} must be a string`);
  return v;
}

/** True for the errors the parameter readers return. */
export function isError(v: unknown): v is AwsError {
  return typeof v === 'object' && v !== null && 'code' in v && 'httpStatus' in v;
}

/** Reads `Bucket` and finds it; NoSuchBucket when no account owns that name. */
export function withBucket(env: CallEnv, p: Params, run: (bucket: S3Bucket) => AwsResult<unknown>): AwsResult<unknown> {
  const name = requiredString(p, 'Bucket');
  if (isError(name)) return fail(name);
  const bucket = env.world.s3.buckets[name];
  // S3 tells anyone, signed or not, that a bucket name is not in use.
  if (bucket === undefined) return fail(noSuchBucket());
  return run(bucket);
}

/** Notes for a bucket-level (management) event. */
export function bucketTrail(trail: TrailNotes, bucket: S3Bucket, params: Record<string, unknown>): void {
  trail.requestParameters = { bucketName: bucket.name, Host: `${bucket.name}.s3.${bucket.region}.amazonaws.com`, ...params };
  trail.resources = [{ ARN: bucketArn(bucket.name), accountId: bucket.ownerAccountId, type: 'AWS::S3::Bucket' }];
  trail.recipientAccountId = bucket.ownerAccountId;
}

/** Notes for an object-level data event (CloudTrail "Logging data events"): never the body. */
export function objectTrail(trail: TrailNotes, bucket: S3Bucket, key: string, params: Record<string, unknown> = {}): void {
  trail.requestParameters = { bucketName: bucket.name, Host: `${bucket.name}.s3.${bucket.region}.amazonaws.com`, key, ...params };
  trail.resources = [
    { ARN: objectArn(bucket.name, key), type: 'AWS::S3::Object' },
    { ARN: bucketArn(bucket.name), accountId: bucket.ownerAccountId, type: 'AWS::S3::Bucket' },
  ];
  trail.eventCategory = 'Data';
  trail.recipientAccountId = bucket.ownerAccountId;
}

/** The region a call goes to (`aws:RequestedRegion`). */
export function s3Region(env: CallEnv): string {
  return requestedRegion(env);
}
