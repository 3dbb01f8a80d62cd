/**
 * The sentences of the evaluation steps (decide.ts), one function per sentence. decide.ts says
 * which step ended how and hands over the one fact a sentence needs (a level, a principal form,
 * the matching Deny); the words are made here, and only when the steps are asked for: deciding
 * alone never builds a string.
 */
import type { EvalCase } from './case.ts';
import { callerObject, sideName, whereText } from './labels.ts';
import type { PrincipalForm } from './principal-match.ts';
import type { StatementTrace } from './types.ts';

/** Makes one step's sentence from the case and the step's own fact. */
export type StepWords<A> = (c: EvalCase, arg: A) => string;

/** Says how a grant named the caller, for step details. */
function formText(c: EvalCase, form: PrincipalForm): string {
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
      return callerObject(c.caller);
  }
}

/** Step detail: Block Public Access made the bucket policy's grants void for this caller. */
function blockedText(c: EvalCase): string {
  return `The ${sideName(c.side.kind)} is public, and S3 Block Public Access (RestrictPublicBuckets) lets only AWS services and the bucket owner's account use it.`;
}

/** Step detail: the resource's policy grants nothing to this caller. */
function noGrantText(c: EvalCase): string {
  const sideLabel = sideName(c.side.kind);
  return c.side.loaded === undefined
    ? `There is no ${sideLabel} on this resource.`
    : `No statement in the ${sideLabel} allows ${c.action} for ${callerObject(c.caller)}.`;
}

/** Step detail: why SCPs are not evaluated for this request. */
function scpSkippedText(c: EvalCase): string {
  switch (c.scpSkip) {
    case 'none-given':
      return 'No service control policies were given.';
    case 'not-iam':
      return 'SCPs apply only to IAM users, roles and the root user of member accounts, not to this caller.';
    case 'management-account':
      return "SCPs do not apply to the organization's management account.";
    case 'service-linked-role':
      return 'SCPs do not apply to service-linked roles.';
    default:
      return `The SCPs are attached to account ${c.scpAccount ?? ''}, not to your account, and SCPs only limit principals of the accounts they are attached to.`;
  }
}

/** Step detail: why RCPs are not evaluated for this request. */
function rcpSkippedText(c: EvalCase): string {
  switch (c.rcpSkip) {
    case 'none-given':
      return 'No resource control policies were given.';
    case 'management-account':
      return "RCPs do not apply to resources in the organization's management account.";
    case 'aws-managed-key':
      return 'RCPs do not apply to AWS managed KMS keys.';
    default:
      return `RCPs do not cover ${c.actionLower.slice(0, c.actionLower.indexOf(':'))} resources.`;
  }
}

