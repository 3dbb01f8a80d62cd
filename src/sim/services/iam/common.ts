/**
 * Helpers every IAM operation uses: the caller's account, authorization with IAM's context
 * keys, case-insensitive name lookups, and policy-document validation with AWS's errors.
 */
import { hasErrors, parsePolicy } from '../../policy/index.ts';
import type { PolicyKind } from '../../policy/index.ts';
import type { Account } from '../../world/types.ts';
import type { Tag } from '../../world/iam-types.ts';
import type { CallEnv } from '../access.ts';
import { checkAccess } from '../access.ts';
import { accessDenied, invalidClientToken, malformedPolicy, missingAuthentication } from '../errors.ts';
import type { AwsError } from '../types.ts';

/** The account an IAM call acts on: always the caller's own (IAM has no cross-account API). */
export function callerAccount(env: CallEnv): Account | AwsError {
  if (env.caller.kind === 'anonymous') return missingAuthentication();
  // GetSessionToken credentials reach IAM only when MFA was used to get them (STS API Reference,
  // GetSessionToken); IAM refuses the others as it refuses any token it does not accept.
  if (env.caller.kind === 'user-session' && !env.caller.session.mfaAuthenticated) return invalidClientToken();
  // Federated-user credentials cannot call IAM at all (STS API Reference, GetFederationToken).
  if (env.caller.kind === 'federated-user') return invalidClientToken();
  return env.world.accounts[env.caller.accountId] ?? accessDenied('The account of the caller does not exist.');
}

/** The context keys a request with tags carries (`aws:RequestTag/…`, `aws:TagKeys`). */
export function tagContext(tags: readonly Tag[] | undefined): Record<string, string | string[]> {
  if (tags === undefined || tags.length === 0) return {};
  const ctx: Record<string, string | string[]> = { 'aws:TagKeys': tags.map((t) => t.Key) };
  for (const t of tags) ctx[`aws:RequestTag/${t.Key}`] = t.Value;
  return ctx;
}

/** The context keys describing the target entity's tags (`aws:ResourceTag/…`, `iam:ResourceTag/…`). */
export function resourceTagContext(tags: readonly Tag[] | undefined): Record<string, string> {
  const ctx: Record<string, string> = {};
  for (const t of tags ?? []) {
    ctx[`aws:ResourceTag/${t.Key}`] = t.Value;
    ctx[`iam:ResourceTag/${t.Key}`] = t.Value;
  }
  return ctx;
}

/** Authorizes `action` on `resource` for the call's caller; the AccessDenied error or undefined. */
export function authorizeIam(env: CallEnv, action: string, resource: string, context: Record<string, string | string[]> = {}): AwsError | undefined {
  // AWS managed policies live under the pseudo-account "aws" but are readable from every
  // account: they are not another account's resource, so no cross-account rule applies.
  const awsManaged = resource.startsWith('arn:aws:iam::aws:') && env.caller.kind !== 'anonymous';
  const outcome = checkAccess(env, awsManaged && env.caller.kind !== 'anonymous' ? { action, resource, context, resourceAccount: env.caller.accountId } : { action, resource, context });
  return outcome.allowed ? undefined : outcome.error;
}

/** Looks a name up the way IAM compares names: case-insensitively. */
export function findByName<T>(map: Readonly<Record<string, T>>, name: string): T | undefined {
  const exact = map[name];
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(map)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/**
 * Validates a document as IAM would when saving it. IAM reports the first problem; so do we,
 * using the parser's sentence (which names the element and the rule).
 */
export function validateDocument(text: string, kind: PolicyKind): AwsError | undefined {
  const result = parsePolicy(text, kind);
  if (!hasErrors(result)) return undefined;
  const first = result.issues.find((i) => i.severity === 'error');
  if (first?.code === 'POLICY_TOO_LARGE') return { code: 'LimitExceeded', message: first.message, httpStatus: 409 };
  return malformedPolicy(first === undefined ? 'Syntax errors in policy.' : first.message);
}

/** Tags list with later duplicates (case-insensitive) replacing earlier ones, as TagRole/TagUser do. */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const out = [...existing];
  for (const t of added) {
    const i = out.findIndex((e) => e.Key.toLowerCase() === t.Key.toLowerCase());
    if (i >= 0) out[i] = t;
    else out.push(t);
  }
  return out;
}

/** The tags as the API returns them, or nothing when there are none. */
export function tagsField(tags: readonly Tag[]): { Tags?: Tag[] } {
  return tags.length === 0 ? {} : { Tags: tags.map((t) => ({ ...t })) };
}
