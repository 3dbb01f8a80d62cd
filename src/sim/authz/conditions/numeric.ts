/**
 * Numeric condition operators (IAM condition-operators page, "Numeric condition operators").
 * Integers and decimals, written as JSON numbers or strings (`"10"`). No wildcards, no variables.
 * A value that is not a number matches nothing.
 */
import { cachedRequestParser, negated } from './types.ts';
import type { ConditionOperator } from './types.ts';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parses a decimal number as IAM writes it; null for anything else (hex, empty, `NaN`). */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (!NUMBER.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** `parseNumber` for a request's value, each text parsed once (see `cachedRequestParser`). */
const requestNumber = cachedRequestParser(parseNumber);

/** Builds one numeric operator from its comparison. */
function numeric(name: string, compare: (a: number, b: number) => boolean, says: readonly [string, string]): ConditionOperator<number> {
  return {
    name,
    family: 'numeric',
    negated: false,
    variables: false,
    prepare: parseNumber,
    test: (v, p) => {
      const n = requestNumber(v);
      return n !== null && compare(n, p);
    },
    says,
  };
}

/** `NumericEquals`. */
export const NumericEquals = numeric('NumericEquals', (a, b) => a === b, ['equals', 'does not equal']);
/** `NumericNotEquals`: true when the value equals none of the policy values (or the key is absent). */
export const NumericNotEquals = negated(NumericEquals, 'NumericNotEquals');
/** `NumericLessThan`. */
export const NumericLessThan = numeric('NumericLessThan', (a, b) => a < b, ['is less than', 'is not less than']);
/** `NumericLessThanEquals`. */
export const NumericLessThanEquals = numeric('NumericLessThanEquals', (a, b) => a <= b, ['is at most', 'is more than']);
/** `NumericGreaterThan`. */
export const NumericGreaterThan = numeric('NumericGreaterThan', (a, b) => a > b, ['is greater than', 'is not greater than']);
/** `NumericGreaterThanEquals`. */
export const NumericGreaterThanEquals = numeric('NumericGreaterThanEquals', (a, b) => a >= b, ['is at least', 'is less than']);

/** Every numeric operator. */
export const NUMERIC_OPERATORS: readonly ConditionOperator[] = [
  NumericEquals,
  NumericNotEquals,
  NumericLessThan,
  NumericLessThanEquals,
  NumericGreaterThan,
  NumericGreaterThanEquals,
];
