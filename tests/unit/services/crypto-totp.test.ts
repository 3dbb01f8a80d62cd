import { describe, expect, it } from 'vitest';
import { base32Decode, hmacSha1, hotp, sha1, totpAt } from '../../../src/sim/services/index.ts';

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
const bytes = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

describe('SHA-1 and HMAC-SHA1 (FIPS 180-4, RFC 2202 test vectors)', () => {
  it('hashes the standard messages', () => {
    expect(hex(sha1(bytes('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(sha1(bytes('')))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(hex(sha1(bytes('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
    expect(hex(sha1(new Uint8Array(1000).fill(0x61)))).toBe('291e9a6c66994949b57ba5e650361e98fc36b1ba');
  });

  it('computes HMAC-SHA1', () => {
    expect(hex(hmacSha1(new Uint8Array(20).fill(0x0b), bytes('Hi There')))).toBe('b617318655057264e28bc0b6fb378c8ef146be00');
    expect(hex(hmacSha1(bytes('Jefe'), bytes('what do ya want for nothing?')))).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
    expect(hex(hmacSha1(new Uint8Array(80).fill(0xaa), bytes('Test Using Larger Than Block-Size Key - Hash Key First')))).toBe('aa4ae5e15272d00e95705637ce8a3b55ed402112');
  });
});

describe('TOTP (RFC 4226 and RFC 6238 test vectors)', () => {
  it('computes HOTP values', () => {
    const key = bytes('12345678901234567890');
    expect([0, 1, 2, 9].map((c) => hotp(key, c))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('computes TOTP codes from a base32 secret at the RFC 6238 times', () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(base32Decode(secret)).toEqual(bytes('12345678901234567890'));
    const at = (s: number) => totpAt(secret, s * 1000);
    expect(at(59)).toBe('287082');
    expect(at(1111111109)).toBe('081804');
    expect(at(1111111111)).toBe('050471');
    expect(at(1234567890)).toBe('005924');
    expect(at(2000000000)).toBe('279037');
    expect(totpAt(secret, 59_000, 1)).toBe(at(89));
    expect(totpAt('not base32!', 0)).toBeUndefined();
  });
});
