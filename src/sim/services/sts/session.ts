/**
 * Issuing STS sessions: temporary credentials stored in the world, durations, session tags and
 * session policies — the parts AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity,
 * GetSessionToken and services assuming roles share.
 */
import { measureSize } from '../../policy/limits.ts';
import { isoFromMs } from '../../world/clock.ts';
import { secretAccessKey, sessionToken, uniqueId } from '../../world/ids.ts';
import type { TemporaryCredential } from '../../world/sts-types.ts';
import type { World } from '../../world/types.ts';
import { awsError, malformedPolicy, validationError } from '../errors.ts';
import { managedPolicyExists } from '../policy-docs.ts';
import type { Params } from '../params.ts';
import { ARN_RULE } from '../params.ts';
import type { AwsError } from '../types.ts';
import { validateDocument } from '../iam/common.ts';

/** The longest a chained role session may last (IAM User Guide, "Role chaining"). */
export const ROLE_CHAINING_MAX_SECONDS = 3600;
/** The session length when DurationSeconds is left out (STS API Reference). */
export const DEFAULT_SESSION_SECONDS = 3600;

/** The fields a new session is made of; the credentials are generated. */
export type SessionFields = Omit<TemporaryCredential, 'accessKeyId' | 'secretAccessKey' | 'sessionToken' | 'issuedMs' | 'expirationMs'>;

/** Issues temporary credentials for a session lasting `durationSeconds`, and stores them. */
export function issueSession(world: World, durationSeconds: number, fields: SessionFields): TemporaryCredential {
  const now = world.clock.epochMs;
  const session: TemporaryCredential = {
    accessKeyId: uniqueId(world.ids, 'ASIA'),
    secretAccessKey: secretAccessKey(world.ids),
    sessionToken: sessionToken(world.ids),
    issuedMs: now,
    expirationMs: now + durationSeconds * 1000,
    ...fields,
  };
  world.sts.credentials[session.accessKeyId] = session;
  return session;
}

/** The `Credentials` element of a response. */
export function credentialsShape(s: TemporaryCredential): Record<string, string> {
  return { AccessKeyId: s.accessKeyId, SecretAccessKey: s.secretAccessKey, SessionToken: s.sessionToken, Expiration: isoFromMs(s.expirationMs) };
}

/** The `Credentials` element as CloudTrail records it: never the secret. */
export function credentialsForTrail(s: TemporaryCredential): Record<string, string> {
  return { accessKeyId: s.accessKeyId, sessionToken: s.sessionToken, expiration: isoFromMs(s.expirationMs) };
}

/** The session name rule: 2–64 characters of `[\w+=,.@-]`. */
export const SESSION_NAME_RULE = { min: 2, max: 64, pattern: /^[\w+=,.@-]*$/, patternText: '[\\w+=,.@-]*' } as const;

/** Session policies passed to an AssumeRole* call. */
export interface SessionPolicies {
  inline?: string;
  arns: string[];
}

