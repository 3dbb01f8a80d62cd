/**
 * `*` / `?` wildcard matching, compiled once per pattern and cached.
 *
 * IAM uses the same two wildcards everywhere (Action, Resource, StringLike, ArnLike): `*` stands
 * for any run of characters (including none) and `?` for exactly one character. What differs per
 * element is case sensitivity (actions ignore case, resources and condition values do not) and,
 * for resources, how far a `*` may reach (see arn-match.ts). This file is the plain, case-sensitive
 * glob; callers fold case themselves when the element is case-insensitive, so the hot path never
 * lowercases the same pattern twice.
 */

import { BoundedCache } from './bounded-cache.ts';

/** A compiled pattern: true when the whole value matches. */
export type Matcher = (value: string) => boolean;

/**
 * Markers for a `*` or `?` that must match itself. The policy variables `${*}` and `${?}` stand
 * for literal characters (IAM variables page, "Special characters"); the template code writes
 * these private-use characters in their place so the matchers below treat them as plain text.
 * Policies cannot contain them (the IAM character set stops at U+00FF).
 */
export const LITERAL_STAR = '\uE000';
/** See `LITERAL_STAR`. */
export const LITERAL_QUESTION = '\uE001';

/** Replaces the literal markers by the characters they stand for (for equality and display). */
export function unmarkLiterals(text: string): string {
  if (!text.includes(LITERAL_STAR) && !text.includes(LITERAL_QUESTION)) return text;
  return text.replaceAll(LITERAL_STAR, '*').replaceAll(LITERAL_QUESTION, '?');
}

const ALWAYS: Matcher = () => true;

/** True when the text contains a `*` or `?` that a glob would interpret. */
export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/**
 * Matches a glob against a value without building a regular expression: the classic
 * two-pointer algorithm that remembers the last `*` and backtracks to it. Linear in practice,
 * O(n·m) in the worst case, and it never allocates.
 */
export function globMatch(pattern: string, value: string): boolean {
  let p = 0;
  let v = 0;
  let starP = -1;
  let starV = 0;
  const pl = pattern.length;
  const vl = value.length;
  while (v < vl) {
    if (p < pl) {
      const c = pattern.charCodeAt(p);
      if (c === 42 /* * */) {
        starP = p++;
        starV = v;
        continue;
      }
      const vc = value.charCodeAt(v);
      // A literal marker matches the character it stands for, and nothing else.
      if (c === 63 /* ? */ || c === vc || (c === 0xe000 && vc === 42) || (c === 0xe001 && vc === 63)) {
        p++;
        v++;
        continue;
      }
    }
    if (starP < 0) return false;
    // Let the last `*` swallow one more character and retry from just after it.
    p = starP + 1;
    v = ++starV;
  }
  while (p < pl && pattern.charCodeAt(p) === 42) p++;
  return p === pl;
}

/** Builds the fastest matcher for a case-sensitive glob. */
function buildMatcher(marked: string): Matcher {
  if (marked === '*') return ALWAYS;
  // The fast paths compare text directly, so they see the marked characters as what they stand for.
  const pattern = unmarkLiterals(marked);
  if (pattern !== marked) return (value) => globMatch(marked, value);
  const star = pattern.indexOf('*');
  const question = pattern.indexOf('?');
  if (star < 0 && question < 0) return (value) => value === pattern;
  if (question < 0) {
    const last = pattern.lastIndexOf('*');
    if (star === last) {
      // One star: a prefix, a suffix, or a prefix plus a suffix. These cover almost every
      // real policy (`s3:Get*`, `arn:aws:s3:::bucket/*`, `*.amazonaws.com`).
      if (star === pattern.length - 1) {
        const prefix = pattern.slice(0, -1);
        return (value) => value.startsWith(prefix);
      }
      if (star === 0) {
        const suffix = pattern.slice(1);
        return (value) => value.endsWith(suffix);
      }
      const prefix = pattern.slice(0, star);
      const suffix = pattern.slice(star + 1);
      const min = prefix.length + suffix.length;
      return (value) => value.length >= min && value.startsWith(prefix) && value.endsWith(suffix);
    }
  }
  return (value) => globMatch(pattern, value);
}

/** Compiled matchers are shared by every policy that spells the same pattern. */
const cache = new BoundedCache<string, Matcher>(20_000);

/**
 * Returns a cached, case-sensitive matcher for `pattern`. For a case-insensitive element
 * (actions), pass the lowercased pattern and match lowercased values.
 */
export function compileGlob(pattern: string): Matcher {
  let m = cache.get(pattern);
  if (m === undefined) {
    m = buildMatcher(pattern);
    cache.set(pattern, m);
  }
  return m;
}

/**
 * One-off convenience: does `value` match the glob `pattern`? With `ignoreCase` both sides are
 * compared case-insensitively (as IAM does for action names).
 */
export function matchesWildcard(pattern: string, value: string, ignoreCase = false): boolean {
  return ignoreCase
    ? compileGlob(pattern.toLowerCase())(value.toLowerCase())
    : compileGlob(pattern)(value);
}
