/**
 * Users: CreateUser, GetUser, ListUsers, DeleteUser, TagUser, UntagUser,
 * PutUserPermissionsBoundary, DeleteUserPermissionsBoundary, CreateLoginProfile.
 */
import { iamArn } from '../../world/arns.ts';
import { newUser, worldNowIso } from '../../world/iam-records.ts';
import type { IamUser } from '../../world/iam-types.ts';
import type { Account } from '../../world/types.ts';
import type { CallEnv } from '../access.ts';
import { awsError, deleteConflict, entityAlreadyExists, fail, internalFailure, limitExceeded, noSuchEntity, ok, validationError } from '../errors.ts';
import type { Operation } from '../operation.ts';
import { ARN_RULE, NAME_PATTERN, PATH_PATTERN } from '../params.ts';
import type { Params } from '../params.ts';
import { managedPolicyExists } from '../policy-docs.ts';
import type { AwsResult } from '../types.ts';
import { authorizeIam, callerAccount, findByName, mergeTags, resourceTagContext, tagContext, tagsField } from './common.ts';
import { checkPassword } from './password-policy.ts';
import { userShape } from './shapes.ts';

/** The UserName rule (1–64 characters, IAM name pattern). */
export const USER_NAME = { min: 1, max: 64, ...NAME_PATTERN } as const;

/** Context keys for an operation on an existing user. */
function userContext(user: IamUser): Record<string, string> {
  const ctx = resourceTagContext(user.tags);
  if (user.permissionsBoundary !== null) ctx['iam:PermissionsBoundary'] = user.permissionsBoundary;
  return ctx;
}

/**
 * The user an operation targets: the UserName parameter, or — when it is optional and left out —
 * the calling IAM user itself (as GetUser, CreateAccessKey and ListAccessKeys do).
 */
export function withUser(
  env: CallEnv,
  p: Params,
  action: string,
  opts: { optional?: boolean; read?: (p: Params) => void; context?: () => Record<string, string | string[]> },
  apply: (account: Account, user: IamUser) => AwsResult<unknown>,
): AwsResult<unknown> {
  let name = p.string('UserName', { required: opts.optional !== true, ...USER_NAME });
  opts.read?.(p);
  const invalid = p.error();
  if (invalid !== undefined) return fail(invalid);
  const account = callerAccount(env);
  if ('code' in account) return fail(account);
  if (name === undefined) {
    if (env.caller.kind === 'user' || (env.caller.kind === 'user-session' && env.caller.userName !== undefined)) name = env.caller.userName;
    else return fail(validationError('Must specify userName when calling with non-User credentials'));
  }
  if (name === undefined) return fail(internalFailure('UserName missing'));
  const user = findByName(account.iam.users, name);
  const denied = authorizeIam(env, action, user?.arn ?? iamArn(account.id, 'user', '/', name), { ...(user === undefined ? {} : userContext(user)), ...(opts.context?.() ?? {}) });
  if (denied !== undefined) return fail(denied);
  if (user === undefined) return fail(noSuchEntity(`The user with name ${name} cannot be found.`));
  return apply(account, user);
}

const createUser: Operation = {
  readOnly: false,
  run(env, p) {
    const name = p.string('UserName', { required: true, ...USER_NAME });
    const path = p.string('Path', { min: 1, max: 512, ...PATH_PATTERN }) ?? '/';
    const boundary = p.string('PermissionsBoundary', ARN_RULE);
    const tags = p.tags();
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    if (name === undefined) return fail(internalFailure('UserName missing'));
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const arn = iamArn(account.id, 'user', path, name);
    const ctx: Record<string, string | string[]> = tagContext(tags);
    if (boundary !== undefined) ctx['iam:PermissionsBoundary'] = boundary;
    const denied = authorizeIam(env, 'iam:CreateUser', arn, ctx) ?? (tags !== undefined && tags.length > 0 ? authorizeIam(env, 'iam:TagUser', arn, ctx) : undefined);
    if (denied !== undefined) return fail(denied);
    if (findByName(account.iam.users, name) !== undefined) return fail(entityAlreadyExists(`User with name ${name} already exists.`));
    if (boundary !== undefined && !managedPolicyExists(env.world, boundary)) return fail(noSuchEntity(`Scope ARN: ${boundary} does not exist or is not attachable.`));
    const user = newUser(env.world, account.id, name, path, mergeTags([], tags ?? []));
    user.permissionsBoundary = boundary ?? null;
    account.iam.users[name] = user;
    return ok({ User: userShape(user) });
  },
};

const getUser: Operation = {
  readOnly: true,
  run(env, p) {
    // Without UserName the root user gets its own description (IAM API Reference, GetUser).
    if (env.caller.kind === 'root' && !p.has('UserName')) {
      return ok({ User: { UserId: env.caller.accountId, Arn: env.caller.arn, CreateDate: '2020-01-01T00:00:00Z' } });
    }
    return withUser(env, p, 'iam:GetUser', { optional: true }, (_a, user) => ok({ User: userShape(user) }));
  },
};

