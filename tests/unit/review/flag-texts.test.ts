/** Every flag code has complete texts, a valid severity and the slug of a lesson that exists. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLAG_CODES, FLAG_TEXTS } from '../../../src/sim/review/index.ts';
import type { FlagCode } from '../../../src/sim/review/index.ts';

// The lessons on disk (`NN-slug.mdx` → slug): a flag must link to a page that is built.
const LESSONS = readdirSync(join(import.meta.dirname, '../../../content/lessons'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, '').replace(/^\d+-/, ''));

describe('flag texts', () => {
  it('covers exactly the flag codes', () => {
    expect(Object.keys(FLAG_TEXTS).sort()).toEqual(Object.keys(FLAG_CODES).sort());
  });

  it.each(Object.keys(FLAG_CODES) as FlagCode[])('%s', (code) => {
    const text = FLAG_TEXTS[code];
    expect(['high', 'medium', 'low']).toContain(text.severity);
    expect(LESSONS).toContain(text.lesson);
    // The title is one sentence; explanation and fix end as sentences too.
    expect(text.title).toMatch(/^[A-Z"a-z].*\.$/);
    expect(text.title.split(/\.\s/).length).toBe(1);
    expect(text.explanation).toMatch(/\.$/);
    expect(text.fix).toMatch(/\.$/);
  });
});
