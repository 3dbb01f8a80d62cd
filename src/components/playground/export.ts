/**
 * The Playground as it is now, for "Run it on real AWS": the Playground's starting world, then
 * the commands typed in its terminal, then every document that differs from the start set to its
 * final text (an editor change or a terminal one), so the real accounts end where the simulated
 * ones are. Loaded with the export panel, never with the page.
 */
import type { EditStep, ExportEdit, ExportInput } from '../../exercises/export/index.ts';
// From model.ts, not the index: this module rides in the Playground's runtime chunk, and the
// generator itself loads only when the export panel opens.
import { BUCKET_SUFFIX_TOKEN } from '../../exercises/export/model.ts';
import { shellWord } from '../../exercises/export/shell.ts';
import { addPermissionArgs, cannotAddComment } from '../../exercises/export/function-policy.ts';
import { statementIds } from '../../sim/services/lambda/statement-ids.ts';
import { canonicalJson } from '../../sim/world/canonical-json.ts';
import { createWorldUnchecked } from '../../sim/world/create-unchecked.ts';
import { worldSeedSchema } from '../../sim/world/seed-schema.ts';
import type { World } from '../../sim/world/types.ts';
import { worldDocuments } from './documents.ts';
import { PLAYGROUND_WORLD } from './world.ts';

type EditArgs = NonNullable<ExportEdit['apply']>['args'];

/**
 * A function policy's statements by Sid (one without gets the id the simulator stored it under,
 * statementIds), each with its position from 1; null when the text is not a JSON object. An empty text
 * is a function without a policy.
 */
