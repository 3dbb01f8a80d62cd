/**
 * LookupEvents (AWS CloudTrail API Reference; CloudTrail User Guide, "Working with CloudTrail
 * Event history"): the last 90 days of *management* events of the caller's account in the
 * Region the request is sent to, newest first. Data events — S3 object calls, Lambda Invoke —
 * are never in Event history ("The CloudTrail Event history feature supports only management
 * events", "Logging management events").
 *
 * At most one lookup attribute (EventId, EventName, ReadOnly, Username, ResourceType,
 * ResourceName, EventSource, AccessKeyId); StartTime/EndTime bound the range; MaxResults 1–50
 * (default 50) with a NextToken that only works with the same filters.
 */
import { msFromIso } from '../../world/clock.ts';
import type { World, WorldEvent } from '../../world/types.ts';
import type { CallEnv } from '../access.ts';
import { checkAccess, requestedRegion } from '../access.ts';
import { awsError, fail, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import type { Params } from '../params.ts';
import { base64Decode, base64Encode, utf8Decode, utf8Encode } from '../sts/base64.ts';
import type { AwsError, AwsResult } from '../types.ts';
import { cloudTrailRecord, hashText, isManagementEvent, lookupResources, usernameOf } from './record.ts';
import type { LookupResource } from './record.ts';

/** How far back Event history reaches. */
export const EVENT_HISTORY_DAYS = 90;

/** The attribute keys LookupEvents accepts. */
export const LOOKUP_ATTRIBUTE_KEYS = ['EventId', 'EventName', 'ReadOnly', 'Username', 'ResourceType', 'ResourceName', 'EventSource', 'AccessKeyId'] as const;
type LookupKey = (typeof LOOKUP_ATTRIBUTE_KEYS)[number];

/** One event as LookupEvents returns it. */
export interface LookupEvent {
  EventId: string;
  EventName: string;
  /** `"true"` or `"false"`: a string in this API. */
  ReadOnly: string;
  AccessKeyId?: string;
  EventTime: string;
  EventSource: string;
  Username?: string;
  Resources: LookupResource[];
  /** The whole record as JSON text. */
  CloudTrailEvent: string;
}

function ctError(code: string, message: string): AwsError {
  return awsError(code, message, 400);
}

/** A timestamp parameter: ISO 8601 text or epoch seconds (the CLI accepts both). */
function readTime(p: Params, name: string): number | undefined | AwsError {
  const v = p.value(name);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return v * 1000;
  if (typeof v === 'string') {
    if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
    const ms = msFromIso(v) ?? msFromIso(`${v}T00:00:00Z`);
    if (ms !== undefined) return ms;
  }
  return ctError('ValidationException', `Value '${String(v)}' at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must be a timestamp`);
}

/** The single lookup attribute, or undefined for none. */
function readAttribute(p: Params): { key: LookupKey; value: string } | undefined | AwsError {
  const raw = p.value('LookupAttributes');
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) return ctError('InvalidLookupAttributesException', 'LookupAttributes must be a list of {AttributeKey, AttributeValue}.');
  if (raw.length === 0) return undefined;
  // "Currently the list can contain only one item" (API Reference, LookupEvents).
  if (raw.length > 1) return ctError('InvalidLookupAttributesException', 'You can only specify one lookup attribute.');
  const item: unknown = raw[0];
  const { AttributeKey: key, AttributeValue: value } = (typeof item === 'object' && item !== null ? item : {}) as { AttributeKey?: unknown; AttributeValue?: unknown };
  if (typeof key !== 'string' || !(LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(key)) {
    return ctError('InvalidLookupAttributesException', `Invalid attribute key: ${String(key)}. Valid keys are ${LOOKUP_ATTRIBUTE_KEYS.join(', ')}.`);
  }
  if (typeof value !== 'string' || value.length < 1 || value.length > 2000) {
    return ctError('InvalidLookupAttributesException', 'AttributeValue must be 1 to 2000 characters.');
  }
  return { key: key as LookupKey, value };
}

/** True when the event has the attribute value. */
function matches(event: WorldEvent, key: LookupKey, value: string): boolean {
  switch (key) {
    case 'EventId':
      return event.eventID === value;
    case 'EventName':
      return event.eventName === value;
    case 'ReadOnly':
      return String(event.readOnly) === value;
    case 'Username':
      return usernameOf(event) === value;
    case 'ResourceType':
      return lookupResources(event).some((r) => r.ResourceType === value);
    case 'ResourceName':
      return lookupResources(event).some((r) => r.ResourceName === value);
    case 'EventSource':
      return event.eventSource === value;
    case 'AccessKeyId':
      return event.userIdentity.accessKeyId === value;
  }
}

/** The event in LookupEvents' shape. */
export function lookupEventShape(event: WorldEvent): LookupEvent {
  const out: LookupEvent = {
    EventId: event.eventID,
    EventName: event.eventName,
    ReadOnly: String(event.readOnly),
    EventTime: event.eventTime,
    EventSource: event.eventSource,
    Resources: lookupResources(event),
    CloudTrailEvent: JSON.stringify(cloudTrailRecord(event)),
  };
  if (event.userIdentity.accessKeyId !== undefined) out.AccessKeyId = event.userIdentity.accessKeyId;
  const user = usernameOf(event);
  if (user !== undefined) out.Username = user;
  return out;
}

/**
 * The management events an account sees in a Region's Event history, newest first (the
 * order the console and the API list them).
 */
export function eventHistory(world: World, accountId: string, region: string): WorldEvent[] {
  const since = world.clock.epochMs - EVENT_HISTORY_DAYS * 86400 * 1000;
  const out: WorldEvent[] = [];
  for (let i = world.events.length - 1; i >= 0; i--) {
    const e = world.events[i];
    if (e === undefined || e.recipientAccountId !== accountId || e.awsRegion !== region || !isManagementEvent(e)) continue;
    const t = msFromIso(e.eventTime);
    if (t !== undefined && t >= since) out.push(e);
  }
  return out;
}

function tokenFor(offset: number, fingerprint: number): string {
  return base64Encode(utf8Encode(`${offset}:${fingerprint.toString(16)}`));
}

function offsetFromToken(token: string, fingerprint: number): number | undefined {
  const bytes = base64Decode(token);
  const m = bytes === undefined ? null : /^(\d+):([0-9a-f]+)$/.exec(utf8Decode(bytes));
  if (m === null || m[2] !== fingerprint.toString(16)) return undefined;
  return Number(m[1]);
}

function run(env: CallEnv, p: Params): AwsResult<unknown> {
  const attribute = readAttribute(p);
  if (attribute !== undefined && 'code' in attribute) return fail(attribute);
  const start = readTime(p, 'StartTime');
  const end = readTime(p, 'EndTime');
  if (typeof start === 'object') return fail(start);
  if (typeof end === 'object') return fail(end);
  if (start !== undefined && end !== undefined && start > end) return fail(ctError('InvalidTimeRangeException', 'Start time must be before end time.'));
  const category = p.value('EventCategory');
  if (category !== undefined && category !== null && category !== 'insight') return fail(ctError('InvalidEventCategoryException', `Invalid event category: ${String(category)}. The only valid value is insight.`));
  const rawMax = p.value('MaxResults');
  const max = rawMax === undefined || rawMax === null ? 50 : typeof rawMax === 'number' ? rawMax : typeof rawMax === 'string' && /^\d+$/.test(rawMax) ? Number(rawMax) : NaN;
  if (!Number.isInteger(max) || max < 1 || max > 50) return fail(ctError('InvalidMaxResultsException', 'MaxResults must be between 1 and 50.'));
  const fingerprint = hashText(JSON.stringify([attribute ?? null, start ?? null, end ?? null, category ?? null]));
  const rawToken = p.value('NextToken');
  let offset = 0;
  if (rawToken !== undefined && rawToken !== null) {
    const o = typeof rawToken === 'string' ? offsetFromToken(rawToken, fingerprint) : undefined;
    if (o === undefined) return fail(ctError('InvalidNextTokenException', 'Invalid NextToken: it is not a token from an earlier LookupEvents request with the same parameters.'));
    offset = o;
  }
  const denied = checkAccess(env, { action: 'cloudtrail:LookupEvents', resource: '*' });
  if (!denied.allowed) return fail(ctError('AccessDeniedException', denied.error?.message ?? 'Access denied'));
  if (env.caller.kind === 'anonymous') return fail(ctError('AccessDeniedException', 'Access denied'));
  // Insights events are not simulated: an insight lookup finds none.
  const all =
    category === 'insight'
      ? []
      : eventHistory(env.world, env.caller.accountId, requestedRegion(env)).filter((e) => {
          const t = msFromIso(e.eventTime) ?? 0;
          if (start !== undefined && t < start) return false;
          if (end !== undefined && t > end) return false;
          return attribute === undefined || matches(e, attribute.key, attribute.value);
        });
  const page = all.slice(offset, offset + max);
  const result: { Events: LookupEvent[]; NextToken?: string } = { Events: page.map(lookupEventShape) };
  if (offset + max < all.length) result.NextToken = tokenFor(offset + max, fingerprint);
  return ok(result);
}

/** LookupEvents. */
export const LOOKUP_EVENTS: Operation = { readOnly: true, run: (env, p) => run(env, p) };

