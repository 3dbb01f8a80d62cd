/**
 * Who can make a request in the Playground's world, and the caller the simulator's services would
 * see for each: IAM users (signing with their long-term keys), roles (as a fresh session), live STS
 * sessions, each account's root user, AWS service principals, and anonymous callers. Shared by the
 * evaluation explorer and the map, so both ask `authorize()` the very same question.
 */
import { assumedRoleArn, rootArn } from '../../sim/world/arns.ts';
import type { TemporaryCredential } from '../../sim/world/sts-types.ts';
import type { World } from '../../sim/world/types.ts';
import type { ServiceCaller } from '../../sim/services/caller.ts';
import { callerFromSession } from '../../sim/services/caller.ts';

/** The session name a role gets when the Playground imagines it assumed. */
export const PLAYGROUND_SESSION = 'playground';

/** Service principals the explorer offers (the ones the world's resources act through). */
export const SERVICE_PRINCIPALS = [
  'ec2.amazonaws.com',
  'lambda.amazonaws.com',
  'events.amazonaws.com',
  's3.amazonaws.com',
] as const;

/** One principal to choose: `value` is a stable id (`user:<account>:<name>`, `role:…`, `session:<key>`, `root:<account>`, `service:<name>`, `anonymous`). */
export interface PrincipalOption {
  value: string;
  /** How it reads in the list: `alice (user in acme-dev)`. */
  label: string;
  /** The option group: the account's name, "Sessions", "AWS services", "Anyone". */
  group: string;
}

/** The caller behind a principal id, as services see it; `service` for a service principal. */
export type ResolvedPrincipal = { caller: ServiceCaller } | { service: string };

/** The account's name as shown: alias, else name, else id. */
export function accountName(world: World, id: string): string {
  const a = world.accounts[id];
  return a?.alias ?? a?.name ?? id;
}

/** Every principal of the world, in account order. */
export function principalOptions(world: World): PrincipalOption[] {
  const out: PrincipalOption[] = [];
  for (const id of Object.keys(world.accounts).sort()) {
    const iam = world.accounts[id]?.iam;
    if (iam === undefined) continue;
    const group = `Account ${accountName(world, id)} (${id})`;
    for (const name of Object.keys(iam.users).sort())
      out.push({ value: `user:${id}:${name}`, label: `${name} (IAM user)`, group });
    for (const name of Object.keys(iam.roles).sort())
      out.push({ value: `role:${id}:${name}`, label: `${name} (role, as a new session)`, group });
    out.push({ value: `root:${id}`, label: 'root user', group });
  }
  for (const s of liveSessions(world)) {
    const caller = callerFromSession(world, s);
    if (caller.kind !== 'anonymous')
      out.push({
        value: `session:${s.accessKeyId}`,
        label: `${caller.arn} (${s.mfaAuthenticated ? 'with MFA' : 'no MFA'})`,
        group: 'Live sessions from the terminal',
      });
  }
  for (const s of SERVICE_PRINCIPALS)
    out.push({ value: `service:${s}`, label: s, group: 'AWS service principals' });
  out.push({ value: 'anonymous', label: 'anonymous (an unsigned request)', group: 'Anyone' });
  return out;
}

/** STS sessions that have not expired, newest first. */
export function liveSessions(world: World): TemporaryCredential[] {
  return Object.values(world.sts.credentials)
    .filter((s) => s.expirationMs > world.clock.epochMs)
    .sort((a, b) => b.issuedMs - a.issuedMs || a.accessKeyId.localeCompare(b.accessKeyId));
}

/** A session of `role` that exists only for the question being asked (never stored in the world). */
function imaginedSession(
  world: World,
  account: string,
  roleName: string,
): TemporaryCredential | undefined {
  const role = world.accounts[account]?.iam.roles[roleName];
  if (role === undefined) return undefined;
  const now = world.clock.epochMs;
  return {
    accessKeyId: 'ASIAPLAYGROUNDSESSION',
    secretAccessKey: '',
    sessionToken: '',
    kind: 'AssumedRole',
    accountId: account,
    issuedMs: now,
    expirationMs: now + 3600_000,
    roleArn: role.arn,
    roleId: role.roleId,
    roleName: role.roleName,
    sessionName: PLAYGROUND_SESSION,
    sessionPolicyArns: [],
    tags: {},
    transitiveTagKeys: [],
    mfaAuthenticated: false,
    chained: false,
  };
}

/** The caller for a principal id, or a sentence saying why there is none. */
export function resolvePrincipal(
  world: World,
  value: string,
): ResolvedPrincipal | { problem: string } {
  const [type, a = '', b = ''] = value.split(':');
  if (value === 'anonymous') return { caller: { kind: 'anonymous' } };
  if (type === 'service') return { service: value.slice('service:'.length) };
  if (type === 'root') {
    if (world.accounts[a] === undefined)
      return { problem: `There is no account ${a} in this world.` };
    return { caller: { kind: 'root', accountId: a, arn: rootArn(a) } };
  }
  if (type === 'user') {
    const user = world.accounts[a]?.iam.users[b];
    if (user === undefined) return { problem: `There is no user ${b} in account ${a} any more.` };
    const key =
      user.accessKeys.find((k) => k.status === 'Active')?.accessKeyId ?? 'AKIAPLAYGROUNDNOKEY0';
    return {
      caller: {
        kind: 'user',
        accountId: a,
        arn: user.arn,
        userName: user.userName,
        userId: user.userId,
        accessKeyId: key,
      },
    };
  }
  if (type === 'role') {
    const session = imaginedSession(world, a, b);
    if (session === undefined)
      return { problem: `There is no role ${b} in account ${a} any more.` };
    return {
      caller: {
        kind: 'role-session',
        accountId: a,
        arn: assumedRoleArn(a, b, PLAYGROUND_SESSION),
        roleName: b,
        roleArn: session.roleArn ?? '',
        roleId: session.roleId ?? '',
        sessionName: PLAYGROUND_SESSION,
        accessKeyId: session.accessKeyId,
        session,
      },
    };
  }
  if (type === 'session') {
    const s = world.sts.credentials[a];
    if (s === undefined || s.expirationMs <= world.clock.epochMs)
      return { problem: 'That session has expired or no longer exists.' };
    return { caller: callerFromSession(world, s) };
  }
  return { problem: `"${value.slice(0, 60)}" is not a principal of this world.` };
}
