/** A world with buckets for the S3 tests: DEV owns `dev-reports`, PROD owns `prod-data`. */
import { createWorld } from '../../../src/sim/world/index.ts';
import type { World } from '../../../src/sim/world/index.ts';
import { DEV, KEYS, PROD } from './fixtures.ts';

/** Reader: ListBucket on dev-reports limited to the `public/` prefix, GetObject on public/*. */
export const READER_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::dev-reports', Condition: { StringLike: { 's3:prefix': ['public/*', 'public/'] } } },
    { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::dev-reports/public/*' },
  ],
};

/** A world for S3 tests. */
export function s3World(): World {
  return createWorld({
    accounts: [
      {
        id: DEV,
        users: [
          { name: 'admin', managedPolicies: ['AdministratorAccess'], accessKeys: [KEYS.admin] },
          { name: 'alice', accessKeys: [KEYS.alice] },
          { name: 'bob', inlinePolicies: { reader: READER_POLICY }, accessKeys: [KEYS.bob] },
          { name: 'carol', inlinePolicies: { get: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } }, accessKeys: [KEYS.carol] },
        ],
        buckets: [
          { name: 'dev-reports', objects: { 'public/a.txt': 'alpha', 'public/b.txt': 'bravo', 'private/salaries.csv': 'secret', 'top.txt': 'top' } },
        ],
      },
      {
        id: PROD,
        users: [{ name: 'prod-admin', managedPolicies: ['AdministratorAccess'], accessKeys: [KEYS.prodAdmin] }],
        buckets: [{ name: 'prod-data', region: 'eu-west-1', objects: { 'x.txt': 'x' } }],
      },
    ],
  });
}
