/**
 * The organization policies in force, level by level from the root down to the account, as the
 * decision API takes them (`policies.scp` / `policies.rcp`: every level must allow).
 *
 * RCPs bound what anyone may do to the resources of member accounts, whoever the caller is;
 * they do not apply to resources of the management account (Organizations User Guide,
 * "Resource control policies"). SCPs, bounding principals, are found by `scpsFor` in
 * principal.ts with the same walk.
 */
import type { OrgPolicyType } from '../../world/org-types.ts';
import type { World } from '../../world/types.ts';
import { foldDocuments } from '../policy-docs.ts';

/** Root, OUs and the account itself, top-down; undefined when the account is in no organization. */
export function orgLevels(world: World, accountId: string): string[] | undefined {
  const org = world.organization;
  const parent = org?.accountParents[accountId];
  if (org === null || org === undefined || parent === undefined) return undefined;
  const chain: string[] = [accountId];
  let node: string | undefined = parent;
  for (let guard = 0; node !== undefined && guard < 10; guard++) {
    chain.unshift(node);
    node = node === org.rootId ? undefined : org.ous[node]?.parentId;
  }
  return chain;
}

/** One document per level of the policies of `type` attached along the account's path. */
export function policiesByLevel(world: World, accountId: string, type: OrgPolicyType): string[] | undefined {
  const org = world.organization;
  const levels = orgLevels(world, accountId);
  if (org === null || levels === undefined || !org.enabledPolicyTypes.includes(type)) return undefined;
  return levels.map((target) => {
    const texts = (org.attachments[target] ?? []).flatMap((id) => {
      const p = org.policies[id];
      return p !== undefined && p.type === type ? [p.content] : [];
    });
    // A level with nothing attached allows nothing (AWS never lets that happen; a seed could).
    return foldDocuments(texts) ?? JSON.stringify({ Version: '2012-10-17', Statement: [] });
  });
}

/** The RCPs bounding requests to resources of `resourceAccount`, or undefined when none apply. */
export function rcpsFor(world: World, resourceAccount: string | undefined): string[] | undefined {
  if (resourceAccount === undefined || resourceAccount === '' || world.organization?.managementAccountId === resourceAccount) return undefined;
  return policiesByLevel(world, resourceAccount, 'RESOURCE_CONTROL_POLICY');
}
