/**
 * Parsing the case's policy documents, with caches so that evaluating the same documents again
 * costs a lookup, not a parse. Documents passed as objects are cached by identity (a WeakMap, so
 * they are collected with the exercise that owns them) and must be treated as immutable; text is
 * cached by value in a bounded Map.
 */
import { parsePolicy } from '../policy/index.ts';
import type { ParseResult, Policy, PolicyIssue, PolicyKind } from '../policy/types.ts';
import { BoundedCache } from './bounded-cache.ts';
import { compileStatement } from './statement.ts';
import type { CompiledStatement } from './statement.ts';
import type { PolicySource } from './types.ts';

/** One parsed policy with where it came from. */
export interface LoadedPolicy {
  policy: Policy;
  /** Its statements, compiled for matching. */
  compiled: CompiledStatement[];
  /** The Allow statements of `compiled`, in order (deciding alone asks only these, or only the Denies). */
  allows: CompiledStatement[];
  /** The Deny statements of `compiled`, in order. */
  denies: CompiledStatement[];
  source: PolicySource;
  index: number;
}

/**
 * A parse result with its error-severity issues picked out and its statements compiled, once.
 * A valid one is also the `LoadedPolicy` of the document where it was first used: `source` and
 * `index` are set then and never change, so the cache lookup hands back the loaded policy itself.
 */
export interface LoadResult {
  /** The kind the document was parsed as. */
  readonly kind: PolicyKind;
  /** True when the document is a valid policy of its kind (a policy and no errors). */
  readonly ok: boolean;
  /** Where the document was first used (undefined until then). */
  source: PolicySource | undefined;
  index: number;
  /** The statements prepared for matching (empty when there is no policy). */
  readonly compiled: CompiledStatement[];
  /** `compiled` split by Effect. */
  readonly allows: CompiledStatement[];
  readonly denies: CompiledStatement[];
  readonly policy: Policy | null;
  /** The same document parsed as another kind (rare: a document used in two roles). */
  next: LoadResult | undefined;
  /** The document as a `LoadedPolicy` at other positions than the first (immutable, shared between calls). */
  others: LoadedPolicy[] | undefined;
  readonly result: ParseResult;
  /** The issues that make AWS reject the document; empty when it is valid. */
  readonly errors: PolicyIssue[];
}

/** Parses, picks out the errors and compiles the statements. */
function parse(doc: unknown, kind: PolicyKind): LoadResult {
  const result = parsePolicy(doc, kind);
  const policy = result.policy;
  const errors = result.issues.filter((i) => i.severity === 'error');
  const compiled = policy === null ? [] : policy.statements.map((st) => compileStatement(st, policy));
  // What a lookup and deciding read comes first, so it shares the object's first cache line.
  return {
    kind,
    ok: policy !== null && errors.length === 0,
    source: undefined,
    index: 0,
    denies: compiled.filter((cs) => cs.effect === 'Deny'),
    allows: compiled.filter((cs) => cs.effect === 'Allow'),
    next: undefined,
    policy,
    compiled,
    others: undefined,
    result,
    errors,
  };
}

/**
 * The document of `hit` as a `LoadedPolicy` at `index` of `source` (cached on the parse result),
 * or undefined when it is not a valid policy (`hit.ok` is false).
 */
export function loadedPolicy(hit: LoadResult, source: PolicySource, index: number): LoadedPolicy | undefined {
  if (!hit.ok) return undefined;
  if (hit.source === undefined) {
    hit.source = source;
    hit.index = index;
  }
  // A valid result with its first position set has every field of a LoadedPolicy.
  if (hit.source === source && hit.index === index) return hit as LoadedPolicy;
  const others = hit.others;
  if (others !== undefined) {
    for (let i = 0; i < others.length; i++) {
      const o = others[i] as LoadedPolicy;
      if (o.index === index && o.source === source) return o;
    }
  }
  const loaded: LoadedPolicy = { source, index, denies: hit.denies, allows: hit.allows, policy: hit.policy as Policy, compiled: hit.compiled };
  if (others === undefined) hit.others = [loaded];
  else if (others.length < 16) others.push(loaded);
  return loaded;
}

const byObject = new WeakMap<object, LoadResult>();
/**
 * Distinct texts kept; an editor produces a new one per keystroke, so the oldest go first. Keyed
 * by the text alone (another kind hangs off `next`), so a lookup hashes the caller's string once
 * (the engine keeps a string's hash) instead of building and hashing a longer key every call.
 */
const byText = new BoundedCache<string, LoadResult>(5000);

/** Where results are kept by document: the WeakMap for objects, the bounded Map for texts. */
interface ResultCache<K> {
  get(key: K): LoadResult | undefined;
  set(key: K, value: LoadResult): unknown;
}

/**
 * The result for `kind` of a document from `cache`, parsed and kept when missing. A document used
 * as another kind as well keeps that result behind the first (`next`).
 */
function cached<K>(cache: ResultCache<K>, doc: K, kind: PolicyKind): LoadResult {
  const first = cache.get(doc);
  if (first === undefined) {
    const hit = parse(doc, kind);
    cache.set(doc, hit);
    return hit;
  }
  let hit: LoadResult | undefined = first;
  while (hit !== undefined && hit.kind !== kind) hit = hit.next;
  if (hit !== undefined) return hit;
  hit = parse(doc, kind);
  hit.next = first.next;
  first.next = hit;
  return hit;
}

/** Parses a document as `kind`, or returns the cached result. Never throws. */
export function loadPolicy(doc: unknown, kind: PolicyKind): LoadResult {
  if (typeof doc === 'string') return cached(byText, doc, kind);
  if (doc !== null && typeof doc === 'object') return cached(byObject, doc, kind);
  return parse(doc, kind);
}
