/**
 * Reading a Condition block: each clause becomes a phrase, and the phrases are joined into the
 * tail of the statement's sentence ("only when …" for Allow, "when … / unless …" for Deny).
 *
 * A clause that negates something ("MFA was not used", `StringNotEquals`) also keeps its
 * positive form, so a Deny reads naturally: "Denies … unless MFA was used".
 */
import type { ConditionClause } from '../policy/index.ts';
import { BOOL_PHRASES, keyReader } from './condition-keys.ts';
import { joinList, orList, quote, shown } from './text.ts';

/** The reading of one clause. */
export interface ConditionPhrase {
  /** What must hold, literally: "MFA was not used". */
  text: string;
  /** For a negation, the thing negated ("MFA was used"); lets a Deny say "unless …". */
  positive?: string;
  /** The clause read. */
  clause: ConditionClause;
}

/** Operators whose match is negated (NOR over the values, true when the key is absent). */
export const NEGATED_OPERATORS: ReadonlySet<string> = new Set([
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'NumericNotEquals',
  'DateNotEquals',
  'NotIpAddress',
  'ArnNotEquals',
  'ArnNotLike',
]);

/** Generic comparison words by base operator (positive form; the negated operators map to their positive twin). */
const RELATION: Readonly<Record<string, string>> = {
  StringEquals: 'is',
  StringEqualsIgnoreCase: 'is',
  StringLike: 'matches',
  NumericEquals: 'equals',
  NumericLessThan: 'is less than',
  NumericLessThanEquals: 'is at most',
  NumericGreaterThan: 'is greater than',
  NumericGreaterThanEquals: 'is at least',
  DateEquals: 'is',
  DateLessThan: 'is before',
  DateLessThanEquals: 'is no later than',
  DateGreaterThan: 'is after',
  DateGreaterThanEquals: 'is no earlier than',
  IpAddress: 'is in',
  ArnEquals: 'is',
  ArnLike: 'matches',
  BinaryEquals: 'equals',
};

/** The positive twin of a negated operator (`StringNotLike` → `StringLike`). */
function positiveOperator(operator: string): string {
  if (operator === 'NotIpAddress') return 'IpAddress';
  return operator.replace('Not', '');
}

/** Keys whose values read better unquoted (addresses, ARNs, IDs, dates). */
function quoted(operator: string): boolean {
  return operator.startsWith('String');
}

/** The key as shown in a sentence (an empty key is shown as `""` so the sentence stays readable). */
function keyName(clause: ConditionClause): string {
  return clause.key.trim() === '' ? '""' : clause.key;
}

/** The subject of a generic phrase, with set qualifiers spelled out. */
function subject(clause: ConditionClause): string {
  const key =
    clause.key.toLowerCase() === 'aws:tagkeys' ? 'the tag keys in the request' : keyName(clause);
  if (clause.qualifier === 'ForAllValues') return `every value (if any) of ${key}`;
  if (clause.qualifier === 'ForAnyValue') return `at least one value of ${key}`;
  return key;
}

/**
 * The key-specific reader of a clause. Set qualifiers usually need the generic "every value
 * of …" wording, except for Cognito's `amr`, whose reader already speaks of the whole set.
 */
function readerFor(clause: ConditionClause): ReturnType<typeof keyReader> {
  if (clause.qualifier === undefined) return keyReader(clause.key);
  return clause.qualifier === 'ForAnyValue' &&
    clause.key.toLowerCase() === 'cognito-identity.amazonaws.com:amr'
    ? keyReader(clause.key)
    : undefined;
}

/** The positive reading (as if the operator were not negated), without IfExists. */
function positiveReading(clause: ConditionClause, operator: string): string {
  const values = clause.values.map((v) => v.value);
  const lowerKey = clause.key.toLowerCase();
  const time = lowerKey === 'aws:currenttime' || lowerKey === 'aws:epochtime';
  const reader = readerFor(clause);
  if (reader !== undefined && !operator.startsWith('Numeric') && !operator.startsWith('Date')) {
    return reader(values, operator.endsWith('Like')).yes;
  }
  const list = orList(quoted(operator) ? values.map(quote) : values.map(shown));
  if (time && operator.startsWith('Date'))
    return `it is ${RELATION[operator]?.replace(/^is /, '') ?? operator} ${list}`;
  if (lowerKey === 'aws:multifactorauthage' && /LessThan/.test(operator)) {
    return `MFA was used within the last ${list} seconds`;
  }
  const ignoreCase = operator.endsWith('IgnoreCase') ? ' (ignoring case)' : '';
  return `${subject(clause)} ${RELATION[operator] ?? operator} ${list}${ignoreCase}`;
}

/** Bool keys every request carries (spec §14), so "false" is exactly "not true". */
const ALWAYS_PRESENT: ReadonlySet<string> = new Set(['aws:securetransport', 'aws:viaawsservice']);

/** Reads a Bool clause: key-specific sentences for the keys learners meet, generic otherwise. */
function boolPhrase(clause: ConditionClause): Omit<ConditionPhrase, 'clause'> {
  const values = clause.values.map((v) => v.value.toLowerCase());
  const known = BOOL_PHRASES[clause.key.toLowerCase()];
  const [whenTrue, whenFalse] = known ?? [
    `${keyName(clause)} is true`,
    `${keyName(clause)} is false`,
  ];
  if (values.length === 1 && values[0] === 'true') return { text: whenTrue };
  if (values.length === 1 && values[0] === 'false') {
    // Only with IfExists (or when the key is always present) does "Deny … unless <true>" hold:
    // a plain Bool is false when the key is missing, so such requests are not denied.
    if (clause.ifExists || ALWAYS_PRESENT.has(clause.key.toLowerCase()))
      return { text: whenFalse, positive: whenTrue };
    if (clause.key.toLowerCase() === 'aws:multifactorauthpresent') {
      return {
        text: `${whenFalse} (calls signed with long-term access keys carry no MFA information and do not match)`,
      };
    }
    return { text: whenFalse };
  }
  return { text: `${subject(clause)} is ${orList(values.map(shown))}` };
}

