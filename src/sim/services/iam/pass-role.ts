/**
 * iam:PassRole: the permission to hand a role to a service. It is not an API call of its own;
 * AWS checks it inside the calls that give a role to something — AddRoleToInstanceProfile,
 * and later EC2 RunInstances / AssociateIamInstanceProfile and Lambda CreateFunction — with
 * `iam:PassedToService` naming the service that will assume the role (IAM User Guide, "Grant a
 * user permissions to pass a role to an AWS service"). Those services call `checkPassRole`.
 */
import type { CallEnv } from '../access.ts';
import { checkAccess } from '../access.ts';
import { parseArn } from '../../world/arns.ts';
import type { AwsError } from '../types.ts';
import { findByName } from './common.ts';
import { roleContext } from './roles.ts';

/**
 * Whether the call's caller may pass `roleArn` to `service` (e.g. `ec2.amazonaws.com`);
 * the AccessDenied error, or undefined when allowed. Omit `service` where AWS does not say
 * which service will use the role (AddRoleToInstanceProfile).
 */
export function checkPassRole(env: CallEnv, roleArn: string, service?: string): AwsError | undefined {
  const parts = parseArn(roleArn);
  const name = parts === null ? '' : parts.resource.slice(parts.resource.lastIndexOf('/') + 1);
  const role = parts === null ? undefined : findByName(env.world.accounts[parts.account]?.iam.roles ?? {}, name);
  const context: Record<string, string> = role === undefined ? {} : roleContext(role);
  if (service !== undefined) context['iam:PassedToService'] = service;
  const outcome = checkAccess(env, { action: 'iam:PassRole', resource: roleArn, context });
  return outcome.allowed ? undefined : outcome.error;
}
