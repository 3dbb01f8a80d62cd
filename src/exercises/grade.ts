/**
 * `gradeExercise`: the learner's documents in, a graded result out. Pure and synchronous: the
 * world is built afresh from the exercise's seed, every check starts from the world with the
 * documents installed (so a check that deletes an object cannot change the next one), and
 * nothing reads the clock or randomness — the same input always grades the same.
 * It never throws: a simulator failure becomes a failed check with its reason.
 *
 * The code it needs for a given exercise (the simulated services its checks call, some actors'
 * helpers, the policy review when its lint bans flags) loads on demand: await
 * `prepareGrading(exercise)` first. Without it, what is missing fails the grading, visibly.
 */
// Not the `../sim` barrel: it would pull in the seed schema (zod), the CLI and every service,
// which the grader never needs whole — exercise seeds were validated when the site was built.
import { createWorldUnchecked } from '../sim/world/create-unchecked.ts';
import { loadServices } from '../sim/services/load.ts';
import { serviceDefinition } from '../sim/services/registry.ts';
import type { World } from '../sim/index.ts';
import { loadActorTools } from './actor-tools.ts';
import { actorCredentials, actorText } from './actors.ts';
import { checkHint, decidingInEdited, editedPolicies } from './deciding.ts';
import type { EditedPolicy } from './deciding.ts';
import type { ActorCredentials, KeyRing, SessionPolicies } from './actors.ts';
import type { PredictionChoice } from './choices.ts';
import { installDocuments, sessionPolicies } from './install.ts';
import { lintFindings, loadLintRules } from './lint.ts';
import { gradedCalls, servicesFor } from './needs.ts';
import type {
  CheckResult,
  DocumentResult,
  GradeResult,
  Outcome,
  PredictionResult,
} from './result.ts';
import { checkRequestText, runCall } from './run-call.ts';
import type { CallRun } from './run-call.ts';
import type { Check, Exercise, Prediction } from './schema.ts';
import { expectedText, outcomeMatches, responseMismatches } from './expectation.ts';

/** "N of M checks passed". */
export function summaryText(passed: number, total: number): string {
  return `${passed} of ${total} ${total === 1 ? 'check' : 'checks'} passed`;
}

/** "N of M answers right". */
export function predictionSummaryText(right: number, total: number): string {
  return `${right} of ${total} ${total === 1 ? 'answer' : 'answers'} right`;
}

/** The summary line for checks, predictions, or both. */
function gradeSummary(
  checks: readonly { passed: boolean }[],
  predictions: readonly { passed: boolean }[],
): string {
  const passed = (list: readonly { passed: boolean }[]) => list.filter((x) => x.passed).length;
  const parts: string[] = [];
  if (checks.length > 0 || predictions.length === 0)
    parts.push(summaryText(passed(checks), checks.length));
  if (predictions.length > 0)
    parts.push(predictionSummaryText(passed(predictions), predictions.length));
  return parts.join(', ');
}

/**
 * The engine's answer to a prediction: allowed, or the kind of deny the evaluation ended in.
 * Undefined when the call failed for a reason that is not an authorization decision (a missing
 * bucket, a malformed parameter): the question would then have no right answer.
 */
export function decisionClass(
  run: Pick<CallRun, 'got' | 'explanation'>,
): PredictionChoice | undefined {
  if (run.got?.outcome === 'allowed') return 'allowed';
  const decision = run.explanation?.decision;
  if (decision === 'ExplicitDeny') return 'explicit-deny';
  if (decision === 'ImplicitDeny') return 'implicit-deny';
  return undefined;
}

/** Credentials per actor (keyed by the actor's JSON), taken once in the installed world. */
type ActorCache = Map<string, ActorCredentials>;

/**
 * Takes credentials for every actor that needs them, once, in the installed world: keys and
 * sessions are then part of the world each check starts from, which saves a CreateAccessKey or
 * an AssumeRole (and the world copies they make) per check.
 */
function prepareActors(
  world: World,
  checks: readonly Pick<Check, 'actor'>[],
  sessions: SessionPolicies,
): ActorCache {
  const cache: ActorCache = new Map();
  const ring: KeyRing = new Map();
  for (const { actor } of checks) {
    if (actor !== 'anonymous' && 'service' in actor) continue;
    const key = JSON.stringify(actor);
    if (!cache.has(key)) cache.set(key, actorCredentials(world, actor, ring, sessions));
  }
  return cache;
}

