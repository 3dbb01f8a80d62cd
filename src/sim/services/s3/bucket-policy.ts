/**
 * Bucket policies: GetBucketPolicy, PutBucketPolicy, DeleteBucketPolicy (Amazon S3 API
 * Reference). Only the bucket owner's account may manage them: a caller from elsewhere with the
 * permission still gets 405 MethodNotAllowed, and the owner's root user is always allowed, so an
 * account can never lock itself out of its own bucket (API Reference, PutBucketPolicy).
 * BlockPublicPolicy refuses a public policy with Access Denied (S3 User Guide, "Blocking public
 * access").
 */
import { globMatch, isPublicPolicy } from '../../authz/index.ts';
import { hasErrors, parsePolicy } from '../../policy/index.ts';
import type { S3Bucket } from '../../world/s3-types.ts';
import type { CallEnv } from '../access.ts';
import { fail, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import type { AwsError, AwsResult } from '../types.ts';
import { authorizeS3, bucketArn, effectivePublicAccessBlock, isOwnerRoot } from './access.ts';
import { bucketTrail, isError, requiredString, withBucket } from './common.ts';
import { malformedS3Policy, methodNotAllowed, noSuchBucketPolicy, s3AccessDenied } from './errors.ts';

/** Authorization shared by the three bucket-policy calls. */
function mayManagePolicy(env: CallEnv, bucket: S3Bucket, action: string): AwsError | undefined {
  if (isOwnerRoot(env, bucket)) return undefined;
  const denied = authorizeS3(env, bucket, action, bucketArn(bucket.name));
  if (denied !== undefined) return denied;
  if (env.caller.kind === 'anonymous' || env.caller.accountId !== bucket.ownerAccountId) return methodNotAllowed();
  return undefined;
}

/** True when a policy Resource can name this bucket or objects in it (S3 refuses any other). */
function namesBucket(pattern: string, bucket: string): boolean {
  const arn = bucketArn(bucket);
  if (globMatch(pattern, arn)) return true;
  const wild = pattern.search(/[*?]/);
  const literal = wild < 0 ? pattern : pattern.slice(0, wild);
  // The fixed part must either lie inside `bucket/…` or be a prefix of it.
  return literal.startsWith(`${arn}/`) || (wild >= 0 && `${arn}/`.startsWith(literal));
}

/** Validates a bucket policy as S3 does; the MalformedPolicy error or undefined. */
export function checkBucketPolicy(text: string, bucket: string): { error: AwsError } | { public: boolean } {
  const parsed = parsePolicy(text, 's3-bucket');
  if (hasErrors(parsed) || parsed.policy === null) {
    const first = parsed.issues.find((i) => i.severity === 'error');
    return { error: malformedS3Policy(first?.message ?? 'Policies must be valid JSON and the first byte must be \'{\'') };
  }
  for (const st of parsed.policy.statements) {
    for (const r of [...(st.resource ?? []), ...(st.notResource ?? [])]) {
      if (!namesBucket(r.value, bucket)) return { error: malformedS3Policy('Policy has invalid resource') };
    }
  }
  return { public: isPublicPolicy(parsed.policy) };
}

const getBucketPolicy: Operation = {
  readOnly: true,
  allowsAnonymous: true,
  run: (env, p, trail) =>
    withBucket(env, p, (bucket) => {
      bucketTrail(trail, bucket, { policy: '' });
      const denied = mayManagePolicy(env, bucket, 's3:GetBucketPolicy');
      if (denied !== undefined) return fail(denied);
      return bucket.policy === null ? fail(noSuchBucketPolicy()) : ok({ Policy: bucket.policy });
    }),
};

const putBucketPolicy: Operation = {
  readOnly: false,
  allowsAnonymous: true,
  run: (env, p, trail): AwsResult<unknown> =>
    withBucket(env, p, (bucket) => {
      const text = requiredString(p, 'Policy');
      if (isError(text)) return fail(text);
      bucketTrail(trail, bucket, { bucketPolicy: text, policy: '' });
      const denied = mayManagePolicy(env, bucket, 's3:PutBucketPolicy');
      if (denied !== undefined) return fail(denied);
      const checked = checkBucketPolicy(text, bucket.name);
      if ('error' in checked) return fail(checked.error);
      if (checked.public && effectivePublicAccessBlock(env.world, bucket).BlockPublicPolicy) return fail(s3AccessDenied());
      bucket.policy = text;
      return ok({});
    }),
};

const deleteBucketPolicy: Operation = {
  readOnly: false,
  allowsAnonymous: true,
  run: (env, p, trail) =>
    withBucket(env, p, (bucket) => {
      bucketTrail(trail, bucket, { policy: '' });
      const denied = mayManagePolicy(env, bucket, 's3:DeleteBucketPolicy');
      if (denied !== undefined) return fail(denied);
      bucket.policy = null;
      return ok({});
    }),
};

/** The bucket-policy operations by name. */
export const BUCKET_POLICY_OPERATIONS: Readonly<Record<string, Operation>> = {
  GetBucketPolicy: getBucketPolicy,
  PutBucketPolicy: putBucketPolicy,
  DeleteBucketPolicy: deleteBucketPolicy,
};
