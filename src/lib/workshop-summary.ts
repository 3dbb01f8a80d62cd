/**
 * The completion summary of a workshop: for each exercise of the track, whether and when the
 * participant solved it, and a SHA-256 checksum of their answers as this browser keeps them.
 *
 * What the stores keep, and so what a checksum covers:
 * - edited documents: `rolelab:doc:<exercise>/<editable>` (src/stores/documents.ts), only once
 *   the participant changed them (an untouched document is recorded as `null`, "the starter");
 * - terminal tasks: the commands typed, from the saved terminal log
 *   (`rolelab:terminal:exercise-<id>`, src/components/terminal/runtime.ts);
 * - prediction answers: `rolelab:doc:<exercise>/predictions` (JSON by question id, saved by the
 *   exercise runner);
 * - the first solve time from the progress record (src/stores/progress.ts).
 *
 * A checksum proves the answers have not changed since the summary was made; it says nothing
 * about who wrote them. Everything here is pure except `sha256Hex`, which needs Web Crypto
 * (browsers and Node 22 both have it).
 */
import type { Progress } from '../stores/progress.ts';

/** An exercise of the track, as the summary needs it. */
export interface SummaryExercise {
  id: string;
  title: string;
  /** Ids of the documents the participant edits (read-only ones are not answers). */
  editables: string[];
  /** True for a terminal task: its answers are the typed commands. */
  terminal: boolean;
  /** True for a prediction exercise: its answers are the saved choices (document `predictions`). */
  prediction: boolean;
}

/** The answers of one exercise as stored. */
export interface StoredAnswers {
  /** Text of each edited document, or null when it was never changed from the starter. */
  documents: Record<string, string | null>;
  /** Commands typed in the exercise's terminal; null when there is no terminal or no readable log. */
  commands: string[] | null;
}

/** One row of the summary. */
export interface SummaryRow {
  id: string;
  title: string;
  solved: boolean;
  /** ISO time of the first solve. */
  solvedAt: string | null;
  attempts: number;
  /** Full SHA-256 (64 hex) of the exercise's canonical answer text. */
  checksum: string;
}

/** The whole summary. */
export interface WorkshopSummary {
  workshopId: string;
  workshopTitle: string;
  /** ISO time the summary was made (not part of any checksum). */
  madeAt: string;
  rows: SummaryRow[];
  solvedCount: number;
  /** SHA-256 over the workshop id and every row's id, solve time and checksum. */
  overall: string;
}

/** What a checksum proves, in one line, for the page and the copied text. */
export const CHECKSUM_MEANING =
  'A checksum proves these answers have not changed since this summary was made; it does not prove who wrote them.';
/** How many hex digits a checksum shows on the page. */
export const SHORT_LENGTH = 12;

/** The first SHORT_LENGTH hex digits of a checksum. */
export function shortChecksum(hex: string): string {
  return hex.slice(0, SHORT_LENGTH);
}

/** SHA-256 of a text (UTF-8) as 64 lowercase hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The commands typed in a saved terminal (its log's input lines), or null when unreadable. */
export function commandsFromTerminal(raw: string | null): string[] | null {
  if (raw === null) return null;
  try {
    const saved = JSON.parse(raw) as { log?: unknown };
    if (!Array.isArray(saved.log)) return null;
    return saved.log
      .filter(
        (e): e is { kind: 'input'; text: string } =>
          e !== null && typeof e === 'object' && e.kind === 'input' && typeof e.text === 'string',
      )
      .map((e) => e.text);
  } catch {
    return null;
  }
}

/** The stored answers of one exercise, from the documents store and its saved terminal. */
export function storedAnswers(
  exercise: SummaryExercise,
  documents: Record<string, string | undefined>,
  terminalRaw: string | null,
): StoredAnswers {
  const docs: Record<string, string | null> = {};
  const ids = exercise.prediction ? [...exercise.editables, 'predictions'] : exercise.editables;
  for (const id of [...ids].sort()) {
    const text = documents[`${exercise.id}/${id}`];
    docs[id] = typeof text === 'string' ? text : null;
  }
  return {
    documents: docs,
    commands: exercise.terminal ? commandsFromTerminal(terminalRaw) : null,
  };
}

/**
 * The text a row's checksum is taken over: JSON with a fixed key order, so the same answers
 * always give the same checksum in any browser.
 */
export function canonicalAnswerText(
  exerciseId: string,
  solvedAt: string | null,
  answers: StoredAnswers,
): string {
  const documents = Object.keys(answers.documents)
    .sort()
    .map((id) => [id, answers.documents[id] ?? null]);
  return JSON.stringify({ exercise: exerciseId, solvedAt, documents, commands: answers.commands });
}

/** Builds the summary; `terminals` holds each terminal exercise's saved state (raw) by id. */
export async function buildSummary(
  workshop: { id: string; title: string },
  exercises: SummaryExercise[],
  progress: Progress,
  documents: Record<string, string | undefined>,
  terminals: Record<string, string | null>,
  now: Date,
): Promise<WorkshopSummary> {
  const rows: SummaryRow[] = [];
  for (const ex of exercises) {
    const record = progress.exercises[ex.id];
    const solvedAt = record?.solvedAt ?? null;
    const answers = storedAnswers(ex, documents, terminals[ex.id] ?? null);
    rows.push({
      id: ex.id,
      title: ex.title,
      solved: solvedAt !== null,
      solvedAt,
      attempts: record?.attempts ?? 0,
      checksum: await sha256Hex(canonicalAnswerText(ex.id, solvedAt, answers)),
    });
  }
  const overallText = [
    workshop.id,
    ...rows.map((r) => `${r.id} ${r.solvedAt ?? '-'} ${r.checksum}`),
  ].join('\n');
  return {
    workshopId: workshop.id,
    workshopTitle: workshop.title,
    madeAt: now.toISOString(),
    rows,
    solvedCount: rows.filter((r) => r.solved).length,
    overall: await sha256Hex(overallText),
  };
}

/** The summary as plain text for the clipboard; `local` formats an ISO time in local time. */
export function summaryText(summary: WorkshopSummary, local: (iso: string) => string): string {
  const lines = [
    `Rolelab workshop: ${summary.workshopTitle} (${summary.workshopId})`,
    `Summary made: ${local(summary.madeAt)} (${summary.madeAt})`,
    `Solved ${summary.solvedCount} of ${summary.rows.length} exercises`,
    '',
  ];
  for (const row of summary.rows) {
    lines.push(`[${row.solved ? 'x' : ' '}] ${row.id}: ${row.title}`);
    const when =
      row.solvedAt === null ? 'not solved' : `solved ${local(row.solvedAt)} (${row.solvedAt})`;
    lines.push(`    ${when}; checksum ${shortChecksum(row.checksum)}`);
  }
  lines.push('', `Overall checksum (SHA-256): ${summary.overall}`, CHECKSUM_MEANING);
  return `${lines.join('\n')}\n`;
}

/** A start offset in minutes as the schedule shows it: 0 → "0:00", 95 → "1:35". */
export function formatOffset(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The start offset of each segment, in minutes from the start of the workshop. */
export function startOffsets(segments: { minutes: number }[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const s of segments) {
    out.push(at);
    at += s.minutes;
  }
  return out;
}

/** A length in minutes for people: 90 → "1 h 30 min", 240 → "4 h", 45 → "45 min". */
export function formatLength(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
