/** Groups: CreateGroup, GetGroup, ListGroups, DeleteGroup, AddUserToGroup, RemoveUserFromGroup, ListGroupsForUser. */
import { iamArn } from '../../world/arns.ts';
import { newGroup } from '../../world/iam-records.ts';
import type { IamGroup } from '../../world/iam-types.ts';
import type { Account } from '../../world/types.ts';
import type { CallEnv } from '../access.ts';
import { deleteConflict, entityAlreadyExists, fail, internalFailure, limitExceeded, noSuchEntity, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import { NAME_PATTERN, PATH_PATTERN } from '../params.ts';
import type { Params } from '../params.ts';
import type { AwsResult } from '../types.ts';
import { authorizeIam, callerAccount, findByName } from './common.ts';
import { groupShape, userShape } from './shapes.ts';
import { USER_NAME, withUser } from './users.ts';

const GROUP_NAME = { required: true, min: 1, max: 128, ...NAME_PATTERN } as const;

/** The most groups a user can belong to (IAM quotas). */
export const GROUPS_PER_USER = 10;

function withGroup(env: CallEnv, p: Params, action: string, read: (p: Params) => void, apply: (account: Account, group: IamGroup) => AwsResult<unknown>): AwsResult<unknown> {
  const name = p.string('GroupName', GROUP_NAME);
  read(p);
  const invalid = p.error();
  if (invalid !== undefined) return fail(invalid);
  if (name === undefined) return fail(internalFailure('GroupName missing'));
  const account = callerAccount(env);
  if ('code' in account) return fail(account);
  const group = findByName(account.iam.groups, name);
  const denied = authorizeIam(env, action, group?.arn ?? iamArn(account.id, 'group', '/', name));
  if (denied !== undefined) return fail(denied);
  if (group === undefined) return fail(noSuchEntity(`The group with name ${name} cannot be found.`));
  return apply(account, group);
}

const createGroup: Operation = {
  readOnly: false,
  run(env, p) {
    const name = p.string('GroupName', GROUP_NAME);
    const path = p.string('Path', { min: 1, max: 512, ...PATH_PATTERN }) ?? '/';
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    if (name === undefined) return fail(internalFailure('GroupName missing'));
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:CreateGroup', iamArn(account.id, 'group', path, name));
    if (denied !== undefined) return fail(denied);
    if (findByName(account.iam.groups, name) !== undefined) return fail(entityAlreadyExists(`Group with name ${name} already exists.`));
    const group = newGroup(env.world, account.id, name, path);
    account.iam.groups[name] = group;
    return ok({ Group: groupShape(group) });
  },
};

const getGroup: Operation = {
  readOnly: true,
  run: (env, p) =>
    withGroup(env, p, 'iam:GetGroup', () => undefined, (account, group) => {
      const users = group.members.map((m) => account.iam.users[m]).filter((u) => u !== undefined);
      return ok({ Group: groupShape(group), Users: users.map((u) => userShape(u)), IsTruncated: false });
    }),
};

const listGroups: Operation = {
  readOnly: true,
  run(env, p) {
    const prefix = p.string('PathPrefix', { min: 1, max: 512 }) ?? '/';
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:ListGroups', '*');
    if (denied !== undefined) return fail(denied);
    const groups = Object.values(account.iam.groups)
      .filter((g) => g.path.startsWith(prefix))
      .sort((a, b) => a.groupName.localeCompare(b.groupName))
      .map(groupShape);
    return ok({ Groups: groups, IsTruncated: false });
  },
};

const deleteGroup: Operation = {
  readOnly: false,
  run: (env, p) =>
    withGroup(env, p, 'iam:DeleteGroup', () => undefined, (account, group) => {
      if (group.members.length > 0) return fail(deleteConflict('Cannot delete entity, must remove users from group first.'));
      if (group.attachedPolicies.length > 0) return fail(deleteConflict('Cannot delete entity, must detach all policies first.'));
      if (Object.keys(group.inlinePolicies).length > 0) return fail(deleteConflict('Cannot delete entity, must delete policies first.'));
      delete account.iam.groups[group.groupName];
      return ok({});
    }),
};

const addUserToGroup: Operation = {
  readOnly: false,
  run(env, p) {
    let userName: string | undefined;
    return withGroup(
      env,
      p,
      'iam:AddUserToGroup',
      (q) => {
        userName = q.string('UserName', { required: true, ...USER_NAME });
      },
      (account, group) => {
        const user = findByName(account.iam.users, userName ?? '');
        if (user === undefined) return fail(noSuchEntity(`The user with name ${userName ?? ''} cannot be found.`));
        if (group.members.includes(user.userName)) return ok({});
        const count = Object.values(account.iam.groups).filter((g) => g.members.includes(user.userName)).length;
        if (count >= GROUPS_PER_USER) return fail(limitExceeded(`Cannot exceed quota for GroupsPerUser: ${GROUPS_PER_USER}`));
        group.members.push(user.userName);
        return ok({});
      },
    );
  },
};

const removeUserFromGroup: Operation = {
  readOnly: false,
  run(env, p) {
    let userName: string | undefined;
    return withGroup(
      env,
      p,
      'iam:RemoveUserFromGroup',
      (q) => {
        userName = q.string('UserName', { required: true, ...USER_NAME });
      },
      (account, group) => {
        const user = findByName(account.iam.users, userName ?? '');
        if (user === undefined || !group.members.includes(user.userName)) return fail(noSuchEntity(`The user with name ${userName ?? ''} cannot be found.`));
        group.members = group.members.filter((m) => m !== user.userName);
        return ok({});
      },
    );
  },
};

const listGroupsForUser: Operation = {
  readOnly: true,
  run: (env, p) =>
    withUser(env, p, 'iam:ListGroupsForUser', {}, (account, user) =>
      ok({
        Groups: Object.values(account.iam.groups)
          .filter((g) => g.members.includes(user.userName))
          .map(groupShape),
        IsTruncated: false,
      }),
    ),
};

/** The group operations by name. */
export const GROUP_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateGroup: createGroup,
  GetGroup: getGroup,
  ListGroups: listGroups,
  DeleteGroup: deleteGroup,
  AddUserToGroup: addUserToGroup,
  RemoveUserFromGroup: removeUserFromGroup,
  ListGroupsForUser: listGroupsForUser,
};
