/**
 * The learner's progress: for each exercise, how many times it was checked and when it was
 * first solved. Kept in localStorage, so it survives reloads; the progress page and the lesson
 * sidebar read it.
 */
import { persistentMap } from '@nanostores/persistent';

/** One exercise's record, stored as JSON text. */
export interface ExerciseProgress {
  attempts: number;
  /** ISO time of the first solve, when solved. */
  solvedAt?: string;
}

/** Progress by exercise id; values are JSON, and anything unreadable counts as no progress. */
export const $progress = persistentMap<Record<string, string | undefined>>('rolelab:progress:', {});

/** Reads one exercise's record; a corrupt stored value reads as a fresh start instead of failing. */
export function exerciseProgress(id: string): ExerciseProgress {
  const raw = $progress.get()[id];
  if (typeof raw !== 'string') return { attempts: 0 };
  try {
    const value: unknown = JSON.parse(raw);
    if (value !== null && typeof value === 'object' && typeof (value as ExerciseProgress).attempts === 'number') return value as ExerciseProgress;
  } catch {
    // Fall through: a hand-edited or truncated value must not break the page.
  }
  return { attempts: 0 };
}

/** Records a Check: one more attempt, and the first solve time when it passed. */
export function markAttempt(id: string, solved: boolean, now: Date = new Date()): void {
  const previous = exerciseProgress(id);
  const next: ExerciseProgress = { attempts: previous.attempts + 1 };
  const solvedAt = previous.solvedAt ?? (solved ? now.toISOString() : undefined);
  if (solvedAt !== undefined) next.solvedAt = solvedAt;
  $progress.setKey(id, JSON.stringify(next));
}
