/**
 * Evaluating one condition clause (`"Operator": {"key": values}`) against the request, with the
 * rules that are the same for every operator family:
 * - values of one key are OR-ed; a negated operator is a NOR (true only when the request value
 *   matches none of them) — IAM "Conditions with multiple context keys or values";
 * - an absent key makes positive operators false and negated ones true; `…IfExists` makes any
 *   operator true — condition-operators page, "Important";
 * - `ForAllValues` is true when the key is absent or empty, `ForAnyValue` false — single- vs
 *   multivalued context keys page. `IfExists` does not rescue `ForAnyValue` on an absent key
 *   (observed behaviour, repost.aws QU9HFmDzP0QGuU-fd7rS6B7w; pinned in tests);
 * - a set operator on a single-valued key treats the value as a one-element set;
 * - a multivalued key without a set operator is compared as a set: a positive operator holds when
 *   some value matches, a negated one when none does.
 * `clauseHolds` is the hot path and builds no strings; `describeClause` builds the explanation
 * only when one is wanted.
 */
import type { ConditionClause } from '../../policy/types.ts';
import type { RequestContext } from '../context.ts';
import { parseTemplate, resolveTemplate } from '../variables.ts';
import { unmarkLiterals } from '../wildcard.ts';
import type { Template } from '../variables.ts';
import { findOperator } from './index.ts';
import type { ConditionOperator } from './types.ts';

/** A clause prepared once per policy: operator looked up, key folded, values prepared. */
export interface CompiledClause {
  clause: ConditionClause;
  /** The condition key lowercased (keys are case-insensitive). */
  keyLower: string;
  /** Undefined when the operator is not one AWS knows: the clause then never holds. */
  op: ConditionOperator | undefined;
  /** Prepared values when none contains a variable; `null` entries can never match. */
  prepared: unknown[] | undefined;
  /** The raw values (strings or templates) when some contain variables: prepared per request. */
  templates: (string | Template)[] | undefined;
  /** The policy values as written, for explanations. */
  texts: string[];
}

/** Prepares a clause. `variables` is true only for `"Version": "2012-10-17"` documents. */
export function compileClause(clause: ConditionClause, variables: boolean): CompiledClause {
  const op = findOperator(clause.operator);
  const keyLower = clause.key.toLowerCase();
  const texts = clause.values.map((v) => v.value);
  if (op === undefined) return { clause, keyLower, op, prepared: [], templates: undefined, texts };
  if (variables && op.variables) {
    const templates = texts.map((v) => parseTemplate(v));
    const plain: string[] = [];
    for (const t of templates) {
      if (typeof t !== 'string') return { clause, keyLower, op, prepared: undefined, templates, texts };
      plain.push(t);
    }
    // No variable to fill, but `${*}`-style specials may have been turned into markers.
    return { clause, keyLower, op, prepared: plain.map((v) => op.prepare(v)), templates: undefined, texts };
  }
  return { clause, keyLower, op, prepared: texts.map((v) => op.prepare(v)), templates: undefined, texts };
}

/** The prepared policy values for this request (resolving variables when there are any). */
function preparedValues(cc: CompiledClause, ctx: RequestContext, op: ConditionOperator): unknown[] {
  if (cc.prepared !== undefined) return cc.prepared;
  const out: unknown[] = [];
  for (const t of cc.templates ?? []) {
    if (typeof t === 'string') {
      out.push(op.prepare(t));
    } else {
      const resolved = resolveTemplate(t, ctx);
      out.push(resolved === null ? null : op.prepare(resolved));
    }
  }
  return out;
}

/** Index of the first policy value the request value matches, or -1. */
function firstMatch(op: ConditionOperator, value: string, prepared: readonly unknown[]): number {
  for (let i = 0; i < prepared.length; i++) {
    const p = prepared[i];
    if (p !== null && op.test(value, p)) return i;
  }
  return -1;
}

/** Whether one request value passes the operator (a negated operator wants no match). */
function passes(op: ConditionOperator, value: string, prepared: readonly unknown[]): boolean {
  const hit = firstMatch(op, value, prepared) >= 0;
  return op.negated ? !hit : hit;
}

const EMPTY: readonly string[] = [];

/** The request values as a set for the set operators: absent and `""` are the empty set. */
function asSet(raw: string | readonly string[] | undefined): readonly string[] {
  if (raw === undefined) return EMPTY;
  if (typeof raw === 'string') return raw === '' ? EMPTY : [raw];
  return raw;
}

