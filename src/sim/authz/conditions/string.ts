/**
 * String condition operators (IAM condition-operators page, "String condition operators").
 * `StringEquals`/`StringLike` are case-sensitive, the `IgnoreCase` pair is not; `StringLike`
 * takes `*` and `?` anywhere, matching `/` and `:` too. All of them accept policy variables.
 */
import { globPattern, patternMatches, unmarkLiterals } from '../wildcard.ts';
import type { Pattern } from '../wildcard.ts';
import { negated } from './types.ts';
import type { ConditionOperator } from './types.ts';

/** `StringEquals`: exact, case-sensitive; a `*` in the policy value is a literal star. */
export const StringEquals: ConditionOperator<string> = {
  name: 'StringEquals',
  family: 'string',
  negated: false,
  variables: true,
  // `${*}` resolves to a marker; equality wants the plain character.
  prepare: (p) => unmarkLiterals(p),
  test: (v, p) => v === p,
  says: ['equals', 'does not equal'],
};

/** `StringNotEquals`: true when the value equals none of the policy values (or the key is absent). */
export const StringNotEquals = negated(StringEquals, 'StringNotEquals');

/** `StringEqualsIgnoreCase`: exact, ignoring case. */
export const StringEqualsIgnoreCase: ConditionOperator<string> = {
  name: 'StringEqualsIgnoreCase',
  family: 'string',
  negated: false,
  variables: true,
  prepare: (p) => unmarkLiterals(p).toLowerCase(),
  test: (v, p) => v.length === p.length && v.toLowerCase() === p,
  says: ['equals (ignoring case)', 'does not equal (ignoring case)'],
};

/** `StringNotEqualsIgnoreCase`: the negation of `StringEqualsIgnoreCase`. */
export const StringNotEqualsIgnoreCase = negated(StringEqualsIgnoreCase, 'StringNotEqualsIgnoreCase');

/** `StringLike`: case-sensitive glob with `*` and `?`. */
export const StringLike: ConditionOperator<Pattern> = {
  name: 'StringLike',
  family: 'string',
  negated: false,
  variables: true,
  prepare: (p) => globPattern(p),
  test: (v, p) => patternMatches(p, v),
  says: ['matches', 'does not match'],
};

/** `StringNotLike`: true when the value matches none of the patterns (or the key is absent). */
export const StringNotLike = negated(StringLike, 'StringNotLike');

/** Every string operator. */
export const STRING_OPERATORS: readonly ConditionOperator[] = [
  StringEquals,
  StringNotEquals,
  StringEqualsIgnoreCase,
  StringNotEqualsIgnoreCase,
  StringLike,
  StringNotLike,
];