/** Reads `Policy` and `PolicyArns` (a list of `{arn}` as the SDKs pass them, or of ARN strings). */
export function readSessionPolicies(p: Params): SessionPolicies {
  const inline = p.string('Policy', { min: 1, max: 2048, pattern: /^[\t\n\r\u0020-\u00FF]+$/, patternText: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+' });
  const raw = p.value('PolicyArns');
  const arns: string[] = [];
  if (raw !== undefined && raw !== null) {
    const list = Array.isArray(raw) ? (raw as unknown[]) : [];
    for (const item of list) {
      const arn = typeof item === 'string' ? item : typeof item === 'object' && item !== null ? (item as { arn?: unknown }).arn : undefined;
      if (typeof arn === 'string' && arn.length >= ARN_RULE.min && arn.length <= ARN_RULE.max) arns.push(arn);
      else p.violation('PolicyArns', String(JSON.stringify(item)), 'Member must be a policy ARN ({"arn": "…"})');
    }
    if (!Array.isArray(raw)) p.violation('PolicyArns', String(JSON.stringify(raw)), 'Member must be a list');
    if (arns.length > 10) p.violation('PolicyArns', `${arns.length} ARNs`, 'Member must have length less than or equal to 10');
  }
  return inline === undefined ? { arns } : { inline, arns };
}

/** Validates session policies (grammar, existence); the error or undefined. */
export function checkSessionPolicies(world: World, policies: SessionPolicies): AwsError | undefined {
  if (policies.inline !== undefined) {
    const bad = validateDocument(policies.inline, 'session');
    if (bad !== undefined) return bad.code === 'LimitExceeded' ? awsError('PackedPolicyTooLarge', bad.message, 400) : bad;
  }
  for (const arn of policies.arns) {
    if (!managedPolicyExists(world, arn)) return malformedPolicy(`The policy ${arn} does not exist or is not attachable.`);
  }
  return undefined;
}

/**
 * The packed size AWS reports, as a percentage of the limit. AWS compresses policies and tags
 * into a binary format it does not document; we estimate from the characters (not counting white
 * space) against the 2,048-character plaintext limit, which is the number lessons talk about.
 */
export function packedPolicySize(policies: SessionPolicies, tags: Readonly<Record<string, string>>): number | undefined {
  let size = policies.inline === undefined ? 0 : measureSize(policies.inline, 'non-whitespace-chars');
  size += policies.arns.reduce((n, a) => n + a.length, 0);
  for (const [k, v] of Object.entries(tags)) size += k.length + v.length;
  if (size === 0) return undefined;
  return Math.max(1, Math.ceil((size / 2048) * 100));
}

/** Session tags of a request, with the transitive keys and what was inherited from the caller's session. */
export interface SessionTagPlan {
  /** Tags passed in the request. */
  requested: Record<string, string>;
  /** Keys marked transitive in the request. */
  transitive: string[];
  /** Tags the new session will carry: inherited transitive tags plus the requested ones. */
  sessionTags: Record<string, string>;
  /** Transitive keys the new session carries on. */
  sessionTransitive: string[];
  /** Whether any tag reaches the new session (then sts:TagSession must be allowed). */
  tagging: boolean;
}

/**
 * Combines requested tags with the caller's transitive tags (IAM User Guide, "Passing session
 * tags"): keys are unique case-insensitively, transitive keys must be among the passed tags,
 * and a requested tag may not replace an inherited transitive one.
 */
export function planSessionTags(requested: readonly { Key: string; Value: string }[], transitive: readonly string[], inherited?: { tags: Record<string, string>; keys: readonly string[] }): SessionTagPlan | AwsError {
  const req: Record<string, string> = {};
  const seen = new Set<string>();
  for (const t of requested) {
    const lower = t.Key.toLowerCase();
    if (seen.has(lower)) return validationError(`Duplicate tag keys found. Tag keys are case insensitive: ${t.Key}`);
    seen.add(lower);
    req[t.Key] = t.Value;
  }
  for (const k of transitive) {
    if (!seen.has(k.toLowerCase())) return validationError(`The transitive tag key ${k} is not one of the session tags passed in the request.`);
  }
  const sessionTags: Record<string, string> = {};
  const sessionTransitive: string[] = [];
  for (const key of inherited?.keys ?? []) {
    const value = inherited?.tags[key];
    if (value === undefined) continue;
    if (seen.has(key.toLowerCase())) {
      return validationError(`The session tag ${key} was set as a transitive tag by a previous session in the role chain and cannot be changed.`);
    }
    sessionTags[key] = value;
    sessionTransitive.push(key);
  }
  Object.assign(sessionTags, req);
  for (const k of transitive) if (!sessionTransitive.some((x) => x.toLowerCase() === k.toLowerCase())) sessionTransitive.push(k);
  return { requested: req, transitive: [...transitive], sessionTags, sessionTransitive, tagging: Object.keys(sessionTags).length > 0 };
}

/** The condition keys that describe the tags of an AssumeRole* request. */
export function sessionTagContext(plan: SessionTagPlan): Record<string, string | string[]> {
  if (!plan.tagging) return {};
  const ctx: Record<string, string | string[]> = { 'aws:TagKeys': Object.keys(plan.sessionTags) };
  for (const [k, v] of Object.entries(plan.sessionTags)) ctx[`aws:RequestTag/${k}`] = v;
  if (plan.sessionTransitive.length > 0) ctx['sts:TransitiveTagKeys'] = [...plan.sessionTransitive];
  return ctx;
}

/** The DurationSeconds check shared by the AssumeRole* calls: within the role's maximum, and one hour when chaining. */
export function checkRoleDuration(duration: number, maxSessionDuration: number, chained: boolean): AwsError | undefined {
  if (duration > maxSessionDuration) return validationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  if (chained && duration > ROLE_CHAINING_MAX_SECONDS) return validationError('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  return undefined;
}
