/**
 * Condition operators: the complete list AWS defines, how an operator's text splits into
 * qualifier / base / IfExists, and what shape each family expects its values to have.
 * (Evaluating them is the evaluator's job; this file only knows their syntax.)
 */
import type { SetQualifier } from './types.ts';

/** Operator families: they decide the value shape and whether policy variables are substituted. */
export type OperatorFamily =
  'string' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';

/** Every base operator with its family (IAM User Guide, "Condition operators"). */
export const OPERATORS: Readonly<Record<string, OperatorFamily>> = {
  StringEquals: 'string',
  StringNotEquals: 'string',
  StringEqualsIgnoreCase: 'string',
  StringNotEqualsIgnoreCase: 'string',
  StringLike: 'string',
  StringNotLike: 'string',
  NumericEquals: 'numeric',
  NumericNotEquals: 'numeric',
  NumericLessThan: 'numeric',
  NumericLessThanEquals: 'numeric',
  NumericGreaterThan: 'numeric',
  NumericGreaterThanEquals: 'numeric',
  DateEquals: 'date',
  DateNotEquals: 'date',
  DateLessThan: 'date',
  DateLessThanEquals: 'date',
  DateGreaterThan: 'date',
  DateGreaterThanEquals: 'date',
  Bool: 'bool',
  BinaryEquals: 'binary',
  IpAddress: 'ip',
  NotIpAddress: 'ip',
  ArnEquals: 'arn',
  ArnLike: 'arn',
  ArnNotEquals: 'arn',
  ArnNotLike: 'arn',
  Null: 'null',
};

/**
 * Families whose values may contain policy variables. The Condition operators page lists
 * variables as supported for String, ARN and Bool operators (the variables page omits Bool;
 * we follow the newer operators page) and not for Numeric, Date, Binary, IP address or Null.
 */
export const VARIABLE_FAMILIES: ReadonlySet<OperatorFamily> = new Set<OperatorFamily>([
  'string',
  'arn',
  'bool',
]);

/** The parts of an operator's text. */
export interface SplitOperator {
  qualifier?: SetQualifier;
  /** The base operator as written (it may be unknown). */
  base: string;
  ifExists: boolean;
  /** The family when the base is a known operator. */
  family?: OperatorFamily;
}

/** Splits `ForAnyValue:StringLikeIfExists` into its qualifier, base and IfExists flag. */
export function splitOperator(text: string): SplitOperator {
  let rest = text;
  let qualifier: SetQualifier | undefined;
  for (const q of ['ForAllValues', 'ForAnyValue'] as const) {
    if (rest.startsWith(`${q}:`)) {
      qualifier = q;
      rest = rest.slice(q.length + 1);
    }
  }
  let ifExists = false;
  // `IfExists` alone is not an operator; only strip it from a longer name.
  if (rest.endsWith('IfExists') && rest.length > 'IfExists'.length) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  const family = Object.hasOwn(OPERATORS, rest) ? OPERATORS[rest] : undefined;
  return {
    ...(qualifier === undefined ? {} : { qualifier }),
    base: rest,
    ifExists,
    ...(family === undefined ? {} : { family }),
  };
}

/** Every valid spelling without a qualifier (base and base+IfExists), for suggestions. */
export const OPERATOR_SPELLINGS: readonly string[] = Object.keys(OPERATORS).flatMap((op) =>
  op === 'Null' ? [op] : [op, `${op}IfExists`],
);

/** A JSON number or a decimal written as a string, as Numeric operators accept. */
export function isNumericValue(value: string): boolean {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value);
}

/** Days in a month (leap years included), for date validation. */
function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * A W3C/ISO 8601 date (`2024-01-31`, `2024-01-31T12:00:00Z`, `2024-01-31T12:00:00.5+02:00`,
 * also `YYYY` and `YYYY-MM`) or epoch seconds, as Date operators accept.
 */
export function isDateValue(value: string): boolean {
  if (/^\d+(\.\d+)?$/.test(value)) return true;
  const m =
    /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(
      value,
    );
  if (m === null) return false;
  const [, y, mo, d, h, mi, s, tz] = m;
  const year = Number(y);
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return false;
  if (d !== undefined && (Number(d) < 1 || Number(d) > daysIn(year, Number(mo)))) return false;
  if (h !== undefined && Number(h) > 23) return false;
  if (mi !== undefined && Number(mi) > 59) return false;
  if (s !== undefined && Number(s) > 60) return false;
  if (tz !== undefined && tz !== 'Z') {
    const digits = tz.replace(':', '');
    if (Number(digits.slice(1, 3)) > 23 || Number(digits.slice(3, 5)) > 59) return false;
  }
  return true;
}

/** An IPv4 address, optionally with a /0–/32 prefix. */
function isIpv4(value: string): boolean {
  const [addr, prefix, extra] = value.split('/');
  if (extra !== undefined || addr === undefined) return false;
  if (prefix !== undefined && !(/^\d{1,2}$/.test(prefix) && Number(prefix) <= 32)) return false;
  const parts = addr.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** An IPv6 address (with `::` compression, optionally an embedded IPv4 tail), optionally /0–/128. */
function isIpv6(value: string): boolean {
  const [addr, prefix, extra] = value.split('/');
  if (extra !== undefined || addr === undefined || addr === '') return false;
  if (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= 128)) return false;
  const halves = addr.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  let count = 0;
  for (const [hi, half] of groups.entries()) {
    for (const [i, g] of half.entries()) {
      const last = hi === groups.length - 1 && i === half.length - 1;
      if (last && g.includes('.')) {
        if (!isIpv4(g)) return false;
        count += 2;
      } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) count += 1;
      else return false;
    }
  }
  return halves.length === 2 ? count < 8 : count === 8;
}

/** An address or CIDR block as IpAddress/NotIpAddress accept (a bare address means /32 or /128). */
export function isIpValue(value: string): boolean {
  return value.includes(':') ? isIpv6(value) : isIpv4(value);
}

/** `true` or `false` (AWS examples also use JSON booleans, which arrive here as text). */
export function isBoolValue(value: string): boolean {
  return /^(true|false)$/i.test(value);
}

/** Base-64 text, as BinaryEquals compares against. */
export function isBase64Value(value: string): boolean {
  return value.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(value);
}
