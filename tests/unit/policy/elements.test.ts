/** Every element form turns into the expected AST. */
import { describe, expect, it } from 'vitest';
import type {
  ConditionClause,
  Policy,
  PrincipalSpec,
  Statement,
} from '../../../src/sim/policy/index.ts';
import { codes, doc, fmt, parse, pretty, spanOf } from './helpers.ts';

/** The policy of a result that must parse cleanly. */
function clean(text: unknown, kind: Parameters<typeof parse>[1] = 'identity'): Policy {
  const result = parse(text, kind);
  expect(result.issues).toEqual([]);
  expect(result.policy).not.toBeNull();
  return result.policy as Policy;
}

/** The first statement. */
function first(policy: Policy): Statement {
  const s = policy.statements[0];
  if (s === undefined) throw new Error('no statement');
  return s;
}

/** Values of a located list. */
const values = (list: { value: string }[] | undefined): string[] | undefined =>
  list?.map((v) => v.value);

/** Principal entries as plain data. */
function entries(spec: PrincipalSpec | undefined): Record<string, string[]> | string | undefined {
  if (spec === undefined) return undefined;
  if (spec.kind === 'any') return '*';
  return Object.fromEntries(spec.entries.map((e) => [e.type, e.values.map((v) => v.value)]));
}

/** A clause without ranges. */
function bare(c: ConditionClause): Record<string, unknown> {
  return {
    operatorText: c.operatorText,
    operator: c.operator,
    qualifier: c.qualifier,
    ifExists: c.ifExists,
    key: c.key,
    values: values(c.values),
  };
}

describe('top level', () => {
  it('reads Version and Id', () => {
    const p = clean(
      pretty({
        Version: '2012-10-17',
        Id: 'b-1',
        Statement: [
          { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
        ],
      }),
      's3-bucket',
    );
    expect(p.version).toBe('2012-10-17');
    expect(p.id).toBe('b-1');
    expect(p.kind).toBe('s3-bucket');
  });

  it('accepts the legacy version and leaves version undefined when absent', () => {
    expect(
      clean(
        pretty({
          Version: '2008-10-17',
          Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }],
        }),
      ).version,
    ).toBe('2008-10-17');
    expect(
      clean(pretty({ Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] })).version,
    ).toBeUndefined();
  });

  it('takes Statement as a single object (index 0) or as an array', () => {
    const single = clean(
      pretty({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }),
    );
    expect(single.statements).toHaveLength(1);
    expect(first(single).index).toBe(0);
    const many = clean(
      doc(
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Sid: 'Two', Effect: 'Deny', Action: 'iam:*', Resource: '*' },
      ),
    );
    expect(many.statements.map((s) => [s.index, s.sid, s.effect])).toEqual([
      [0, undefined, 'Allow'],
      [1, 'Two', 'Deny'],
    ]);
  });

  it('gives each statement the range of its object', () => {
    const text = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
    expect(fmt(first(clean(text)).range)).toBe('4:5-8:6');
  });
});

describe('Action and Resource', () => {
  it('turns a single string into a one-element list with its range', () => {
    const text = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' });
    const s = first(clean(text));
    expect(values(s.action)).toEqual(['s3:GetObject']);
    expect(fmt(s.action?.[0]?.range ?? s.range)).toBe(spanOf(text, '"s3:GetObject"'));
    expect(values(s.resource)).toEqual(['arn:aws:s3:::b/*']);
  });

  it('keeps arrays in order, and NotAction / NotResource apart', () => {
    const s = first(
      clean(
        doc({
          Effect: 'Deny',
          NotAction: ['iam:*', 'sts:GetCallerIdentity'],
          NotResource: ['arn:aws:s3:::a', 'arn:aws:s3:::a/*'],
        }),
      ),
    );
    expect(s.action).toBeUndefined();
    expect(values(s.notAction)).toEqual(['iam:*', 'sts:GetCallerIdentity']);
    expect(s.resource).toBeUndefined();
    expect(values(s.notResource)).toEqual(['arn:aws:s3:::a', 'arn:aws:s3:::a/*']);
  });

  it('accepts wildcards and variables where AWS does', () => {
    clean(
      doc({
        Effect: 'Allow',
        Action: ['s3:Get*', 'ec2:Describe?*', '*'],
        Resource: [
          'arn:aws:s3:::b/${aws:username}/*',
          'arn:*:s3:::*',
          'arn:aws:lambda:us-east-1:123456789012:function:f:prod',
        ],
      }),
    );
  });
});

