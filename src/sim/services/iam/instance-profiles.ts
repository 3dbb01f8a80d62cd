/**
 * Instance profiles: CreateInstanceProfile, GetInstanceProfile, ListInstanceProfiles,
 * ListInstanceProfilesForRole, AddRoleToInstanceProfile, RemoveRoleFromInstanceProfile,
 * DeleteInstanceProfile. A profile holds at most one role, a quota AWS does not raise
 * (EC2 User Guide, "IAM roles for Amazon EC2").
 */
import { iamArn } from '../../world/arns.ts';
import { newInstanceProfile } from '../../world/iam-records.ts';
import type { InstanceProfileRecord } from '../../world/iam-types.ts';
import type { Account } from '../../world/types.ts';
import type { CallEnv } from '../access.ts';
import { deleteConflict, entityAlreadyExists, fail, internalFailure, limitExceeded, noSuchEntity, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import { NAME_PATTERN, PATH_PATTERN } from '../params.ts';
import type { Params } from '../params.ts';
import type { AwsResult } from '../types.ts';
import { authorizeIam, callerAccount, findByName, mergeTags, tagContext } from './common.ts';
import { checkPassRole } from './pass-role.ts';
import { ROLE_NAME, withRole } from './roles.ts';
import { instanceProfileShape } from './shapes.ts';

const PROFILE_NAME = { required: true, min: 1, max: 128, ...NAME_PATTERN } as const;

/** The shape of a profile with its role records. */
function shape(account: Account, profile: InstanceProfileRecord): Record<string, unknown> {
  const roles = profile.roles.map((r) => account.iam.roles[r]).filter((r) => r !== undefined);
  return instanceProfileShape(profile, roles);
}

function withProfile(env: CallEnv, p: Params, action: string, read: (p: Params) => void, apply: (account: Account, profile: InstanceProfileRecord) => AwsResult<unknown>): AwsResult<unknown> {
  const name = p.string('InstanceProfileName', PROFILE_NAME);
  read(p);
  const invalid = p.error();
  if (invalid !== undefined) return fail(invalid);
  if (name === undefined) return fail(internalFailure('InstanceProfileName missing'));
  const account = callerAccount(env);
  if ('code' in account) return fail(account);
  const profile = findByName(account.iam.instanceProfiles, name);
  const denied = authorizeIam(env, action, profile?.arn ?? iamArn(account.id, 'instance-profile', '/', name));
  if (denied !== undefined) return fail(denied);
  if (profile === undefined) return fail(noSuchEntity(`Instance Profile ${name} cannot be found.`));
  return apply(account, profile);
}

const createInstanceProfile: Operation = {
  readOnly: false,
  run(env, p) {
    const name = p.string('InstanceProfileName', PROFILE_NAME);
    const path = p.string('Path', { min: 1, max: 512, ...PATH_PATTERN }) ?? '/';
    const tags = p.tags();
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    if (name === undefined) return fail(internalFailure('InstanceProfileName missing'));
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:CreateInstanceProfile', iamArn(account.id, 'instance-profile', path, name), tagContext(tags));
    if (denied !== undefined) return fail(denied);
    if (findByName(account.iam.instanceProfiles, name) !== undefined) return fail(entityAlreadyExists(`Instance Profile ${name} already exists.`));
    const profile = newInstanceProfile(env.world, account.id, name, path, mergeTags([], tags ?? []));
    account.iam.instanceProfiles[name] = profile;
    return ok({ InstanceProfile: shape(account, profile) });
  },
};

const getInstanceProfile: Operation = {
  readOnly: true,
  run: (env, p) => withProfile(env, p, 'iam:GetInstanceProfile', () => undefined, (account, profile) => ok({ InstanceProfile: shape(account, profile) })),
};

const listInstanceProfiles: Operation = {
  readOnly: true,
  run(env, p) {
    const prefix = p.string('PathPrefix', { min: 1, max: 512 }) ?? '/';
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:ListInstanceProfiles', '*');
    if (denied !== undefined) return fail(denied);
    const profiles = Object.values(account.iam.instanceProfiles)
      .filter((ip) => ip.path.startsWith(prefix))
      .sort((a, b) => a.instanceProfileName.localeCompare(b.instanceProfileName))
      .map((ip) => shape(account, ip));
    return ok({ InstanceProfiles: profiles, IsTruncated: false });
  },
};

const listInstanceProfilesForRole: Operation = {
  readOnly: true,
  run: (env, p) =>
    withRole(env, p, 'iam:ListInstanceProfilesForRole', () => undefined, (account, role) =>
      ok({
        InstanceProfiles: Object.values(account.iam.instanceProfiles)
          .filter((ip) => ip.roles.includes(role.roleName))
          .map((ip) => shape(account, ip)),
        IsTruncated: false,
      }),
    ),
};

const addRoleToInstanceProfile: Operation = {
  readOnly: false,
  run(env, p) {
    let roleName: string | undefined;
    return withProfile(
      env,
      p,
      'iam:AddRoleToInstanceProfile',
      (q) => {
        roleName = q.string('RoleName', ROLE_NAME);
      },
      (account, profile) => {
        const role = findByName(account.iam.roles, roleName ?? '');
        if (role === undefined) return fail(noSuchEntity(`The role with name ${roleName ?? ''} cannot be found.`));
        // The caller must be allowed to pass the role (IAM API Reference, AddRoleToInstanceProfile).
        const denied = checkPassRole(env, role.arn);
        if (denied !== undefined) return fail(denied);
        if (profile.roles.length >= 1) return fail(limitExceeded('Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1'));
        profile.roles.push(role.roleName);
        return ok({});
      },
    );
  },
};

const removeRoleFromInstanceProfile: Operation = {
  readOnly: false,
  run(env, p) {
    let roleName: string | undefined;
    return withProfile(
      env,
      p,
      'iam:RemoveRoleFromInstanceProfile',
      (q) => {
        roleName = q.string('RoleName', ROLE_NAME);
      },
      (_account, profile) => {
        const present = profile.roles.find((r) => r.toLowerCase() === (roleName ?? '').toLowerCase());
        if (present === undefined) return fail(noSuchEntity(`The role with name ${roleName ?? ''} cannot be found.`));
        profile.roles = profile.roles.filter((r) => r !== present);
        return ok({});
      },
    );
  },
};

const deleteInstanceProfile: Operation = {
  readOnly: false,
  run: (env, p) =>
    withProfile(env, p, 'iam:DeleteInstanceProfile', () => undefined, (account, profile) => {
      if (profile.roles.length > 0) return fail(deleteConflict('Cannot delete entity, must remove roles from instance profile first.'));
      delete account.iam.instanceProfiles[profile.instanceProfileName];
      return ok({});
    }),
};

/** The instance-profile operations by name. */
export const INSTANCE_PROFILE_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateInstanceProfile: createInstanceProfile,
  GetInstanceProfile: getInstanceProfile,
  ListInstanceProfiles: listInstanceProfiles,
  ListInstanceProfilesForRole: listInstanceProfilesForRole,
  AddRoleToInstanceProfile: addRoleToInstanceProfile,
  RemoveRoleFromInstanceProfile: removeRoleFromInstanceProfile,
  DeleteInstanceProfile: deleteInstanceProfile,
};
