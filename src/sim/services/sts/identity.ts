/**
 * GetCallerIdentity and GetSessionToken.
 *
 * GetCallerIdentity needs no permission and cannot be denied, not even by an explicit Deny
 * (STS API Reference). GetSessionToken needs no permission either; it cannot be called with role
 * session credentials, and the root user's sessions last at most one hour.
 */
import { isoFromMs } from '../../world/clock.ts';
import { accessDenied, fail, missingAuthentication, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import { checkMfaCode } from './mfa-check.ts';
import { credentialsForTrail, credentialsShape, issueSession } from './session.ts';

const getCallerIdentity: Operation = {
  readOnly: true,
  run(env) {
    const c = env.caller;
    switch (c.kind) {
      case 'anonymous':
        return fail(missingAuthentication());
      case 'root':
        return ok({ UserId: c.accountId, Account: c.accountId, Arn: c.arn });
      case 'user':
        return ok({ UserId: c.userId, Account: c.accountId, Arn: c.arn });
      case 'user-session':
        return ok({ UserId: c.userId ?? c.accountId, Account: c.accountId, Arn: c.arn });
      case 'role-session':
        return ok({ UserId: `${c.roleId}:${c.sessionName}`, Account: c.accountId, Arn: c.arn });
      case 'federated-user':
        return ok({ UserId: `${c.accountId}:${c.name}`, Account: c.accountId, Arn: c.arn });
    }
  },
};

/** GetSessionToken's duration limits (STS API Reference). */
const SESSION_TOKEN_DEFAULT = 43200;
const ROOT_SESSION_MAX = 3600;

const getSessionToken: Operation = {
  readOnly: false,
  run(env, p, trail) {
    const duration = p.int('DurationSeconds', { min: 900, max: 129600 });
    const serial = p.string('SerialNumber', { min: 9, max: 256, pattern: /^[\w+=/:,.@-]*$/, patternText: '[\\w+=/:,.@-]*' });
    const code = p.string('TokenCode', { min: 6, max: 6, pattern: /^\d*$/, patternText: '[\\d]*' });
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    const c = env.caller;
    if (c.kind === 'anonymous') return fail(missingAuthentication());
    if (c.kind === 'role-session' || c.kind === 'user-session' || c.kind === 'federated-user') return fail(accessDenied('Cannot call GetSessionToken with session credentials'));
    let mfa = false;
    if (serial !== undefined) {
      const bad = checkMfaCode(env.world, c, serial, code);
      if (bad !== undefined) return fail(bad);
      mfa = true;
    }
    // The root user's sessions are capped at one hour: a longer request silently gets one hour.
    const seconds = c.kind === 'root' ? Math.min(duration ?? ROOT_SESSION_MAX, ROOT_SESSION_MAX) : (duration ?? SESSION_TOKEN_DEFAULT);
    const session = issueSession(env.world, seconds, {
      kind: 'SessionToken',
      accountId: c.accountId,
      ...(c.kind === 'user' ? { userName: c.userName } : {}),
      sessionPolicyArns: [],
      tags: {},
      transitiveTagKeys: [],
      mfaAuthenticated: mfa,
      ...(mfa ? { mfaAuthMs: env.world.clock.epochMs } : {}),
      chained: false,
    });
    trail.responseElements = { credentials: credentialsForTrail(session) };
    return ok({ Credentials: { ...credentialsShape(session), Expiration: isoFromMs(session.expirationMs) } });
  },
};

/** GetCallerIdentity and GetSessionToken by name. */
export const IDENTITY_OPERATIONS: Readonly<Record<string, Operation>> = {
  GetCallerIdentity: getCallerIdentity,
  GetSessionToken: getSessionToken,
};