/** Reads a Null clause: `true` means "the key is missing", `false` "the key is present". */
function nullPhrase(clause: ConditionClause): Omit<ConditionPhrase, 'clause'> {
  const values = clause.values.map((v) => v.value.toLowerCase());
  const present = `the request has ${keyName(clause)}`;
  if (values.length === 1 && values[0] === 'true')
    return { text: `the request has no ${keyName(clause)}`, positive: present };
  if (values.length === 1 && values[0] === 'false') return { text: present };
  return { text: `${keyName(clause)} is present or missing` };
}

/** Reads one clause. */
export function clausePhrase(clause: ConditionClause): ConditionPhrase {
  const base: Omit<ConditionPhrase, 'clause'> =
    clause.operator === 'Bool'
      ? boolPhrase(clause)
      : clause.operator === 'Null'
        ? nullPhrase(clause)
        : NEGATED_OPERATORS.has(clause.operator)
          ? negatedPhrase(clause)
          : { text: positiveReading(clause, clause.operator) };
  // IfExists only changes a positive reading: a negated operator is already true without the key.
  if (clause.ifExists && base.positive === undefined && clause.operator !== 'Null') {
    return { text: `${base.text} (or the request has no ${keyName(clause)})`, clause };
  }
  return { ...base, clause };
}

/** Generic words for a negated operator: [one value, several values] (several are a NOR). */
function negatedRelation(operator: string): [string, string] {
  if (operator.endsWith('Like')) return ['does not match', 'matches none of'];
  if (operator === 'NotIpAddress') return ['is not in', 'is in none of'];
  if (operator === 'NumericNotEquals') return ['does not equal', 'equals none of'];
  return ['is not', 'is none of'];
}

/**
 * Reads a negated clause. Unqualified, it keeps its positive twin so a Deny can say "unless
 * …" (a negated operator is true when the key is missing, exactly like "not <positive>").
 * With a set qualifier the negation does not distribute that simply, so no twin is kept.
 */
function negatedPhrase(clause: ConditionClause): Omit<ConditionPhrase, 'clause'> {
  const positiveOp = positiveOperator(clause.operator);
  const reader = readerFor(clause);
  const values = clause.values.map((v) => v.value);
  const ignoreCase = clause.operator.endsWith('IgnoreCase') ? ' (ignoring case)' : '';
  const [one, several] = negatedRelation(clause.operator);
  const list = (quoted(clause.operator) ? values.map(quote) : values.map(shown)).join(', ');
  const text =
    reader !== undefined && !positiveOp.startsWith('Numeric') && !positiveOp.startsWith('Date')
      ? reader(values, positiveOp.endsWith('Like')).no
      : `${subject(clause)} ${values.length > 1 ? several : one} ${values.length === 0 ? '(no value)' : list}${ignoreCase}`;
  if (clause.qualifier !== undefined) return { text };
  return { text, positive: positiveReading(clause, positiveOp) };
}

/** Merges `aws:CurrentTime` after/before pairs into one "between … and …" window. */
function mergeTimeWindow(phrases: ConditionPhrase[]): ConditionPhrase[] {
  const isTime = (p: ConditionPhrase): boolean =>
    p.clause.key.toLowerCase() === 'aws:currenttime' &&
    p.clause.values.length === 1 &&
    !p.clause.ifExists;
  const after = phrases.find((p) => isTime(p) && /^DateGreaterThan/.test(p.clause.operator));
  const before = phrases.find((p) => isTime(p) && /^DateLessThan/.test(p.clause.operator));
  if (after === undefined || before === undefined) return phrases;
  const text = `it is between ${shown(after.clause.values[0]?.value ?? '')} and ${shown(before.clause.values[0]?.value ?? '')}`;
  return phrases.flatMap((p) =>
    p === after ? [{ text, clause: p.clause }] : p === before ? [] : [p],
  );
}

/** Every clause of a Condition block, read. */
export function conditionPhrases(clauses: readonly ConditionClause[]): ConditionPhrase[] {
  return mergeTimeWindow(clauses.map(clausePhrase));
}

/**
 * The tail of a sentence for a statement's conditions, with its leading punctuation:
 * Allow → ", only when A and B"; Deny → " when A" / " unless B or C" / " when A, unless B".
 */
export function conditionTail(
  clauses: readonly ConditionClause[],
  effect: 'Allow' | 'Deny',
): string {
  const phrases = conditionPhrases(clauses);
  if (phrases.length === 0) return '';
  if (effect === 'Allow') return `, only when ${joinList(phrases.map((p) => p.text))}`;
  const when = phrases.filter((p) => p.positive === undefined).map((p) => p.text);
  const unless = phrases.flatMap((p) => (p.positive === undefined ? [] : [p.positive]));
  const parts: string[] = [];
  if (when.length > 0) parts.push(` when ${joinList(when)}`);
  if (unless.length > 0) parts.push(`${when.length > 0 ? ',' : ''} unless ${orList(unless)}`);
  return parts.join('');
}
