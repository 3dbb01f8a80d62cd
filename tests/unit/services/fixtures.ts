/** A small two-account world most service tests start from. */
import { createWorld } from '../../../src/sim/world/index.ts';
import type { World, WorldSeed } from '../../../src/sim/world/index.ts';
import { callAws } from '../../../src/sim/services/index.ts';
import type { AwsResult, CallParams, Credentials } from '../../../src/sim/services/index.ts';

export const DEV = '111122223333';
export const PROD = '444455556666';

/** Fixed keys so tests can sign as each user. */
export const KEYS = {
  admin: { accessKeyId: 'AKIAADMINADMINADMIN1', secretAccessKey: 'a'.repeat(40) },
  alice: { accessKeyId: 'AKIAALICEALICEALICE1', secretAccessKey: 'b'.repeat(40) },
  bob: { accessKeyId: 'AKIABOBBOBBOBBOBBOB1', secretAccessKey: 'c'.repeat(40) },
  carol: { accessKeyId: 'AKIACAROLCAROLCAROL1', secretAccessKey: 'd'.repeat(40) },
  prodAdmin: { accessKeyId: 'AKIAPRODPRODPRODPRO1', secretAccessKey: 'e'.repeat(40) },
} as const;

const TRUST_DEV_ACCOUNT = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEV}:root` }, Action: 'sts:AssumeRole' }],
};

/** The seed behind `baseWorld()`. */
export const BASE_SEED: WorldSeed = {
  accounts: [
    {
      id: DEV,
      alias: 'rolelab-dev',
      users: [
        { name: 'admin', managedPolicies: ['AdministratorAccess'], accessKeys: [KEYS.admin] },
        { name: 'alice', accessKeys: [KEYS.alice], tags: { team: 'blue' } },
        { name: 'bob', groups: ['developers'], accessKeys: [KEYS.bob] },
        { name: 'carol', mfa: true, accessKeys: [KEYS.carol], inlinePolicies: { assume: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] } } },
      ],
      groups: [
        {
          name: 'developers',
          inlinePolicies: {
            assume: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'], Resource: `arn:aws:iam::${DEV}:role/*` }] },
          },
          managedPolicies: ['ReadOnlyAccess'],
        },
      ],
      roles: [
        { name: 'DevReader', trustPolicy: TRUST_DEV_ACCOUNT, managedPolicies: ['AmazonS3ReadOnlyAccess'], tags: { env: 'dev' } },
        {
          name: 'Chainer',
          trustPolicy: TRUST_DEV_ACCOUNT,
          inlinePolicies: { assume: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'], Resource: '*' }] } },
          maxSessionDuration: 43200,
        },
      ],
    },
    {
      id: PROD,
      alias: 'rolelab-prod',
      users: [{ name: 'prod-admin', managedPolicies: ['AdministratorAccess'], accessKeys: [KEYS.prodAdmin] }],
      roles: [
        {
          name: 'ProdDeploy',
          path: '/deploy/',
          trustPolicy: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEV}:root` }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'ext-123' } } }],
          },
          managedPolicies: ['AmazonS3FullAccess'],
          maxSessionDuration: 7200,
        },
      ],
    },
  ],
};

/** A fresh copy of the base world. */
export function baseWorld(): World {
  return createWorld(BASE_SEED);
}

/** A call helper bound to a world. */
export function caller(world: World) {
  return (credentials: Credentials, service: string, operation: string, params: CallParams = {}): AwsResult<unknown> => callAws(world, credentials, service, operation, params);
}

/** The result of a successful call, or a thrown error naming the failure (tests only). */
export function expectOk<T = Record<string, unknown>>(r: AwsResult<unknown>): T {
  if (!r.ok) throw new Error(`expected success, got ${r.error.code}: ${r.error.message}`);
  return r.result as T;
}

/** The error code of a failed call, or 'OK'. */
export function codeOf(r: AwsResult<unknown>): string {
  return r.ok ? 'OK' : r.error.code;
}
