/**
 * Authentication: from the credentials a call is signed with to the caller behind them.
 *
 * Long-term keys (`AKIA…`) belong to an IAM user; temporary keys (`ASIA…`) to an STS session
 * stored in the world; `{ root }` stands for the account's root user. Unknown or inactive keys,
 * wrong secrets and expired sessions are refused here, before any authorization, with the errors
 * AWS gives for them.
 */
import { assumedRoleArn, federatedUserArn, rootArn } from '../world/arns.ts';
import type { IamRole, IamUser } from '../world/iam-types.ts';
import type { TemporaryCredential } from '../world/sts-types.ts';
import type { World } from '../world/types.ts';
import { expiredToken, fail, invalidClientToken, ok, signatureDoesNotMatch } from './errors.ts';
import type { AwsResult, Credentials } from './types.ts';

/** The account root user. */
export interface RootCaller {
  kind: 'root';
  accountId: string;
  arn: string;
  accessKeyId?: string;
}

/** An IAM user signing with a long-term access key. */
export interface UserCaller {
  kind: 'user';
  accountId: string;
  arn: string;
  userName: string;
  userId: string;
  accessKeyId: string;
}

/** A role session (AssumeRole*, or a service acting with a role). */
export interface RoleSessionCaller {
  kind: 'role-session';
  accountId: string;
  /** The session ARN (`arn:aws:sts::A:assumed-role/Role/session`). */
  arn: string;
  roleName: string;
  roleArn: string;
  roleId: string;
  sessionName: string;
  accessKeyId: string;
  session: TemporaryCredential;
}

/** A GetSessionToken session: the user (or root) itself, with MFA information. */
export interface UserSessionCaller {
  kind: 'user-session';
  accountId: string;
  /** The user's (or root's) ARN: GetSessionToken does not change who you are. */
  arn: string;
  /** Absent for the root user. */
  userName?: string;
  userId?: string;
  accessKeyId: string;
  session: TemporaryCredential;
}

/** A GetFederationToken session: a federated user acting with part of an IAM user's permissions. */
export interface FederatedUserCaller {
  kind: 'federated-user';
  accountId: string;
  /** `arn:aws:sts::A:federated-user/<name>`. */
  arn: string;
  /** The name given to GetFederationToken. */
  name: string;
  /** The IAM user who called GetFederationToken (absent when the root user did). */
  userName?: string;
  accessKeyId: string;
  session: TemporaryCredential;
}

/** An unsigned call. */
export interface AnonymousCaller {
  kind: 'anonymous';
}

/** Who is calling. */
export type ServiceCaller = RootCaller | UserCaller | RoleSessionCaller | UserSessionCaller | FederatedUserCaller | AnonymousCaller;

/** Finds the user that owns a long-term key, in any account. */
export function findAccessKeyOwner(world: World, accessKeyId: string): { accountId: string; user: IamUser } | undefined {
  for (const account of Object.values(world.accounts)) {
    for (const user of Object.values(account.iam.users)) {
      if (user.accessKeys.some((k) => k.accessKeyId === accessKeyId)) return { accountId: account.id, user };
    }
  }
  return undefined;
}

/** The role a session stands for, when it still exists (same name *and* same unique id). */
export function sessionRole(world: World, session: TemporaryCredential): IamRole | undefined {
  if (session.roleName === undefined) return undefined;
  const role = world.accounts[session.accountId]?.iam.roles[session.roleName];
  return role !== undefined && role.roleId === session.roleId ? role : undefined;
}

/** The caller behind a stored temporary credential (no checks). */
export function callerFromSession(world: World, session: TemporaryCredential): ServiceCaller {
  if (session.kind === 'AssumedRole') {
    const roleName = session.roleName ?? '';
    const sessionName = session.sessionName ?? '';
    return {
      kind: 'role-session',
      accountId: session.accountId,
      arn: assumedRoleArn(session.accountId, roleName, sessionName),
      roleName,
      roleArn: session.roleArn ?? '',
      roleId: session.roleId ?? '',
      sessionName,
      accessKeyId: session.accessKeyId,
      session,
    };
  }
  if (session.kind === 'FederatedUser') {
    const name = session.sessionName ?? '';
    const fed: FederatedUserCaller = { kind: 'federated-user', accountId: session.accountId, arn: federatedUserArn(session.accountId, name), name, accessKeyId: session.accessKeyId, session };
    if (session.userName !== undefined) fed.userName = session.userName;
    return fed;
  }
  const user = session.userName === undefined ? undefined : world.accounts[session.accountId]?.iam.users[session.userName];
  const base: UserSessionCaller = {
    kind: 'user-session',
    accountId: session.accountId,
    arn: user?.arn ?? rootArn(session.accountId),
    accessKeyId: session.accessKeyId,
    session,
  };
  if (user !== undefined) {
    base.userName = user.userName;
    base.userId = user.userId;
  }
  return base;
}

/** Authenticates a call. Never throws. */
export function resolveCaller(world: World, credentials: Credentials): AwsResult<ServiceCaller> {
  if (credentials === null) return ok({ kind: 'anonymous' });
  if ('root' in credentials) {
    if (typeof credentials.root !== 'string' || world.accounts[credentials.root] === undefined) return fail(invalidClientToken());
    return ok({ kind: 'root', accountId: credentials.root, arn: rootArn(credentials.root) });
  }
  const keyId = credentials.accessKeyId;
  if (typeof keyId !== 'string') return fail(invalidClientToken());
  if (keyId.startsWith('ASIA')) {
    const session = world.sts.credentials[keyId];
    if (session === undefined || credentials.sessionToken !== session.sessionToken) return fail(invalidClientToken());
    if (credentials.secretAccessKey !== undefined && credentials.secretAccessKey !== session.secretAccessKey) return fail(signatureDoesNotMatch());
    if (world.clock.epochMs >= session.expirationMs) return fail(expiredToken());
    return ok(callerFromSession(world, session));
  }
  const owner = findAccessKeyOwner(world, keyId);
  const key = owner?.user.accessKeys.find((k) => k.accessKeyId === keyId);
  if (owner === undefined || key === undefined || key.status !== 'Active') return fail(invalidClientToken());
  if (credentials.secretAccessKey !== undefined && credentials.secretAccessKey !== key.secretAccessKey) return fail(signatureDoesNotMatch());
  return ok({ kind: 'user', accountId: owner.accountId, arn: owner.user.arn, userName: owner.user.userName, userId: owner.user.userId, accessKeyId: keyId });
}
