/**
 * Checks on condition pitfalls: IfExists on a negated operator in a Deny, ForAllValues in an
 * Allow without a Null guard, and policy variables in a policy without Version 2012-10-17.
 */
import type { Policy, Statement } from '../../policy/index.ts';
import { NEGATED_OPERATORS } from '../conditions.ts';
import type { ReviewFlag } from '../types.ts';
import { flag } from './helpers.ts';

/** Checks the Condition block of one statement. */
export function conditionFlags(statement: Statement): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  for (const clause of statement.conditions) {
    if (statement.effect === 'Deny' && clause.ifExists && NEGATED_OPERATORS.has(clause.operator)) {
      flags.push(flag('DENY_NEGATED_IF_EXISTS', statement, clause.operatorRange));
    }
    if (statement.effect === 'Allow' && clause.qualifier === 'ForAllValues') {
      const key = clause.key.toLowerCase();
      const guarded = statement.conditions.some(
        (c) =>
          c.operator === 'Null' &&
          c.key.toLowerCase() === key &&
          c.values.length > 0 &&
          c.values.every((v) => v.value.toLowerCase() === 'false'),
      );
      if (!guarded) flags.push(flag('FOR_ALL_VALUES_WITH_ALLOW', statement, clause.operatorRange));
    }
  }
  return flags;
}

/** The first value (Resource, NotResource or condition) that holds a `${…}` policy variable. */
function firstVariable(statement: Statement): { range: Statement['range'] } | undefined {
  const values = [
    ...(statement.resource ?? []),
    ...(statement.notResource ?? []),
    ...statement.conditions.flatMap((c) => c.values),
  ];
  return values.find((v) => /\$\{[^}]+\}/.test(v.value));
}

/** One flag for the first policy variable when the policy lacks Version 2012-10-17. */
export function versionFlags(policy: Policy): ReviewFlag[] {
  if (policy.version === '2012-10-17') return [];
  for (const statement of policy.statements) {
    const variable = firstVariable(statement);
    if (variable !== undefined) return [flag('VARIABLES_NEED_VERSION', statement, variable.range)];
  }
  return [];
}
