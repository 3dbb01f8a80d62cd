/**
 * Deciding alone: the decision and, for a denial, the policy type that denied, as `authorize()`
 * takes them before anyone reads the explanation.
 *
 * This is decide.ts's decision order asked as yes/no questions. Each question matches statements
 * only until it has its answer: the Deny statements first (any match ends it), then, step by step,
 * only the Allow statements the step consults — the first Allow in an identity-based policy is
 * enough, and an identity policy is not read at all when an SCP level or the resource side has
 * already decided. Nothing is allocated, and no sentence is built.
 *
 * decide.ts walks the same order over every statement matched (evaluate.ts) and records the
 * steps in words; that is the explanation, built on demand. Both use `statementMiss`, the one
 * place the matching rules live, and tests/unit/authz/lazy-explanation.test.ts holds the two
 * walks to the same decision on every golden, differential and generated case. A change to the
 * decision order is made in both files.
 */
import type { EvalCase, LoadedPolicy } from './case.ts';
import { POLICY_TYPE } from './labels.ts';
import { formStrength } from './principal-match.ts';
import type { PrincipalForm } from './principal-match.ts';
import { isPublicPolicy } from './public-policy.ts';
import { MATCHED, statementMiss } from './statement.ts';
import type { CompiledStatement, MatchEnv } from './statement.ts';
import type { Decision, PolicySource } from './types.ts';

/** A decision without its explanation. Shared, frozen objects: deciding allocates none. */
export interface QuickDecision {
  readonly decision: Decision;
  /** The policy type that denied, as AWS names it (POLICY_TYPE); undefined for Allow. */
  readonly deniedBy: string | undefined;
}

const ALLOW: QuickDecision = Object.freeze({ decision: 'Allow', deniedBy: undefined });

/** One frozen outcome per policy type, for each kind of denial. */
function denials(decision: Decision): Readonly<Record<PolicySource, QuickDecision>> {
  const out = {} as Record<PolicySource, QuickDecision>;
  for (const source of Object.keys(POLICY_TYPE) as PolicySource[]) {
    out[source] = Object.freeze({ decision, deniedBy: POLICY_TYPE[source] });
  }
  return Object.freeze(out);
}

const EXPLICIT = denials('ExplicitDeny');
const IMPLICIT = denials('ImplicitDeny');

/** True when a statement of `statements` applies to the request. */
function anyMatches(statements: readonly CompiledStatement[], env: MatchEnv, withPrincipal: boolean): boolean {
  for (let i = 0; i < statements.length; i++) {
    if (statementMiss(statements[i] as CompiledStatement, env, withPrincipal) === MATCHED) return true;
  }
  return false;
}

/** The first policy of `policies` with a matching Deny statement, or undefined. */
function denyingPolicy(policies: readonly LoadedPolicy[], env: MatchEnv, withPrincipal: boolean): LoadedPolicy | undefined {
  for (let p = 0; p < policies.length; p++) {
    const loaded = policies[p] as LoadedPolicy;
    if (anyMatches(loaded.denies, env, withPrincipal)) return loaded;
  }
  return undefined;
}

/** True when some policy of `policies` has no matching Allow (each RCP or SCP level must allow). */
function someLevelWithoutAllow(levels: readonly LoadedPolicy[], env: MatchEnv, withPrincipal: boolean): boolean {
  for (let p = 0; p < levels.length; p++) {
    if (!anyMatches((levels[p] as LoadedPolicy).allows, env, withPrincipal)) return true;
  }
  return false;
}

/** True when some policy of `policies` has a matching Allow. */
function someAllow(policies: readonly LoadedPolicy[], env: MatchEnv): boolean {
  for (let p = 0; p < policies.length; p++) {
    if (anyMatches((policies[p] as LoadedPolicy).allows, env, false)) return true;
  }
  return false;
}

/** The strongest way a matching Allow of the resource-side policy names the caller, or null. */
function strongestGrant(side: LoadedPolicy, env: MatchEnv): PrincipalForm | null {
  let form: PrincipalForm | null = null;
  const allows = side.allows;
  for (let i = 0; i < allows.length; i++) {
    if (statementMiss(allows[i] as CompiledStatement, env, true) !== MATCHED) continue;
    const named = env.form;
    if (named !== null && (form === null || formStrength(named) > formStrength(form))) form = named;
  }
  return form;
}

