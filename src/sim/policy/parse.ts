/**
 * `parsePolicy`: policy text (or a value) in, typed policy and every issue out. Never throws.
 *
 * Order of work: JSON syntax → document-wide checks (characters, size, duplicate keys) →
 * top-level elements (Version, Id, Statement) → each statement. When the JSON is broken only
 * the first syntax error is reported (later ones are usually its echoes), but the recovered
 * tree is still turned into a partial policy with further issues muted.
 */
import type { IamCatalog } from './catalog.ts';
import type { WalkContext } from './context.ts';
import { sortElements, STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS } from './elements.ts';
import { itemsOf, kindOf, LineIndex, membersOf, parseJson, syntaxMessage } from './json-ast.ts';
import type { JsonNode } from './json-ast.ts';
import { aKind, childPath, indexPath, IssueSink } from './issues.ts';
import { KIND_RULES } from './kinds.ts';
import { checkCharacters, checkSize } from './limits.ts';
import { readStatement } from './statement.ts';
import type { SidRegistry } from './statement.ts';
import type { ParseResult, Policy, PolicyIssue, PolicyKind, Statement } from './types.ts';

/** Options of `parsePolicy`. */
export interface ParseOptions {
  /** The IAM catalog (src/generated/iam-catalog.json); enables unknown-action and unknown-key warnings. */
  catalog?: IamCatalog;
}

/** The Version values AWS accepts. */
const VERSIONS = ['2012-10-17', '2008-10-17'] as const;

/** Kinds whose documentation says Id belongs only in resource-based policies. */
const NO_ID_KINDS: ReadonlySet<PolicyKind> = new Set<PolicyKind>([
  'identity',
  'boundary',
  'session',
  'scp',
  'rcp',
]);

/**
 * Parses and validates a policy document of the given kind.
 *
 * `source` is the JSON text, or any value, which is then serialised with
 * `JSON.stringify(value, null, 2)` (ranges refer to that text). The result's `policy` is null
 * only when there is no JSON object at all; otherwise it holds every statement that has a usable
 * Effect, even when issues were found. A document is valid for AWS exactly when no issue has
 * severity `error` (see `hasErrors`).
 */
export function parsePolicy(
  source: string | unknown,
  kind: PolicyKind,
  options: ParseOptions = {},
): ParseResult {
  try {
    return parseUnchecked(source, kind, options);
  } catch (error) {
    // A parser bug must never take the page or the grader down: report it as an issue instead.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      policy: null,
      issues: [
        {
          code: 'INTERNAL_ERROR',
          severity: 'error',
          path: '',
          range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
          message: `The policy checker failed on this document (${detail}).`,
        },
      ],
    };
  }
}

/** True when AWS would reject the document (at least one issue of severity `error`). */
export function hasErrors(result: ParseResult): boolean {
  return result.issues.some((issue) => issue.severity === 'error');
}

/** Turns the source into text; undefined when a value cannot be serialised. */
function toText(source: unknown): { text: string; sizeText: string } | undefined {
  if (typeof source === 'string') return { text: source, sizeText: source };
  try {
    const text = JSON.stringify(source, null, 2) as string | undefined;
    const compact = JSON.stringify(source) as string | undefined;
    return text === undefined || compact === undefined ? undefined : { text, sizeText: compact };
  } catch {
    return undefined;
  }
}

/** The parser proper; `parsePolicy` guards it. */
function parseUnchecked(
  source: unknown,
  requestedKind: PolicyKind,
  options: ParseOptions,
): ParseResult {
  const converted = toText(source);
  if (converted === undefined) {
    const sink = new IssueSink(new LineIndex(''));
    sink.add(
      'INVALID_DOCUMENT',
      'error',
      '',
      sink.lines.range(0, 0),
      'This value cannot be written as JSON (it is undefined, a function, a BigInt or contains a cycle).',
    );
    return { policy: null, issues: sink.issues };
  }
  const { text, sizeText } = converted;
  const sink = new IssueSink(new LineIndex(text));
  const knownKind = Object.hasOwn(KIND_RULES, requestedKind);
  const kind: PolicyKind = knownKind ? requestedKind : 'identity';
  if (!knownKind) {
    sink.add(
      'INVALID_DOCUMENT',
      'error',
      '',
      sink.lines.range(0, 0),
      `"${String(requestedKind)}" is not a policy kind; checked as an identity-based policy.`,
    );
  }
  const rules = KIND_RULES[kind];
  const ctx: WalkContext = {
    text,
    kind,
    rules,
    sink,
    variablesActive: false,
    ...(options.catalog ? { catalog: options.catalog } : {}),
  };

  if (rules.iamCharacterSet) checkCharacters(sink, text);
  const { root, errors } = parseJson(text);
  const first = errors[0];
  if (first !== undefined) {
    const length = first.offset < text.length ? Math.max(1, first.length) : 0;
    sink.add(
      'JSON_SYNTAX',
      'error',
      '',
      sink.lines.range(first.offset, length),
      syntaxMessage(first, text),
    );
  }
  if (root === undefined) return { policy: null, issues: inDocumentOrder(sink.issues) };
  if (root.type !== 'object') {
    if (first === undefined) {
      sink.error(
        root,
        'NOT_AN_OBJECT',
        '',
        `A policy must be a JSON object ({ … }), not ${aKind(kindOf(root))}.`,
      );
    }
    return { policy: null, issues: inDocumentOrder(sink.issues) };
  }
  checkSize(sink, sizeText, rules);
  if (first === undefined) checkDuplicateKeys(ctx, root, '');
  else sink.muted = true;

  const policy = readDocument(ctx, root, kind);
  sink.muted = false;
  return { policy, issues: inDocumentOrder(sink.issues) };
}

