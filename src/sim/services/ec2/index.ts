/** The simulated EC2 service: its operation table, the instance metadata service and helpers. */
import type { ServiceDefinition } from '../operation.ts';
import { ASSOCIATION_OPERATIONS } from './associations.ts';
import { INSTANCE_OPERATIONS } from './instances.ts';

/** EC2: every operation the simulator implements, by AWS's operation name. */
export const EC2_SERVICE: ServiceDefinition = {
  eventSource: 'ec2.amazonaws.com',
  operations: { ...INSTANCE_OPERATIONS, ...ASSOCIATION_OPERATIONS },
};

export { imdsRequest, instanceCallOptions, IMDS_MAX_TOKEN_TTL } from './imds.ts';
export type { ImdsRequest, ImdsResponse } from './imds.ts';
export { ec2RoleDeliveryFor, ROTATE_BEFORE_MS } from './imds-credentials.ts';
export { instanceArn } from './common.ts';
