/**
 * Shell quoting for the exported scripts. A template's tokens become `${ACCOUNT_1}` /
 * `${BUCKET_SUFFIX}` inside double quotes; everything else is quoted so bash expands nothing —
 * in particular not the policy variables (`${aws:username}`) a document may hold.
 */
import { TOKEN_PATTERN } from './model.ts';

const BARE = /^[\w@%+=:,./-]+$/;

/** Single-quotes a literal string for bash (a `'` becomes `'\''`). */
export function singleQuoted(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** One shell word for a template: bare when safe, else quoted, tokens as variables. */
export function shellWord(template: string): string {
  const hasToken = new RegExp(TOKEN_PATTERN.source).test(template);
  if (!hasToken) return BARE.test(template) ? template : singleQuoted(template);
  let out = '';
  let last = 0;
  for (const m of template.matchAll(new RegExp(TOKEN_PATTERN.source, 'g'))) {
    out += template.slice(last, m.index).replace(/[\\"$`]/g, '\\$&');
    out += `\${${m[1] ?? ''}}`;
    last = (m.index ?? 0) + m[0].length;
  }
  out += template.slice(last).replace(/[\\"$`]/g, '\\$&');
  return `"${out}"`;
}

/** A here-document delimiter that no line of `body` equals. */
export function delimiterFor(body: string): string {
  const lines = new Set(body.split('\n').map((l) => l.trim()));
  let d = 'ROLELAB_EOF';
  for (let i = 2; lines.has(d); i++) d = `ROLELAB_EOF_${i}`;
  return d;
}

/** Whether a template holds any token. */
export function hasTokens(template: string): boolean {
  return new RegExp(TOKEN_PATTERN.source).test(template);
}
