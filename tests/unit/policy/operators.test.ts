/** Operator splitting and the value shapes each operator family accepts. */
import { describe, expect, it } from 'vitest';
import { OPERATORS, splitOperator } from '../../../src/sim/policy/index.ts';
import {
  isBase64Value,
  isDateValue,
  isIpValue,
  isNumericValue,
} from '../../../src/sim/policy/operators.ts';
import { closest, editDistance } from '../../../src/sim/policy/suggest.ts';

describe('splitOperator', () => {
  it.each([
    ['StringEquals', { base: 'StringEquals', ifExists: false, family: 'string' }],
    ['StringLikeIfExists', { base: 'StringLike', ifExists: true, family: 'string' }],
    [
      'ForAllValues:StringNotLike',
      { qualifier: 'ForAllValues', base: 'StringNotLike', ifExists: false, family: 'string' },
    ],
    [
      'ForAnyValue:ArnLikeIfExists',
      { qualifier: 'ForAnyValue', base: 'ArnLike', ifExists: true, family: 'arn' },
    ],
    ['NullIfExists', { base: 'Null', ifExists: true, family: 'null' }],
    ['IfExists', { base: 'IfExists', ifExists: false }],
    ['stringequals', { base: 'stringequals', ifExists: false }],
    ['constructor', { base: 'constructor', ifExists: false }],
  ])('%s', (text, expected) => {
    expect(splitOperator(text)).toEqual(expected);
  });

  it('knows the 27 base operators of the Condition operators page', () => {
    expect(Object.keys(OPERATORS)).toHaveLength(27);
  });
});

describe('value shapes', () => {
  it.each(['0', '10', '-3', '2.5', '+7', '.5'])('numeric %s', (v) =>
    expect(isNumericValue(v)).toBe(true),
  );
  it.each(['', 'ten', '1e3', '1,000', '0x10', '${aws:x}'])('not numeric %j', (v) =>
    expect(isNumericValue(v)).toBe(false),
  );

  // Formats of the Condition operators page: W3C ISO 8601 dates, or epoch seconds.
  it.each([
    '2025',
    '2025-02',
    '2024-02-29',
    '2025-01-31T12:00Z',
    '2025-01-31T12:00:00Z',
    '2025-01-31T12:00:00.123+02:00',
    '2025-01-31T12:00:00',
    '1735689600',
  ])('date %s', (v) => expect(isDateValue(v)).toBe(true));
  it.each([
    '2025-02-29',
    '2025-13-01',
    '2025-01-32',
    '2025-01-31T24:00:00Z',
    '31/01/2025',
    'yesterday',
    '2025-01-31T12:00:00+25:00',
  ])('not a date %s', (v) => expect(isDateValue(v)).toBe(false));

  it.each([
    '203.0.113.0/24',
    '203.0.113.7',
    '0.0.0.0/0',
    '2001:db8::/32',
    '::',
    '::1',
    '2001:db8:0:0:0:0:0:1',
    '::ffff:192.0.2.1',
  ])('ip %s', (v) => expect(isIpValue(v)).toBe(true));
  it.each([
    '256.1.1.1',
    '1.2.3',
    '1.2.3.4/33',
    '1.2.3.4/',
    '2001:db8::1::2',
    '2001:db8:0:0:0:0:0:0:1',
    '12345::',
    'localhost',
    '10.0.0.0/8/8',
  ])('not ip %s', (v) => expect(isIpValue(v)).toBe(false));

  it('base-64', () => {
    expect(isBase64Value('QmluYXJ5VmFsdWU=')).toBe(true);
    expect(isBase64Value('abc')).toBe(false);
    expect(isBase64Value('ab$=')).toBe(false);
  });
});

describe('suggestions', () => {
  it('measures edit distance case-insensitively', () => {
    expect(editDistance('Resource', 'resource')).toBe(0);
    expect(editDistance('Resorce', 'Resource')).toBe(1);
  });

  it('suggests only plausible typos', () => {
    expect(closest('Resorce', ['Resource', 'Action'])).toBe('Resource');
    expect(closest('Banana', ['Resource', 'Action'])).toBeUndefined();
    expect(closest('GetObj', ['GetObject', 'PutObject'])).toBe('GetObject');
  });
});
