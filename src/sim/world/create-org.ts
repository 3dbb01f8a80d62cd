/** Builds the Organization part of a world from a seed. */
import { orgIdPart } from './ids.ts';
import type { Organization, OrgPolicy, OrgPolicyType } from './org-types.ts';
import type { ParsedWorldSeed } from './seed-schema.ts';
import type { World } from './types.ts';

/** The AWS managed SCP attached everywhere when SCPs are enabled (its real id is `p-FullAWSAccess`). */
export const FULL_AWS_ACCESS: OrgPolicy = {
  id: 'p-FullAWSAccess',
  name: 'FullAWSAccess',
  type: 'SERVICE_CONTROL_POLICY',
  content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, null, 2),
  awsManaged: true,
  description: 'Allows access to every operation',
};

/**
 * The AWS managed RCP attached everywhere when RCPs are enabled; it cannot be detached
 * (Organizations User Guide, "Resource control policies").
 */
export const RCP_FULL_AWS_ACCESS: OrgPolicy = {
  id: 'p-RCPFullAWSAccess',
  name: 'RCPFullAWSAccess',
  type: 'RESOURCE_CONTROL_POLICY',
  content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }, null, 2),
  awsManaged: true,
  description: 'Allows access to every operation',
};

/** Turns a policy type on: its AWS managed policy is attached to the root, every OU and every account. */
export function enablePolicyType(org: Organization, type: OrgPolicyType, accountIds: readonly string[]): void {
  const managed = type === 'SERVICE_CONTROL_POLICY' ? FULL_AWS_ACCESS : RCP_FULL_AWS_ACCESS;
  if (!org.enabledPolicyTypes.includes(type)) org.enabledPolicyTypes.push(type);
  org.policies[managed.id] = { ...managed };
  for (const target of [org.rootId, ...Object.keys(org.ous), ...accountIds]) {
    const list = (org.attachments[target] ??= []);
    if (!list.includes(managed.id)) list.push(managed.id);
  }
}

type SeedOrganization = NonNullable<ParsedWorldSeed['organization']>;

/** The organization of a seed; problems are appended to `issues`. */
export function buildOrganization(world: World, seed: SeedOrganization, issues: string[]): Organization {
  const ids = world.ids;
  const orgId = `o-${orgIdPart(ids, 10)}`;
  const rootId = `r-${orgIdPart(ids, 4)}`;
  const mgmt = seed.managementAccount;
  if (world.accounts[mgmt] === undefined) issues.push(`organization.managementAccount: account ${mgmt} is not declared`);
  const org: Organization = {
    id: orgId,
    arn: `arn:aws:organizations::${mgmt}:organization/${orgId}`,
    managementAccountId: mgmt,
    rootId,
    ous: {},
    accountParents: {},
    policies: {},
    attachments: {},
    enabledPolicyTypes: [],
  };
  const listed = seed.members === undefined ? Object.keys(world.accounts) : [mgmt, ...seed.members];
  for (const id of listed) if (world.accounts[id] !== undefined) org.accountParents[id] = rootId;
  (seed.members ?? []).forEach((id, i) => {
    if (world.accounts[id] === undefined) issues.push(`organization.members.${i}: account ${id} is not declared`);
  });
  const byName = new Map<string, string>();
  (seed.ous ?? []).forEach((ou, i) => {
    const parentId = ou.parent === undefined ? rootId : byName.get(ou.parent);
    if (parentId === undefined) {
      issues.push(`organization.ous.${i}.parent: OU ${ou.parent ?? ''} must be declared before its children`);
      return;
    }
    const id = `ou-${rootId.slice(2)}-${orgIdPart(ids, 8)}`;
    byName.set(ou.name, id);
    org.ous[id] = { id, name: ou.name, arn: `arn:aws:organizations::${mgmt}:ou/${orgId}/${id}`, parentId };
    (ou.accounts ?? []).forEach((acct, j) => {
      if (world.accounts[acct] === undefined) issues.push(`organization.ous.${i}.accounts.${j}: account ${acct} is not declared`);
      else if (org.accountParents[acct] === undefined) issues.push(`organization.ous.${i}.accounts.${j}: account ${acct} is not a member of the organization`);
      else org.accountParents[acct] = id;
    });
  });
  const members = Object.keys(org.accountParents);
  const scpOn = seed.scpEnabled ?? (seed.scps !== undefined && seed.scps.length > 0);
  if (scpOn) enablePolicyType(org, 'SERVICE_CONTROL_POLICY', members);
  const rcpOn = seed.rcpEnabled ?? (seed.rcps !== undefined && seed.rcps.length > 0);
  if (rcpOn) enablePolicyType(org, 'RESOURCE_CONTROL_POLICY', members);
  const seedPolicies = (list: SeedOrganization['scps'], type: OrgPolicyType, field: string): void => {
    (list ?? []).forEach((pol, i) => {
      const id = `p-${orgIdPart(ids, 8)}`;
      const content = typeof pol.document === 'string' ? pol.document : JSON.stringify(pol.document, null, 2);
      org.policies[id] = { id, name: pol.name, type, content, awsManaged: false, description: '' };
      pol.targets.forEach((t, j) => {
        const target = t === 'Root' ? rootId : (byName.get(t) ?? (world.accounts[t] !== undefined ? t : undefined));
        if (target === undefined) issues.push(`organization.${field}.${i}.targets.${j}: ${t} is neither "Root", an OU name nor an account id`);
        else (org.attachments[target] ??= []).push(id);
      });
    });
  };
  seedPolicies(seed.scps, 'SERVICE_CONTROL_POLICY', 'scps');
  seedPolicies(seed.rcps, 'RESOURCE_CONTROL_POLICY', 'rcps');
  return org;
}
