/**
 * The decision API input for an S3 request: the caller's policies (through the shared request
 * builder), the bucket policy as the resource-based policy, and the Block Public Access settings
 * in force — account and bucket merged, the most restrictive winning (S3 User Guide, "Blocking
 * public access"). Apart from S3's error wording (access.ts) so that the grader's explanations
 * can rebuild a decision without loading the S3 service.
 */
import { authorize } from '../../authz/index.ts';
import type { AuthorizeInput, AuthorizeResult } from '../../authz/index.ts';
import type { PublicAccessBlockConfig, S3Bucket } from '../../world/s3-types.ts';
import type { World } from '../../world/types.ts';
import { authorizeInput, baseContext } from '../access.ts';
import type { CallEnv } from '../access.ts';

/** The settings in force for a bucket: a setting is on when the account or the bucket turns it on. */
export function effectivePublicAccessBlock(world: World, bucket: S3Bucket): PublicAccessBlockConfig {
  const a = world.s3.accountPublicAccessBlock[bucket.ownerAccountId];
  const b = bucket.publicAccessBlock;
  return {
    BlockPublicAcls: (a?.BlockPublicAcls ?? false) || (b?.BlockPublicAcls ?? false),
    IgnorePublicAcls: (a?.IgnorePublicAcls ?? false) || (b?.IgnorePublicAcls ?? false),
    BlockPublicPolicy: (a?.BlockPublicPolicy ?? false) || (b?.BlockPublicPolicy ?? false),
    RestrictPublicBuckets: (a?.RestrictPublicBuckets ?? false) || (b?.RestrictPublicBuckets ?? false),
  };
}

/** `arn:aws:s3:::bucket` — S3 ARNs have no region and no account. */
export function bucketArn(bucket: string): string {
  return `arn:aws:s3:::${bucket}`;
}

/** `arn:aws:s3:::bucket/key`. */
export function objectArn(bucket: string, key: string): string {
  return `arn:aws:s3:::${bucket}/${key}`;
}

/** The decision API input for an S3 request on `bucket`. */
export function s3AuthorizeInput(env: CallEnv, bucket: S3Bucket, action: string, resource: string, context: Record<string, string | string[]> = {}): AuthorizeInput {
  const common = { resourcePolicy: bucket.policy, resourcePolicyKind: 's3-bucket' as const, resourceAccount: bucket.ownerAccountId };
  const signed = authorizeInput(env, { action, resource, context, ...common });
  const input: AuthorizeInput = signed ?? {
    principal: { arn: 'anonymous', type: 'Anonymous' },
    request: { action, resource, resourceAccount: bucket.ownerAccountId, context: { ...baseContext(env), ...context } },
    policies: { resource: bucket.policy, resourcePolicyKind: 's3-bucket' },
  };
  input.policies.s3PublicAccessBlock = effectivePublicAccessBlock(env.world, bucket);
  input.policies.s3ObjectOwnership = bucket.objectOwnership;
  return input;
}

/** The full decision for an S3 request (for explanations and the missing-key rule). */
export function s3Decision(env: CallEnv, bucket: S3Bucket, action: string, resource: string, context: Record<string, string | string[]> = {}): AuthorizeResult {
  return authorize(s3AuthorizeInput(env, bucket, action, resource, context));
}
