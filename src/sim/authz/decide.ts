/**
 * The decision order, step by step, as AWS documents it (IAM "Policy evaluation logic" and its
 * 2024 enforcement-code page; "Cross-account policy evaluation logic"):
 * explicit deny → RCPs → SCPs → root user → resource-based policy → identity-based policies →
 * permissions boundary → session policy, with cross-account requests needing both sides.
 * Each step records its outcome in words, and the first step that decides ends the list.
 *
 * This walk is the explanation. Deciding alone takes the same order as yes/no questions in
 * quick-decision.ts, without matching what a step does not consult; a change to the order is made
 * in both (tests/unit/authz/lazy-explanation.test.ts holds them together).
 */
import type { EvalCase } from './case.ts';
import type { Evaluated, SetResult } from './evaluate.ts';
import { POLICY_TYPE } from './labels.ts';
import { formStrength } from './principal-match.ts';
import type { PrincipalForm } from './principal-match.ts';
import { isPublicPolicy } from './public-policy.ts';
import { STEP_WORDS as say } from './step-text.ts';
import type { StepWords } from './step-text.ts';
import type { Decision, EvaluationStep, StatementTrace } from './types.ts';

/** Why the decision came out as it did; summary.ts turns it into a sentence. */
export type Reason =
  | { code: 'always-allowed' }
  | { code: 'explicit-deny'; trace: StatementTrace }
  | { code: 'rcp-no-allow'; level: number }
  | { code: 'scp-no-allow'; level: number }
  | { code: 'root'; viaPolicy: boolean }
  | { code: 'resource-direct'; form: PrincipalForm }
  | { code: 'outsider-granted'; form: PrincipalForm }
  | { code: 'outsider-not-granted' }
  | { code: 'must-grant-missing' }
  | { code: 'public-blocked' }
  | { code: 'cross-account-resource-missing' }
  | { code: 'identity-missing'; crossAccount: boolean; accountGrant: boolean }
  | { code: 'boundary-missing'; viaRoleGrant: boolean }
  | { code: 'session-missing'; noPolicy: boolean }
  | { code: 'allowed'; crossAccount: boolean; viaRoleGrant: boolean; otherRoot: boolean };

/** The decision with its steps, deciding statements and reason. */
export interface Outcome {
  decision: Decision;
  /** The steps with their sentences. */
  steps: EvaluationStep[];
  deciding: StatementTrace[];
  /** The policy type that denied, as AWS names it. */
  deniedBy?: string;
  reason: Reason;
}

/** The steps taken so far, and the two ways a decision ends. */
class Trail {
  readonly steps: EvaluationStep[] = [];

  constructor(private readonly c: EvalCase) {}

  /** Records one step, its sentence made by `words` (step-text.ts) from the case and `arg`. */
  add<A>(id: EvaluationStep['step'], outcome: EvaluationStep['outcome'], words: StepWords<A>, arg: A): void {
    this.steps.push({ step: id, outcome, detail: words(this.c, arg) });
  }

  /** Ends with a denial, marking the last step as the deciding one. */
  deny(reason: Reason, deniedBy: string, deciding: StatementTrace[] = []): Outcome {
    const last = this.steps[this.steps.length - 1];
    if (last !== undefined) last.outcome = 'deny';
    return { decision: reason.code === 'explicit-deny' ? 'ExplicitDeny' : 'ImplicitDeny', steps: this.steps, deciding, deniedBy, reason };
  }

  /** Ends with Allow, marking the last step as the deciding one. */
  allow(reason: Reason, deciding: StatementTrace[]): Outcome {
    const last = this.steps[this.steps.length - 1];
    if (last !== undefined) last.outcome = 'allow';
    return { decision: 'Allow', steps: this.steps, deciding, reason };
  }
}

/** The allow traces of a set. */
function traces(set: SetResult): StatementTrace[] {
  return set.allows.map((a) => a.trace);
}

