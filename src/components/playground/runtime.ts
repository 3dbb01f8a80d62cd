/**
 * Everything the Playground island needs from the simulator, loaded in one lazy chunk after the
 * page has rendered: the shared store, the map's facts, the documents, the explorer and links.
 */
import type { World } from '../../sim/world/types.ts';
import type { IamCatalog } from '../../sim/policy/catalog.ts';
import { accountName } from './principals.ts';

export { openStore, freshState, PLAYGROUND_TERMINAL_ID } from './store.ts';
export type { PlaygroundStore } from './store.ts';
export { worldMap } from './map.ts';
export { worldDocuments, applyDocument } from './documents.ts';
export { explore } from './evaluate.ts';
export { principalOptions } from './principals.ts';
export { changedDocuments, encodePlayground, decodePlayground, playgroundShare } from './share.ts';
export type { PlaygroundShare, OpenedPlayground } from './share.ts';
export { playgroundExportInput } from './export.ts';

/** One resource to pick in the explorer. */
export interface ResourceOption {
  arn: string;
  label: string;
}

/** Every resource of the world with an ARN, for the explorer's resource list. */
export function resourceOptions(world: World): ResourceOption[] {
  const out: ResourceOption[] = [];
  for (const id of Object.keys(world.accounts).sort()) {
    const iam = world.accounts[id]?.iam;
    if (iam === undefined) continue;
    const where = accountName(world, id);
    for (const r of Object.values(iam.roles))
      out.push({ arn: r.arn, label: `role ${r.roleName} (${where})` });
    for (const u of Object.values(iam.users))
      out.push({ arn: u.arn, label: `user ${u.userName} (${where})` });
  }
  for (const b of Object.values(world.s3.buckets)) {
    out.push({ arn: `arn:aws:s3:::${b.name}`, label: `bucket ${b.name}` });
    for (const key of Object.keys(b.objects).sort())
      out.push({ arn: `arn:aws:s3:::${b.name}/${key}`, label: `object ${key} in ${b.name}` });
  }
  for (const i of Object.values(world.ec2.instances))
    out.push({
      arn: `arn:aws:ec2:${i.region}:${i.accountId}:instance/${i.instanceId}`,
      label: `instance ${i.instanceId}`,
    });
  for (const f of Object.values(world.lambda.functions))
    out.push({ arn: f.functionArn, label: `function ${f.functionName}` });
  return out;
}

let catalogActions: Promise<string[]> | undefined;
/** Every action of the IAM catalog (`s3:GetObject`, …), loaded once, sorted. */
export function actionNames(): Promise<string[]> {
  catalogActions ??= import('../../generated/iam-catalog.json').then((m) => {
    const catalog = m.default as unknown as IamCatalog;
    return Object.values(catalog.services)
      .flatMap((s) => s.actions.map((a) => `${s.prefix}:${a.name}`))
      .sort();
  });
  return catalogActions;
}
