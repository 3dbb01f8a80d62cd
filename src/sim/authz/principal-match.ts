/**
 * Does a statement's `Principal` (or `NotPrincipal`) name the caller, and in which form?
 *
 * The form matters, not just the yes/no: a same-account resource policy that names the user or
 * the session directly grants on its own, one that names the role is still limited by the
 * permissions boundary and session policy, and one that names the account only delegates to the
 * account's own policies (IAM "Policy evaluation logic", resource-based policies; spec §4).
 */
import type { PrincipalSpec } from '../policy/types.ts';
import { splitArn } from './arn-match.ts';
import type { Caller } from './caller.ts';

/**
 * How a principal value named the caller, strongest first:
 * - `any`: `"*"` — everyone, anonymous callers included;
 * - `user`, `session`, `federated-user`: the exact identity making the request;
 * - `service`, `federated`, `canonical`: a service, an identity provider, an S3 canonical user;
 * - `role`: the role behind the calling session;
 * - `federating-user`: the IAM user who created the calling federated-user session;
 * - `account`: the caller's account (`"111122223333"` or `arn:aws:iam::111122223333:root`).
 */
export type PrincipalForm =
  | 'any'
  | 'user'
  | 'session'
  | 'federated-user'
  | 'service'
  | 'federated'
  | 'canonical'
  | 'role'
  | 'federating-user'
  | 'account';

/**
 * How strongly a form binds the grant to the caller; higher wins when several statements match:
 * 3 for the caller itself (or everyone), 2 for the role or the federating user behind it, 1 for
 * its account. A switch rather than a table: looking a variable key up in an object is a slow
 * path in the engine, and this runs for every matching grant.
 */
export function formStrength(form: PrincipalForm): number {
  switch (form) {
    case 'role':
    case 'federating-user':
      return 2;
    case 'account':
      return 1;
    default:
      return 3;
  }
}

const ACCOUNT_ID = /^\d{12}$/;

/** Callers that belong to an account and so are covered by an account principal. */
function inAccount(caller: Caller): boolean {
  const t = caller.type;
  return t === 'IAMUser' || t === 'AssumedRole' || t === 'FederatedUser' || t === 'Root';
}

/** A principal value, classified once per policy. */
type PrincipalValue =
  | { t: 'star' }
  | { t: 'account'; account: string; partition: string | undefined }
  | { t: 'user' | 'role' | 'session' | 'federated-user'; arn: string }
  | { t: 'service'; lower: string }
  | { t: 'federated' | 'canonical'; value: string }
  | { t: 'nobody' };

/** Classifies one `AWS` value: `*`, an account, or the ARN of a user, role, session or federated user. */
function classifyAws(value: string): PrincipalValue {
  if (value === '*') return { t: 'star' };
  if (ACCOUNT_ID.test(value)) return { t: 'account', account: value, partition: undefined };
  // Unique ids (AIDA…/AROA…) of deleted principals, and anything else, match nobody.
  if (!value.startsWith('arn:')) return { t: 'nobody' };
  const parts = splitArn(value);
  if (parts === null) return { t: 'nobody' };
  const [, partition, service, , account, resource] = parts;
  if (service === 'iam') {
    if (resource === 'root') return { t: 'account', account, partition };
    if (resource.startsWith('user/')) return { t: 'user', arn: value };
    if (resource.startsWith('role/')) return { t: 'role', arn: value };
  } else if (service === 'sts') {
    if (resource.startsWith('assumed-role/')) return { t: 'session', arn: value };
    if (resource.startsWith('federated-user/')) return { t: 'federated-user', arn: value };
  }
  return { t: 'nobody' };
}

const compiledSpecs = new WeakMap<PrincipalSpec, CompiledPrincipal>();

/** A Principal element classified for matching (see `compilePrincipal`). */
export type CompiledPrincipal = readonly PrincipalValue[];

/** The classified values of a Principal element, cached per element. */
export function compilePrincipal(spec: PrincipalSpec): CompiledPrincipal {
  const hit = compiledSpecs.get(spec);
  if (hit !== undefined) return hit;
  const out: PrincipalValue[] = [];
  if (spec.kind === 'any') out.push({ t: 'star' });
  else {
    for (const entry of spec.entries) {
      for (const { value } of entry.values) {
        switch (entry.type) {
          case 'AWS':
            out.push(classifyAws(value));
            break;
          case 'Service':
            // `"Service": "*"` is not allowed (Principal page): it names no service.
            out.push(value === '*' ? { t: 'nobody' } : { t: 'service', lower: value.toLowerCase() });
            break;
          case 'Federated':
            out.push({ t: 'federated', value });
            break;
          case 'CanonicalUser':
            out.push({ t: 'canonical', value });
            break;
        }
      }
    }
  }
  compiledSpecs.set(spec, out);
  return out;
}

