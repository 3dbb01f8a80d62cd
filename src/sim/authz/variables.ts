/**
 * Policy variables: `${aws:username}`, `${aws:PrincipalTag/team, 'default'}`, `${*}` `${?}` `${$}`.
 *
 * AWS substitutes them only in documents with `"Version": "2012-10-17"`; in older or unversioned
 * documents the text is taken literally (IAM "Version" element page). A variable whose key has
 * no single value in the request resolves to nothing: the Resource entry then matches no
 * resource, a positive string operator is false for that value and a negated one true (IAM
 * "Policy variables with no value").
 */
import { LITERAL_QUESTION, LITERAL_STAR } from './wildcard.ts';

/** A `${…}` reference inside a template. */
export interface VariableRef {
  /** The key as written, for explanations. */
  key: string;
  /** The key lowercased: condition keys are case-insensitive. */
  keyLower: string;
  /** The text after `, '…'` when a default was given. */
  fallback?: string;
}

/** Text with variables split out: literal strings and references, in order. */
export interface Template {
  parts: (string | VariableRef)[];
  /** The original text. */
  text: string;
}

/** Where variables get their values: the single value of a lowercased key, or undefined. */
export interface ValueLookup {
  /** The key's single value; undefined when absent or multivalued (those cannot be variables). */
  single(keyLower: string): string | undefined;
}

/**
 * The characters AWS lets you write as variables so that they lose their special meaning.
 * `*` and `?` become markers that the wildcard matchers treat as plain characters.
 */
const SPECIAL: Readonly<Record<string, string>> = { '*': LITERAL_STAR, '?': LITERAL_QUESTION, $: '$' };

/** Parses the inside of `${…}` into a reference (or a literal for `${*}` and friends). */
function parseReference(inner: string): string | VariableRef {
  const special = SPECIAL[inner];
  if (special !== undefined) return special;
  const comma = inner.indexOf(',');
  if (comma < 0) {
    const key = inner.trim();
    return { key, keyLower: key.toLowerCase() };
  }
  const key = inner.slice(0, comma).trim();
  let fallback = inner.slice(comma + 1).trim();
  // The documented form quotes the default in single quotes: `${key, 'default'}`.
  if (fallback.length >= 2 && fallback.startsWith("'") && fallback.endsWith("'")) fallback = fallback.slice(1, -1);
  return { key, keyLower: key.toLowerCase(), fallback };
}

/**
 * Splits text into literals and variable references. Returns the text itself when it contains
 * no `${`, which is the common case and costs nothing later. An unterminated `${` stays literal.
 */
export function parseTemplate(text: string, from = 0): string | Template {
  let at = text.indexOf('${', from);
  if (at < 0) return text;
  const parts: (string | VariableRef)[] = [];
  let literal = text.slice(0, at);
  let sawVariable = false;
  while (at >= 0) {
    const close = text.indexOf('}', at + 2);
    if (close < 0) break;
    const ref = parseReference(text.slice(at + 2, close));
    if (typeof ref === 'string') {
      literal += ref;
    } else {
      if (literal !== '') parts.push(literal);
      literal = '';
      parts.push(ref);
      sawVariable = true;
    }
    const next = text.indexOf('${', close + 1);
    literal += text.slice(close + 1, next < 0 ? text.length : next);
    at = next;
  }
  if (at >= 0) literal += text.slice(at);
  if (literal !== '') parts.push(literal);
  // `${*}` alone produces no reference: the result is plain text.
  if (!sawVariable) return parts.join('');
  return { parts, text };
}

/**
 * Fills a template from the request. Returns null when a referenced key is absent (or
 * multivalued, which AWS does not allow as a variable) and has no default.
 */
export function resolveTemplate(template: Template, lookup: ValueLookup): string | null {
  let out = '';
  for (const part of template.parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = lookup.single(part.keyLower);
    if (value !== undefined) out += value;
    else if (part.fallback !== undefined) out += part.fallback;
    else return null;
  }
  return out;
}

/** The keys a template refers to, for explanations ("aws:username has no value"). */
export function templateKeys(template: Template): string[] {
  const keys: string[] = [];
  for (const part of template.parts) if (typeof part !== 'string') keys.push(part.key);
  return keys;
}

/**
 * Parses a Resource entry: variables are honoured only in the resource part, after the fifth
 * colon (IAM variables page: not in the service, Region or account segments). Text without
 * five colons (`*`, a bare name) is treated as all resource part.
 */
export function parseResourceTemplate(text: string): string | Template {
  if (!text.includes('${')) return text;
  let at = -1;
  for (let i = 0; i < 5; i++) {
    at = text.indexOf(':', at + 1);
    if (at < 0) return parseTemplate(text);
  }
  return parseTemplate(text, at + 1);
}
