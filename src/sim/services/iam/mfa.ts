/**
 * Virtual MFA devices: CreateVirtualMFADevice, EnableMFADevice, DeactivateMFADevice,
 * ListMFADevices, ListVirtualMFADevices, DeleteVirtualMFADevice.
 *
 * EnableMFADevice wants two consecutive codes, as the console asks for them. A learner reads
 * them from the simulated authenticator (`authenticatorCode`), which shows the current and the
 * next code, so we accept (previous, current) and (current, next).
 */
import { mfaArn } from '../../world/arns.ts';
import { newVirtualMfaDevice, worldNowIso } from '../../world/iam-records.ts';
import { awsError, deleteConflict, entityAlreadyExists, fail, internalFailure, limitExceeded, noSuchEntity, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import { NAME_PATTERN, PATH_PATTERN } from '../params.ts';
import { authorizeIam, callerAccount, mergeTags, tagContext } from './common.ts';
import { totpAt } from './totp.ts';
import { withUser } from './users.ts';

/** AWS's serial-number parameter rule (9–256 characters). */
export const SERIAL_RULE = { min: 9, max: 256, pattern: /^[\w+=/:,.@-]+$/, patternText: '[\\w+=/:,.@-]+' } as const;
const CODE_RULE = { required: true, min: 6, max: 6, pattern: /^\d{6}$/, patternText: '[\\d]+' } as const;

/** The most MFA devices a user may have enabled (IAM quotas). */
export const MFA_DEVICES_PER_USER = 8;

/** `InvalidAuthenticationCode` (403). */
function invalidCode(): ReturnType<typeof awsError> {
  return awsError('InvalidAuthenticationCode', 'Authentication code for device is not valid.', 403);
}

const createVirtualMfaDevice: Operation = {
  readOnly: false,
  run(env, p) {
    const name = p.string('VirtualMFADeviceName', { required: true, min: 1, max: 226, ...NAME_PATTERN });
    const path = p.string('Path', { min: 1, max: 512, ...PATH_PATTERN }) ?? '/';
    const tags = p.tags();
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    if (name === undefined) return fail(internalFailure('VirtualMFADeviceName missing'));
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const serial = mfaArn(account.id, path, name);
    const denied = authorizeIam(env, 'iam:CreateVirtualMFADevice', serial, tagContext(tags));
    if (denied !== undefined) return fail(denied);
    const taken = Object.values(account.iam.mfaDevices).some((d) => d.serialNumber.slice(d.serialNumber.lastIndexOf('/') + 1).toLowerCase() === name.toLowerCase());
    if (taken) return fail(entityAlreadyExists('MFADevice entity at the same path and name already exists.'));
    const device = newVirtualMfaDevice(env.world, account.id, path, name, mergeTags([], tags ?? []));
    account.iam.mfaDevices[device.serialNumber] = device;
    // QRCodePNG is left out: the simulator has no images; the seed is what the QR code carries.
    return ok({ VirtualMFADevice: { SerialNumber: device.serialNumber, Base32StringSeed: device.base32StringSeed } });
  },
};

const enableMfaDevice: Operation = {
  readOnly: false,
  run(env, p) {
    let serial: string | undefined;
    let code1: string | undefined;
    let code2: string | undefined;
    return withUser(
      env,
      p,
      'iam:EnableMFADevice',
      {
        read: (q) => {
          serial = q.string('SerialNumber', { required: true, ...SERIAL_RULE });
          code1 = q.string('AuthenticationCode1', CODE_RULE);
          code2 = q.string('AuthenticationCode2', CODE_RULE);
        },
      },
      (account, user) => {
        const device = account.iam.mfaDevices[serial ?? ''];
        if (device === undefined) return fail(noSuchEntity(`VirtualMFADevice with serial number ${serial ?? ''} does not exist.`));
        if (device.userName !== null) return fail(entityAlreadyExists('MFA Device is already in use.'));
        if (user.mfaDevices.length >= MFA_DEVICES_PER_USER) return fail(limitExceeded(`Cannot exceed quota for MFADevicesPerUser: ${MFA_DEVICES_PER_USER}`));
        const now = env.world.clock.epochMs;
        const seed = device.base32StringSeed;
        const good = [-1, 0].some((o) => totpAt(seed, now, o) === code1 && totpAt(seed, now, o + 1) === code2);
        if (!good) return fail(invalidCode());
        device.userName = user.userName;
        device.enableDate = worldNowIso(env.world);
        user.mfaDevices.push(device.serialNumber);
        return ok({});
      },
    );
  },
};

const deactivateMfaDevice: Operation = {
  readOnly: false,
  run(env, p) {
    let serial: string | undefined;
    return withUser(
      env,
      p,
      'iam:DeactivateMFADevice',
      {
        optional: true,
        read: (q) => {
          serial = q.string('SerialNumber', { required: true, ...SERIAL_RULE });
        },
      },
      (account, user) => {
        const device = account.iam.mfaDevices[serial ?? ''];
        if (device === undefined || device.userName !== user.userName) return fail(noSuchEntity(`MFA Device with serial number ${serial ?? ''} does not exist.`));
        device.userName = null;
        device.enableDate = null;
        user.mfaDevices = user.mfaDevices.filter((s) => s !== device.serialNumber);
        return ok({});
      },
    );
  },
};

const listMfaDevices: Operation = {
  readOnly: true,
  run: (env, p) =>
    withUser(env, p, 'iam:ListMFADevices', { optional: true }, (account, user) =>
      ok({
        MFADevices: user.mfaDevices.map((s) => ({ UserName: user.userName, SerialNumber: s, EnableDate: account.iam.mfaDevices[s]?.enableDate ?? '' })),
        IsTruncated: false,
      }),
    ),
};

const listVirtualMfaDevices: Operation = {
  readOnly: true,
  run(env, p) {
    const status = p.string('AssignmentStatus', { pattern: /^(Assigned|Unassigned|Any)$/, patternText: '[Assigned, Unassigned, Any]' }) ?? 'Any';
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:ListVirtualMFADevices', '*');
    if (denied !== undefined) return fail(denied);
    const devices = Object.values(account.iam.mfaDevices)
      .filter((d) => status === 'Any' || (status === 'Assigned') === (d.userName !== null))
      .map((d) => {
        const out: Record<string, unknown> = { SerialNumber: d.serialNumber };
        const user = d.userName === null ? undefined : account.iam.users[d.userName];
        if (user !== undefined) out['User'] = { UserName: user.userName, UserId: user.userId, Arn: user.arn, Path: user.path, CreateDate: user.createDate };
        if (d.enableDate !== null) out['EnableDate'] = d.enableDate;
        return out;
      });
    return ok({ VirtualMFADevices: devices, IsTruncated: false });
  },
};

const deleteVirtualMfaDevice: Operation = {
  readOnly: false,
  run(env, p) {
    const serial = p.string('SerialNumber', { required: true, ...SERIAL_RULE });
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:DeleteVirtualMFADevice', serial ?? '*');
    if (denied !== undefined) return fail(denied);
    const device = account.iam.mfaDevices[serial ?? ''];
    if (device === undefined) return fail(noSuchEntity(`VirtualMFADevice with serial number ${serial ?? ''} does not exist.`));
    if (device.userName !== null) return fail(deleteConflict('MFA Device is still in use.'));
    delete account.iam.mfaDevices[device.serialNumber];
    return ok({});
  },
};

/** The MFA operations by name. */
export const MFA_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateVirtualMFADevice: createVirtualMfaDevice,
  EnableMFADevice: enableMfaDevice,
  DeactivateMFADevice: deactivateMfaDevice,
  ListMFADevices: listMfaDevices,
  ListVirtualMFADevices: listVirtualMfaDevices,
  DeleteVirtualMFADevice: deleteVirtualMfaDevice,
};
