/** Builds the Organization part of a world from a seed. */
import { orgIdPart } from './ids.ts';
import type { Organization, OrgPolicy } from './org-types.ts';
import type { ParsedWorldSeed } from './seed-schema.ts';
import type { World } from './types.ts';

/** The AWS managed SCP attached everywhere when SCPs are enabled (its real id is `p-FullAWSAccess`). */
export const FULL_AWS_ACCESS: OrgPolicy = {
  id: 'p-FullAWSAccess',
  name: 'FullAWSAccess',
  type: 'SERVICE_CONTROL_POLICY',
  content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, null, 2),
  awsManaged: true,
};

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
  for (const id of Object.keys(world.accounts)) org.accountParents[id] = rootId;
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
      else org.accountParents[acct] = id;
    });
  });
  const scpOn = seed.scpEnabled ?? (seed.scps !== undefined && seed.scps.length > 0);
  if (scpOn) {
    org.enabledPolicyTypes.push('SERVICE_CONTROL_POLICY');
    org.policies[FULL_AWS_ACCESS.id] = FULL_AWS_ACCESS;
    for (const target of [rootId, ...Object.keys(org.ous), ...Object.keys(world.accounts)]) org.attachments[target] = [FULL_AWS_ACCESS.id];
  }
  (seed.scps ?? []).forEach((scp, i) => {
    const id = `p-${orgIdPart(ids, 8)}`;
    const content = typeof scp.document === 'string' ? scp.document : JSON.stringify(scp.document, null, 2);
    org.policies[id] = { id, name: scp.name, type: 'SERVICE_CONTROL_POLICY', content, awsManaged: false };
    scp.targets.forEach((t, j) => {
      const target = t === 'Root' ? rootId : (byName.get(t) ?? (world.accounts[t] !== undefined ? t : undefined));
      if (target === undefined) issues.push(`organization.scps.${i}.targets.${j}: ${t} is neither "Root", an OU name nor an account id`);
      else (org.attachments[target] ??= []).push(id);
    });
  });
  return org;
}
