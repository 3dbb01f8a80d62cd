/**
 * Date condition operators (IAM condition-operators page, "Date condition operators").
 * Values are W3C ISO 8601 dates (`2026-01-01`, `2026-01-01T12:00:00Z`, with an optional offset)
 * or epoch seconds (`1767225600`); they are compared as instants. No wildcards, no variables.
 * We parse by hand: `Date.parse` reads a date-time without a zone as local time, which would make
 * the simulator depend on the learner's time zone.
 */
import { cachedRequestParser, negated } from './types.ts';
import type { ConditionOperator } from './types.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;
const EPOCH = /^[+-]?\d+(\.\d+)?$/;

/** Parses a date value to milliseconds since the epoch (UTC); null when it is not a date. */
export function parseDate(text: string): number | null {
  const t = text.trim();
  if (EPOCH.test(t)) {
    const seconds = Number(t);
    return Number.isFinite(seconds) ? seconds * 1000 : null;
  }
  const m = ISO.exec(t);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Reject 2026-02-31 and similar: Date.UTC would roll it into March.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (m[9] !== undefined) {
    const offset = (Number(m[10]) * 60 + Number(m[11])) * 60_000;
    ms += m[9] === '+' ? -offset : offset;
  }
  return ms;
}

/** `parseDate` for a request's value, each text parsed once (see `cachedRequestParser`). */
const requestDate = cachedRequestParser(parseDate);

/** Builds one date operator from its comparison of two instants. */
function date(name: string, compare: (a: number, b: number) => boolean, says: readonly [string, string]): ConditionOperator<number> {
  return {
    name,
    family: 'date',
    negated: false,
    variables: false,
    prepare: parseDate,
    test: (v, p) => {
      const n = requestDate(v);
      return n !== null && compare(n, p);
    },
    says,
  };
}

/** `DateEquals`. */
export const DateEquals = date('DateEquals', (a, b) => a === b, ['is the same instant as', 'is not the same instant as']);
/** `DateNotEquals`: true when the value is none of the policy instants (or the key is absent). */
export const DateNotEquals = negated(DateEquals, 'DateNotEquals');
/** `DateLessThan`: the request date is before the policy date. */
export const DateLessThan = date('DateLessThan', (a, b) => a < b, ['is before', 'is not before']);
/** `DateLessThanEquals`. */
export const DateLessThanEquals = date('DateLessThanEquals', (a, b) => a <= b, ['is at or before', 'is after']);
/** `DateGreaterThan`: the request date is after the policy date. */
export const DateGreaterThan = date('DateGreaterThan', (a, b) => a > b, ['is after', 'is not after']);
/** `DateGreaterThanEquals`. */
export const DateGreaterThanEquals = date('DateGreaterThanEquals', (a, b) => a >= b, ['is at or after', 'is before']);

/** Every date operator. */
export const DATE_OPERATORS: readonly ConditionOperator[] = [
  DateEquals,
  DateNotEquals,
  DateLessThan,
  DateLessThanEquals,
  DateGreaterThan,
  DateGreaterThanEquals,
];
