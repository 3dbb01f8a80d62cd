/**
 * Bench case: grading an exercise's solution and then probing it for least privilege, as the
 * results table does after a Check, for every exercise in content/exercises. The target is well
 * under 50 ms per exercise (a Check must feel instant).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gradeExercise, parseExercise } from '../../src/exercises/index.ts';
import { prepareGrading } from '../../src/exercises/grade.ts';
import type { Exercise } from '../../src/exercises/index.ts';
import { probeExercise } from '../../src/exercises/probe.ts';

/** Grading plus probing must stay under this per exercise (median). */
export const PROBE_BUDGET_MS = 50;

/** One exercise's timings (medians in ms) and what the probe tried. */
export interface ProbeTiming {
  id: string;
  gradeMs: number;
  probeMs: number;
  probed: number;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Every valid exercise of the site, by id. */
function exercises(dir = 'content/exercises'): { id: string; exercise: Exercise }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => {
      const parsed = parseExercise(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      return parsed.ok ? [{ id: f.replace(/\.json$/, ''), exercise: parsed.exercise }] : [];
    });
}

/**
 * Times grade + probe of each exercise's solution over `iterations` runs (after a warm-up run).
 * Each exercise is prepared first, as the page does on Check (its services, helpers and review
 * load then); the loading is not timed.
 */
export async function timeGradeAndProbe(iterations = 15): Promise<ProbeTiming[]> {
  const all = exercises();
  for (const { exercise } of all) await prepareGrading(exercise);
  return all.map(({ id, exercise }) => {
    const grade: number[] = [];
    const probe: number[] = [];
    let probed = 0;
    for (let i = 0; i <= iterations; i++) {
      const t0 = performance.now();
      const graded = gradeExercise(exercise, exercise.solution);
      const t1 = performance.now();
      const report = probeExercise(
        exercise,
        exercise.solution,
        graded.checks.map((c) => c.passed),
      );
      const t2 = performance.now();
      probed = report?.probed ?? 0;
      if (i === 0) continue;
      grade.push(t1 - t0);
      probe.push(t2 - t1);
    }
    return { id, gradeMs: median(grade), probeMs: median(probe), probed };
  });
}