const listUsers: Operation = {
  readOnly: true,
  run(env, p) {
    const prefix = p.string('PathPrefix', { min: 1, max: 512 }) ?? '/';
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:ListUsers', '*');
    if (denied !== undefined) return fail(denied);
    const users = Object.values(account.iam.users)
      .filter((u) => u.path.startsWith(prefix))
      .sort((a, b) => a.userName.localeCompare(b.userName))
      .map((u) => {
        const { Tags: _t, PermissionsBoundary: _b, ...rest } = userShape(u);
        return rest;
      });
    return ok({ Users: users, IsTruncated: false });
  },
};

const deleteUser: Operation = {
  readOnly: false,
  run: (env, p) =>
    withUser(env, p, 'iam:DeleteUser', {}, (account, user) => {
      if (user.accessKeys.length > 0) return fail(deleteConflict('Cannot delete entity, must delete access keys first.'));
      if (user.mfaDevices.length > 0) return fail(deleteConflict('Cannot delete entity, must delete MFA device first.'));
      if (user.hasPassword) return fail(deleteConflict('Cannot delete entity, must delete login profile first.'));
      if (Object.values(account.iam.groups).some((g) => g.members.includes(user.userName))) return fail(deleteConflict('Cannot delete entity, must remove users from group first.'));
      if (user.attachedPolicies.length > 0) return fail(deleteConflict('Cannot delete entity, must detach all policies first.'));
      if (Object.keys(user.inlinePolicies).length > 0) return fail(deleteConflict('Cannot delete entity, must delete policies first.'));
      delete account.iam.users[user.userName];
      return ok({});
    }),
};

const tagUser: Operation = {
  readOnly: false,
  run(env, p) {
    const tags = p.tags('Tags');
    if (tags === undefined) p.string('Tags', { required: true });
    return withUser(env, p, 'iam:TagUser', { context: () => tagContext(tags) }, (_a, user) => {
      const merged = mergeTags(user.tags, tags ?? []);
      if (merged.length > 50) return fail(limitExceeded('The number of tags has reached the maximum limit.'));
      user.tags = merged;
      return ok({});
    });
  },
};

const untagUser: Operation = {
  readOnly: false,
  run(env, p) {
    const keys = p.stringList('TagKeys', { required: true, maxItems: 50 });
    return withUser(env, p, 'iam:UntagUser', {}, (_a, user) => {
      const drop = new Set((keys ?? []).map((k) => k.toLowerCase()));
      user.tags = user.tags.filter((t) => !drop.has(t.Key.toLowerCase()));
      return ok({});
    });
  },
};

const listUserTags: Operation = {
  readOnly: true,
  run: (env, p) => withUser(env, p, 'iam:ListUserTags', {}, (_a, user) => ok({ Tags: tagsField(user.tags).Tags ?? [], IsTruncated: false })),
};

const putUserPermissionsBoundary: Operation = {
  readOnly: false,
  run(env, p) {
    const boundary = p.string('PermissionsBoundary', { required: true, ...ARN_RULE });
    return withUser(env, p, 'iam:PutUserPermissionsBoundary', { context: () => (boundary === undefined ? {} : { 'iam:PermissionsBoundary': boundary }) }, (_a, user) => {
      if (boundary === undefined || !managedPolicyExists(env.world, boundary)) return fail(noSuchEntity(`Scope ARN: ${boundary ?? ''} does not exist or is not attachable.`));
      user.permissionsBoundary = boundary;
      return ok({});
    });
  },
};

const deleteUserPermissionsBoundary: Operation = {
  readOnly: false,
  run: (env, p) =>
    withUser(env, p, 'iam:DeleteUserPermissionsBoundary', {}, (_a, user) => {
      user.permissionsBoundary = null;
      return ok({});
    }),
};

const createLoginProfile: Operation = {
  readOnly: false,
  run(env, p) {
    const password = p.string('Password', { required: true, min: 1, max: 128 });
    // The user must set a new password at first sign-in (IAM API Reference, CreateLoginProfile).
    const resetRequired = p.bool('PasswordResetRequired') ?? false;
    return withUser(env, p, 'iam:CreateLoginProfile', {}, (account, user) => {
      if (user.hasPassword) return fail(entityAlreadyExists(`Login Profile for user ${user.userName} already exists.`));
      const broken = checkPassword(account.iam.passwordPolicy, password ?? '', user.userName);
      if (broken.length > 0) {
        return fail(awsError('PasswordPolicyViolation', `Password does not conform to the account password policy: ${broken.map((b) => b.message).join(' ')}`, 400));
      }
      user.hasPassword = true;
      return ok({ LoginProfile: { UserName: user.userName, CreateDate: worldNowIso(env.world), PasswordResetRequired: resetRequired } });
    });
  },
};

/** The user operations by name. */
export const USER_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateUser: createUser,
  GetUser: getUser,
  ListUsers: listUsers,
  DeleteUser: deleteUser,
  TagUser: tagUser,
  UntagUser: untagUser,
  ListUserTags: listUserTags,
  PutUserPermissionsBoundary: putUserPermissionsBoundary,
  DeleteUserPermissionsBoundary: deleteUserPermissionsBoundary,
  CreateLoginProfile: createLoginProfile,
};
