/**
 * Lesson headings go down one level at a time (## then ###, never ## then ####): screen-reader
 * users navigate by heading level, and Lighthouse's accessibility score counts a skipped level.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'content/lessons';

/** Headings of a lesson's Markdown (outside code fences) that skip a level, as "line N: ## → ####". */
function skippedLevels(text: string): string[] {
  const out: string[] = [];
  let fenced = false;
  let previous = 1; // the page's h1 is the lesson title
  text.split('\n').forEach((line, i) => {
    if (line.startsWith('```')) fenced = !fenced;
    const m = fenced ? null : /^(#{2,6}) /.exec(line);
    if (m === null) return;
    const level = m[1]?.length ?? 0;
    if (level > previous + 1)
      out.push(`line ${i + 1}: h${previous} → h${level} (${line.slice(level + 1, level + 41)})`);
    previous = level;
  });
  return out;
}

describe('lesson headings', () => {
  it('the check itself finds a skipped level', () => {
    expect(skippedLevels('## A\n\n#### B\n')).toHaveLength(1);
    expect(skippedLevels('## A\n\n```\n#### not a heading\n```\n### B\n')).toEqual([]);
  });
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
    it(`${file} never skips a heading level`, () => {
      expect(skippedLevels(readFileSync(join(dir, file), 'utf8'))).toEqual([]);
    });
  }
});
