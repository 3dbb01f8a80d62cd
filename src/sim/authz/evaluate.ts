/**
 * Matching for the explanation: every statement of every applicable policy against the request,
 * once, each with its sentence. The decision order (decide.ts) then only reads these results.
 * Deciding alone does not come here: quick-decision.ts matches only what each step consults.
 */
import type { EvalCase, LoadedPolicy } from './case.ts';
import { matchStatement } from './statement.ts';
import type { CompiledStatement, MatchEnv, StatementResult } from './statement.ts';
import type { StatementTrace } from './types.ts';

/** The matched statements of one policy or one set of policies. */
export interface SetResult {
  /** Matching Deny statements. */
  readonly denies: readonly StatementTrace[];
  /** Matching Allow statements (with the principal form for resource-based policies). */
  readonly allows: readonly StatementResult[];
}

/** Everything matched, ready for the decision order. */
export interface Evaluated {
  /** Every statement considered, in evaluation order. */
  statements: StatementTrace[];
  /** Every matching Deny, in the order AWS lists the policy types (RCP, SCP, resource, identity…). */
  denies: StatementTrace[];
  /** Per RCP level (root → account): the matching Allows. */
  rcpLevels: readonly SetResult[];
  /** Per SCP level (root → account): the matching Allows. */
  scpLevels: readonly SetResult[];
  resource: SetResult;
  identity: SetResult;
  boundary: SetResult;
  session: SetResult;
}

/** The result of a set with no policies (or no matching statement); shared, never written to. */
const EMPTY_SET: SetResult = Object.freeze({ denies: Object.freeze([]), allows: Object.freeze([]) });

/**
 * Matches every statement of one policy and records the traces; the matching ones are added to
 * `set` (a fresh result, or EMPTY_SET until something matches — most sets match nothing).
 */
function runPolicy(loaded: LoadedPolicy, env: MatchEnv, withPrincipal: boolean, out: Evaluated, set: SetResult): SetResult {
  const compiled = loaded.compiled;
  for (let i = 0; i < compiled.length; i++) {
    const cs = compiled[i] as CompiledStatement;
    const trace = matchStatement(cs, env, loaded.source, loaded.index, withPrincipal);
    out.statements.push(trace);
    if (!trace.matched) continue;
    if (set === EMPTY_SET) set = { denies: [], allows: [] };
    if (cs.effect === 'Deny') {
      (set.denies as StatementTrace[]).push(trace);
      out.denies.push(trace);
    } else {
      (set.allows as StatementResult[]).push({ trace, form: env.form });
    }
  }
  return set;
}

/** Matches every statement of `policies` (each list entry in turn) and records the traces. */
function run(policies: readonly LoadedPolicy[], env: MatchEnv, withPrincipal: boolean, out: Evaluated): SetResult {
  let set = EMPTY_SET;
  for (let p = 0; p < policies.length; p++) set = runPolicy(policies[p] as LoadedPolicy, env, withPrincipal, out, set);
  return set;
}

/** `run` for a single optional policy. */
function runOne(loaded: LoadedPolicy | undefined, env: MatchEnv, withPrincipal: boolean, out: Evaluated): SetResult {
  return loaded === undefined ? EMPTY_SET : runPolicy(loaded, env, withPrincipal, out, EMPTY_SET);
}

/** The levels of a case without RCPs or SCPs; shared, never written to. */
const NO_LEVELS: readonly SetResult[] = Object.freeze([]);

/** Matches each level of an RCP or SCP hierarchy on its own. */
function runLevels(levels: readonly LoadedPolicy[], env: MatchEnv, withPrincipal: boolean, out: Evaluated): readonly SetResult[] {
  if (levels.length === 0) return NO_LEVELS;
  const results: SetResult[] = [];
  for (let i = 0; i < levels.length; i++) results.push(runOne(levels[i], env, withPrincipal, out));
  return results;
}

/** Matches every statement of all applicable policies of the case, with its sentence. */
export function evaluateCase(c: EvalCase): Evaluated {
  const env: MatchEnv = c;
  const out: Evaluated = {
    statements: [],
    denies: [],
    rcpLevels: NO_LEVELS,
    scpLevels: NO_LEVELS,
    resource: EMPTY_SET,
    identity: EMPTY_SET,
    boundary: EMPTY_SET,
    session: EMPTY_SET,
  };
  // RCPs name `"*"` as their principal, so they are matched with the principal check.
  out.rcpLevels = runLevels(c.rcp, env, true, out);
  out.scpLevels = runLevels(c.scp, env, false, out);
  out.resource = runOne(c.side.loaded, env, true, out);
  out.identity = run(c.identity, env, false, out);
  out.boundary = runOne(c.boundary, env, false, out);
  out.session = runOne(c.session, env, false, out);
  return out;
}
