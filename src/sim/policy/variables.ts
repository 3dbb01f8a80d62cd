/**
 * Policy variables (`${aws:username}`): finding them, and masking them so that the colons inside
 * a variable do not confuse ARN splitting.
 */

/** A `${…}` occurrence. Special forms `${*}`, `${?}`, `${$}` and defaults `${k, 'v'}` included. */
const VARIABLE = /\$\{[^}]*\}/g;

/** True when the text contains at least one `${…}` policy variable. */
export function hasVariable(text: string): boolean {
  return text.includes('${') && /\$\{[^}]*\}/.test(text);
}

/**
 * Replaces every variable with a same-length run of `_`, keeping offsets, so the text can be
 * split on `:` without cutting a variable such as `${aws:PrincipalAccount}` in two.
 */
export function maskVariables(text: string): string {
  return text.replace(VARIABLE, (m) => '_'.repeat(m.length));
}

/** Offsets `[start, end)` of every variable in the text. */
export function variableSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(VARIABLE)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}
