/**
 * Every exercise in content/exercises is valid, solvable and not solved by accident: its
 * solution passes every check (and its least-privilege rules), its starter fails at least one
 * check, and each wrong answer its file lists (`wrongAnswers`: the mistakes learners actually
 * make) fails.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  expectsAllowed,
  parseExercise,
  PREDICTION_CHOICES,
} from '../../src/exercises/index.ts';
import type { Exercise } from '../../src/exercises/index.ts';
// Terminal tasks are graded on the world their commands leave (`terminal` in the texts).
import { gradeWithCommands } from '../../src/exercises/terminal-replay.ts';
import { solutionAnswers } from './helpers.ts';

const dir = resolve(import.meta.dirname, '../../content/exercises');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('_'));

/** Whether an exercise has documents for the learner to edit (a prediction-only one has none). */
const hasEdits = (ex: Exercise): boolean =>
  ex.terminal !== undefined || ex.editable.some((e) => e.readOnly !== true);

/** Loads and validates one exercise file. */
function load(file: string): Exercise {
  const parsed = parseExercise(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  if (!parsed.ok) throw new Error(`${file}:\n${parsed.errors.join('\n')}`);
  return parsed.exercise;
}

describe('content/exercises', () => {
  it('has exercises', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of files) {
    const id = file.replace(/\.json$/, '');
    describe(id, () => {
      it('fits the schema', () => {
        const parsed = parseExercise(JSON.parse(readFileSync(join(dir, file), 'utf8')));
        expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      });

      it('has checks (or predictions) that must be allowed and ones that must stay denied', () => {
        const ex = load(file);
        const outcomes = [
          ...ex.checks.map((c) => (expectsAllowed(c.expect) ? 'allowed' : 'denied')),
          ...Object.values(solutionAnswers(ex)).map((a) => (a === 'allowed' ? 'allowed' : 'denied')),
        ];
        expect(outcomes).toContain('allowed');
        expect(outcomes).toContain('denied');
      });

      it('is solved by its solution: every check passes, no lint finding', () => {
        const ex = load(file);
        const result = gradeWithCommands(ex, ex.solution, solutionAnswers(ex));
        expect(result.documents.every((d) => d.installed)).toBe(true);
        expect(
          result.checks
            .filter((c) => !c.passed)
            .map((c) => `${c.description}: ${c.reason ?? JSON.stringify(c.got)}`),
        ).toEqual([]);
        expect(result.lint).toEqual([]);
        expect(result.solved).toBe(true);
        if (ex.predict === undefined)
          expect(result.summary).toBe(`${result.total} of ${result.total} checks passed`);
      });

      // The author's answers are checked against the engine, so a mistaken belief about AWS
      // in a prediction exercise fails here instead of teaching it.
      for (const q of load(file).predict ?? []) {
        it(`prediction "${q.id}": the engine agrees with the solution, and other answers fail`, () => {
          const ex = load(file);
          const right = solutionAnswers(ex);
          const mine = gradeWithCommands(ex, ex.solution, right).predictions.find(
            (p) => p.id === q.id,
          );
          expect(mine?.engine, mine?.reason ?? mine?.explanation?.summary).toBe(right[q.id]);
          expect(mine?.passed).toBe(true);
          for (const other of PREDICTION_CHOICES.filter((c) => c !== right[q.id])) {
            const graded = gradeWithCommands(ex, ex.solution, { ...right, [q.id]: other });
            expect(graded.solved).toBe(false);
          }
        });
      }

      it('is not solved by its starter', () => {
        const ex = load(file);
        const result = gradeWithCommands(ex, {});
        expect(result.passedCount).toBeLessThan(result.total);
        expect(result.solved).toBe(false);
      });

      const own = load(file).wrongAnswers ?? [];
      it('lists at least two wrong answers (none when there is nothing to edit)', () => {
        const ex = load(file);
        if (hasEdits(ex)) expect(own.length).toBeGreaterThanOrEqual(2);
        else expect(own).toEqual([]);
      });
      for (const answer of own) {
        it(`is not solved by its listed wrong answer: ${answer.description}`, () => {
          const ex = load(file);
          const result = gradeWithCommands(ex, answer.documents, solutionAnswers(ex));
          expect(result.solved).toBe(false);
          expect(result.passedCount < result.total || result.lint.length > 0).toBe(true);
        });
      }
    });
  }
});
