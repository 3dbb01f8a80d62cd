/**
 * The simulated account of lesson 7's terminal ("Best practices"): maria may assume ProdAdmin
 * only with a recent MFA sign-in, and the account has a strong password policy. Kept in a module
 * of its own so the lesson and tests/content/best-lesson.test.ts use the very same world.
 */
import type { WorldSeed } from '../../../sim/world/seed-schema.ts';

const ACCOUNT = '111122223333';

/** Trust policy of ProdAdmin: only maria, only with MFA less than an hour old. */
export const BEST_MFA_TRUST = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'MariaWithRecentMfa',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/maria` },
      Action: 'sts:AssumeRole',
      Condition: {
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
        NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' },
      },
    },
  ],
};

/** The world of the lesson's terminal. */
export const BEST_TERMINAL_WORLD: WorldSeed = {
  accounts: [
    {
      id: ACCOUNT,
      alias: 'example-prod',
      passwordPolicy: {
        MinimumPasswordLength: 14,
        RequireSymbols: true,
        RequireNumbers: true,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: true,
        AllowUsersToChangePassword: true,
        MaxPasswordAge: 90,
        PasswordReusePrevention: 24,
      },
      users: [
        {
          name: 'maria',
          mfa: true,
          password: true,
          accessKeys: [{ accessKeyId: 'AKIAMARIA00000000001', secretAccessKey: 'm'.repeat(40) }],
          inlinePolicies: {
            'assume-prod-admin': {
              Version: '2012-10-17',
              Statement: [
                {
                  Sid: 'AssumeProdAdmin',
                  Effect: 'Allow',
                  Action: 'sts:AssumeRole',
                  Resource: `arn:aws:iam::${ACCOUNT}:role/ProdAdmin`,
                },
                {
                  Sid: 'SeeOwnMfaDevices',
                  Effect: 'Allow',
                  Action: 'iam:ListMFADevices',
                  Resource: `arn:aws:iam::${ACCOUNT}:user/maria`,
                },
              ],
            },
          },
        },
        { name: 'bob' },
      ],
      roles: [
        {
          name: 'ProdAdmin',
          description: 'Full administration of the production account, with MFA only.',
          trustPolicy: BEST_MFA_TRUST,
          managedPolicies: ['AdministratorAccess'],
        },
      ],
      buckets: [{ name: 'example-prod-config', objects: { 'app.json': '{"replicas": 3}' } }],
    },
  ],
};
