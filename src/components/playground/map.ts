/**
 * The Playground map's facts: accounts, their users, roles, buckets, instances and functions, and
 * two kinds of edge — who can assume which role, and who can read which bucket. Every edge is a
 * decision of the simulator's `authorize()` on the request the service would make
 * (`sts:AssumeRole` on the role, `s3:GetObject` on an object of the bucket), never a match of
 * names in policy text, so the map changes exactly when AWS's answer would.
 */
import { authorize } from '../../sim/authz/authorize.ts';
import type { World } from '../../sim/world/types.ts';
import { authorizeInput, baseContext } from '../../sim/services/access.ts';
import type { CallEnv } from '../../sim/services/access.ts';
import { s3AuthorizeInput } from '../../sim/services/s3/access.ts';
import { targetRoleContext } from '../../sim/services/sts/roles.ts';
import { instanceArn } from '../../sim/services/ec2/common.ts';
import { accountName, PLAYGROUND_SESSION, resolvePrincipal } from './principals.ts';

/** What a node stands for. */
export type NodeKind = 'user' | 'role' | 'bucket' | 'instance' | 'function';

/** One thing in an account. */
export interface MapNode {
  /** `user:<account>:<name>`, `role:<account>:<name>`, `bucket:<name>`, `instance:<id>`, `function:<arn>`. */
  id: string;
  kind: NodeKind;
  /** Its short name (the instance's Name tag when it has one). */
  label: string;
  account: string;
}

/** An account column. */
export interface MapAccount {
  id: string;
  name: string;
  /** True for the organization's management account. */
  management: boolean;
  /** True when the account is in the organization. */
  inOrganization: boolean;
  nodes: MapNode[];
}

/** One fact: `from` can assume `to`, or `from` can read objects of `to`. */
export interface MapEdge {
  kind: 'assume' | 'reach';
  from: string;
  to: string;
  /** What the caller must bring for it to be allowed, e.g. "with MFA"; empty when nothing. */
  condition: string;
}

/** The whole map. */
export interface WorldMapModel {
  /** The organization id, or null when the accounts are standalone. */
  organization: string | null;
  accounts: MapAccount[];
  edges: MapEdge[];
}

