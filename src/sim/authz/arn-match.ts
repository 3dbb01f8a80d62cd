/**
 * ARN matching for the `Resource`/`NotResource` elements and for the `Arn*` condition operators.
 *
 * The two differ on purpose, as AWS documents them:
 * - Resource (IAM "Resource" element page, 2025 text): wildcards work inside each colon-separated
 *   segment, and a `*` that is the last character of a segment "can expand to match beyond the
 *   colon boundaries". Everything after the fifth colon is the resource part, one segment that may
 *   itself contain colons, so a `*` there reaches anything (including `/`).
 * - ArnEquals/ArnLike (condition operators page): the six colon-delimited components are matched
 *   separately, so a `*` can never slide from the region into the account.
 * Both are case-sensitive.
 */
import { BoundedCache } from './bounded-cache.ts';
import { EXACT_SHAPE, globPattern, hasWildcard, LITERAL_QUESTION, LITERAL_STAR, makePattern, patternMatches, REGEX_SHAPE, unmarkLiterals } from './wildcard.ts';
import type { Pattern } from './wildcard.ts';

/** The six components of an ARN, in order: `arn`, partition, service, region, account, resource. */
export type ArnParts = [string, string, string, string, string, string];

/**
 * Splits text at its first five colons. The sixth part keeps any further colons
 * (`function:name:alias`). Returns null when there are fewer than five colons. The first part is
 * not checked to be `arn`, so the same split serves patterns and values.
 */
export function splitArn(text: string): ArnParts | null {
  const c0 = text.indexOf(':');
  if (c0 < 0) return null;
  const c1 = text.indexOf(':', c0 + 1);
  if (c1 < 0) return null;
  const c2 = text.indexOf(':', c1 + 1);
  if (c2 < 0) return null;
  const c3 = text.indexOf(':', c2 + 1);
  if (c3 < 0) return null;
  const c4 = text.indexOf(':', c3 + 1);
  if (c4 < 0) return null;
  return [
    text.slice(0, c0),
    text.slice(c0 + 1, c1),
    text.slice(c1 + 1, c2),
    text.slice(c2 + 1, c3),
    text.slice(c3 + 1, c4),
    text.slice(c4 + 1),
  ];
}

/** The account part of an ARN (`''` when the ARN has none, as for S3 buckets), or undefined when the text is not an ARN. */
export function arnAccount(text: string): string | undefined {
  if (!text.startsWith('arn:')) return undefined;
  const parts = splitArn(text);
  return parts === null ? undefined : parts[4];
}

const REGEX_SPECIAL = /[.+^${}()|[\]\\]/;

/**
 * Translates a Resource pattern into a regular expression source following the segment rule.
 * In the first five segments a `*` stays inside its segment (`[^:]*`) unless it is the segment's
 * last character, and `?` is one non-colon character; in the resource part both reach anything.
 */
function resourceRegexSource(pattern: string): string {
  let out = '^';
  let segment = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern.charAt(i);
    if (ch === ':') {
      segment++;
      out += ':';
    } else if (ch === '*') {
      const next = pattern.charAt(i + 1);
      out += segment >= 5 || next === ':' || next === '' ? '.*' : '[^:]*';
    } else if (ch === '?') {
      out += segment >= 5 ? '.' : '[^:]';
    } else if (ch === LITERAL_STAR || ch === LITERAL_QUESTION) {
      out += ch === LITERAL_STAR ? '\\*' : '\\?';
    } else {
      out += REGEX_SPECIAL.test(ch) ? `\\${ch}` : ch;
    }
  }
  return `${out}$`;
}

function buildResourcePattern(pattern: string): Pattern {
  if (!hasWildcard(pattern)) return makePattern(EXACT_SHAPE, unmarkLiterals(pattern));
  const star = pattern.indexOf('*');
  // A single trailing `*` and nothing else: it ends its segment, so it may run past colons and
  // a prefix test is exact. This is the shape of nearly every real Resource (`bucket/*`).
  if (star === pattern.length - 1 && !pattern.includes('?')) return globPattern(pattern);
  // Without any colon in the pattern there are no segments to respect: a plain glob.
  if (!pattern.includes(':')) return globPattern(pattern);
  return makePattern(REGEX_SHAPE, pattern, '', new RegExp(resourceRegexSource(pattern), 's'));
}

const resourceCache = new BoundedCache<string, Pattern>(20_000);

/** Returns a cached pattern for one entry of a `Resource`/`NotResource` element (match with `patternMatches`). */
export function resourcePattern(pattern: string): Pattern {
  return resourceCache.through(pattern, buildResourcePattern);
}

/** True when the request's resource matches one entry of a `Resource` element. */
export function resourceMatches(pattern: string, resource: string): boolean {
  return patternMatches(resourcePattern(pattern), resource);
}

/** A prepared `ArnLike`/`ArnEquals` policy value. */
export type ArnPattern =
  | { kind: 'components'; parts: Pattern[] }
  | { kind: 'whole'; match: Pattern };

/**
 * Prepares an `Arn*` policy value. A value with six components is matched component by
 * component. A value with fewer (`*`, or a shortened `arn:aws:iam::*`) cannot be split that way;
 * we then fall back to the Resource rule, where a trailing `*` may run past colons — the
 * condition-operator page does not say what AWS does with such a value, and this reading keeps
 * `"*"` meaning "any ARN".
 */
export function compileArnPattern(pattern: string): ArnPattern {
  const parts = splitArn(pattern);
  if (parts === null) return { kind: 'whole', match: resourcePattern(pattern) };
  return { kind: 'components', parts: parts.map((p) => globPattern(p)) };
}

/** True when an ARN value matches a prepared `Arn*` pattern (six components, each on its own). */
export function arnPatternMatches(pattern: ArnPattern, value: string): boolean {
  if (pattern.kind === 'whole') return patternMatches(pattern.match, value);
  const parts = splitArn(value);
  if (parts === null) return false;
  const m = pattern.parts;
  for (let i = 0; i < 6; i++) {
    const each = m[i];
    const part = parts[i];
    if (each === undefined || part === undefined || !patternMatches(each, part)) return false;
  }
  return true;
}

/** One-off convenience for `ArnLike`: does `value` match `pattern` component by component? */
export function arnLike(pattern: string, value: string): boolean {
  return arnPatternMatches(compileArnPattern(pattern), value);
}