/**
 * The installed world every check starts from. Each check runs in it directly and, when the
 * call may have changed it (an allowed write, a service taking a session), the world is reread
 * from the JSON kept before the first check; its events are always cut back. Copying the world
 * for every check was most of the grading time, and most graded writes are denied (and a denied
 * call leaves the world as it was: callAws rolls back).
 */
class Stage {
  private readonly pristine: string;
  private readonly eventCount: number;
  /** The world the next check runs in. */
  world: World;

  constructor(world: World) {
    this.world = world;
    this.pristine = JSON.stringify(world);
    this.eventCount = world.events.length;
  }

  /** Puts the world back as it was before the check (or prediction) that just ran. */
  reset(check: Pick<Check, 'actor' | 'call'>, got: Outcome | undefined): void {
    const readOnly =
      serviceDefinition(check.call.service)?.operations[check.call.operation]?.readOnly === true;
    const byService = check.actor !== 'anonymous' && 'service' in check.actor;
    if (got?.outcome === 'allowed' && (byService || !readOnly))
      this.world = JSON.parse(this.pristine) as World;
    else this.world.events.splice(this.eventCount);
  }
}

/** Grades one check in the installed world (see Stage). */
function gradeCheck(
  check: Check,
  stage: Stage,
  rejected: readonly DocumentResult[],
  actors: ActorCache,
  edited: readonly EditedPolicy[],
): CheckResult {
  const base = {
    description: check.description,
    actor: actorText(check.actor),
    expected: expectedText(check.expect),
  };
  // Every check may depend on every document (each changes the world), so a document AWS
  // refuses fails them all, with the reason named, and the call is not made.
  const refusal = rejected[0];
  if (refusal !== undefined) {
    return {
      ...base,
      request: checkRequestText(stage.world, check),
      passed: false,
      reason: refusal.rejection ?? `${refusal.id} could not be installed.`,
    };
  }
  const run = runCall(stage.world, check, actors.get(JSON.stringify(check.actor)));
  stage.reset(check, run.got);
  if (run.got === undefined) {
    const failed: CheckResult = {
      ...base,
      request: run.request,
      passed: false,
      reason: run.reason ?? 'The call could not be made.',
    };
    if (run.explanation !== undefined) failed.explanation = run.explanation;
    const deciding = decidingInEdited(
      run.explanation,
      edited,
      checkHint(check.actor, check.call.params),
    );
    if (deciding.length > 0) failed.deciding = deciding;
    return failed;
  }
  // An allowed call can still miss: the response lacks a value the check expects.
  const mismatches =
    run.got.outcome === 'allowed' ? responseMismatches(check.expect, run.response) : [];
  const result: CheckResult = {
    ...base,
    request: run.request,
    got: run.got,
    passed: outcomeMatches(check.expect, run.got) && mismatches.length === 0,
  };
  if (mismatches.length > 0) result.reason = `The call was allowed, but ${mismatches.join(' ')}`;
  if (run.explanation !== undefined) result.explanation = run.explanation;
  const deciding = decidingInEdited(
    run.explanation,
    edited,
    checkHint(check.actor, check.call.params),
  );
  if (deciding.length > 0) result.deciding = deciding;
  return result;
}

/** Grades one prediction question in the installed world (see Stage). */
function gradePrediction(
  question: Prediction,
  answer: PredictionChoice | undefined,
  stage: Stage,
  rejected: readonly DocumentResult[],
  actors: ActorCache,
): PredictionResult {
  const base = { id: question.id, question: question.question, actor: actorText(question.actor) };
  const given = answer === undefined ? {} : { answer };
  const refusal = rejected[0];
  if (refusal !== undefined)
    return {
      ...base,
      ...given,
      request: checkRequestText(stage.world, question),
      passed: false,
      reason: refusal.rejection ?? `${refusal.id} could not be installed.`,
    };
  const run = runCall(stage.world, question, actors.get(JSON.stringify(question.actor)));
  stage.reset(question, run.got);
  const engine = decisionClass(run);
  const out: PredictionResult = {
    ...base,
    ...given,
    request: run.request,
    passed: engine !== undefined && engine === answer,
  };
  if (engine !== undefined) out.engine = engine;
  if (run.got !== undefined) out.got = run.got;
  if (run.explanation !== undefined) out.explanation = run.explanation;
  if (run.reason !== undefined) out.reason = run.reason;
  else if (engine === undefined && run.got?.outcome === 'error')
    out.reason = `The call failed for a reason other than permissions: ${run.got.code}.`;
  return out;
}

