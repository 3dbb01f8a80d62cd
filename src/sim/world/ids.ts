/**
 * Deterministic identifiers in AWS's formats.
 *
 * A small PRNG (mulberry32) whose whole state is one 32-bit integer kept in the world
 * (`world.ids`). Every id, secret, token and event id is drawn from it, so a world created from
 * the same seed issues the same ids on every run, and a world restored from a snapshot continues
 * the very sequence it would have produced without the round trip.
 *
 * Formats (IAM User Guide, "IAM identifiers", unique-ID prefixes): unique ids are 21 characters,
 * a 4-letter prefix then 17 characters; access key ids are 20 characters. AWS draws these from
 * the base32 alphabet (A–Z, 2–7), which is why real ids never contain 0, 1, 8 or 9.
 */

/** The id source's state as it is stored inside a world. */
export interface IdState {
  /** The PRNG state, an unsigned 32-bit integer. */
  state: number;
  /** How many values have been drawn (for debugging and to make snapshots self-describing). */
  drawn: number;
}

/** Prefixes of the unique ids AWS gives to IAM entities and keys. */
export type IdPrefix = 'AIDA' | 'AROA' | 'AGPA' | 'AIPA' | 'ANPA' | 'AKIA' | 'ASIA';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX = '0123456789abcdef';
const DIGITS = '0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Creates the id state for a numeric seed. */
export function idStateFromSeed(seed: number): IdState {
  return { state: (Math.trunc(seed) >>> 0) ^ 0x9e3779b9, drawn: 0 };
}

/** Draws the next 32-bit unsigned value (mulberry32). */
export function nextUint32(ids: IdState): number {
  ids.state = (ids.state + 0x6d2b79f5) >>> 0;
  ids.drawn += 1;
  let t = ids.state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** `length` characters drawn uniformly from `alphabet`. */
function draw(ids: IdState, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[nextUint32(ids) % alphabet.length];
  return out;
}

/** A 21-character unique id such as `AROA3XFRBF535PLBIFPI4` (20 for access keys). */
export function uniqueId(ids: IdState, prefix: IdPrefix): string {
  const length = prefix === 'AKIA' || prefix === 'ASIA' ? 16 : 17;
  return prefix + draw(ids, BASE32, length);
}

/** A 40-character secret access key. */
export function secretAccessKey(ids: IdState): string {
  return draw(ids, BASE64, 40);
}

/**
 * A session token. Real ones are several hundred base64 characters starting `IQoJb3JpZ2luX2Vj`
 * (base64 of "IQ\x09origin_ec"); we keep the recognisable start and a shorter body so snapshots
 * stay small.
 */
export function sessionToken(ids: IdState): string {
  return 'IQoJb3JpZ2luX2VjE' + draw(ids, BASE64, 120);
}

/** An EC2 instance id: `i-` and 17 hex digits. */
export function instanceId(ids: IdState): string {
  return 'i-' + draw(ids, HEX, 17);
}

/** A 64-character base32 seed for a virtual MFA device (what the QR code carries). */
export function mfaSeed(ids: IdState): string {
  return draw(ids, BASE32, 64);
}

/** A small stable hash of a string (FNV-1a), to derive ids from other ids. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A request or event id in UUID form (`8d2f…-…`). */
export function uuid(ids: IdState): string {
  const h = draw(ids, HEX, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/** A 12-digit account id (for accounts a seed does not number itself). */
export function accountId(ids: IdState): string {
  return String(1 + (nextUint32(ids) % 9)) + draw(ids, DIGITS, 11);
}

/** Organization ids: `o-` + 10, `r-` + 4, `ou-rrrr-` + 8 lowercase alphanumerics, `p-` + 8. */
export function orgIdPart(ids: IdState, length: number): string {
  return draw(ids, LOWER_ALNUM, length);
}
