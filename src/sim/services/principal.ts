/**
 * The caller as the decision API sees it: principal fields and every policy that applies to it
 * (identity policies of the user and its groups or of the role, the permissions boundary, the
 * session policy, and the SCPs of its account's path in the organization).
 */
import type { PrincipalInput } from '../authz/index.ts';
import type { IamUser, Tag } from '../world/iam-types.ts';
import type { World } from '../world/types.ts';
import type { ServiceCaller } from './caller.ts';
import { sessionRole } from './caller.ts';
import { foldDocuments, managedPolicyDocument } from './policy-docs.ts';

/** Tags list → map; later entries win, as IAM keeps keys unique. */
function tagMap(tags: readonly Tag[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags) out[t.Key] = t.Value;
  return out;
}

/** Role tags overlaid with session tags: a session tag replaces a role tag with the same key, compared case-insensitively. */
export function mergeSessionTags(roleTags: readonly Tag[], sessionTags: Readonly<Record<string, string>>): Record<string, string> {
  const out = tagMap(roleTags);
  for (const [k, v] of Object.entries(sessionTags)) {
    for (const existing of Object.keys(out)) if (existing.toLowerCase() === k.toLowerCase()) delete out[existing];
    out[k] = v;
  }
  return out;
}

/** True when the account is its organization's management account. */
export function isManagementAccount(world: World, accountId: string): boolean {
  return world.organization?.managementAccountId === accountId;
}

/** The IAM user behind a caller, when there is one. */
export function callerUser(world: World, caller: ServiceCaller): IamUser | undefined {
  if (caller.kind === 'user' || ((caller.kind === 'user-session' || caller.kind === 'federated-user') && caller.userName !== undefined)) {
    const name = caller.userName;
    return name === undefined ? undefined : world.accounts[caller.accountId]?.iam.users[name];
  }
  return undefined;
}

/** The decision API's principal for a caller; undefined for anonymous callers. */
export function principalFor(world: World, caller: ServiceCaller): PrincipalInput | undefined {
  if (caller.kind === 'anonymous') return undefined;
  const mgmt = isManagementAccount(world, caller.accountId);
  const base = { account: caller.accountId, isManagementAccount: mgmt };
  if (caller.kind === 'root' || (caller.kind === 'user-session' && caller.userName === undefined)) {
    return { ...base, arn: caller.arn, type: 'Root' };
  }
  if (caller.kind === 'federated-user') {
    const user = callerUser(world, caller);
    // A federated user's principal tags are its session tags only (IAM User Guide, "Passing session tags").
    const p: PrincipalInput = { ...base, arn: caller.arn, type: 'FederatedUser', sessionName: caller.name, tags: { ...caller.session.tags } };
    if (user !== undefined) p.federatingUserArn = user.arn;
    return p;
  }
  if (caller.kind === 'user' || caller.kind === 'user-session') {
    const user = callerUser(world, caller);
    const p: PrincipalInput = { ...base, arn: caller.arn, type: 'IAMUser', tags: tagMap(user?.tags ?? []) };
    if (user !== undefined) p.uniqueId = user.userId;
    return p;
  }
  const role = sessionRole(world, caller.session);
  return {
    ...base,
    arn: caller.arn,
    type: 'AssumedRole',
    roleArn: caller.roleArn,
    sessionName: caller.sessionName,
    uniqueId: caller.roleId,
    tags: mergeSessionTags(role?.tags ?? [], caller.session.tags),
    isServiceLinkedRole: role?.serviceLinked ?? false,
  };
}

/** Inline documents then attached managed documents (default versions) of one entity. */
function entityDocuments(world: World, inline: Readonly<Record<string, string>>, attached: readonly string[]): string[] {
  const docs = Object.keys(inline)
    .sort()
    .map((k) => inline[k] ?? '');
  for (const arn of attached) {
    const d = managedPolicyDocument(world, arn);
    if (d !== undefined) docs.push(d);
  }
  return docs;
}

/** The caller's identity-based policies: a user's own and its groups', or the role's. */
export function identityPoliciesFor(world: World, caller: ServiceCaller): string[] {
  if (caller.kind === 'role-session') {
    const role = sessionRole(world, caller.session);
    return role === undefined ? [] : entityDocuments(world, role.inlinePolicies, role.attachedPolicies);
  }
  const user = callerUser(world, caller);
  if (user === undefined) return [];
  const docs = entityDocuments(world, user.inlinePolicies, user.attachedPolicies);
  const groups = world.accounts[caller.kind === 'anonymous' ? '' : caller.accountId]?.iam.groups ?? {};
  for (const g of Object.keys(groups).sort()) {
    const group = groups[g];
    if (group !== undefined && group.members.includes(user.userName)) docs.push(...entityDocuments(world, group.inlinePolicies, group.attachedPolicies));
  }
  return docs;
}

/** The caller's permissions boundary document, or null. */
export function boundaryFor(world: World, caller: ServiceCaller): string | null {
  let arn: string | null = null;
  if (caller.kind === 'role-session') arn = sessionRole(world, caller.session)?.permissionsBoundary ?? null;
  else arn = callerUser(world, caller)?.permissionsBoundary ?? null;
  return arn === null ? null : (managedPolicyDocument(world, arn) ?? null);
}

/** The session policies of a role session, folded into one document, or null when none were passed. */
export function sessionPolicyFor(world: World, caller: ServiceCaller): string | null {
  if (caller.kind !== 'role-session' && caller.kind !== 'federated-user') return null;
  const texts: string[] = [];
  if (caller.session.sessionPolicy !== undefined) texts.push(caller.session.sessionPolicy);
  for (const arn of caller.session.sessionPolicyArns) {
    const d = managedPolicyDocument(world, arn);
    if (d !== undefined) texts.push(d);
  }
  return foldDocuments(texts);
}

/**
 * The SCPs that bound an account, one document per level from the root down to the account, or
 * undefined when SCPs do not apply (no organization, SCPs not enabled, or the management account).
 */
export function scpsFor(world: World, accountId: string): string[] | undefined {
  const org = world.organization;
  if (org === null || !org.enabledPolicyTypes.includes('SERVICE_CONTROL_POLICY')) return undefined;
  if (org.managementAccountId === accountId) return undefined;
  const parent = org.accountParents[accountId];
  if (parent === undefined) return undefined;
  const chain: string[] = [accountId];
  let node: string | undefined = parent;
  for (let guard = 0; node !== undefined && guard < 10; guard++) {
    chain.unshift(node);
    node = node === org.rootId ? undefined : org.ous[node]?.parentId;
  }
  return chain.map((target) => {
    const texts = (org.attachments[target] ?? [])
      .map((id) => org.policies[id])
      .filter((p) => p !== undefined && p.type === 'SERVICE_CONTROL_POLICY')
      .map((p) => p?.content ?? '');
    // A level with nothing attached allows nothing (AWS does not let that happen, but a seed could).
    return foldDocuments(texts) ?? JSON.stringify({ Version: '2012-10-17', Statement: [] });
  });
}

/** The organization path of an account, `o-…/r-…/ou-…/` (aws:PrincipalOrgPaths), or undefined outside an organization. */
export function orgPathFor(world: World, accountId: string): string | undefined {
  const org = world.organization;
  const parent = org?.accountParents[accountId];
  if (org === null || org === undefined || parent === undefined) return undefined;
  const chain: string[] = [];
  let node: string | undefined = parent;
  for (let guard = 0; node !== undefined && guard < 10; guard++) {
    chain.unshift(node);
    node = node === org.rootId ? undefined : org.ous[node]?.parentId;
  }
  return `${org.id}/${chain.join('/')}/`;
}