/** How one classified value names the caller, or null. */
function formOf(v: PrincipalValue, caller: Caller): PrincipalForm | null {
  switch (v.t) {
    case 'star':
      return 'any';
    case 'account':
      return inAccount(caller) && caller.account === v.account && (v.partition === undefined || v.partition === caller.partition) ? 'account' : null;
    case 'user':
      if (caller.type === 'IAMUser' && caller.arn === v.arn) return 'user';
      return caller.type === 'FederatedUser' && caller.federatingUserArn === v.arn ? 'federating-user' : null;
    case 'role':
      return caller.type === 'AssumedRole' && caller.roleArn === v.arn ? 'role' : null;
    case 'session':
      return caller.type === 'AssumedRole' && caller.arn === v.arn ? 'session' : null;
    case 'federated-user':
      return caller.type === 'FederatedUser' && caller.arn === v.arn ? 'federated-user' : null;
    case 'service':
      return caller.serviceLower === v.lower ? 'service' : null;
    case 'federated':
      return (caller.type === 'WebIdentity' || caller.type === 'SAML') && caller.arn === v.value ? 'federated' : null;
    case 'canonical':
      return caller.input.canonicalUserId !== undefined && caller.input.canonicalUserId === v.value ? 'canonical' : null;
    case 'nobody':
      return null;
  }
}

/**
 * The strongest form in which `spec` names the caller, or null when it does not name it.
 * Values are exact (no partial wildcards in principals, IAM "Principal" element page); user and
 * role names are case-sensitive, service names are DNS names and compared without case.
 */
export function matchPrincipal(spec: PrincipalSpec, caller: Caller): PrincipalForm | null {
  return matchCompiledPrincipal(compilePrincipal(spec), caller);
}

/** `matchPrincipal` over a Principal element compiled once with `compilePrincipal`. */
export function matchCompiledPrincipal(values: CompiledPrincipal, caller: Caller): PrincipalForm | null {
  let best: PrincipalForm | null = null;
  for (let i = 0; i < values.length; i++) {
    const form = formOf(values[i] as PrincipalValue, caller);
    if (form !== null && (best === null || formStrength(form) > formStrength(best))) {
      best = form;
      if (formStrength(form) === 3) return best;
    }
  }
  return best;
}

/** The identities AWS checks for NotPrincipal: the caller, its role, its account (NotPrincipal page). */
function identityChain(caller: Caller): string[] {
  const chain = [caller.arn];
  if (caller.type === 'AssumedRole' && caller.roleArn !== undefined) chain.push(caller.roleArn);
  if (caller.accountRoot !== undefined && caller.type !== 'Root') chain.push(caller.accountRoot);
  return chain;
}

/** True when `value` (an AWS principal value in a NotPrincipal) names exactly this identity. */
function namesIdentity(value: string, identity: string, caller: Caller): boolean {
  if (value === identity) return true;
  // The short account form is the account's root ARN.
  return ACCOUNT_ID.test(value) && identity === caller.accountRoot && caller.account === value;
}

/**
 * True when a `NotPrincipal` leaves the caller inside the statement (the Deny applies to it).
 * AWS evaluates every identity of the caller — session, role, account — and the caller escapes
 * only when all of them are listed ("you must also specify the account ARN", NotPrincipal page).
 * A caller with a permissions boundary never escapes (same page, key points).
 */
export function notPrincipalApplies(spec: PrincipalSpec, caller: Caller, hasBoundary: boolean): boolean {
  if (hasBoundary) return true;
  if (spec.kind === 'any') return false;
  const awsValues: string[] = [];
  for (const entry of spec.entries) {
    for (const located of entry.values) {
      const value = located.value;
      if (entry.type === 'AWS') {
        if (value === '*') return false;
        awsValues.push(value);
      } else if (entry.type === 'Service' && caller.serviceLower !== undefined && caller.serviceLower === value.toLowerCase()) {
        return false;
      } else if (entry.type === 'Federated' && (caller.type === 'WebIdentity' || caller.type === 'SAML') && caller.arn === value) {
        return false;
      } else if (entry.type === 'CanonicalUser' && caller.input.canonicalUserId === value) {
        return false;
      }
    }
  }
  if (caller.type === 'AWSService' || caller.type === 'Anonymous' || caller.type === 'WebIdentity' || caller.type === 'SAML') return true;
  for (const identity of identityChain(caller)) {
    if (!awsValues.some((v) => namesIdentity(v, identity, caller))) return true;
  }
  return false;
}

/** A short text of what a Principal element names, for explanations. */
export function describePrincipalSpec(spec: PrincipalSpec): string {
  if (spec.kind === 'any') return '"*" (everyone)';
  const names: string[] = [];
  for (const entry of spec.entries) for (const v of entry.values) names.push(v.value);
  if (names.length > 3) return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  return names.join(', ');
}
