/**
 * The `Null` condition operator (IAM condition-operators page, "Condition operator to check
 * existence of condition keys"): `"true"` holds when the key is absent from the request,
 * `"false"` when it is present. It has no `IfExists` form and takes no variables. Presence is
 * all that counts: an empty multivalued key (`[]`) is present.
 */
import type { ConditionOperator } from './types.ts';

/**
 * `Null`. Unlike the other operators its request value is presence itself: the clause evaluator
 * calls `test` with `"true"` when the key is absent and `"false"` when it is present.
 */
export const Null: ConditionOperator<'true' | 'false'> = {
  name: 'Null',
  family: 'null',
  negated: false,
  variables: false,
  prepare: (p) => {
    const t = p.trim().toLowerCase();
    return t === 'true' || t === 'false' ? t : null;
  },
  test: (absent, p) => absent === p,
  says: ['is', 'is not'],
};

/** Every existence operator. */
export const NULL_OPERATORS: readonly ConditionOperator[] = [Null];
