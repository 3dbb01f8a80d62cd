/** A world for the EC2 tests: a role for EC2 in a profile, a profile without a role, and launchers. */
import { createWorld } from '../../../src/sim/world/index.ts';
import type { World } from '../../../src/sim/world/index.ts';
import { DEV, KEYS } from './fixtures.ts';

/** The EC2 service trust policy. */
export const EC2_TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

/** A fixed instance that exists from the start (IMDSv2 required). */
export const SEEDED = 'i-0a1b2c3d4e5f60718';

/** bob may launch instances but may pass no role; carol may pass only S3Reader. */
export function ec2World(): World {
  const launch = { Effect: 'Allow', Action: ['ec2:RunInstances', 'ec2:Describe*', 'ec2:AssociateIamInstanceProfile', 'ec2:ReplaceIamInstanceProfileAssociation', 'ec2:DisassociateIamInstanceProfile', 'ec2:ModifyInstanceMetadataOptions'], Resource: '*' };
  return createWorld({
    accounts: [
      {
        id: DEV,
        users: [
          { name: 'admin', managedPolicies: ['AdministratorAccess'], accessKeys: [KEYS.admin] },
          { name: 'alice', accessKeys: [KEYS.alice] },
          { name: 'bob', inlinePolicies: { launch: { Version: '2012-10-17', Statement: [launch] } }, accessKeys: [KEYS.bob] },
          {
            name: 'carol',
            inlinePolicies: {
              launch: {
                Version: '2012-10-17',
                Statement: [
                  launch,
                  { Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${DEV}:role/S3Reader`, Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } } },
                ],
              },
            },
            accessKeys: [KEYS.carol],
          },
        ],
        roles: [
          { name: 'S3Reader', trustPolicy: EC2_TRUST, managedPolicies: ['AmazonS3ReadOnlyAccess'], instanceProfile: true },
          { name: 'Admin', trustPolicy: EC2_TRUST, managedPolicies: ['AdministratorAccess'], instanceProfile: 'AdminProfile' },
          { name: 'NotForEc2', trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, instanceProfile: true },
        ],
        buckets: [{ name: 'dev-reports', objects: { 'a.txt': 'alpha' } }],
        instances: [{ id: SEEDED, instanceProfile: 'S3Reader', httpTokens: 'required', tags: { Name: 'web' } }],
      },
    ],
  });
}
