/** Authorization: matching, conditions and the decision with its explanation. */
export type * from './types.ts';

export { authorize } from './authorize.ts';
export { accessDeniedMessage } from './messages.ts';
export { compileGlob, globMatch, hasWildcard, matchesWildcard } from './wildcard.ts';
export type { Matcher } from './wildcard.ts';
export { arnAccount, arnLike, compileArnPattern, arnPatternMatches, resourceMatches, splitArn } from './arn-match.ts';
export type { ArnParts, ArnPattern } from './arn-match.ts';
export { matchPrincipal, notPrincipalApplies } from './principal-match.ts';
export type { PrincipalForm } from './principal-match.ts';
export { normalizeCaller } from './caller.ts';
export type { Caller } from './caller.ts';
export { RequestContext } from './context.ts';
export type { ContextValue } from './context.ts';
export { parseTemplate, parseResourceTemplate, resolveTemplate } from './variables.ts';
export type { Template, VariableRef, ValueLookup } from './variables.ts';
export { OPERATORS as CONDITION_OPERATORS, findOperator } from './conditions/index.ts';
export type { ConditionOperator } from './conditions/index.ts';
export { clauseHolds, compileClause, describeClause } from './conditions/evaluate.ts';
export type { CompiledClause } from './conditions/evaluate.ts';
export { isPublicPolicy } from './public-policy.ts';
