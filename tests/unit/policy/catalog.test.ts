/** The generated catalog and its lookups, and the catalog-driven warnings. */
import { describe, expect, it } from 'vitest';
import {
  actionExists,
  conditionKeyKnown,
  findAction,
  findConditionKey,
  isGlobalConditionKey,
  matchActions,
  suggestAction,
  suggestConditionKey,
} from '../../../src/sim/policy/index.ts';
import { catalog, codes, doc, parse } from './helpers.ts';

const SERVICES = [
  'iam',
  'sts',
  's3',
  'ec2',
  'lambda',
  'organizations',
  'cloudtrail',
  'kms',
  'sqs',
  'sns',
  'logs',
  'dynamodb',
  'secretsmanager',
  'ssm',
  'cloudformation',
];

describe('generated catalog', () => {
  it('covers every service Rolelab simulates or mentions', () => {
    expect(Object.keys(catalog.services).sort()).toEqual([...SERVICES].sort());
    for (const prefix of SERVICES) {
      const service = catalog.services[prefix];
      expect(service?.prefix).toBe(prefix);
      expect(service?.actions.length).toBeGreaterThan(0);
    }
  });

  it('holds the fields the editor shows', () => {
    const getObject = findAction(catalog, 's3:GetObject');
    expect(getObject).toMatchObject({
      name: 'GetObject',
      accessLevel: 'Read',
      description: 'Retrieve objects from Amazon S3',
    });
    expect(getObject?.resourceTypes.map((r) => r.name)).toContain('object');
    const bucket = catalog.services['s3']?.resourceTypes.find((r) => r.name === 'bucket');
    expect(bucket?.arn).toBe('arn:${Partition}:s3:::${BucketName}');
    expect(findConditionKey(catalog, 's3:prefix')).toMatchObject({
      name: 's3:prefix',
      type: 'String',
    });
  });

  it('writes every placeholder as ${…}', () => {
    const names = Object.values(catalog.services).flatMap((s) =>
      s.conditionKeys.map((k) => k.name),
    );
    expect(names.filter((n) => /<|tag-key$/.test(n))).toEqual([]);
  });
});

describe('catalog lookups', () => {
  it('finds actions case-insensitively and says nothing about uncovered services', () => {
    expect(actionExists(catalog, 'IAM:listaccesskeys')).toBe(true);
    expect(actionExists(catalog, 's3:GetObjects')).toBe(false);
    expect(actionExists(catalog, 'athena:StartQueryExecution')).toBeUndefined();
  });

  it('matches wildcard patterns against the service actions', () => {
    expect(matchActions(catalog, 'iam:*AccessKey*')?.sort()).toEqual(
      expect.arrayContaining([
        'iam:CreateAccessKey',
        'iam:DeleteAccessKey',
        'iam:ListAccessKeys',
        'iam:UpdateAccessKey',
      ]),
    );
    expect(matchActions(catalog, 'sts:AssumeRole?ith*')?.sort()).toEqual([
      'sts:AssumeRoleWithSAML',
      'sts:AssumeRoleWithWebIdentity',
    ]);
    expect(matchActions(catalog, 'athena:*')).toBeUndefined();
  });

  it('suggests close names', () => {
    expect(suggestAction(catalog, 's3:GetObjet')).toBe('s3:GetObject');
    expect(suggestAction(catalog, 'sts:AssumeRoll')).toBe('sts:AssumeRole');
    expect(suggestConditionKey(catalog, 'aws:PrincipalOrgId2')).toBe('aws:PrincipalOrgID');
    expect(suggestConditionKey(catalog, 'sts:ExternalID1')).toBe('sts:ExternalId');
  });

  it('knows the global keys, tag keys included', () => {
    for (const key of [
      'aws:SourceIp',
      'AWS:sourceip',
      'aws:PrincipalTag/team',
      'aws:ResourceTag/Cost Center',
      'aws:RequestTag/x',
      'aws:TagKeys',
      'aws:PrincipalOrgPaths',
    ]) {
      expect(isGlobalConditionKey(key), key).toBe(true);
    }
    expect(isGlobalConditionKey('aws:PrincipalTag/')).toBe(false);
    expect(isGlobalConditionKey('aws:SourceIP4')).toBe(false);
  });

  it('knows service keys, with placeholders matching any text', () => {
    expect(conditionKeyKnown(catalog, 's3:ExistingObjectTag/classification')).toBe(true);
    expect(conditionKeyKnown(catalog, 'iam:ResourceTag/team')).toBe(true);
    expect(conditionKeyKnown(catalog, 'kms:EncryptionContext:project')).toBe(true);
    expect(conditionKeyKnown(catalog, 'sts:ExternalId')).toBe(true);
    expect(conditionKeyKnown(catalog, 'cognito-identity.amazonaws.com:aud')).toBe(true);
    expect(conditionKeyKnown(catalog, 's3:prefx')).toBe(false);
    expect(conditionKeyKnown(catalog, 'aws:Nope')).toBe(false);
    expect(conditionKeyKnown(catalog, 'athena:Workgroup')).toBeUndefined();
    // Identity-provider claims are not judged: the data lists only some of them.
    expect(conditionKeyKnown(catalog, 'token.actions.githubusercontent.com:sub')).toBeUndefined();
  });
});

describe('catalog warnings in policies', () => {
  it('stays quiet for real actions, patterns and keys', () => {
    const result = parse(
      doc({
        Effect: 'Allow',
        Action: ['s3:GetObject', 'S3:listbucket', 'ec2:Describe*', 'iam:*', '*', 'athena:Whatever'],
        Resource: '*',
        Condition: {
          StringEquals: {
            'aws:PrincipalTag/team': 'a',
            's3:prefix': 'x',
            'ec2:ResourceTag/env': 'dev',
            'athena:Anything': 'y',
          },
        },
      }),
      'identity',
      true,
    );
    expect(result.issues).toEqual([]);
  });

  it('warns without the catalog only when asked to (no catalog, no warning)', () => {
    expect(codes(parse(doc({ Effect: 'Allow', Action: 's3:GetObjects', Resource: '*' })))).toEqual(
      [],
    );
    expect(
      codes(
        parse(doc({ Effect: 'Allow', Action: 's3:GetObjects', Resource: '*' }), 'identity', true),
      ),
    ).toEqual(['UNKNOWN_ACTION']);
  });

  it('checks NotAction too', () => {
    expect(
      codes(
        parse(
          doc({ Effect: 'Deny', NotAction: ['iam:Frobnicate*'], Resource: '*' }),
          'identity',
          true,
        ),
      ),
    ).toEqual(['ACTION_MATCHES_NOTHING']);
  });
});
