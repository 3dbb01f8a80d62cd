/**
 * readPolicy, element by element: action lists and wildcards (with and without the catalog),
 * resources, every principal form, and one condition per operator family.
 */
import { describe, expect, it } from 'vitest';
import { readPolicy } from '../../../src/sim/review/index.ts';
import { catalog, doc, parsed, reading, sentences } from './helpers.ts';

/** The reading of one identity statement with the given parts. */
function identity(statement: Record<string, unknown>, withCatalog = true): string {
  return reading(
    doc({ Effect: 'Allow', Resource: '*', ...statement }),
    'identity',
    withCatalog ? { catalog } : {},
  );
}

/** The reading of one Allow statement with this condition block. */
function when(condition: Record<string, unknown>, effect: 'Allow' | 'Deny' = 'Allow'): string {
  return reading(
    doc({ Effect: effect, Action: 's3:GetObject', Resource: '*', Condition: condition }),
    'identity',
  );
}

/** The reading of one trust statement for this principal. */
function trust(principal: unknown, action = 'sts:AssumeRole', account?: string): string {
  return reading(
    doc({ Effect: 'Allow', Principal: principal, Action: action }),
    'role-trust',
    account === undefined ? {} : { account },
  );
}

describe('actions', () => {
  it.each([
    ['*', 'Allows every action on every resource.'],
    ['s3:*', 'every S3 action'],
    ['s3:Get*', 'every action whose name starts with Get in S3 ('],
    ['iam:*AccessKey*', 'every IAM action whose name contains AccessKey ('],
    ['s3:*Object', 'every S3 action whose name ends with Object ('],
  ])('%s', (action, phrase) => {
    expect(identity({ Action: action })).toContain(phrase);
  });

  it('summarises long lists by access level with the catalog', () => {
    const reads = [
      's3:GetObject',
      's3:GetObjectAcl',
      's3:GetObjectTagging',
      's3:GetObjectVersion',
      's3:GetBucketPolicy',
    ];
    expect(identity({ Action: reads })).toContain('Allows 5 S3 read actions on every resource.');
    expect(identity({ Action: [...reads, 's3:PutObject'] })).toContain(
      '6 S3 actions (5 read, 1 write)',
    );
  });

  it('degrades gracefully without the catalog', () => {
    const reads = [
      's3:GetObject',
      's3:GetObjectAcl',
      's3:GetObjectTagging',
      's3:GetObjectVersion',
      's3:GetBucketPolicy',
    ];
    expect(identity({ Action: reads }, false)).toContain('Allows 5 S3 actions on every resource.');
    expect(identity({ Action: 's3:Get*' }, false)).toContain(
      'every action whose name starts with Get in S3 on',
    );
  });

  it('names short lists and NotAction exceptions', () => {
    expect(identity({ Action: ['s3:GetObject', 's3:PutObject'] })).toContain(
      'Allows s3:GetObject and s3:PutObject on',
    );
    expect(identity({ NotAction: 'iam:*' })).toContain(
      'Allows every action except every IAM action on every resource.',
    );
  });
});

