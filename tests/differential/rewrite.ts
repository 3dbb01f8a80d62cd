/**
 * Rewrites of a case that remove one divergent feature while keeping the decision the AWS
 * documentation gives. A listed divergence is only accepted for a case when, after its rewrite,
 * our decision is unchanged and iam-simulate agrees with it: the rewrite proves that this
 * divergence, and nothing else, explains the disagreement.
 */
import type { AuthorizeInput } from '../../src/sim/authz/types.ts';
import { asList, baseOperator } from './inspect.ts';

type Doc = Record<string, unknown>;
type StatementFn = (statement: Doc, version: unknown) => Doc;

function isRecord(v: unknown): v is Doc {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function mapDoc(doc: unknown, fn: StatementFn): unknown {
  if (!isRecord(doc)) return doc;
  const st = doc['Statement'];
  const mapped = Array.isArray(st)
    ? st.map((s) => (isRecord(s) ? fn({ ...s }, doc['Version']) : s))
    : isRecord(st)
      ? fn({ ...st }, doc['Version'])
      : st;
  return { ...doc, Statement: mapped };
}

/** Applies `fn` to a copy of every statement of every policy in the case. */
export function mapStatements(input: AuthorizeInput, fn: StatementFn): AuthorizeInput {
  const p = input.policies;
  const one = (d: unknown): unknown => mapDoc(d, fn);
  const policies = { ...p };
  if (p.identity) policies.identity = p.identity.map(one);
  if (p.scp) policies.scp = p.scp.map(one);
  if (p.rcp) policies.rcp = p.rcp.map(one);
  if (p.resource) policies.resource = one(p.resource);
  if (p.trust) policies.trust = one(p.trust);
  if (p.boundary) policies.boundary = one(p.boundary);
  if (p.session) policies.session = one(p.session);
  return { ...input, policies };
}

export type ConditionFn = (operator: string, key: string, values: string[], version: unknown) => string[] | null;

/** Rewrites condition values; returning `null` removes the key's entry (an entry that is always true). */
export function mapConditions(input: AuthorizeInput, fn: ConditionFn): AuthorizeInput {
  return mapStatements(input, (st, version) => {
    const block = st['Condition'];
    if (!isRecord(block)) return st;
    const next: Doc = {};
    for (const [op, byKey] of Object.entries(block)) {
      if (!isRecord(byKey)) continue;
      const entries: Doc = {};
      for (const [key, values] of Object.entries(byKey)) {
        const out = fn(op, key, asList(values).map(String), version);
        if (out !== null) entries[key] = out;
      }
      if (Object.keys(entries).length > 0) next[op] = entries;
    }
    if (Object.keys(next).length > 0) st['Condition'] = next;
    else delete st['Condition'];
    return st;
  });
}

/** Rewrites request-context values of the given keys (case-insensitive). */
export function mapContext(input: AuthorizeInput, keys: ReadonlySet<string>, fn: (v: string) => string): AuthorizeInput {
  const ctx = input.request.context;
  if (!ctx) return input;
  const next: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(ctx)) {
    next[k] = keys.has(k.toLowerCase()) ? (Array.isArray(v) ? v.map(fn) : fn(v)) : v;
  }
  return { ...input, request: { ...input.request, context: next } };
}

/** Epoch seconds → ISO 8601 (other values unchanged). */
export function epochToIso(v: string): string {
  return /^\d+$/.test(v.trim()) ? new Date(Number(v) * 1000).toISOString().replace('.000Z', 'Z') : v;
}

/** Keys tested with a Date operator anywhere in the case (lower-cased). */
export function dateKeys(input: AuthorizeInput): Set<string> {
  const keys = new Set<string>();
  mapConditions(input, (op, key, values) => {
    if (/^Date/i.test(baseOperator(op))) keys.add(key.toLowerCase());
    return values;
  });
  return keys;
}

/** A value no request in the generated world carries and that holds no wildcard. */
export const NEVER_MATCHES = 'no-such-value-0f3c';
/** A context key no generated request carries. */
export const ABSENT_KEY = 'aws:RequestTag/absent-0f3c';
/** An ARN that matches no resource of the generated world. */
export const NO_RESOURCE = 'arn:aws:s3:::no-such-bucket-0f3c';
