/**
 * Small read-only helpers over an `AuthorizeInput`'s policy documents, for the divergence
 * predicates: statements, their conditions, principals, and policy-variable resolution.
 */
import type { AuthorizeInput } from '../../src/sim/authz/types.ts';
import { principalContext, principalKind } from './adapter.ts';

export type Source = 'identity' | 'resource' | 'trust' | 'boundary' | 'session' | 'scp' | 'rcp';

export interface StatementRef {
  source: Source;
  /** The document's Version element (variables only resolve with 2012-10-17). */
  version: unknown;
  statement: Record<string, unknown>;
}

export interface ConditionRef extends StatementRef {
  operator: string;
  key: string;
  values: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function asList(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

export function statements(input: AuthorizeInput): StatementRef[] {
  const p = input.policies;
  const docs: [Source, unknown][] = [
    ...(p.identity ?? []).map((d): [Source, unknown] => ['identity', d]),
    ['resource', p.resource],
    ['trust', p.trust],
    ['boundary', p.boundary],
    ['session', p.session],
    ...(p.scp ?? []).map((d): [Source, unknown] => ['scp', d]),
    ...(p.rcp ?? []).map((d): [Source, unknown] => ['rcp', d]),
  ];
  const out: StatementRef[] = [];
  for (const [source, doc] of docs) {
    if (!isRecord(doc)) continue;
    for (const st of asList(doc['Statement'])) {
      if (isRecord(st)) out.push({ source, version: doc['Version'], statement: st });
    }
  }
  return out;
}

export function conditions(input: AuthorizeInput): ConditionRef[] {
  const out: ConditionRef[] = [];
  for (const ref of statements(input)) {
    const block = ref.statement['Condition'];
    if (!isRecord(block)) continue;
    for (const [operator, byKey] of Object.entries(block)) {
      if (!isRecord(byKey)) continue;
      for (const [key, values] of Object.entries(byKey)) {
        out.push({ ...ref, operator, key, values: asList(values).map(String) });
      }
    }
  }
  return out;
}

/** `ForAnyValue:StringNotLikeIfExists` → `StringNotLike`. */
export function baseOperator(operator: string): string {
  return operator.replace(/^For(Any|All)Values?:/i, '').replace(/IfExists$/i, '');
}

/** The request value of a context key (case-insensitive), principal-derived keys included. */
export function requestValue(input: AuthorizeInput, key: string): string | string[] | undefined {
  const lower = key.toLowerCase();
  const all = { ...principalContext(input.principal), ...(input.request.context ?? {}) };
  for (const [k, v] of Object.entries(all)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

const SPECIAL = new Set(['*', '?', '$']);

/** True when `value` holds a `${…}` variable that the request cannot resolve (and variables are on). */
export function hasUnresolvedVariable(input: AuthorizeInput, value: string, version: unknown): boolean {
  if (version !== '2012-10-17') return false;
  for (const m of value.matchAll(/\$\{([^}]*)\}/g)) {
    const name = (m[1] ?? '').split(',')[0]?.trim() ?? '';
    if (SPECIAL.has(name)) continue;
    if (/,\s*'/.test(m[1] ?? '')) continue; // a default value always resolves
    if (requestValue(input, name) === undefined) return true;
  }
  return false;
}

/** The identities AWS checks for the caller, from the account down (NotPrincipal page). */
export function callerIdentities(input: AuthorizeInput): string[] {
  const p = input.principal;
  const account = p.account ?? /^arn:[^:]*:[^:]*::(\d{12}):/.exec(p.arn)?.[1];
  const out: string[] = [];
  if (account) out.push(account);
  if (p.roleArn) out.push(p.roleArn);
  if (p.federatingUserArn) out.push(p.federatingUserArn);
  out.push(p.arn);
  return out;
}

/** Normalises an AWS principal value: a bare account id becomes its root ARN. */
export function normalisePrincipal(value: string): string {
  return /^\d{12}$/.test(value) ? `arn:aws:iam::${value}:root` : value;
}

/** The AWS principal values a Principal/NotPrincipal element lists ("*" for the wildcard). */
export function awsPrincipals(element: unknown): string[] {
  if (element === '*') return ['*'];
  if (!isRecord(element)) return [];
  return asList(element['AWS']).map(String);
}

export function isSession(input: AuthorizeInput): boolean {
  const k = principalKind(input.principal);
  return k === 'AssumedRole' || k === 'FederatedUser';
}