/** Every step sentence, by what happened at the step. */
export const STEP_WORDS = {
  alwaysAllowed: () => 'sts:GetCallerIdentity needs no permission, and no policy can deny it.',
  denyMatches: (c: EvalCase, deny: StatementTrace) =>
    `A Deny statement in ${whereText(deny.source, deny.policyIndex, deny.sid, c.side.kind)} matches: ${deny.detail}. An explicit deny overrides every Allow.`,
  noDeny: () => 'No Deny statement in any policy matches this request.',

  rcpSkipped: rcpSkippedText,
  rcpLevelMissing: (c: EvalCase, level: number) =>
    `The resource control policy at level ${level} has no statement that allows ${c.action}; every level must allow it.`,
  rcpAllows: (c: EvalCase) => `Every resource control policy level allows ${c.action}.`,
  scpSkipped: scpSkippedText,
  scpLevelMissing: (c: EvalCase, level: number) =>
    `The service control policy at level ${level} has no statement that allows ${c.action}; every level must allow it.`,
  scpAllows: (c: EvalCase) => `Every service control policy level allows ${c.action}.`,

  notRoot: () => 'You are not the root user.',
  rootOwnsIt: (c: EvalCase) =>
    `You are the root user of account ${c.caller.account ?? ''}, which owns the resource, and the root user has full access to its own account.`,
  rootNeedsSide: (c: EvalCase) => `Even the root user needs the ${sideName(c.side.kind)} to allow this.`,
  rootOfOtherAccount: (c: EvalCase) =>
    `You are the root user of account ${c.caller.account ?? ''}, but the resource belongs to account ${c.resourceAccount ?? ''}, which must let your account in.`,

  outsiderNotGranted: (c: EvalCase, blocked: boolean) =>
    blocked ? blockedText(c) : `${noGrantText(c)} Only the ${sideName(c.side.kind)} can grant access to ${callerObject(c.caller)}.`,
  sideAllows: (c: EvalCase, form: PrincipalForm) => `The ${sideName(c.side.kind)} allows ${c.action} for ${formText(c, form)}.`,
  crossAccountNotGranted: (c: EvalCase, blocked: boolean) =>
    blocked ? blockedText(c) : `The resource is in account ${c.resourceAccount ?? ''}: ${noGrantText(c)}`,
  crossAccountGranted: (c: EvalCase, form: PrincipalForm) =>
    `The ${sideName(c.side.kind)} in account ${c.resourceAccount ?? ''} allows ${c.action} for ${formText(c, form)}; your own account must allow it too.`,
  rootNeedsNoIdentity: () => 'As the root user of your account you need no identity-based policy.',
  bothAccountsAllow: () => 'Both accounts allow the request.',
  mustGrantMissing: (c: EvalCase) =>
    `${noGrantText(c)} ${c.side.kind === 'kms-key' ? 'A KMS key' : 'A role'} can be used only when its ${sideName(c.side.kind)} allows it; an identity-based policy alone is not enough.`,
  sideGrantsNothing: (c: EvalCase) =>
    c.side.loaded === undefined ? `There is no ${sideName(c.side.kind)} on this resource.` : `${noGrantText(c)} Your identity-based policies decide.`,
  rootGrantedBySide: (c: EvalCase, form: PrincipalForm) =>
    `The ${sideName(c.side.kind)} allows ${c.action} for ${formText(c, form)}, and the root user needs nothing more.`,
  sideGrantsDirectly: (c: EvalCase, form: PrincipalForm) =>
    form === 'any'
      ? `The ${sideName(c.side.kind)} allows ${c.action} for everyone (Principal "*"); principals of the resource's own account need no other permission.`
      : `The ${sideName(c.side.kind)} names ${formText(c, form)} directly, so neither identity-based policies, a permissions boundary nor a session policy can limit this grant.`,
  sideNamesAccount: (c: EvalCase) =>
    `The ${sideName(c.side.kind)} names your account, which only delegates: your own policies must allow ${c.action} too.`,
  sideAnyNotFederated: (c: EvalCase) =>
    `The ${sideName(c.side.kind)} allows ${c.action} for everyone (Principal "*"), but that does not name your federated user session, so your session policy must allow it too.`,
  sideNamesCaller: (c: EvalCase, form: PrincipalForm) =>
    `The ${sideName(c.side.kind)} names ${formText(c, form)}: no identity-based policy is needed, but a permissions boundary and session policy still limit it.`,

  identityAllows: (c: EvalCase) => `An identity-based policy allows ${c.action} on ${c.resource}.`,
  identityNotNeeded: () => 'No identity-based policy allows it, but none is needed: the resource policy names your role.',
  identityMissing: (c: EvalCase) =>
    c.identity.length === 0 ? 'You have no identity-based policies.' : `No identity-based policy allows ${c.action} on ${c.resource}.`,
  noBoundary: () => 'No permissions boundary is attached.',
  boundaryMissing: (c: EvalCase) =>
    `Your permissions boundary does not allow ${c.action} on ${c.resource}; it caps what your policies can grant.`,
  boundaryAllows: (c: EvalCase) => `Your permissions boundary allows ${c.action}.`,
  sessionMissing: (c: EvalCase) =>
    `The session policy passed when this session was created does not allow ${c.action}; a session can use only what its session policy allows.`,
  sessionAllows: (c: EvalCase) => `The session policy allows ${c.action}.`,
  federatedWithoutSessionPolicy: () => 'This federated-user session was created without a session policy, so it has no permissions.',
  noSessionPolicy: () => "No session policy was passed when the role was assumed, so the role's permissions apply in full.",
  notASession: () => 'You are not using a role or federated session, so no session policy applies.',
  bothSidesAllow: (c: EvalCase) =>
    `Both sides allow it: your account's policies and the resource's policy in account ${c.resourceAccount ?? ''}.`,
} as const;
