/** Size limits and the IAM character set. */
import type { IssueSink } from './issues.ts';
import type { KindRules, SizeCounting } from './kinds.ts';

/** How many out-of-set characters to report before stopping (one marker per character is enough). */
const MAX_CHARACTER_ISSUES = 5;

/** True for the JSON white-space characters. */
function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** UTF-8 length of one UTF-16 code unit sequence position (surrogate pairs count 4 bytes once). */
function utf8Length(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdbff) return 4;
  if (code >= 0xdc00 && code <= 0xdfff) return 0;
  return 3;
}

/** Measures a document the way AWS counts it for the given rule. */
export function measureSize(text: string, counting: SizeCounting): number {
  if (counting === 'all-chars') return text.length;
  let size = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isWhitespace(code)) continue;
    size += counting === 'non-whitespace-chars' ? 1 : utf8Length(code);
  }
  return size;
}

/** Unit word for messages. */
function unit(counting: SizeCounting): string {
  if (counting === 'non-whitespace-bytes') return 'bytes (not counting white space)';
  if (counting === 'non-whitespace-chars') return 'characters (not counting white space)';
  return 'characters (white space included)';
}

/**
 * Reports POLICY_TOO_LARGE on the document's first character. `sizeText` is the text to
 * measure: the learner's own text, or for a document given as a value, its compact JSON.
 */
export function checkSize(sink: IssueSink, sizeText: string, rules: KindRules): void {
  const size = measureSize(sizeText, rules.counting);
  if (size <= rules.maxSize) return;
  sink.add(
    'POLICY_TOO_LARGE',
    'error',
    '',
    sink.lines.range(0, 1),
    `This document is ${size} ${unit(rules.counting)}, over the ${rules.maxSize} allowed for ${rules.label}.`,
  );
}

/** True when IAM accepts this UTF-16 code unit in a policy document. */
function isAllowedCharacter(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0xff);
}

/** Reports INVALID_CHARACTER for characters IAM rejects (first few only). */
export function checkCharacters(sink: IssueSink, text: string): void {
  let reported = 0;
  for (let i = 0; i < text.length && reported < MAX_CHARACTER_ISSUES; i++) {
    const code = text.charCodeAt(i);
    if (isAllowedCharacter(code)) continue;
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    const codePoint = text.codePointAt(i) ?? code;
    const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
    sink.add(
      'INVALID_CHARACTER',
      'error',
      '',
      sink.lines.range(i, pair),
      `The character U+${hex} is not allowed: policies may only contain tab, line feed, carriage return and characters U+0020 to U+00FF.`,
    );
    reported++;
    i += pair - 1;
  }
}