/** True when the clause holds for this request. Never throws, builds no strings. */
export function clauseHolds(cc: CompiledClause, ctx: RequestContext): boolean {
  const op = cc.op;
  if (op === undefined) return false;
  const raw = ctx.get(cc.keyLower);
  if (op.family === 'null') {
    const values = preparedValues(cc, ctx, op);
    return firstMatch(op, raw === undefined ? 'true' : 'false', values) >= 0;
  }
  const qualifier = cc.clause.qualifier;
  if (qualifier === undefined) {
    if (raw === undefined) return cc.clause.ifExists || op.negated;
    const values = preparedValues(cc, ctx, op);
    if (typeof raw === 'string') return passes(op, raw, values);
    let some = false;
    for (const v of raw) {
      if (firstMatch(op, v, values) >= 0) {
        some = true;
        break;
      }
    }
    return op.negated ? !some : some;
  }
  const set = asSet(raw);
  if (set.length === 0) return qualifier === 'ForAllValues';
  const values = preparedValues(cc, ctx, op);
  if (qualifier === 'ForAllValues') {
    for (const v of set) if (!passes(op, v, values)) return false;
    return true;
  }
  for (const v of set) if (passes(op, v, values)) return true;
  return false;
}

/** Shows a request value the way a learner reads it: bare, but an empty string as `""`. */
function show(value: string): string {
  return value === '' ? '""' : value;
}

/** The policy values as written (resolved when they hold variables). */
function policyTexts(cc: CompiledClause, ctx: RequestContext): string[] {
  if (cc.templates === undefined) return cc.texts;
  return cc.templates.map((t) => {
    if (typeof t === 'string') return t;
    const resolved = resolveTemplate(t, ctx);
    return resolved === null ? `${t.text} (no value in this request)` : unmarkLiterals(resolved);
  });
}

/** "k v equals p" / "k v does not equal any of a, b" for one request value. */
function comparison(cc: CompiledClause, op: ConditionOperator, value: string, values: readonly unknown[], texts: readonly string[]): string {
  const hit = firstMatch(op, value, values);
  const key = cc.clause.key;
  if (hit >= 0) return `${key} ${show(value)} ${op.says[0]} ${texts[hit] ?? ''}`;
  const list = texts.length === 1 ? (texts[0] ?? '') : `any of ${texts.join(', ')}`;
  return `${key} ${show(value)} ${op.says[1]} ${list}`;
}

/**
 * Explains a clause: what was compared with what, and whether it held, e.g.
 * `aws:SourceIp 198.51.100.7 is not in 203.0.113.0/24`. Pass `holds` when it is already known.
 */
export function describeClause(cc: CompiledClause, ctx: RequestContext, holds: boolean = clauseHolds(cc, ctx)): string {
  const op = cc.op;
  const { key, operatorText } = cc.clause;
  if (op === undefined) return `${operatorText} is not a condition operator AWS knows, so this condition never holds`;
  const verdict = holds ? 'holds' : 'does not hold';
  const raw = ctx.get(cc.keyLower);
  const texts = policyTexts(cc, ctx);
  if (op.family === 'null') {
    const state = raw === undefined ? 'absent from the request' : 'present in the request';
    return `${key} is ${state}, so Null ${texts.join(', ')} ${verdict}`;
  }
  const qualifier = cc.clause.qualifier;
  if (qualifier === undefined && raw === undefined) {
    return `${key} is not in the request, so ${operatorText} ${holds ? 'holds' : 'cannot hold'}`;
  }
  const values = preparedValues(cc, ctx, op);
  if (typeof raw === 'string' && qualifier === undefined) {
    const text = comparison(cc, op, raw, values, texts);
    return op.negated ? `${text}, so ${operatorText} ${verdict}` : text;
  }
  const set = qualifier === undefined ? (raw as readonly string[]) : asSet(raw);
  if (set.length === 0) {
    const what = raw === undefined ? 'is not in the request' : 'has no values';
    return `${key} ${what}, so ${operatorText} ${verdict}`;
  }
  if (qualifier === 'ForAllValues') {
    const bad = set.find((v) => !passes(op, v, values));
    if (bad === undefined) return `every value of ${key} (${set.join(', ')}) passes, so ${operatorText} holds`;
    return `${comparison(cc, op, bad, values, texts)}, so ${operatorText} does not hold`;
  }
  const good = set.find((v) => passes(op, v, values));
  if (good !== undefined) return `${comparison(cc, op, good, values, texts)}, so ${operatorText} holds`;
  return `no value of ${key} (${set.join(', ')}) passes ${operatorText} against ${texts.join(', ')}`;
}