/** Runs the decision order over the matched statements, recording each step with its sentence. */
export function decide(c: EvalCase, ev: Evaluated): Outcome {
  const t = new Trail(c);
  const { caller } = c;
  const side = c.side;
  const sideStep: EvaluationStep['step'] = side.kind === 'role-trust' ? 'trust-policy' : 'resource-policy';
  const sideType = side.kind === 'role-trust' ? POLICY_TYPE.trust : POLICY_TYPE.resource;

  // GetCallerIdentity needs no permission and "you can still perform this operation" under an
  // explicit deny (STS API reference, GetCallerIdentity). Unsigned callers cannot call it at all.
  if (c.actionLower === 'sts:getcalleridentity' && caller.type !== 'Anonymous') {
    t.add('always-allowed', 'allow', say.alwaysAllowed, undefined);
    return t.allow({ code: 'always-allowed' }, []);
  }

  // 1. Any matching Deny, in any policy, ends it.
  const firstDeny = ev.denies[0];
  if (firstDeny !== undefined) {
    t.add('explicit-deny', 'deny', say.denyMatches, firstDeny);
    return t.deny({ code: 'explicit-deny', trace: firstDeny }, POLICY_TYPE[firstDeny.source], ev.denies);
  }
  t.add('explicit-deny', 'continue', say.noDeny, undefined);

  // 2. RCPs: every level of the resource's account must allow.
  if (!c.rcpApplies) t.add('rcp', 'skipped', say.rcpSkipped, undefined);
  else {
    const missing = ev.rcpLevels.findIndex((l) => l.allows.length === 0);
    if (missing >= 0) {
      t.add('rcp', 'deny', say.rcpLevelMissing, missing + 1);
      return t.deny({ code: 'rcp-no-allow', level: missing + 1 }, POLICY_TYPE.rcp);
    }
    t.add('rcp', 'continue', say.rcpAllows, undefined);
  }

  // 3. SCPs: every level above the caller's account must allow.
  if (!c.scpApplies) t.add('scp', 'skipped', say.scpSkipped, undefined);
  else {
    const missing = ev.scpLevels.findIndex((l) => l.allows.length === 0);
    if (missing >= 0) {
      t.add('scp', 'deny', say.scpLevelMissing, missing + 1);
      return t.deny({ code: 'scp-no-allow', level: missing + 1 }, POLICY_TYPE.scp);
    }
    t.add('scp', 'continue', say.scpAllows, undefined);
  }

  const outsider = caller.type === 'AWSService' || caller.type === 'Anonymous' || caller.type === 'WebIdentity' || caller.type === 'SAML';
  const crossAccount = !outsider && caller.account !== c.resourceAccount;
  const isRoot = caller.type === 'Root';

  // 4. The root user has full access to its own account (not to KMS keys or trust policies).
  if (!isRoot) t.add('root', 'skipped', say.notRoot, undefined);
  else if (!crossAccount && !side.mustGrant) {
    t.add('root', 'allow', say.rootOwnsIt, undefined);
    return t.allow({ code: 'root', viaPolicy: false }, []);
  } else if (!crossAccount) {
    t.add('root', 'continue', say.rootNeedsSide, undefined);
  } else {
    t.add('root', 'continue', say.rootOfOtherAccount, undefined);
  }

  // 5. The resource-based policy, and how it names the caller.
  let grants = ev.resource.allows;
  const sidePolicy = side.loaded?.policy;
  const blockedAsPublic =
    c.restrictPublicBuckets && side.kind === 's3-bucket' && sidePolicy !== undefined && caller.type !== 'AWSService' &&
    (outsider || crossAccount) && grants.length > 0 && isPublicPolicy(sidePolicy);
  if (blockedAsPublic) grants = [];
  let form: PrincipalForm | null = null;
  for (const g of grants) if (g.form !== null && (form === null || formStrength(g.form) > formStrength(form))) form = g.form;
  const grantTraces = grants.map((g) => g.trace);

  if (outsider) {
    if (form === null) {
      t.add(sideStep, 'deny', say.outsiderNotGranted, blockedAsPublic);
      return t.deny({ code: blockedAsPublic ? 'public-blocked' : 'outsider-not-granted' }, sideType);
    }
    t.add(sideStep, 'allow', say.sideAllows, form);
    return t.allow({ code: 'outsider-granted', form }, grantTraces);
  }

  if (crossAccount) {
    if (form === null) {
      t.add(sideStep, 'deny', say.crossAccountNotGranted, blockedAsPublic);
      return t.deny({ code: blockedAsPublic ? 'public-blocked' : 'cross-account-resource-missing' }, sideType);
    }
    t.add(sideStep, 'continue', say.crossAccountGranted, form);
    if (isRoot) {
      t.add('identity', 'skipped', say.rootNeedsNoIdentity, undefined);
      t.add('cross-account', 'allow', say.bothAccountsAllow, undefined);
      return t.allow({ code: 'allowed', crossAccount: true, viaRoleGrant: false, otherRoot: true }, grantTraces);
    }
    return identitySide(c, ev, t, { crossAccount: true, roleGrant: false, accountGrant: false, grantTraces });
  }

  if (form === null) {
    if (side.mustGrant) {
      t.add(sideStep, 'deny', say.mustGrantMissing, undefined);
      return t.deny({ code: 'must-grant-missing' }, sideType);
    }
    t.add(sideStep, sidePolicy === undefined ? 'skipped' : 'continue', say.sideGrantsNothing, undefined);
  } else if (isRoot) {
    t.add(sideStep, 'allow', say.rootGrantedBySide, form);
    return t.allow({ code: 'root', viaPolicy: true }, grantTraces);
  } else if (formStrength(form) === 3 && !(form === 'any' && caller.type === 'FederatedUser')) {
    t.add(sideStep, 'allow', say.sideGrantsDirectly, form);
    return t.allow({ code: 'resource-direct', form }, grantTraces);
  } else if (form === 'account') {
    t.add(sideStep, 'continue', say.sideNamesAccount, undefined);
  } else if (form === 'any') {
    // GetFederationToken: a session without a session policy has no permissions "unless the
    // resource-based policy specifically references the federated user session" — "*" does not.
    t.add(sideStep, 'continue', say.sideAnyNotFederated, undefined);
  } else {
    t.add(sideStep, 'continue', say.sideNamesCaller, form);
  }
  const roleGrant = form === 'role' || form === 'federating-user' || form === 'any';
  return identitySide(c, ev, t, { crossAccount: false, roleGrant, accountGrant: form === 'account', grantTraces });
}