function statementsBySid(
  text: string,
): Map<string, { n: number; st: Record<string, unknown> }> | null {
  let doc: unknown = {};
  if (text.trim() !== '') {
    try {
      doc = JSON.parse(text);
    } catch {
      return null;
    }
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
  const raw = (doc as { Statement?: unknown }).Statement;
  const list: unknown[] = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const out = new Map<string, { n: number; st: Record<string, unknown> }>();
  statementIds(list).forEach((sid, i) => {
    const item = list[i];
    const st = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    out.set(sid, { n: i + 1, st });
  });
  return out;
}

/**
 * The commands that turn the function policy `original` into `text` on real AWS, where it
 * changes one statement at a time: remove-permission for each Sid deleted, changed or new, then
 * add-permission for each new or changed statement (a MANUAL STEP for one it cannot express).
 * The removals may find nothing to remove (a new Sid, or a statement the learner's own terminal
 * commands already removed), so they end in `|| true`; removing a new Sid first means an
 * add-permission the terminal already ran is not refused as a duplicate. Null when either text
 * is not a policy, so there is nothing to compare.
 */
function permissionSteps(
  functionName: string,
  region: string,
  original: string,
  text: string,
): EditStep[] | null {
  const before = statementsBySid(original);
  const after = statementsBySid(text);
  if (before === null || after === null) return null;
  const same = (sid: string) => {
    const a = before.get(sid);
    const b = after.get(sid);
    return a !== undefined && b !== undefined && canonicalJson(a.st) === canonicalJson(b.st);
  };
  const steps: EditStep[] = [];
  for (const sid of new Set([...before.keys(), ...after.keys()]))
    if (!same(sid))
      steps.push({
        service: 'lambda',
        command: 'remove-permission',
        args: [
          ['--function-name', functionName],
          ['--statement-id', sid],
          ['--region', region],
        ],
        suffix: '|| true',
      });
  for (const [sid, { n, st }] of after) {
    if (same(sid)) continue;
    // Values keep the simulator's ids: editsSection templates them.
    const args = addPermissionArgs({ ...st, Sid: sid }, (t) => t);
    if (typeof args === 'string') steps.push({ comment: cannotAddComment(n, args, st) });
    else
      steps.push({
        service: 'lambda',
        command: 'add-permission',
        args: [['--function-name', functionName], ...args, ['--region', region]],
      });
  }
  return steps;
}

/**
 * The command that sets one changed document, from its Playground id (documents.ts). `original`
 * is the document's text in the starting world ('' when it had none): a function policy is set by
 * the statements that differ from it.
 */
export function editFor(world: World, id: string, text: string, original = ''): ExportEdit | null {
  const [kind = '', ...rest] = id.split(':');
  const [account = '', name = '', policy = ''] = rest;
  const set = (
    label: string,
    service: string,
    command: string,
    args: EditArgs,
    documentOption: string,
  ): ExportEdit => ({
    account,
    label,
    text,
    apply: { service, command, args, documentOption },
  });
  switch (kind) {
    case 'trust':
      return set(
        `trust-${name}`,
        'iam',
        'update-assume-role-policy',
        [['--role-name', name]],
        '--policy-document',
      );
    case 'role-inline':
      return set(
        `${name}-${policy}`,
        'iam',
        'put-role-policy',
        [
          ['--role-name', name],
          ['--policy-name', policy],
        ],
        '--policy-document',
      );
    case 'user-inline':
      return set(
        `${name}-${policy}`,
        'iam',
        'put-user-policy',
        [
          ['--user-name', name],
          ['--policy-name', policy],
        ],
        '--policy-document',
      );
    case 'group-inline':
      return set(
        `${name}-${policy}`,
        'iam',
        'put-group-policy',
        [
          ['--group-name', name],
          ['--policy-name', policy],
        ],
        '--policy-document',
      );
    case 'managed': {
      const arn = id.slice('managed:'.length);
      const owner = /^arn:aws:iam::(\d{12}):/.exec(arn)?.[1] ?? '';
      const policyName = arn.slice(arn.lastIndexOf('/') + 1);
      return {
        account: owner,
        label: policyName,
        text,
        apply: {
          service: 'iam',
          command: 'create-policy-version',
          args: [['--policy-arn', arn], '--set-as-default'],
          documentOption: '--policy-document',
        },
        note: `A new default version of ${policyName}: before cleanup.sh deletes the policy, delete its other versions (aws iam list-policy-versions, delete-policy-version).`,
      };
    }
    case 'bucket': {
      const bucket = id.slice('bucket:'.length);
      const owner = world.s3.buckets[bucket]?.ownerAccountId ?? '';
      return {
        account: owner,
        label: `bucket-${bucket}`,
        text,
        apply: {
          service: 's3api',
          command: 'put-bucket-policy',
          args: [['--bucket', `${bucket}${BUCKET_SUFFIX_TOKEN}`]],
          documentOption: '--policy',
        },
      };
    }
    case 'lambda': {
      const arn = id.slice('lambda:'.length);
      const fn = world.lambda.functions[arn];
      const edit = {
        account: fn?.accountId ?? '',
        label: `function-policy-${fn?.functionName ?? 'function'}`,
        text,
      };
      const steps =
        fn === undefined ? null : permissionSteps(fn.functionName, fn.region, original, text);
      if (steps === null)
        return {
          ...edit,
          note: `A function's resource-based policy is built one statement at a time: run aws lambda add-permission --function-name ${fn?.functionName ?? '<name>'} for each statement of this document (remove-permission for ones you deleted).`,
        };
      return {
        ...edit,
        steps,
        note: 'Your function policy, one statement at a time (the Lambda API has no "put policy"): remove-permission for each statement you deleted, changed or added (it may find nothing to remove: that is fine), then add-permission for each new or changed one.',
      };
    }
    case 'org': {
      const policyId = id.slice('org:'.length);
      const p = world.organization?.policies[policyId];
      if (p === undefined || world.organization === null) return null;
      const type = p.type;
      // The real organization gives the policy another id: build.sh created it under the same
      // name, so the id is looked up by name just before the update.
      const variable = `POLICY_ID_${p.name.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
      const query = `Policies[?Name==\`${JSON.stringify(p.name)}\`].Id | [0]`;
      return {
        account: world.organization.managementAccountId,
        label: `${type === 'SERVICE_CONTROL_POLICY' ? 'scp' : 'rcp'}-${p.name}`,
        text,
        before: `${variable}="$(aws organizations list-policies --filter ${type} --query ${shellWord(query)} --output text)"`,
        apply: {
          service: 'organizations',
          command: 'update-policy',
          args: [`--policy-id "$${variable}"`],
          documentOption: '--content',
        },
      };
    }
    default:
      return null;
  }
}

/**
 * The export input for the Playground's state: its seed, the commands typed (from the terminal's
 * history, oldest first) and the changed documents by Playground id (share.ts `changedDocuments`).
 */
export function playgroundExportInput(
  world: World,
  history: readonly string[],
  changed: Readonly<Record<string, string>>,
): ExportInput {
  const seed = worldSeedSchema.parse(PLAYGROUND_WORLD);
  // build.sh starts from the seed, so a document's original is its text in the seed's world.
  const start = new Map(worldDocuments(createWorldUnchecked(seed)).map((d) => [d.id, d.text]));
  const finalEdits = Object.keys(changed)
    .sort()
    .map((id) => editFor(world, id, changed[id] ?? '', start.get(id)))
    .filter((e): e is ExportEdit => e !== null);
  return {
    title: 'Rolelab Playground',
    seed,
    documents: [],
    terminalCommands: history.join('\n'),
    finalEdits,
  };
}
