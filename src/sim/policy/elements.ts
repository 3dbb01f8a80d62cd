/**
 * Element names: which keys are policy elements at each level, and how a misspelt or wrongly
 * capitalised key is reported. Element names are matched exactly, as the grammar writes them.
 */
import type { WalkContext } from './context.ts';
import type { JsonNode, Member } from './json-ast.ts';
import { childPath } from './issues.ts';
import { closest, didYouMean } from './suggest.ts';

/** The elements of the policy document itself. */
export const TOP_LEVEL_ELEMENTS = ['Version', 'Id', 'Statement'] as const;

/** The elements of a statement. */
export const STATEMENT_ELEMENTS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
] as const;

/** A recognised element: the key and value nodes of its (last) occurrence. */
export interface ElementNodes {
  keyNode: JsonNode;
  valueNode: JsonNode;
}

/** The recognised elements of one statement, by name. */
export type StatementElements = Map<(typeof STATEMENT_ELEMENTS)[number], ElementNodes>;

/**
 * Sorts an object's members into known elements. Exact names win; a name that only differs in
 * case is reported (ELEMENT_CASE) and used when the exact name is absent, so the AST still
 * reflects what the learner meant. Anything else is UNKNOWN_ELEMENT with a suggestion.
 * `misplaced` are the names of the other level, for "belongs at the top level" hints.
 */
export function sortElements<E extends string>(
  ctx: WalkContext,
  members: Member[],
  path: string,
  known: readonly E[],
  misplaced: readonly string[],
  where: string,
): Map<E, ElementNodes> {
  const found = new Map<E, ElementNodes>();
  const caseOnly: [E, Member][] = [];
  for (const member of members) {
    const { key, keyNode, valueNode } = member;
    const exact = known.find((k) => k === key);
    if (exact !== undefined) {
      if (valueNode !== undefined) found.set(exact, { keyNode, valueNode });
      continue;
    }
    const memberPath = childPath(path, key);
    const folded = known.find((k) => k.toLowerCase() === key.toLowerCase());
    if (folded !== undefined) {
      ctx.sink.error(
        keyNode,
        'ELEMENT_CASE',
        memberPath,
        `Element names are case-sensitive: write ${folded}, not ${key}.`,
      );
      caseOnly.push([folded, member]);
      continue;
    }
    const other = misplaced.find((k) => k.toLowerCase() === key.toLowerCase());
    if (other !== undefined) {
      ctx.sink.error(
        keyNode,
        'UNKNOWN_ELEMENT',
        memberPath,
        `${other} is not allowed ${where}; it belongs ${where === 'inside a statement' ? 'at the top level of the policy' : 'inside a statement'}.`,
      );
      continue;
    }
    const suggestion = closest(key, known);
    ctx.sink.error(
      keyNode,
      'UNKNOWN_ELEMENT',
      memberPath,
      `"${key}" is not a policy element ${where}.${didYouMean(suggestion)}`,
    );
  }
  for (const [name, { keyNode, valueNode }] of caseOnly) {
    if (!found.has(name) && valueNode !== undefined) found.set(name, { keyNode, valueNode });
  }
  return found;
}
