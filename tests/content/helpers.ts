/** Shared by the per-lesson exercise tests: load an exercise file and read its check results. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isPredictionChoice, parseExercise } from '../../src/exercises/index.ts';
import type { CheckResult, Exercise, PredictionChoice } from '../../src/exercises/index.ts';

/** Loads and validates `content/exercises/<id>.json`; throws with the schema errors if invalid. */
export function loadExercise(id: string): Exercise {
  const file = resolve(import.meta.dirname, `../../content/exercises/${id}.json`);
  const parsed = parseExercise(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(`${id}: ${JSON.stringify(parsed.errors)}`);
  return parsed.exercise;
}

/** The check whose description contains `text`; throws when none does. */
export function findCheck(checks: CheckResult[], text: string): CheckResult {
  const found = checks.find((c) => c.description.includes(text));
  if (found === undefined) throw new Error(`no check mentions "${text}"`);
  return found;
}

/** The error code and message of a check, or "allowed", or why it did not run. */
export function outcome(check: CheckResult): string {
  const got = check.got;
  if (got === undefined) return `did not run: ${check.reason ?? ''}`;
  return got.outcome === 'allowed' ? 'allowed' : `${got.code}: ${got.message}`;
}

/** The prediction answers an exercise's solution gives, by question id. */
export function solutionAnswers(ex: Exercise): Record<string, PredictionChoice> {
  const out: Record<string, PredictionChoice> = {};
  for (const q of ex.predict ?? []) {
    const answer = ex.solution[q.id];
    if (isPredictionChoice(answer)) out[q.id] = answer;
  }
  return out;
}
