/**
 * The simulated AWS's state: accounts, IAM entities, STS sessions, the organization, the
 * event log; an injected clock and a deterministic id source; seeds and snapshots.
 */
export type * from './types.ts';
export type * from './iam-types.ts';
export type * from './org-types.ts';
export type * from './sts-types.ts';
export type * from './s3-types.ts';
export type * from './ec2-types.ts';
export type * from './lambda-types.ts';
export { emptyS3State, allBlocked } from './s3-types.ts';
export { emptyEc2State, defaultMetadataOptions } from './ec2-types.ts';
export { emptyLambdaState } from './lambda-types.ts';
export { newFunction, functionArn, parseHandlerSpec, permissionStatement, principalElement, lambdaTime } from './lambda-records.ts';
export type { NewFunctionFields, PermissionFields } from './lambda-records.ts';
export { WORLD_FORMAT_VERSION } from './types.ts';
export type { Clock, ManualClock, ClockState } from './clock.ts';
export { manualClock, isoFromMs, isoSecondsFromMs, msFromIso } from './clock.ts';
export type { IdState, IdPrefix } from './ids.ts';
export { idStateFromSeed, uniqueId, secretAccessKey, sessionToken, instanceId, mfaSeed, uuid, accountId } from './ids.ts';
export { canonicalJson } from './canonical-json.ts';
export { snapshot, restore, cloneWorld, WorldRestoreError } from './snapshot.ts';
export { createWorld, checkSeed } from './create.ts';
export { createWorldUnchecked } from './create-unchecked.ts';
export { documentText, DEFAULT_WORLD_TIME } from './build.ts';
export { WorldSeedError } from './seed-error.ts';
export { FULL_AWS_ACCESS, RCP_FULL_AWS_ACCESS, enablePolicyType } from './create-org.ts';
export {
  worldSeedSchema,
  seedAccountSchema,
  seedUserSchema,
  seedGroupSchema,
  seedRoleSchema,
  seedPolicySchema,
  seedOrganizationSchema,
  seedPasswordPolicySchema,
  seedBucketSchema,
  seedInstanceSchema,
  seedFunctionSchema,
} from './seed-schema.ts';
export { newInstance, newAssociation, hexId, DEFAULT_IMAGE_ID, DEFAULT_INSTANCE_TYPE } from './ec2-records.ts';
export type { NewInstanceFields } from './ec2-records.ts';
export type { WorldSeed, ParsedWorldSeed } from './seed-schema.ts';
export type { AwsManagedPolicy } from './managed-catalog.ts';
export { AWS_MANAGED_POLICIES, awsManagedPolicyByArn } from './managed-catalog.ts';
// parseArn stays internal: the policy module exports the public ARN parser.
export { iamArn, rootArn, assumedRoleArn, federatedUserArn, mfaArn, samlProviderArn, oidcProviderArn } from './arns.ts';
export {
  emptyIamState,
  defaultPasswordPolicy,
  tagList,
  newUser,
  newGroup,
  newRole,
  newManagedPolicy,
  newInstanceProfile,
  newAccessKey,
  newVirtualMfaDevice,
  DEFAULT_MAX_SESSION_DURATION,
} from './iam-records.ts';
export type { NewRoleFields } from './iam-records.ts';
