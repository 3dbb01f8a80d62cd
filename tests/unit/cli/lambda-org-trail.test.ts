/**
 * The lambda, organizations and cloudtrail commands through the CLI: the doc examples'
 * shapes (create-function with --zip-file, invoke with an outfile and --cli-binary-format,
 * add-permission / get-policy, create-policy / attach-policy, lookup-events).
 */
import { describe, expect, it } from 'vitest';
import { createSession, runLine } from '../../../src/sim/cli/index.ts';
import { createWorld } from '../../../src/sim/index.ts';

const MGMT = '111122223333';
const MEMBER = '444455556666';
const KEY = { accessKeyId: 'AKIAADMIN00000000001', secretAccessKey: 'x'.repeat(40) };

function setup() {
  const world = createWorld({
    accounts: [
      {
        id: MGMT,
        users: [{ name: 'admin', managedPolicies: ['AdministratorAccess'], accessKeys: [KEY] }],
        roles: [
          {
            name: 'ReportReader',
            trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
            inlinePolicies: { read: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports-bucket/*' }] } },
          },
        ],
        buckets: [{ name: 'reports-bucket', objects: { 'q1.txt': 'revenue up' } }],
      },
      { id: MEMBER },
    ],
    organization: { managementAccount: MGMT, ous: [{ name: 'Workloads', accounts: [MEMBER] }] },
  });
  const session = createSession(world, { user: 'admin', credentials: KEY });
  const run = (line: string) => runLine(session, line);
  const ok = (line: string): string => {
    const r = run(line);
    expect({ line, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ line, stderr: '', exitCode: 0 });
    return r.stdout;
  };
  return { world, session, run, ok };
}

const HANDLER = JSON.stringify({ steps: [{ call: 's3:GetObject', params: { Bucket: 'reports-bucket', Key: '$event.key' } }], return: 'last' });

describe('aws lambda', () => {
  it('create-function takes the code from --zip-file fileb://, invoke writes the payload to the outfile', () => {
    const { ok, run, session } = setup();
    run(`echo '${HANDLER}' > handler.json`);
    const arn = ok(`aws lambda create-function --function-name read-report --runtime nodejs20.x --handler index.handler --role arn:aws:iam::${MGMT}:role/ReportReader --zip-file fileb://handler.json --query FunctionArn --output text`);
    expect(arn).toBe(`arn:aws:lambda:us-east-1:${MGMT}:function:read-report\n`);
    const printed = JSON.parse(ok(`aws lambda invoke --function-name read-report --cli-binary-format raw-in-base64-out --payload '{"key":"q1.txt"}' response.json`)) as Record<string, unknown>;
    expect(printed).toEqual({ StatusCode: 200, ExecutedVersion: '$LATEST' });
    expect(ok('cat response.json')).toContain('revenue up');
    expect(session.history.length).toBeGreaterThan(0);
  });

  it('a raw JSON payload without --cli-binary-format fails as CLI v2 does; base64 works', () => {
    const { ok, run } = setup();
    run(`echo '${HANDLER}' > handler.json`);
    ok(`aws lambda create-function --function-name read-report --runtime python3.12 --handler app.handler --role arn:aws:iam::${MGMT}:role/ReportReader --zip-file fileb://handler.json`);
    const bad = run(`aws lambda invoke --function-name read-report --payload '{"key":"q1.txt"}' out.json`);
    expect(bad.exitCode).toBe(255);
    expect(bad.stderr).toBe('\nInvalid base64: "{"key":"q1.txt"}"\n');
    const b64 = Buffer.from('{"key":"q1.txt"}').toString('base64');
    ok(`aws lambda invoke --function-name read-report --payload ${b64} out.json`);
    expect(ok('cat out.json')).toContain('revenue up');
  });

  it('add-permission lets S3 invoke the function; get-policy returns the policy as a JSON string', () => {
    const { ok, run } = setup();
    run(`echo '${HANDLER}' > handler.json`);
    ok(`aws lambda create-function --function-name read-report --runtime python3.12 --handler app.handler --role arn:aws:iam::${MGMT}:role/ReportReader --zip-file fileb://handler.json`);
    const added = JSON.parse(ok(`aws lambda add-permission --function-name read-report --statement-id s3-invoke --action lambda:InvokeFunction --principal s3.amazonaws.com --source-arn arn:aws:s3:::reports-bucket --source-account ${MGMT}`)) as { Statement: string };
    expect(JSON.parse(added.Statement)).toMatchObject({ Sid: 's3-invoke', Principal: { Service: 's3.amazonaws.com' }, Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::reports-bucket' } } });
    const policy = JSON.parse(ok('aws lambda get-policy --function-name read-report --query Policy --output text')) as { Statement: unknown[] };
    expect(policy.Statement).toHaveLength(1);
    const missing = run('aws lambda get-policy --function-name nope');
    expect(missing.stderr).toContain('An error occurred (ResourceNotFoundException) when calling the GetPolicy operation');
  });

  it('create-function without a role says what the real CLI says', () => {
    const { run } = setup();
    const r = run('aws lambda create-function --function-name f');
    expect(r.exitCode).toBe(252);
    expect(r.stderr).toContain('the following arguments are required: --role');
  });
});

describe('aws organizations', () => {
  it('create-policy from a file, enable the SCP type on the root, attach-policy to an OU', () => {
    const { ok } = setup();
    ok(`echo '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}' > deny.json`);
    const policyId = ok('aws organizations create-policy --name NoBucketDeletes --type SERVICE_CONTROL_POLICY --description "Keep buckets" --content file://deny.json --query Policy.PolicySummary.Id --output text').trim();
    expect(policyId).toMatch(/^p-[0-9a-z]{8,128}$/);
    const root = ok('aws organizations list-roots --query "Roots[0].Id" --output text').trim();
    // A new organization has no SCP type enabled: attaching first fails, as on AWS.
    ok(`aws organizations enable-policy-type --root-id ${root} --policy-type SERVICE_CONTROL_POLICY`);
    const ou = ok(`aws organizations list-organizational-units-for-parent --parent-id ${root} --query "OrganizationalUnits[0].Id" --output text`).trim();
    ok(`aws organizations attach-policy --policy-id ${policyId} --target-id ${ou}`);
    const attached = ok(`aws organizations list-policies-for-target --target-id ${ou} --filter SERVICE_CONTROL_POLICY --query "Policies[].Name" --output text`);
    expect(attached).toContain('NoBucketDeletes');
  });
});

describe('aws cloudtrail', () => {
  it('lookup-events finds who created the function', () => {
    const { ok, run } = setup();
    run(`echo '${HANDLER}' > handler.json`);
    ok(`aws lambda create-function --function-name read-report --runtime python3.12 --handler app.handler --role arn:aws:iam::${MGMT}:role/ReportReader --zip-file fileb://handler.json`);
    const names = ok('aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=CreateFunction20150331 --query "Events[].Username" --output text');
    expect(names.trim()).toBe('admin');
  });
});

describe('aws s3api bucket notifications', () => {
  it('put-bucket-notification-configuration fails until the function lets S3 invoke it, then S3 invokes it on upload', () => {
    const { ok, run } = setup();
    run(`echo '${HANDLER}' > handler.json`);
    ok(`aws lambda create-function --function-name read-report --runtime python3.12 --handler app.handler --role arn:aws:iam::${MGMT}:role/ReportReader --zip-file fileb://handler.json`);
    const config = `{"LambdaFunctionConfigurations":[{"LambdaFunctionArn":"arn:aws:lambda:us-east-1:${MGMT}:function:read-report","Events":["s3:ObjectCreated:*"]}]}`;
    const refused = run(`aws s3api put-bucket-notification-configuration --bucket reports-bucket --notification-configuration '${config}'`);
    expect(refused.stderr).toContain('An error occurred (InvalidArgument) when calling the PutBucketNotificationConfiguration operation: Unable to validate the following destination configurations');
    ok(`aws lambda add-permission --function-name read-report --statement-id s3 --action lambda:InvokeFunction --principal s3.amazonaws.com --source-arn arn:aws:s3:::reports-bucket --source-account ${MGMT}`);
    ok(`aws s3api put-bucket-notification-configuration --bucket reports-bucket --notification-configuration '${config}'`);
    const back = JSON.parse(ok('aws s3api get-bucket-notification-configuration --bucket reports-bucket')) as { LambdaFunctionConfigurations: { LambdaFunctionArn: string }[] };
    expect(back.LambdaFunctionConfigurations[0]?.LambdaFunctionArn).toContain('function:read-report');
  });
});

describe('aws iam create-login-profile', () => {
  it('takes --password-reset-required and reports it back', () => {
    const { ok } = setup();
    ok('aws iam create-user --user-name carol');
    const out = JSON.parse(ok("aws iam create-login-profile --user-name carol --password 'Str0ng!Passw0rd#2026' --password-reset-required")) as { LoginProfile: { PasswordResetRequired: boolean } };
    expect(out.LoginProfile.PasswordResetRequired).toBe(true);
  });
});
