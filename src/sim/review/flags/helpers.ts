/** Shared questions the checks ask of a statement: which actions it names, how broad its resources are, which conditions pin it. */
import { parseArn, wildcardToRegExp } from '../../policy/index.ts';
import type {
  ConditionClause,
  Located,
  PolicyKind,
  SourceRange,
  Statement,
} from '../../policy/index.ts';
import { NEGATED_OPERATORS } from '../conditions.ts';
import { hasWildcard } from '../text.ts';
import type { FlagCode, ReviewFlag } from '../types.ts';
import { FLAG_TEXTS } from './messages.ts';

/** What a check reports; the text comes from FLAG_TEXTS. */
export function flag(
  code: FlagCode,
  statement: Statement,
  range: SourceRange = statement.range,
): ReviewFlag {
  return { code, statementIndex: statement.index, range, ...FLAG_TEXTS[code] };
}

/**
 * Kinds whose Allow statements grant access. Boundaries, session policies, SCPs and RCPs only
 * limit it, so "Allow * on *" there is the normal "no extra limit" idiom, not a risk.
 */
export const GRANTING_KINDS: ReadonlySet<PolicyKind> = new Set<PolicyKind>([
  'identity',
  's3-bucket',
  'lambda-function',
  'kms-key',
  'sqs-queue',
]);

/** Resource-based policies other than trust policies (they name principals and a resource). */
export const RESOURCE_KINDS: ReadonlySet<PolicyKind> = new Set<PolicyKind>([
  's3-bucket',
  'lambda-function',
  'kms-key',
  'sqs-queue',
]);

/** The first Action value whose pattern matches `action` (case-insensitive), if any. */
export function actionMatching(statement: Statement, action: string): Located<string> | undefined {
  return statement.action?.find((a) => wildcardToRegExp(a.value).test(action));
}

/** Whether the statement names the literal action `*` (every action of every service). */
export function allActions(statement: Statement): Located<string> | undefined {
  return statement.action?.find((a) => a.value === '*' || a.value === '*:*');
}

/** The `"*"` Resource value, if the statement has one. */
export function starResource(statement: Statement): Located<string> | undefined {
  return statement.resource?.find((r) => r.value === '*');
}

/**
 * Whether a Resource value covers every entity of some IAM type: `*`, `arn:aws:iam::*:*`,
 * `arn:aws:iam::123456789012:role/*`. A per-user pattern with `${aws:username}` is not broad.
 */
export function broadIamResource(value: string): boolean {
  if (value === '*') return true;
  if (value.includes('${')) return false;
  const arn = parseArn(value);
  if (arn === null || (arn.service !== 'iam' && !hasWildcard(arn.service))) return false;
  return arn.resource === '*' || /^[a-z-]+\/\*$/.test(arn.resource);
}

/** A clause that restricts positively: a known key, a non-negated operator, no IfExists, and not ForAllValues (true when absent). */
export function isPositiveClause(clause: ConditionClause): boolean {
  return (
    !NEGATED_OPERATORS.has(clause.operator) &&
    clause.operator !== 'Null' &&
    !clause.ifExists &&
    clause.qualifier !== 'ForAllValues'
  );
}

/** The positive clauses on any of `keys` (lower-case), whose values are not all `*`. */
export function positiveClauses(statement: Statement, keys: readonly string[]): ConditionClause[] {
  return statement.conditions.filter(
    (c) =>
      isPositiveClause(c) &&
      keys.includes(c.key.toLowerCase()) &&
      c.values.some((v) => v.value !== '*'),
  );
}
