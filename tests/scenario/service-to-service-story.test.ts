/**
 * The seed guide's "service-to-service" story: an AWS service acting for you needs a role of its
 * own. An administrator creates a role Lambda may assume that can read S3, creates a function
 * with it, and a user who may only invoke the function gets the report through it. Then S3
 * invokes the function itself when a report is uploaded — as the service principal, allowed by
 * the function policy for that bucket and account. The confused-deputy variant shows why
 * SourceAccount matters for S3 (bucket ARNs carry no account), and the trail shows the
 * management events (AssumeRole, CreateFunction, AddPermission…) but not the data events
 * (S3 GetObject/PutObject and Lambda Invoke), which Event history never holds.
 * (AWS: Lambda Developer Guide, "Lambda execution role", "Using resource-based policies for
 * Lambda"; IAM User Guide, "The confused deputy problem"; CloudTrail User Guide, "Logging
 * management events": "The CloudTrail Event history feature supports only management events";
 * Lambda Developer Guide, "Logging AWS Lambda API calls using AWS CloudTrail": Invoke is a data event.)
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/world/index.ts';
import type { World } from '../../src/sim/world/index.ts';
import { callAws } from '../../src/sim/services/index.ts';
import type { AwsResult, LookupEvent } from '../../src/sim/services/index.ts';

const ACCOUNT = '111122223333';
const STRANGER = '999988887777';
const ADMIN = { accessKeyId: 'AKIAADMINADMINADMIN1' };
const ANALYST = { accessKeyId: 'AKIAANALYSTANALYSTA1' };
const STRANGER_ADMIN = { accessKeyId: 'AKIASTRANGERSTRANGE1' };
const FN_ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:monthly-report`;
const LAMBDA_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, null, 2);
/** Reads the object named in the event (S3 notification) or the default report. */
const HANDLER = JSON.stringify({ steps: [{ call: 's3:GetObject', params: { Bucket: 'example-corp-reports', Key: 'reports/2026-01.csv' } }] });
const ON_UPLOAD = JSON.stringify({ steps: [{ call: 's3:GetObject', params: { Bucket: '$event.Records.0.s3.bucket.name', Key: '$event.Records.0.s3.object.key' } }] });

function ok<T = Record<string, unknown>>(r: AwsResult<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.result as T;
}

function newWorld(): World {
  return createWorld({
    accounts: [
      {
        id: ACCOUNT,
        alias: 'example-corp',
        users: [
          { name: 'admin', managedPolicies: ['AdministratorAccess'], accessKeys: [ADMIN] },
          // The analyst may invoke this one function and nothing else: no S3 at all.
          { name: 'analyst', inlinePolicies: { invoke: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: FN_ARN }] } }, accessKeys: [ANALYST] },
        ],
        buckets: [{ name: 'example-corp-reports', objects: { 'reports/2026-01.csv': 'month,total\n2026-01,42\n' } }],
      },
      { id: STRANGER, alias: 'stranger', users: [{ name: 'admin', managedPolicies: ['AdministratorAccess'], accessKeys: [STRANGER_ADMIN] }] },
    ],
  });
}

/** The administrator's steps: a role for the Lambda use case, then the function. */
function setUp(world: World, handler = HANDLER, name = 'monthly-report'): void {
  ok(callAws(world, ADMIN, 'iam', 'CreateRole', { RoleName: 'ReportReader', AssumeRolePolicyDocument: LAMBDA_TRUST, Description: 'Allows Lambda functions to call AWS services on your behalf.' }));
  ok(callAws(world, ADMIN, 'iam', 'AttachRolePolicy', { RoleName: 'ReportReader', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }));
  ok(callAws(world, ADMIN, 'iam', 'AttachRolePolicy', { RoleName: 'ReportReader', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }));
  ok(callAws(world, ADMIN, 'lambda', 'CreateFunction', { FunctionName: name, Role: `arn:aws:iam::${ACCOUNT}:role/ReportReader`, Runtime: 'python3.13', Handler: 'app.handler', Code: { ZipFile: handler } }));
}

