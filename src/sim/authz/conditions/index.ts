/**
 * The registry of condition operators, one family per file, all of the same small shape.
 */
import { ARN_OPERATORS } from './arn.ts';
import { BINARY_OPERATORS } from './binary.ts';
import { BOOL_OPERATORS } from './bool.ts';
import { DATE_OPERATORS } from './date.ts';
import { IP_OPERATORS } from './ip.ts';
import { NULL_OPERATORS } from './null.ts';
import { NUMERIC_OPERATORS } from './numeric.ts';
import { STRING_OPERATORS } from './string.ts';
import type { ConditionOperator } from './types.ts';

export type { ConditionOperator, OperatorFamily } from './types.ts';

/** Every operator AWS documents, without qualifiers or `IfExists`. */
export const OPERATORS: readonly ConditionOperator[] = [
  ...STRING_OPERATORS,
  ...NUMERIC_OPERATORS,
  ...DATE_OPERATORS,
  ...BOOL_OPERATORS,
  ...BINARY_OPERATORS,
  ...IP_OPERATORS,
  ...ARN_OPERATORS,
  ...NULL_OPERATORS,
];

const byName = new Map<string, ConditionOperator>(OPERATORS.map((op) => [op.name, op]));
const byLowerName = new Map<string, ConditionOperator>(OPERATORS.map((op) => [op.name.toLowerCase(), op]));

/**
 * Finds an operator by its base name (`StringLike`, not `ForAnyValue:StringLikeIfExists`).
 * Exact spelling first; a differently-cased spelling is accepted too, because the parser reports
 * spelling problems and the evaluator should still explain what the learner meant.
 */
export function findOperator(name: string): ConditionOperator | undefined {
  return byName.get(name) ?? byLowerName.get(name.toLowerCase());
}