/** The policy that denies explicitly, in the order AWS lists the policy types, or undefined. */
function explicitDeny(c: EvalCase, env: MatchEnv): LoadedPolicy | undefined {
  const side = c.side.loaded;
  // RCPs name `"*"` as their principal, so they are matched with the principal check.
  return (
    denyingPolicy(c.rcp, env, true) ??
    denyingPolicy(c.scp, env, false) ??
    (side !== undefined && anyMatches(side.denies, env, true) ? side : undefined) ??
    denyingPolicy(c.identity, env, false) ??
    (c.boundary !== undefined && anyMatches(c.boundary.denies, env, false) ? c.boundary : undefined) ??
    (c.session !== undefined && anyMatches(c.session.denies, env, false) ? c.session : undefined)
  );
}

/**
 * Decides the case in AWS's evaluation order (see decide.ts for each step and its source),
 * without explaining. Never throws on a case `buildCase` accepted.
 */
export function quickDecision(c: EvalCase): QuickDecision {
  const { caller, side } = c;
  // GetCallerIdentity needs no permission, and no policy can deny it (STS API reference).
  if (c.actionLower === 'sts:getcalleridentity' && caller.type !== 'Anonymous') return ALLOW;

  // The case is its own match environment (statement.ts writes `form` into it).
  const env: MatchEnv = c;

  // 1. Any matching Deny, in any policy, ends it.
  const denying = explicitDeny(c, env);
  if (denying !== undefined) return EXPLICIT[denying.source];

  // 2–3. Every RCP level, then every SCP level, must allow.
  if (c.rcpApplies && someLevelWithoutAllow(c.rcp, env, true)) return IMPLICIT.rcp;
  if (c.scpApplies && someLevelWithoutAllow(c.scp, env, false)) return IMPLICIT.scp;

  const type = caller.type;
  const outsider = type === 'AWSService' || type === 'Anonymous' || type === 'WebIdentity' || type === 'SAML';
  const crossAccount = !outsider && caller.account !== c.resourceAccount;
  const isRoot = type === 'Root';

  // 4. The root user has full access to its own account (not to KMS keys or trust policies).
  if (isRoot && !crossAccount && !side.mustGrant) return ALLOW;

  // 5. The resource-based policy, and how it names the caller.
  const sideDenial = side.kind === 'role-trust' ? IMPLICIT.trust : IMPLICIT.resource;
  const sidePolicy = side.loaded;
  let form = sidePolicy === undefined ? null : strongestGrant(sidePolicy, env);
  if (
    form !== null && c.restrictPublicBuckets && side.kind === 's3-bucket' && type !== 'AWSService' &&
    (outsider || crossAccount) && sidePolicy !== undefined && isPublicPolicy(sidePolicy.policy)
  ) {
    form = null;
  }
  if (outsider) return form === null ? sideDenial : ALLOW;
  let roleGrant = false;
  if (crossAccount) {
    if (form === null) return sideDenial;
    if (isRoot) return ALLOW;
  } else if (form === null) {
    if (side.mustGrant) return sideDenial;
  } else if (isRoot) {
    return ALLOW;
  } else if (formStrength(form) === 3 && !(form === 'any' && type === 'FederatedUser')) {
    return ALLOW;
  } else {
    roleGrant = form === 'role' || form === 'federating-user' || form === 'any';
  }

  // 6. Identity-based policies (a grant to the caller's role stands in for them).
  if (!roleGrant && !someAllow(c.identity, env)) return IMPLICIT.identity;
  // 7. The permissions boundary.
  if (c.boundary !== undefined && !anyMatches(c.boundary.allows, env, false)) return IMPLICIT.boundary;
  // 8. The session policy.
  if (type === 'AssumedRole' || type === 'FederatedUser') {
    if (c.session !== undefined) return anyMatches(c.session.allows, env, false) ? ALLOW : IMPLICIT.session;
    // A federated session without a session policy has no permissions (GetFederationToken).
    if (type === 'FederatedUser') return IMPLICIT.session;
  }
  return ALLOW;
}