/** Reads the top level: Version, Id and Statement. */
function readDocument(ctx: WalkContext, root: JsonNode, kind: PolicyKind): Policy {
  const { sink, rules } = ctx;
  const el = sortElements(
    ctx,
    membersOf(root),
    '',
    TOP_LEVEL_ELEMENTS,
    STATEMENT_ELEMENTS,
    'at the top level',
  );
  const opening = sink.lines.range(root.offset, 1);
  const policy: Policy = { kind, statements: [] };

  const versionNode = el.get('Version')?.valueNode;
  if (versionNode === undefined) {
    if (rules.requiresCurrentVersion) {
      sink.add(
        'MISSING_VERSION',
        'error',
        '',
        opening,
        `${capitalise(rules.label)} must contain "Version": "2012-10-17".`,
      );
    }
  } else if (versionNode.type !== 'string' || typeof versionNode.value !== 'string') {
    sink.error(
      versionNode,
      'WRONG_TYPE',
      'Version',
      `Version must be the string "2012-10-17", not ${aKind(kindOf(versionNode))}.`,
    );
  } else {
    const value = versionNode.value;
    const version = VERSIONS.find((v) => v === value);
    if (version === undefined) {
      sink.error(
        versionNode,
        'INVALID_VERSION',
        'Version',
        `"${value}" is not a policy language version; use "2012-10-17" (a date, not today's date).`,
      );
    } else if (version !== '2012-10-17' && rules.requiresCurrentVersion) {
      sink.error(
        versionNode,
        'INVALID_VERSION',
        'Version',
        `${capitalise(rules.label)} must use "Version": "2012-10-17".`,
      );
    } else {
      policy.version = version;
    }
  }
  ctx.variablesActive = policy.version === '2012-10-17';

  const idNode = el.get('Id');
  if (idNode !== undefined) {
    if (idNode.valueNode.type !== 'string') {
      sink.error(
        idNode.valueNode,
        'WRONG_TYPE',
        'Id',
        `Id must be a string, not ${aKind(kindOf(idNode.valueNode))}.`,
      );
    } else {
      policy.id = String(idNode.valueNode.value);
      if (NO_ID_KINDS.has(kind)) {
        sink.warn(
          idNode.keyNode,
          'ID_NOT_SUPPORTED',
          'Id',
          `AWS documents Id for resource-based policies only; leave it out of ${rules.label}.`,
        );
      }
    }
  }

  const statementNode = el.get('Statement')?.valueNode;
  if (statementNode === undefined) {
    sink.add(
      'MISSING_STATEMENT',
      'error',
      '',
      opening,
      'This policy has no Statement: add "Statement": [ … ] with at least one statement.',
    );
    return policy;
  }
  policy.statements = readStatements(ctx, statementNode);
  return policy;
}

/** Statement as a single object or an array of objects. */
function readStatements(ctx: WalkContext, node: JsonNode): Statement[] {
  const { sink } = ctx;
  const sids: SidRegistry = new Set();
  if (node.type === 'object') {
    const statement = readStatement(ctx, node, 0, 'Statement', sids);
    return statement === undefined ? [] : [statement];
  }
  if (node.type !== 'array') {
    sink.error(
      node,
      'WRONG_TYPE',
      'Statement',
      `Statement must be an object or an array of objects, not ${aKind(kindOf(node))}.`,
    );
    return [];
  }
  const items = itemsOf(node);
  if (items.length === 0) {
    sink.error(
      node,
      'MISSING_STATEMENT',
      'Statement',
      'Statement is an empty array: add at least one statement.',
    );
  }
  const statements: Statement[] = [];
  for (const [i, item] of items.entries()) {
    const path = indexPath('Statement', i);
    if (item.type !== 'object') {
      sink.error(
        item,
        'WRONG_TYPE',
        path,
        `Each statement must be an object, not ${aKind(kindOf(item))}.`,
      );
      continue;
    }
    const statement = readStatement(ctx, item, i, path, sids);
    if (statement !== undefined) statements.push(statement);
  }
  return statements;
}

/** DUPLICATE_KEY for every repeated key of every object (JSON.parse would silently keep the last). */
function checkDuplicateKeys(ctx: WalkContext, node: JsonNode, path: string): void {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const { key, keyNode, valueNode } of membersOf(node)) {
      const at = childPath(path, key);
      if (seen.has(key)) {
        ctx.sink.error(
          keyNode,
          'DUPLICATE_KEY',
          at,
          `"${key}" appears more than once in this object; merge the entries (only one would be kept).`,
        );
      }
      seen.add(key);
      if (valueNode !== undefined) checkDuplicateKeys(ctx, valueNode, at);
    }
  } else if (node.type === 'array') {
    for (const [i, item] of itemsOf(node).entries())
      checkDuplicateKeys(ctx, item, indexPath(path, i));
  }
}

/** Sorts issues top to bottom (stable, so issues at one spot keep the order they were found in). */
function inDocumentOrder(issues: PolicyIssue[]): PolicyIssue[] {
  return [...issues].sort(
    (a, b) => a.range.startLine - b.range.startLine || a.range.startColumn - b.range.startColumn,
  );
}

/** Upper-cases the first letter. */
function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
