/**
 * The request context: the keys conditions and variables read.
 *
 * Keys are case-insensitive (`aws:SourceIP` ≡ `AWS:sourceip`, IAM "Condition" element page), so
 * every lookup uses the lowercased key. Keys the case gives win; principal-derived keys
 * (`aws:PrincipalArn`, `aws:PrincipalAccount`, `aws:PrincipalType`, `aws:username`, `aws:userid`,
 * `aws:PrincipalTag/*`, plus `aws:PrincipalIsAWSService` and `aws:PrincipalServiceName`) are
 * derived from the caller when not given. The given keys are folded lazily, on the first lookup,
 * because most decisions never read a condition key; derived keys are cached per caller.
 */
import type { Caller } from './caller.ts';
import type { ValueLookup } from './variables.ts';

/** A context value: a string, or an array for multivalued keys. */
export type ContextValue = string | readonly string[];

/**
 * The values of `aws:PrincipalType`, `aws:userid` and friends per kind of caller
 * (IAM variables page, "Principal key values"; global condition keys page).
 */
function deriveKeys(caller: Caller): Map<string, string> {
  const out = new Map<string, string>();
  const { type, account } = caller;
  const uniqueId = caller.input.uniqueId;
  switch (type) {
    case 'Root':
      out.set('aws:principalarn', caller.accountRoot ?? caller.arn);
      out.set('aws:principaltype', 'Account');
      if (account !== undefined) out.set('aws:userid', account);
      break;
    case 'IAMUser':
      out.set('aws:principalarn', caller.arn);
      out.set('aws:principaltype', 'User');
      if (caller.userName !== undefined) out.set('aws:username', caller.userName);
      if (typeof uniqueId === 'string') out.set('aws:userid', uniqueId);
      break;
    case 'AssumedRole':
      // For a role session aws:PrincipalArn is the role's ARN, not the session's (global keys page).
      out.set('aws:principalarn', caller.roleArn ?? caller.arn);
      out.set('aws:principaltype', 'AssumedRole');
      if (typeof uniqueId === 'string' && caller.sessionName !== undefined) out.set('aws:userid', `${uniqueId}:${caller.sessionName}`);
      break;
    case 'FederatedUser':
      out.set('aws:principalarn', caller.arn);
      out.set('aws:principaltype', 'FederatedUser');
      if (account !== undefined && caller.sessionName !== undefined) out.set('aws:userid', `${account}:${caller.sessionName}`);
      break;
    case 'Anonymous':
      out.set('aws:principaltype', 'Anonymous');
      out.set('aws:userid', 'anonymous');
      out.set('aws:principalaccount', 'anonymous');
      break;
    case 'AWSService':
      out.set('aws:principalisawsservice', 'true');
      out.set('aws:principalservicename', caller.arn);
      break;
    default:
      break;
  }
  if (account !== undefined && type !== 'AWSService' && type !== 'Anonymous' && type !== 'WebIdentity' && type !== 'SAML') {
    out.set('aws:principalaccount', account);
  }
  if (type === 'IAMUser' || type === 'AssumedRole' || type === 'FederatedUser' || type === 'Root') {
    out.set('aws:principalisawsservice', 'false');
  }
  return out;
}

/** The derived keys of a caller, kept on the caller (itself cached per principal object). */
function derivedKeys(caller: Caller): ReadonlyMap<string, string> {
  const uniqueId = caller.input.uniqueId;
  const kept = caller.derived;
  if (kept !== undefined && kept.uniqueId === uniqueId) return kept.keys;
  const keys = deriveKeys(caller);
  caller.derived = { uniqueId, keys };
  return keys;
}

const TAG_PREFIX = 'aws:principaltag/';

/**
 * The one character whose lowercase form is longer than itself: U+0130 (capital I with dot)
 * lowercases to `i` plus a combining dot. Every other code point keeps its length (a unit test
 * checks all of them), so lowercasing never shortens a key, and lengthens it only by its U+0130s.
 */
const LENGTHENS = 0x130;

/** True when the text holds U+0130 (a plain loop: a search for a two-byte character is slow). */
function hasLengthening(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === LENGTHENS) return true;
  return false;
}

/**
 * True when `key` lowercases to `keyLower` (from `from` on), without building the lowercased
 * string: this runs for every key of the context on every lookup. A longer key is ruled out at
 * once and a shorter one unless it holds U+0130; ASCII letters are folded in place, and a key
 * with any other character falls back to `toLowerCase`. `from` skips a prefix of `keyLower` known
 * to match (see `principalTag`).
 */