/** What the identity side needs to know about the resource side. */
interface SideFacts {
  crossAccount: boolean;
  /** The resource policy named the caller's role (or the federating user): no identity Allow needed. */
  roleGrant: boolean;
  accountGrant: boolean;
  grantTraces: StatementTrace[];
}

/** Steps 5–7: identity-based policies, permissions boundary, session policy. */
function identitySide(
  c: EvalCase,
  ev: Evaluated,
  t: Trail,
  facts: SideFacts,
): Outcome {
  const { caller } = c;
  const deciding: StatementTrace[] = [];
  const idAllows = traces(ev.identity);
  if (idAllows.length > 0) {
    t.add('identity', 'continue', say.identityAllows, undefined);
    deciding.push(...idAllows);
  } else if (facts.roleGrant) {
    t.add('identity', 'continue', say.identityNotNeeded, undefined);
    deciding.push(...facts.grantTraces);
  } else {
    t.add('identity', 'deny', say.identityMissing, undefined);
    return t.deny({ code: 'identity-missing', crossAccount: facts.crossAccount, accountGrant: facts.accountGrant }, POLICY_TYPE.identity);
  }
  if (facts.crossAccount || facts.accountGrant) deciding.push(...facts.grantTraces);

  if (c.boundary === undefined) t.add('boundary', 'skipped', say.noBoundary, undefined);
  else if (ev.boundary.allows.length === 0) {
    t.add('boundary', 'deny', say.boundaryMissing, undefined);
    return t.deny({ code: 'boundary-missing', viaRoleGrant: facts.roleGrant && idAllows.length === 0 }, POLICY_TYPE.boundary);
  } else {
    t.add('boundary', 'continue', say.boundaryAllows, undefined);
    deciding.push(...traces(ev.boundary));
  }

  const viaRoleGrant = facts.roleGrant && idAllows.length === 0;
  const last = facts.crossAccount ? 'continue' : 'allow';
  if (caller.type === 'AssumedRole' || caller.type === 'FederatedUser') {
    if (c.session !== undefined) {
      if (ev.session.allows.length === 0) {
        t.add('session', 'deny', say.sessionMissing, undefined);
        return t.deny({ code: 'session-missing', noPolicy: false }, POLICY_TYPE.session);
      }
      t.add('session', last, say.sessionAllows, undefined);
      deciding.push(...traces(ev.session));
      return allowed(t, facts.crossAccount, viaRoleGrant, deciding);
    }
    if (caller.type === 'FederatedUser') {
      t.add('session', 'deny', say.federatedWithoutSessionPolicy, undefined);
      return t.deny({ code: 'session-missing', noPolicy: true }, POLICY_TYPE.session);
    }
    t.add('session', last, say.noSessionPolicy, undefined);
    return allowed(t, facts.crossAccount, viaRoleGrant, deciding);
  }
  t.add('session', last, say.notASession, undefined);
  return allowed(t, facts.crossAccount, viaRoleGrant, deciding);
}

/** The end of an allowed path; a cross-account request records that both sides agreed. */
function allowed(t: Trail, crossAccount: boolean, viaRoleGrant: boolean, deciding: StatementTrace[]): Outcome {
  if (crossAccount) t.add('cross-account', 'allow', say.bothSidesAllow, undefined);
  return t.allow({ code: 'allowed', crossAccount, viaRoleGrant, otherRoot: false }, deciding);
}
