/**
 * Least-privilege rules: probes that must stay denied, and risk flags (reviewPolicy) that no
 * edited document may raise. Probes run like checks, each on its own copy of the world.
 */
import { cloneWorld } from '../sim/world/snapshot.ts';
import { parsePolicy } from '../sim/policy/index.ts';
import type { reviewPolicy } from '../sim/review/index.ts';
import type { World } from '../sim/index.ts';
import type { SessionPolicies } from './actors.ts';
import { POLICY_KIND } from './install.ts';
import type { LintFinding } from './result.ts';
import { runCall } from './run-call.ts';
import type { Exercise } from './schema.ts';

// The review (risk flags) is a chunk of its own, shared with the policy editor: only the
// exercises that ban flags need it, so it loads with them (loadLintRules) and not with the grader.
let review: typeof reviewPolicy | undefined;

/** Loads what `exercise`'s lint rules need beyond the grader: the policy review, when it bans flags. */
export async function loadLintRules(exercise: Exercise): Promise<void> {
  if ((exercise.lint?.noFlags ?? []).length > 0 && review === undefined)
    review = (await import('../sim/review/index.ts')).reviewPolicy;
}

/** The findings for an exercise's lint rules, given the installed world, the graded texts and the session policies passed on AssumeRole. */
export function lintFindings(
  exercise: Exercise,
  installed: World,
  texts: Readonly<Record<string, string>>,
  sessionPolicies?: SessionPolicies,
): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const probe of exercise.lint?.mustDeny ?? []) {
    const run = runCall(cloneWorld(installed), probe, undefined, sessionPolicies);
    if (run.got?.outcome === 'allowed')
      findings.push({
        rule: 'mustDeny',
        message: `Also allowed: ${probe.description} (${run.request}).`,
        request: run.request,
      });
  }
  const banned = new Set<string>(exercise.lint?.noFlags ?? []);
  if (banned.size === 0) return findings;
  if (review === undefined) throw new Error('the policy review is not loaded (await prepareGrading first).');
  for (const e of exercise.editable) {
    const policy = parsePolicy(texts[e.id] ?? e.starter, POLICY_KIND[e.kind]).policy;
    if (policy === null) continue;
    // The owning account lets the review tell a cross-account trust (no ExternalId) from a local one.
    const owner = ('account' in e.target ? e.target.account : undefined) ?? exercise.world.accounts[0]?.id;
    for (const flag of review(policy, owner === undefined ? {} : { account: owner }).flags) {
      if (banned.has(flag.code))
        findings.push({
          rule: 'flag',
          message: `${e.label}: ${flag.title}`,
          editable: e.id,
          flag: flag.code,
        });
    }
  }
  return findings;
}
