/**
 * The progress page's island: every lesson and exercise with the learner's status, a link to
 * continue where they left off, and export / import / reset of their progress and documents.
 */
import { useEffect, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { $progress, $progressNotice, asExerciseProgress, dismissProgressNotice, loadProgress, mergeProgress, replaceProgress, PROGRESS_VERSION } from '../stores/progress.ts';
import type { ExerciseProgress, Progress } from '../stores/progress.ts';
import { $documents, saveDocument } from '../stores/documents.ts';
import { progressFile, readProgressFile } from '../lib/progress-file.ts';
import './ProgressPanel.css';

/** A lesson as the page lists it. */
export interface ProgressLesson {
  slug: string;
  title: string;
  order: number;
  href: string;
  exercises: { id: string; title: string; href: string }[];
}

interface Props {
  lessons: ProgressLesson[];
}

function when(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

function statusOf(p: ExerciseProgress | undefined): { mark: string; text: string; state: 'solved' | 'tried' | 'new' } {
  if (p?.solvedAt !== undefined) return { mark: '✓', text: `Solved ${when(p.solvedAt)} (${p.attempts} ${p.attempts === 1 ? 'check' : 'checks'})`, state: 'solved' };
  if (p !== undefined && p.attempts > 0) return { mark: '…', text: `Tried ${p.attempts} ${p.attempts === 1 ? 'time' : 'times'}, not solved yet`, state: 'tried' };
  return { mark: '○', text: 'Not started', state: 'new' };
}

export default function ProgressPanel({ lessons }: Props) {
  const progress = useStore($progress);
  const notice = useStore($progressNotice);
  const documents = useStore($documents);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);

  useEffect(() => {
    loadProgress();
  }, []);

  const all = lessons.flatMap((l) => l.exercises);
  const solved = all.filter((e) => progress.exercises[e.id]?.solvedAt !== undefined).length;
  const last = progress.lastLesson === undefined ? undefined : lessons.find((l) => l.slug === progress.lastLesson?.slug);
  // The first exercise not solved yet, in curriculum order, is the natural next step.
  const nextExercise = all.find((e) => progress.exercises[e.id]?.solvedAt === undefined);

  const exportFile = (): void => {
    const file = progressFile(progress, documents);
    const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `rolelab-progress-${file.exportedAt.slice(0, 10)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setMessage({ text: `Exported ${Object.keys(file.progress.exercises).length} exercise records and ${Object.keys(file.documents).length} documents to ${a.download}.`, error: false });
  };

  const importFile = async (e: Event): Promise<void> => {
    const inputEl = e.currentTarget as HTMLInputElement;
    const chosen = inputEl.files?.[0];
    inputEl.value = '';
    if (chosen === undefined) return;
    if (chosen.size > 5_000_000) {
      setMessage({ text: 'That file is larger than any Rolelab export (5 MB), so it was not read.', error: true });
      return;
    }
    const read = readProgressFile(await chosen.text());
    if ('error' in read) {
      setMessage({ text: read.error, error: true });
      return;
    }
    const exercises: Record<string, ExerciseProgress> = {};
    for (const [id, record] of Object.entries(read.file.progress.exercises)) {
      const e = asExerciseProgress(record);
      if (e !== null) exercises[id] = e;
    }
    const lastLesson = read.file.progress.lastLesson;
    const incoming: Progress = lastLesson === undefined ? { version: PROGRESS_VERSION, exercises } : { version: PROGRESS_VERSION, exercises, lastLesson };
    replaceProgress(mergeProgress(loadProgress(), incoming));
    for (const [id, text] of Object.entries(read.file.documents)) saveDocument(id, text);
    setMessage({ text: `Imported ${Object.keys(read.file.progress.exercises).length} exercise records and ${Object.keys(read.file.documents).length} documents from ${chosen.name}.`, error: false });
  };

  const reset = (): void => {
    replaceProgress({ version: PROGRESS_VERSION, exercises: {} });
    setConfirmReset(false);
    setMessage({ text: 'Progress reset. Your edited documents are kept; each exercise’s Reset button clears its own.', error: false });
  };

  return (
    <div class="progress-panel">
      {notice !== null && (
        <div class="progress-notice" role="status">
          <p>{notice}</p>
          <button type="button" class="button secondary" onClick={dismissProgressNotice}>
            Dismiss
          </button>
        </div>
      )}
      <section aria-labelledby="progress-summary">
        <h2 id="progress-summary">Where you are</h2>
        <p class="progress-count">
          <strong>{solved}</strong> of {all.length} exercises solved
        </p>
        <progress max={all.length} value={solved} aria-label="Exercises solved">
          {solved} of {all.length}
        </progress>
        <ul class="progress-next">
          {last !== undefined && (
            <li>
              Continue where you left off: <a href={last.href}>{last.title}</a>
            </li>
          )}
          {nextExercise !== undefined && (
            <li>
              Next exercise to solve: <a href={nextExercise.href}>{nextExercise.title}</a>
            </li>
          )}
          {nextExercise === undefined && all.length > 0 && <li>Every exercise is solved. Well done.</li>}
        </ul>
      </section>

      <section aria-labelledby="progress-lessons">
        <h2 id="progress-lessons">Lessons and exercises</h2>
        {lessons.map((l) => {
          const done = l.exercises.filter((e) => progress.exercises[e.id]?.solvedAt !== undefined).length;
          return (
            <div class="progress-lesson" key={l.slug}>
              <h3>
                <a href={l.href}>
                  {l.order}. {l.title}
                </a>{' '}
                <span class="progress-lesson-count">
                  ({done} of {l.exercises.length} solved)
                </span>
              </h3>
              <ul>
                {l.exercises.map((e) => {
                  const s = statusOf(progress.exercises[e.id]);
                  return (
                    <li key={e.id} class={`progress-ex progress-${s.state}`}>
                      <span class="progress-mark" aria-hidden="true">
                        {s.mark}
                      </span>
                      <span>
                        <a href={e.href}>{e.title}</a> <span class="progress-status">— {s.text}</span>
                      </span>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </section>

      <section aria-labelledby="progress-file">
        <h2 id="progress-file">Keep or move your progress</h2>
        <p>Your progress and your edited policies live only in this browser. Export them to a file to keep a copy or to continue on another device; importing adds the file’s progress to what is here.</p>
        <div class="progress-actions">
          <button type="button" class="button" onClick={exportFile}>
            Export progress
          </button>
          <label class="button secondary progress-import">
            Import progress from a file
            <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e)} />
          </label>
          {confirmReset ? (
            <span class="progress-confirm">
              <button type="button" class="button danger" onClick={reset}>
                Yes, forget my progress
              </button>
              <button type="button" class="button secondary" onClick={() => setConfirmReset(false)}>
                Keep it
              </button>
            </span>
          ) : (
            <button type="button" class="button secondary" onClick={() => setConfirmReset(true)}>
              Reset progress…
            </button>
          )}
        </div>
        <p class={message?.error === true ? 'progress-message progress-error' : 'progress-message'} role="status" aria-live="polite">
          {message?.error === true && <strong>Import failed: </strong>}
          {message?.text ?? ''}
        </p>
      </section>
    </div>
  );
}
