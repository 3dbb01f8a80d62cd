/**
 * The workshop tracks in content/workshops fit their schema, point only at lessons and exercises
 * that exist, and keep their timings honest: the segments add up to the track's stated length,
 * the introduction takes 90 minutes and the deep dive a half day.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { workshopSchema } from '../../src/schemas/content.ts';

const root = resolve(import.meta.dirname, '../../content');
const jsonFiles = (sub: string) =>
  readdirSync(join(root, sub)).filter((f) => f.endsWith('.json') && !f.startsWith('_'));
const workshopFiles = jsonFiles('workshops');
const exerciseIds = new Set(jsonFiles('exercises').map((f) => f.replace(/\.json$/, '')));
// A lesson's id is its file name without the order prefix: 03-roles-for-ec2.mdx → roles-for-ec2.
const lessonIds = new Set(
  readdirSync(join(root, 'lessons'))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.replace(/\.mdx$/, '').replace(/^\d+-/, '')),
);

const load = (file: string) =>
  workshopSchema.parse(JSON.parse(readFileSync(join(root, 'workshops', file), 'utf8')));

describe('workshop tracks', () => {
  it('has the two tracks the site promises', () => {
    expect(workshopFiles.sort()).toEqual(['deep-dive.json', 'intro-90.json']);
  });

  for (const file of workshopFiles) {
    describe(file, () => {
      it('fits the schema', () => {
        expect(() => load(file)).not.toThrow();
      });

      it('names only lessons and exercises that exist', () => {
        const w = load(file);
        for (const s of w.segments) {
          for (const id of s.lessons) expect(lessonIds, `${s.title}: lesson ${id}`).toContain(id);
          for (const id of s.exercises)
            expect(exerciseIds, `${s.title}: exercise ${id}`).toContain(id);
        }
      });

      it('has segments that add up to the stated length', () => {
        const w = load(file);
        expect(w.segments.reduce((sum, s) => sum + s.minutes, 0)).toBe(w.minutes);
      });

      it('gives every working session instructor notes and lists no exercise twice', () => {
        const w = load(file);
        const sessions = w.segments.filter((s) => s.kind === 'session');
        for (const s of sessions) expect(s.notes, s.title).toBeDefined();
        const ids = w.segments.flatMap((s) => s.exercises);
        expect(new Set(ids).size).toBe(ids.length);
      });
    });
  }

  it('runs the introduction in 90 minutes and the deep dive in a half day (3.5 to 4 hours)', () => {
    expect(load('intro-90.json').minutes).toBe(90);
    const deep = load('deep-dive.json');
    expect(deep.minutes).toBeGreaterThanOrEqual(210);
    expect(deep.minutes).toBeLessThanOrEqual(240);
  });

  it('covers all seven lessons in the deep dive', () => {
    const covered = new Set(load('deep-dive.json').segments.flatMap((s) => s.lessons));
    expect([...lessonIds].filter((id) => !covered.has(id))).toEqual([]);
  });

  it('rejects a track whose timings do not add up, an unknown field, and a session without notes', () => {
    const good = JSON.parse(
      readFileSync(join(root, 'workshops', 'intro-90.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(workshopSchema.safeParse({ ...good, minutes: 95 }).success).toBe(false);
    expect(workshopSchema.safeParse({ ...good, extra: true }).success).toBe(false);
    const segments = (good['segments'] as Record<string, unknown>[]).map((s, i) =>
      i === 0 ? { ...s, notes: undefined } : s,
    );
    expect(workshopSchema.safeParse({ ...good, segments }).success).toBe(false);
  });
});
