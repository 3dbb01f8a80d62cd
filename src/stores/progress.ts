/**
 * The learner's progress: for each exercise, how many times it was checked, when it was last
 * checked and when it was first solved; and the lesson they were last on. One versioned JSON
 * record in localStorage, so it survives reloads and can be exported and imported.
 *
 * Storage is treated as unreliable: a corrupt record or one from an unknown version is set
 * aside with a visible notice (never a crash), the first format (one key per exercise) is
 * migrated, and a full or blocked storage keeps progress in memory for the visit and says so.
 */
import { atom } from 'nanostores';

/** One exercise's record. */
export interface ExerciseProgress {
  attempts: number;
  /** ISO time of the first solve, when solved. */
  solvedAt?: string;
  /** ISO time of the last Check. */
  lastAt?: string;
}

/** Everything kept about the learner's progress. */
export interface Progress {
  version: typeof PROGRESS_VERSION;
  exercises: Record<string, ExerciseProgress>;
  /** The lesson the learner last opened (slug) and when. */
  lastLesson?: { slug: string; at: string };
}

/** The current record format. */
export const PROGRESS_VERSION = 1;
/** Where the record lives. */
export const PROGRESS_KEY = 'rolelab:progress';
/** The first format kept one JSON value per exercise under this prefix. */
const LEGACY_PREFIX = 'rolelab:progress:';

const empty = (): Progress => ({ version: PROGRESS_VERSION, exercises: {} });

/** The progress record, loaded on first use. */
export const $progress = atom<Progress>(empty());
/** A message for the learner about their saved progress (reset, migrated, not saved), or null. */
export const $progressNotice = atom<string | null>(null);

let loaded = false;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** A value read back as an exercise record, or null when it is not one. */
export function asExerciseProgress(value: unknown): ExerciseProgress | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v['attempts'] !== 'number' || !Number.isInteger(v['attempts']) || v['attempts'] < 0) return null;
  const out: ExerciseProgress = { attempts: v['attempts'] };
  if (typeof v['solvedAt'] === 'string' && !Number.isNaN(Date.parse(v['solvedAt']))) out.solvedAt = v['solvedAt'];
  if (typeof v['lastAt'] === 'string' && !Number.isNaN(Date.parse(v['lastAt']))) out.lastAt = v['lastAt'];
  return out;
}

/** Reads a stored record: the progress, or why it could not be used. */
export function parseProgress(text: string): { progress: Progress } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'Your saved progress could not be read, so it was reset.' };
  }
  if (value === null || typeof value !== 'object') return { problem: 'Your saved progress could not be read, so it was reset.' };
  const v = value as Record<string, unknown>;
  if (v['version'] !== PROGRESS_VERSION) return { problem: `Your saved progress is from another version of Rolelab (format ${String(v['version'])}), so it was reset.` };
  const progress = empty();
  const exercises = v['exercises'];
  if (exercises !== null && typeof exercises === 'object') {
    for (const [id, record] of Object.entries(exercises as Record<string, unknown>)) {
      const e = asExerciseProgress(record);
      if (e !== null) progress.exercises[id] = e;
    }
  }
  const last = v['lastLesson'] as Record<string, unknown> | undefined;
  if (last !== undefined && typeof last === 'object' && typeof last['slug'] === 'string' && typeof last['at'] === 'string') progress.lastLesson = { slug: last['slug'], at: last['at'] };
  return { progress };
}

