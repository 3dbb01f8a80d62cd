/**
 * `--output text`, following the AWS CLI's text formatter (awscli/text.py): a structure's
 * scalars go on one tab-separated line in key order, prefixed with the upper-cased key that
 * led to it; lists of structures share one set of columns; scalar lists print one per line
 * with their key, or tab-separated at the top.
 */

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Python's `str()` of a scalar, which is what the CLI prints. */
function scalar(v: Json): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  return String(v);
}

function isScalar(v: Json): boolean {
  return !Array.isArray(v) && !isObject(v);
}

function allScalarKeys(list: readonly Record<string, Json>[]): string[] {
  const keys = new Set<string>();
  for (const d of list) for (const [k, v] of Object.entries(d)) if (isScalar(v)) keys.add(k);
  return [...keys].sort();
}

function formatDict(item: Record<string, Json>, identifier: string | undefined, scalarKeys: string[] | undefined, out: string[]): void {
  const scalars: string[] = [];
  const nonScalars: [string, Json][] = [];
  if (scalarKeys === undefined) {
    for (const k of Object.keys(item).sort()) {
      const v = item[k];
      if (isScalar(v)) scalars.push(scalar(v));
      else nonScalars.push([k, v]);
    }
  } else {
    for (const k of scalarKeys) scalars.push(k in item ? scalar(item[k]) : '');
    for (const k of Object.keys(item).filter((x) => !scalarKeys.includes(x)).sort()) nonScalars.push([k, item[k]]);
  }
  if (scalars.length > 0) out.push((identifier === undefined ? scalars : [identifier.toUpperCase(), ...scalars]).join('\t'));
  for (const [k, v] of nonScalars) formatItem(v, k, undefined, out);
}

function formatScalarList(items: readonly Json[], identifier: string | undefined, out: string[]): void {
  if (identifier !== undefined) for (const x of items) out.push(`${identifier.toUpperCase()}\t${scalar(x)}`);
  else out.push(items.map(scalar).join('\t'));
}

function formatList(items: readonly Json[], identifier: string | undefined, out: string[]): void {
  if (items.length === 0) return;
  if (items.some(isObject)) {
    const keys = allScalarKeys(items.filter(isObject));
    for (const el of items) formatItem(el, identifier, keys, out);
  } else if (items.some(Array.isArray)) {
    const scalars = items.filter(isScalar);
    if (scalars.length > 0) formatScalarList(scalars, identifier, out);
    for (const el of items.filter((x) => !isScalar(x))) formatItem(el, identifier, undefined, out);
  } else formatScalarList(items, identifier, out);
}

function formatItem(v: Json, identifier: string | undefined, scalarKeys: string[] | undefined, out: string[]): void {
  if (isObject(v)) formatDict(v, identifier, scalarKeys, out);
  else if (Array.isArray(v)) formatList(v, identifier, out);
  else out.push(scalar(v));
}

/** Formats a response (or a `--query` result) as the CLI's text output. */
export function formatText(value: Json): string {
  const out: string[] = [];
  formatItem(value, undefined, undefined, out);
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
