import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr } from '../../../src/sim/authz/conditions/ip.ts';
import { conditionTable } from './table.ts';

const IP = 'aws:SourceIp';

conditionTable('IpAddress / NotIpAddress', [
  { op: 'IpAddress', key: IP, policy: '203.0.113.0/24', request: '203.0.113.7', expect: true },
  { op: 'IpAddress', key: IP, policy: '203.0.113.0/24', request: '198.51.100.7', expect: false, detail: 'aws:SourceIp 198.51.100.7 is not in 203.0.113.0/24' },
  // A bare address is a /32.
  { op: 'IpAddress', key: IP, policy: '203.0.113.7', request: '203.0.113.7', expect: true },
  { op: 'IpAddress', key: IP, policy: '203.0.113.7', request: '203.0.113.8', expect: false },
  { op: 'IpAddress', key: IP, policy: '0.0.0.0/0', request: '8.8.8.8', expect: true },
  { op: 'IpAddress', key: IP, policy: '10.1.0.0/15', request: '10.0.255.255', expect: true },
  { op: 'IpAddress', key: IP, policy: '10.1.0.0/15', request: '10.2.0.0', expect: false },
  { op: 'IpAddress', key: IP, policy: ['10.0.0.0/8', '203.0.113.0/24'], request: '203.0.113.9', expect: true },
  // IPv6, with :: compression, and a bare address = /128.
  { op: 'IpAddress', key: IP, policy: '2001:DB8:1234:5678::/64', request: '2001:db8:1234:5678:0:0:0:1', expect: true },
  { op: 'IpAddress', key: IP, policy: '2001:db8::/32', request: '2001:db9::1', expect: false },
  { op: 'IpAddress', key: IP, policy: '2001:db8::1', request: '2001:0db8:0000:0000:0000:0000:0000:0001', expect: true },
  { op: 'IpAddress', key: IP, policy: '::/0', request: '::1', expect: true },
  // Families never mix.
  { op: 'IpAddress', key: IP, policy: '0.0.0.0/0', request: '2001:db8::1', expect: false },
  { op: 'NotIpAddress', key: IP, policy: '203.0.113.0/24', request: '198.51.100.7', expect: true },
  { op: 'NotIpAddress', key: IP, policy: ['192.0.2.0/24', '203.0.113.0/24'], request: '203.0.113.1', expect: false },
  // Through a VPC endpoint aws:SourceIp is absent: IpAddress fails, NotIpAddress holds
  // (general missing-key rule; condition-operators page, "Important").
  { op: 'IpAddress', key: IP, policy: '203.0.113.0/24', expect: false },
  { op: 'NotIpAddress', key: IP, policy: '203.0.113.0/24', expect: true },
  { op: 'IpAddress', key: IP, policy: 'not-an-ip', request: '203.0.113.1', expect: false },
  { op: 'IpAddress', key: IP, policy: '203.0.113.0/33', request: '203.0.113.1', expect: false },
]);

describe('parseCidr', () => {
  it('parses IPv4 and IPv6 blocks and bare addresses', () => {
    expect(parseCidr('192.0.2.1')).toEqual({ v6: false, groups: [0xc000, 0x0201], prefix: 32 });
    expect(parseCidr('2001:db8::/32')).toEqual({ v6: true, groups: [0x2001, 0xdb8, 0, 0, 0, 0, 0, 0], prefix: 32 });
    expect(parseCidr('::ffff:192.0.2.1')?.groups).toEqual([0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201]);
    expect(parseCidr('fe80::1')?.prefix).toBe(128);
  });
  it('rejects malformed text', () => {
    for (const bad of ['256.0.0.1', '1.2.3', '1.2.3.4/', '1::2::3', '12345::', 'g::1', '1.2.3.4/x', '1:2:3:4:5:6:7:8:9']) {
      expect(parseCidr(bad), bad).toBeNull();
    }
  });
  it('compares only the prefix bits', () => {
    const block = parseCidr('2001:db8:8000::/33');
    const inside = parseCidr('2001:db8:ffff::1');
    const outside = parseCidr('2001:db8:7fff::1');
    if (block === null || inside === null || outside === null) throw new Error('parse');
    expect(cidrContains(block, inside)).toBe(true);
    expect(cidrContains(block, outside)).toBe(false);
  });
});
