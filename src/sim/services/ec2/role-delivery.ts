/**
 * Which IMDS version delivered a set of instance credentials, for the CloudTrail event of every
 * call signed with them. Apart from imds-credentials.ts because `callAws` asks it on every call,
 * and should not load the EC2 code to answer "not instance credentials".
 */
import type { World } from '../../world/types.ts';

/**
 * How the credentials with this access key id were delivered to an instance (`1.0` IMDSv1,
 * `2.0` IMDSv2), for CloudTrail's `sessionContext.ec2RoleDelivery`; undefined for other keys.
 */
export function ec2RoleDeliveryFor(world: World, accessKeyId: string): '1.0' | '2.0' | undefined {
  for (const i of Object.values(world.ec2.instances)) if (i.credentials?.accessKeyId === accessKeyId) return i.credentials.ec2RoleDelivery;
  return undefined;
}
