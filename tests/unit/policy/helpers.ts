/** Shared helpers for the policy parser tests. */
import { parsePolicy } from '../../../src/sim/policy/index.ts';
import type {
  IamCatalog,
  ParseResult,
  PolicyIssue,
  PolicyKind,
  SourceRange,
} from '../../../src/sim/policy/index.ts';
import catalogJson from '../../../src/generated/iam-catalog.json';

/** The generated catalog, typed. Run `node scripts/gen-catalog.mjs` first. */
export const catalog: IamCatalog = catalogJson;

/** A range as `line:column-line:column`, the form the tables use. */
export function fmt(range: SourceRange): string {
  return `${range.startLine}:${range.startColumn}-${range.endLine}:${range.endColumn}`;
}

/**
 * The range of the `nth` occurrence of `needle` in `text`, computed independently of the parser
 * (lines split on `\n` only; the table texts have no `\r`).
 */
export function spanOf(text: string, needle: string, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (occurrence ${nth}) not in test text`);
  }
  const pos = (offset: number): string => {
    const before = text.slice(0, offset).split('\n');
    return `${before.length}:${(before.at(-1) ?? '').length + 1}`;
  };
  return `${pos(at)}-${pos(at + needle.length)}`;
}

/** Pretty JSON text of a value, as a learner would usually write it. */
export function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** A pretty policy document with Version 2012-10-17 and the given statements. */
export function doc(...statements: Record<string, unknown>[]): string {
  return pretty({ Version: '2012-10-17', Statement: statements });
}

/** Parses and returns the result. */
export function parse(
  text: unknown,
  kind: PolicyKind = 'identity',
  withCatalog = false,
): ParseResult {
  return parsePolicy(text, kind, withCatalog ? { catalog } : {});
}

/** Issue codes of a result, in order. */
export function codes(result: ParseResult): string[] {
  return result.issues.map((i) => i.code);
}

/** The only issue with this code; fails when there is none or several. */
export function only(result: ParseResult, code: string): PolicyIssue {
  const found = result.issues.filter((i) => i.code === code);
  if (found.length !== 1) {
    throw new Error(
      `expected exactly one ${code}, got ${found.length}: ${JSON.stringify(result.issues.map((i) => [i.code, i.path, i.message]))}`,
    );
  }
  return found[0] as PolicyIssue;
}
