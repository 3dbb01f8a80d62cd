/**
 * The browser grades an exercise with only the code prepareGrading loaded for it (the services
 * its checks call, the MFA authenticator, the policy review). For every exercise, a fresh copy
 * of the grader — nothing loaded — is prepared for it and must grade the solution, the starter
 * and each listed wrong answer exactly as the grader with everything loaded does (the setup
 * file loads everything for the other tests, and for the reference grading here).
 */
import { describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gradeExercise, parseExercise } from '../../src/exercises/index.ts';
import type { Exercise } from '../../src/exercises/index.ts';
import { SERVICE_NAMES } from '../../src/sim/services/registry.ts';
import { solutionAnswers } from './helpers.ts';

const dir = resolve(import.meta.dirname, '../../content/exercises');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('_'));

function load(file: string): Exercise {
  const parsed = parseExercise(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  if (!parsed.ok) throw new Error(`${file}:\n${parsed.errors.join('\n')}`);
  return parsed.exercise;
}

/** A grader and service registry with nothing loaded, as on a page before the first Check. */
async function freshGrader() {
  vi.resetModules();
  const grade = await import('../../src/exercises/grade.ts');
  const registry = await import('../../src/sim/services/registry.ts');
  const needs = await import('../../src/exercises/needs.ts');
  return { ...grade, ...registry, ...needs };
}

describe('grading with only what prepareGrading loads', () => {
  for (const file of files) {
    const id = file.replace(/\.json$/, '');
    it(`${id}: grades as with everything loaded`, async () => {
      const ex = load(file);
      const fresh = await freshGrader();
      expect(SERVICE_NAMES.filter((s) => fresh.isServiceLoaded(s))).toEqual([]);
      await fresh.prepareGrading(ex);
      // Exactly the services servicesFor names are loaded, no more.
      expect(SERVICE_NAMES.filter((s) => fresh.isServiceLoaded(s)).sort()).toEqual(
        fresh.servicesFor(ex).sort(),
      );
      const answers = solutionAnswers(ex);
      const inputs = [ex.solution, {}, ...(ex.wrongAnswers ?? []).map((w) => w.documents)];
      for (const documents of inputs) {
        const lazily = fresh.gradeExercise(ex, documents, answers);
        // Nothing was missing (the reference grading could be missing the same thing).
        expect(JSON.stringify(lazily)).not.toMatch(/not loaded|has not loaded|grader failed/);
        expect(lazily).toEqual(gradeExercise(ex, documents, answers));
      }
    });
  }

  it('loads only IAM and STS for an exercise on a trust policy', async () => {
    const fresh = await freshGrader();
    await fresh.prepareGrading(load('trust-a-named-user.json'));
    expect(SERVICE_NAMES.filter((s) => fresh.isServiceLoaded(s))).toEqual(['iam', 'sts']);
  });

  it('grades a check of a service that was not loaded as a failure that says so', async () => {
    const fresh = await freshGrader();
    const ex = load('trust-a-named-user.json');
    const result = fresh.gradeExercise(ex, ex.solution);
    expect(result.solved).toBe(false);
    expect(result.documents.some((d) => d.rejection?.includes('has not loaded iam yet'))).toBe(
      true,
    );
  });
});
