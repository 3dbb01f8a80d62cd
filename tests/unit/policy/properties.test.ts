/**
 * Properties that must hold for any input: the parser never throws, every range lies inside the
 * text, and re-parsing the pretty-printed document gives the same policy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicy, POLICY_KINDS } from '../../../src/sim/policy/index.ts';
import type {
  ParseResult,
  Policy,
  PolicyKind,
  SourceRange,
} from '../../../src/sim/policy/index.ts';
import { catalog, doc } from './helpers.ts';

const kindArb = fc.constantFrom<PolicyKind>(...POLICY_KINDS);

/** Every range in a result: issues and the whole AST. */
function allRanges(result: ParseResult): SourceRange[] {
  const out = result.issues.map((i) => i.range);
  for (const s of result.policy?.statements ?? []) {
    out.push(s.range);
    for (const list of [s.action, s.notAction, s.resource, s.notResource])
      out.push(...(list ?? []).map((v) => v.range));
    for (const spec of [s.principal, s.notPrincipal]) {
      if (spec === undefined) continue;
      out.push(spec.range);
      if (spec.kind === 'map')
        for (const e of spec.entries) out.push(...e.values.map((v) => v.range));
    }
    for (const c of s.conditions)
      out.push(c.range, c.operatorRange, ...c.values.map((v) => v.range));
  }
  return out;
}

/** Line lengths of a text, splitting lines the way editors do (`\r\n`, `\n`, `\r`). */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\n|\r/).map((l) => l.length);
}

/** Asserts that every range of the result is a well-ordered span inside the text. */
function assertRangesInside(text: string, result: ParseResult): void {
  const lengths = lineLengths(text);
  for (const r of allRanges(result)) {
    for (const [line, column] of [
      [r.startLine, r.startColumn],
      [r.endLine, r.endColumn],
    ] as const) {
      expect(line).toBeGreaterThanOrEqual(1);
      expect(line).toBeLessThanOrEqual(lengths.length);
      expect(column).toBeGreaterThanOrEqual(1);
      expect(column).toBeLessThanOrEqual((lengths[line - 1] ?? 0) + 1);
    }
    expect(
      r.startLine < r.endLine || (r.startLine === r.endLine && r.startColumn <= r.endColumn),
    ).toBe(true);
  }
}

/** The policy without ranges, for comparing two parses of differently formatted text. */
function withoutRanges(policy: Policy | null): unknown {
  return JSON.parse(
    JSON.stringify(policy, (key, value: unknown) =>
      key === 'range' || key === 'operatorRange' ? undefined : value,
    ),
  );
}

// --- generators --------------------------------------------------------------------------------

const listOf = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | T[]> =>
  fc.oneof(arb, fc.array(arb, { maxLength: 3 }));
const actionArb = fc.oneof(
  fc.constantFrom('s3:GetObject', 'iam:*', '*', 'ec2:Describe*', 'sts:AssumeRole', 's3.Get', 'x:'),
  fc.string({ maxLength: 8 }),
);
const resourceArb = fc.oneof(
  fc.constantFrom(
    '*',
    'arn:aws:s3:::b/*',
    'arn:aws:s3:::b/${aws:username}/*',
    'arn:aws:iam::123456789012:role/R',
    'bucket',
    'arn:aws:s3',
  ),
  fc.string({ maxLength: 12 }),
);
const principalArb = fc.oneof(
  fc.constant('*'),
  fc.record(
    {
      AWS: listOf(
        fc.constantFrom(
          '*',
          '123456789012',
          'arn:aws:iam::123456789012:root',
          'arn:aws:iam::123456789012:user/dev-*',
          '42',
        ),
      ),
      Service: listOf(fc.constantFrom('ec2.amazonaws.com', '*', 'lambda')),
      Federated: fc.constantFrom(
        'accounts.google.com',
        'arn:aws:iam::123456789012:saml-provider/X',
      ),
    },
    { requiredKeys: [] },
  ),
);
const operatorArb = fc.constantFrom(
  'StringEquals',
  'ForAnyValue:StringLike',
  'NumericLessThan',
  'DateGreaterThan',
  'Bool',
  'IpAddress',
  'NullIfExists',
  'StringEqual',
  'ArnLikeIfExists',
);
const conditionValueArb = listOf(
  fc.oneof(
    fc.constantFrom('true', '10', '2025-01-01', '10.0.0.0/8', '${aws:username}'),
    fc.integer(),
    fc.boolean(),
    fc.string({ maxLength: 6 }),
  ),
);
const conditionArb = fc.dictionary(
  operatorArb,
  fc.dictionary(
    fc.constantFrom('aws:SourceIp', 's3:prefix', 'aws:TagKeys', 'bad'),
    conditionValueArb,
    { maxKeys: 2 },
  ),
  { maxKeys: 3 },
);
const statementArb = fc.record(
  {
    Sid: fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{0,6}$/), fc.constant('a b')),
    Effect: fc.constantFrom('Allow', 'Deny', 'allow', 'Permit'),
    Principal: principalArb,
    NotPrincipal: principalArb,
    Action: listOf(actionArb),
    NotAction: listOf(actionArb),
    Resource: listOf(resourceArb),
    NotResource: listOf(resourceArb),
    Condition: conditionArb,
    Efect: fc.constant('Allow'),
  },
  { requiredKeys: [] },
);
const policyArb = fc.record(
  {
    Version: fc.constantFrom('2012-10-17', '2008-10-17', '2020-01-01'),
    Id: fc.string({ maxLength: 5 }),
    Statement: fc.oneof(statementArb, fc.array(statementArb, { maxLength: 4 })),
  },
  { requiredKeys: [] },
);

