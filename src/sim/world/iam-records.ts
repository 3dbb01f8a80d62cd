/**
 * Builders for fresh IAM records, shared by `createWorld` (seeds) and the IAM service (API
 * calls), so an entity made either way looks the same.
 */
import { iamArn, mfaArn } from './arns.ts';
import { isoFromMs } from './clock.ts';
import { mfaSeed, secretAccessKey, uniqueId } from './ids.ts';
import type {
  AccessKeyRecord,
  CustomerManagedPolicy,
  IamGroup,
  IamRole,
  IamState,
  IamUser,
  InstanceProfileRecord,
  PasswordPolicyRecord,
  Tag,
  VirtualMfaDeviceRecord,
} from './iam-types.ts';
import type { World } from './types.ts';

/** IAM's default MaxSessionDuration (one hour). */
export const DEFAULT_MAX_SESSION_DURATION = 3600;

/** An account's empty IAM state. */
export function emptyIamState(): IamState {
  return {
    users: {},
    groups: {},
    roles: {},
    policies: {},
    instanceProfiles: {},
    mfaDevices: {},
    samlProviders: {},
    oidcProviders: {},
    passwordPolicy: null,
    lastAccessedJobs: {},
  };
}

/** The settings IAM applies to fields an UpdateAccountPasswordPolicy call leaves out. */
export function defaultPasswordPolicy(): PasswordPolicyRecord {
  return {
    MinimumPasswordLength: 6,
    RequireSymbols: false,
    RequireNumbers: false,
    RequireUppercaseCharacters: false,
    RequireLowercaseCharacters: false,
    AllowUsersToChangePassword: false,
    HardExpiry: false,
  };
}

/** Tags map → IAM's list form, in the order given. */
export function tagList(tags: Record<string, string> | undefined): Tag[] {
  return Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
}

/** The current time of a world as an ISO string. */
export function worldNowIso(world: World): string {
  return isoFromMs(world.clock.epochMs);
}

/** A new user. */
export function newUser(world: World, account: string, userName: string, path: string, tags: Tag[]): IamUser {
  return {
    userName,
    userId: uniqueId(world.ids, 'AIDA'),
    path,
    arn: iamArn(account, 'user', path, userName),
    createDate: worldNowIso(world),
    tags,
    inlinePolicies: {},
    attachedPolicies: [],
    permissionsBoundary: null,
    accessKeys: [],
    mfaDevices: [],
    hasPassword: false,
  };
}

/** A new group. */
export function newGroup(world: World, account: string, groupName: string, path: string): IamGroup {
  return {
    groupName,
    groupId: uniqueId(world.ids, 'AGPA'),
    path,
    arn: iamArn(account, 'group', path, groupName),
    createDate: worldNowIso(world),
    inlinePolicies: {},
    attachedPolicies: [],
    members: [],
  };
}

/** What a new role is made of besides its name. */
export interface NewRoleFields {
  path: string;
  trust: string;
  description: string;
  maxSessionDuration: number;
  tags: Tag[];
  permissionsBoundary: string | null;
  serviceLinked: boolean;
}

/** A new role. */
export function newRole(world: World, account: string, roleName: string, f: NewRoleFields): IamRole {
  return {
    roleName,
    roleId: uniqueId(world.ids, 'AROA'),
    path: f.path,
    arn: iamArn(account, 'role', f.path, roleName),
    createDate: worldNowIso(world),
    assumeRolePolicyDocument: f.trust,
    description: f.description,
    maxSessionDuration: f.maxSessionDuration,
    tags: f.tags,
    inlinePolicies: {},
    attachedPolicies: [],
    permissionsBoundary: f.permissionsBoundary,
    serviceLinked: f.serviceLinked,
    lastUsedDate: null,
  };
}

/** A new customer managed policy with its first version as default. */
export function newManagedPolicy(world: World, account: string, policyName: string, path: string, document: string, description: string, tags: Tag[]): CustomerManagedPolicy {
  const now = worldNowIso(world);
  return {
    policyName,
    policyId: uniqueId(world.ids, 'ANPA'),
    path,
    arn: iamArn(account, 'policy', path, policyName),
    description,
    createDate: now,
    updateDate: now,
    defaultVersionId: 'v1',
    versions: [{ versionId: 'v1', document, createDate: now }],
    nextVersion: 2,
    tags,
  };
}

/** A new, empty instance profile. */
export function newInstanceProfile(world: World, account: string, name: string, path: string, tags: Tag[]): InstanceProfileRecord {
  return {
    instanceProfileName: name,
    instanceProfileId: uniqueId(world.ids, 'AIPA'),
    path,
    arn: iamArn(account, 'instance-profile', path, name),
    createDate: worldNowIso(world),
    roles: [],
    tags,
  };
}

/** A new access key; fixed id/secret may be given (seeds), else they are generated. */
export function newAccessKey(world: World, fixed?: { accessKeyId?: string | undefined; secretAccessKey?: string | undefined; status?: 'Active' | 'Inactive' | undefined }): AccessKeyRecord {
  return {
    accessKeyId: fixed?.accessKeyId ?? uniqueId(world.ids, 'AKIA'),
    secretAccessKey: fixed?.secretAccessKey ?? secretAccessKey(world.ids),
    status: fixed?.status ?? 'Active',
    createDate: worldNowIso(world),
    lastUsedDate: null,
  };
}

/** A new virtual MFA device, not yet enabled for anyone. */
export function newVirtualMfaDevice(world: World, account: string, path: string, name: string, tags: Tag[]): VirtualMfaDeviceRecord {
  return {
    serialNumber: mfaArn(account, path, name),
    base32StringSeed: mfaSeed(world.ids),
    userName: null,
    enableDate: null,
    createDate: worldNowIso(world),
    tags,
  };
}
