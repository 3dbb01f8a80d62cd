/** "Did you mean …?" suggestions by edit distance. */

/** Levenshtein distance between two strings, compared case-insensitively. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[t.length] ?? Math.max(s.length, t.length);
}

/**
 * The candidate closest to `word`, or undefined when none is close enough to be a plausible
 * typo (distance at most a third of the word's length, and at least 1 allowed; a candidate that
 * starts with the word, like `GetObj` → `GetObject`, also counts).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lower = word.toLowerCase();
  for (const candidate of list) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= limit) return best;
  // A prefix of a longer name is a likely "I stopped typing" mistake.
  if (lower.length >= 3) {
    for (const candidate of list) if (candidate.toLowerCase().startsWith(lower)) return candidate;
  }
  return undefined;
}

/** ` Did you mean X?` or the empty string, for appending to a message. */
export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : ` Did you mean ${suggestion}?`;
}
