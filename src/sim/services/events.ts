/**
 * The hook for CloudTrail: every call, allowed or denied, appends a `WorldEvent` to the world
 * with the fields CloudTrail records (CloudTrail User Guide, "record contents" and
 * "userIdentity element"). Secrets never reach the log: secret keys, passwords, MFA codes and
 * seeds, SAML assertions and web identity tokens are dropped from parameters and responses.
 */
import { isoSecondsFromMs } from '../world/clock.ts';
import { idStateFromSeed, uuid } from '../world/ids.ts';
import type { EventUserIdentity, EventValue, World, WorldEvent } from '../world/types.ts';
import type { ServiceCaller } from './caller.ts';
import { sessionRole } from './caller.ts';
import type { AwsError } from './types.ts';

/** Parameter and response fields that CloudTrail never shows. */
const SECRET_FIELDS = /^(secretAccessKey|password|newPassword|oldPassword|tokenCode|authenticationCode1|authenticationCode2|base32StringSeed|qRCodePNG|sAMLAssertion|samlAssertion|webIdentityToken)$/i;

/** CloudTrail writes parameter names in camelCase (`roleArn`, `roleSessionName`). */
function camel(key: string): string {
  if (/^[A-Z]{2,}/.test(key)) return key.replace(/^[A-Z]+(?=[A-Z][a-z])|^[A-Z]+$/, (m) => m.toLowerCase());
  return key.charAt(0).toLowerCase() + key.slice(1);
}

/** A JSON-safe, secret-free copy of a value, with camelCase keys. */
export function trailValue(value: unknown, depth = 0): EventValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (depth > 8) return null;
  if (Array.isArray(value)) return value.map((v) => trailValue(v, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, EventValue> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined || SECRET_FIELDS.test(k)) continue;
      out[camel(k)] = trailValue(v, depth + 1);
    }
    return out;
  }
  return null;
}

/** The `userIdentity` element for a caller. */
export function userIdentityFor(world: World, caller: ServiceCaller): EventUserIdentity {
  switch (caller.kind) {
    case 'anonymous':
      return { type: 'Unknown' };
    case 'root': {
      const id: EventUserIdentity = { type: 'Root', principalId: caller.accountId, arn: caller.arn, accountId: caller.accountId };
      if (caller.accessKeyId !== undefined) id.accessKeyId = caller.accessKeyId;
      return id;
    }
    case 'user':
      return { type: 'IAMUser', principalId: caller.userId, arn: caller.arn, accountId: caller.accountId, accessKeyId: caller.accessKeyId, userName: caller.userName };
    case 'user-session': {
      const id: EventUserIdentity = {
        type: caller.userName === undefined ? 'Root' : 'IAMUser',
        principalId: caller.userId ?? caller.accountId,
        arn: caller.arn,
        accountId: caller.accountId,
        accessKeyId: caller.accessKeyId,
        sessionContext: {
          attributes: { mfaAuthenticated: caller.session.mfaAuthenticated ? 'true' : 'false', creationDate: isoSecondsFromMs(caller.session.issuedMs) },
        },
      };
      if (caller.userName !== undefined) id.userName = caller.userName;
      return id;
    }
    case 'federated-user': {
      const s = caller.session;
      const user = caller.userName === undefined ? undefined : world.accounts[caller.accountId]?.iam.users[caller.userName];
      const issuer: NonNullable<NonNullable<EventUserIdentity['sessionContext']>['sessionIssuer']> =
        user === undefined
          ? { type: 'Root', principalId: caller.accountId, arn: `arn:aws:iam::${caller.accountId}:root`, accountId: caller.accountId }
          : { type: 'IAMUser', principalId: user.userId, arn: user.arn, accountId: caller.accountId, userName: user.userName };
      return {
        type: 'FederatedUser',
        principalId: `${caller.accountId}:${caller.name}`,
        arn: caller.arn,
        accountId: caller.accountId,
        accessKeyId: caller.accessKeyId,
        sessionContext: { attributes: { mfaAuthenticated: s.mfaAuthenticated ? 'true' : 'false', creationDate: isoSecondsFromMs(s.issuedMs) }, sessionIssuer: issuer },
      };
    }
    case 'role-session': {
      const s = caller.session;
      const role = sessionRole(world, s);
      const id: EventUserIdentity = {
        type: 'AssumedRole',
        principalId: `${caller.roleId}:${caller.sessionName}`,
        arn: caller.arn,
        accountId: caller.accountId,
        accessKeyId: caller.accessKeyId,
        sessionContext: {
          attributes: { mfaAuthenticated: s.mfaAuthenticated ? 'true' : 'false', creationDate: isoSecondsFromMs(s.issuedMs) },
          sessionIssuer: { type: 'Role', principalId: caller.roleId, arn: role?.arn ?? caller.roleArn, accountId: caller.accountId, userName: caller.roleName },
        },
      };
      if (s.sourceIdentity !== undefined && id.sessionContext !== undefined) id.sessionContext.sourceIdentity = s.sourceIdentity;
      if (s.viaService !== undefined) id.invokedBy = s.viaService;
      return id;
    }
  }
}

/** What a call contributes to its event. */
export interface EventFacts {
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  userIdentity: EventUserIdentity;
  requestParameters: unknown;
  responseElements: unknown;
  error?: AwsError;
  readOnly: boolean;
  recipientAccountId: string;
}

/** Appends an event to the world's log. */
export function recordEvent(world: World, facts: EventFacts): WorldEvent {
  const event: WorldEvent = {
    // Derived from the event's position, not drawn from the world's id source: logging a call
    // (even a refused one) must not shift the ids later calls receive.
    eventID: uuid(idStateFromSeed(0x7e1a11 + world.events.length)),
    eventTime: isoSecondsFromMs(world.clock.epochMs),
    eventSource: facts.eventSource,
    eventName: facts.eventName,
    awsRegion: facts.awsRegion,
    sourceIPAddress: facts.sourceIPAddress,
    userAgent: facts.userAgent,
    userIdentity: facts.userIdentity,
    requestParameters: trailValue(facts.requestParameters),
    responseElements: facts.error !== undefined || facts.readOnly ? null : trailValue(facts.responseElements),
    readOnly: facts.readOnly,
    recipientAccountId: facts.recipientAccountId,
  };
  if (facts.error !== undefined) {
    event.errorCode = facts.error.code;
    event.errorMessage = facts.error.message;
  }
  world.events.push(event);
  return event;
}
