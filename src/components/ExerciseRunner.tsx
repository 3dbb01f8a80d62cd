/**
 * ExerciseRunner: one graded exercise. The learner edits the documents, presses **Check**, and
 * every expected access is run through the simulated AWS; the results table says which checks
 * pass and each row opens the evaluation that decided it. **Hint** climbs the hint ladder,
 * **Show solution** shows a diff against the learner's text and offers **Apply solution**,
 * **Reset** goes back to the starters. The grader (and with it the simulator) loads on the
 * first Check, so a lesson page stays light until then. A prediction exercise shows its
 * documents read-only and asks questions instead (PredictionQuestions); Check grades the answers.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { diffLines } from 'diff';
import type { CheckResult, Exercise, GradeResult } from '../exercises/index.ts';
import type { AuthorizeResult, PolicyKind } from '../sim/index.ts';
import { documentText, forgetDocument, saveDocument } from '../stores/documents.ts';
import { markAttempt } from '../stores/progress.ts';
import PolicyEditor from './PolicyEditor.tsx';
import Terminal from './Terminal.tsx';
import type { TerminalState } from './terminal/runtime.ts';
import { TERMINAL_ID } from '../exercises/terminal-id.ts';
import type { EditorHighlight } from './PolicyEditor.tsx';
import LeastPrivilegeReport from './LeastPrivilegeReport.tsx';
import AuthorizeExplanation from './AuthorizeExplanation.tsx';
import ExportDisclosure from './export/ExportDisclosure.tsx';
import PredictionQuestions, { ReadOnlyDocument } from './PredictionQuestions.tsx';
import { CHOICE_TEXT, isPredictionChoice } from '../exercises/choices.ts';
import type { PredictionChoice } from '../exercises/choices.ts';
import { decodeState, encodeState } from '../lib/share-state.ts';
import { href } from '../lib/url.ts';
import { solutionsHiddenByWorkshop } from '../lib/workshop-mode.ts';
import './ExerciseRunner.css';

export interface ExerciseRunnerProps {
  /** The exercise id (its file name); also the page anchor. */
  exerciseId: string;
  /** The validated exercise data. */
  exercise: Exercise;
  /** The prompt rendered to HTML at build time from the exercise's own Markdown. */
  promptHtml: string;
  /** The parser kind of each editable, by editable id. */
  kinds: Record<string, PolicyKind>;
  /** False hides Show solution (a workshop can ask for that). */
  allowSolution?: boolean;
  /** Heading level of the exercise title, to keep the page outline right. */
  headingLevel?: 2 | 3;
}

/** The document id an editable is saved under. */
const docId = (exerciseId: string, editableId: string) => `${exerciseId}/${editableId}`;

