/**
 * AssumeRoleWithSAML and AssumeRoleWithWebIdentity: no AWS credentials, an identity
 * provider's assertion instead. The role's trust policy decides with the provider as principal
 * (`Federated`) and the provider's claims as condition keys (`SAML:aud`, `<issuer>:sub`, …).
 *
 * Errors (STS API Reference): an unreadable or unverifiable token → `InvalidIdentityToken`
 * (400); the IdP reporting failed authentication, or a token without a subject →
 * `IDPRejectedClaim` (403); an expired token → `ExpiredTokenException` (400); the trust policy
 * not allowing the call → `AccessDenied` "Not authorized to perform sts:AssumeRoleWith…".
 */
import { authorize } from '../../authz/index.ts';
import type { AuthorizeInput } from '../../authz/index.ts';
import { assumedRoleArn } from '../../world/arns.ts';
import { msFromIso } from '../../world/clock.ts';
import { worldNowIso } from '../../world/iam-records.ts';
import type { IamRole } from '../../world/iam-types.ts';
import type { CallEnv } from '../access.ts';
import { baseContext } from '../access.ts';
import { accessDenied, awsError, fail, internalFailure, ok, validationError } from '../errors.ts';
import { sha1 } from '../iam/sha1.ts';
import type { TrailNotes } from '../operation.ts';
import type { AwsError, AwsResult } from '../types.ts';
import { base64Encode, utf8Encode } from './base64.ts';
import { roleAccount, targetRoleContext } from './roles.ts';
import type { SessionPolicies } from './session.ts';
import {
  DEFAULT_SESSION_SECONDS,
  checkRoleDuration,
  checkSessionPolicies,
  credentialsForTrail,
  credentialsShape,
  issueSession,
  packedPolicySize,
  planSessionTags,
  sessionTagContext,
} from './session.ts';

/** `InvalidIdentityToken` (400) with STS's sentence unless a more precise one is given. */
export function invalidIdentityToken(message = 'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.'): AwsError {
  return awsError('InvalidIdentityToken', message, 400);
}

/** `IDPRejectedClaim` (403). */
export function idpRejectedClaim(): AwsError {
  return awsError('IDPRejectedClaim', 'The identity provider (IdP) reported that authentication failed. This might be because the claim is invalid.', 403);
}

/** `ExpiredTokenException` (400). */
export function expiredIdentityToken(): AwsError {
  return awsError('ExpiredTokenException', 'The web identity token that was passed is expired or is not valid. Get a new identity token from the identity provider and then retry the request.', 400);
}

/** SAML's NameQualifier: base64(SHA1(issuer + account id + "/" + provider name)) (STS API Reference). */
export function samlNameQualifier(issuer: string, accountId: string, providerName: string): string {
  return base64Encode(sha1(utf8Encode(`${issuer}${accountId}/${providerName}`)));
}

/** What a federated assume needs once the token has been read and checked. */
export interface FederatedAssume {
  action: 'sts:AssumeRoleWithSAML' | 'sts:AssumeRoleWithWebIdentity';
  role: IamRole;
  principalArn: string;
  principalType: 'SAML' | 'WebIdentity';
  providerName: string;
  claims: Record<string, string | string[]>;
  sessionName: string;
  durationSeconds: number | undefined;
  policies: SessionPolicies;
  tags: { Key: string; Value: string }[];
  transitiveKeys: string[];
  sourceIdentity: string | undefined;
}

