/**
 * The Condition element: `{ "Operator": { "key": value | [values] } }`, split into one clause
 * per key, with the operator and value checks AWS applies.
 */
import { conditionKeyKnown, suggestConditionKey } from './catalog.ts';
import type { WalkContext } from './context.ts';
import { itemsOf, kindOf, scalarText, uniqueMembersOf } from './json-ast.ts';
import type { JsonNode } from './json-ast.ts';
import { aKind, childPath, indexPath } from './issues.ts';
import type { IssueCode } from './issues.ts';
import {
  isBase64Value,
  isBoolValue,
  isDateValue,
  isIpValue,
  isNumericValue,
  OPERATOR_SPELLINGS,
  splitOperator,
  VARIABLE_FAMILIES,
} from './operators.ts';
import type { OperatorFamily } from './operators.ts';
import { closest, didYouMean } from './suggest.ts';
import type { ConditionClause, Located } from './types.ts';
import { hasVariable } from './variables.ts';

/** Reads a Condition element into clauses (one per operator and key), reporting problems. */
export function readCondition(ctx: WalkContext, node: JsonNode, path: string): ConditionClause[] {
  const { sink } = ctx;
  if (node.type !== 'object') {
    sink.error(
      node,
      'WRONG_TYPE',
      path,
      `Condition must be an object of operators, not ${aKind(kindOf(node))}.`,
    );
    return [];
  }
  const clauses: ConditionClause[] = [];
  for (const { key: operatorText, keyNode: operatorNode, valueNode } of uniqueMembersOf(node)) {
    const opPath = childPath(path, operatorText);
    const split = splitOperator(operatorText);
    if (split.family === undefined) {
      reportUnknownOperator(ctx, operatorNode, opPath, operatorText, split.qualifier);
    } else if (split.family === 'null' && split.ifExists) {
      sink.error(
        operatorNode,
        'IFEXISTS_ON_NULL',
        opPath,
        'Null cannot take IfExists: Null itself tests whether the key exists.',
      );
    }
    if (valueNode === undefined) continue;
    if (valueNode.type !== 'object') {
      sink.error(
        valueNode,
        'WRONG_TYPE',
        opPath,
        `${operatorText} must be an object of condition keys and values, not ${aKind(kindOf(valueNode))}.`,
      );
      continue;
    }
    for (const { key, keyNode, valueNode: valuesNode } of uniqueMembersOf(valueNode)) {
      const keyPath = childPath(opPath, key);
      checkKey(ctx, keyNode, keyPath, key);
      const values =
        valuesNode === undefined ? [] : readValues(ctx, valuesNode, keyPath, split.family);
      clauses.push({
        operatorText,
        operator: split.base,
        ...(split.qualifier === undefined ? {} : { qualifier: split.qualifier }),
        ifExists: split.ifExists,
        key,
        values,
        range: sink.lines.rangeOf(keyNode.parent ?? keyNode),
        operatorRange: sink.lines.rangeOf(operatorNode),
      });
    }
  }
  return clauses;
}

/** UNKNOWN_CONDITION_OPERATOR with the closest valid spelling. */
function reportUnknownOperator(
  ctx: WalkContext,
  node: JsonNode,
  path: string,
  text: string,
  qualifier: string | undefined,
): void {
  const prefix = qualifier === undefined ? '' : `${qualifier}:`;
  const body = text.slice(prefix.length);
  let suggestion: string | undefined;
  const colon = body.indexOf(':');
  if (colon >= 0) {
    // A misspelt qualifier such as "ForAnyValues:StringEquals".
    const q = closest(body.slice(0, colon), ['ForAllValues', 'ForAnyValue']);
    const op = closest(body.slice(colon + 1), OPERATOR_SPELLINGS) ?? body.slice(colon + 1);
    if (q !== undefined) suggestion = `${q}:${op}`;
  } else {
    const op =
      OPERATOR_SPELLINGS.find((s) => s.toLowerCase() === body.toLowerCase()) ??
      closest(body, OPERATOR_SPELLINGS);
    if (op !== undefined) suggestion = `${prefix}${op}`;
  }
  ctx.sink.error(
    node,
    'UNKNOWN_CONDITION_OPERATOR',
    path,
    `"${text}" is not a condition operator.${didYouMean(suggestion)}`,
  );
}