function foldsTo(key: string, keyLower: string, from = 0): boolean {
  const n = key.length;
  const wanted = keyLower.length - from;
  if (n > wanted) return false;
  if (n < wanted) return hasLengthening(key) && key.toLowerCase() === keyLower.slice(from);
  for (let i = 0; i < n; i++) {
    let c = key.charCodeAt(i);
    if (c > 127) return key.toLowerCase() === keyLower.slice(from);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== keyLower.charCodeAt(from + i)) return false;
  }
  return true;
}

/**
 * `aws:PrincipalTag/<key>`: tag keys are case-insensitive (IAM tagging page; session tags
 * override role tags with the same key ignoring case, so the case gives the merged set).
 * Read from the input on every lookup, so a changed tag is never served stale.
 */
function principalTag(caller: Caller, keyLower: string): string | undefined {
  const tags = caller.input.tags;
  if (tags === null || typeof tags !== 'object') return undefined;
  for (const k of Object.keys(tags)) {
    if (foldsTo(k, keyLower, TAG_PREFIX.length)) {
      const v = tags[k];
      return typeof v === 'string' ? v : undefined;
    }
  }
  return undefined;
}

/** True when every member of the array is a string (it can then be used as it is, uncopied). */
function allStrings(values: readonly unknown[]): boolean {
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== 'string') return false;
  return true;
}

/**
 * Normalises one given value: strings stay, arrays keep their string members, numbers and
 * booleans become their text, anything else is dropped. An array of strings is used as given
 * (the evaluator never writes to it), so a lookup allocates nothing in the common case.
 */
function normalizeValue(value: unknown): ContextValue | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (allStrings(value)) return value as readonly string[];
    const out: string[] = [];
    for (const v of value) {
      if (typeof v === 'string') out.push(v);
      else if (typeof v === 'number' || typeof v === 'boolean') out.push(String(v));
    }
    return out;
  }
  return undefined;
}

/** Contexts with at most this many keys are searched in place instead of folded into a Map. */
const SCAN_LIMIT = 16;

/** Reads keys from the case's context first, then from what the caller implies. */
export class RequestContext implements ValueLookup {
  /** The given keys, listed on the first lookup (most decisions never read a condition key). */
  private keys: string[] | undefined;
  /** A large context folded to lowercased keys, once. */
  private given: Map<string, ContextValue> | undefined;
  /** The caller's derived keys, fetched once per request. */
  private derived: ReadonlyMap<string, string> | undefined;

  constructor(
    private readonly raw: Readonly<Record<string, unknown>> | undefined,
    private readonly caller: Caller,
  ) {}

  /** The value of a lowercased key, or undefined when the request does not carry it. */
  get(keyLower: string): ContextValue | undefined {
    const raw = this.raw;
    if (raw !== undefined) {
      const hit = this.fromGiven(raw, keyLower);
      if (hit !== undefined) return hit;
    }
    if (!keyLower.startsWith('aws:')) return undefined;
    if (keyLower.startsWith(TAG_PREFIX)) return principalTag(this.caller, keyLower);
    return (this.derived ??= derivedKeys(this.caller)).get(keyLower);
  }

  /**
   * The given value of `keyLower`: of the keys that fold to it, the last one with a usable
   * value wins. A small context (nearly all: most carry one to four keys) is searched in place,
   * from the end, without building a lowercased string; a large one is folded into a Map once.
   */
  private fromGiven(raw: Readonly<Record<string, unknown>>, keyLower: string): ContextValue | undefined {
    const keys = (this.keys ??= Object.keys(raw));
    if (keys.length <= SCAN_LIMIT) {
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i] as string;
        if (!foldsTo(k, keyLower)) continue;
        const v = normalizeValue(raw[k]);
        if (v !== undefined) return v;
      }
      return undefined;
    }
    let given = this.given;
    if (given === undefined) {
      given = new Map();
      for (const k of keys) {
        const v = normalizeValue(raw[k]);
        if (v !== undefined) given.set(k.toLowerCase(), v);
      }
      this.given = given;
    }
    return given.get(keyLower);
  }

  /** The single value of a key (for policy variables): multivalued keys cannot be variables. */
  single(keyLower: string): string | undefined {
    const v = this.get(keyLower);
    return typeof v === 'string' ? v : undefined;
  }
}
