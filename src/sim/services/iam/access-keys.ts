/**
 * Access keys of IAM users: CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey,
 * GetAccessKeyLastUsed. At most two keys per user (IAM quotas), which is what makes key
 * rotation possible: create the second, switch, deactivate and delete the first.
 */
import { newAccessKey } from '../../world/iam-records.ts';
import { fail, limitExceeded, noSuchEntity, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import { findAccessKeyOwner } from '../caller.ts';
import { authorizeIam, callerAccount } from './common.ts';
import { withUser } from './users.ts';

/** The most access keys one user can have. */
export const ACCESS_KEYS_PER_USER = 2;

const KEY_ID = { min: 16, max: 128, pattern: /^[\w]+$/, patternText: '[\\w]+' } as const;

const createAccessKey: Operation = {
  readOnly: false,
  run: (env, p) =>
    withUser(env, p, 'iam:CreateAccessKey', { optional: true }, (_a, user) => {
      if (user.accessKeys.length >= ACCESS_KEYS_PER_USER) return fail(limitExceeded(`Cannot exceed quota for AccessKeysPerUser: ${ACCESS_KEYS_PER_USER}`));
      const key = newAccessKey(env.world);
      user.accessKeys.push(key);
      return ok({ AccessKey: { UserName: user.userName, AccessKeyId: key.accessKeyId, Status: key.status, SecretAccessKey: key.secretAccessKey, CreateDate: key.createDate } });
    }),
};

const listAccessKeys: Operation = {
  readOnly: true,
  run: (env, p) =>
    withUser(env, p, 'iam:ListAccessKeys', { optional: true }, (_a, user) =>
      ok({
        AccessKeyMetadata: user.accessKeys.map((k) => ({ UserName: user.userName, AccessKeyId: k.accessKeyId, Status: k.status, CreateDate: k.createDate })),
        IsTruncated: false,
      }),
    ),
};

const updateAccessKey: Operation = {
  readOnly: false,
  run(env, p) {
    let keyId: string | undefined;
    let status: string | undefined;
    return withUser(
      env,
      p,
      'iam:UpdateAccessKey',
      {
        optional: true,
        read: (q) => {
          keyId = q.string('AccessKeyId', { required: true, ...KEY_ID });
          status = q.string('Status', { required: true, pattern: /^(Active|Inactive)$/, patternText: '[Active, Inactive]' });
        },
      },
      (_a, user) => {
        const key = user.accessKeys.find((k) => k.accessKeyId === keyId);
        if (key === undefined) return fail(noSuchEntity(`The Access Key with id ${keyId ?? ''} cannot be found.`));
        key.status = status === 'Inactive' ? 'Inactive' : 'Active';
        return ok({});
      },
    );
  },
};

const deleteAccessKey: Operation = {
  readOnly: false,
  run(env, p) {
    let keyId: string | undefined;
    return withUser(
      env,
      p,
      'iam:DeleteAccessKey',
      {
        optional: true,
        read: (q) => {
          keyId = q.string('AccessKeyId', { required: true, ...KEY_ID });
        },
      },
      (_a, user) => {
        if (!user.accessKeys.some((k) => k.accessKeyId === keyId)) return fail(noSuchEntity(`The Access Key with id ${keyId ?? ''} cannot be found.`));
        user.accessKeys = user.accessKeys.filter((k) => k.accessKeyId !== keyId);
        return ok({});
      },
    );
  },
};

const getAccessKeyLastUsed: Operation = {
  readOnly: true,
  run(env, p) {
    const keyId = p.string('AccessKeyId', { required: true, ...KEY_ID });
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const owner = findAccessKeyOwner(env.world, keyId ?? '');
    const denied = authorizeIam(env, 'iam:GetAccessKeyLastUsed', owner?.user.arn ?? '*');
    if (denied !== undefined) return fail(denied);
    const key = owner?.user.accessKeys.find((k) => k.accessKeyId === keyId);
    if (owner === undefined || key === undefined || owner.accountId !== account.id) return fail(noSuchEntity(`The Access Key with id ${keyId ?? ''} cannot be found.`));
    const lastUsed = key.lastUsedDate === null ? { ServiceName: 'N/A', Region: 'N/A' } : { LastUsedDate: key.lastUsedDate, ServiceName: 'iam', Region: 'us-east-1' };
    return ok({ UserName: owner.user.userName, AccessKeyLastUsed: lastUsed });
  },
};

/** The access-key operations by name. */
export const ACCESS_KEY_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateAccessKey: createAccessKey,
  ListAccessKeys: listAccessKeys,
  UpdateAccessKey: updateAccessKey,
  DeleteAccessKey: deleteAccessKey,
  GetAccessKeyLastUsed: getAccessKeyLastUsed,
};
