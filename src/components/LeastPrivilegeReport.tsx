/**
 * LeastPrivilegeReport: once every check passes, asks the simulator what else the learner's
 * documents allow (src/exercises/probe.ts, loaded on demand so the grader stays small) and lists
 * that extra access with a score in words. The score is text, never only a colour.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Exercise, GradeResult } from '../exercises/index.ts';
import type { LeastPrivilegeReport as Report } from '../exercises/probe.ts';
import './LeastPrivilegeReport.css';

export interface LeastPrivilegeReportProps {
  /** The exercise graded. */
  exercise: Exercise;
  /** The documents that were graded, by editable id. */
  documents: Readonly<Record<string, string>>;
  /** The grading of those documents (the report shows only when every check passed). */
  result: GradeResult;
  /** Unique prefix for element ids (the exercise id). */
  idPrefix: string;
}

type State = { status: 'probing' } | { status: 'done'; report: Report } | { status: 'failed' };

export default function LeastPrivilegeReport({
  exercise,
  documents,
  result,
  idPrefix,
}: LeastPrivilegeReportProps) {
  const [state, setState] = useState<State>({ status: 'probing' });
  // Checks only: prediction questions (also in passedCount) grant nothing to probe.
  const allPassed = result.checks.length > 0 && result.checks.every((c) => c.passed);

  useEffect(() => {
    if (!allPassed) return;
    let cancelled = false;
    setState({ status: 'probing' });
    import('../exercises/probe.ts')
      .then(({ probeExercise }) => {
        const report = probeExercise(
          exercise,
          documents,
          result.checks.map((c) => c.passed),
        );
        if (!cancelled)
          setState(report === undefined ? { status: 'failed' } : { status: 'done', report });
      })
      .catch(() => {
        if (!cancelled) setState({ status: 'failed' });
      });
    return () => {
      cancelled = true;
    };
    // A new grading is a new result object: probe once per Check.
  }, [exercise, documents, result, allPassed]);

  if (!allPassed) return null;
  const headingId = `${idPrefix}-least-privilege`;
  return (
    <section class="ex-lp" aria-labelledby={headingId}>
      <p id={headingId} class="ex-lp-title">
        Least privilege
      </p>
      {state.status === 'probing' && <p>Probing what else your policies allow…</p>}
      {state.status === 'failed' && (
        <p>The least-privilege probe could not run; your checks still count.</p>
      )}
      {state.status === 'done' && <ReportBody report={state.report} />}
      <p class="ex-lp-why">
        Why it matters: every permission a role or user does not need is access an attacker gets too
        if its credentials leak, or a mistake a bug can make. AWS recommends granting only what a
        task needs (least privilege) and no more.
      </p>
    </section>
  );
}

function ReportBody({ report }: { report: Report }) {
  const tight = report.extras.length === 0;
  return (
    <>
      <p class={`ex-lp-score ${tight ? 'tight' : 'broad'}`}>
        <span aria-hidden="true">{tight ? '✓ ' : '⚠ '}</span>
        <strong>Score: {report.score}%</strong> — {report.label}.{' '}
        {report.granted > 0 && (
          <span class="ex-lp-counts">
            Needed by the checks: {report.needed} of {report.granted}{' '}
            {report.granted === 1 ? 'access' : 'accesses'} your documents grant (the simulator tried{' '}
            {report.probed} {report.probed === 1 ? 'request' : 'requests'}).
          </span>
        )}
      </p>
      {tight ? (
        <p>
          Nothing beyond what the checks need: among the actions and resources tried, your documents
          grant only the access the task asks for.
        </p>
      ) : (
        <>
          <p>Your documents also grant access that no check needs:</p>
          <ul class="ex-lp-extras">
            {report.extras.map((x) => (
              <li key={`${x.principal}|${x.resource}`}>
                {x.principal} also allows <code>{x.actions.join(', ')}</code>
                {x.resource === '*' ? '' : ' on '}
                {x.resource === '*' ? null : <code>{x.resource}</code>}
                <span class="ex-lp-by"> — granted by {x.grantedBy.join(', ')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
