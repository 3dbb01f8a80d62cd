/**
 * The decision order, step by step, as AWS documents it (IAM "Policy evaluation logic" and its
 * 2024 enforcement-code page; "Cross-account policy evaluation logic"):
 * explicit deny → RCPs → SCPs → root user → resource-based policy → identity-based policies →
 * permissions boundary → session policy, with cross-account requests needing both sides.
 * Each step records its outcome in words, and the first step that decides ends the list.
 */
import type { EvalCase } from './case.ts';
import type { Evaluated, SetResult } from './evaluate.ts';
import { callerObject, POLICY_TYPE, sideName, whereText } from './labels.ts';
import { FORM_STRENGTH } from './principal-match.ts';
import type { PrincipalForm } from './principal-match.ts';
import { isPublicPolicy } from './public-policy.ts';
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
  steps: EvaluationStep[];
  deciding: StatementTrace[];
  /** The policy type that denied, as AWS names it. */
  deniedBy?: string;
  reason: Reason;
}

/** The steps taken so far, and the two ways a decision ends. A class, not closures: no per-call allocations. */
class Trail {
  readonly steps: EvaluationStep[] = [];

  /** Records one step. */
  add(id: EvaluationStep['step'], outcome: EvaluationStep['outcome'], detail: string): void {
    this.steps.push({ step: id, outcome, detail });
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

/** Step detail: Block Public Access made the bucket policy's grants void for this caller. */
function blockedText(sideLabel: string): string {
  return `The ${sideLabel} is public, and S3 Block Public Access (RestrictPublicBuckets) lets only AWS services and the bucket owner's account use it.`;
}

/** Step detail: the resource's policy grants nothing to this caller. */
function noGrantText(c: EvalCase, sideLabel: string, who: string): string {
  return c.side.loaded === undefined ? `There is no ${sideLabel} on this resource.` : `No statement in the ${sideLabel} allows ${c.action} for ${who}.`;
}

/** The allow traces of a set. */
function traces(set: SetResult): StatementTrace[] {
  return set.allows.map((a) => a.trace);
}

/** Says how a grant named the caller, for step details. */
function formText(form: PrincipalForm, who: string): string {
  switch (form) {
    case 'any':
      return 'everyone (Principal "*")';
    case 'account':
      return 'your account';
    case 'role':
      return 'your role';
    case 'federating-user':
      return 'the IAM user who created your federated session';
    default:
      return who;
  }
}

/** Runs the decision order over matched statements. */
export function decide(c: EvalCase, ev: Evaluated): Outcome {
  const t = new Trail();
  const { caller, action } = c;
  const side = c.side;
  const sideLabel = sideName(side.kind);
  const sideStep: EvaluationStep['step'] = side.kind === 'role-trust' ? 'trust-policy' : 'resource-policy';
  const sideType = side.kind === 'role-trust' ? POLICY_TYPE.trust : POLICY_TYPE.resource;
  const who = callerObject(caller);

  // GetCallerIdentity needs no permission and "you can still perform this operation" under an
  // explicit deny (STS API reference, GetCallerIdentity). Unsigned callers cannot call it at all.
  if (c.actionLower === 'sts:getcalleridentity' && caller.type !== 'Anonymous') {
    t.add('always-allowed', 'allow', 'sts:GetCallerIdentity needs no permission, and no policy can deny it.');
    return t.allow({ code: 'always-allowed' }, []);
  }

  // 1. Any matching Deny, in any policy, ends it.
  const firstDeny = ev.denies[0];
  if (firstDeny !== undefined) {
    t.add('explicit-deny', 'deny', `A Deny statement in ${whereText(firstDeny.source, firstDeny.policyIndex, firstDeny.sid, side.kind)} matches: ${firstDeny.detail}. An explicit deny overrides every Allow.`);
    return t.deny({ code: 'explicit-deny', trace: firstDeny }, POLICY_TYPE[firstDeny.source], ev.denies);
  }
  t.add('explicit-deny', 'continue', 'No Deny statement in any policy matches this request.');

  // 2. RCPs: every level of the resource's account must allow.
  if (!c.rcpApplies) t.add('rcp', 'skipped', c.rcpReason);
  else {
    const missing = ev.rcpLevels.findIndex((l) => l.allows.length === 0);
    if (missing >= 0) {
      t.add('rcp', 'deny', `The resource control policy at level ${missing + 1} has no statement that allows ${action}; every level must allow it.`);
      return t.deny({ code: 'rcp-no-allow', level: missing + 1 }, POLICY_TYPE.rcp);
    }
    t.add('rcp', 'continue', `Every resource control policy level allows ${action}.`);
  }

  // 3. SCPs: every level above the caller's account must allow.
  if (!c.scpApplies) t.add('scp', 'skipped', c.scpReason);
  else {
    const missing = ev.scpLevels.findIndex((l) => l.allows.length === 0);
    if (missing >= 0) {
      t.add('scp', 'deny', `The service control policy at level ${missing + 1} has no statement that allows ${action}; every level must allow it.`);
      return t.deny({ code: 'scp-no-allow', level: missing + 1 }, POLICY_TYPE.scp);
    }
    t.add('scp', 'continue', `Every service control policy level allows ${action}.`);
  }

  const outsider = caller.type === 'AWSService' || caller.type === 'Anonymous' || caller.type === 'WebIdentity' || caller.type === 'SAML';
  const crossAccount = !outsider && caller.account !== c.resourceAccount;
  const isRoot = caller.type === 'Root';

  // 4. The root user has full access to its own account (not to KMS keys or trust policies).
  if (!isRoot) t.add('root', 'skipped', 'You are not the root user.');
  else if (!crossAccount && !side.mustGrant) {
    t.add('root', 'allow', `You are the root user of account ${caller.account ?? ''}, which owns the resource, and the root user has full access to its own account.`);
    return t.allow({ code: 'root', viaPolicy: false }, []);
  } else if (!crossAccount) {
    t.add('root', 'continue', `Even the root user needs the ${sideLabel} to allow this.`);
  } else {
    t.add('root', 'continue', `You are the root user of account ${caller.account ?? ''}, but the resource belongs to account ${c.resourceAccount ?? ''}, which must let your account in.`);
  }

  // 5. The resource-based policy, and how it names the caller.
  let grants = ev.resource.allows;
  const sidePolicy = side.loaded?.policy;
  const blockedAsPublic =
    c.restrictPublicBuckets && side.kind === 's3-bucket' && sidePolicy !== undefined && caller.type !== 'AWSService' &&
    (outsider || crossAccount) && grants.length > 0 && isPublicPolicy(sidePolicy);
  if (blockedAsPublic) grants = [];
  let form: PrincipalForm | null = null;
  for (const g of grants) if (g.form !== null && (form === null || FORM_STRENGTH[g.form] > FORM_STRENGTH[form])) form = g.form;
  const grantTraces = grants.map((g) => g.trace);

  if (outsider) {
    if (form === null) {
      t.add(sideStep, 'deny', blockedAsPublic ? blockedText(sideLabel) : `${noGrantText(c, sideLabel, who)} Only the ${sideLabel} can grant access to ${who}.`);
      return t.deny({ code: blockedAsPublic ? 'public-blocked' : 'outsider-not-granted' }, sideType);
    }
    t.add(sideStep, 'allow', `The ${sideLabel} allows ${action} for ${formText(form, who)}.`);
    return t.allow({ code: 'outsider-granted', form }, grantTraces);
  }

  if (crossAccount) {
    if (form === null) {
      t.add(sideStep, 'deny', blockedAsPublic ? blockedText(sideLabel) : `The resource is in account ${c.resourceAccount ?? ''}: ${noGrantText(c, sideLabel, who)}`);
      return t.deny({ code: blockedAsPublic ? 'public-blocked' : 'cross-account-resource-missing' }, sideType);
    }
    t.add(sideStep, 'continue', `The ${sideLabel} in account ${c.resourceAccount ?? ''} allows ${action} for ${formText(form, who)}; your own account must allow it too.`);
    if (isRoot) {
      t.add('identity', 'skipped', 'As the root user of your account you need no identity-based policy.');
      t.add('cross-account', 'allow', 'Both accounts allow the request.');
      return t.allow({ code: 'allowed', crossAccount: true, viaRoleGrant: false, otherRoot: true }, grantTraces);
    }
    return identitySide(c, ev, t, { crossAccount: true, roleGrant: false, accountGrant: false, grantTraces });
  }

  if (form === null) {
    if (side.mustGrant) {
      t.add(sideStep, 'deny', `${noGrantText(c, sideLabel, who)} ${side.kind === 'kms-key' ? 'A KMS key' : 'A role'} can be used only when its ${sideLabel} allows it; an identity-based policy alone is not enough.`);
      return t.deny({ code: 'must-grant-missing' }, sideType);
    }
    t.add(sideStep, sidePolicy === undefined ? 'skipped' : 'continue', sidePolicy === undefined ? `There is no ${sideLabel} on this resource.` : `${noGrantText(c, sideLabel, who)} Your identity-based policies decide.`);
  } else if (isRoot) {
    t.add(sideStep, 'allow', `The ${sideLabel} allows ${action} for ${formText(form, who)}, and the root user needs nothing more.`);
    return t.allow({ code: 'root', viaPolicy: true }, grantTraces);
  } else if (FORM_STRENGTH[form] === 3 && !(form === 'any' && caller.type === 'FederatedUser')) {
    t.add(
      sideStep,
      'allow',
      form === 'any'
        ? `The ${sideLabel} allows ${action} for everyone (Principal "*"); principals of the resource's own account need no other permission.`
        : `The ${sideLabel} names ${formText(form, who)} directly, so neither identity-based policies, a permissions boundary nor a session policy can limit this grant.`,
    );
    return t.allow({ code: 'resource-direct', form }, grantTraces);
  } else if (form === 'account') {
    t.add(sideStep, 'continue', `The ${sideLabel} names your account, which only delegates: your own policies must allow ${action} too.`);
  } else if (form === 'any') {
    // GetFederationToken: a session without a session policy has no permissions "unless the
    // resource-based policy specifically references the federated user session" — "*" does not.
    t.add(sideStep, 'continue', `The ${sideLabel} allows ${action} for everyone (Principal "*"), but that does not name your federated user session, so your session policy must allow it too.`);
  } else {
    t.add(sideStep, 'continue', `The ${sideLabel} names ${formText(form, who)}: no identity-based policy is needed, but a permissions boundary and session policy still limit it.`);
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
  const { action, resource, caller } = c;
  const deciding: StatementTrace[] = [];
  const idAllows = traces(ev.identity);
  if (idAllows.length > 0) {
    t.add('identity', 'continue', `An identity-based policy allows ${action} on ${resource}.`);
    deciding.push(...idAllows);
  } else if (facts.roleGrant) {
    t.add('identity', 'continue', 'No identity-based policy allows it, but none is needed: the resource policy names your role.');
    deciding.push(...facts.grantTraces);
  } else {
    const none = c.identity.length === 0 ? 'You have no identity-based policies' : 'No identity-based policy allows';
    t.add('identity', 'deny', `${none}${c.identity.length === 0 ? '' : ` ${action} on ${resource}`}.`);
    return t.deny({ code: 'identity-missing', crossAccount: facts.crossAccount, accountGrant: facts.accountGrant }, POLICY_TYPE.identity);
  }
  if (facts.crossAccount || facts.accountGrant) deciding.push(...facts.grantTraces);

  if (c.boundary === undefined) t.add('boundary', 'skipped', 'No permissions boundary is attached.');
  else if (ev.boundary.allows.length === 0) {
    t.add('boundary', 'deny', `Your permissions boundary does not allow ${action} on ${resource}; it caps what your policies can grant.`);
    return t.deny({ code: 'boundary-missing', viaRoleGrant: facts.roleGrant && idAllows.length === 0 }, POLICY_TYPE.boundary);
  } else {
    t.add('boundary', 'continue', `Your permissions boundary allows ${action}.`);
    deciding.push(...traces(ev.boundary));
  }

  const viaRoleGrant = facts.roleGrant && idAllows.length === 0;
  if (caller.type === 'AssumedRole' || caller.type === 'FederatedUser') {
    if (c.session !== undefined) {
      if (ev.session.allows.length === 0) {
        t.add('session', 'deny', `The session policy passed when this session was created does not allow ${action}; a session can use only what its session policy allows.`);
        return t.deny({ code: 'session-missing', noPolicy: false }, POLICY_TYPE.session);
      }
      t.add('session', facts.crossAccount ? 'continue' : 'allow', `The session policy allows ${action}.`);
      deciding.push(...traces(ev.session));
      return allowed(c, t, facts.crossAccount, viaRoleGrant, deciding);
    }
    if (caller.type === 'FederatedUser') {
      t.add('session', 'deny', 'This federated-user session was created without a session policy, so it has no permissions.');
      return t.deny({ code: 'session-missing', noPolicy: true }, POLICY_TYPE.session);
    }
    t.add('session', facts.crossAccount ? 'continue' : 'allow', 'No session policy was passed when the role was assumed, so the role\'s permissions apply in full.');
    return allowed(c, t, facts.crossAccount, viaRoleGrant, deciding);
  }
  t.add('session', facts.crossAccount ? 'continue' : 'allow', 'You are not using a role or federated session, so no session policy applies.');
  return allowed(c, t, facts.crossAccount, viaRoleGrant, deciding);
}

/** The end of an allowed path; a cross-account request records that both sides agreed. */
function allowed(c: EvalCase, t: Trail, crossAccount: boolean, viaRoleGrant: boolean, deciding: StatementTrace[]): Outcome {
  if (crossAccount) {
    t.add('cross-account', 'allow', `Both sides allow it: your account's policies and the resource's policy in account ${c.resourceAccount ?? ''}.`);
  }
  return t.allow({ code: 'allowed', crossAccount, viaRoleGrant, otherRoot: false }, deciding);
}
