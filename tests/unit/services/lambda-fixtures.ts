/** A world for the Lambda tests: a function author, execution roles, a bucket to read, and a second account. */
import { createWorld } from '../../../src/sim/world/index.ts';
import type { World, WorldSeed } from '../../../src/sim/world/index.ts';
import { callAws } from '../../../src/sim/services/index.ts';
import type { AwsResult, CallParams, Credentials } from '../../../src/sim/services/index.ts';

export const APP = '111122223333';
export const OTHER = '444455556666';
export const LK = {
  admin: { accessKeyId: 'AKIAADMINADMINADMIN1' },
  dev: { accessKeyId: 'AKIADEVDEVDEVDEVDEV1' },
  noPass: { accessKeyId: 'AKIANOPASSNOPASSNOP1' },
  ec2Only: { accessKeyId: 'AKIAECTWOECTWOECTWO1' },
  alice: { accessKeyId: 'AKIAALICEALICEALICE1' },
  other: { accessKeyId: 'AKIAOTHEROTHEROTHER1' },
} as const;

const doc = (st: Record<string, unknown>[]): Record<string, unknown> => ({ Version: '2012-10-17', Statement: st });
const LAMBDA_TRUST = doc([{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }]);
const pass = (service: string): Record<string, unknown> => ({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': service } } });

export const READER_ROLE = `arn:aws:iam::${APP}:role/ReportReader`;
export const EC2_ROLE = `arn:aws:iam::${APP}:role/Ec2Role`;

/** The read-a-report handler. */
export const READ_REPORT = JSON.stringify({ steps: [{ call: 's3:GetObject', params: { Bucket: 'app-reports', Key: 'daily.txt' } }], return: 'last' });

export const LAMBDA_SEED: WorldSeed = {
  accounts: [
    {
      id: APP,
      alias: 'app',
      users: [
        { name: 'admin', managedPolicies: ['AdministratorAccess'], accessKeys: [LK.admin] },
        { name: 'dev', inlinePolicies: { lambda: doc([{ Effect: 'Allow', Action: 'lambda:*', Resource: '*' }, pass('lambda.amazonaws.com')]) }, accessKeys: [LK.dev] },
        { name: 'no-pass', inlinePolicies: { lambda: doc([{ Effect: 'Allow', Action: 'lambda:*', Resource: '*' }]) }, accessKeys: [LK.noPass] },
        { name: 'ec2-only', inlinePolicies: { lambda: doc([{ Effect: 'Allow', Action: 'lambda:*', Resource: '*' }, pass('ec2.amazonaws.com')]) }, accessKeys: [LK.ec2Only] },
        { name: 'alice', accessKeys: [LK.alice] },
      ],
      roles: [
        {
          name: 'ReportReader',
          trustPolicy: LAMBDA_TRUST,
          managedPolicies: ['AWSLambdaBasicExecutionRole'],
          inlinePolicies: { read: doc([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::app-reports/*' }, { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::app-archive/*' }]) },
        },
        { name: 'Ec2Role', trustPolicy: doc([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]) },
      ],
      buckets: [{ name: 'app-reports', objects: { 'daily.txt': 'revenue up 4%', 'weekly.txt': 'steady' } }, { name: 'app-archive' }],
    },
    { id: OTHER, alias: 'other', users: [{ name: 'admin', managedPolicies: ['AdministratorAccess'], accessKeys: [LK.other] }] },
  ],
};

/** A fresh Lambda world. */
export function lambdaWorld(): World {
  return createWorld(LAMBDA_SEED);
}

/** Calls Lambda. */
export function lambda(world: World, creds: Credentials, op: string, params: CallParams = {}): AwsResult<unknown> {
  return callAws(world, creds, 'lambda', op, params);
}

/** CreateFunction parameters for a handler. */
export function createParams(name: string, zip: string = READ_REPORT, role: string = READER_ROLE): Record<string, unknown> {
  return { FunctionName: name, Role: role, Runtime: 'nodejs22.x', Handler: 'index.handler', Code: { ZipFile: zip } };
}
