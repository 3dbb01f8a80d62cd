/**
 * The binary condition operator (IAM condition-operators page, "Binary condition operators"):
 * `BinaryEquals` compares bytes; the policy holds them base-64 encoded, and so does the request
 * context (AWS passes binary keys as base-64 text). We decode both sides so `AQ==` and `AQ`
 * compare equal; a request value that is not base-64 is compared as written.
 */
import type { ConditionOperator } from './types.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));

/**
 * Decodes base-64 into a string of byte values (one char per byte, 0–255). Returns null when
 * the text is not base-64. Written by hand: the simulator's library set has no `atob`/`Buffer`.
 */
export function decodeBase64(text: string): string | null {
  const t = text.trim().replace(/=+$/, '');
  if (t.length % 4 === 1) return null;
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const ch of t) {
    const v = LOOKUP.get(ch);
    if (v === undefined) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  return out;
}

/** `BinaryEquals`. */
export const BinaryEquals: ConditionOperator<string> = {
  name: 'BinaryEquals',
  family: 'binary',
  negated: false,
  variables: false,
  prepare: decodeBase64,
  test: (v, p) => (decodeBase64(v) ?? v) === p,
  says: ['has the same bytes as', 'does not have the same bytes as'],
};

/** Every binary operator. */
export const BINARY_OPERATORS: readonly ConditionOperator[] = [BinaryEquals];
