/**
 * A seeded world for the CLI tests: account 111122223333 with an admin user (alice, fixed
 * keys), a user with no permissions (bob), a role alice may assume, a bucket with objects,
 * and two running instances: one with an instance profile that reads S3, one without.
 */
import { createSession } from '../../../src/sim/cli/index.ts';
import type { CliSession } from '../../../src/sim/cli/index.ts';
import { runLine } from '../../../src/sim/cli/index.ts';
import { createWorld } from '../../../src/sim/index.ts';
import type { World } from '../../../src/sim/index.ts';

export const ACCOUNT = '111122223333';
export const ALICE_KEY = 'AKIAALICE00000000001';
export const ALICE_SECRET = 'a'.repeat(40);
export const BOB_KEY = 'AKIABOB0000000000001';
export const BOB_SECRET = 'b'.repeat(40);
export const WITH_ROLE = 'i-0123456789abcdef0';
export const WITHOUT_ROLE = 'i-0fedcba9876543210';

const TRUST_ACCOUNT = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] };
const TRUST_EC2 = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

/** A fresh world. */
export function seedWorld(): World {
  return createWorld({
    accounts: [
      {
        id: ACCOUNT,
        users: [
          { name: 'alice', managedPolicies: ['AdministratorAccess'], accessKeys: [{ accessKeyId: ALICE_KEY, secretAccessKey: ALICE_SECRET }] },
          { name: 'bob', accessKeys: [{ accessKeyId: BOB_KEY, secretAccessKey: BOB_SECRET }] },
        ],
        roles: [
          { name: 'Auditor', trustPolicy: TRUST_ACCOUNT, managedPolicies: ['ReadOnlyAccess'] },
          { name: 'S3Reader', trustPolicy: TRUST_EC2, managedPolicies: ['AmazonS3ReadOnlyAccess'], instanceProfile: true },
        ],
        buckets: [{ name: 'rolelab-data', objects: { 'report.txt': 'hello\n', 'logs/a.log': 'a\n' } }],
        instances: [{ id: WITH_ROLE, instanceProfile: 'S3Reader' }, { id: WITHOUT_ROLE }],
      },
    ],
  });
}

/** A session on alice's laptop with her keys in ~/.aws/credentials. */
export function aliceSession(world: World = seedWorld()): CliSession {
  return createSession(world, { user: 'alice', credentials: { accessKeyId: ALICE_KEY, secretAccessKey: ALICE_SECRET, region: 'us-east-1' } });
}

/** Runs a line and returns its result (a shorter name for tests). */
export function sh(session: CliSession, line: string): ReturnType<typeof runLine> {
  return runLine(session, line);
}
