/**
 * AssumeRoleWithWebIdentity: an OIDC ID token. GitHub Actions, Google, Cognito and any other
 * issuer registered as an IAM OIDC provider in the role's account. Google, Cognito, Login with
 * Amazon and Facebook are built in and need no IAM provider (IAM User Guide, "OIDC federation").
 */
import type { CallEnv } from '../access.ts';
import { accessDenied, fail, ok } from '../errors.ts';
import type { Operation, TrailNotes } from '../operation.ts';
import { ARN_RULE } from '../params.ts';
import type { Params } from '../params.ts';
import type { AwsResult } from '../types.ts';
import { oidcUrlKey } from '../iam/providers.ts';
import { completeFederatedAssume, expiredIdentityToken, idpRejectedClaim, invalidIdentityToken, isExpired, missing, tagsFromMap } from './federation.ts';
import { readWebIdentityToken } from './federation-input.ts';
import { looksLikeRoleArn, roleAccount, roleByArn } from './roles.ts';
import { SESSION_NAME_RULE, readSessionPolicies } from './session.ts';

/** Issuers AWS knows without an IAM OIDC provider. */
export const BUILT_IN_WEB_IDENTITY_PROVIDERS = ['accounts.google.com', 'cognito-identity.amazonaws.com', 'www.amazon.com', 'graph.facebook.com'] as const;

/** The claim AWS reads session tags from. */
export const AWS_TAGS_CLAIM = 'https://aws.amazon.com/tags';

/** Claims AWS exposes as `<provider>:<claim>` condition keys. */
const CLAIM_KEYS = ['aud', 'sub', 'amr', 'azp', 'email', 'oaud'] as const;

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function run(env: CallEnv, p: Params, trail: TrailNotes): AwsResult<unknown> {
  const roleArn = p.string('RoleArn', { required: true, ...ARN_RULE });
  const sessionName = p.string('RoleSessionName', { required: true, ...SESSION_NAME_RULE });
  const raw = p.value('WebIdentityToken');
  if (raw === undefined || raw === null) p.string('WebIdentityToken', { required: true });
  p.string('ProviderId', { min: 4, max: 2048 });
  const duration = p.int('DurationSeconds', { min: 900, max: 43200 });
  const policies = readSessionPolicies(p);
  const invalid = p.error();
  if (invalid !== undefined) return fail(invalid);
  if (roleArn === undefined || sessionName === undefined) return missing('RoleArn');
  const token = readWebIdentityToken(raw);
  if (token === undefined || typeof token.iss !== 'string') return fail(invalidIdentityToken());
  const key = oidcUrlKey(token.iss);
  const role = looksLikeRoleArn(roleArn) ? roleByArn(env.world, roleArn) : undefined;
  const account = roleAccount(roleArn);
  const builtIn = (BUILT_IN_WEB_IDENTITY_PROVIDERS as readonly string[]).includes(key);
  const registered = env.world.accounts[account]?.iam.oidcProviders[key];
  if (!builtIn && registered === undefined) return fail(invalidIdentityToken(`No OpenIDConnect provider found in your account for ${token.iss}`));
  const audiences = strings(token.aud);
  if (registered !== undefined && !audiences.some((a) => registered.clientIds.includes(a))) return fail(invalidIdentityToken('Incorrect token audience'));
  if (isExpired(env.world.clock.epochMs, token.exp)) return fail(expiredIdentityToken());
  if (typeof token.sub !== 'string' || token.sub === '') return fail(idpRejectedClaim());
  if (role === undefined) return fail(accessDenied('Not authorized to perform sts:AssumeRoleWithWebIdentity'));

  const claims: Record<string, string | string[]> = {};
  for (const c of CLAIM_KEYS) {
    const v = token[c];
    if (c === 'amr') {
      if (v !== undefined) claims[`${key}:amr`] = strings(v);
    } else if (typeof v === 'string') claims[`${key}:${c}`] = v;
    else if (c === 'aud' && audiences.length > 0) claims[`${key}:aud`] = audiences[0] ?? '';
  }
  // Google: the aud key holds the authorized party (azp) when there is one; oaud keeps the audience.
  if (key === 'accounts.google.com' && typeof token['azp'] === 'string') {
    claims['accounts.google.com:oaud'] = audiences[0] ?? '';
    claims['accounts.google.com:aud'] = token['azp'];
  }
  const tagClaim = token[AWS_TAGS_CLAIM];
  let tags: { Key: string; Value: string }[] = [];
  let transitive: string[] = [];
  if (typeof tagClaim === 'object' && tagClaim !== null) {
    const t = tagClaim as { principal_tags?: unknown; transitive_tag_keys?: unknown };
    if (typeof t.principal_tags === 'object' && t.principal_tags !== null) {
      const parsed = tagsFromMap(t.principal_tags as Record<string, unknown>);
      if ('code' in parsed) return fail(parsed);
      tags = parsed;
    }
    transitive = strings(t.transitive_tag_keys);
  }
  const principalArn = registered?.arn ?? key;
  const done = completeFederatedAssume(
    env,
    {
      action: 'sts:AssumeRoleWithWebIdentity',
      role,
      principalArn,
      principalType: 'WebIdentity',
      providerName: key,
      claims,
      sessionName,
      durationSeconds: duration,
      policies,
      tags,
      transitiveKeys: transitive,
      sourceIdentity: undefined,
    },
    trail,
  );
  if (!done.ok) return done;
  trail.userIdentity = { type: 'WebIdentityUser', principalId: `${key}:${audiences[0] ?? ''}:${token.sub}`, userName: token.sub, identityProvider: key };
  trail.recipientAccountId = account;
  return ok({ ...done.result.result, SubjectFromWebIdentityToken: token.sub, Provider: registered?.arn ?? key, Audience: audiences[0] ?? '' });
}

/** The AssumeRoleWithWebIdentity operation (called without credentials). */
export const ASSUME_ROLE_WITH_WEB_IDENTITY: Operation = { readOnly: false, unsigned: true, run };