export default function ExerciseRunner({
  exerciseId,
  exercise,
  promptHtml,
  kinds,
  allowSolution = true,
  headingLevel = 3,
}: ExerciseRunnerProps) {
  const [result, setResult] = useState<GradeResult | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [hintsShown, setHintsShown] = useState(0);
  const [showSolution, setShowSolution] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  // Prediction answers, by question id, saved with the learner's documents so they survive a
  // reload (and a workshop summary can checksum them).
  const [answers, setAnswersState] = useState<Record<string, PredictionChoice>>({});
  // Read after mount: the server-rendered page has no saved answers, and hydration must match it.
  useEffect(() => {
    const saved = savedAnswers(exerciseId);
    if (Object.keys(saved).length > 0) setAnswersState(saved);
  }, [exerciseId]);
  const setAnswers = (
    next:
      | Record<string, PredictionChoice>
      | ((a: Record<string, PredictionChoice>) => Record<string, PredictionChoice>),
  ) =>
    setAnswersState((current) => {
      const value = typeof next === 'function' ? next(current) : next;
      if (Object.keys(value).length === 0) forgetDocument(answersId(exerciseId));
      else saveDocument(answersId(exerciseId), JSON.stringify(value));
      return value;
    });
  // The documents the current result graded (the least-privilege probe reruns them).
  const [graded, setGraded] = useState<Record<string, string>>({});
  // The statement of the learner's own documents that decided the opened check, per editable.
  const highlights = useMemo(() => {
    const d = open === null ? undefined : result?.checks[open]?.deciding?.[0];
    const out: Record<string, EditorHighlight> = {};
    if (d !== undefined)
      out[d.editable] = {
        range: d.range,
        text: `${d.text}, the ${d.effect === 'Deny' ? 'Deny that denied' : 'Allow that granted'} the opened check`,
      };
    return out;
  }, [result, open]);
  // A terminal task: the learner's live session (its world is what Check grades), and a key that
  // Reset bumps to start the terminal afresh.
  const live = useRef<TerminalState | null>(null);
  const [terminalRun, setTerminalRun] = useState(0);
  const terminalId = `exercise-${exerciseId}`;
  // A workshop link with ?nosolutions hides Show solution for the tab; read after mount because
  // the page's HTML is the same for everyone.
  const [hiddenByWorkshop, setHiddenByWorkshop] = useState(false);
  useEffect(() => setHiddenByWorkshop(solutionsHiddenByWorkshop()), []);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const titleId = `${exerciseId}-title`;

  const texts = () =>
    Object.fromEntries(
      exercise.editable.map((e) => [e.id, documentText(docId(exerciseId, e.id), e.starter)]),
    );
  const editedIds = exercise.editable.filter((e) => e.readOnly !== true).map((e) => e.id);

  // Documents arriving in a shared link (#state=…): applied at once when the learner has no
  // edits of their own, otherwise offered, so a link never silently replaces someone's work.
  const [shared, setShared] = useState<Record<string, string> | null>(null);
  const [shareLink, setShareLink] = useState<string | null>(null);
  useEffect(() => {
    if (
      editedIds.length === 0 ||
      typeof location === 'undefined' ||
      !location.hash.includes('state=')
    )
      return;
    void decodeState(location.hash, exerciseId, editedIds).then((got) => {
      if (got === null) return;
      if ('problem' in got) {
        setStatus(got.problem);
        return;
      }
      const mine = exercise.editable.some(
        (e) =>
          e.readOnly !== true && documentText(docId(exerciseId, e.id), e.starter) !== e.starter,
      );
      if (mine) setShared(got.documents);
      else applyShared(got.documents);
    });
    // Runs once: the link is read when the exercise first appears.
  }, []);

  const applyShared = (documents: Record<string, string>) => {
    for (const [id, text] of Object.entries(documents)) saveDocument(docId(exerciseId, id), text);
    setShared(null);
    setResult(null);
    setStatus('Opened the documents from the shared link. Press Check to grade them.');
  };

  const copyLink = async () => {
    const documents = Object.fromEntries(editedIds.map((id) => [id, texts()[id] ?? '']));
    const url = `${new URL(href(`exercises/${exerciseId}/`), location.origin).href}#${await encodeState({ exercise: exerciseId, documents })}`;
    try {
      await navigator.clipboard.writeText(url);
      setShareLink(null);
      setStatus('Link copied: it opens this exercise with your current documents.');
    } catch {
      // No clipboard (permissions, old browser): show the link to copy by hand.
      setShareLink(url);
      setStatus('Copy the link below: it opens this exercise with your current documents.');
    }
  };

  const check = async () => {
    setBusy(true);
    setStatus('Checking…');
    try {
      const { gradeExercise, prepareGrading } = await import('../exercises/grade.ts');
      // The simulated services this exercise calls (and the review, when its lint bans flags)
      // are chunks of their own: fetched on the first Check, cached after.
      await prepareGrading(exercise);
      const documents = texts();
      // A terminal task is graded on a copy of the world the learner's commands left.
      const { cloneWorld } = await import('../sim/world/snapshot.ts');
      const world =
        exercise.terminal !== undefined && live.current !== null
          ? cloneWorld(live.current.session.world)
          : undefined;
      const graded = gradeExercise(
        exercise,
        documents,
        answers,
        world === undefined ? {} : { world },
      );
      setGraded(documents);
      setResult(graded);
      setOpen(null);
      markAttempt(exerciseId, graded.solved);
      setStatus(graded.solved ? `${graded.summary}. Solved!` : graded.summary);
    } catch {
      setStatus(
        'The checker could not be loaded. Check your connection and try again; your edits are kept.',
      );
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    if (
      !window.confirm(
        `Reset "${exercise.title}" to its starting documents? Your edits will be lost.`,
      )
    )
      return;
    for (const e of exercise.editable) forgetDocument(docId(exerciseId, e.id));
    if (exercise.terminal !== undefined) {
      try {
        localStorage.removeItem(`rolelab:terminal:${terminalId}`);
      } catch {
        // Storage blocked: the terminal was never saved either.
      }
      live.current = null;
      setTerminalRun((n) => n + 1);
    }
    setAnswers({});
    setResult(null);
    setShowSolution(false);
    setStatus('Reset to the starting documents.');
  };

  const applySolution = () => {
    for (const e of exercise.editable)
      if (e.readOnly !== true)
        saveDocument(docId(exerciseId, e.id), exercise.solution[e.id] ?? e.starter);
    setAnswers(solutionAnswers(exercise));
    setShowSolution(false);
    setStatus('Solution applied. Press Check to see it pass.');
  };

  const hints = exercise.hints;

  return (
    <section class="exercise" id={exerciseId} aria-labelledby={titleId}>
      <Heading id={titleId} class="ex-title">
        <span class="ex-kicker">Exercise</span> {exercise.title}
      </Heading>
      <div class="ex-prompt" dangerouslySetInnerHTML={{ __html: promptHtml }} />

      {exercise.editable.map((e) =>
        e.readOnly === true ? (
          <ReadOnlyDocument
            key={e.id}
            id={docId(exerciseId, e.id)}
            label={e.label}
            text={e.starter}
          />
        ) : (
          <PolicyEditor
            key={e.id}
            documentId={docId(exerciseId, e.id)}
            label={e.label}
            kind={kinds[e.id] ?? 'identity'}
            initial={e.starter}
            highlight={highlights[e.id] ?? null}
          />
        ),
      )}

      {exercise.terminal && (
        <Terminal
          key={terminalRun}
          id={terminalId}
          label={exercise.terminal.label ?? 'Terminal'}
          setup={{ ...exercise.terminal, world: exercise.world }}
          onChange={(state) => {
            live.current = state;
          }}
        />
      )}

      {exercise.predict && (
        <PredictionQuestions
          exerciseId={exerciseId}
          questions={exercise.predict}
          answers={answers}
          onAnswer={(id, choice) => setAnswers((a) => ({ ...a, [id]: choice }))}
          results={result?.predictions}
        />
      )}

      <div class="ex-actions">
        <button type="button" class="button" onClick={check} disabled={busy}>
          Check
        </button>
        <button
          type="button"
          class="button secondary"
          onClick={() => setHintsShown((n) => Math.min(n + 1, hints.length))}
          disabled={hintsShown >= hints.length}
        >
          Hint
        </button>
        {allowSolution && !hiddenByWorkshop && (
          <button
            type="button"
            class="button secondary"
            aria-expanded={showSolution}
            onClick={() => setShowSolution((s) => !s)}
          >
            Show solution
          </button>
        )}
        <button type="button" class="button secondary" onClick={reset}>
          Reset
        </button>
        {editedIds.length > 0 && (
          <button type="button" class="button secondary" onClick={() => void copyLink()}>
            Copy link
          </button>
        )}
      </div>

      {shareLink !== null && (
        <p class="ex-share">
          <label>
            Link to this exercise with your documents{' '}
            <input
              type="text"
              readOnly
              value={shareLink}
              onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
            />
          </label>
        </p>
      )}

      {shared !== null && (
        <div class="ex-shared" role="group" aria-label="Documents from a shared link">
          <p>This link carries someone's version of the documents. Use it instead of yours?</p>
          <button type="button" class="button" onClick={() => applyShared(shared)}>
            Use the shared version
          </button>{' '}
          <button type="button" class="button secondary" onClick={() => setShared(null)}>
            Keep mine
          </button>
        </div>
      )}

      {hintsShown > 0 && (
        <ol class="ex-hints" aria-label="Hints">
          {hints.slice(0, hintsShown).map((h, i) => (
            <li key={i}>
              <strong>
                Hint {i + 1} of {hints.length}:
              </strong>{' '}
              {h}
            </li>
          ))}
        </ol>
      )}

      {showSolution && (
        <div class="ex-solution">
          {exercise.editable
            .filter((e) => e.readOnly !== true)
            .map((e) => (
              <SolutionDiff
                key={e.id}
                label={e.label}
                mine={documentText(docId(exerciseId, e.id), e.starter)}
                solution={exercise.solution[e.id] ?? ''}
              />
            ))}
          {exercise.terminal && (
            <figure class="ex-solution-commands">
              <figcaption>
                Commands that solve it (type or paste them into the terminal, one line at a time):
              </figcaption>
              <pre>
                <code>{exercise.solution[TERMINAL_ID] ?? ''}</code>
              </pre>
            </figure>
          )}
          {exercise.predict && (
            <ol class="ex-solution-answers" aria-label="Right answers">
              {exercise.predict.map((q) => (
                <li key={q.id}>
                  {q.question}{' '}
                  <strong>{CHOICE_TEXT[solutionAnswers(exercise)[q.id] ?? 'allowed']}</strong>
                </li>
              ))}
            </ol>
          )}
          {(exercise.editable.some((e) => e.readOnly !== true) ||
            exercise.predict !== undefined) && (
            <button type="button" class="button" onClick={applySolution}>
              Apply solution
            </button>
          )}
        </div>
      )}

      <div class={`ex-status ${result?.solved ? 'solved' : ''}`} role="status" aria-live="polite">
        {status}
      </div>

      {result && (result.checks.length > 0 || result.documents.some((d) => !d.installed)) && (
        <Results result={result} open={open} setOpen={setOpen} />
      )}
      {result && exercise.checks.length > 0 && exercise.terminal === undefined && (
        <LeastPrivilegeReport
          exercise={exercise}
          documents={graded}
          result={result}
          idPrefix={exerciseId}
        />
      )}
      <ExportDisclosure
        title={exercise.title}
        typedCommands={exercise.terminal !== undefined}
        make={(generator) => {
          const current = texts();
          const typed = live.current?.session.history.join('\n');
          if (typed !== undefined) current[TERMINAL_ID] = typed;
          return generator.exportExercise(exercise, current);
        }}
        prepare={() => import('../exercises/grade.ts').then((m) => m.prepareGrading(exercise))}
      />
    </section>
  );
}

/** The document id a prediction exercise's answers are saved under. */
export const answersId = (exerciseId: string) => `${exerciseId}/predictions`;

/** The saved prediction answers of an exercise; anything unreadable is dropped, not trusted. */
function savedAnswers(exerciseId: string): Record<string, PredictionChoice> {
  try {
    const parsed: unknown = JSON.parse(documentText(answersId(exerciseId), '{}'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, PredictionChoice] =>
        isPredictionChoice(entry[1]),
      ),
    );
  } catch {
    return {};
  }
}