/** Runs the trust decision for a federated principal and issues the session. */
export function completeFederatedAssume(env: CallEnv, a: FederatedAssume, trail: TrailNotes): AwsResult<{ result: Record<string, unknown>; arn: string }> {
  const { world } = env;
  const plan = planSessionTags(a.tags, a.transitiveKeys);
  if ('code' in plan) return fail(plan);
  const context: Record<string, string | string[]> = {
    ...baseContext(env),
    ...targetRoleContext(a.role),
    ...a.claims,
    'sts:RoleSessionName': a.sessionName,
    ...sessionTagContext(plan),
  };
  if (a.sourceIdentity !== undefined) context['sts:SourceIdentity'] = a.sourceIdentity;
  const checks: string[] = [a.action];
  if (plan.tagging) checks.push('sts:TagSession');
  if (a.sourceIdentity !== undefined) checks.push('sts:SetSourceIdentity');
  for (const action of checks) {
    const input: AuthorizeInput = {
      principal: { arn: a.principalArn, type: a.principalType },
      request: { action, resource: a.role.arn, resourceAccount: roleAccount(a.role.arn), context },
      policies: { trust: a.role.assumeRolePolicyDocument },
    };
    if (authorize(input).decision !== 'Allow') return fail(accessDenied(`Not authorized to perform ${a.action}`));
  }
  const seconds = a.durationSeconds ?? DEFAULT_SESSION_SECONDS;
  const tooLong = checkRoleDuration(seconds, a.role.maxSessionDuration, false);
  if (tooLong !== undefined) return fail(tooLong);
  const badPolicy = checkSessionPolicies(world, a.policies);
  if (badPolicy !== undefined) return fail(badPolicy);
  const packed = packedPolicySize(a.policies, plan.requested);
  const session = issueSession(world, seconds, {
    kind: 'AssumedRole',
    accountId: roleAccount(a.role.arn),
    roleArn: a.role.arn,
    roleId: a.role.roleId,
    roleName: a.role.roleName,
    sessionName: a.sessionName,
    ...(a.policies.inline === undefined ? {} : { sessionPolicy: a.policies.inline }),
    sessionPolicyArns: a.policies.arns,
    tags: plan.sessionTags,
    transitiveTagKeys: plan.sessionTransitive,
    ...(a.sourceIdentity === undefined ? {} : { sourceIdentity: a.sourceIdentity }),
    // SAML and OIDC sessions never carry MFA information (IAM User Guide, "Configuring MFA-protected API access").
    mfaAuthenticated: false,
    chained: false,
    federatedProvider: a.principalArn,
    federatedClaims: a.claims,
  });
  a.role.lastUsedDate = worldNowIso(world);
  const arn = assumedRoleArn(session.accountId, a.role.roleName, a.sessionName);
  const assumedRoleUser = { AssumedRoleId: `${a.role.roleId}:${a.sessionName}`, Arn: arn };
  const result: Record<string, unknown> = { Credentials: credentialsShape(session), AssumedRoleUser: assumedRoleUser };
  if (packed !== undefined) result['PackedPolicySize'] = packed;
  if (a.sourceIdentity !== undefined) result['SourceIdentity'] = a.sourceIdentity;
  trail.responseElements = { credentials: credentialsForTrail(session), assumedRoleUser };
  return ok({ result, arn });
}

/** Reads a session-tag claim value that may be a string or a one-element list. */
export function singleValue(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.length === 1 && typeof v[0] === 'string') return v[0];
  return undefined;
}

/** Checks an expiry given as ISO text or epoch seconds against the world clock. */
export function isExpired(nowMs: number, expiry: unknown): boolean {
  if (typeof expiry === 'number') return nowMs >= expiry * 1000;
  if (typeof expiry === 'string') {
    const ms = msFromIso(expiry);
    return ms !== undefined && nowMs >= ms;
  }
  return false;
}

/** A tag list from a map, rejecting non-string values. */
export function tagsFromMap(map: Record<string, unknown>): { Key: string; Value: string }[] | AwsError {
  const out: { Key: string; Value: string }[] = [];
  for (const [k, v] of Object.entries(map)) {
    const value = singleValue(v);
    if (value === undefined) return validationError(`Session tag ${k} must have exactly one string value.`);
    out.push({ Key: k, Value: value });
  }
  return out;
}

/** Internal guard for parameters the validator already required. */
export function missing(name: string): AwsResult<never> {
  return fail(internalFailure(`${name} missing`));
}
