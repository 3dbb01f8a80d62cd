/**
 * `authorize(input)`: the decision API. Synchronous, pure and total — whatever the input, it
 * returns a result; an input it cannot evaluate gets `errors` and no `decision`.
 */
import { buildCase } from './case.ts';
import type { EvalCase } from './case.ts';
import { decide } from './decide.ts';
import { evaluateCase } from './evaluate.ts';
import { accessDeniedMessage } from './messages.ts';
import { quickDecision } from './quick-decision.ts';
import { summarize } from './summary.ts';
import type { AuthorizeInput, AuthorizeResult, Decision, EvaluationStep, StatementTrace } from './types.ts';

/** A result for an input that could not be evaluated. */
function failed(errors: NonNullable<AuthorizeResult['errors']>): AuthorizeResult {
  const first = errors[0]?.message ?? 'the input is not usable';
  return { steps: [], statements: [], deciding: [], summary: `Cannot decide: ${first}.`, errors };
}

/** The explanation of a decision: everything in a result but the decision itself. */
interface Explanation {
  steps: AuthorizeResult['steps'];
  statements: AuthorizeResult['statements'];
  deciding: AuthorizeResult['deciding'];
  summary: string;
}

/**
 * Explains a decided case: matches every statement again with its sentence, walks the decision
 * order recording each step, and sums it up. Never throws: a failure becomes a summary that
 * says so, with the decision standing.
 */
function explain(c: EvalCase): Explanation {
  try {
    const evaluated = evaluateCase(c);
    const outcome = decide(c, evaluated);
    return { steps: outcome.steps, statements: evaluated.statements, deciding: outcome.deciding, summary: summarize(c, outcome.reason, evaluated.statements) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { steps: [], statements: [], deciding: [], summary: `The decision stands, but it could not be explained (${detail}).` };
  }
}

/**
 * A decided case. The decision (and for a denial the policy type that denied) is taken at once;
 * the explanation is built the first time any of its fields is read, then kept. Reading a field
 * works as on a plain result, and `JSON.stringify` writes every field (`toJSON`); a copy made by
 * spreading the object would miss the explanation, so copy with `toJSON()` instead.
 */
class DecidedResult implements AuthorizeResult {
  readonly decision: Decision;
  readonly deniedBy?: string;
  readonly #case: EvalCase;
  #words: Explanation | undefined;
  #message: string | undefined;

  constructor(c: EvalCase, decision: Decision, deniedBy: string | undefined) {
    this.decision = decision;
    if (deniedBy !== undefined) this.deniedBy = deniedBy;
    this.#case = c;
  }

  /** The explanation, built on first use. */
  #explained(): Explanation {
    return (this.#words ??= explain(this.#case));
  }

  get steps(): EvaluationStep[] {
    return this.#explained().steps;
  }

  get statements(): StatementTrace[] {
    return this.#explained().statements;
  }

  get deciding(): StatementTrace[] {
    return this.#explained().deciding;
  }

  get summary(): string {
    return this.#explained().summary;
  }

  get message(): string | undefined {
    const deniedBy = this.deniedBy;
    if (deniedBy === undefined) return undefined;
    const c = this.#case;
    return (this.#message ??= accessDeniedMessage(c.caller.arn, c.action, c.resource, this.decision, deniedBy));
  }

  /** The whole result as plain data, in the order the fields were always written. */
  toJSON(): AuthorizeResult {
    const plain: AuthorizeResult = { decision: this.decision, steps: this.steps, statements: this.statements, deciding: this.deciding, summary: this.summary };
    if (this.deniedBy !== undefined) {
      plain.deniedBy = this.deniedBy;
      plain.message = this.message;
    }
    return plain;
  }
}

/**
 * Decides whether AWS would allow the request, and explains why: every statement considered,
 * the steps of AWS's evaluation order with their outcomes, the deciding statements, a summary
 * for the learner and, for a denial, AWS's AccessDenied message and the policy type that denied.
 *
 * The decision is taken without building a sentence, matching only the statements its steps
 * consult (quick-decision.ts); the explanation (`steps`, `statements`, `deciding`, `summary`,
 * `message`) is built when first read (see DecidedResult), so a grader or a least-privilege
 * probe that reads only `decision` never pays for the words.
 *
 * Policy documents are parsed once and cached by object identity (or by text): treat the
 * documents you pass as immutable. The explanation is built from the same input later, so do not
 * change the input (its context, the principal's tags) before you have read it either.
 */
export function authorize(input: AuthorizeInput): AuthorizeResult {
  try {
    const c = buildCase(input);
    if (Array.isArray(c)) return failed(c);
    const quick = quickDecision(c);
    return new DecidedResult(c, quick.decision, quick.deniedBy);
  } catch (error) {
    // A bug here must not take the page or the grader down; report it as an input error.
    const detail = error instanceof Error ? error.message : String(error);
    return failed([{ code: 'INTERNAL_ERROR', message: `the evaluator failed on this input (${detail})` }]);
  }
}
