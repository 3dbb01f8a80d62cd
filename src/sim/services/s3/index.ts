/** The simulated S3 service (and the account-level S3 Control calls): operation tables and helpers. */
import type { ServiceDefinition } from '../operation.ts';
import { BUCKET_OPERATIONS } from './buckets.ts';
import { BUCKET_POLICY_OPERATIONS } from './bucket-policy.ts';
import { LIST_OPERATIONS } from './list-objects.ts';
import { OBJECT_OPERATIONS } from './objects.ts';
import { S3_CONTROL_OPERATIONS, SETTINGS_OPERATIONS } from './settings.ts';

/** S3: every operation the simulator implements, by AWS's operation name. */
export const S3_SERVICE: ServiceDefinition = {
  eventSource: 's3.amazonaws.com',
  operations: { ...BUCKET_OPERATIONS, ...LIST_OPERATIONS, ...OBJECT_OPERATIONS, ...BUCKET_POLICY_OPERATIONS, ...SETTINGS_OPERATIONS },
};

/** S3 Control (account-level Block Public Access); CloudTrail logs it as s3.amazonaws.com. */
export const S3_CONTROL_SERVICE: ServiceDefinition = {
  eventSource: 's3.amazonaws.com',
  operations: S3_CONTROL_OPERATIONS,
};

export { effectivePublicAccessBlock, s3AuthorizeInput, s3Decision, bucketArn, objectArn } from './access.ts';
export { canonicalUserId } from './common.ts';
export { validBucketName, newBucket } from './buckets.ts';
export { checkBucketPolicy } from './bucket-policy.ts';