function trail(world: World): LookupEvent[] {
  const out: LookupEvent[] = [];
  let token: string | undefined;
  do {
    const page = ok<{ Events: LookupEvent[]; NextToken?: string }>(callAws(world, ADMIN, 'cloudtrail', 'LookupEvents', { MaxResults: 50, ...(token === undefined ? {} : { NextToken: token }) }));
    out.push(...page.Events);
    token = page.NextToken;
  } while (token !== undefined);
  return out;
}

describe('the service-to-service story', () => {
  it('lets a user get a report through a function whose role reads S3, without S3 permissions of their own', () => {
    const world = newWorld();
    setUp(world);
    expect(callAws(world, ANALYST, 's3', 'GetObject', { Bucket: 'example-corp-reports', Key: 'reports/2026-01.csv' })).toMatchObject({ error: { code: 'AccessDenied' } });
    const r = ok<{ StatusCode: number; Payload: string; FunctionError?: string }>(callAws(world, ANALYST, 'lambda', 'Invoke', { FunctionName: FN_ARN }));
    expect(r.StatusCode).toBe(200);
    expect(r.FunctionError).toBeUndefined();
    expect(JSON.parse(r.Payload)).toMatchObject({ Body: 'month,total\n2026-01,42\n' });
    // The read was made by the role session Lambda obtained, named after the function.
    const get = world.events.find((e) => e.eventName === 'GetObject' && e.errorCode === undefined);
    expect(get?.userIdentity).toMatchObject({ type: 'AssumedRole', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/ReportReader/monthly-report`, sessionContext: { sessionIssuer: { userName: 'ReportReader' } } });
    // The analyst may not invoke anything else, nor change the function.
    expect(callAws(world, ANALYST, 'lambda', 'GetPolicy', { FunctionName: FN_ARN })).toMatchObject({ error: { code: 'AccessDeniedException' } });
  });

  it('lets S3 invoke the function for uploads to its bucket, as s3.amazonaws.com with SourceArn and SourceAccount', () => {
    const world = newWorld();
    setUp(world, ON_UPLOAD);
    ok(callAws(world, ADMIN, 'lambda', 'AddPermission', { FunctionName: 'monthly-report', StatementId: 'reports-bucket', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: 'arn:aws:s3:::example-corp-reports', SourceAccount: ACCOUNT }));
    ok(
      callAws(world, ADMIN, 's3', 'PutBucketNotificationConfiguration', {
        Bucket: 'example-corp-reports',
        NotificationConfiguration: { LambdaFunctionConfigurations: [{ Id: 'new-report', LambdaFunctionArn: FN_ARN, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'reports/' }] } } }] },
      }),
    );
    ok(callAws(world, ADMIN, 's3', 'PutObject', { Bucket: 'example-corp-reports', Key: 'reports/2026-02.csv', Body: 'month,total\n2026-02,57\n' }));
    const invoke = world.events.find((e) => e.eventName === 'Invoke');
    expect(invoke).toMatchObject({ userIdentity: { type: 'AWSService', invokedBy: 's3.amazonaws.com' }, requestParameters: { sourceArn: 'arn:aws:s3:::example-corp-reports', sourceAccount: ACCOUNT } });
    expect(invoke?.errorCode).toBeUndefined();
    const read = world.events.filter((e) => e.eventName === 'GetObject').at(-1);
    expect(read).toMatchObject({ requestParameters: { key: 'reports/2026-02.csv' }, userIdentity: { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/ReportReader/monthly-report` } });
    expect(read?.errorCode).toBeUndefined();
  });

  it('shows the confused deputy: without SourceAccount a same-named bucket in another account can make S3 invoke the function; with it, it cannot', () => {
    for (const fixed of [false, true]) {
      const world = newWorld();
      setUp(world, ON_UPLOAD);
      // The function policy trusts "the bucket named example-corp-uploads" — a name the company no longer owns.
      ok(
        callAws(world, ADMIN, 'lambda', 'AddPermission', {
          FunctionName: 'monthly-report',
          StatementId: 'uploads-bucket',
          Action: 'lambda:InvokeFunction',
          Principal: 's3.amazonaws.com',
          SourceArn: 'arn:aws:s3:::example-corp-uploads',
          ...(fixed ? { SourceAccount: ACCOUNT } : {}),
        }),
      );
      ok(callAws(world, STRANGER_ADMIN, 's3', 'CreateBucket', { Bucket: 'example-corp-uploads' }));
      const configured = callAws(world, STRANGER_ADMIN, 's3', 'PutBucketNotificationConfiguration', {
        Bucket: 'example-corp-uploads',
        NotificationConfiguration: { LambdaFunctionConfigurations: [{ LambdaFunctionArn: FN_ARN, Events: ['s3:ObjectCreated:*'] }] },
      });
      ok(callAws(world, STRANGER_ADMIN, 's3', 'PutObject', { Bucket: 'example-corp-uploads', Key: 'reports/2026-01.csv', Body: 'x' }));
      const ranAsVictim = world.events.some((e) => e.userIdentity.arn === `arn:aws:sts::${ACCOUNT}:assumed-role/ReportReader/monthly-report`);
      if (fixed) {
        expect(configured).toMatchObject({ error: { code: 'InvalidArgument' } });
        expect(world.events.some((e) => e.eventName === 'Invoke')).toBe(false);
        expect(ranAsVictim).toBe(false);
      } else {
        expect(configured.ok).toBe(true);
        expect(world.events.find((e) => e.eventName === 'Invoke')).toMatchObject({ recipientAccountId: ACCOUNT, requestParameters: { sourceAccount: STRANGER } });
        expect(ranAsVictim).toBe(true);
      }
    }
  });

  it('leaves a trail of management events only', () => {
    const world = newWorld();
    setUp(world, ON_UPLOAD);
    ok(callAws(world, ANALYST, 'lambda', 'Invoke', { FunctionName: FN_ARN, Payload: JSON.stringify({ Records: [{ s3: { bucket: { name: 'example-corp-reports' }, object: { key: 'reports/2026-01.csv' } } }] }) }));
    ok(callAws(world, ADMIN, 'lambda', 'AddPermission', { FunctionName: 'monthly-report', StatementId: 'reports-bucket', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: 'arn:aws:s3:::example-corp-reports', SourceAccount: ACCOUNT }));
    const events = trail(world);
    const names = events.map((e) => e.EventName);
    expect(names).toEqual(['AddPermission20150331v2', 'AssumeRole', 'CreateFunction20150331', 'AttachRolePolicy', 'AttachRolePolicy', 'CreateRole']);
    // The data events happened but are not in Event history.
    expect(world.events.some((e) => e.eventName === 'GetObject')).toBe(true);
    expect(world.events.some((e) => e.eventName === 'Invoke')).toBe(true);
    expect(names).not.toContain('GetObject');
    expect(names).not.toContain('Invoke');
    const assume = JSON.parse(events[1]?.CloudTrailEvent ?? '{}') as Record<string, unknown>;
    expect(assume).toMatchObject({
      eventSource: 'sts.amazonaws.com',
      userIdentity: { type: 'AWSService', invokedBy: 'lambda.amazonaws.com' },
      requestParameters: { roleArn: `arn:aws:iam::${ACCOUNT}:role/ReportReader`, roleSessionName: 'monthly-report' },
      resources: [{ ARN: `arn:aws:iam::${ACCOUNT}:role/ReportReader`, accountId: ACCOUNT, type: 'AWS::IAM::Role' }],
      managementEvent: true,
      eventCategory: 'Management',
      recipientAccountId: ACCOUNT,
    });
    expect(JSON.stringify(assume)).not.toMatch(/secretAccessKey/i);
    const create = JSON.parse(events[2]?.CloudTrailEvent ?? '{}') as Record<string, unknown>;
    expect(create).toMatchObject({ eventSource: 'lambda.amazonaws.com', userIdentity: { type: 'IAMUser', userName: 'admin' }, requestParameters: { functionName: 'monthly-report', role: `arn:aws:iam::${ACCOUNT}:role/ReportReader` } });
    expect(events[2]?.Resources).toContainEqual({ ResourceType: 'AWS::Lambda::Function', ResourceName: FN_ARN });
  });
});
