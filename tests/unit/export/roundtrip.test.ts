/**
 * For every exercise's solution, the exported build script, replayed line by line in Rolelab's
 * CLI emulator on a world holding only the same accounts, rebuilds a world in which every check
 * and prediction gets the same outcome as in the exercise itself.
 *
 * Terminal tasks are left out of the replay: their world is the learner's typed commands, which
 * the export copies verbatim (they ran in the simulated terminal, whose files and host the
 * script cannot recreate); the test checks they are there.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gradeExercise, parseExercise } from '../../../src/exercises/index.ts';
import type { Exercise, GradeResult } from '../../../src/exercises/index.ts';
import { exportExercise } from '../../../src/exercises/export/index.ts';
import { replayBuild } from './replay.ts';

const dir = resolve(import.meta.dirname, '../../../content/exercises');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('_'));

function load(file: string): Exercise {
  const parsed = parseExercise(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.exercise;
}

/** Each check's and question's outcome, in words, for comparing two gradings. */
function outcomes(r: GradeResult): string[] {
  return [
    ...r.checks.map(
      (c) =>
        `${c.description}: ${c.got === undefined ? `not made (${c.reason ?? ''})` : c.got.outcome === 'allowed' ? 'allowed' : c.got.code}`,
    ),
    ...r.predictions.map((p) => `${p.question}: ${p.engine ?? 'none'}`),
  ];
}

describe('export round trip: the build script rebuilds a world with the same decisions', () => {
  for (const file of files) {
    const exercise = load(file);
    if (exercise.terminal !== undefined) {
      it(`${file}: a terminal task's commands are copied into the build script`, () => {
        const out = exportExercise(exercise, exercise.solution);
        const firstAws = (exercise.solution['terminal'] ?? '')
          .split('\n')
          .find((l) => l.startsWith('aws '));
        expect(firstAws).toBeDefined();
        expect(out.build.text).toContain('# == Your terminal commands, as you typed them ==');
        expect(out.build.text).toContain((firstAws ?? '').split(' ').slice(0, 3).join(' '));
      });
      continue;
    }
    it(`${file}`, () => {
      const out = exportExercise(exercise, exercise.solution);
      expect(out.unplaced).toEqual([]);
      const { world, failed } = replayBuild(exercise.world, out.build.text);
      expect(failed).toEqual([]);
      const answers = Object.fromEntries(
        (exercise.predict ?? []).map((q) => [q.id, 'allowed' as const]),
      );
      const original = gradeExercise(exercise, exercise.solution, answers);
      // The rebuilt world already holds the documents: grade it with nothing left to install.
      const rebuilt = gradeExercise({ ...exercise, editable: [] }, {}, answers, { world });
      expect(outcomes(rebuilt)).toEqual(outcomes(original));
    });
  }
});

describe('the round trip can fail', () => {
  it('notices a build script that leaves out the learner’s policy', () => {
    const exercise = load('least-privilege-photos.json');
    const out = exportExercise(exercise, exercise.solution);
    const cut = out.build.text
      .split('\n')
      .filter((l) => !l.startsWith('aws iam put-role-policy'))
      .join('\n');
    const { world } = replayBuild(exercise.world, cut);
    const original = gradeExercise(exercise, exercise.solution);
    const rebuilt = gradeExercise({ ...exercise, editable: [] }, {}, {}, { world });
    expect(outcomes(rebuilt)).not.toEqual(outcomes(original));
  });
});

describe('cleanup.sh undoes build.sh', () => {
  for (const file of files) {
    const exercise = load(file);
    if (exercise.terminal !== undefined) continue;
    it(`${file}: no role, user, group, customer policy, bucket or function of the build is left`, () => {
      const out = exportExercise(exercise, exercise.solution);
      const { world } = replayBuild(exercise.world, out.build.text);
      const cleanup = out.cleanup.text.replace(/^# ---- commands ----$/m, '# ---- build ----');
      const after = replayBuild(exercise.world, cleanup, world);
      expect(after.failed).toEqual([]);
      for (const a of exercise.world.accounts) {
        const acct = after.world.accounts[a.id];
        expect(
          Object.keys(acct?.iam.roles ?? {}).filter((r) => !r.startsWith('AWSServiceRole')),
        ).toEqual([]);
        expect(Object.keys(acct?.iam.users ?? {})).toEqual(['rolelab-export-admin']);
        expect(Object.keys(acct?.iam.groups ?? {})).toEqual([]);
        expect(Object.keys(acct?.iam.policies ?? {})).toEqual([]);
      }
      expect(Object.keys(after.world.s3.buckets)).toEqual([]);
      expect(Object.keys(after.world.lambda.functions)).toEqual([]);
    });
  }
});
