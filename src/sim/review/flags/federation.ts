/**
 * Checks on web identity trusts: every OIDC provider needs an audience check, GitHub Actions
 * needs a narrow `sub`, and Cognito identity pools need `amr`.
 */
import type { PolicyKind, Statement } from '../../policy/index.ts';
import { COGNITO_PRINCIPAL, GITHUB_OIDC_HOST, principalRefs } from '../principals.ts';
import { hasWildcard } from '../text.ts';
import type { ReviewFlag } from '../types.ts';
import { flag, isPositiveClause, positiveClauses } from './helpers.ts';

/**
 * Whether a GitHub `sub` pattern lets in more than one repository: `*`, `repo:*`,
 * `repo:my-org/*`, or a wildcard inside the organization or repository name.
 * `repo:my-org/my-repo:*` (any branch of one repository) is narrow enough.
 */
export function broadGithubSub(value: string): boolean {
  const m = /^repo:([^/:]*)\/([^:]*)/.exec(value);
  if (m === null) return hasWildcard(value);
  return hasWildcard(m[1] ?? '') || hasWildcard(m[2] ?? '');
}

/** Checks the federated principals of one trust statement. */
export function federationFlags(statement: Statement, kind: PolicyKind): ReviewFlag[] {
  if (kind !== 'role-trust' || statement.effect !== 'Allow' || statement.principal === undefined)
    return [];
  const flags: ReviewFlag[] = [];
  for (const ref of principalRefs(statement.principal)) {
    if (ref.category !== 'oidc' || ref.provider === undefined) continue;
    const provider = ref.provider.toLowerCase();
    if (positiveClauses(statement, [`${provider}:aud`]).length === 0) {
      flags.push(flag('OIDC_MISSING_AUDIENCE', statement, ref.range));
    }
    if (provider === GITHUB_OIDC_HOST) {
      // Here a `"*"` value counts as a (broad) sub condition, so the flag points at it.
      const subs = statement.conditions.filter(
        (c) => isPositiveClause(c) && c.key.toLowerCase() === `${GITHUB_OIDC_HOST}:sub`,
      );
      const broad = subs.flatMap((c) => c.values).find((v) => broadGithubSub(v.value));
      if (subs.length === 0) flags.push(flag('GITHUB_OIDC_MISSING_SUB', statement, ref.range));
      else if (broad !== undefined)
        flags.push(flag('GITHUB_OIDC_BROAD_SUB', statement, broad.range));
    }
    if (
      provider === COGNITO_PRINCIPAL &&
      positiveClauses(statement, [`${COGNITO_PRINCIPAL}:amr`]).length === 0
    ) {
      flags.push(flag('COGNITO_MISSING_AMR', statement, ref.range));
    }
  }
  return flags;
}
