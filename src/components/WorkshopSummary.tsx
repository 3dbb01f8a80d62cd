/**
 * The completion summary a participant can show at the end of a workshop: each exercise of the
 * track, solved or not, when, and a checksum of the answers this browser keeps, with an overall
 * checksum, Copy summary (plain text) and Print. The logic lives in src/lib/workshop-summary.ts.
 */
import { useEffect, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { $progress, loadProgress } from '../stores/progress.ts';
import { $documents } from '../stores/documents.ts';
import {
  buildSummary,
  CHECKSUM_MEANING,
  shortChecksum,
  summaryText,
} from '../lib/workshop-summary.ts';
import type { SummaryExercise, WorkshopSummary as Summary } from '../lib/workshop-summary.ts';
import { carryWorkshopParams } from '../lib/workshop-mode.ts';
import './WorkshopSummary.css';

/** An exercise of the track with the link to it. */
export interface WorkshopSummaryExercise extends SummaryExercise {
  href: string;
}

interface Props {
  workshopId: string;
  workshopTitle: string;
  exercises: WorkshopSummaryExercise[];
}

/** A time in the participant's own time zone, e.g. "29 Nov 2026, 14:05". */
function localTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The saved terminal of each terminal exercise (`rolelab:terminal:exercise-<id>`), raw. */
function savedTerminals(exercises: SummaryExercise[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const ex of exercises.filter((e) => e.terminal)) {
    try {
      out[ex.id] = localStorage.getItem(`rolelab:terminal:exercise-${ex.id}`);
    } catch {
      out[ex.id] = null;
    }
  }
  return out;
}

/** Prints the summary alone (the page's print CSS hides the rest while the class is set). */
function printSummary(): void {
  const root = document.documentElement;
  root.classList.add('ws-print-summary');
  window.addEventListener('afterprint', () => root.classList.remove('ws-print-summary'), {
    once: true,
  });
  window.print();
}

export default function WorkshopSummary({ workshopId, workshopTitle, exercises }: Props) {
  const progress = useStore($progress);
  const documents = useStore($documents);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [manualCopy, setManualCopy] = useState<string | null>(null);
  const [search, setSearch] = useState('');

  useEffect(() => {
    loadProgress();
    setSearch(location.search);
  }, []);

  useEffect(() => {
    let current = true;
    if (typeof crypto === 'undefined' || crypto.subtle === undefined) {
      setProblem(
        'This browser cannot compute checksums here (Web Crypto needs a secure connection, https or localhost). Your solved exercises are listed without them.',
      );
    }
    buildSummary(
      { id: workshopId, title: workshopTitle },
      exercises,
      progress,
      documents,
      savedTerminals(exercises),
      new Date(),
    )
      .then((made) => {
        if (current) setSummary(made);
      })
      .catch(() => {
        if (current)
          setProblem(
            'The checksums could not be computed in this browser (Web Crypto needs https or localhost).',
          );
      });
    return () => {
      current = false;
    };
  }, [progress, documents]);

  const copy = async () => {
    if (summary === null) return;
    const text = summaryText(summary, localTime);
    try {
      await navigator.clipboard.writeText(text);
      setManualCopy(null);
      setStatus('Summary copied as plain text.');
    } catch {
      // No clipboard (permissions, insecure page): show the text to copy by hand.
      setManualCopy(text);
      setStatus('Copy the summary from the box below.');
    }
  };

  const solvedCount = exercises.filter(
    (e) => progress.exercises[e.id]?.solvedAt !== undefined,
  ).length;

  return (
    <div class="ws-summary">
      <p class="ws-summary-count">
        <strong>
          Solved {solvedCount} of {exercises.length} exercises
        </strong>{' '}
        in this browser.
      </p>
      <ul class="ws-summary-list">
        {exercises.map((ex) => {
          const record = progress.exercises[ex.id];
          const row = summary?.rows.find((r) => r.id === ex.id);
          const solvedAt = record?.solvedAt;
          return (
            <li
              key={ex.id}
              class={solvedAt !== undefined ? 'ws-solved' : 'ws-open'}
              data-exercise={ex.id}
            >
              <span class="ws-mark" aria-hidden="true">
                {solvedAt !== undefined ? '✓' : '○'}
              </span>
              <div>
                <a href={carryWorkshopParams(ex.href, search)}>{ex.title}</a>
                <p class="ws-state">
                  {solvedAt !== undefined ? (
                    <>
                      <strong>Solved</strong> <time dateTime={solvedAt}>{localTime(solvedAt)}</time>{' '}
                      <span class="ws-iso">({solvedAt})</span>
                    </>
                  ) : record !== undefined && record.attempts > 0 ? (
                    <>
                      <strong>Not solved yet</strong> ({record.attempts}{' '}
                      {record.attempts === 1 ? 'check' : 'checks'})
                    </>
                  ) : (
                    <strong>Not started</strong>
                  )}
                </p>
                <p class="ws-checksum">
                  Checksum{' '}
                  {row ? (
                    <code
                      title={row.checksum}
                      aria-label={`checksum ${shortChecksum(row.checksum)}`}
                    >
                      {shortChecksum(row.checksum)}
                    </code>
                  ) : (
                    <span class="ws-pending">
                      {problem === null ? 'computing…' : 'unavailable'}
                    </span>
                  )}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
      <p class="ws-overall">
        Overall checksum (SHA-256):{' '}
        {summary ? (
          <code class="ws-overall-value">{summary.overall}</code>
        ) : (
          <span class="ws-pending">{problem === null ? 'computing…' : 'unavailable'}</span>
        )}
      </p>
      <p class="ws-meaning">{CHECKSUM_MEANING}</p>
      {problem !== null && (
        <p class="ws-problem" role="alert">
          {problem}
        </p>
      )}
      <div class="ws-actions">
        <button
          type="button"
          class="button"
          onClick={() => void copy()}
          disabled={summary === null}
        >
          Copy summary
        </button>
        <button type="button" class="button secondary" onClick={printSummary}>
          Print
        </button>
        <span class="ws-status" role="status">
          {status}
        </span>
      </div>
      {manualCopy !== null && (
        <textarea
          class="ws-manual"
          aria-label="Completion summary as text"
          readOnly
          rows={10}
          value={manualCopy}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}
