/**
 * S3 event notifications that invoke Lambda, and the confused deputy they can create, against:
 * - https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketNotificationConfiguration.html
 *   ("Unable to validate the following destination configurations")
 * - https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html (event message 2.1)
 * - https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
 *   (S3 bucket ARNs have no account id: add SourceAccount so a bucket of the same name elsewhere cannot invoke)
 */
import { describe, expect, it } from 'vitest';
import type { World } from '../../../src/sim/world/index.ts';
import { callAws } from '../../../src/sim/services/index.ts';
import { codeOf, expectOk } from './fixtures.ts';
import { APP, LK, OTHER, createParams, lambda, lambdaWorld } from './lambda-fixtures.ts';

const FN_ARN = `arn:aws:lambda:us-east-1:${APP}:function:archiver`;
/** Copies each new report into the archive bucket: reads the key S3 reports, writes it elsewhere. */
const ARCHIVER = JSON.stringify({
  steps: [
    { call: 's3:GetObject', params: { Bucket: '$event.Records.0.s3.bucket.name', Key: '$event.Records.0.s3.object.key' } },
    { call: 's3:PutObject', params: { Bucket: 'app-archive', Key: '$event.Records.0.s3.object.key', Body: 'archived' } },
  ],
});

function notify(bucket: string, filter?: { Name: string; Value: string }[]): Record<string, unknown> {
  return {
    Bucket: bucket,
    NotificationConfiguration: { LambdaFunctionConfigurations: [{ Id: 'archive', LambdaFunctionArn: FN_ARN, Events: ['s3:ObjectCreated:*'], ...(filter === undefined ? {} : { Filter: { Key: { FilterRules: filter } } }) }] },
  };
}

