/**
 * Policy review: a plain-English reading of each statement, and risk flags in the style of
 * IAM Access Analyzer's policy checks. Pure functions over the parsed policy.
 */
export type * from './types.ts';
export { FLAG_CODES } from './types.ts';
export { readPolicy, readStatement } from './read.ts';
export { reviewPolicy } from './review.ts';
export { FLAG_TEXTS } from './flags/messages.ts';
export type { FlagText } from './flags/messages.ts';
export { ESCALATION_ACTIONS } from './flags/grants.ts';
export { RESTRICTING_KEYS } from './flags/public.ts';
export { broadGithubSub } from './flags/federation.ts';
export { describeActions, describeNotActions } from './actions.ts';
export { describeResource, describeResources, describeNotResources } from './resources.ts';
export { describePrincipal, principalRefs } from './principals.ts';
export type { PrincipalCategory, PrincipalRef } from './principals.ts';
export { clausePhrase, conditionPhrases, conditionTail } from './conditions.ts';
export type { ConditionPhrase } from './conditions.ts';
