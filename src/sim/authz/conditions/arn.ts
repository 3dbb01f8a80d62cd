/**
 * ARN condition operators (IAM condition-operators page, "Amazon Resource Name (ARN) condition
 * operators"): case-sensitive, the six colon-delimited components matched separately, each may
 * hold `*`/`?`. `ArnEquals` and `ArnLike` behave the same, as do their negations. Variables allowed.
 */
import { arnPatternMatches, compileArnPattern } from '../arn-match.ts';
import type { ArnPattern } from '../arn-match.ts';
import { negated } from './types.ts';
import type { ConditionOperator } from './types.ts';

/** `ArnLike`. */
export const ArnLike: ConditionOperator<ArnPattern> = {
  name: 'ArnLike',
  family: 'arn',
  negated: false,
  variables: true,
  prepare: compileArnPattern,
  test: (v, p) => arnPatternMatches(p, v),
  says: ['matches', 'does not match'],
};

/** `ArnEquals`: identical to `ArnLike` (wildcards included), as AWS documents. */
export const ArnEquals: ConditionOperator<ArnPattern> = { ...ArnLike, name: 'ArnEquals' };
/** `ArnNotLike`: true when the ARN matches none of the patterns (or the key is absent). */
export const ArnNotLike = negated(ArnLike, 'ArnNotLike');
/** `ArnNotEquals`: identical to `ArnNotLike`. */
export const ArnNotEquals = negated(ArnLike, 'ArnNotEquals');

/** Every ARN operator. */
export const ARN_OPERATORS: readonly ConditionOperator[] = [ArnEquals, ArnLike, ArnNotEquals, ArnNotLike];
