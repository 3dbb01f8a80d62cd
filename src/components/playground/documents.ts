/**
 * Every policy document in a world, listed for the Playground's editors, and writing an edited
 * document back. A document is identified by a stable id that names where it lives
 * (`trust:<account>:<role>`, `bucket:<name>`, …), so a shared link can name the same document in
 * a fresh world. Applying checks the text with the simulator's parser for the document's kind
 * (and S3's own checks for a bucket policy) and changes nothing when it is rejected.
 */
import { STATEMENT_ELEMENTS } from '../../sim/policy/elements.ts';
import { parsePolicy } from '../../sim/policy/parse.ts';
import type { PolicyKind } from '../../sim/policy/types.ts';
import type { World } from '../../sim/world/types.ts';
import type { FunctionPolicyStatement } from '../../sim/world/lambda-types.ts';
import { checkBucketPolicy } from '../../sim/services/s3/bucket-policy.ts';
import { effectivePublicAccessBlock } from '../../sim/services/s3/access.ts';
import { functionPolicyText } from '../../sim/services/lambda/common.ts';
import { withStatementIds } from '../../sim/services/lambda/statement-ids.ts';

/** One policy document of the world. */
export interface WorldDocument {
  /** Stable id, e.g. `trust:333333333333:DeployRole`. */
  id: string;
  /** The parser kind, which decides the editor's checks. */
  kind: PolicyKind;
  /** What it is, in words: `Trust policy of role DeployRole`. */
  label: string;
  /** The account it belongs to (the bucket owner, the organization's management account for SCPs). */
  account: string;
  /** The document's current text. */
  text: string;
}

/** Why an edit was not applied: one sentence per problem. */
export type ApplyOutcome = { ok: true } | { ok: false; problems: string[] };

/** The order AWS writes a statement's elements in (the parser's list); a restored world has its keys sorted instead. */
const AWS_ORDER: readonly string[] = STATEMENT_ELEMENTS;

/** A function policy as an editable document, its statements' elements in AWS's order whatever order they are stored in. */
function functionPolicyDocument(text: string | null): string {
  if (text === null) return '';
  try {
    const doc = JSON.parse(text) as { Statement?: Record<string, unknown>[] };
    const statements = (doc.Statement ?? []).map((st) => {
      const keys = Object.keys(st).sort(
        (a, b) => (AWS_ORDER.indexOf(a) + 1 || 99) - (AWS_ORDER.indexOf(b) + 1 || 99),
      );
      return Object.fromEntries(keys.map((k) => [k, st[k]]));
    });
    return `${JSON.stringify({ ...doc, Statement: statements }, null, 2)}\n`;
  } catch {
    return text;
  }
}

/** Every editable policy document, grouped by account in account order, then by kind. */
export function worldDocuments(world: World): WorldDocument[] {
  const docs: WorldDocument[] = [];
  const boundaries = new Set<string>();
  for (const account of Object.values(world.accounts)) {
    for (const u of Object.values(account.iam.users))
      if (u.permissionsBoundary !== null) boundaries.add(u.permissionsBoundary);
    for (const r of Object.values(account.iam.roles))
      if (r.permissionsBoundary !== null) boundaries.add(r.permissionsBoundary);
  }
  const org = world.organization;
  for (const id of Object.keys(world.accounts).sort()) {
    const { iam } = world.accounts[id] as World['accounts'][string];
    for (const name of Object.keys(iam.roles).sort()) {
      const role = iam.roles[name];
      if (role === undefined) continue;
      docs.push({
        id: `trust:${id}:${name}`,
        kind: 'role-trust',
        label: `Trust policy of role ${name}`,
        account: id,
        text: role.assumeRolePolicyDocument,
      });
      for (const p of Object.keys(role.inlinePolicies).sort()) {
        docs.push({
          id: `role-inline:${id}:${name}:${p}`,
          kind: 'identity',
          label: `Inline policy ${p} of role ${name}`,
          account: id,
          text: role.inlinePolicies[p] ?? '',
        });
      }
    }
    for (const name of Object.keys(iam.users).sort()) {
      const user = iam.users[name];
      for (const p of Object.keys(user?.inlinePolicies ?? {}).sort()) {
        docs.push({
          id: `user-inline:${id}:${name}:${p}`,
          kind: 'identity',
          label: `Inline policy ${p} of user ${name}`,
          account: id,
          text: user?.inlinePolicies[p] ?? '',
        });
      }
    }
    for (const name of Object.keys(iam.groups).sort()) {
      const group = iam.groups[name];
      for (const p of Object.keys(group?.inlinePolicies ?? {}).sort()) {
        docs.push({
          id: `group-inline:${id}:${name}:${p}`,
          kind: 'identity',
          label: `Inline policy ${p} of group ${name}`,
          account: id,
          text: group?.inlinePolicies[p] ?? '',
        });
      }
    }
    for (const name of Object.keys(iam.policies).sort()) {
      const policy = iam.policies[name];
      if (policy === undefined) continue;
      const version = policy.versions.find((v) => v.versionId === policy.defaultVersionId);
      if (version === undefined) continue;
      const boundary = boundaries.has(policy.arn);
      docs.push({
        id: `managed:${policy.arn}`,
        kind: boundary ? 'boundary' : 'identity',
        label: `Managed policy ${policy.policyName}${boundary ? ' (a permissions boundary)' : ''}`,
        account: id,
        text: version.document,
      });
    }
    for (const name of Object.keys(world.s3.buckets).sort()) {
      const bucket = world.s3.buckets[name];
      if (bucket === undefined || bucket.ownerAccountId !== id) continue;
      docs.push({
        id: `bucket:${name}`,
        kind: 's3-bucket',
        label: `Bucket policy of ${name}`,
        account: id,
        text: bucket.policy ?? '',
      });
    }
    for (const arn of Object.keys(world.lambda.functions).sort()) {
      const fn = world.lambda.functions[arn];
      if (fn === undefined || fn.accountId !== id) continue;
      docs.push({
        id: `lambda:${arn}`,
        kind: 'lambda-function',
        label: `Resource policy of function ${fn.functionName}`,
        account: id,
        text: functionPolicyDocument(functionPolicyText(fn)),
      });
    }
    if (org !== null && org.managementAccountId === id) {
      for (const pid of Object.keys(org.policies).sort()) {
        const p = org.policies[pid];
        if (p === undefined || p.awsManaged) continue;
        const scp = p.type === 'SERVICE_CONTROL_POLICY';
        docs.push({
          id: `org:${pid}`,
          kind: scp ? 'scp' : 'rcp',
          label: `${scp ? 'SCP' : 'RCP'} ${p.name}`,
          account: id,
          text: p.content,
        });
      }
    }
  }
  return docs;
}

