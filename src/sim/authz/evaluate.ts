/**
 * Step one of every decision: match every statement of every applicable policy against the
 * request, once. The decision order (decide.ts) then only reads these results.
 */
import type { EvalCase, LoadedPolicy } from './case.ts';
import { matchStatement } from './statement.ts';
import type { MatchEnv, StatementResult } from './statement.ts';
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
  rcpLevels: SetResult[];
  /** Per SCP level (root → account): the matching Allows. */
  scpLevels: SetResult[];
  resource: SetResult;
  identity: SetResult;
  boundary: SetResult;
  session: SetResult;
}

/** The result of a set with no policies; shared, never written to. */
const EMPTY_SET: SetResult = Object.freeze({ denies: Object.freeze([]), allows: Object.freeze([]) });

/** Matches every statement of `policies` and records the traces. */
function run(policies: readonly LoadedPolicy[], env: MatchEnv, withPrincipal: boolean, out: Evaluated): SetResult {
  if (policies.length === 0) return EMPTY_SET;
  const denies: StatementTrace[] = [];
  const allows: StatementResult[] = [];
  for (const loaded of policies) {
    for (const cs of loaded.compiled) {
      const r = matchStatement(cs, env, loaded.source, loaded.index, withPrincipal);
      out.statements.push(r.trace);
      if (!r.trace.matched) continue;
      if (cs.statement.effect === 'Deny') {
        denies.push(r.trace);
        out.denies.push(r.trace);
      } else {
        allows.push(r);
      }
    }
  }
  return { denies, allows };
}

const NONE: readonly LoadedPolicy[] = [];

/** Matches all applicable policies of the case. */
export function evaluateCase(c: EvalCase): Evaluated {
  const env: MatchEnv = {
    caller: c.caller,
    action: c.action,
    actionLower: c.actionLower,
    resource: c.resource,
    ctx: c.ctx,
    hasBoundary: c.boundary !== undefined,
  };
  const out: Evaluated = {
    statements: [],
    denies: [],
    rcpLevels: [],
    scpLevels: [],
    resource: EMPTY_SET,
    identity: EMPTY_SET,
    boundary: EMPTY_SET,
    session: EMPTY_SET,
  };
  // RCPs name `"*"` as their principal, so they are matched with the principal check.
  for (const level of c.rcp) out.rcpLevels.push(run([level], env, true, out));
  for (const level of c.scp) out.scpLevels.push(run([level], env, false, out));
  out.resource = run(c.side.loaded === undefined ? NONE : [c.side.loaded], env, true, out);
  out.identity = run(c.identity, env, false, out);
  out.boundary = run(c.boundary === undefined ? NONE : [c.boundary], env, false, out);
  out.session = run(c.session === undefined ? NONE : [c.session], env, false, out);
  return out;
}
