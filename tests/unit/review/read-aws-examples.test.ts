/**
 * readPolicy and reviewPolicy on documents from the AWS documentation: the reading is asserted
 * by its key phrases (wording may evolve, meaning may not), the flags exactly. The canonical
 * whole sentences are in read-canonical.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { PolicyKind } from '../../../src/sim/policy/index.ts';
import type { ReviewOptions } from '../../../src/sim/review/index.ts';
import { catalog, doc, flagCodes, reading } from './helpers.ts';

const IAMUG = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
const S3UG = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide';

/** One documentation example: the document, its kind, and the phrases its reading must contain. */
interface Example {
  name: string;
  source: string;
  kind: PolicyKind;
  document: Record<string, unknown>;
  phrases: string[];
  flags: string[];
  options?: ReviewOptions;
}

const EXAMPLES: Example[] = [
  {
    name: 'S3: read and write objects in one bucket',
    source: `${IAMUG}/reference_policies_examples_s3_rw-bucket.html`,
    kind: 'identity',
    document: doc(
      {
        Sid: 'ListObjectsInBucket',
        Effect: 'Allow',
        Action: ['s3:ListBucket'],
        Resource: ['arn:aws:s3:::bucket-name'],
      },
      {
        Sid: 'AllObjectActions',
        Effect: 'Allow',
        Action: 's3:*Object',
        Resource: ['arn:aws:s3:::bucket-name/*'],
      },
    ),
    phrases: [
      'Allows s3:ListBucket on the bucket bucket-name.',
      'every S3 action whose name ends with Object',
      'on every object in the bucket bucket-name.',
    ],
    flags: [],
  },
  {
    name: 'AWS: deny access based on the source IP',
    source: `${IAMUG}/reference_policies_examples_aws_deny-ip.html`,
    kind: 'identity',
    document: doc({
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: {
        NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24'] },
        Bool: { 'aws:ViaAWSService': 'false' },
      },
    }),
    phrases: [
      'Denies every action on every resource unless',
      'the request comes from 192.0.2.0/24 or 203.0.113.0/24',
      'an AWS service makes the call for the caller',
    ],
    flags: [],
  },
  {
    name: 'AWS: allow access based on date and time',
    source: `${IAMUG}/reference_policies_examples_aws-dates.html`,
    kind: 'identity',
    document: doc({
      Effect: 'Allow',
      Action: 'ec2:DescribeInstances',
      Resource: '*',
      Condition: {
        DateGreaterThan: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' },
        DateLessThan: { 'aws:CurrentTime': '2020-06-30T23:59:59Z' },
      },
    }),
    phrases: [
      'Allows ec2:DescribeInstances on every resource, only when it is between 2020-04-01T00:00:00Z and 2020-06-30T23:59:59Z.',
    ],
    flags: [],
  },
  {
    name: 'IAM: users manage their own MFA, everything else needs MFA',
    source: `${IAMUG}/reference_policies_examples_iam_mfa-selfmanage.html`,
    kind: 'identity',
    document: doc(
      {
        Sid: 'AllowManageOwnUserMFA',
        Effect: 'Allow',
        Action: [
          'iam:DeactivateMFADevice',
          'iam:EnableMFADevice',
          'iam:GetUser',
          'iam:ListMFADevices',
          'iam:ResyncMFADevice',
        ],
        Resource: 'arn:aws:iam::*:user/${aws:username}',
      },
      {
        Sid: 'BlockMostAccessUnlessSignedInWithMFA',
        Effect: 'Deny',
        NotAction: [
          'iam:CreateVirtualMFADevice',
          'iam:EnableMFADevice',
          'iam:GetUser',
          'iam:ListMFADevices',
          'iam:ListVirtualMFADevices',
          'iam:ResyncMFADevice',
          'sts:GetSessionToken',
        ],
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ),
    phrases: [
      "on the caller's own IAM user.",
      'Denies every action except 6 IAM actions',
      'and sts:GetSessionToken on every resource unless MFA was used.',
    ],
    flags: [],
  },
  {
    name: 'IAM: pass a role to one service',
    source: `${IAMUG}/reference_policies_examples_iam-passrole-service.html`,
    kind: 'identity',
    document: doc({
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: 'arn:aws:iam::111122223333:role/EC2-roles-for-XYZ-*',
      Condition: { StringEquals: { 'iam:PassedToService': 'cloudwatch.amazonaws.com' } },
    }),
    phrases: [
      'Allows iam:PassRole on every IAM role whose name starts with EC2-roles-for-XYZ- in account 111122223333',
      'only when iam:PassedToService is "cloudwatch.amazonaws.com"',
    ],
    flags: [],
  },
  {
    name: 'Trust: a third party with an external ID',
    source: `${IAMUG}/id_roles_create_for-user_externalid.html`,
    kind: 'role-trust',
    options: { account: '444455556666' },
    document: doc({
      Effect: 'Allow',
      Principal: { AWS: '111122223333' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'Unique ID Assigned by Example Corp' } },
    }),
    phrases: [
      'Lets any principal in account 111122223333 assume this role',
      'only when the caller passes the external ID "Unique ID Assigned by Example Corp"',
      'if their identity policy also allows it.',
    ],
    flags: [],
  },
  {
    name: 'Trust: GitHub Actions OIDC',
    source: `${IAMUG}/id_roles_create_for-idp_oidc.html`,
    kind: 'role-trust',
    document: doc({
      Effect: 'Allow',
      Principal: {
        Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
      },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:*' },
      },
    }),
    phrases: [
      'Lets GitHub Actions workflows',
      'assume this role with a web identity token',
      'the token\'s audience is "sts.amazonaws.com"',
      'the GitHub workflow runs in octo-org/octo-repo (any branch, tag, environment or pull request)',
    ],
    flags: [],
  },
  {
    name: 'Trust: GitHub Actions limited to the main branch',
    source:
      'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services',
    kind: 'role-trust',
    document: doc({
      Effect: 'Allow',
      Principal: {
        Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
      },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: {
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:ref:refs/heads/main',
        },
      },
    }),
    phrases: ['the GitHub workflow runs in octo-org/octo-repo on branch main'],
    flags: [],
  },
  {
    name: 'Trust: Cognito identity pool, authenticated identities',
    source: `${IAMUG}/id_roles_create_for-idp_oidc.html`,
    kind: 'role-trust',
    document: doc({
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: {
          'cognito-identity.amazonaws.com:aud': 'us-east-2:12345678-abcd-abcd-abcd-123456789012',
        },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      },
    }),
    phrases: [
      'Lets identities from an Amazon Cognito identity pool assume this role with a web identity token',
      'the identity comes from the identity pool us-east-2:12345678-abcd-abcd-abcd-123456789012',
      'the Cognito identity is signed in (authenticated)',
    ],
    flags: [],
  },
  {
    name: 'Trust: SAML federation',
    source: `${IAMUG}/id_roles_create_for-idp_saml.html`,
    kind: 'role-trust',
    document: doc({
      Effect: 'Allow',
      Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/ExampleOrgSSOProvider' },
      Action: 'sts:AssumeRoleWithSAML',
      Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
    }),
    phrases: [
      'Lets users federated through the SAML provider ExampleOrgSSOProvider assume this role with a SAML assertion',
      'the SAML assertion is meant for https://signin.aws.amazon.com/saml',
    ],
    flags: [],
  },
  {
    name: 'Bucket policy: deny everything outside an IP range',
    source: `${S3UG}/example-bucket-policies.html`,
    kind: 's3-bucket',
    document: doc({
      Sid: 'IPAllow',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::amzn-s3-demo-bucket', 'arn:aws:s3:::amzn-s3-demo-bucket/*'],
      Condition: { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
    }),
    phrases: [
      'Denies everyone, including anonymous users, every S3 action on the bucket amzn-s3-demo-bucket and every object in the bucket amzn-s3-demo-bucket unless the request comes from 192.0.2.0/24.',
    ],
    flags: [],
  },
  {
    name: 'Bucket policy: require HTTPS',
    source: `${S3UG}/example-bucket-policies.html`,
    kind: 's3-bucket',
    document: doc({
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 's3:*',
      Resource: ['arn:aws:s3:::amzn-s3-demo-bucket', 'arn:aws:s3:::amzn-s3-demo-bucket/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    }),
    phrases: ['unless the request uses HTTPS.'],
    flags: [],
  },
  {
    name: 'Bucket policy: server access logging',
    source: `${S3UG}/enable-server-access-logging.html`,
    kind: 's3-bucket',
    document: doc({
      Sid: 'S3ServerAccessLogsPolicy',
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: ['s3:PutObject'],
      Resource: 'arn:aws:s3:::DOC-EXAMPLE-DESTINATION-BUCKET/EXAMPLE-LOGGING-PREFIX*',
      Condition: {
        ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::SOURCE-BUCKET-NAME' },
        StringEquals: { 'aws:SourceAccount': '111122223333' },
      },
    }),
    phrases: [
      'Allows the S3 server access logging service s3:PutObject on every object under EXAMPLE-LOGGING-PREFIX in the bucket DOC-EXAMPLE-DESTINATION-BUCKET',
      'the service acts on behalf of arn:aws:s3:::SOURCE-BUCKET-NAME',
      'the service acts on behalf of account 111122223333',
    ],
    flags: [],
  },
  {
    name: 'Lambda: let S3 invoke a function',
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
    kind: 'lambda-function',
    document: doc({
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: 'arn:aws:lambda:us-east-2:111122223333:function:my-function',
      Condition: {
        StringEquals: { 'aws:SourceAccount': '111122223333' },
        ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::amzn-s3-demo-bucket' },
      },
    }),
    phrases: [
      'Allows the S3 service lambda:InvokeFunction on the Lambda function my-function in account 111122223333',
    ],
    flags: [],
  },
  {
    name: 'EC2: tag keys limited with ForAllValues',
    source: `${IAMUG}/reference_policies_condition-single-vs-multi-valued-context-keys.html`,
    kind: 'identity',
    document: doc({
      Effect: 'Allow',
      Action: 'ec2:CreateTags',
      Resource: 'arn:aws:ec2:*:*:instance/*',
      Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } },
    }),
    phrases: [
      'every value (if any) of the tag keys in the request is "environment" or "cost-center"',
    ],
    flags: ['FOR_ALL_VALUES_WITH_ALLOW'],
  },
  {
    name: 'AdministratorAccess',
    source:
      'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html',
    kind: 'identity',
    document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
    phrases: ['Allows every action on every resource.'],
    flags: ['FULL_ADMIN_ACCESS'],
  },
  {
    name: 'AmazonS3ReadOnlyAccess',
    source:
      'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonS3ReadOnlyAccess.html',
    kind: 'identity',
    document: doc({
      Effect: 'Allow',
      Action: [
        's3:Get*',
        's3:List*',
        's3:Describe*',
        's3-object-lambda:Get*',
        's3-object-lambda:List*',
      ],
      Resource: '*',
    }),
    phrases: [
      'every action whose name starts with Get in S3',
      'every action whose name starts with List in S3',
    ],
    flags: [],
  },
];

describe('AWS documentation examples', () => {
  for (const example of EXAMPLES) {
    it(`${example.name} (${example.source})`, () => {
      const text = reading(example.document, example.kind, { catalog, ...example.options });
      for (const phrase of example.phrases) expect(text).toContain(phrase);
      expect(flagCodes(example.document, example.kind, { catalog, ...example.options })).toEqual(
        example.flags,
      );
    });
  }
});