/** The parser's errors for `text` as `kind`, one sentence each with its line. */
export function documentProblems(text: string, kind: PolicyKind): string[] {
  const parsed = parsePolicy(text, kind);
  return parsed.issues
    .filter((i) => i.severity === 'error')
    .map((i) => `Line ${i.range.startLine}: ${i.message}`);
}

/**
 * Writes `text` into the document `id` of `world` when it is a valid document of its kind;
 * otherwise changes nothing and says why.
 */
export function applyDocument(world: World, id: string, text: string): ApplyOutcome {
  const doc = worldDocuments(world).find((d) => d.id === id);
  if (doc === undefined)
    return {
      ok: false,
      problems: [
        `The world has no document "${id}" any more (it may have been deleted in the terminal).`,
      ],
    };
  if (doc.kind === 's3-bucket' && text.trim() === '') {
    // An empty bucket policy means "no policy", as DeleteBucketPolicy leaves it.
    const bucket = world.s3.buckets[id.slice('bucket:'.length)];
    if (bucket !== undefined) bucket.policy = null;
    return { ok: true };
  }
  if (doc.kind === 'lambda-function' && text.trim() === '') {
    const fn = world.lambda.functions[id.slice('lambda:'.length)];
    if (fn !== undefined) fn.policy = [];
    return { ok: true };
  }
  const problems = documentProblems(text, doc.kind);
  if (problems.length > 0) return { ok: false, problems };
  const [type, ...rest] = id.split(':');
  const account = world.accounts[doc.account];
  switch (type) {
    case 'trust':
    case 'role-inline': {
      const [, roleName, policyName] = rest;
      const role = account?.iam.roles[roleName ?? ''];
      if (role === undefined) break;
      if (type === 'trust') role.assumeRolePolicyDocument = text;
      else role.inlinePolicies[policyName ?? ''] = text;
      return { ok: true };
    }
    case 'user-inline': {
      const user = account?.iam.users[rest[1] ?? ''];
      if (user === undefined) break;
      user.inlinePolicies[rest[2] ?? ''] = text;
      return { ok: true };
    }
    case 'group-inline': {
      const group = account?.iam.groups[rest[1] ?? ''];
      if (group === undefined) break;
      group.inlinePolicies[rest[2] ?? ''] = text;
      return { ok: true };
    }
    case 'managed': {
      const arn = rest.join(':');
      const policy = Object.values(account?.iam.policies ?? {}).find((p) => p.arn === arn);
      const version = policy?.versions.find((v) => v.versionId === policy.defaultVersionId);
      if (version === undefined) break;
      version.document = text;
      return { ok: true };
    }
    case 'bucket': {
      const name = rest.join(':');
      const bucket = world.s3.buckets[name];
      if (bucket === undefined) break;
      const s3 = checkBucketPolicy(text, name);
      if ('error' in s3)
        return { ok: false, problems: [`S3 refuses this policy: ${s3.error.message}`] };
      if (s3.public && effectivePublicAccessBlock(world, bucket).BlockPublicPolicy === true) {
        return {
          ok: false,
          problems: [
            'S3 refuses this policy: it makes the bucket public and Block Public Access (BlockPublicPolicy) is on for it.',
          ],
        };
      }
      bucket.policy = text;
      return { ok: true };
    }
    case 'lambda': {
      const fn = world.lambda.functions[rest.join(':')];
      if (fn === undefined) break;
      const statements = (JSON.parse(text) as { Statement?: unknown }).Statement;
      // Checked as a function policy before it got here.
      const list = (
        Array.isArray(statements) ? statements : [statements]
      ) as FunctionPolicyStatement[];
      // Lambda keeps a StatementId on every statement (AddPermission sets one), and the export
      // adds each statement under this id, so the terminal and the export name it alike.
      fn.policy = withStatementIds(list);
      return { ok: true };
    }
    case 'org': {
      const policy = world.organization?.policies[rest.join(':')];
      if (policy === undefined) break;
      policy.content = text;
      return { ok: true };
    }
    default:
      break;
  }
  return { ok: false, problems: [`The document "${id}" could not be written.`] };
}