describe('Principal and NotPrincipal', () => {
  const bucket = (principal: unknown, effect = 'Allow', element = 'Principal'): string =>
    doc({
      Effect: effect,
      [element]: principal,
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
    });

  it.each([
    ['"*"', '*', '*'],
    ['{"AWS": "*"}', { AWS: '*' }, { AWS: ['*'] }],
    ['an account id', { AWS: '123456789012' }, { AWS: ['123456789012'] }],
    [
      'an account root ARN',
      { AWS: 'arn:aws:iam::123456789012:root' },
      { AWS: ['arn:aws:iam::123456789012:root'] },
    ],
    [
      'users, roles and sessions',
      {
        AWS: [
          'arn:aws:iam::123456789012:user/path/Alice',
          'arn:aws:iam::123456789012:role/R',
          'arn:aws:sts::123456789012:assumed-role/R/s',
          'arn:aws:sts::123456789012:federated-user/Bob',
        ],
      },
      {
        AWS: [
          'arn:aws:iam::123456789012:user/path/Alice',
          'arn:aws:iam::123456789012:role/R',
          'arn:aws:sts::123456789012:assumed-role/R/s',
          'arn:aws:sts::123456789012:federated-user/Bob',
        ],
      },
    ],
    [
      'services',
      { Service: ['logging.s3.amazonaws.com', 'cloudtrail.amazonaws.com'] },
      { Service: ['logging.s3.amazonaws.com', 'cloudtrail.amazonaws.com'] },
    ],
    [
      'a canonical user',
      { CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' },
      { CanonicalUser: ['79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'] },
    ],
    [
      'several types',
      { AWS: '111122223333', Service: 'sns.amazonaws.com' },
      { AWS: ['111122223333'], Service: ['sns.amazonaws.com'] },
    ],
  ])('reads %s', (_name, principal, expected) => {
    expect(entries(first(clean(bucket(principal), 's3-bucket')).principal)).toEqual(expected);
  });

  it('reads federated principals in trust policies', () => {
    const oidc = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';
    for (const federated of [
      oidc,
      'arn:aws:iam::123456789012:saml-provider/ADFS',
      'cognito-identity.amazonaws.com',
      'accounts.google.com',
    ]) {
      const s = first(
        clean(
          doc({
            Effect: 'Allow',
            Principal: { Federated: federated },
            Action: 'sts:AssumeRoleWithWebIdentity',
          }),
          'role-trust',
        ),
      );
      expect(entries(s.principal)).toEqual({ Federated: [federated] });
    }
  });

  it('reads NotPrincipal with Deny', () => {
    const s = first(
      clean(
        bucket(
          { AWS: ['arn:aws:iam::123456789012:root', 'arn:aws:iam::123456789012:role/Admin'] },
          'Deny',
          'NotPrincipal',
        ),
        's3-bucket',
      ),
    );
    expect(s.principal).toBeUndefined();
    expect(entries(s.notPrincipal)).toEqual({
      AWS: ['arn:aws:iam::123456789012:root', 'arn:aws:iam::123456789012:role/Admin'],
    });
  });

  it('keeps the range of every principal value', () => {
    const text = bucket({ AWS: ['111122223333', '444455556666'] });
    const spec = first(clean(text, 's3-bucket')).principal;
    expect(spec?.kind).toBe('map');
    if (spec?.kind !== 'map') return;
    expect(spec.entries[0]?.values.map((v) => fmt(v.range))).toEqual([
      spanOf(text, '"111122223333"'),
      spanOf(text, '"444455556666"'),
    ]);
  });
});

describe('Condition', () => {
  it('splits operators into qualifier, base and IfExists', () => {
    const s = first(
      clean(
        doc({
          Effect: 'Allow',
          Action: 's3:ListBucket',
          Resource: 'arn:aws:s3:::b',
          Condition: {
            StringLike: { 's3:prefix': ['home/', 'home/${aws:username}/*'] },
            'ForAnyValue:StringEqualsIgnoreCase': { 'aws:TagKeys': 'env' },
            'ForAllValues:StringLikeIfExists': { 'aws:TagKeys': ['env*', 'team'] },
            BoolIfExists: { 'aws:MultiFactorAuthPresent': false },
            NumericLessThanEquals: { 's3:max-keys': 10 },
            Null: { 'aws:TokenIssueTime': 'true' },
          },
        }),
      ),
    );
    expect(s.conditions.map(bare)).toEqual([
      {
        operatorText: 'StringLike',
        operator: 'StringLike',
        qualifier: undefined,
        ifExists: false,
        key: 's3:prefix',
        values: ['home/', 'home/${aws:username}/*'],
      },
      {
        operatorText: 'ForAnyValue:StringEqualsIgnoreCase',
        operator: 'StringEqualsIgnoreCase',
        qualifier: 'ForAnyValue',
        ifExists: false,
        key: 'aws:TagKeys',
        values: ['env'],
      },
      {
        operatorText: 'ForAllValues:StringLikeIfExists',
        operator: 'StringLike',
        qualifier: 'ForAllValues',
        ifExists: true,
        key: 'aws:TagKeys',
        values: ['env*', 'team'],
      },
      {
        operatorText: 'BoolIfExists',
        operator: 'Bool',
        qualifier: undefined,
        ifExists: true,
        key: 'aws:MultiFactorAuthPresent',
        values: ['false'],
      },
      {
        operatorText: 'NumericLessThanEquals',
        operator: 'NumericLessThanEquals',
        qualifier: undefined,
        ifExists: false,
        key: 's3:max-keys',
        values: ['10'],
      },
      {
        operatorText: 'Null',
        operator: 'Null',
        qualifier: undefined,
        ifExists: false,
        key: 'aws:TokenIssueTime',
        values: ['true'],
      },
    ]);
  });

  it('makes one clause per key, keeps number text as written, and records ranges', () => {
    const text =
      '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NumericGreaterThan":{"aws:MultiFactorAuthAge":3600.0,"s3:max-keys":"5"}}}}';
    const [a, b] = first(clean(text)).conditions;
    expect(a?.values.map((v) => v.value)).toEqual(['3600.0']);
    expect(b?.values.map((v) => v.value)).toEqual(['5']);
    expect(
      fmt(a?.operatorRange ?? { startLine: 0, startColumn: 0, endLine: 0, endColumn: 0 }),
    ).toBe(spanOf(text, '"NumericGreaterThan"'));
    expect(fmt(a?.range ?? { startLine: 0, startColumn: 0, endLine: 0, endColumn: 0 })).toBe(
      spanOf(text, '"aws:MultiFactorAuthAge":3600.0'),
    );
    expect(
      fmt(b?.values[0]?.range ?? { startLine: 0, startColumn: 0, endLine: 0, endColumn: 0 }),
    ).toBe(spanOf(text, '"5"'));
  });

  it('accepts every operator family with well-formed values', () => {
    clean(
      doc({
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: {
          DateGreaterThan: {
            'aws:CurrentTime': '2025-01-31T12:00:00Z',
            'aws:TokenIssueTime': '2025-01-31',
          },
          DateLessThanEquals: { 'aws:EpochTime': 1735689600 },
          IpAddress: {
            'aws:SourceIp': [
              '203.0.113.0/24',
              '198.51.100.7',
              '2001:db8::/32',
              '::1',
              '::ffff:192.0.2.1',
            ],
          },
          ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::b*' },
          ArnNotEqualsIfExists: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Admin' },
          BinaryEquals: { 'aws:userid': 'QmluYXJ5VmFsdWU=' },
          Bool: { 'aws:SecureTransport': 'false' },
          StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/team': '${aws:ResourceTag/team}' },
        },
      }),
    );
  });
});

describe('partial policies', () => {
  it('still returns a policy when the document has errors', () => {
    const result = parse(
      doc(
        { Effect: 'Allow', Action: 's3.GetObject' },
        { Effect: 'Deny', Action: '*', Resource: '*' },
      ),
    );
    expect(codes(result)).toEqual(['MISSING_RESOURCE', 'INVALID_ACTION']);
    expect(result.policy?.statements.map((s) => s.effect)).toEqual(['Allow', 'Deny']);
  });

  it('omits a statement without a usable Effect but keeps the others', () => {
    const result = parse(
      doc(
        { Action: '*', Resource: '*' },
        { Effect: 'Maybe', Action: '*', Resource: '*' },
        { Effect: 'Deny', Action: '*', Resource: '*' },
      ),
    );
    expect(result.policy?.statements.map((s) => s.index)).toEqual([2]);
  });

  it('uses a wrongly capitalised element or Effect, after reporting it', () => {
    const result = parse(doc({ effect: 'deny', action: 'iam:*', resource: '*' }));
    expect(codes(result)).toEqual([
      'ELEMENT_CASE',
      'INVALID_EFFECT',
      'ELEMENT_CASE',
      'ELEMENT_CASE',
    ]);
    const s = result.policy?.statements[0];
    expect([s?.effect, values(s?.action), values(s?.resource)]).toEqual(['Deny', ['iam:*'], ['*']]);
  });

  it('builds the recovered policy of broken JSON but only reports the syntax error', () => {
    const result = parse(
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"},]}',
    );
    expect(codes(result)).toEqual(['JSON_SYNTAX']);
    expect(result.policy?.statements).toHaveLength(1);
  });

  it('returns null only when there is no object', () => {
    expect(parse('"policy"').policy).toBeNull();
    expect(parse('null').policy).toBeNull();
    expect(parse('{}').policy).toEqual({ kind: 'identity', statements: [] });
  });
});

describe('duplicate keys', () => {
  it('reports them and keeps the last occurrence, as JSON.parse does', () => {
    const text =
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*",' +
      '"Condition":{"StringEquals":{"aws:username":"a","aws:username":"b"},"StringEquals":{"aws:userid":"c"}}}}';
    const result = parse(text);
    expect(codes(result)).toEqual(['DUPLICATE_KEY', 'DUPLICATE_KEY']);
    expect(result.policy?.statements[0]?.conditions.map((c) => [c.key, values(c.values)])).toEqual([
      ['aws:userid', ['c']],
    ]);
    const viaJsonParse = parse(JSON.parse(text) as unknown);
    expect(
      viaJsonParse.policy?.statements[0]?.conditions.map((c) => [c.key, values(c.values)]),
    ).toEqual([['aws:userid', ['c']]]);
  });
});

describe('non-string sources', () => {
  it('serialises a value with two-space indentation and reports ranges in that text', () => {
    const value = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'bucket' }],
    };
    const result = parse(value);
    expect(codes(result)).toEqual(['INVALID_ARN']);
    expect(fmt(result.issues[0]?.range ?? first(result.policy as Policy).range)).toBe(
      spanOf(pretty(value), '"bucket"'),
    );
  });

  it('reports values that cannot be serialised', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    for (const value of [undefined, () => 1, 10n, cyclic]) {
      const result = parse(value);
      expect(result.policy).toBeNull();
      expect(codes(result)).toEqual(['INVALID_DOCUMENT']);
    }
  });
});
