/**
 * The one-sentence summary a learner reads first ("Denied: the request crosses accounts, and the
 * bucket policy has no statement that names your role"). Built from the decision's reason.
 */
import type { EvalCase } from './case.ts';
import type { Reason } from './decide.ts';
import { callerObject, sideName, whereText } from './labels.ts';
import type { PolicySource, StatementTrace } from './types.ts';

/** How close a statement came: a failed condition is nearer than a wrong resource or action. */
const NEARNESS: Readonly<Record<NonNullable<StatementTrace['failedOn']>, number>> = {
  condition: 3,
  resource: 2,
  action: 1,
  principal: 0,
};

/**
 * The Allow statement of `sources` that came closest to matching, as a sentence to append, or
 * '' when there is none. Learners usually miss by one condition or one resource, so naming
 * it is the most useful next hint.
 */
function closestMiss(
  statements: readonly StatementTrace[],
  sources: readonly PolicySource[],
  c: EvalCase,
): string {
  let best: StatementTrace | undefined;
  for (const t of statements) {
    if (
      t.matched ||
      t.effect !== 'Allow' ||
      t.failedOn === undefined ||
      !sources.includes(t.source)
    )
      continue;
    if (best === undefined || NEARNESS[t.failedOn] > NEARNESS[best.failedOn ?? 'principal'])
      best = t;
  }
  if (best === undefined || best.failedOn === 'action' || best.failedOn === 'principal') return '';
  return ` Nearest miss, in ${whereText(best.source, best.policyIndex, best.sid, c.side.kind)}: ${best.detail}.`;
}

/** The closest-miss hint that fits a reason, or ''. */
function hint(c: EvalCase, reason: Reason, statements: readonly StatementTrace[]): string {
  switch (reason.code) {
    case 'identity-missing':
      return reason.crossAccount || reason.accountGrant
        ? ''
        : closestMiss(statements, ['identity'], c);
    case 'boundary-missing':
      return closestMiss(statements, ['boundary'], c);
    case 'session-missing':
      return reason.noPolicy ? '' : closestMiss(statements, ['session'], c);
    case 'must-grant-missing':
      // A trust statement that names the caller but whose condition fails (no MFA, wrong
      // ExternalId) is the usual cause: say which condition.
      return closestMiss(statements, ['trust', 'resource'], c);
    default:
      return '';
  }
}

/** Turns a reason into plain English; `statements` supplies the closest miss for implicit denials. */
export function summarize(
  c: EvalCase,
  reason: Reason,
  statements: readonly StatementTrace[],
): string {
  return sentence(c, reason) + hint(c, reason, statements);
}

/** The main sentence for a reason. */
function sentence(c: EvalCase, reason: Reason): string {
  const { action, resource, caller } = c;
  const side = sideName(c.side.kind);
  const who = callerObject(caller);
  const target = resource === '*' ? action : `${action} on ${resource}`;
  switch (reason.code) {
    case 'always-allowed':
      return `Allowed: ${action} needs no permission, and no policy can deny it.`;
    case 'explicit-deny': {
      const t = reason.trace;
      return `Denied: a Deny statement in ${whereText(t.source, t.policyIndex, t.sid, c.side.kind)} matches this request, and an explicit deny always wins over any Allow.`;
    }
    case 'rcp-no-allow':
      return `Denied: the resource control policy at level ${reason.level} of the organization does not allow ${action}, and every level must allow it.`;
    case 'scp-no-allow':
      return `Denied: the service control policy at level ${reason.level} above your account does not allow ${action}, and every level must allow it (SCPs limit even administrators).`;
    case 'root':
      return reason.viaPolicy
        ? `Allowed: the ${side} allows ${action} for your account, and as its root user you need nothing more.`
        : 'Allowed: you are the root user of the account that owns the resource, and the root user has full access to its own account.';
    case 'resource-direct':
      return reason.form === 'any'
        ? `Allowed: the ${side} allows ${target} for everyone (Principal "*"), so no identity-based policy is needed.`
        : `Allowed: the ${side} names ${who} directly, so no identity-based policy is needed.`;
    case 'outsider-granted':
      return `Allowed: the ${side} grants ${target} to ${who}.`;
    case 'outsider-not-granted':
      return `Denied: only the ${side} can give ${who} access, and ${c.side.loaded === undefined ? `there is no ${side}` : `no statement in it allows ${action}`}.`;
    case 'must-grant-missing':
      return c.side.kind !== 'kms-key'
        ? `Denied: to assume a role, its trust policy must trust you, and no statement in the ${side} allows ${action} for ${who}.`
        : `Denied: a KMS key can be used only when its key policy allows it, and no statement in the key policy allows ${action} for ${who}.`;
    case 'public-blocked':
      return `Denied: the ${side} is public, and S3 Block Public Access (RestrictPublicBuckets) limits it to AWS services and the bucket owner's own account.`;
    case 'cross-account-resource-missing':
      return c.side.loaded === undefined
        ? `Denied: the request crosses accounts, and the resource has no ${side} that lets your account in.`
        : `Denied: the request crosses accounts, and the ${side} has no statement that names ${who}.`;
    case 'identity-missing':
      if (reason.crossAccount) {
        return `Denied: the request crosses accounts, so your own account must allow it too, and no identity-based policy allows ${target}.`;
      }
      if (reason.accountGrant) {
        return `Denied: the ${side} trusts your whole account, which only delegates to your account's own policies, and no identity-based policy allows ${target}.`;
      }
      return `Denied: no identity-based policy allows ${target}.`;
    case 'boundary-missing':
      return reason.viaRoleGrant
        ? `Denied: the ${side} grants it to your role, but your permissions boundary does not allow ${action}, and a boundary caps every grant to the role.`
        : `Denied: your identity-based policy allows ${action}, but your permissions boundary does not; both must allow it.`;
    case 'session-missing':
      return reason.noPolicy
        ? 'Denied: this federated-user session was created without a session policy, so it has no permissions.'
        : `Denied: your role allows ${action}, but the session policy passed when the session was created does not; a session gets only what both allow.`;
    case 'allowed':
      if (reason.otherRoot)
        return `Allowed: the ${side} trusts your account, and as its root user you need no identity-based policy.`;
      if (reason.crossAccount)
        return `Allowed: the request crosses accounts, and both sides allow it: your identity-based policy and the ${side}.`;
      if (reason.viaRoleGrant)
        return `Allowed: the ${side} grants ${target} to your role, and nothing limits it.`;
      return `Allowed: an identity-based policy allows ${target}, and nothing denies or limits it.`;
  }
}
