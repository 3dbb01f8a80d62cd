/**
 * Authorizing an S3 request: the caller's policies (through the shared request builder), the
 * bucket policy as the resource-based policy, and the Block Public Access settings in force —
 * account and bucket merged, the most restrictive winning (S3 User Guide, "Blocking public
 * access"). Unsigned requests are evaluated as the anonymous principal, which only a public
 * bucket policy can let in (S3 User Guide, "How Amazon S3 authorizes a request").
 */
import { accessDeniedMessage, authorize } from '../../authz/index.ts';
import type { AuthorizeInput, AuthorizeResult } from '../../authz/index.ts';
import type { PublicAccessBlockConfig, S3Bucket } from '../../world/s3-types.ts';
import type { World } from '../../world/types.ts';
import { authorizeInput, baseContext } from '../access.ts';
import { orgPathFor } from '../principal.ts';
import type { CallEnv } from '../access.ts';
import type { AwsError } from '../types.ts';
import { s3AccessDenied } from './errors.ts';

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

/**
 * Whether S3 explains a denial: requests from the bucket owner's own account or organization get
 * "User: … is not authorized to perform: … because …"; everyone else the bare "Access Denied"
 * (S3 User Guide, "Troubleshoot access denied (403 Forbidden) errors": additional context for
 * requests "made to resources within the same AWS account or same organization").
 */
function explainsDenial(world: World, callerAccount: string | undefined, bucketOwner: string): boolean {
  if (callerAccount === undefined) return false;
  if (callerAccount === bucketOwner) return true;
  const org = world.organization;
  return org !== null && orgPathFor(world, callerAccount) !== undefined && orgPathFor(world, bucketOwner) !== undefined;
}

/** Authorizes an S3 request: S3's AccessDenied (explained or bare), or undefined when allowed. */
export function authorizeS3(env: CallEnv, bucket: S3Bucket, action: string, resource: string, context: Record<string, string | string[]> = {}): AwsError | undefined {
  const input = s3AuthorizeInput(env, bucket, action, resource, context);
  const result = authorize(input);
  if (result.decision === 'Allow') return undefined;
  const arn = input.principal.arn;
  const callerAccount = /^arn:aws:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1];
  if (result.deniedBy === undefined || !explainsDenial(env.world, callerAccount, bucket.ownerAccountId)) return s3AccessDenied();
  return s3AccessDenied(accessDeniedMessage(arn, action, resource, result.decision ?? 'ImplicitDeny', result.deniedBy, true));
}

/** True when the caller is the root user of the account that owns the bucket. */
export function isOwnerRoot(env: CallEnv, bucket: S3Bucket): boolean {
  const c = env.caller;
  return (c.kind === 'root' || (c.kind === 'user-session' && c.userName === undefined)) && c.accountId === bucket.ownerAccountId;
}
