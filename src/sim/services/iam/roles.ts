/**
 * Role operations: CreateRole, GetRole, ListRoles, UpdateRole, DeleteRole,
 * UpdateAssumeRolePolicy, TagRole, UntagRole, ListRoleTags, PutRolePermissionsBoundary,
 * DeleteRolePermissionsBoundary.
 */
import { DEFAULT_MAX_SESSION_DURATION, newRole } from '../../world/iam-records.ts';
import { iamArn } from '../../world/arns.ts';
import type { IamRole } from '../../world/iam-types.ts';
import type { Account } from '../../world/types.ts';
import type { CallEnv } from '../access.ts';
import { deleteConflict, entityAlreadyExists, fail, internalFailure, limitExceeded, noSuchEntity, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import { ARN_RULE, NAME_PATTERN, PATH_PATTERN, POLICY_TEXT_RULE } from '../params.ts';
import type { Params } from '../params.ts';
import type { AwsError, AwsResult } from '../types.ts';
import { authorizeIam, callerAccount, findByName, mergeTags, resourceTagContext, tagContext, tagsField } from './common.ts';
import { managedPolicyExists } from '../policy-docs.ts';
import { roleShape } from './shapes.ts';
import { validateTrustPolicy } from './trust.ts';
import { protectedRole } from './service-linked.ts';

/** The RoleName rule (1–64 characters, IAM name pattern). */
export const ROLE_NAME = { required: true, min: 1, max: 64, ...NAME_PATTERN } as const;

/** Finds a role by name, or AWS's NoSuchEntity. */
export function getRole(account: Account, name: string): IamRole | AwsError {
  return findByName(account.iam.roles, name) ?? noSuchEntity(`The role with name ${name} cannot be found.`);
}

/** The context keys an operation on an existing role carries. */
export function roleContext(role: IamRole): Record<string, string> {
  const ctx = resourceTagContext(role.tags);
  if (role.permissionsBoundary !== null) ctx['iam:PermissionsBoundary'] = role.permissionsBoundary;
  return ctx;
}

/** Common start of an operation on one existing role: parameters, authorization, lookup. */
export function withRole(
  env: CallEnv,
  p: Params,
  action: string,
  extra: (p: Params) => void,
  apply: (account: Account, role: IamRole) => AwsResult<unknown>,
  modifies = false,
): AwsResult<unknown> {
  const name = p.string('RoleName', ROLE_NAME);
  extra(p);
  const invalid = p.error();
  if (invalid !== undefined) return fail(invalid);
  const account = callerAccount(env);
  if ('code' in account) return fail(account);
  const role = findByName(account.iam.roles, name ?? '');
  const denied = authorizeIam(env, action, role?.arn ?? iamArn(account.id, 'role', '/', name ?? ''), role === undefined ? {} : roleContext(role));
  if (denied !== undefined) return fail(denied);
  if (role === undefined) return fail(noSuchEntity(`The role with name ${name ?? ''} cannot be found.`));
  const locked = modifies ? protectedRole(role) : undefined;
  if (locked !== undefined) return fail(locked);
  return apply(account, role);
}

const createRole: Operation = {
  readOnly: false,
  run(env, p) {
    const name = p.string('RoleName', ROLE_NAME);
    const path = p.string('Path', { min: 1, max: 512, ...PATH_PATTERN }) ?? '/';
    const trust = p.string('AssumeRolePolicyDocument', { required: true, ...POLICY_TEXT_RULE });
    const description = p.string('Description', { max: 1000 }) ?? '';
    const maxSession = p.int('MaxSessionDuration', { min: 3600, max: 43200 }) ?? DEFAULT_MAX_SESSION_DURATION;
    const boundary = p.string('PermissionsBoundary', ARN_RULE);
    const tags = p.tags();
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    if (name === undefined || trust === undefined) return fail(internalFailure('parameters missing'));
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const arn = iamArn(account.id, 'role', path, name);
    const ctx: Record<string, string | string[]> = { ...tagContext(tags) };
    if (boundary !== undefined) ctx['iam:PermissionsBoundary'] = boundary;
    const denied = authorizeIam(env, 'iam:CreateRole', arn, ctx) ?? (tags !== undefined && tags.length > 0 ? authorizeIam(env, 'iam:TagRole', arn, ctx) : undefined);
    if (denied !== undefined) return fail(denied);
    if (findByName(account.iam.roles, name) !== undefined) return fail(entityAlreadyExists(`Role with name ${name} already exists.`));
    const bad = validateTrustPolicy(env.world, trust);
    if (bad !== undefined) return fail(bad);
    if (boundary !== undefined && !managedPolicyExists(env.world, boundary)) return fail(noSuchEntity(`Scope ARN: ${boundary} does not exist or is not attachable.`));
    const role = newRole(env.world, account.id, name, {
      path,
      trust,
      description,
      maxSessionDuration: maxSession,
      tags: mergeTags([], tags ?? []),
      permissionsBoundary: boundary ?? null,
      serviceLinked: false,
    });
    account.iam.roles[name] = role;
    return ok({ Role: roleShape(role) });
  },
};

const getRoleOp: Operation = {
  readOnly: true,
  run: (env, p) => withRole(env, p, 'iam:GetRole', () => undefined, (_a, role) => ok({ Role: roleShape(role) })),
};

const listRoles: Operation = {
  readOnly: true,
  run(env, p) {
    const prefix = p.string('PathPrefix', { min: 1, max: 512 }) ?? '/';
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:ListRoles', '*');
    if (denied !== undefined) return fail(denied);
    const roles = Object.values(account.iam.roles)
      .filter((r) => r.path.startsWith(prefix))
      .sort((a, b) => a.roleName.localeCompare(b.roleName))
      .map((r) => {
        // ListRoles leaves out tags, the boundary and last-used information (IAM API Reference, ListRoles).
        const { Tags: _t, PermissionsBoundary: _b, RoleLastUsed: _l, ...rest } = roleShape(r);
        return rest;
      });
    return ok({ Roles: roles, IsTruncated: false });
  },
};

const updateRole: Operation = {
  readOnly: false,
  run(env, p) {
    let description: string | undefined;
    let maxSession: number | undefined;
    return withRole(
      env,
      p,
      'iam:UpdateRole',
      (q) => {
        description = q.string('Description', { max: 1000 });
        maxSession = q.int('MaxSessionDuration', { min: 3600, max: 43200 });
      },
      (_a, role) => {
        if (description !== undefined) role.description = description;
        if (maxSession !== undefined) role.maxSessionDuration = maxSession;
        return ok({});
      },
    );
  },
};

const deleteRole: Operation = {
  readOnly: false,
  run: (env, p) =>
    withRole(env, p, 'iam:DeleteRole', () => undefined, (account, role) => {
      if (Object.values(account.iam.instanceProfiles).some((ip) => ip.roles.includes(role.roleName))) {
        return fail(deleteConflict('Cannot delete entity, must remove roles from instance profile first.'));
      }
      if (role.attachedPolicies.length > 0) return fail(deleteConflict('Cannot delete entity, must detach all policies first.'));
      if (Object.keys(role.inlinePolicies).length > 0) return fail(deleteConflict('Cannot delete entity, must delete policies first.'));
      delete account.iam.roles[role.roleName];
      return ok({});
    }, true),
};

const updateAssumeRolePolicy: Operation = {
  readOnly: false,
  run(env, p) {
    let doc: string | undefined;
    return withRole(
      env,
      p,
      'iam:UpdateAssumeRolePolicy',
      (q) => {
        doc = q.string('PolicyDocument', { required: true, ...POLICY_TEXT_RULE });
      },
      (_a, role) => {
        const bad = validateTrustPolicy(env.world, doc ?? '');
        if (bad !== undefined) return fail(bad);
        role.assumeRolePolicyDocument = doc ?? '';
        return ok({});
      },
      true,
    );
  },
};

const tagRole: Operation = {
  readOnly: false,
  run(env, p) {
    const tags = p.tags('Tags');
    if (tags === undefined) p.string('Tags', { required: true });
    return withRole(env, p, 'iam:TagRole', () => undefined, (_a, role) => {
      const merged = mergeTags(role.tags, tags ?? []);
      if (merged.length > 50) return fail(limitExceeded('The number of tags has reached the maximum limit.'));
      role.tags = merged;
      return ok({});
    });
  },
};

const untagRole: Operation = {
  readOnly: false,
  run(env, p) {
    const keys = p.stringList('TagKeys', { required: true, maxItems: 50 });
    return withRole(env, p, 'iam:UntagRole', () => undefined, (_a, role) => {
      const drop = new Set((keys ?? []).map((k) => k.toLowerCase()));
      role.tags = role.tags.filter((t) => !drop.has(t.Key.toLowerCase()));
      return ok({});
    });
  },
};

const listRoleTags: Operation = {
  readOnly: true,
  run: (env, p) => withRole(env, p, 'iam:ListRoleTags', () => undefined, (_a, role) => ok({ Tags: tagsField(role.tags).Tags ?? [], IsTruncated: false })),
};

const putRolePermissionsBoundary: Operation = {
  readOnly: false,
  run(env, p) {
    const boundary = p.string('PermissionsBoundary', { required: true, ...ARN_RULE });
    const name = p.string('RoleName', ROLE_NAME);
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    if (boundary === undefined || name === undefined) return fail(internalFailure('parameters missing'));
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const role = findByName(account.iam.roles, name);
    const ctx: Record<string, string> = { ...(role === undefined ? {} : roleContext(role)), 'iam:PermissionsBoundary': boundary };
    const denied = authorizeIam(env, 'iam:PutRolePermissionsBoundary', role?.arn ?? iamArn(account.id, 'role', '/', name), ctx);
    if (denied !== undefined) return fail(denied);
    if (role === undefined) return fail(noSuchEntity(`The role with name ${name} cannot be found.`));
    const locked = protectedRole(role);
    if (locked !== undefined) return fail(locked);
    if (!managedPolicyExists(env.world, boundary)) return fail(noSuchEntity(`Scope ARN: ${boundary} does not exist or is not attachable.`));
    role.permissionsBoundary = boundary;
    return ok({});
  },
};

const deleteRolePermissionsBoundary: Operation = {
  readOnly: false,
  run: (env, p) =>
    withRole(env, p, 'iam:DeleteRolePermissionsBoundary', () => undefined, (_a, role) => {
      if (role.permissionsBoundary === null) return fail(noSuchEntity(`The role with name ${role.roleName} does not have a permissions boundary.`));
      role.permissionsBoundary = null;
      return ok({});
    }, true),
};

/** The role operations by name. */
export const ROLE_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateRole: createRole,
  GetRole: getRoleOp,
  ListRoles: listRoles,
  UpdateRole: updateRole,
  DeleteRole: deleteRole,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
  TagRole: tagRole,
  UntagRole: untagRole,
  ListRoleTags: listRoleTags,
  PutRolePermissionsBoundary: putRolePermissionsBoundary,
  DeleteRolePermissionsBoundary: deleteRolePermissionsBoundary,
};
