/**
 * The JSON layer under the policy parser: a tolerant JSON tree with offsets (from jsonc-parser,
 * which also keeps duplicate keys and reports error positions) and the conversion from offsets
 * to the 1-based line/column ranges the editor needs.
 */
import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import type { SourceRange } from './types.ts';

/** A node of the JSON tree (an object, array, property, or scalar) with its offset and length. */
export type JsonNode = Node;

/** The JSON value kinds, as named in messages ("expected a string, found an array"). */
export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** The tree and every syntax error jsonc-parser found while building it. */
export interface ParsedJson {
  /** The root value, possibly partial when there were errors; undefined for empty text. */
  root: JsonNode | undefined;
  /** Syntax errors in document order. */
  errors: ParseError[];
}

/** Parses strict JSON: no comments, no trailing commas, no empty document. */
export function parseJson(text: string): ParsedJson {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  return { root, errors };
}

/** The kind of a JSON value node (`property` nodes never reach callers of this). */
export function kindOf(node: JsonNode): JsonKind {
  return node.type === 'property' ? 'object' : node.type;
}

/** One `"key": value` member of an object node. */
export interface Member {
  /** The key, decoded. */
  key: string;
  /** The key's string node (for underlining the element name). */
  keyNode: JsonNode;
  /** The value node; undefined when the text was cut off after the key. */
  valueNode: JsonNode | undefined;
}

/** The members of an object node in document order, duplicates included. */
export function membersOf(node: JsonNode): Member[] {
  const out: Member[] = [];
  for (const prop of node.children ?? []) {
    const keyNode = prop.children?.[0];
    if (prop.type !== 'property' || keyNode === undefined || typeof keyNode.value !== 'string')
      continue;
    out.push({ key: keyNode.value, keyNode, valueNode: prop.children?.[1] });
  }
  return out;
}

/**
 * The members of an object node with only the last occurrence of a repeated key, which is what
 * `JSON.parse` keeps. Repeats are reported once (DUPLICATE_KEY); the AST then agrees with any
 * tool that reads the same text through `JSON.parse`.
 */
export function uniqueMembersOf(node: JsonNode): Member[] {
  const all = membersOf(node);
  const last = new Map<string, number>();
  all.forEach((m, i) => last.set(m.key, i));
  return all.filter((m, i) => last.get(m.key) === i);
}

/** The item nodes of an array node. */
export function itemsOf(node: JsonNode): JsonNode[] {
  return node.children ?? [];
}

/**
 * The text of a scalar as the policy language sees it: the decoded string, or the number or
 * boolean exactly as written (so `10.0` stays `10.0`). Null for null, objects and arrays.
 */
export function scalarText(node: JsonNode, text: string): string | null {
  if (node.type === 'string') return typeof node.value === 'string' ? node.value : null;
  if (node.type === 'number' || node.type === 'boolean')
    return text.slice(node.offset, node.offset + node.length);
  return null;
}

/** Converts offsets to editor positions. Built once per document. */
export class LineIndex {
  /** Offsets at which each line starts; line breaks are `\n`, `\r\n` and a lone `\r`. */
  private readonly starts: number[] = [0];
  /** Offsets at which each line's text ends (where its line break begins). */
  private readonly ends: number[] = [];
  private readonly length: number;

  /** Indexes the line starts of `text`. */
  constructor(text: string) {
    this.length = text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        this.ends.push(i);
        this.starts.push(i + 1);
      } else if (c === 13) {
        this.ends.push(i);
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
    this.ends.push(text.length);
  }

  /**
   * 1-based line and column of an offset, clamped into the text. An offset inside a `\r\n` (a
   * string token that ends on an escaped `\r`) is the end of its line: the break is one position.
   */
  position(offset: number): { line: number; column: number } {
    const at = Math.max(0, Math.min(offset, this.length));
    // Binary search for the last line start at or before `at`.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    const start = this.starts[lo] ?? 0;
    return { line: lo + 1, column: Math.min(at, this.ends[lo] ?? at) - start + 1 };
  }

  /** The range covering `length` characters from `offset`, clamped into the text. */
  range(offset: number, length: number): SourceRange {
    const start = Math.max(0, Math.min(offset, this.length));
    const end = Math.max(start, Math.min(offset + Math.max(0, length), this.length));
    const a = this.position(start);
    const b = this.position(end);
    return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
  }

  /** The range of a node. */
  rangeOf(node: JsonNode): SourceRange {
    return this.range(node.offset, node.length);
  }
}

/** A sentence for each jsonc-parser error code, in a learner's terms. */
const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'This character is not valid JSON here.',
  InvalidNumberFormat: 'This number is not written the way JSON allows.',
  PropertyNameExpected: 'Expected a property name in double quotes.',
  ValueExpected: 'Expected a value (a string, number, object, array, true, false or null).',
  ColonExpected: 'Expected a colon (:) after the property name.',
  CommaExpected: 'Expected a comma between these two entries.',
  CloseBraceExpected: 'Expected a closing brace (}).',
  CloseBracketExpected: 'Expected a closing bracket (]).',
  EndOfFileExpected: 'Unexpected text after the end of the JSON document.',
  InvalidCommentToken: 'Comments are not allowed in JSON policy documents.',
  UnexpectedEndOfComment: 'This comment is not closed (and JSON does not allow comments).',
  UnexpectedEndOfString: 'This string is not closed: add the missing double quote.',
  UnexpectedEndOfNumber: 'This number is incomplete.',
  InvalidUnicode: 'This \\u escape needs exactly four hexadecimal digits.',
  InvalidEscapeCharacter: 'This backslash escape is not valid JSON.',
  InvalidCharacter:
    'Control characters such as a raw tab or line break are not allowed inside a JSON string.',
};

/**
 * Explains a syntax error. Recognises the two most common learner mistakes first: a trailing
 * comma before `}`/`]`, and single-quoted strings.
 */
export function syntaxMessage(error: ParseError, text: string): string {
  // jsonc-parser's codes are a const enum, which verbatimModuleSyntax cannot read: go by name.
  const name = printParseErrorCode(error.error);
  if (text.trim() === '')
    return 'The policy document is empty: write a JSON object such as {"Version": "2012-10-17", "Statement": []}.';
  const ch = text[error.offset];
  if ((name === 'PropertyNameExpected' || name === 'ValueExpected') && (ch === '}' || ch === ']')) {
    const before = text.slice(0, error.offset).trimEnd();
    if (before.endsWith(','))
      return 'Trailing commas are not allowed in JSON: remove the comma before this bracket.';
  }
  if (ch === "'") return 'JSON strings must use double quotes ("), not single quotes.';
  if (error.offset >= text.length && name !== 'EndOfFileExpected') {
    return 'The document ends too early: a closing bracket, brace or quote is missing.';
  }
  return SYNTAX_MESSAGES[name] ?? 'This is not valid JSON.';
}