describe('resources', () => {
  it.each([
    ['arn:aws:s3:::reports', 'the bucket reports'],
    ['arn:aws:s3:::reports/*', 'every object in the bucket reports'],
    ['arn:aws:s3:::reports/2024/*', 'every object under 2024/ in the bucket reports'],
    ['arn:aws:s3:::reports/summary.csv', 'the object summary.csv in the bucket reports'],
    ['arn:aws:s3:::logs-*', 'every bucket whose name starts with logs-'],
    ['arn:aws:s3:::*/*', 'every object in every bucket'],
    ['arn:aws:iam::111122223333:role/S3Access', 'the IAM role S3Access in account 111122223333'],
    ['arn:aws:iam::111122223333:role/*', 'every IAM role in account 111122223333'],
    [
      'arn:aws:iam::111122223333:user/division_abc/*',
      'every IAM user under the path /division_abc/',
    ],
    ['arn:aws:iam::*:user/${aws:username}', "the caller's own IAM user"],
    [
      'arn:aws:lambda:us-east-2:111122223333:function:my-function',
      'the Lambda function my-function',
    ],
    [
      'arn:aws:dynamodb:us-east-2:111122223333:table/Books',
      'the DynamoDB table Books in account 111122223333',
    ],
    [
      'arn:aws:sqs:us-east-2:111122223333:app-*',
      'every SQS queue matching app-* in account 111122223333',
    ],
    ['arn:aws:kms:us-east-2:111122223333:key/*', 'every KMS key in account 111122223333'],
    [
      'arn:aws:cloudformation:us-east-2:111122223333:stack/app/1',
      'arn:aws:cloudformation:us-east-2:111122223333:stack/app/1',
    ],
  ])('%s', (resource, phrase) => {
    expect(identity({ Action: 's3:GetObject', Resource: resource })).toContain(phrase);
  });

  it('NotResource', () => {
    expect(
      identity({
        Action: 's3:GetObject',
        Resource: undefined,
        NotResource: 'arn:aws:s3:::secret/*',
      }),
    ).toContain('on every resource except every object in the bucket secret');
  });

  it('a bucket policy without Resource means this bucket', () => {
    // S3 rejects this in practice; the reading still says what the grammar means.
    const d = doc({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:ListBucket' });
    expect(reading(d, 's3-bucket')).toContain('s3:ListBucket on this bucket');
  });
});

describe('principals', () => {
  it.each([
    [
      '*',
      'Lets any AWS principal in any account assume this role, if their identity policy also allows it.',
    ],
    [
      { AWS: 'arn:aws:iam::111122223333:user/JohnDoe' },
      'Lets the IAM user JohnDoe in account 111122223333 assume this role.',
    ],
    [
      { AWS: 'arn:aws:iam::111122223333:role/Deployer' },
      'the role Deployer in account 111122223333 (any of its sessions)',
    ],
    [
      { AWS: 'arn:aws:sts::111122223333:assumed-role/Deployer/ci-run' },
      'only the session ci-run of the role Deployer',
    ],
    [{ AWS: 'arn:aws:sts::111122223333:federated-user/Bob' }, 'the federated user Bob'],
    [{ AWS: 'AROADBQP57FF2AEXAMPLE' }, 'the principal with unique ID AROADBQP57FF2AEXAMPLE'],
    [{ Service: 'lambda.amazonaws.com' }, 'Lets the Lambda service assume this role.'],
    [
      { Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] },
      'Lets the EC2 service and the Lambda service assume this role.',
    ],
    [
      { Federated: 'arn:aws:iam::111122223333:saml-provider/ADFS' },
      'users federated through the SAML provider ADFS',
    ],
    [
      {
        Federated:
          'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC',
      },
      'users of the OIDC provider oidc.eks.us-east-1.amazonaws.com/id/ABC',
    ],
    [{ Federated: 'accounts.google.com' }, 'anyone signed in with Google'],
  ])('%j', (principal, phrase) => {
    expect(trust(principal)).toContain(phrase);
  });

  it('a named role of another account needs its identity policy too, one of this account does not', () => {
    const role = { AWS: 'arn:aws:iam::111122223333:role/Deployer' };
    expect(trust(role, 'sts:AssumeRole', '444455556666')).toContain(
      'if their identity policy also allows it',
    );
    expect(trust(role, 'sts:AssumeRole', '111122223333')).not.toContain('identity policy');
  });

  it('trust actions in words', () => {
    expect(
      trust({ AWS: 'arn:aws:iam::111122223333:role/R' }, [
        'sts:AssumeRole',
        'sts:TagSession',
      ] as unknown as string),
    ).toContain('assume this role and pass session tags');
    const deny = doc({
      Effect: 'Deny',
      Principal: { AWS: 'arn:aws:iam::111122223333:role/R' },
      Action: 'sts:AssumeRole',
    });
    expect(reading(deny, 'role-trust')).toBe(
      'Stops the role R in account 111122223333 (any of its sessions) from assuming this role.',
    );
  });

  it('NotPrincipal reads as an exception', () => {
    const d = doc({
      Effect: 'Deny',
      NotPrincipal: { AWS: 'arn:aws:iam::111122223333:user/Admin' },
      Action: 's3:*',
      Resource: 'arn:aws:s3:::b/*',
    });
    expect(reading(d, 's3-bucket')).toContain(
      'Denies everyone except the IAM user Admin in account 111122223333 every S3 action',
    );
  });
});

describe('conditions', () => {
  it.each([
    [
      { StringEquals: { 'aws:PrincipalTag/team': 'data' } },
      `only when the caller's tag team is "data"`,
    ],
    [
      { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
      `the resource's tag team is "\${aws:PrincipalTag/team}"`,
    ],
    [
      { StringLike: { 'aws:RequestTag/Project': 'app-*' } },
      'the tag Project set by the request matches "app-*"',
    ],
    [
      { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      'the caller belongs to the organization o-a1b2c3d4e5',
    ],
    [
      { StringEquals: { 'aws:SourceAccount': '111122223333' } },
      'the service acts on behalf of account 111122223333',
    ],
    [
      { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::b' } },
      'the service acts on behalf of arn:aws:s3:::b',
    ],
    [{ Bool: { 'aws:SecureTransport': 'true' } }, 'only when the request uses HTTPS'],
    [{ Bool: { 'aws:MultiFactorAuthPresent': true } }, 'only when MFA was used'],
    [
      { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } },
      'MFA was used (or the request has no aws:MultiFactorAuthPresent)',
    ],
    [
      { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
      'MFA was used within the last 3600 seconds',
    ],
    [{ NumericLessThanEquals: { 's3:max-keys': '10' } }, 's3:max-keys is at most 10'],
    [
      { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } },
      'it is before 2030-01-01T00:00:00Z',
    ],
    [
      { DateGreaterThan: { 'aws:TokenIssueTime': '2024-01-01' } },
      'aws:TokenIssueTime is after 2024-01-01',
    ],
    [
      { StringEqualsIgnoreCase: { 'aws:username': 'bob' } },
      'aws:username is "bob" (ignoring case)',
    ],
    [{ Null: { 'aws:TokenIssueTime': 'true' } }, 'the request has no aws:TokenIssueTime'],
    [{ Null: { 'aws:ResourceTag/team': 'false' } }, 'the request has aws:ResourceTag/team'],
    [
      { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'webserver' } },
      'at least one value of the tag keys in the request is "webserver"',
    ],
    [
      { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } },
      'the request is not for region eu-west-1 or eu-central-1',
    ],
    [
      { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
      'the request does not come from 192.0.2.0/24',
    ],
    [{ StringEquals: { 'sts:ExternalId': 'abc' } }, 'the caller passes the external ID "abc"'],
    [
      { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
      'the request comes through the VPC endpoint vpce-1a2b3c4d',
    ],
    [
      { StringEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/R' } },
      'the caller is arn:aws:iam::111122223333:role/R',
    ],
  ])('%j', (condition, phrase) => {
    expect(when(condition)).toContain(phrase);
  });

  it('Deny mixes "when" and "unless"', () => {
    expect(
      when(
        {
          StringEquals: { 'aws:RequestedRegion': 'us-east-1' },
          Bool: { 'aws:SecureTransport': 'false' },
        },
        'Deny',
      ),
    ).toBe(
      'Denies s3:GetObject on every resource when the request is for region us-east-1, unless the request uses HTTPS.',
    );
    expect(when({ Null: { 'aws:RequestTag/Project': 'true' } }, 'Deny')).toContain(
      'unless the request has aws:RequestTag/Project',
    );
  });

  it('negations read with the right words, and set-qualified ones never as "unless"', () => {
    expect(when({ StringNotLike: { 's3:prefix': ['home/*', 'public/*'] } })).toContain(
      's3:prefix matches none of "home/*", "public/*"',
    );
    expect(when({ NumericNotEquals: { 's3:max-keys': '10' } })).toContain(
      's3:max-keys does not equal 10',
    );
    // IAM User Guide, condition operators (multivalued context keys): Deny with
    // ForAllValues:StringNotLike denies when no tag key matches, and when there are none.
    const deny = when({ 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } }, 'Deny');
    expect(deny).toContain(
      'when every value (if any) of the tag keys in the request does not match "key1*"',
    );
    expect(deny).not.toContain('unless');
  });

  it('Deny + Bool MFA false (no IfExists) does not claim to cover long-term keys', () => {
    // IAM User Guide, aws:MultiFactorAuthPresent: the key is absent for long-term access keys,
    // so only BoolIfExists makes the Deny apply to them (spec §11.3).
    const plain = when({ Bool: { 'aws:MultiFactorAuthPresent': 'false' } }, 'Deny');
    expect(plain).toContain(
      'when MFA was not used (calls signed with long-term access keys carry no MFA information and do not match)',
    );
    expect(plain).not.toContain('unless');
    expect(when({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, 'Deny')).toBe(
      'Denies s3:GetObject on every resource unless MFA was used.',
    );
  });
});

describe('reading structure', () => {
  it('carries index, sid, effect and the statement range', () => {
    const policy = parsed(
      doc(
        { Sid: 'One', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
        { Effect: 'Deny', Action: '*', Resource: '*' },
      ),
      'identity',
    );
    const { statements } = readPolicy(policy);
    expect(statements.map((s) => [s.index, s.sid, s.effect])).toEqual([
      [0, 'One', 'Allow'],
      [1, undefined, 'Deny'],
    ]);
    expect(statements[1]?.range).toEqual(policy.statements[1]?.range);
    expect('sid' in (statements[1] ?? {})).toBe(false);
  });

  it('the kind option overrides the parsed kind', () => {
    const d = doc({
      Effect: 'Allow',
      Principal: { Service: 'ec2.amazonaws.com' },
      Action: 'sts:AssumeRole',
    });
    expect(sentences(d, 'role-trust', { kind: 's3-bucket' })[0]).toBe(
      'Allows the EC2 service sts:AssumeRole on this bucket.',
    );
  });
});
