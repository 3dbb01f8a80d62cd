/**
 * Printing a response the way the CLI does: `--query` (JMESPath) first, then the format.
 * JSON is indented by four spaces, as `aws` prints it; an empty response prints nothing.
 */
import jmespath from 'jmespath';
import type { GlobalOptions } from '../types.ts';
import { formatTable } from './table.ts';
import { formatText } from './text.ts';
import { formatYaml } from './yaml.ts';

/** Printed text, or the message of a `--query` that does not parse. */
export type Printed = { ok: true; text: string } | { ok: false; message: string };

/** Evaluates a JMESPath expression; the CLI's "Bad value for --query" when it does not parse. */
export function applyQuery(value: unknown, query: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: jmespath.search(value as Parameters<typeof jmespath.search>[0], query) as unknown };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `Bad value for --query ${query}: ${msg}` };
  }
}

/** JSON as the CLI prints it: four spaces, non-ASCII kept. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 4)}\n`;
}

/**
 * Prints a response. `format` is the `--output` value (or the profile's `output`, default json).
 * @param operation the API operation name, the title of table output
 */
export function printResponse(value: unknown, format: NonNullable<GlobalOptions['output']>, query: string | undefined, operation: string): Printed {
  let v = value;
  // The CLI prints nothing for an empty response (DeleteRole, AttachRolePolicy…) unless a query asks.
  if (query === undefined && typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0) return { ok: true, text: '' };
  if (query !== undefined) {
    const q = applyQuery(v, query);
    if (!q.ok) return q;
    v = q.value;
  }
  switch (format) {
    case 'text':
      return { ok: true, text: v === null ? 'None\n' : formatText(v) };
    case 'table':
      return { ok: true, text: formatTable(v, operation) };
    case 'yaml':
    case 'yaml-stream':
      return { ok: true, text: formatYaml(v) };
    default:
      return { ok: true, text: v === null ? 'null\n' : formatJson(v) };
  }
}
