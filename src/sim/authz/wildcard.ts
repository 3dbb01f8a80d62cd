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

/** How a `Pattern` matches (numbers, so a pattern is a small flat object); see `patternMatches`. */
export type Shape = 0 | 1 | 2 | 3 | 4 | 5 | 6;
/** `*`: everything. */
export const ANY_SHAPE = 0;
/** No wildcard: `value === text`. */
export const EXACT_SHAPE = 1;
/** `text*`. */
export const PREFIX_SHAPE = 2;
/** `*text`. */
export const SUFFIX_SHAPE = 3;
/** `text*tail`. */
export const AFFIX_SHAPE = 4;
/** Anything else: `globMatch(text, value)`. */
export const GLOB_SHAPE = 5;
/** A Resource pattern whose wildcards must respect ARN segments (arn-match.ts): `re`. */
export const REGEX_SHAPE = 6;

/**
 * A compiled pattern, as plain data rather than a closure: matching reads one small object (no
 * function, no captured scope), and `patternMatches` is one monomorphic function the engine can
 * inline into the statement matcher. Nearly every real pattern is one of the fast shapes
 * (`s3:Get*`, `arn:aws:s3:::bucket/*`, `*.amazonaws.com`, an exact ARN).
 */
export interface Pattern {
  readonly shape: Shape;
  /** The literal text, the prefix, the suffix, or the whole glob, per shape. */
  readonly text: string;
  /** For AFFIX_SHAPE: the part after the star. */
  readonly tail: string;
  /** For AFFIX_SHAPE: the shortest value that can match. */
  readonly min: number;
  /** For REGEX_SHAPE. */
  readonly re: RegExp | undefined;
}

/** Makes a pattern object (always with every field, so all patterns share one shape). */
export function makePattern(shape: Shape, text: string, tail = '', re: RegExp | undefined = undefined): Pattern {
  return { shape, text, tail, min: text.length + tail.length, re };
}

const ANY: Pattern = makePattern(ANY_SHAPE, '*');

/** True when the whole value matches the pattern. */
export function patternMatches(p: Pattern, value: string): boolean {
  switch (p.shape) {
    case ANY_SHAPE:
      return true;
    case EXACT_SHAPE:
      return value === p.text;
    case PREFIX_SHAPE:
      return value.startsWith(p.text);
    case SUFFIX_SHAPE:
      return value.endsWith(p.text);
    case AFFIX_SHAPE:
      return value.length >= p.min && value.startsWith(p.text) && value.endsWith(p.tail);
    case REGEX_SHAPE:
      return (p.re as RegExp).test(value);
    default:
      return globMatch(p.text, value);
  }
}

/** Builds the fastest pattern for a case-sensitive glob. */
function buildPattern(marked: string): Pattern {
  if (marked === '*') return ANY;
  // The fast shapes compare text directly, so they see the marked characters as what they stand for.
  const pattern = unmarkLiterals(marked);
  if (pattern !== marked) return makePattern(GLOB_SHAPE, marked);
  const star = pattern.indexOf('*');
  const question = pattern.indexOf('?');
  if (star < 0 && question < 0) return makePattern(EXACT_SHAPE, pattern);
  if (question < 0 && star === pattern.lastIndexOf('*')) {
    // One star: a prefix, a suffix, or a prefix plus a suffix.
    if (star === pattern.length - 1) return makePattern(PREFIX_SHAPE, pattern.slice(0, -1));
    if (star === 0) return makePattern(SUFFIX_SHAPE, pattern.slice(1));
    return makePattern(AFFIX_SHAPE, pattern.slice(0, star), pattern.slice(star + 1));
  }
  return makePattern(GLOB_SHAPE, pattern);
}

/** Compiled patterns are shared by every policy that spells the same text. */
const cache = new BoundedCache<string, Pattern>(20_000);

/**
 * Returns a cached, case-sensitive pattern for the glob `text`. For a case-insensitive element
 * (actions), pass the lowercased text and match lowercased values.
 */
export function globPattern(text: string): Pattern {
  return cache.through(text, buildPattern);
}

/** A case-sensitive glob as a function (for callers that want one; matching code uses `globPattern`). */
export function compileGlob(pattern: string): Matcher {
  const p = globPattern(pattern);
  return (value) => patternMatches(p, value);
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