/** The right prediction answers the exercise's solution lists, by question id. */
function solutionAnswers(exercise: Exercise): Record<string, PredictionChoice> {
  const out: Record<string, PredictionChoice> = {};
  for (const q of exercise.predict ?? []) {
    const answer = exercise.solution[q.id];
    if (isPredictionChoice(answer)) out[q.id] = answer;
  }
  return out;
}

/** The results table; each row opens the evaluation that decided it. */
function Results({
  result,
  open,
  setOpen,
}: {
  result: GradeResult;
  open: number | null;
  setOpen: (i: number | null) => void;
}) {
  const rejected = result.documents.filter((d) => !d.installed);
  return (
    <div class="ex-results">
      {rejected.map((d) => (
        <p key={d.id} class="ex-rejected">
          <span aria-hidden="true">✗ </span>
          {d.rejection}
        </p>
      ))}
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Check results">
        <table>
          <thead>
            <tr>
              <th scope="col">Result</th>
              <th scope="col">Check</th>
              <th scope="col">Who</th>
              <th scope="col">Request</th>
              <th scope="col">Expected</th>
              <th scope="col">Got</th>
            </tr>
          </thead>
          <tbody>
            {result.checks.map((c, i) => (
              <CheckRow
                key={i}
                check={c}
                index={i}
                open={open === i}
                toggle={() => setOpen(open === i ? null : i)}
              />
            ))}
          </tbody>
        </table>
      </div>
      {result.lint.length > 0 && (
        <div class="ex-lint">
          <p>
            <strong>Least privilege:</strong> every check passes, but the answer grants more than
            the task needs:
          </p>
          <ul>
            {result.lint.map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function gotText(c: CheckResult): string {
  if (!c.got) return 'not run';
  return c.got.outcome === 'allowed' ? 'allowed' : `error ${c.got.code}`;
}

function CheckRow({
  check: c,
  index,
  open,
  toggle,
}: {
  check: CheckResult;
  index: number;
  open: boolean;
  toggle: () => void;
}) {
  const detailId = `check-detail-${index}-${c.description.length}`;
  return (
    <>
      <tr class={c.passed ? 'pass' : 'fail'}>
        <td>
          <span class="ex-verdict">{c.passed ? '✓ Pass' : '✗ Fail'}</span>
        </td>
        <td>
          <button
            type="button"
            class="ex-row-toggle"
            aria-expanded={open}
            aria-controls={detailId}
            onClick={toggle}
          >
            {c.description}
          </button>
        </td>
        <td>{c.actor}</td>
        <td>
          <code>{c.request}</code>
        </td>
        <td>{c.expected}</td>
        <td>{gotText(c)}</td>
      </tr>
      {open && (
        <tr class="ex-detail" id={detailId}>
          <td colSpan={6}>
            <Explanation check={c} />
          </td>
        </tr>
      )}
    </>
  );
}

/** The evaluation that decided a check, in AWS's order. */
function Explanation({ check: c }: { check: CheckResult }) {
  const e: AuthorizeResult | undefined = c.explanation;
  return (
    <div class="ex-explain">
      {c.reason && <p>{c.reason}</p>}
      {c.got?.outcome === 'error' && (
        <p>
          AWS answers: <code>{c.got.code}</code> — {c.got.message}
        </p>
      )}
      {c.deciding?.map((d) => (
        <p key={`${d.editable}-${d.statementIndex}`} class="ex-decided">
          <strong>{d.effect === 'Deny' ? 'Denied by' : 'Allowed by'}:</strong> {d.text} —
          highlighted in that editor above.
        </p>
      ))}
      {e && <AuthorizeExplanation result={e} />}
    </div>
  );
}

/** A line diff of the learner's document against the solution; additions and removals are marked in words too. */
function SolutionDiff({
  label,
  mine,
  solution,
}: {
  label: string;
  mine: string;
  solution: string;
}) {
  const parts = diffLines(
    mine.endsWith('\n') ? mine : `${mine}\n`,
    solution.endsWith('\n') ? solution : `${solution}\n`,
  );
  const same = parts.every((p) => !p.added && !p.removed);
  return (
    <figure class="ex-diff">
      <figcaption>
        {label}:{' '}
        {same
          ? 'your document already matches the solution.'
          : 'lines to remove (−) and to add (+) to reach the solution.'}
      </figcaption>
      <pre>
        {parts.flatMap((p, i) =>
          p.value
            .replace(/\n$/, '')
            .split('\n')
            .map((line, j) => (
              <span key={`${i}-${j}`} class={p.added ? 'add' : p.removed ? 'del' : 'same'}>
                <span class="visually-hidden">
                  {p.added ? 'added: ' : p.removed ? 'removed: ' : ''}
                </span>
                <span aria-hidden="true">{p.added ? '+ ' : p.removed ? '− ' : '  '}</span>
                {line}
                {'\n'}
              </span>
            )),
        )}
      </pre>
    </figure>
  );
}
