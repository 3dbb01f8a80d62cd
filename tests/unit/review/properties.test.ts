/**
 * readPolicy and reviewPolicy never throw on any policy the parser returns: from arbitrary JSON,
 * and from policy-shaped documents built out of realistic (and odd) parts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicy, POLICY_KINDS } from '../../../src/sim/policy/index.ts';
import type { PolicyKind } from '../../../src/sim/policy/index.ts';
import { readPolicy, reviewPolicy } from '../../../src/sim/review/index.ts';
import { catalog } from './helpers.ts';

const kindArb = fc.constantFrom<PolicyKind>(...POLICY_KINDS);

/** Reads and reviews whatever the parser returns; checks the basic shape of the results. */
function exercise(source: unknown, kind: PolicyKind, withCatalog: boolean, account?: string): void {
  const { policy } = parsePolicy(source, kind, withCatalog ? { catalog } : {});
  if (policy === null) return;
  const options = {
    ...(withCatalog ? { catalog } : {}),
    ...(account === undefined ? {} : { account }),
  };
  const reading = readPolicy(policy, options);
  expect(reading.statements).toHaveLength(policy.statements.length);
  for (const s of reading.statements) {
    expect(s.sentence).toMatch(/\.$/);
    expect(s.sentence).not.toMatch(/ {2}|undefined|NaN|\[object/);
  }
  const review = reviewPolicy(policy, options);
  for (const f of review.flags) {
    expect(policy.statements.some((s) => s.index === f.statementIndex)).toBe(true);
  }
}

const pieces = {
  action: fc.constantFrom(
    '*',
    's3:*',
    's3:Get*',
    's3:GetObject',
    'iam:PassRole',
    'iam:*',
    'sts:AssumeRole',
    'sts:AssumeRoleWithWebIdentity',
    'iam:*AccessKey*',
    'x',
    ':',
    '*:*',
    'S3:getobject',
    '',
  ),
  resource: fc.constantFrom(
    '*',
    'arn:aws:s3:::b',
    'arn:aws:s3:::b/*',
    'arn:aws:s3:::*',
    'arn:aws:iam::111122223333:role/*',
    'arn:aws:iam::*:user/${aws:username}',
    'arn:aws:lambda:us-east-1:111122223333:function:f',
    'arn:',
    'arn:aws',
    '',
  ),
  principal: fc.constantFrom<unknown>(
    '*',
    { AWS: '*' },
    { AWS: '111122223333' },
    { AWS: 'arn:aws:iam::111122223333:root' },
    { AWS: 'arn:aws:sts::111122223333:assumed-role/R' },
    { AWS: 'arn:aws:sts::1:assumed-role' },
    { Service: ['ec2.amazonaws.com', ''] },
    { Federated: 'cognito-identity.amazonaws.com' },
    { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
    { Federated: 'arn:aws:iam::1:saml-provider/' },
    { CanonicalUser: '' },
    { AWS: [] },
    {},
    7,
  ),
  operator: fc.constantFrom(
    'StringEquals',
    'StringNotEqualsIfExists',
    'ForAllValues:StringLike',
    'ForAnyValue:StringNotLike',
    'Bool',
    'BoolIfExists',
    'Null',
    'IpAddress',
    'NotIpAddress',
    'DateGreaterThan',
    'DateLessThan',
    'NumericLessThan',
    'ArnLike',
    'BinaryEquals',
    'Bogus',
    'IfExists',
  ),
  key: fc.constantFrom(
    'aws:SourceIp',
    'aws:MultiFactorAuthPresent',
    'aws:CurrentTime',
    'aws:PrincipalTag/x',
    'aws:TagKeys',
    'token.actions.githubusercontent.com:sub',
    'token.actions.githubusercontent.com:aud',
    'sts:ExternalId',
    'cognito-identity.amazonaws.com:amr',
    'SAML:aud',
    'aws:SourceArn',
    '',
    'weird',
  ),
  value: fc.oneof(
    fc.constantFrom<unknown>(
      'true',
      'false',
      '*',
      'repo:o/*',
      '10.0.0.0/8',
      '${aws:username}',
      '',
      [],
      ['a', 'b'],
      3,
      true,
      null,
    ),
    // Free text, with whitespace runs collapsed: the sentences echo values, so a value's own
    // double space would trip the "no holes" check below.
    fc.string().map((text) => text.replace(/\s+/g, ' ')),
  ),
};

const statementArb = fc.record(
  {
    Sid: fc.string(),
    Effect: fc.constantFrom<unknown>('Allow', 'Deny', 'allow', 1),
    Principal: pieces.principal,
    NotPrincipal: pieces.principal,
    Action: fc.oneof(pieces.action, fc.array(pieces.action, { maxLength: 8 })),
    NotAction: fc.oneof(pieces.action, fc.array(pieces.action, { maxLength: 3 })),
    Resource: fc.oneof(pieces.resource, fc.array(pieces.resource, { maxLength: 3 })),
    NotResource: pieces.resource,
    Condition: fc.dictionary(
      pieces.operator,
      fc.dictionary(pieces.key, pieces.value, { maxKeys: 3 }),
      { maxKeys: 3 },
    ),
  },
  { requiredKeys: ['Effect'] },
);

const policyArb = fc.record(
  {
    Version: fc.constantFrom<unknown>('2012-10-17', '2008-10-17', 'x'),
    Statement: fc.oneof(statementArb, fc.array(statementArb, { maxLength: 4 })),
  },
  { requiredKeys: ['Statement'] },
);

describe('never throws', () => {
  it('on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), kindArb, fc.boolean(), (value, kind, withCatalog) => {
        exercise(value, kind, withCatalog);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary JSON text', () => {
    fc.assert(
      fc.property(fc.string(), kindArb, (text, kind) => {
        exercise(text, kind, false);
      }),
      { numRuns: 200 },
    );
  });

  it('on policy-shaped documents', () => {
    fc.assert(
      fc.property(
        policyArb,
        kindArb,
        fc.boolean(),
        fc.constantFrom(undefined, '111122223333'),
        (d, kind, withCatalog, account) => {
          exercise(d, kind, withCatalog, account);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(policyArb, kindArb, (d, kind) => {
        const { policy } = parsePolicy(d, kind);
        if (policy === null) return;
        expect(readPolicy(policy)).toEqual(readPolicy(policy));
        expect(reviewPolicy(policy, { account: '111122223333' })).toEqual(
          reviewPolicy(policy, { account: '111122223333' }),
        );
      }),
      { numRuns: 100 },
    );
  });
});