/** A result in which nothing could run, for a failure of the grader itself. */
function brokenResult(exercise: Exercise, reason: string): GradeResult {
  const checks: CheckResult[] = exercise.checks.map((c) => ({
    description: c.description,
    actor: actorText(c.actor),
    request: `${c.call.service}:${c.call.operation}`,
    expected: expectedText(c.expect),
    passed: false,
    reason,
  }));
  const predictions: PredictionResult[] = (exercise.predict ?? []).map((q) => ({
    id: q.id,
    question: q.question,
    actor: actorText(q.actor),
    request: `${q.call.service}:${q.call.operation}`,
    passed: false,
    reason,
  }));
  return {
    documents: [],
    checks,
    predictions,
    passedCount: 0,
    total: checks.length + predictions.length,
    summary: gradeSummary(checks, predictions),
    lint: [],
    solved: false,
  };
}

/**
 * Loads the code grading `exercise` needs: its services, the helpers its actors need (the MFA
 * authenticator, a service's AssumeRole), the policy review when its lint bans flags. Resolves
 * once `gradeExercise` can grade it; rejects when a chunk cannot be fetched. Cheap to call
 * again: what is loaded stays loaded.
 */
export async function prepareGrading(exercise: Exercise): Promise<void> {
  await Promise.all([
    loadServices(servicesFor(exercise)),
    loadActorTools(gradedCalls(exercise).map((c) => c.actor)),
    loadLintRules(exercise),
  ]);
}

/** How to grade beyond the documents. */
export interface GradeOptions {
  /**
   * The world to grade instead of a fresh one from the seed: for a terminal task, a copy of the
   * world after the learner's commands (the grader changes it).
   */
  world?: World;
}

/**
 * Grades the learner's documents (editable id → text; a missing id counts as its starter, and a
 * read-only document is always its starter) and their prediction answers (question id →
 * choice; an unanswered question is wrong).
 *
 * Steps: fresh world from the seed → parse and install each document as the account root
 * (issues with ranges per document) → per check and prediction: resolve the actor (passing the
 * exercise's session policies on AssumeRole), rebuild the decision for the explanation, make
 * the call, compare → least-privilege rules.
 */
export function gradeExercise(
  exercise: Exercise,
  documents: Readonly<Record<string, string>>,
  answers: Readonly<Record<string, PredictionChoice>> = {},
  options: GradeOptions = {},
): GradeResult {
  try {
    // A terminal task is graded on the world the learner's commands left (the caller's copy);
    // without one, on the start state, as if nothing had been typed.
    const world = options.world ?? createWorldUnchecked(exercise.world);
    const texts: Record<string, string> = {};
    // A read-only document is the scenario: it is always graded as written.
    for (const e of exercise.editable)
      texts[e.id] = e.readOnly === true ? e.starter : (documents[e.id] ?? e.starter);
    const docs = installDocuments(world, exercise.editable, texts);
    const rejected = docs.filter((d) => !d.installed);
    const sessions = sessionPolicies(world, exercise.editable, texts, docs);
    const questions = exercise.predict ?? [];
    const actors = prepareActors(world, [...exercise.checks, ...questions], sessions);
    const stage = new Stage(world);
    const edited = editedPolicies(exercise.editable, texts);
    const checks = exercise.checks.map((c) => gradeCheck(c, stage, rejected, actors, edited));
    const predictions = questions.map((q) =>
      gradePrediction(q, answers[q.id], stage, rejected, actors),
    );
    const passedCount = [...checks, ...predictions].filter((c) => c.passed).length;
    const lint = rejected.length === 0 ? lintFindings(exercise, stage.world, texts, sessions) : [];
    const total = checks.length + predictions.length;
    return {
      documents: docs,
      checks,
      predictions,
      passedCount,
      total,
      summary: gradeSummary(checks, predictions),
      lint,
      solved: passedCount === total && lint.length === 0,
    };
  } catch (e) {
    return brokenResult(
      exercise,
      `The grader failed: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
