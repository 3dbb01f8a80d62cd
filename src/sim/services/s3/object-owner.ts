/**
 * Reading an object that another account owns. With ACLs enabled (Object Ownership
 * ObjectWriter, or BucketOwnerPreferred without bucket-owner-full-control) the writer's account
 * owns the object, and S3 adds an object context to the evaluation: the object ACL decides which
 * accounts the owner lets in, the bucket owner can only add an explicit deny, and each caller's
 * own account must allow the read (S3 User Guide, "How Amazon S3 authorizes a request for an
 * object operation"). With BucketOwnerEnforced the bucket owner owns everything and ACLs are ignored.
 */
import { authorize } from '../../authz/index.ts';
import type { S3Bucket, S3ObjectRecord } from '../../world/s3-types.ts';
import type { CallEnv } from '../access.ts';
import type { AwsError } from '../types.ts';
import { authorizeS3, effectivePublicAccessBlock, objectArn, s3AuthorizeInput } from './access.ts';
import { s3AccessDenied } from './errors.ts';

/** Canned ACLs that let the bucket owner's account read the object. */
const BUCKET_OWNER_ACLS = new Set(['bucket-owner-read', 'bucket-owner-full-control']);

/** True when the object's ACL lets `account` (undefined: anonymous) read it. */
function aclGrants(world: CallEnv['world'], bucket: S3Bucket, o: S3ObjectRecord, account: string | undefined): boolean {
  if (account === o.ownerAccountId) return true;
  if (account === bucket.ownerAccountId && o.acl !== undefined && BUCKET_OWNER_ACLS.has(o.acl)) return true;
  if (effectivePublicAccessBlock(world, bucket).IgnorePublicAcls) return false;
  if (o.acl === 'public-read' || o.acl === 'public-read-write') return true;
  return o.acl === 'authenticated-read' && account !== undefined;
}

/** Authorizes a read of an existing object: Access Denied, or undefined when allowed. */
export function authorizeObjectRead(env: CallEnv, bucket: S3Bucket, o: S3ObjectRecord, action: string): AwsError | undefined {
  const arn = objectArn(bucket.name, o.key);
  if (bucket.objectOwnership === 'BucketOwnerEnforced' || o.ownerAccountId === bucket.ownerAccountId) return authorizeS3(env, bucket, action, arn);
  const account = env.caller.kind === 'anonymous' ? undefined : env.caller.accountId;
  if (!aclGrants(env.world, bucket, o, account)) return s3AccessDenied();
  const input = s3AuthorizeInput(env, bucket, action, arn);
  // Outside the bucket owner's account the caller's own account decides (user context); the
  // bucket policy still takes part, so a Deny in it keeps its force.
  if (account !== undefined && account !== bucket.ownerAccountId) input.request.resourceAccount = account;
  const result = authorize(input);
  if (result.decision === 'ExplicitDeny') return s3AccessDenied();
  // An anonymous reader let in by a public ACL needs nothing else.
  if (account === undefined) return undefined;
  return result.decision === 'Allow' ? undefined : s3AccessDenied();
}
