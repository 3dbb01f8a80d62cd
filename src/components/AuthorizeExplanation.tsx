/**
 * The explanation of one `authorize()` decision, in AWS's evaluation order: the summary, each
 * step with its outcome in words, and the statements that decided. Shared by the exercise
 * results (a check's evaluation) and the Playground's evaluation explorer, so a decision reads the
 * same wherever the learner meets it.
 */
import type { AuthorizeResult, EvaluationStep } from '../sim/authz/types.ts';
import './AuthorizeExplanation.css';

/** Names of the evaluation steps, as a learner reads them. */
export const STEP_NAMES: Record<EvaluationStep['step'], string> = {
  'always-allowed': 'Needs no permission',
  'explicit-deny': 'Any explicit Deny?',
  rcp: 'Resource control policies',
  scp: 'Service control policies',
  root: 'Root user',
  'resource-policy': 'Resource-based policy',
  'trust-policy': 'Role trust policy',
  identity: 'Identity-based policies',
  boundary: 'Permissions boundary',
  session: 'Session policy',
  'cross-account': 'Both accounts',
};

const OUTCOME_WORDS: Record<EvaluationStep['outcome'], string> = {
  continue: 'continue',
  allow: 'allowed here',
  deny: 'denied here',
  skipped: 'does not apply',
};

/** The summary, the steps and the deciding statements of a decision. */
export default function AuthorizeExplanation({ result: e }: { result: AuthorizeResult }) {
  return (
    <>
      <p class="ex-summary">{e.summary}</p>
      {e.errors !== undefined && e.errors.length > 0 && (
        <ul class="ex-input-errors">
          {e.errors.map((err, i) => (
            <li key={i}>{err.message}</li>
          ))}
        </ul>
      )}
      {e.steps.length > 0 && (
        <ol class="ex-steps">
          {e.steps.map((s, i) => (
            <li key={i} class={`step-${s.outcome}`}>
              <strong>{STEP_NAMES[s.step] ?? s.step}</strong>{' '}
              <span class="ex-outcome">({OUTCOME_WORDS[s.outcome] ?? s.outcome})</span>: {s.detail}
            </li>
          ))}
        </ol>
      )}
      {e.deciding.length > 0 && (
        <>
          <p>Deciding statements:</p>
          <ul class="ex-deciding">
            {e.deciding.map((t, i) => (
              <li key={i}>
                {t.source} policy,{' '}
                {t.sid ? `statement "${t.sid}"` : `statement ${t.statementIndex + 1}`} (line{' '}
                {t.range.startLine}): {t.detail}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