/** The context a caller who signed in with MFA brings (a recent sign-in). */
const WITH_MFA = { 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': '300' };

/** The ExternalId values a trust policy's conditions compare `sts:ExternalId` with. */
export function externalIdsIn(trust: string): string[] {
  const ids = new Set<string>();
  let doc: unknown;
  try {
    doc = JSON.parse(trust);
  } catch {
    return [];
  }
  const statements = (doc as { Statement?: unknown } | null)?.Statement;
  for (const st of Array.isArray(statements) ? statements : [statements]) {
    const condition = (st as { Condition?: unknown } | null)?.Condition;
    if (condition === null || typeof condition !== 'object') continue;
    for (const block of Object.values(condition as Record<string, unknown>)) {
      if (block === null || typeof block !== 'object') continue;
      for (const [key, value] of Object.entries(block as Record<string, unknown>)) {
        if (key.toLowerCase() !== 'sts:externalid') continue;
        for (const v of Array.isArray(value) ? value : [value])
          if (typeof v === 'string') ids.add(v);
      }
    }
  }
  return [...ids].sort();
}

/** The ways a caller may ask: plain first, then with what it could add (MFA, a known ExternalId). */
function scenarios(
  hasMfa: boolean,
  externalIds: string[],
): { condition: string; context: Record<string, string> }[] {
  const out: { condition: string; context: Record<string, string> }[] = [
    { condition: '', context: {} },
  ];
  if (hasMfa) out.push({ condition: 'with MFA', context: WITH_MFA });
  for (const id of externalIds) {
    out.push({ condition: `with ExternalId ${id}`, context: { 'sts:ExternalId': id } });
    if (hasMfa)
      out.push({
        condition: `with MFA and ExternalId ${id}`,
        context: { ...WITH_MFA, 'sts:ExternalId': id },
      });
  }
  return out;
}

/** The nodes of one account, in a fixed order: users, roles, buckets, instances, functions. */
function accountNodes(world: World, id: string): MapNode[] {
  const iam = world.accounts[id]?.iam;
  if (iam === undefined) return [];
  const nodes: MapNode[] = [];
  for (const name of Object.keys(iam.users).sort())
    nodes.push({ id: `user:${id}:${name}`, kind: 'user', label: name, account: id });
  for (const name of Object.keys(iam.roles).sort())
    nodes.push({ id: `role:${id}:${name}`, kind: 'role', label: name, account: id });
  for (const name of Object.keys(world.s3.buckets).sort())
    if (world.s3.buckets[name]?.ownerAccountId === id)
      nodes.push({ id: `bucket:${name}`, kind: 'bucket', label: name, account: id });
  for (const i of Object.values(world.ec2.instances).sort((a, b) =>
    a.instanceId.localeCompare(b.instanceId),
  )) {
    if (i.accountId !== id || i.state === 'terminated') continue;
    nodes.push({
      id: `instance:${i.instanceId}`,
      kind: 'instance',
      label: i.tags.find((t) => t.Key === 'Name')?.Value ?? i.instanceId,
      account: id,
    });
  }
  for (const arn of Object.keys(world.lambda.functions).sort()) {
    const fn = world.lambda.functions[arn];
    if (fn?.accountId === id)
      nodes.push({ id: `function:${arn}`, kind: 'function', label: fn.functionName, account: id });
  }
  return nodes;
}

/** Whether a service may assume `roleArn` for a resource, as EC2 and Lambda ask STS. */
function serviceMayAssume(
  world: World,
  service: string,
  roleAccount: string,
  roleName: string,
  sourceArn: string,
  sourceAccount: string,
): boolean {
  const role = world.accounts[roleAccount]?.iam.roles[roleName];
  if (role === undefined) return false;
  const env: CallEnv = { world, caller: { kind: 'anonymous' }, opts: {}, service: 'sts' };
  const context = {
    ...baseContext(env),
    'aws:SourceArn': sourceArn,
    'aws:SourceAccount': sourceAccount,
    ...targetRoleContext(role),
  };
  const result = authorize({
    principal: { arn: service, type: 'AWSService' },
    request: {
      action: 'sts:AssumeRole',
      resource: role.arn,
      resourceAccount: roleAccount,
      context,
    },
    policies: { trust: role.assumeRolePolicyDocument },
  });
  return result.decision === 'Allow';
}

/** The map of `world` (read only). */
export function worldMap(world: World): WorldMapModel {
  const org = world.organization;
  const ids = Object.keys(world.accounts).sort(
    (a, b) =>
      Number(b === org?.managementAccountId) - Number(a === org?.managementAccountId) ||
      a.localeCompare(b),
  );
  const accounts: MapAccount[] = ids.map((id) => ({
    id,
    name: accountName(world, id),
    management: org?.managementAccountId === id,
    inOrganization:
      org !== null && (org.managementAccountId === id || org.accountParents[id] !== undefined),
    nodes: accountNodes(world, id),
  }));
  const nodes = accounts.flatMap((a) => a.nodes);
  const callers = nodes.filter((n) => n.kind === 'user' || n.kind === 'role');
  const edges: MapEdge[] = [];

  // Who can assume which role: every user and role (as a session) against every role.
  for (const target of nodes.filter((n) => n.kind === 'role')) {
    const roleName = target.label;
    const role = world.accounts[target.account]?.iam.roles[roleName];
    if (role === undefined) continue;
    const externalIds = externalIdsIn(role.assumeRolePolicyDocument);
    for (const from of callers) {
      if (from.id === target.id) continue;
      const who = resolvePrincipal(world, from.id);
      if ('problem' in who || !('caller' in who)) continue;
      const hasMfa =
        from.kind === 'user' &&
        (world.accounts[from.account]?.iam.users[from.label]?.mfaDevices.length ?? 0) > 0;
      const env: CallEnv = { world, caller: who.caller, opts: {}, service: 'sts' };
      for (const s of scenarios(hasMfa, externalIds)) {
        const input = authorizeInput(env, {
          action: 'sts:AssumeRole',
          resource: role.arn,
          resourceAccount: target.account,
          trust: role.assumeRolePolicyDocument,
          context: {
            'sts:RoleSessionName': PLAYGROUND_SESSION,
            ...targetRoleContext(role),
            ...s.context,
          },
        });
        if (input !== undefined && authorize(input).decision === 'Allow') {
          edges.push({ kind: 'assume', from: from.id, to: target.id, condition: s.condition });
          break;
        }
      }
    }
  }

  // Instances and functions get their role's credentials through EC2 and Lambda.
  for (const i of Object.values(world.ec2.instances)) {
    if (i.state === 'terminated' || i.profile === null) continue;
    const profile = Object.values(world.accounts[i.accountId]?.iam.instanceProfiles ?? {}).find(
      (p) => p.arn === i.profile?.instanceProfileArn,
    );
    for (const roleName of profile?.roles ?? []) {
      if (
        serviceMayAssume(
          world,
          'ec2.amazonaws.com',
          i.accountId,
          roleName,
          instanceArn(i.region, i.accountId, i.instanceId),
          i.accountId,
        )
      ) {
        edges.push({
          kind: 'assume',
          from: `instance:${i.instanceId}`,
          to: `role:${i.accountId}:${roleName}`,
          condition: 'through its instance profile',
        });
      }
    }
  }
  for (const fn of Object.values(world.lambda.functions)) {
    const [, , , , roleAccount = '', resource = ''] = fn.role.split(':');
    const roleName = resource.slice(resource.lastIndexOf('/') + 1);
    if (
      serviceMayAssume(
        world,
        'lambda.amazonaws.com',
        roleAccount,
        roleName,
        fn.functionArn,
        fn.accountId,
      )
    ) {
      edges.push({
        kind: 'assume',
        from: `function:${fn.functionArn}`,
        to: `role:${roleAccount}:${roleName}`,
        condition: 'as its execution role',
      });
    }
  }

  // Who can read objects of which bucket: s3:GetObject on one of its objects.
  for (const target of nodes.filter((n) => n.kind === 'bucket')) {
    const bucket = world.s3.buckets[target.label];
    if (bucket === undefined) continue;
    const key = Object.keys(bucket.objects).sort()[0] ?? 'any-object';
    const resource = `arn:aws:s3:::${bucket.name}/${key}`;
    for (const from of callers) {
      const who = resolvePrincipal(world, from.id);
      if ('problem' in who || !('caller' in who)) continue;
      const input = s3AuthorizeInput(
        { world, caller: who.caller, opts: {}, service: 's3' },
        bucket,
        's3:GetObject',
        resource,
      );
      if (authorize(input).decision === 'Allow')
        edges.push({ kind: 'reach', from: from.id, to: target.id, condition: '' });
    }
  }
  return { organization: org?.id ?? null, accounts, edges };
}
