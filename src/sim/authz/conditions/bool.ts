/**
 * The Boolean condition operator (IAM condition-operators page, "Boolean condition operators").
 * Values are `true`/`false`, written as strings or JSON booleans; we compare without case.
 * Policy variables: the condition-operators page says Bool supports them, the variables page
 * says it does not; we follow the operator page (the more specific one) and substitute.
 */
import type { ConditionOperator } from './types.ts';

/** `Bool`. A policy value other than true/false matches nothing. */
export const Bool: ConditionOperator<'true' | 'false'> = {
  name: 'Bool',
  family: 'bool',
  negated: false,
  variables: true,
  prepare: (p) => {
    const t = p.trim().toLowerCase();
    return t === 'true' || t === 'false' ? t : null;
  },
  test: (v, p) => v.trim().toLowerCase() === p,
  says: ['is', 'is not'],
};

/** Every Boolean operator. */
export const BOOL_OPERATORS: readonly ConditionOperator[] = [Bool];
