/**
 * IP address condition operators (IAM condition-operators page, "IP address condition
 * operators"): `IpAddress` / `NotIpAddress` take IPv4 or IPv6 CIDR blocks (RFC 4632); a bare
 * address means `/32` or `/128`, and IPv6 may use `::` compression. No wildcards, no variables.
 */
import { cachedRequestParser, negated } from './types.ts';
import type { ConditionOperator } from './types.ts';

/** A parsed address or block: IPv4 as two 16-bit groups, IPv6 as eight, plus the prefix length. */
export interface Cidr {
  v6: boolean;
  groups: number[];
  prefix: number;
}

/** Parses dotted IPv4 into two 16-bit groups; null when malformed. */
function parseV4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    bytes.push(n);
  }
  const [a = 0, b = 0, c = 0, d = 0] = bytes;
  return [(a << 8) | b, (c << 8) | d];
}

/** Parses IPv6 (with `::` and an optional dotted IPv4 tail) into eight 16-bit groups. */
function parseV6(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const toGroups = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    const pieces = s.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] ?? '';
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseV4(piece);
        if (v4 === null) return null;
        out.push(...v4);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return null;
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  const head = toGroups(halves[0] ?? '');
  if (head === null) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const tail = toGroups(halves[1] ?? '');
  if (tail === null || head.length + tail.length > 7) return null;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/** Parses `203.0.113.0/24`, `2001:db8::/32`, or a bare address; null when malformed. */
export function parseCidr(text: string): Cidr | null {
  const t = text.trim();
  const slash = t.indexOf('/');
  const addr = slash < 0 ? t : t.slice(0, slash);
  const v6 = addr.includes(':');
  const groups = v6 ? parseV6(addr) : parseV4(addr);
  if (groups === null) return null;
  const max = v6 ? 128 : 32;
  let prefix = max;
  if (slash >= 0) {
    const p = t.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p)) return null;
    prefix = Number(p);
    if (prefix > max) return null;
  }
  return { v6, groups, prefix };
}

/** True when `address` lies inside `block` (same family, equal leading `prefix` bits). */
export function cidrContains(block: Cidr, address: Cidr): boolean {
  if (block.v6 !== address.v6) return false;
  let bits = block.prefix;
  for (let i = 0; bits > 0; i++, bits -= 16) {
    const a = block.groups[i] ?? 0;
    const b = address.groups[i] ?? 0;
    if (bits >= 16) {
      if (a !== b) return false;
    } else {
      const mask = (0xffff << (16 - bits)) & 0xffff;
      if ((a & mask) !== (b & mask)) return false;
    }
  }
  return true;
}

/** `parseCidr` for a request's value, each text parsed once (see `cachedRequestParser`). */
const requestAddress = cachedRequestParser(parseCidr);

/** `IpAddress`: the request address is inside one of the blocks. */
export const IpAddress: ConditionOperator<Cidr> = {
  name: 'IpAddress',
  family: 'ip',
  negated: false,
  variables: false,
  prepare: parseCidr,
  test: (v, block) => {
    const address = requestAddress(v);
    return address !== null && cidrContains(block, address);
  },
  says: ['is in', 'is not in'],
};

/** `NotIpAddress`: the request address is inside none of the blocks (or the key is absent). */
export const NotIpAddress = negated(IpAddress, 'NotIpAddress');

/** Every IP operator. */
export const IP_OPERATORS: readonly ConditionOperator[] = [IpAddress, NotIpAddress];
