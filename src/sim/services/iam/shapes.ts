/** IAM entities in the shapes the IAM API returns them (Role, User, Group, Policy, InstanceProfile). */
import type { CustomerManagedPolicy, IamGroup, IamRole, IamUser, InstanceProfileRecord } from '../../world/iam-types.ts';
import type { World } from '../../world/types.ts';
import type { AwsManagedPolicy } from '../../world/managed-catalog.ts';
import { tagsField } from './common.ts';

/** `Role` as GetRole returns it. The trust policy is the document text (the SDK's URL-decoded form). */
export function roleShape(role: IamRole): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: role.createDate,
    AssumeRolePolicyDocument: role.assumeRolePolicyDocument,
    MaxSessionDuration: role.maxSessionDuration,
    ...tagsField(role.tags),
    RoleLastUsed: role.lastUsedDate === null ? {} : { LastUsedDate: role.lastUsedDate, Region: 'us-east-1' },
  };
  if (role.description !== '') out['Description'] = role.description;
  if (role.permissionsBoundary !== null) out['PermissionsBoundary'] = { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: role.permissionsBoundary };
  return out;
}

/** `User` as GetUser returns it. */
export function userShape(user: IamUser): Record<string, unknown> {
  const out: Record<string, unknown> = { Path: user.path, UserName: user.userName, UserId: user.userId, Arn: user.arn, CreateDate: user.createDate, ...tagsField(user.tags) };
  if (user.permissionsBoundary !== null) out['PermissionsBoundary'] = { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: user.permissionsBoundary };
  return out;
}

/** `Group` as GetGroup returns it. */
export function groupShape(group: IamGroup): Record<string, unknown> {
  return { Path: group.path, GroupName: group.groupName, GroupId: group.groupId, Arn: group.arn, CreateDate: group.createDate };
}

/** How many users, groups and roles a managed policy is attached to, and how many use it as a boundary. */
export function policyUsage(world: World, arn: string): { attachments: number; boundaries: number } {
  let attachments = 0;
  let boundaries = 0;
  for (const account of Object.values(world.accounts)) {
    for (const e of [...Object.values(account.iam.users), ...Object.values(account.iam.roles)]) {
      if (e.attachedPolicies.includes(arn)) attachments++;
      if (e.permissionsBoundary === arn) boundaries++;
    }
    for (const g of Object.values(account.iam.groups)) if (g.attachedPolicies.includes(arn)) attachments++;
  }
  return { attachments, boundaries };
}

/** `Policy` as GetPolicy returns it, for customer or AWS managed policies. */
export function policyShape(world: World, p: CustomerManagedPolicy | AwsManagedPolicy): Record<string, unknown> {
  const usage = policyUsage(world, p.arn);
  const out: Record<string, unknown> = {
    PolicyName: p.policyName,
    PolicyId: p.policyId,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: p.defaultVersionId,
    AttachmentCount: usage.attachments,
    PermissionsBoundaryUsageCount: usage.boundaries,
    IsAttachable: true,
    CreateDate: p.createDate,
    UpdateDate: p.updateDate,
  };
  if (p.description !== '') out['Description'] = p.description;
  if ('tags' in p) Object.assign(out, tagsField(p.tags));
  return out;
}

/** `InstanceProfile` as GetInstanceProfile returns it, with its roles. */
export function instanceProfileShape(profile: InstanceProfileRecord, roles: readonly IamRole[]): Record<string, unknown> {
  return {
    Path: profile.path,
    InstanceProfileName: profile.instanceProfileName,
    InstanceProfileId: profile.instanceProfileId,
    Arn: profile.arn,
    CreateDate: profile.createDate,
    Roles: roles.map(roleShape),
    ...tagsField(profile.tags),
  };
}
