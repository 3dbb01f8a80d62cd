/** Policy documents: parsing, validation and their typed form. */
export type * from './types.ts';

export { parsePolicy, hasErrors } from './parse.ts';
export type { ParseOptions } from './parse.ts';
export { parseArn, checkArnShape, PARTITIONS } from './arn.ts';
export type { Arn, ArnProblem } from './arn.ts';
export { ISSUE_CODES } from './issues.ts';
export type { IssueCode } from './issues.ts';
export { KIND_RULES, POLICY_KINDS } from './kinds.ts';
export type { KindRules, SizeCounting } from './kinds.ts';
export { measureSize } from './limits.ts';
export {
  actionExists,
  conditionKeyKnown,
  findAction,
  findConditionKey,
  findService,
  isGlobalConditionKey,
  matchActions,
  suggestAction,
  suggestConditionKey,
  wildcardToRegExp,
} from './catalog.ts';
export type {
  CatalogAction,
  CatalogActionResource,
  CatalogConditionKey,
  CatalogResourceType,
  CatalogService,
  IamCatalog,
} from './catalog.ts';
export { GLOBAL_CONDITION_KEYS } from './global-keys.ts';
export type { GlobalConditionKey } from './global-keys.ts';
export { OPERATORS, splitOperator, VARIABLE_FAMILIES } from './operators.ts';
export type { OperatorFamily, SplitOperator } from './operators.ts';
