/**
 * The world an export describes: the exercise's seed with the learner's documents put where the
 * grader installs them, and the placeholders that stand for what differs on a real account
 * (account ids, a suffix making bucket names globally unique).
 *
 * Every string the generators emit is a *template*: real text with `{{ACCOUNT_1}}`-style
 * tokens. The CLI script turns a token into a shell variable, the CloudFormation template into
 * a parameter of `Fn::Sub` — so the simulator's made-up ids never reach a real account silently.
 */
import type { ParsedWorldSeed, SeedAccount } from '../../sim/world/seed-schema.ts';
import type { Editable, EditableKind, Target } from '../schema.ts';

/** A document the learner wrote (or the starter), and where it goes. */
export interface ExportDocument {
  /** The editable id (names files and the boundary policy `rolelab-<id>`). */
  id: string;
  kind: EditableKind;
  target: Target;
  text: string;
}

/** A Lambda function policy written as a whole document (the Lambda API only adds statements). */
export interface LambdaPolicyDoc {
  account: string;
  functionName: string;
  text: string;
}

/** A session policy passed with AssumeRole of a role. */
export interface SessionPolicyDoc {
  account: string;
  role: string;
  text: string;
}

/** The seed with the documents applied, plus what the seed format has no place for. */
export interface ExportModel {
  seed: ParsedWorldSeed;
  lambdaPolicies: LambdaPolicyDoc[];
  sessionPolicies: SessionPolicyDoc[];
  /** Simulator account id → 1-based index used in variable names (ACCOUNT_1, Account1Id). */
  accountIndex: Map<string, number>;
  /** Bucket names of the world (they get the suffix). */
  bucketNames: string[];
}

/** The token for account number `n`. */
export const accountToken = (n: number): string => `{{ACCOUNT_${n}}}`;
/** The token for the bucket suffix. */
export const BUCKET_SUFFIX_TOKEN = '{{BUCKET_SUFFIX}}';
/** Matches any token; group 1 is its name. */
export const TOKEN_PATTERN = /\{\{(ACCOUNT_\d+|BUCKET_SUFFIX)\}\}/g;

/** A document as text, keeping the author's formatting when it was written as text. */
export function docText(doc: string | Record<string, unknown>): string {
  return typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2);
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function accountOf(seed: ParsedWorldSeed, id: string | undefined): SeedAccount | undefined {
  return id === undefined ? seed.accounts[0] : seed.accounts.find((a) => a.id === id);
}

/**
 * Puts each document into a copy of the seed exactly where `installDocuments` would install it
 * (a boundary becomes the customer managed policy `rolelab-<id>`, an SCP joins the
 * organization's SCPs). Documents whose target is missing from the seed are returned in
 * `unplaced` so the caller can say so instead of dropping them.
 */
export function buildModel(
  input: ParsedWorldSeed,
  documents: readonly ExportDocument[],
): { model: ExportModel; unplaced: ExportDocument[] } {
  const seed = clone(input);
  const lambdaPolicies: LambdaPolicyDoc[] = [];
  const sessionPolicies: SessionPolicyDoc[] = [];
  const unplaced: ExportDocument[] = [];
  for (const d of documents) {
    const t = d.target;
    if ('scp' in t) {
      if (seed.organization === undefined) unplaced.push(d);
      else
        (seed.organization.scps ??= []).push({
          name: t.scp,
          document: d.text,
          targets: [t.attachTo],
        });
      continue;
    }
    if ('bucket' in t) {
      const bucket = seed.accounts.flatMap((a) => a.buckets ?? []).find((b) => b.name === t.bucket);
      if (bucket === undefined) unplaced.push(d);
      else bucket.policy = d.text;
      continue;
    }
    const account = accountOf(seed, t.account);
    if (account === undefined) {
      unplaced.push(d);
      continue;
    }
    if ('sessionPolicyFor' in t) {
      sessionPolicies.push({ account: account.id, role: t.sessionPolicyFor, text: d.text });
      continue;
    }
    if ('lambdaFunction' in t) {
      if ((account.functions ?? []).some((f) => f.name === t.lambdaFunction))
        lambdaPolicies.push({ account: account.id, functionName: t.lambdaFunction, text: d.text });
      else unplaced.push(d);
      continue;
    }
    const holder =
      'role' in t
        ? account.roles?.find((r) => r.name === t.role)
        : account.users?.find((u) => u.name === t.user);
    if (holder === undefined) {
      unplaced.push(d);
      continue;
    }
    if ('trust' in t && 'trustPolicy' in holder) holder.trustPolicy = d.text;
    else if ('policyName' in t) (holder.inlinePolicies ??= {})[t.policyName] = d.text;
    else if ('boundary' in t) {
      const name = `rolelab-${d.id}`;
      (account.policies ??= []).push({ name, document: d.text });
      holder.boundary = name;
    }
  }
  const accountIndex = new Map(seed.accounts.map((a, i) => [a.id, i + 1] as const));
  const bucketNames = seed.accounts.flatMap((a) => (a.buckets ?? []).map((b) => b.name));
  return { model: { seed, lambdaPolicies, sessionPolicies, accountIndex, bucketNames }, unplaced };
}

/** The documents of an exercise as the grader would take them (read-only ones as written). */
export function exerciseDocuments(
  editables: readonly Editable[],
  texts: Readonly<Record<string, string>>,
): ExportDocument[] {
  return editables.map((e) => ({
    id: e.id,
    kind: e.kind,
    target: e.target,
    text: e.readOnly === true ? e.starter : (texts[e.id] ?? e.starter),
  }));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces the simulator's account ids and bucket names in `text` with tokens. An account id is
 * replaced only as a whole 12-digit number; a bucket name only inside an S3 ARN (`arn:aws:s3:::`
 * then the name, ending there or at `/`), so a Sid or a role that happens to share a bucket's name
 * is left alone.
 */
export function templated(model: ExportModel, text: string): string {
  let out = text;
  for (const [id, n] of model.accountIndex)
    out = out.replace(new RegExp(`(?<!\\d)${id}(?!\\d)`, 'g'), accountToken(n));
  for (const b of [...model.bucketNames].sort((x, y) => y.length - x.length))
    out = out.replace(
      new RegExp(`(arn:aws:s3:::)${escapeRegExp(b)}(?![a-z0-9.-])`, 'g'),
      `$1${b}${BUCKET_SUFFIX_TOKEN}`,
    );
  return out;
}

/** The account token of a simulator account id. */
export function accountRef(model: ExportModel, id: string): string {
  return accountToken(model.accountIndex.get(id) ?? 1);
}

/** A bucket name with the suffix token. */
export function bucketRef(name: string): string {
  return `${name}${BUCKET_SUFFIX_TOKEN}`;
}

/** A file-system-safe slug for file names. */
export function fileSlug(...parts: string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