function withArchiver(sourceAccount?: string, sourceArn = 'arn:aws:s3:::app-reports'): World {
  const w = lambdaWorld();
  expectOk(lambda(w, LK.dev, 'CreateFunction', createParams('archiver', ARCHIVER)));
  expectOk(
    lambda(w, LK.dev, 'AddPermission', { FunctionName: 'archiver', StatementId: 's3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: sourceArn, ...(sourceAccount === undefined ? {} : { SourceAccount: sourceAccount }) }),
  );
  return w;
}

describe('S3 event notifications to Lambda', () => {
  it('refuses a destination S3 may not invoke, then stores a valid one', () => {
    const w = lambdaWorld();
    expectOk(lambda(w, LK.dev, 'CreateFunction', createParams('archiver', ARCHIVER)));
    const r = callAws(w, LK.admin, 's3', 'PutBucketNotificationConfiguration', notify('app-reports'));
    expect(r).toMatchObject({ error: { code: 'InvalidArgument' } });
    if (!r.ok) expect(r.error.message).toContain('Unable to validate the following destination configurations');
    expectOk(lambda(w, LK.dev, 'AddPermission', { FunctionName: 'archiver', StatementId: 's3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: 'arn:aws:s3:::app-reports', SourceAccount: APP }));
    expectOk(callAws(w, LK.admin, 's3', 'PutBucketNotificationConfiguration', notify('app-reports')));
    expect(expectOk(callAws(w, LK.admin, 's3', 'GetBucketNotificationConfiguration', { Bucket: 'app-reports' }))).toEqual({
      LambdaFunctionConfigurations: [{ Id: 'archive', LambdaFunctionArn: FN_ARN, Events: ['s3:ObjectCreated:*'] }],
    });
    expect(codeOf(callAws(w, LK.alice, 's3', 'PutBucketNotificationConfiguration', notify('app-reports')))).toBe('AccessDenied');
    expect(codeOf(callAws(w, LK.admin, 's3', 'PutBucketNotificationConfiguration', { Bucket: 'app-reports', NotificationConfiguration: { LambdaFunctionConfigurations: [{ LambdaFunctionArn: FN_ARN, Events: ['s3:Nope'] }] } }))).toBe('InvalidArgument');
  });

  it('makes S3 invoke the function as s3.amazonaws.com when an object is stored', () => {
    const w = withArchiver(APP);
    expectOk(callAws(w, LK.admin, 's3', 'PutBucketNotificationConfiguration', notify('app-reports')));
    expectOk(callAws(w, LK.admin, 's3', 'PutObject', { Bucket: 'app-reports', Key: 'q1.txt', Body: 'numbers' }));
    const invoke = w.events.find((e) => e.eventName === 'Invoke');
    expect(invoke).toMatchObject({
      userIdentity: { type: 'AWSService', invokedBy: 's3.amazonaws.com' },
      requestParameters: { functionName: FN_ARN, sourceArn: 'arn:aws:s3:::app-reports', sourceAccount: APP },
      eventCategory: 'Data',
      recipientAccountId: APP,
    });
    expect(invoke?.errorCode).toBeUndefined();
    // The handler ran as its role and copied the object.
    expect(w.s3.buckets['app-archive']?.objects['q1.txt']?.body).toBe('archived');
    const put = w.events.filter((e) => e.eventName === 'PutObject').at(-1);
    expect(put?.userIdentity).toMatchObject({ type: 'AssumedRole', arn: `arn:aws:sts::${APP}:assumed-role/ReportReader/archiver` });
  });

  it('honours key filters and event types', () => {
    const w = withArchiver(APP);
    expectOk(callAws(w, LK.admin, 's3', 'PutBucketNotificationConfiguration', notify('app-reports', [{ Name: 'prefix', Value: 'in/' }])));
    expectOk(callAws(w, LK.admin, 's3', 'PutObject', { Bucket: 'app-reports', Key: 'other.txt', Body: 'x' }));
    expect(w.events.some((e) => e.eventName === 'Invoke')).toBe(false);
    expectOk(callAws(w, LK.admin, 's3', 'DeleteObject', { Bucket: 'app-reports', Key: 'in/a.txt' }));
    expect(w.events.some((e) => e.eventName === 'Invoke')).toBe(false);
    expectOk(callAws(w, LK.admin, 's3', 'PutObject', { Bucket: 'app-reports', Key: 'in/a.txt', Body: 'x' }));
    expect(w.events.filter((e) => e.eventName === 'Invoke')).toHaveLength(1);
  });

  it('stops a function that keeps triggering itself', () => {
    const w = lambdaWorld();
    const loop = JSON.stringify({ steps: [{ call: 's3:PutObject', params: { Bucket: 'app-archive', Key: '$event.Records.0.s3.object.key', Body: 'again' } }] });
    expectOk(lambda(w, LK.dev, 'CreateFunction', createParams('looper', loop)));
    expectOk(lambda(w, LK.dev, 'AddPermission', { FunctionName: 'looper', StatementId: 's3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: 'arn:aws:s3:::app-archive', SourceAccount: APP }));
    expectOk(
      callAws(w, LK.admin, 's3', 'PutBucketNotificationConfiguration', {
        Bucket: 'app-archive',
        NotificationConfiguration: { LambdaFunctionConfigurations: [{ LambdaFunctionArn: `arn:aws:lambda:us-east-1:${APP}:function:looper`, Events: ['s3:ObjectCreated:Put'] }] },
      }),
    );
    expect(codeOf(callAws(w, LK.admin, 's3', 'PutObject', { Bucket: 'app-archive', Key: 'k', Body: 'x' }))).toBe('OK');
    const invokes = w.events.filter((e) => e.eventName === 'Invoke').length;
    expect(invokes).toBeGreaterThan(1);
    expect(invokes).toBeLessThan(20);
  });
});

describe('the confused deputy', () => {
  /** The function trusts "the bucket named app-uploads"; that name now belongs to another account. */
  function deputy(sourceAccount?: string): World {
    const w = withArchiver(sourceAccount, 'arn:aws:s3:::app-uploads');
    expectOk(callAws(w, LK.other, 's3', 'CreateBucket', { Bucket: 'app-uploads' }));
    return w;
  }

  it('lets a same-named bucket in another account invoke a function whose policy has no SourceAccount', () => {
    const w = deputy();
    expectOk(callAws(w, LK.other, 's3', 'PutBucketNotificationConfiguration', notify('app-uploads')));
    expectOk(callAws(w, LK.other, 's3', 'PutObject', { Bucket: 'app-uploads', Key: 'daily.txt', Body: 'bait' }));
    const invoke = w.events.find((e) => e.eventName === 'Invoke');
    expect(invoke).toMatchObject({ requestParameters: { sourceAccount: OTHER }, recipientAccountId: APP });
    expect(invoke?.errorCode).toBeUndefined();
    // The victim's function ran with the victim's role on the attacker's say-so (its first step
    // reads the attacker's object; the role may not, so the run fails there — but it ran).
    const asVictim = w.events.filter((e) => e.userIdentity.arn === `arn:aws:sts::${APP}:assumed-role/ReportReader/archiver`);
    expect(asVictim.map((e) => [e.eventName, e.requestParameters])).toContainEqual(['GetObject', expect.objectContaining({ bucketName: 'app-uploads', key: 'daily.txt' })]);
  });

  it('is stopped by SourceAccount: the configuration cannot be validated and S3 may not invoke', () => {
    const w = deputy(APP);
    const r = callAws(w, LK.other, 's3', 'PutBucketNotificationConfiguration', notify('app-uploads'));
    expect(codeOf(r)).toBe('InvalidArgument');
    // Even a configuration saved before the fix no longer gets through.
    const bucket = w.s3.buckets['app-uploads'];
    if (bucket !== undefined) bucket.notificationConfiguration = { LambdaFunctionConfigurations: [{ Id: 'old', LambdaFunctionArn: FN_ARN, Events: ['s3:ObjectCreated:*'] }] };
    expectOk(callAws(w, LK.other, 's3', 'PutObject', { Bucket: 'app-uploads', Key: 'daily.txt', Body: 'bait' }));
    expect(w.events.find((e) => e.eventName === 'Invoke')).toMatchObject({ errorCode: 'AccessDeniedException', requestParameters: { sourceAccount: OTHER } });
    expect(w.s3.buckets['app-archive']?.objects['daily.txt']).toBeUndefined();
  });
});
