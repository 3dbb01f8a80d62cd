/**
 * Grading a terminal task from its commands: replay them, one line at a time, in a fresh
 * session on the exercise's world (as the learner's terminal would have started), then grade
 * that world. The content test uses it to prove a terminal task's solution works and its wrong
 * answers do not; the browser grades the learner's live world instead and never loads this.
 */
import { createWorldUnchecked } from '../sim/world/create-unchecked.ts';
import type { World } from '../sim/world/types.ts';
import { sessionFromSetup } from '../sim/cli/setup.ts';
import { runLine } from '../sim/cli/shell/run-line.ts';
import { gradeExercise } from './grade.ts';
import type { GradeResult } from './result.ts';
import type { PredictionChoice } from './choices.ts';
import { TERMINAL_ID } from './terminal-id.ts';
import type { Exercise } from './schema.ts';

/** One replayed line and what it printed. */
export interface ReplayedLine {
  line: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** The world after typing `commands` (one per line) in the exercise's terminal, and the transcript. */
export function replayTerminal(exercise: Exercise, commands: string): { world: World; transcript: ReplayedLine[] } {
  const world = createWorldUnchecked(exercise.world);
  const session = sessionFromSetup(world, exercise.terminal ?? {});
  const transcript: ReplayedLine[] = [];
  for (const line of commands.split('\n')) {
    const r = runLine(session, line);
    transcript.push({ line, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode });
  }
  return { world: session.world, transcript };
}

/**
 * Grades an exercise from texts: documents by editable id, and for a terminal task its commands
 * under `terminal` (replayed first; absent means nothing was typed).
 */
export function gradeWithCommands(exercise: Exercise, documents: Readonly<Record<string, string>>, answers: Readonly<Record<string, PredictionChoice>> = {}): GradeResult {
  if (exercise.terminal === undefined) return gradeExercise(exercise, documents, answers);
  const { world } = replayTerminal(exercise, documents[TERMINAL_ID] ?? '');
  return gradeExercise(exercise, documents, answers, { world });
}
