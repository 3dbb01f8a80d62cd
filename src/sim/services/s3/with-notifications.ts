/**
 * S3 as `callAws` serves it: S3's own operations plus the event-notification configuration
 * calls, which live with Lambda (their only simulated destination), and the hook by which a
 * stored or deleted object makes S3 invoke a function.
 */
import { NOTIFICATION_OPERATIONS, afterS3Call } from '../lambda/s3-notifications.ts';
import type { ServiceDefinition } from '../operation.ts';
import { S3_SERVICE } from './index.ts';

/** The `s3` service with its event notifications. */
export const S3_WITH_NOTIFICATIONS: ServiceDefinition = {
  ...S3_SERVICE,
  operations: { ...S3_SERVICE.operations, ...NOTIFICATION_OPERATIONS },
  afterCall: afterS3Call,
};
