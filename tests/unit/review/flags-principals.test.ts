/**
 * reviewPolicy, checks on principals (public, cross-account, service, federation): for every
 * flag, a document that raises it and a safe twin that does not (other flags may appear).
 */
import { describe, expect, it } from 'vitest';
import { doc, flagCodes, runTwins } from './helpers.ts';
import type { Twin } from './helpers.ts';

const GITHUB = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
const AUD = { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' };

/** A GitHub Actions trust with the given condition block. */
function github(condition: Record<string, unknown>): Record<string, unknown> {
  return doc({
    Effect: 'Allow',
    Principal: { Federated: GITHUB },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: condition,
  });
}

/** A public-read bucket statement with the given condition block. */
function publicRead(condition?: Record<string, unknown>): Record<string, unknown> {
  return doc({
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*',
    ...(condition === undefined ? {} : { Condition: condition }),
  });
}

const TWINS: Twin[] = [
  {
    code: 'NOT_PRINCIPAL',
    kind: 's3-bucket',
    flagged: [
      doc({
        Effect: 'Deny',
        NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/Admin' },
        Action: 's3:*',
        Resource: 'arn:aws:s3:::reports/*',
      }),
    ],
    safe: [
      doc({
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: 'arn:aws:s3:::reports/*',
        Condition: { ArnNotEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Admin' } },
      }),
    ],
  },
  {
    code: 'PUBLIC_ACCESS',
    kind: 's3-bucket',
    flagged: [
      publicRead(),
      doc({
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::b/*',
      }),
      // Not "fixed": a /8 (or wider) block, a negated operator, IfExists, a wildcard value, a key not on the list.
      publicRead({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }),
      publicRead({ StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }),
      publicRead({ StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }),
      publicRead({ StringLike: { 'aws:SourceVpce': 'vpce-*' } }),
      publicRead({ StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }),
    ],
    safe: [
      publicRead({ IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } }),
      publicRead({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }),
      publicRead({ StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }),
      publicRead({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/*' } }),
      publicRead({ StringLike: { 'aws:userid': 'AROAEXAMPLEID:*' } }),
      publicRead({
        ArnLike: { 'aws:SourceArn': 'arn:aws:cloudfront::111122223333:distribution/*' },
      }),
      doc({
        Effect: 'Allow',
        Principal: { AWS: '111122223333' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::b/*',
      }),
      doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }),
    ],
  },
  {
    code: 'TRUST_PUBLIC_PRINCIPAL',
    kind: 'role-trust',
    flagged: [
      doc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }),
      doc({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }),
    ],
    safe: [
      doc({
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      }),
      doc({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:role/Deployer' },
        Action: 'sts:AssumeRole',
      }),
    ],
  },
  {
    code: 'OIDC_MISSING_AUDIENCE',
    kind: 'role-trust',
    flagged: [
      github({
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:*' },
      }),
      doc({
        Effect: 'Allow',
        Principal: { Federated: 'accounts.google.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
      }),
      github({
        StringNotEquals: AUD,
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:*' },
      }),
    ],
    safe: [
      github({
        StringEquals: AUD,
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:*' },
      }),
      doc({
        Effect: 'Allow',
        Principal: { Federated: 'accounts.google.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'accounts.google.com:aud': '66677788899900pro0' } },
      }),
    ],
  },
  {
    code: 'GITHUB_OIDC_MISSING_SUB',
    kind: 'role-trust',
    flagged: [
      github({ StringEquals: AUD }),
      github({
        StringEquals: AUD,
        StringNotLike: { 'token.actions.githubusercontent.com:sub': 'repo:evil/*' },
      }),
    ],
    safe: [
      github({
        StringEquals: {
          ...AUD,
          'token.actions.githubusercontent.com:sub': 'repo:o/r:ref:refs/heads/main',
        },
      }),
    ],
  },
  {
    code: 'GITHUB_OIDC_BROAD_SUB',
    kind: 'role-trust',
    flagged: [
      github({
        StringEquals: AUD,
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/*' },
      }),
      github({ StringEquals: AUD, StringLike: { 'token.actions.githubusercontent.com:sub': '*' } }),
      github({
        StringEquals: AUD,
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*' },
      }),
      github({
        StringEquals: AUD,
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-*/app:*' },
      }),
      github({
        StringEquals: AUD,
        StringLike: {
          'token.actions.githubusercontent.com:sub': ['repo:o/r:ref:refs/heads/main', 'repo:o/*'],
        },
      }),
    ],
    safe: [
      github({
        StringEquals: AUD,
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:*' },
      }),
      github({
        StringEquals: AUD,
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:environment:prod' },
      }),
    ],
  },
  {
    code: 'COGNITO_MISSING_AMR',
    kind: 'role-trust',
    flagged: [
      doc({
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'cognito-identity.amazonaws.com:aud': 'us-east-2:12345678-abcd-abcd-abcd-123456789012',
          },
        },
      }),
    ],
    safe: [
      doc({
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
    ],
  },
  {
    code: 'CROSS_ACCOUNT_NO_EXTERNAL_ID',
    kind: 'role-trust',
    options: { account: '444455556666' },
    flagged: [
      doc({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }),
      doc({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:root' },
        Action: 'sts:AssumeRole',
      }),
    ],
    safe: [
      doc({
        Effect: 'Allow',
        Principal: { AWS: '111122223333' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'Unique ID Assigned by Example Corp' } },
      }),
      doc({
        Effect: 'Allow',
        Principal: { AWS: '111122223333' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      }),
      doc({ Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'sts:AssumeRole' }),
      doc({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111122223333:role/Deployer' },
        Action: 'sts:AssumeRole',
      }),
    ],
  },
  {
    code: 'CONFUSED_DEPUTY',
    kind: 'lambda-function',
    flagged: [
      doc({
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'lambda:InvokeFunction',
        Resource: 'arn:aws:lambda:us-east-2:111122223333:function:my-function',
      }),
      doc({
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'lambda:InvokeFunction',
        Resource: 'arn:aws:lambda:us-east-2:111122223333:function:my-function',
        Condition: { ArnLikeIfExists: { 'aws:SourceArn': 'arn:aws:s3:::amzn-s3-demo-bucket' } },
      }),
    ],
    safe: [
      doc({
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'lambda:InvokeFunction',
        Resource: 'arn:aws:lambda:us-east-2:111122223333:function:my-function',
        Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::amzn-s3-demo-bucket' } },
      }),
      doc({
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'lambda:InvokeFunction',
        Resource: 'arn:aws:lambda:us-east-2:111122223333:function:my-function',
        Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
      }),
    ],
  },
];

runTwins(TWINS);

describe('KMS: access through a service for all principals in the account', () => {
  // KMS Developer Guide, key-policy-default.html: Principal "*" pinned by kms:CallerAccount.
  const d = doc({
    Effect: 'Allow',
    Principal: { AWS: '*' },
    Action: ['kms:Encrypt', 'kms:Decrypt'],
    Resource: '*',
    Condition: {
      StringEquals: {
        'kms:ViaService': 's3.us-east-2.amazonaws.com',
        'kms:CallerAccount': '111122223333',
      },
    },
  });

  it('is not public', () => {
    expect(flagCodes(d, 'kms-key')).toEqual([]);
  });

  it('is public without the account', () => {
    const open = doc({
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'kms:Decrypt',
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-2.amazonaws.com' } },
    });
    expect(flagCodes(open, 'kms-key')).toEqual(['PUBLIC_ACCESS']);
  });
});