/** Loads the record once (and migrates the first format). Safe to call often. */
export function loadProgress(): Progress {
  if (loaded) return $progress.get();
  loaded = true;
  const store = storage();
  if (store === null) return $progress.get();
  let progress = empty();
  let notice: string | null = null;
  try {
    const raw = store.getItem(PROGRESS_KEY);
    if (raw !== null) {
      const parsed = parseProgress(raw);
      if ('progress' in parsed) progress = parsed.progress;
      else {
        notice = parsed.problem;
        // Keep the unreadable record aside rather than destroying it.
        store.setItem(`${PROGRESS_KEY}.unreadable`, raw);
        store.removeItem(PROGRESS_KEY);
      }
    }
    // The first format: `rolelab:progress:<exercise id>` → {"attempts":…}.
    const legacy: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key !== null && key.startsWith(LEGACY_PREFIX)) legacy.push(key);
    }
    for (const key of legacy) {
      let record: ExerciseProgress | null = null;
      try {
        record = asExerciseProgress(JSON.parse(store.getItem(key) ?? ''));
      } catch {
        record = null;
      }
      const id = key.slice(LEGACY_PREFIX.length);
      if (record !== null && progress.exercises[id] === undefined) progress.exercises[id] = record;
      store.removeItem(key);
    }
    if (legacy.length > 0) store.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    notice = 'This browser blocks local storage, so progress is kept only until you leave the page.';
  }
  $progress.set(progress);
  $progressNotice.set(notice);
  return progress;
}

/** Writes the record; a refusal (quota, privacy mode) becomes a notice, never an exception. */
function save(progress: Progress): void {
  $progress.set(progress);
  const store = storage();
  try {
    store?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    $progressNotice.set('Your progress could not be saved in this browser (storage is full or blocked). It is kept until you leave the page; export it from the progress page to keep it.');
  }
}

/** One exercise's record (no attempts yet when there is none). */
export function exerciseProgress(id: string): ExerciseProgress {
  return loadProgress().exercises[id] ?? { attempts: 0 };
}

/** Records a Check: one more attempt, its time, and the first solve time when it passed. */
export function markAttempt(id: string, solved: boolean, now: Date = new Date()): void {
  const progress = loadProgress();
  const previous = progress.exercises[id] ?? { attempts: 0 };
  const next: ExerciseProgress = { attempts: previous.attempts + 1, lastAt: now.toISOString() };
  const solvedAt = previous.solvedAt ?? (solved ? now.toISOString() : undefined);
  if (solvedAt !== undefined) next.solvedAt = solvedAt;
  save({ ...progress, exercises: { ...progress.exercises, [id]: next } });
}

/** Records that the learner opened a lesson ("continue where you left off"). */
export function markLessonVisit(slug: string, now: Date = new Date()): void {
  save({ ...loadProgress(), lastLesson: { slug, at: now.toISOString() } });
}

/**
 * Merges imported progress into the current record: attempts add up per exercise, the earliest
 * solve wins, the later "last" times win. Importing the same file twice is harmless for solves.
 */
export function mergeProgress(current: Progress, incoming: Progress): Progress {
  const exercises: Record<string, ExerciseProgress> = { ...current.exercises };
  for (const [id, theirs] of Object.entries(incoming.exercises)) {
    const ours = exercises[id];
    if (ours === undefined) {
      exercises[id] = theirs;
      continue;
    }
    const merged: ExerciseProgress = { attempts: Math.max(ours.attempts, theirs.attempts) };
    const solved = [ours.solvedAt, theirs.solvedAt].filter((t): t is string => t !== undefined).sort()[0];
    if (solved !== undefined) merged.solvedAt = solved;
    const last = [ours.lastAt, theirs.lastAt].filter((t): t is string => t !== undefined).sort().pop();
    if (last !== undefined) merged.lastAt = last;
    exercises[id] = merged;
  }
  const lastLesson = [current.lastLesson, incoming.lastLesson].filter((l): l is { slug: string; at: string } => l !== undefined).sort((a, b) => a.at.localeCompare(b.at)).pop();
  return lastLesson === undefined ? { version: PROGRESS_VERSION, exercises } : { version: PROGRESS_VERSION, exercises, lastLesson };
}

/** Replaces the record (import, reset). */
export function replaceProgress(progress: Progress): void {
  loadProgress();
  save(progress);
}

/** Clears the notice once the learner has read it. */
export function dismissProgressNotice(): void {
  $progressNotice.set(null);
}

/** For tests: forget what was loaded so the next call reads storage again. */
export function resetProgressForTests(): void {
  loaded = false;
  $progress.set(empty());
  $progressNotice.set(null);
}
