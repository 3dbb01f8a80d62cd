/**
 * Validating an exercise outside Astro (tests, tools, the playground) with errors a person
 * reads: one line per problem, naming the field as a path (`checks[2].actor.user: …`).
 */
import type { z } from 'astro/zod';
import { exerciseSchema } from './schema.ts';
import type { Exercise } from './schema.ts';

/** A validated exercise, or the problems that stop it. */
export type ExerciseParse = { ok: true; exercise: Exercise } | { ok: false; errors: string[] };

/** `checks[2].actor.user` from zod's path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  return out === '' ? '(the exercise)' : out;
}

/** One readable line per zod issue. */
export function friendlyIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`);
}

/** Validates an exercise value (the parsed JSON of its file). Never throws. */
export function parseExercise(value: unknown): ExerciseParse {
  const result = exerciseSchema.safeParse(value);
  return result.success
    ? { ok: true, exercise: result.data }
    : { ok: false, errors: friendlyIssues(result.error) };
}
