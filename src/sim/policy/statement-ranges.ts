/**
 * Where each statement of a policy is written, by its position in the Statement array — so a
 * deciding statement (known to the evaluator by index) can be found again in the learner's text
 * and highlighted in the editor.
 */
import type { Policy, SourceRange } from './types.ts';

/** One statement's place in the text. */
export interface StatementLocation {
  /** Position in the Statement array (0 when Statement is a single object). */
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** The whole statement object. */
  range: SourceRange;
}

/** Every statement of `policy` with its range, in document order. */
export function statementLocations(policy: Policy): StatementLocation[] {
  return policy.statements.map((s) =>
    s.sid === undefined
      ? { index: s.index, effect: s.effect, range: s.range }
      : { index: s.index, sid: s.sid, effect: s.effect, range: s.range },
  );
}

/**
 * The range of the statement at `index` of the Statement array, or undefined when there is none.
 * Looked up by the recorded index, not by array position: a statement the parser could not read
 * is left out of `policy.statements`, which shifts the positions after it.
 */
export function statementRange(policy: Policy, index: number): SourceRange | undefined {
  return policy.statements.find((s) => s.index === index)?.range;
}

/** `Statement[1] (Sid "ReadReports")`, or `Statement[0]` without a Sid: how a learner finds it in the JSON. */
export function statementName(index: number, sid?: string): string {
  return sid === undefined || sid === ''
    ? `Statement[${index}]`
    : `Statement[${index}] (Sid "${sid}")`;
}