/** Key format, and with a catalog, whether AWS knows the key. */
function checkKey(ctx: WalkContext, node: JsonNode, path: string, key: string): void {
  if (!/^[^:\s]+:\S+$/.test(key)) {
    ctx.sink.warn(
      node,
      'INVALID_CONDITION_KEY',
      path,
      `"${key}" is not a condition key; keys look like aws:SourceIp or s3:prefix.`,
    );
    return;
  }
  if (ctx.catalog === undefined || conditionKeyKnown(ctx.catalog, key) !== false) return;
  const hint = suggestConditionKey(ctx.catalog, key);
  ctx.sink.warn(
    node,
    'UNKNOWN_CONDITION_KEY',
    path,
    `"${key}" is not a global key nor one its service defines, so it is never present.${didYouMean(hint)}`,
  );
}

/** Reads one key's values (a scalar or an array of scalars) and checks their shape. */
function readValues(
  ctx: WalkContext,
  node: JsonNode,
  path: string,
  family: OperatorFamily | undefined,
): Located<string>[] {
  const { sink } = ctx;
  const single = node.type !== 'array';
  const items = single ? [node] : itemsOf(node);
  if (!single && items.length === 0) {
    sink.error(
      node,
      'EMPTY_ELEMENT',
      path,
      'This condition key has an empty list of values: give at least one.',
    );
  }
  const out: Located<string>[] = [];
  for (const [i, item] of items.entries()) {
    const itemPath = single ? path : indexPath(path, i);
    const text = scalarText(item, ctx.text);
    if (text === null) {
      sink.error(
        item,
        'WRONG_TYPE',
        itemPath,
        `A condition value must be a string, number or boolean${single ? ' (or an array of them)' : ''}, not ${aKind(kindOf(item))}.`,
      );
      continue;
    }
    checkValue(ctx, item, itemPath, text, family);
    out.push({ value: text, range: sink.lines.rangeOf(item) });
  }
  return out;
}

/** The issue code and message for a value of the wrong shape, per family. */
const SHAPE: Partial<
  Record<
    OperatorFamily,
    { test: (v: string) => boolean; code: IssueCode; message: (v: string) => string }
  >
> = {
  numeric: {
    test: isNumericValue,
    code: 'INVALID_NUMERIC_VALUE',
    message: (v) =>
      `"${v}" is not a number; Numeric operators compare integers or decimals such as 10 or "2.5".`,
  },
  date: {
    test: isDateValue,
    code: 'INVALID_DATE_VALUE',
    message: (v) =>
      `"${v}" is not a date; use ISO 8601 such as 2025-01-31T12:00:00Z, or epoch seconds.`,
  },
  ip: {
    test: isIpValue,
    code: 'INVALID_IP_VALUE',
    message: (v) =>
      `"${v}" is not an IP address or CIDR block such as 203.0.113.0/24 or 2001:db8::/32.`,
  },
  bool: {
    test: isBoolValue,
    code: 'INVALID_BOOL_VALUE',
    message: (v) => `"${v}" is not a boolean; Bool takes "true" or "false".`,
  },
  null: {
    test: isBoolValue,
    code: 'INVALID_NULL_VALUE',
    message: (v) =>
      `"${v}" is not valid for Null; use "true" (the key is absent) or "false" (the key is present).`,
  },
  binary: {
    test: isBase64Value,
    code: 'INVALID_BINARY_VALUE',
    message: (v) => `"${v}" is not base-64 text, which BinaryEquals compares.`,
  },
};

/** Variable placement and value shape of one condition value. */
function checkValue(
  ctx: WalkContext,
  node: JsonNode,
  path: string,
  value: string,
  family: OperatorFamily | undefined,
): void {
  if (family === undefined) return;
  if (hasVariable(value)) {
    if (!VARIABLE_FAMILIES.has(family)) {
      ctx.sink.error(
        node,
        'VARIABLE_NOT_ALLOWED',
        path,
        'Policy variables are only substituted in String, ARN and Bool conditions.',
      );
      return;
    }
    if (!ctx.variablesActive) warnLiteralVariable(ctx, node, path);
    return;
  }
  const shape = SHAPE[family];
  if (shape !== undefined && !shape.test(value))
    ctx.sink.error(node, shape.code, path, shape.message(value));
}

/** VARIABLES_LITERAL: a `${…}` that will be compared as plain text because Version is not 2012-10-17. */
export function warnLiteralVariable(ctx: WalkContext, node: JsonNode, path: string): void {
  ctx.sink.warn(
    node,
    'VARIABLES_LITERAL',
    path,
    'Without "Version": "2012-10-17" this ${…} is plain text, not a policy variable.',
  );
}
