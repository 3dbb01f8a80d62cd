/**
 * `authorize(input)`: the decision API. Synchronous, pure and total — whatever the input, it
 * returns a result; an input it cannot evaluate gets `errors` and no `decision`.
 */
import { buildCase } from './case.ts';
import { decide } from './decide.ts';
import { evaluateCase } from './evaluate.ts';
import { accessDeniedMessage } from './messages.ts';
import { summarize } from './summary.ts';
import type { AuthorizeInput, AuthorizeResult } from './types.ts';

/** A result for an input that could not be evaluated. */
function failed(errors: NonNullable<AuthorizeResult['errors']>): AuthorizeResult {
  const first = errors[0]?.message ?? 'the input is not usable';
  return { steps: [], statements: [], deciding: [], summary: `Cannot decide: ${first}.`, errors };
}

/**
 * Decides whether AWS would allow the request, and explains why: every statement considered,
 * the steps of AWS's evaluation order with their outcomes, the deciding statements, a summary
 * for the learner and, for a denial, AWS's AccessDenied message and the policy type that denied.
 *
 * Policy documents are parsed once and cached by object identity (or by text): treat the
 * documents you pass as immutable.
 */
export function authorize(input: AuthorizeInput): AuthorizeResult {
  try {
    const c = buildCase(input);
    if (Array.isArray(c)) return failed(c);
    const evaluated = evaluateCase(c);
    const outcome = decide(c, evaluated);
    const summary = summarize(c, outcome.reason, evaluated.statements);
    // Built whole (not grown by assignment), in the same key order either way.
    if (outcome.deniedBy === undefined) {
      return { decision: outcome.decision, steps: outcome.steps, statements: evaluated.statements, deciding: outcome.deciding, summary };
    }
    return {
      decision: outcome.decision,
      steps: outcome.steps,
      statements: evaluated.statements,
      deciding: outcome.deciding,
      summary,
      deniedBy: outcome.deniedBy,
      message: accessDeniedMessage(c.caller.arn, c.action, c.resource, outcome.decision, outcome.deniedBy),
    };
  } catch (error) {
    // A bug here must not take the page or the grader down; report it as an input error.
    const detail = error instanceof Error ? error.message : String(error);
    return failed([{ code: 'INTERNAL_ERROR', message: `the evaluator failed on this input (${detail})` }]);
  }
}
