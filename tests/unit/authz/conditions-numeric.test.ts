import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/sim/authz/conditions/numeric.ts';
import { conditionTable } from './table.ts';

conditionTable('Numeric operators', [
  { op: 'NumericEquals', policy: '10', request: '10', expect: true },
  { op: 'NumericEquals', policy: '10', request: '10.0', expect: true },
  { op: 'NumericEquals', policy: '10', request: '11', expect: false, detail: 'test:Key 11 does not equal 10' },
  { op: 'NumericNotEquals', policy: '10', request: '11', expect: true },
  { op: 'NumericNotEquals', policy: ['10', '11'], request: '11', expect: false },
  // NumericNotEquals with the key absent is true: the general missing-key rule covers "all
  // condition operators except …IfExists and Null" (condition-operators page, "Important").
  { op: 'NumericNotEquals', policy: '10', expect: true },
  { op: 'NumericLessThan', policy: '10', request: '9', expect: true },
  { op: 'NumericLessThan', policy: '10', request: '10', expect: false },
  { op: 'NumericLessThanEquals', key: 's3:max-keys', policy: '10', request: '10', expect: true },
  { op: 'NumericLessThanEquals', key: 's3:max-keys', policy: '10', request: '11', expect: false, detail: 's3:max-keys 11 is more than 10' },
  { op: 'NumericGreaterThan', policy: '3600', request: '3601', expect: true },
  { op: 'NumericGreaterThan', policy: '3600', request: '3600', expect: false },
  { op: 'NumericGreaterThanEquals', policy: '-1.5', request: '-1.5', expect: true },
  { op: 'NumericLessThan', policy: '10', expect: false },
  { op: 'NumericLessThanIfExists', policy: '10', expect: true },
  // Not a number on either side: no match.
  { op: 'NumericEquals', policy: 'ten', request: '10', expect: false },
  { op: 'NumericEquals', policy: '10', request: 'ten', expect: false },
  { op: 'NumericEquals', policy: '16', request: '0x10', expect: false },
  // Variables are not substituted in numeric operators.
  { op: 'NumericEquals', policy: '${aws:username}', request: '5', expect: false },
]);

describe('parseNumber', () => {
  it('reads integers, decimals and exponents, and nothing else', () => {
    expect(parseNumber('42')).toBe(42);
    expect(parseNumber(' -3.25 ')).toBe(-3.25);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('NaN')).toBeNull();
    expect(parseNumber('Infinity')).toBeNull();
    expect(parseNumber('1,000')).toBeNull();
  });
});
