/**
 * Lambda functions, Invoke and the function policy, against:
 * - https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html, API_Invoke.html, API_AddPermission.html, API_GetPolicy.html
 * - https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
 *   (the role must trust lambda.amazonaws.com; iam:PassRole to create the function)
 * - https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
 *   (AddPermission statements; cross-account invoke needs both the function policy and the caller's policy)
 * - https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html (versioned event names; Invoke is a data event)
 */
import { describe, expect, it } from 'vitest';
import { manualClock, restore, snapshot } from '../../../src/sim/world/index.ts';
import { callAws } from '../../../src/sim/services/index.ts';
import { codeOf, expectOk } from './fixtures.ts';
import { APP, EC2_ROLE, LK, OTHER, READER_ROLE, createParams, lambda, lambdaWorld } from './lambda-fixtures.ts';

type Invoked = { StatusCode: number; Payload?: string; FunctionError?: string; ExecutedVersion?: string };
const FN_ARN = `arn:aws:lambda:us-east-1:${APP}:function:report`;

describe('CreateFunction', () => {
  it('creates a function and answers FunctionConfiguration', () => {
    const w = lambdaWorld();
    const c = expectOk<Record<string, unknown>>(lambda(w, LK.dev, 'CreateFunction', createParams('report')));
    expect(c).toMatchObject({ FunctionName: 'report', FunctionArn: FN_ARN, Role: READER_ROLE, Runtime: 'nodejs22.x', Handler: 'index.handler', Version: '$LATEST', State: 'Active', Timeout: 3, MemorySize: 128, PackageType: 'Zip' });
    expect(c['CodeSha256']).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(c['LastModified']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    const got = expectOk<{ Configuration: { FunctionArn: string }; Code: { RepositoryType: string } }>(lambda(w, LK.dev, 'GetFunction', { FunctionName: FN_ARN }));
    expect(got.Configuration.FunctionArn).toBe(FN_ARN);
    expect(got.Code.RepositoryType).toBe('S3');
    expect(expectOk<{ Functions: { FunctionName: string }[] }>(lambda(w, LK.dev, 'ListFunctions')).Functions.map((f) => f.FunctionName)).toEqual(['report']);
    expect(codeOf(lambda(w, LK.dev, 'CreateFunction', createParams('report')))).toBe('ResourceConflictException');
  });

  it('needs iam:PassRole for lambda.amazonaws.com', () => {
    const w = lambdaWorld();
    const r = lambda(w, LK.noPass, 'CreateFunction', createParams('report'));
    expect(r).toMatchObject({ error: { code: 'AccessDeniedException' } });
    if (!r.ok) expect(r.error.message).toContain('iam:PassRole');
    // A PassRole grant limited to EC2 does not cover Lambda.
    expect(codeOf(lambda(w, LK.ec2Only, 'CreateFunction', createParams('report')))).toBe('AccessDeniedException');
    expect(codeOf(lambda(w, LK.alice, 'CreateFunction', createParams('report')))).toBe('AccessDeniedException');
  });

  it('refuses a role Lambda cannot assume', () => {
    const w = lambdaWorld();
    expect(lambda(w, LK.dev, 'CreateFunction', createParams('report', undefined, EC2_ROLE))).toMatchObject({
      error: { code: 'InvalidParameterValueException', message: 'The role defined for the function cannot be assumed by Lambda.' },
    });
    expect(codeOf(lambda(w, LK.dev, 'CreateFunction', createParams('report', undefined, `arn:aws:iam::${APP}:role/Nope`)))).toBe('InvalidParameterValueException');
    expect(w.lambda.functions).toEqual({});
  });

  it('validates parameters and the handler', () => {
    const w = lambdaWorld();
    expect(codeOf(lambda(w, LK.dev, 'CreateFunction', { ...createParams('report'), Runtime: undefined }))).toBe('InvalidParameterValueException');
    expect(codeOf(lambda(w, LK.dev, 'CreateFunction', { ...createParams('report'), Runtime: 'cobol85' }))).toBe('ValidationException');
    expect(codeOf(lambda(w, LK.dev, 'CreateFunction', { ...createParams('report'), Role: 'not-an-arn' }))).toBe('ValidationException');
    expect(codeOf(lambda(w, LK.dev, 'CreateFunction', { ...createParams('bad name!') }))).toBe('ValidationException');
    expect(codeOf(lambda(w, LK.dev, 'CreateFunction', createParams('report', '{"steps": "no"}')))).toBe('InvalidParameterValueException');
    expect(codeOf(lambda(w, LK.dev, 'CreateFunction', createParams('report', 'not json')))).toBe('InvalidParameterValueException');
    expect(codeOf(lambda(w, LK.dev, 'CreateFunction', { ...createParams('report'), Timeout: 901 }))).toBe('ValidationException');
  });

  it('logs CreateFunction20150331 without the code or environment values, and Invoke without its payload', () => {
    const w = lambdaWorld();
    expectOk(lambda(w, LK.dev, 'CreateFunction', { ...createParams('report'), Environment: { Variables: { DB_PASSWORD: 'hunter2' } } }));
    expect(JSON.stringify(w.events)).not.toContain('hunter2');
    const e = w.events.at(-1);
    expect(e).toMatchObject({ eventSource: 'lambda.amazonaws.com', eventName: 'CreateFunction20150331', recipientAccountId: APP, resources: [{ ARN: FN_ARN, type: 'AWS::Lambda::Function' }] });
    expect(JSON.stringify(e)).not.toContain('s3:GetObject');
    expectOk(lambda(w, LK.dev, 'Invoke', { FunctionName: 'report' }));
    const invoke = w.events.find((x) => x.eventName === 'Invoke');
    expect(invoke?.responseElements).toBeNull();
    expect(JSON.stringify(invoke)).not.toContain('revenue');
  });
});

describe('Invoke', () => {
  it('runs the handler as the execution role, in a session named after the function', () => {
    const w = lambdaWorld();
    expectOk(lambda(w, LK.dev, 'CreateFunction', createParams('report')));
    const r = expectOk<Invoked>(lambda(w, LK.dev, 'Invoke', { FunctionName: 'report' }));
    expect(r.StatusCode).toBe(200);
    expect(r.ExecutedVersion).toBe('$LATEST');
    expect(r.FunctionError).toBeUndefined();
    expect(JSON.parse(r.Payload ?? '{}')).toMatchObject({ Body: 'revenue up 4%' });
    const assume = w.events.find((e) => e.eventName === 'AssumeRole');
    expect(assume).toMatchObject({ userIdentity: { type: 'AWSService', invokedBy: 'lambda.amazonaws.com' }, requestParameters: { roleArn: READER_ROLE, roleSessionName: 'report' }, recipientAccountId: APP });
    const get = w.events.find((e) => e.eventName === 'GetObject');
    expect(get?.userIdentity).toMatchObject({ type: 'AssumedRole', arn: `arn:aws:sts::${APP}:assumed-role/ReportReader/report` });
    const invoke = w.events.find((e) => e.eventName === 'Invoke');
    expect(invoke).toMatchObject({ eventCategory: 'Data', recipientAccountId: APP });
  });

  it('keeps the role credentials between invocations and renews them before they expire', () => {
    const w = lambdaWorld();
    expectOk(lambda(w, LK.dev, 'CreateFunction', createParams('report')));
    expectOk(lambda(w, LK.dev, 'Invoke', { FunctionName: 'report' }));
    expectOk(lambda(w, LK.dev, 'Invoke', { FunctionName: 'report' }));
    expect(w.events.filter((e) => e.eventName === 'AssumeRole')).toHaveLength(1);
    manualClock(w.clock).advanceSeconds(12 * 3600);
    expectOk(lambda(w, LK.dev, 'Invoke', { FunctionName: 'report' }));
    expect(w.events.filter((e) => e.eventName === 'AssumeRole')).toHaveLength(2);
  });

  it('reports a failing step as FunctionError Unhandled with the AWS error inside', () => {
    const w = lambdaWorld();
    const zip = JSON.stringify({ steps: [{ call: 's3:ListBuckets' }] });
    expectOk(lambda(w, LK.dev, 'CreateFunction', createParams('lister', zip)));
    const r = expectOk<Invoked>(lambda(w, LK.dev, 'Invoke', { FunctionName: 'lister' }));
    expect(r.StatusCode).toBe(200);
    expect(r.FunctionError).toBe('Unhandled');
    expect(JSON.parse(r.Payload ?? '{}')).toMatchObject({ errorType: 'AccessDenied' });
  });

  it('binds $event fields into step parameters and can return everything', () => {
    const w = lambdaWorld();
    const zip = JSON.stringify({ steps: [{ call: 's3:GetObject', params: { Bucket: 'app-reports', Key: '$event.key' } }, { call: 'sts:GetCallerIdentity' }], return: 'all' });
    expectOk(lambda(w, LK.dev, 'CreateFunction', createParams('pick', zip)));
    const r = expectOk<Invoked>(lambda(w, LK.dev, 'Invoke', { FunctionName: 'pick', Payload: JSON.stringify({ key: 'weekly.txt' }) }));
    const [obj, who] = JSON.parse(r.Payload ?? '[]') as [{ Body: string }, { Arn: string }];
    expect(obj.Body).toBe('steady');
    expect(who.Arn).toBe(`arn:aws:sts::${APP}:assumed-role/ReportReader/pick`);
    expect(codeOf(lambda(w, LK.dev, 'Invoke', { FunctionName: 'pick', Payload: '{oops' }))).toBe('InvalidRequestContentException');
  });

  it('answers Event with 202 and DryRun with 204 (without running)', () => {
    const w = lambdaWorld();
    expectOk(lambda(w, LK.dev, 'CreateFunction', createParams('report')));
    expect(expectOk<Invoked>(lambda(w, LK.dev, 'Invoke', { FunctionName: 'report', InvocationType: 'DryRun' })).StatusCode).toBe(204);
    expect(w.events.some((e) => e.eventName === 'AssumeRole')).toBe(false);
    expect(expectOk<Invoked>(lambda(w, LK.dev, 'Invoke', { FunctionName: 'report', InvocationType: 'Event' })).StatusCode).toBe(202);
    expect(w.events.some((e) => e.eventName === 'GetObject')).toBe(true);
    expect(codeOf(lambda(w, LK.dev, 'Invoke', { FunctionName: 'report', InvocationType: 'Later' }))).toBe('ValidationException');
  });

  it('authorizes other principals through identity policies and the function policy', () => {
    const w = lambdaWorld();
    expectOk(lambda(w, LK.dev, 'CreateFunction', createParams('report')));
    expect(codeOf(lambda(w, LK.alice, 'Invoke', { FunctionName: 'report' }))).toBe('AccessDeniedException');
    // Another account's administrator: its own policy allows, the function policy does not yet.
    const denied = lambda(w, LK.other, 'Invoke', { FunctionName: FN_ARN });
    expect(codeOf(denied)).toBe('AccessDeniedException');
    if (!denied.ok) expect(denied.error.message).toContain('lambda:InvokeFunction');
    expectOk(lambda(w, LK.dev, 'AddPermission', { FunctionName: 'report', StatementId: 'other-account', Action: 'lambda:InvokeFunction', Principal: OTHER }));
    expect(codeOf(lambda(w, LK.other, 'Invoke', { FunctionName: FN_ARN }))).toBe('OK');
    // The function policy names an account: alice, in the function's own account, still needs an identity policy.
    expect(codeOf(lambda(w, LK.alice, 'Invoke', { FunctionName: 'report' }))).toBe('AccessDeniedException');
    expectOk(lambda(w, LK.dev, 'RemovePermission', { FunctionName: 'report', StatementId: 'other-account' }));
    expect(codeOf(lambda(w, LK.other, 'Invoke', { FunctionName: FN_ARN }))).toBe('AccessDeniedException');
    expect(codeOf(lambda(w, LK.dev, 'Invoke', { FunctionName: 'missing' }))).toBe('ResourceNotFoundException');
  });
});

describe('AddPermission / GetPolicy / RemovePermission', () => {
  it('builds statements in AWS’s shape', () => {
    const w = lambdaWorld();
    expectOk(lambda(w, LK.dev, 'CreateFunction', createParams('report')));
    expect(codeOf(lambda(w, LK.dev, 'GetPolicy', { FunctionName: 'report' }))).toBe('ResourceNotFoundException');
    const added = expectOk<{ Statement: string }>(
      lambda(w, LK.dev, 'AddPermission', { FunctionName: 'report', StatementId: 's3-invoke', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: 'arn:aws:s3:::app-reports', SourceAccount: APP }),
    );
    const s3Statement = {
      Sid: 's3-invoke',
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: FN_ARN,
      Condition: { StringEquals: { 'AWS:SourceAccount': APP }, ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::app-reports' } },
    };
    expect(JSON.parse(added.Statement)).toEqual(s3Statement);
    expectOk(lambda(w, LK.dev, 'AddPermission', { FunctionName: 'report', StatementId: 'org', Action: 'lambda:InvokeFunction', Principal: '*', PrincipalOrgID: 'o-a1b2c3d4e5' }));
    expectOk(lambda(w, LK.dev, 'AddPermission', { FunctionName: 'report', StatementId: 'url', Action: 'lambda:InvokeFunctionUrl', Principal: `arn:aws:iam::${OTHER}:role/Caller`, FunctionUrlAuthType: 'AWS_IAM' }));
    const policy = expectOk<{ Policy: string; RevisionId: string }>(lambda(w, LK.dev, 'GetPolicy', { FunctionName: 'report' }));
    expect(JSON.parse(policy.Policy)).toEqual({
      Version: '2012-10-17',
      Id: 'default',
      Statement: [
        s3Statement,
        { Sid: 'org', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: FN_ARN, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } },
        { Sid: 'url', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:role/Caller` }, Action: 'lambda:InvokeFunctionUrl', Resource: FN_ARN, Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'AWS_IAM' } } },
      ],
    });
    expect(policy.RevisionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers AWS’s errors', () => {
    const w = lambdaWorld();
    expectOk(lambda(w, LK.dev, 'CreateFunction', createParams('report')));
    const add = (p: Record<string, unknown>): string => codeOf(lambda(w, LK.dev, 'AddPermission', { FunctionName: 'report', StatementId: 'a', Action: 'lambda:InvokeFunction', Principal: APP, ...p }));
    expect(add({})).toBe('OK');
    expect(add({})).toBe('ResourceConflictException');
    expect(add({ StatementId: 'b', Principal: 'somebody' })).toBe('InvalidParameterValueException');
    expect(add({ StatementId: 'c', SourceAccount: '12' })).toBe('ValidationException');
    expect(add({ StatementId: 'd', Action: 's3:GetObject' })).toBe('ValidationException');
    expect(add({ StatementId: undefined })).toBe('ValidationException');
    expect(codeOf(lambda(w, LK.dev, 'RemovePermission', { FunctionName: 'report', StatementId: 'zzz' }))).toBe('ResourceNotFoundException');
    expect(codeOf(lambda(w, LK.alice, 'AddPermission', { FunctionName: 'report', StatementId: 'e', Action: 'lambda:InvokeFunction', Principal: OTHER }))).toBe('AccessDeniedException');
  });

  it('survives a snapshot round trip', () => {
    const w = lambdaWorld();
    expectOk(lambda(w, LK.dev, 'CreateFunction', createParams('report')));
    expectOk(lambda(w, LK.dev, 'AddPermission', { FunctionName: 'report', StatementId: 'a', Action: 'lambda:InvokeFunction', Principal: OTHER }));
    const text = snapshot(w);
    const back = restore(text);
    expect(snapshot(back)).toBe(text);
    expect(codeOf(callAws(back, LK.other, 'lambda', 'Invoke', { FunctionName: FN_ARN }))).toBe('OK');
  });
});
