/**
 * Checking SerialNumber + TokenCode on STS calls. The device must be an MFA device enabled for
 * the calling user and the code must be current; otherwise STS refuses with AWS's message
 * ("MultiFactorAuthentication failed with invalid MFA one time pass code.").
 */
import type { World } from '../../world/types.ts';
import type { ServiceCaller } from '../caller.ts';
import { accessDenied } from '../errors.ts';
import type { AwsError } from '../types.ts';
import { totpMatches } from '../iam/totp.ts';

/** The AccessDenied STS answers a bad MFA code with. */
export function mfaFailed(): AwsError {
  return accessDenied('MultiFactorAuthentication failed with invalid MFA one time pass code.');
}

/** Whether the serial and code authenticate the caller; the error, or undefined when they do. */
export function checkMfaCode(world: World, caller: ServiceCaller, serial: string, code: string | undefined): AwsError | undefined {
  if (code === undefined) return accessDenied('MultiFactorAuthentication failed, unable to validate MFA code.');
  if (caller.kind === 'anonymous') return mfaFailed();
  const account = world.accounts[caller.accountId];
  const device = account?.iam.mfaDevices[serial];
  if (device === undefined) return mfaFailed();
  // A role session has no MFA device of its own; the device must belong to the IAM user calling.
  const userName = caller.kind === 'user' || caller.kind === 'user-session' ? caller.userName : undefined;
  if (device.userName === null || device.userName !== userName) return mfaFailed();
  return totpMatches(device.base32StringSeed, world.clock.epochMs, code) ? undefined : mfaFailed();
}
