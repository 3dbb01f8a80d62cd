/**
 * TOTP codes of virtual MFA devices (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps,
 * 6 digits, the secret given in base32 as IAM gives it (`Base32StringSeed`). The time comes from
 * the world's clock, so a lesson's "authenticator app" shows the code for simulated time.
 */
import type { World } from '../../world/types.ts';
import { hmacSha1 } from './sha1.ts';

/** Seconds per TOTP step. */
export const TOTP_STEP_SECONDS = 30;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Decodes RFC 4648 base32 (padding and case ignored); undefined on a bad character. */
export function base32Decode(text: string): Uint8Array | undefined {
  const clean = text.replace(/=+$/, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const v = BASE32.indexOf(ch);
    if (v < 0) return undefined;
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

/** The HOTP value for a counter (RFC 4226 §5.3, dynamic truncation), as `digits` digits. */
export function hotp(key: Uint8Array, counter: number, digits = 6): string {
  const msg = new Uint8Array(8);
  const view = new DataView(msg.buffer);
  view.setUint32(0, Math.floor(counter / 0x100000000));
  view.setUint32(4, counter >>> 0);
  const mac = hmacSha1(key, msg);
  const offset = (mac[19] ?? 0) & 0x0f;
  const code = (((mac[offset] ?? 0) & 0x7f) << 24) | ((mac[offset + 1] ?? 0) << 16) | ((mac[offset + 2] ?? 0) << 8) | (mac[offset + 3] ?? 0);
  return String(code % 10 ** digits).padStart(digits, '0');
}

/** The TOTP step number at an instant. */
export function totpStep(epochMs: number): number {
  return Math.floor(epochMs / 1000 / TOTP_STEP_SECONDS);
}

/** The TOTP code of a base32 secret at an instant (offset in steps: -1 the previous code, +1 the next). */
export function totpAt(base32Secret: string, epochMs: number, stepOffset = 0): string | undefined {
  const key = base32Decode(base32Secret);
  return key === undefined ? undefined : hotp(key, totpStep(epochMs) + stepOffset);
}

/** What a simulated authenticator app shows for a device: the code now, the next one, and seconds left. */
export interface AuthenticatorView {
  serialNumber: string;
  code: string;
  nextCode: string;
  secondsRemaining: number;
}

/** The authenticator view of a virtual MFA device in any account, or undefined when there is no such device. */
export function authenticatorCode(world: World, serialNumber: string): AuthenticatorView | undefined {
  for (const account of Object.values(world.accounts)) {
    const device = account.iam.mfaDevices[serialNumber];
    if (device === undefined) continue;
    const now = world.clock.epochMs;
    const code = totpAt(device.base32StringSeed, now);
    const nextCode = totpAt(device.base32StringSeed, now, 1);
    if (code === undefined || nextCode === undefined) return undefined;
    const secondsRemaining = TOTP_STEP_SECONDS - (Math.floor(now / 1000) % TOTP_STEP_SECONDS);
    return { serialNumber, code, nextCode, secondsRemaining };
  }
  return undefined;
}

/**
 * Whether a code is valid for the device now. AWS accepts a small clock drift; we accept the
 * current step and the one before it, so a code read just before a step boundary still works.
 */
export function totpMatches(base32Secret: string, epochMs: number, code: string): boolean {
  return [0, -1].some((o) => totpAt(base32Secret, epochMs, o) === code);
}
