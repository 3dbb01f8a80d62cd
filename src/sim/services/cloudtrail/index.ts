/**
 * The simulated CloudTrail: Event history (LookupEvents) over the world's event log, the full
 * record of an event, and the delivery rules applied when a call is logged.
 */
import type { ServiceDefinition } from '../operation.ts';
import { LOOKUP_EVENTS } from './lookup.ts';

/** CloudTrail: every operation the simulator implements, by AWS's operation name. */
export const CLOUDTRAIL_SERVICE: ServiceDefinition = {
  eventSource: 'cloudtrail.amazonaws.com',
  operations: { LookupEvents: LOOKUP_EVENTS },
};

export { cloudTrailRecord, lookupResources, usernameOf, isManagementEvent, requestIdOf } from './record.ts';
export type { LookupResource } from './record.ts';
export { eventHistory, lookupEventShape, EVENT_HISTORY_DAYS, LOOKUP_ATTRIBUTE_KEYS } from './lookup.ts';
export type { LookupEvent } from './lookup.ts';
export { trailFollowUp, LAMBDA_EVENT_NAMES } from './follow-up.ts';
