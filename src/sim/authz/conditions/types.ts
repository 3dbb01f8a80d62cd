/**
 * The uniform shape of a condition operator. Each family (string, numeric, date, bool, binary,
 * ip, arn, null) lives in its own file and exports small objects of this shape; the clause
 * evaluator (evaluate.ts) adds what is common to all of them: missing keys, `…IfExists`,
 * `ForAllValues`/`ForAnyValue`, OR over policy values and NOR for negated operators.
 */

import type { OperatorFamily } from '../../policy/index.ts';
import { BoundedCache } from '../bounded-cache.ts';

export type { OperatorFamily };

/**
 * One condition operator. `T` is the prepared form of a policy value (a compiled glob, a number,
 * a parsed CIDR…), computed once per policy value and reused for every request.
 */
export interface ConditionOperator<T = unknown> {
  /** The operator's name without qualifier or `IfExists`, e.g. `NotIpAddress`. */
  readonly name: string;
  readonly family: OperatorFamily;
  /**
   * True for the negated operators (`StringNotEquals`, `NotIpAddress`, `ArnNotLike`…): the condition
   * holds when the request value matches none of the policy values, and when the key is absent.
   */
  readonly negated: boolean;
  /** Whether `${…}` policy variables are substituted in this operator's values. */
  readonly variables: boolean;
  /**
   * Prepares one policy value. Returns null when the value can never match (a number operator
   * given `"ten"`, a malformed CIDR); the evaluator then treats that value as matching nothing.
   */
  prepare(policyValue: string): T | null;
  /** The positive comparison of one request value with one prepared policy value (before negation). */
  test(requestValue: string, prepared: T): boolean;
  /** The comparison in words, for explanations: [when it holds, when it does not]. */
  readonly says: readonly [string, string];
}

/**
 * A parser of request values with its answers kept (up to 2,000 distinct texts): a request's
 * value is compared with every policy value of a clause, and graders ask about the same request
 * again and again, so each text is parsed once. The parsed values must never be changed.
 */
export function cachedRequestParser<T>(parse: (text: string) => T | null): (text: string) => T | null {
  const kept = new BoundedCache<string, T | null>(2_000);
  return (text) => kept.through(text, parse);
}

/** Builds the negated twin of an operator (`StringEquals` → `StringNotEquals`). */
export function negated<T>(op: ConditionOperator<T>, name: string): ConditionOperator<T> {
  return { ...op, name, negated: true };
}
