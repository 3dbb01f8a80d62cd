/**
 * Authorizing an S3 request and answering a denial as S3 does. The decision's input (caller's
 * policies, bucket policy, Block Public Access in force) is built in authorize-input.ts.
 * Unsigned requests are evaluated as the anonymous principal, which only a public bucket policy
 * can let in (S3 User Guide, "How Amazon S3 authorizes a request").
 */
import { accessDeniedMessage, authorize } from '../../authz/index.ts';
import type { S3Bucket } from '../../world/s3-types.ts';
import type { World } from '../../world/types.ts';
import { orgPathFor } from '../principal.ts';
import type { CallEnv } from '../access.ts';
import type { AwsError } from '../types.ts';
import { s3AccessDenied } from './errors.ts';
import { s3AuthorizeInput } from './authorize-input.ts';

export { effectivePublicAccessBlock, bucketArn, objectArn, s3AuthorizeInput, s3Decision } from './authorize-input.ts';

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
