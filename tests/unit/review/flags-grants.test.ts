/**
 * reviewPolicy, checks on what a statement grants and on condition pitfalls: for every flag, a
 * document that raises it and a safe twin that does not (other flags may appear).
 */
import { describe, expect, it } from 'vitest';
import { doc, flagCodes, flags, runTwins } from './helpers.ts';
import type { Twin } from './helpers.ts';

const GITHUB = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';

const TWINS: Twin[] = [
  {
    code: 'FULL_ADMIN_ACCESS',
    kind: 'identity',
    flagged: [doc({ Effect: 'Allow', Action: '*', Resource: '*' })],
    safe: [
      doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::reports/*' }),
      doc({ Effect: 'Deny', Action: '*', Resource: '*' }),
    ],
  },
  {
    code: 'PASS_ROLE_ANY_RESOURCE',
    kind: 'identity',
    flagged: [
      doc({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }),
      doc({ Effect: 'Allow', Action: ['iam:Get*', 'iam:*'], Resource: '*' }),
      doc({
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: 'arn:aws:iam::111122223333:role/*',
      }),
    ],
    safe: [
      doc({
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: 'arn:aws:iam::111122223333:role/S3Access',
      }),
      doc({
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: 'arn:aws:iam::111122223333:role/ec2-roles/*',
      }),
      doc({ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }),
    ],
  },
  {
    code: 'PRIVILEGE_ESCALATION',
    kind: 'identity',
    flagged: [
      doc({ Effect: 'Allow', Action: 'iam:CreatePolicyVersion', Resource: '*' }),
      doc({
        Effect: 'Allow',
        Action: 'iam:AttachRolePolicy',
        Resource: 'arn:aws:iam::111122223333:role/*',
      }),
      doc({
        Effect: 'Allow',
        Action: ['iam:PutRolePolicy', 'iam:UpdateAssumeRolePolicy'],
        Resource: '*',
      }),
      doc({
        Effect: 'Allow',
        Action: 'iam:CreateAccessKey',
        Resource: 'arn:aws:iam::111122223333:user/*',
      }),
      doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }),
    ],
    safe: [
      doc({
        Effect: 'Allow',
        Action: 'iam:CreateAccessKey',
        Resource: 'arn:aws:iam::*:user/${aws:username}',
      }),
      doc({
        Effect: 'Allow',
        Action: 'iam:AttachRolePolicy',
        Resource: 'arn:aws:iam::111122223333:role/app/Worker',
      }),
      doc({ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' }),
      doc({ Effect: 'Deny', Action: 'iam:CreatePolicyVersion', Resource: '*' }),
    ],
  },
  {
    code: 'S3_FULL_ACCESS_ALL_RESOURCES',
    kind: 'identity',
    flagged: [
      doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      doc({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::*' }),
    ],
    safe: [
      doc({
        Effect: 'Allow',
        Action: 's3:*',
        Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'],
      }),
    ],
  },
  {
    code: 'ALLOW_WITH_NOT_ACTION',
    kind: 'identity',
    flagged: [doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })],
    safe: [doc({ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' })],
  },
  {
    code: 'ALLOW_WITH_NOT_RESOURCE',
    kind: 'identity',
    flagged: [
      doc({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' }),
    ],
    safe: [doc({ Effect: 'Deny', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::public/*' })],
  },
  {
    code: 'DENY_NEGATED_IF_EXISTS',
    kind: 'identity',
    flagged: [
      doc({
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:RequestedRegion': 'eu-west-1' } },
      }),
      doc({
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { NotIpAddressIfExists: { 'aws:SourceIp': '192.0.2.0/24' } },
      }),
    ],
    safe: [
      doc({
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
      }),
      doc({
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      }),
      doc({
        Effect: 'Allow',
        Action: 's3:ListAllMyBuckets',
        Resource: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:RequestedRegion': 'eu-west-1' } },
      }),
    ],
  },
  {
    code: 'FOR_ALL_VALUES_WITH_ALLOW',
    kind: 'identity',
    flagged: [
      doc({
        Effect: 'Allow',
        Action: 'ec2:CreateTags',
        Resource: '*',
        Condition: {
          'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] },
        },
      }),
      doc({
        Effect: 'Allow',
        Action: 'ec2:CreateTags',
        Resource: '*',
        Condition: {
          'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment'] },
          Null: { 'aws:TagKeys': 'true' },
        },
      }),
    ],
    safe: [
      doc({
        Effect: 'Allow',
        Action: 'ec2:CreateTags',
        Resource: '*',
        Condition: {
          'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] },
          Null: { 'aws:TagKeys': 'false' },
        },
      }),
      doc({
        Effect: 'Deny',
        Action: 'ec2:CreateTags',
        Resource: '*',
        Condition: { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['environment'] } },
      }),
    ],
  },
  {
    code: 'VARIABLES_NEED_VERSION',
    kind: 'identity',
    flagged: [
      {
        Statement: [
          {
            Effect: 'Allow',
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::home/${aws:username}/*',
          },
        ],
      },
      {
        Version: '2008-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 's3:ListBucket',
            Resource: 'arn:aws:s3:::home',
            Condition: { StringLike: { 's3:prefix': '${aws:username}/*' } },
          },
        ],
      },
    ],
    safe: [
      doc({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::home/${aws:username}/*',
      }),
      { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/*' }] },
    ],
  },
];

runTwins(TWINS);

describe('precision', () => {
  it('full admin is one flag, not five', () => {
    expect(flagCodes(doc({ Effect: 'Allow', Action: '*', Resource: '*' }), 'identity')).toEqual([
      'FULL_ADMIN_ACCESS',
    ]);
  });

  it('iam:* on * raises PassRole and escalation together', () => {
    expect(flagCodes(doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }), 'identity')).toEqual(
      ['PASS_ROLE_ANY_RESOURCE', 'PRIVILEGE_ESCALATION'],
    );
  });

  it('limiting policy kinds (boundary, SCP, session) may say Allow * on *', () => {
    for (const kind of ['boundary', 'session', 'scp'] as const) {
      expect(flagCodes(doc({ Effect: 'Allow', Action: '*', Resource: '*' }), kind)).toEqual([]);
    }
  });

  it("grant checks are about identity policies: a KMS key policy's default statement is not flagged", () => {
    // The default key policy (KMS Developer Guide, key-policy-default.html) gives the account kms:* on "*".
    const d = doc({
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: 'kms:*',
      Resource: '*',
    });
    expect(flagCodes(d, 'kms-key')).toEqual([]);
    const all = doc({
      Effect: 'Allow',
      Principal: { AWS: '111122223333' },
      Action: '*',
      Resource: '*',
    });
    expect(flagCodes(all, 's3-bucket')).toEqual([]);
  });

  it('the cross-account check needs to know the own account', () => {
    const d = doc({
      Effect: 'Allow',
      Principal: { AWS: '111122223333' },
      Action: 'sts:AssumeRole',
    });
    expect(flagCodes(d, 'role-trust')).toEqual([]);
  });

  it('service principals in trust policies are not confused deputies', () => {
    const d = doc({
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole',
    });
    expect(flagCodes(d, 'role-trust')).toEqual([]);
  });

  it('a GitHub trust with neither aud nor sub raises both', () => {
    const d = doc({
      Effect: 'Allow',
      Principal: { Federated: GITHUB },
      Action: 'sts:AssumeRoleWithWebIdentity',
    });
    expect(flagCodes(d, 'role-trust')).toEqual([
      'GITHUB_OIDC_MISSING_SUB',
      'OIDC_MISSING_AUDIENCE',
    ]);
  });

  it('points at the value at fault and the statement index', () => {
    const d = doc(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Allow', Action: ['iam:GetRole', 'iam:PassRole'], Resource: '*' },
    );
    const [found] = flags(d, 'identity');
    expect(found?.code).toBe('PASS_ROLE_ANY_RESOURCE');
    expect(found?.statementIndex).toBe(1);
    const text = JSON.stringify(d, null, 2).split('\n');
    const line = text[(found?.range.startLine ?? 0) - 1] ?? '';
    expect(line.slice((found?.range.startColumn ?? 1) - 1)).toMatch(/^"iam:PassRole"/);
  });

  it('sorts by severity first', () => {
    const d = doc(
      {
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:RequestedRegion': 'eu-west-1' } },
      },
      { Effect: 'Allow', Action: '*', Resource: '*' },
    );
    expect(flags(d, 'identity').map((f) => f.severity)).toEqual(['high', 'low']);
  });
});
