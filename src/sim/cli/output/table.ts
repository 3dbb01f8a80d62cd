/**
 * `--output table`: the CLI's ASCII tables (awscli/table.py, simplified): a title bar with
 * the operation name, a header row of a structure's scalar keys and a row of values, one row
 * per element of a list of structures, and nested structures or lists as indented sub-tables
 * framed with one more `|` on each side.
 */

interface Section {
  title: string;
  headers: string[];
  rows: string[][];
  children: Section[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  return String(v);
}

function build(title: string, v: unknown): Section {
  const s: Section = { title, headers: [], rows: [], children: [] };
  if (isObject(v)) {
    const keys = Object.keys(v).sort();
    const scalarKeys = keys.filter((k) => !isObject(v[k]) && !Array.isArray(v[k]));
    if (scalarKeys.length > 0) {
      s.headers = scalarKeys;
      s.rows = [scalarKeys.map((k) => cell(v[k]))];
    }
    for (const k of keys.filter((x) => !scalarKeys.includes(x))) s.children.push(build(k, v[k]));
  } else if (Array.isArray(v)) {
    const dicts = v.filter(isObject);
    const keys = [...new Set(dicts.flatMap((d) => Object.keys(d).filter((k) => !isObject(d[k]) && !Array.isArray(d[k]))))].sort();
    s.headers = keys;
    for (const d of dicts) {
      if (keys.length > 0) s.rows.push(keys.map((k) => (k in d ? cell(d[k]) : '')));
      for (const k of Object.keys(d).filter((x) => !keys.includes(x)).sort()) s.children.push(build(k, d[k]));
    }
    for (const x of v.filter((e) => !isObject(e))) {
      if (Array.isArray(x)) s.children.push(build(title, x));
      else s.rows.push([cell(x)]);
    }
  } else s.rows.push([cell(v)]);
  return s;
}

/** The widest line a section needs, inside its own frame. */
function need(s: Section, depth: number): number {
  const cols = Math.max(s.headers.length, ...s.rows.map((r) => r.length), 1);
  const colWidths = Array.from({ length: cols }, (_, i) => Math.max((s.headers[i] ?? '').length, ...s.rows.map((r) => (r[i] ?? '').length)) + 4);
  const own = Math.max(s.title.length + 4, colWidths.reduce((a, b) => a + b, 0) + cols + 1);
  return Math.max(own + depth * 2, ...s.children.map((c) => need(c, depth + 1)));
}

function center(text: string, width: number): string {
  const left = Math.floor((width - text.length) / 2);
  return `${' '.repeat(Math.max(0, left))}${text}`.padEnd(width);
}

function render(s: Section, width: number, depth: number, out: string[]): void {
  const pre = '|'.repeat(depth);
  const inner = width - depth * 2;
  const frame = (line: string): string => `${pre}${line}${pre}`;
  out.push(frame(`+${'-'.repeat(inner - 2)}+`.replace(/^\+|\+$/g, depth === 0 ? '-' : '+')));
  out.push(frame(`|${center(s.title, inner - 2)}|`));
  const cols = Math.max(s.headers.length, ...s.rows.map((r) => r.length), 0);
  if (cols > 0) {
    const base = Array.from({ length: cols }, (_, i) => Math.max((s.headers[i] ?? '').length, ...s.rows.map((r) => (r[i] ?? '').length)) + 4);
    // Spread the spare width over the columns, as the CLI stretches tables to the widest one.
    let spare = inner - 1 - base.reduce((a, b) => a + b + 1, 0);
    for (let i = 0; spare > 0; i = (i + 1) % cols, spare--) base[i] = (base[i] ?? 0) + 1;
    const rule = frame(`+${base.map((w) => '-'.repeat(w)).join('+')}+`);
    out.push(rule);
    if (s.headers.length > 0) {
      out.push(frame(`|${base.map((w, i) => center(s.headers[i] ?? '', w)).join('|')}|`));
      out.push(rule);
    }
    for (const r of s.rows) out.push(frame(`|${base.map((w, i) => `  ${r[i] ?? ''}`.padEnd(w)).join('|')}|`));
    out.push(rule);
  }
  for (const c of s.children) render(c, width, depth + 1, out);
}

/** Formats a response as the CLI's table output, titled with the operation name. */
export function formatTable(value: unknown, title: string): string {
  if (isObject(value) && Object.keys(value).length === 0) return '';
  const s = build(title, value);
  const width = need(s, 0);
  const out: string[] = [];
  render(s, width, 0, out);
  return `${out.join('\n')}\n`;
}
