/**
 * Parsing the case's policy documents, with caches so that evaluating the same documents again
 * costs a lookup, not a parse. Documents passed as objects are cached by identity (a WeakMap, so
 * they are collected with the exercise that owns them) and must be treated as immutable; text is
 * cached by value in a bounded Map.
 */
import { parsePolicy } from '../policy/index.ts';
import type { ParseResult, PolicyIssue, PolicyKind } from '../policy/types.ts';
import { BoundedCache } from './bounded-cache.ts';
import { compileStatement } from './statement.ts';
import type { CompiledStatement } from './statement.ts';

/** A parse result with its error-severity issues picked out and its statements compiled, once. */
export interface LoadResult {
  result: ParseResult;
  /** The issues that make AWS reject the document; empty when it is valid. */
  errors: PolicyIssue[];
  /** The statements prepared for matching (empty when there is no policy). */
  compiled: CompiledStatement[];
}

/** Parses, picks out the errors and compiles the statements. */
function parse(doc: unknown, kind: PolicyKind): LoadResult {
  const result = parsePolicy(doc, kind);
  const policy = result.policy;
  return {
    result,
    errors: result.issues.filter((i) => i.severity === 'error'),
    compiled: policy === null ? [] : policy.statements.map((st) => compileStatement(st, policy)),
  };
}

const byObject = new WeakMap<object, Partial<Record<PolicyKind, LoadResult>>>();
/** Distinct texts kept; an editor produces a new one per keystroke, so the oldest go first. */
const byText = new BoundedCache<string, LoadResult>(5000);

/** Parses a document as `kind`, or returns the cached result. Never throws. */
export function loadPolicy(doc: unknown, kind: PolicyKind): LoadResult {
  if (typeof doc === 'string') {
    const key = `${kind}\u0000${doc}`;
    let hit = byText.get(key);
    if (hit === undefined) {
      hit = parse(doc, kind);
      byText.set(key, hit);
    }
    return hit;
  }
  if (doc !== null && typeof doc === 'object') {
    let perKind = byObject.get(doc);
    if (perKind === undefined) {
      perKind = {};
      byObject.set(doc, perKind);
    }
    let hit = perKind[kind];
    if (hit === undefined) {
      hit = parse(doc, kind);
      perKind[kind] = hit;
    }
    return hit;
  }
  return parse(doc, kind);
}
