/**
 * Names: botocore's `xform_name`, which turns API names into CLI names (`AssumeRole` →
 * `assume-role`, `CreateVirtualMFADevice` → `create-virtual-mfa-device`, `ListObjectsV2` →
 * `list-objects-v2`), and edit distance for "maybe you meant".
 */

/** botocore's xform_name with `-` as the separator. */
export function kebab(name: string): string {
  let n = name;
  // botocore: a trailing plural acronym (`ARNs`) becomes one word (`-arns`).
  const special = /[A-Z]{2,}s$/.exec(n);
  if (special !== null) n = `${n.slice(0, -special[0].length)}-${special[0].toLowerCase()}`;
  const s1 = n.replace(/(.)([A-Z][a-z]+)/g, '$1-$2');
  return s1.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** Levenshtein distance (small strings only). */
export function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

/**
 * The choices close to `word`, as the CLI's "maybe you meant" lists them: difflib's
 * `get_close_matches(word, choices, n=3, cutoff=0.8)`, with the similarity ratio
 * approximated from the edit distance (2·matches / total length).
 */
export function closeMatches(word: string, choices: readonly string[], max = 3): string[] {
  return choices
    .map((c) => ({ c, r: (word.length + c.length - distance(word, c)) / Math.max(1, word.length + c.length) }))
    .filter(({ r }) => r >= 0.8)
    .sort((x, y) => y.r - x.r)
    .slice(0, max)
    .map(({ c }) => c);
}
