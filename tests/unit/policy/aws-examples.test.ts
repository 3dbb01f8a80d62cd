/**
 * Policies as AWS documentation shows them (page cited per case). Each must parse without any
 * issue, catalog warnings included, and give the AST the example is about.
 */
import { describe, expect, it } from 'vitest';
import type { PolicyKind } from '../../../src/sim/policy/index.ts';
import { parse } from './helpers.ts';

interface Example {
  name: string;
  /** Where the example comes from. */
  source: string;
  kind: PolicyKind;
  policy: Record<string, unknown>;
}

const EXAMPLES: Example[] = [
  {
    name: 'identity policy with a home-folder variable',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html',
    kind: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ListHome',
          Effect: 'Allow',
          Action: 's3:ListBucket',
          Resource: 'arn:aws:s3:::amzn-s3-demo-bucket',
          Condition: { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/'] } },
        },
        {
          Sid: 'OwnObjects',
          Effect: 'Allow',
          Action: 's3:*',
          Resource: [
            'arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}',
            'arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*',
          ],
        },
      ],
    },
  },
  {
    name: 'public-read bucket policy',
    source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html',
    kind: 's3-bucket',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PublicRead',
          Effect: 'Allow',
          Principal: '*',
          Action: ['s3:GetObject', 's3:GetObjectVersion'],
          Resource: ['arn:aws:s3:::amzn-s3-demo-bucket/*'],
        },
      ],
    },
  },
  {
    name: 'bucket policy that denies plain HTTP',
    source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html',
    kind: 's3-bucket',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'RestrictToTLSRequestsOnly',
          Action: 's3:*',
          Effect: 'Deny',
          Resource: ['arn:aws:s3:::amzn-s3-demo-bucket', 'arn:aws:s3:::amzn-s3-demo-bucket/*'],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          Principal: '*',
        },
      ],
    },
  },
  {
    name: 'EC2 role trust policy',
    source: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html',
    kind: 'role-trust',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    },
  },
  {
    name: 'third-party trust with an external ID',
    source:
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html',
    kind: 'role-trust',
    policy: {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: { AWS: '111122223333' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'Unique ID Assigned by Example Corp' } },
      },
    },
  },
  {
    name: 'SAML federation trust',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_saml.html',
    kind: 'role-trust',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/ExampleOrgSSOProvider' },
          Action: 'sts:AssumeRoleWithSAML',
          Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
        },
      ],
    },
  },
  {
    name: 'Lambda permission for S3',
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
    kind: 'lambda-function',
    policy: {
      Version: '2012-10-17',
      Id: 'default',
      Statement: [
        {
          Sid: 'lambda-allow-s3-my-function',
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: 'lambda:InvokeFunction',
          Resource: 'arn:aws:lambda:us-east-2:123456789012:function:my-function',
          Condition: {
            StringEquals: { 'AWS:SourceAccount': '123456789012' },
            ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::amzn-s3-demo-bucket' },
          },
        },
      ],
    },
  },
  {
    name: 'default KMS key policy statement',
    source: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html',
    kind: 'kms-key',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Enable IAM policies',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    },
  },
  {
    name: 'deny without MFA',
    source:
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent',
    kind: 'identity',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyAllWithoutMFA',
          Effect: 'Deny',
          NotAction: ['iam:*', 'sts:GetSessionToken'],
          Resource: '*',
          Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
        },
      ],
    },
  },
  {
    name: 'permissions boundary',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
    kind: 'boundary',
    policy: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:*', 'cloudwatch:*', 'ec2:*'], Resource: '*' }],
    },
  },
  {
    name: 'SCP that denies other Regions',
    source:
      'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html',
    kind: 'scp',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyAllOutsideEU',
          Effect: 'Deny',
          NotAction: [
            'cloudfront:*',
            'iam:*',
            'organizations:*',
            'route53:*',
            'sts:*',
            'support:*',
          ],
          Resource: '*',
          Condition: {
            StringNotEquals: { 'aws:RequestedRegion': ['eu-central-1', 'eu-west-1'] },
            ArnNotLike: { 'aws:PrincipalARN': ['arn:aws:iam::*:role/Role1AllowedToBypassThisSCP'] },
          },
        },
      ],
    },
  },
  {
    name: 'FullAWSAccess SCP',
    source:
      'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html',
    kind: 'scp',
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
  },
  {
    name: 'RCP that enforces TLS',
    source:
      'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_examples.html',
    kind: 'rcp',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'EnforceSecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: ['sts:*', 's3:*', 'sqs:*', 'secretsmanager:*', 'kms:*'],
          Resource: '*',
          Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
        },
      ],
    },
  },
  {
    name: 'NotPrincipal deny with the account and role listed',
    source:
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html',
    kind: 's3-bucket',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          NotPrincipal: {
            AWS: [
              'arn:aws:sts::444455556666:assumed-role/cross-account-read-only-role/cross-account-audit-app',
              'arn:aws:iam::444455556666:role/cross-account-read-only-role',
              'arn:aws:iam::444455556666:root',
            ],
          },
          Action: 's3:*',
          Resource: ['arn:aws:s3:::amzn-s3-demo-bucket', 'arn:aws:s3:::amzn-s3-demo-bucket/*'],
        },
      ],
    },
  },
  {
    name: 'SNS topic may send to a queue',
    source: 'https://docs.aws.amazon.com/sns/latest/dg/subscribe-sqs-queue-to-sns-topic.html',
    kind: 'sqs-queue',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'sns.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: 'arn:aws:sqs:us-east-2:123456789012:MyQueue',
          Condition: {
            ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-2:123456789012:MyTopic' },
          },
        },
      ],
    },
  },
  {
    name: 'GitHub Actions OIDC trust',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html',
    kind: 'role-trust',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: {
            Federated:
              'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
          },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
            StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:*' },
          },
        },
      ],
    },
  },
  {
    name: 'session tags and source identity in a trust policy',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html',
    kind: 'role-trust',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowAssume',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::123456789012:user/Alice' },
          Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
          Condition: { StringLike: { 'aws:RequestTag/Project': '*' } },
        },
      ],
    },
  },
];

describe('AWS documentation examples', () => {
  it.each(EXAMPLES.map((e) => [e.name, e] as const))('%s parses cleanly', (_name, example) => {
    const fromText = parse(JSON.stringify(example.policy, null, 2), example.kind, true);
    expect(fromText.issues).toEqual([]);
    expect(fromText.policy?.kind).toBe(example.kind);
    const statements = Array.isArray(example.policy['Statement'])
      ? example.policy['Statement']
      : [example.policy['Statement']];
    expect(fromText.policy?.statements).toHaveLength(statements.length);
    // The same document handed over as a value gives the same policy.
    expect(parse(example.policy, example.kind, true).policy).toEqual(fromText.policy);
  });

  it('reads the Lambda example the evaluator needs', () => {
    const lambda = EXAMPLES.find((e) => e.kind === 'lambda-function');
    const s = parse(lambda?.policy, 'lambda-function').policy?.statements[0];
    expect(s?.principal).toMatchObject({
      kind: 'map',
      entries: [{ type: 'Service', values: [{ value: 's3.amazonaws.com' }] }],
    });
    // Condition keys keep the case they were written in; the evaluator compares them case-insensitively.
    expect(s?.conditions.map((c) => [c.operator, c.key, c.values.map((v) => v.value)])).toEqual([
      ['StringEquals', 'AWS:SourceAccount', ['123456789012']],
      ['ArnLike', 'AWS:SourceArn', ['arn:aws:s3:::amzn-s3-demo-bucket']],
    ]);
  });
});