/** A valid policy text and a random edit of it: delete, insert or duplicate a slice. */
const mutatedArb = fc
  .tuple(
    policyArb.map((p) => JSON.stringify(p, null, 2)),
    fc.nat(),
    fc.nat({ max: 20 }),
    fc.constantFrom('delete', 'insert', 'duplicate'),
    fc.string({
      maxLength: 4,
      unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', '\n', 'a', '\u2019', '\r'),
    }),
  )
  .map(([text, at, length, op, insert]) => {
    const start = text.length === 0 ? 0 : at % text.length;
    if (op === 'delete') return text.slice(0, start) + text.slice(start + length);
    if (op === 'insert') return text.slice(0, start) + insert + text.slice(start);
    return text.slice(0, start) + text.slice(start, start + length) + text.slice(start);
  });

const RUNS = { numRuns: 300 };

describe('parser properties', () => {
  it('never throws and keeps ranges inside the text, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), kindArb, (text, kind) => {
        const result = parsePolicy(text, kind);
        assertRangesInside(text, result);
      }),
      RUNS,
    );
  });

  it('never throws and keeps ranges inside the text, for any JSON', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), kindArb, fc.boolean(), (text, kind, withCatalog) => {
        assertRangesInside(text, parsePolicy(text, kind, withCatalog ? { catalog } : {}));
      }),
      RUNS,
    );
  });

  it('never throws on mutated policies (with the catalog), and keeps ranges inside the text', () => {
    fc.assert(
      fc.property(mutatedArb, kindArb, (text, kind) => {
        assertRangesInside(text, parsePolicy(text, kind, { catalog }));
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary values passed as the document', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), kindArb, (value, kind) => {
        const result = parsePolicy(value, kind);
        expect(Array.isArray(result.issues)).toBe(true);
      }),
      RUNS,
    );
  });

  it('gives the same policy and issues when the document is pretty-printed', () => {
    fc.assert(
      fc.property(policyArb, kindArb, (value, kind) => {
        const compact = JSON.stringify(value);
        const prettyText = JSON.stringify(JSON.parse(compact), null, 2);
        const a = parsePolicy(compact, kind, { catalog });
        const b = parsePolicy(prettyText, kind, { catalog });
        expect(withoutRanges(b.policy)).toEqual(withoutRanges(a.policy));
        // Size counts white space for SCPs/RCPs, so only that code may differ.
        const comparable = (r: ParseResult): string[] =>
          r.issues
            .filter((i) => i.code !== 'POLICY_TOO_LARGE')
            .map((i) => `${i.code} ${i.path}`)
            .sort();
        expect(comparable(b)).toEqual(comparable(a));
      }),
      RUNS,
    );
  });

  it('parses a value and its pretty JSON text identically', () => {
    fc.assert(
      fc.property(policyArb, kindArb, (value, kind) => {
        const fromValue = parsePolicy(value, kind);
        const fromText = parsePolicy(JSON.stringify(value, null, 2), kind);
        expect(fromValue.policy).toEqual(fromText.policy);
      }),
      RUNS,
    );
  });

  it('keeps ranges inside texts with CRLF and lone CR line breaks', () => {
    const base = doc({ Effect: 'Allow', Action: 's3:GetObjekt', Resource: 'bucket' });
    for (const text of [base.replace(/\n/g, '\r\n'), base.replace(/\n/g, '\r')]) {
      const result = parsePolicy(text, 'identity', { catalog });
      expect(
        result.issues.map((i) => `${i.code} ${i.range.startLine}:${i.range.startColumn}`),
      ).toEqual(['UNKNOWN_ACTION 6:17', 'INVALID_ARN 7:19']);
      assertRangesInside(text, result);
    }
  });

  it('ends a range at the end of its line when a token stops inside a CRLF', () => {
    // A backslash escapes the \r of a \r\n, so the unclosed string ends between the two: found
    // by the mutated-policies property above in a long run.
    const text = '{\n  "\\\r\nVersion": "2012-10-17"\n}';
    const result = parsePolicy(text, 'identity', { catalog });
    expect(result.issues.map((i) => [i.code, i.range.endLine, i.range.endColumn])).toContainEqual(['JSON_SYNTAX', 2, 5]);
    assertRangesInside(text, result);
  });
});
