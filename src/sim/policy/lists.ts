/** Reading the "a string, or an array of strings" values most policy elements take. */
import type { WalkContext } from './context.ts';
import { itemsOf, kindOf } from './json-ast.ts';
import type { JsonNode } from './json-ast.ts';
import { aKind, indexPath } from './issues.ts';
import type { Located } from './types.ts';

/** One string of a list with where it was written. */
export interface ListItem extends Located<string> {
  /** The item's node, for issues. */
  node: JsonNode;
  /** The item's JSON path (`Statement[0].Action[2]`, or `Statement[0].Action` for a lone string). */
  path: string;
}

/**
 * Reads a string or an array of strings. Wrong types and empty arrays are reported (WRONG_TYPE,
 * EMPTY_ELEMENT) and skipped; what remains is returned in document order.
 */
export function readStringList(
  ctx: WalkContext,
  node: JsonNode,
  path: string,
  element: string,
): ListItem[] {
  const sink = ctx.sink;
  const lines = sink.lines;
  if (node.type === 'string' && typeof node.value === 'string') {
    return [{ value: node.value, range: lines.rangeOf(node), node, path }];
  }
  if (node.type !== 'array') {
    sink.error(
      node,
      'WRONG_TYPE',
      path,
      `${element} must be a string or an array of strings, not ${aKind(kindOf(node))}.`,
    );
    return [];
  }
  const items = itemsOf(node);
  if (items.length === 0) {
    sink.error(
      node,
      'EMPTY_ELEMENT',
      path,
      `${element} is an empty array: list at least one value.`,
    );
    return [];
  }
  const out: ListItem[] = [];
  for (const [i, item] of items.entries()) {
    const itemPath = indexPath(path, i);
    if (item.type === 'string' && typeof item.value === 'string') {
      out.push({ value: item.value, range: lines.rangeOf(item), node: item, path: itemPath });
    } else {
      sink.error(
        item,
        'WRONG_TYPE',
        itemPath,
        `Each entry of ${element} must be a string, not ${aKind(kindOf(item))}.`,
      );
    }
  }
  return out;
}

/** Drops the bookkeeping fields, leaving the AST's `Located<string>`. */
export function located(items: ListItem[]): Located<string>[] {
  return items.map(({ value, range }) => ({ value, range }));
}
