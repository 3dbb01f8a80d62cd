/**
 * Lambda in the seed format: functions with their execution role and function policy (as
 * AddPermission would build it), and bucket notifications to them — so an exercise can start
 * from a function already deployed, or from the confused-deputy misconfiguration.
 */
import { describe, expect, it } from 'vitest';
import { checkSeed, createWorld, restore, snapshot } from '../../../src/sim/world/index.ts';
import type { WorldSeed } from '../../../src/sim/world/index.ts';
import { callAws } from '../../../src/sim/services/index.ts';
import { codeOf, expectOk } from './fixtures.ts';

const ACCOUNT = '111122223333';
const ADMIN = { accessKeyId: 'AKIAADMINADMINADMIN1' };
const SEED: WorldSeed = {
  accounts: [
    {
      id: ACCOUNT,
      users: [{ name: 'admin', managedPolicies: ['AdministratorAccess'], accessKeys: [ADMIN] }],
      roles: [
        {
          name: 'Thumbnailer',
          trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          managedPolicies: ['AmazonS3ReadOnlyAccess'],
        },
      ],
      buckets: [{ name: 'photos-in', lambdaNotifications: [{ function: 'thumbs', suffix: '.jpg' }] }],
      functions: [
        {
          name: 'thumbs',
          role: 'Thumbnailer',
          handler: { steps: [{ call: 's3:GetObject', params: { Bucket: '$event.Records.0.s3.bucket.name', Key: '$event.Records.0.s3.object.key' } }] },
          permissions: [{ sid: 's3', principal: 's3.amazonaws.com', sourceArn: 'arn:aws:s3:::photos-in', sourceAccount: ACCOUNT }],
        },
      ],
    },
  ],
};

describe('Lambda seeds', () => {
  it('builds functions, their policies and bucket notifications', () => {
    const w = createWorld(SEED);
    const arn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:thumbs`;
    expect(w.lambda.functions[arn]).toMatchObject({ role: `arn:aws:iam::${ACCOUNT}:role/Thumbnailer`, runtime: 'nodejs22.x' });
    const policy = expectOk<{ Policy: string }>(callAws(w, ADMIN, 'lambda', 'GetPolicy', { FunctionName: 'thumbs' }));
    expect(JSON.parse(policy.Policy).Statement[0]).toMatchObject({ Principal: { Service: 's3.amazonaws.com' }, Condition: { StringEquals: { 'AWS:SourceAccount': ACCOUNT }, ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::photos-in' } } });
    expectOk(callAws(w, ADMIN, 's3', 'PutObject', { Bucket: 'photos-in', Key: 'notes.txt', Body: 'x' }));
    expect(w.events.some((e) => e.eventName === 'Invoke')).toBe(false);
    expectOk(callAws(w, ADMIN, 's3', 'PutObject', { Bucket: 'photos-in', Key: 'cat.jpg', Body: 'meow' }));
    expect(w.events.find((e) => e.eventName === 'Invoke')?.errorCode).toBeUndefined();
    expect(w.events.filter((e) => e.eventName === 'GetObject').at(-1)).toMatchObject({ userIdentity: { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Thumbnailer/thumbs` } });
    expect(snapshot(restore(snapshot(w)))).toBe(snapshot(w));
    expect(codeOf(callAws(w, ADMIN, 'lambda', 'Invoke', { FunctionName: 'thumbs', Payload: '{}' }))).toBe('OK');
  });

  it('reports unresolved references', () => {
    const account = SEED.accounts[0];
    if (account === undefined) throw new Error('seed');
    const bad: WorldSeed = {
      accounts: [
        {
          ...account,
          functions: [{ name: 'f', role: 'Missing', handler: { steps: [] }, permissions: [{ sid: 'x', principal: 'nobody' }] }, { name: 'g', role: 'Thumbnailer', handler: 'not json' }],
          buckets: [{ name: 'photos-in', lambdaNotifications: [{ function: 'nope' }] }],
        },
      ],
    };
    const issues = checkSeed(bad);
    expect(issues.some((i) => i.includes('functions.0.role'))).toBe(true);
    expect(issues.some((i) => i.includes('functions.1.handler'))).toBe(true);
    expect(issues.some((i) => i.includes('lambdaNotifications.0.function'))).toBe(true);
    expect(checkSeed({ accounts: [{ id: ACCOUNT, functions: [{ name: 'bad name', role: 'r', handler: {} }] }] }).length).toBeGreaterThan(0);
  });
});
