/**
 * Prediction questions of an exercise: each question is a fieldset of radio buttons (allowed,
 * implicit deny, explicit deny), so it is answered with the keyboard like any radio group. After
 * Check, each question says "You said X — the engine says Y" and opens the evaluation that
 * decided the call. Also the read-only view of a scenario document, which the learner reads but
 * does not edit.
 */
import { CHOICE_TEXT, PREDICTION_CHOICES } from '../exercises/choices.ts';
import type { PredictionChoice } from '../exercises/choices.ts';
import type { PredictionResult } from '../exercises/result.ts';
import type { Prediction } from '../exercises/schema.ts';
import './PredictionQuestions.css';

export interface PredictionQuestionsProps {
  /** The exercise id, to make the radio group names and ids unique on the page. */
  exerciseId: string;
  /** The questions, in the exercise's order. */
  questions: readonly Prediction[];
  /** The learner's answers so far, by question id. */
  answers: Readonly<Record<string, PredictionChoice>>;
  /** Called when the learner picks an answer. */
  onAnswer: (questionId: string, choice: PredictionChoice) => void;
  /** The graded questions after Check (absent before). */
  results?: readonly PredictionResult[] | undefined;
}

/** The questions, with their verdicts once graded. */
export default function PredictionQuestions({ exerciseId, questions, answers, onAnswer, results }: PredictionQuestionsProps) {
  return (
    <div class="predictions">
      {questions.map((q, i) => {
        const name = `${exerciseId}-predict-${q.id}`;
        const graded = results?.find((r) => r.id === q.id);
        return (
          <fieldset key={q.id} class="prediction">
            <legend>
              <span class="prediction-number">Question {i + 1}:</span> {q.question}
            </legend>
            <div class="prediction-choices">
              {PREDICTION_CHOICES.map((choice) => (
                <label key={choice} class="prediction-choice">
                  <input
                    type="radio"
                    name={name}
                    value={choice}
                    checked={answers[q.id] === choice}
                    onChange={() => onAnswer(q.id, choice)}
                  />{' '}
                  {CHOICE_TEXT[choice]}
                </label>
              ))}
            </div>
            {graded && <Verdict result={graded} detailId={`${name}-why`} />}
          </fieldset>
        );
      })}
    </div>
  );
}

/** "You said X — the engine says Y", with the evaluation behind the engine's answer. */
function Verdict({ result: r, detailId }: { result: PredictionResult; detailId: string }) {
  const said = r.answer === undefined ? 'You did not answer' : `You said ${CHOICE_TEXT[r.answer]}`;
  const engine = r.engine === undefined ? 'the engine could not decide it' : `the engine says ${CHOICE_TEXT[r.engine]}`;
  const e = r.explanation;
  return (
    <div class={`prediction-verdict ${r.passed ? 'pass' : 'fail'}`}>
      <p>
        <strong class="ex-verdict">{r.passed ? '✓ Right' : '✗ Not quite'}</strong>: {said} — {engine}.
      </p>
      <details id={detailId}>
        <summary>Why: the evaluation of {r.request}</summary>
        {r.reason && <p>{r.reason}</p>}
        {r.got?.outcome === 'error' && (
          <p>
            AWS answers: <code>{r.got.code}</code> — {r.got.message}
          </p>
        )}
        {e && (
          <>
            <p>{e.summary}</p>
            <ol class="ex-steps">
              {e.steps.map((s, i) => (
                <li key={i}>
                  <strong>{s.step}</strong> ({s.outcome}): {s.detail}
                </li>
              ))}
            </ol>
            {e.deciding.length > 0 && (
              <ul class="ex-deciding" aria-label="Deciding statements">
                {e.deciding.map((t, i) => (
                  <li key={i}>
                    {t.source} policy, {t.sid ? `statement "${t.sid}"` : `statement ${t.statementIndex + 1}`}: {t.detail}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </details>
    </div>
  );
}

/** A scenario document shown as it is: the learner reads it, the grader installs it unchanged. */
export function ReadOnlyDocument({ id, label, text }: { id: string; label: string; text: string }) {
  const captionId = `${id.replace(/[^\w-]/g, '-')}-caption`;
  return (
    <figure class="readonly-doc" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        {label} <span class="readonly-tag">(read-only)</span>
      </figcaption>
      <pre tabIndex={0} aria-label={label}>
        <code>{text}</code>
      </pre>
    </figure>
  );
}
