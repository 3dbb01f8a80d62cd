/**
 * Service-linked roles: CreateServiceLinkedRole, DeleteServiceLinkedRole,
 * GetServiceLinkedRoleDeletionStatus (IAM User Guide, "Using service-linked roles").
 *
 * A service-linked role sits under `/aws-service-role/<service>/`, trusts only its service, is
 * not bound by SCPs, and only AWS may change it: editing its trust or policies fails with
 * `UnmodifiableEntity`. Its permissions come from an AWS managed policy of the service, which the
 * simulator does not model (the role is attached nothing) — lessons use these roles to show
 * where they live and that they are protected, not what they can do.
 */
import { iamArn } from '../../world/arns.ts';
import { newRole } from '../../world/iam-records.ts';
import { uuid } from '../../world/ids.ts';
import type { IamRole } from '../../world/iam-types.ts';
import { awsError, fail, internalFailure, invalidInput, noSuchEntity, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import { NAME_PATTERN } from '../params.ts';
import type { AwsError } from '../types.ts';
import { authorizeIam, callerAccount, findByName } from './common.ts';
import { roleShape } from './shapes.ts';

/** The services the simulator can create a service-linked role for, with the role's base name. */
export const SERVICE_LINKED_ROLE_NAMES: Readonly<Record<string, string>> = {
  'access-analyzer.amazonaws.com': 'AWSServiceRoleForAccessAnalyzer',
  'autoscaling.amazonaws.com': 'AWSServiceRoleForAutoScaling',
  'cloudtrail.amazonaws.com': 'AWSServiceRoleForCloudTrail',
  'elasticloadbalancing.amazonaws.com': 'AWSServiceRoleForElasticLoadBalancing',
  'organizations.amazonaws.com': 'AWSServiceRoleForOrganizations',
  'spot.amazonaws.com': 'AWSServiceRoleForEC2Spot',
  'ssm.amazonaws.com': 'AWSServiceRoleForAmazonSSM',
  'sso.amazonaws.com': 'AWSServiceRoleForSSO',
  'support.amazonaws.com': 'AWSServiceRoleForSupport',
  'trustedadvisor.amazonaws.com': 'AWSServiceRoleForTrustedAdvisor',
};

/** Services whose service-linked role accepts a CustomSuffix (so several can exist). */
const SUFFIX_ALLOWED = new Set(['autoscaling.amazonaws.com']);

/** `UnmodifiableEntity` for a change to a protected (service-linked) role, or undefined for other roles. */
export function protectedRole(role: IamRole): AwsError | undefined {
  if (!role.serviceLinked) return undefined;
  return awsError('UnmodifiableEntity', `Cannot perform the operation on the protected role '${role.roleName}' - this role is only modifiable by AWS`, 400);
}

const createServiceLinkedRole: Operation = {
  readOnly: false,
  run(env, p) {
    const service = p.string('AWSServiceName', { required: true, min: 1, max: 128, pattern: /^[\w+=,.@-]+$/, patternText: '[\\w+=,.@-]+' });
    const description = p.string('Description', { max: 1000 }) ?? '';
    const suffix = p.string('CustomSuffix', { min: 1, max: 64, pattern: /^[\w+=,.@-]+$/, patternText: '[\\w+=,.@-]+' });
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    if (service === undefined) return fail(internalFailure('AWSServiceName missing'));
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const base = SERVICE_LINKED_ROLE_NAMES[service];
    const name = base === undefined ? '' : suffix === undefined ? base : `${base}_${suffix}`;
    const path = `/aws-service-role/${service}/`;
    const denied = authorizeIam(env, 'iam:CreateServiceLinkedRole', iamArn(account.id, 'role', path, name || 'unknown'), { 'iam:AWSServiceName': service });
    if (denied !== undefined) return fail(denied);
    if (base === undefined) return fail(invalidInput(`The service ${service} does not support service-linked roles in the simulator.`));
    if (suffix !== undefined && !SUFFIX_ALLOWED.has(service)) return fail(invalidInput(`Custom suffix is not allowed for ${service}`));
    if (findByName(account.iam.roles, name) !== undefined) {
      return fail(invalidInput(`Service role name ${name} has been taken in this account, please try a different suffix.`));
    }
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] }, null, 2);
    const role = newRole(env.world, account.id, name, { path, trust, description, maxSessionDuration: 3600, tags: [], permissionsBoundary: null, serviceLinked: true });
    account.iam.roles[name] = role;
    return ok({ Role: roleShape(role) });
  },
};

const deleteServiceLinkedRole: Operation = {
  readOnly: false,
  run(env, p) {
    const name = p.string('RoleName', { required: true, min: 1, max: 64, ...NAME_PATTERN });
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const role = findByName(account.iam.roles, name ?? '');
    const denied = authorizeIam(env, 'iam:DeleteServiceLinkedRole', role?.arn ?? iamArn(account.id, 'role', '/', name ?? ''));
    if (denied !== undefined) return fail(denied);
    if (role === undefined) return fail(noSuchEntity(`The role with name ${name ?? ''} cannot be found.`));
    if (!role.serviceLinked) return fail(invalidInput(`${role.roleName} is not a service-linked role.`));
    delete account.iam.roles[role.roleName];
    // AWS deletes asynchronously and reports through the task id; the simulator deletes at once.
    return ok({ DeletionTaskId: `task${role.path}${role.roleName}/${uuid(env.world.ids)}` });
  },
};

const getDeletionStatus: Operation = {
  readOnly: true,
  run(env, p) {
    const task = p.string('DeletionTaskId', { required: true, min: 1, max: 1000 });
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:GetServiceLinkedRoleDeletionStatus', '*');
    if (denied !== undefined) return fail(denied);
    if (task === undefined || !task.startsWith('task/aws-service-role/')) return fail(noSuchEntity(`Deletion task ${task ?? ''} cannot be found.`));
    return ok({ Status: 'SUCCEEDED' });
  },
};

/** The service-linked role operations by name. */
export const SERVICE_LINKED_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateServiceLinkedRole: createServiceLinkedRole,
  DeleteServiceLinkedRole: deleteServiceLinkedRole,
  GetServiceLinkedRoleDeletionStatus: getDeletionStatus,
};
