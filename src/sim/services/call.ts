/**
 * `callAws`: one entry point for every simulated API call, the layer the CLI emulator, the
 * exercise grader and the playground sit on.
 *
 * It finds the operation, authenticates the credentials, runs the operation (which validates,
 * authorizes through `authorize()` and applies), and appends the call to the world's event log
 * whatever the outcome. It never throws: a simulator bug comes back as `InternalFailure`, and
 * the world is restored to what it was before the call, so a failed call never leaves it
 * half-changed.
 */
import { isoFromMs } from '../world/clock.ts';
import { cloneWorld } from '../world/snapshot.ts';
import type { World } from '../world/types.ts';
import { DEFAULT_SOURCE_IP, requestedRegion } from './access.ts';
import type { CallEnv } from './access.ts';
import { resolveCaller, sessionRole } from './caller.ts';
import type { ServiceCaller } from './caller.ts';
import { fail, internalFailure, invalidAction, missingAuthentication } from './errors.ts';
import { recordEvent, userIdentityFor } from './events.ts';
import type { TrailNotes } from './operation.ts';
import { Params } from './params.ts';
// Only what every call needs, never a service's whole module: services load on demand (load.ts).
import { ec2RoleDeliveryFor } from './ec2/role-delivery.ts';
import { trailFollowUp } from './cloudtrail/follow-up.ts';
import { isServiceName, serviceDefinition } from './registry.ts';
import type { AwsResult, CallOptions, CallParams, Credentials } from './types.ts';

/** Copies the world's contents from one object into another (used to roll back). */
function replaceWorld(target: World, source: World): void {
  const t = target as unknown as Record<string, unknown>;
  for (const k of Object.keys(t)) delete t[k];
  Object.assign(target, source);
}

/** Records when a key or a role was last used, for access reviews (GetAccessKeyLastUsed, RoleLastUsed). */
function noteLastUsed(world: World, caller: ServiceCaller): void {
  const now = isoFromMs(world.clock.epochMs);
  if (caller.kind === 'user') {
    const key = world.accounts[caller.accountId]?.iam.users[caller.userName]?.accessKeys.find((k) => k.accessKeyId === caller.accessKeyId);
    if (key !== undefined) key.lastUsedDate = now;
  } else if (caller.kind === 'role-session') {
    const role = sessionRole(world, caller.session);
    if (role !== undefined) role.lastUsedDate = now;
  }
}

/**
 * Calls `service:operation` with `params`, signed with `credentials`.
 *
 * @param world the world to act on; changed in place when the call succeeds
 * @param credentials access keys, `{ root: accountId }`, or null for unsigned calls
 * @param service `iam`, `sts`, `s3`, `s3control`, `ec2`, `lambda`, `organizations`, `cloudtrail`
 * @param operation AWS's operation name, e.g. `CreateRole`
 * @param params AWS's parameter names, e.g. `{ RoleName: 'app' }`
 */
export function callAws(world: World, credentials: Credentials, service: string, operation: string, params: CallParams = {}, opts: CallOptions = {}): AwsResult<unknown> {
  const definition = serviceDefinition(service);
  // A caller must load a service before calling it (loadServices); a missing one is a bug of
  // the caller, reported without touching the world rather than mistaken for an unknown action.
  if (definition === undefined && isServiceName(service)) return fail(internalFailure(`The simulator has not loaded ${service} yet.`));
  const op = definition?.operations[operation];
  if (definition === undefined || op === undefined) return fail(invalidAction(service, operation));
  const safeParams: CallParams = typeof params === 'object' && params !== null ? params : {};
  // Everything but the event log (which only grows) is copied, so a failed call can be undone.
  const eventCount = world.events.length;
  const before = cloneWorld({ ...world, events: [] });
  const rollback = (): void => replaceWorld(world, { ...before, events: world.events.slice(0, eventCount) });
  try {
    const authn = op.unsigned === true ? ({ ok: true, result: { kind: 'anonymous' } } as const) : resolveCaller(world, credentials);
    const caller: ServiceCaller = authn.ok ? authn.result : { kind: 'anonymous' };
    const env: CallEnv = { world, caller, opts, service };
    const trail: TrailNotes = {};
    let outcome: AwsResult<unknown>;
    if (!authn.ok) outcome = authn;
    else if (op.unsigned !== true && op.allowsAnonymous !== true && caller.kind === 'anonymous') outcome = fail(missingAuthentication());
    else outcome = op.run(env, new Params(safeParams), trail);
    if (!outcome.ok) rollback();
    else noteLastUsed(world, caller);
    const event = recordEvent(world, {
      eventSource: definition.eventSource,
      eventName: operation,
      awsRegion: requestedRegion(env),
      sourceIPAddress: opts.sourceIp ?? DEFAULT_SOURCE_IP,
      userAgent: opts.userAgent ?? 'aws-cli/2',
      userIdentity: trail.userIdentity ?? userIdentityFor(world, caller),
      requestParameters: trail.requestParameters ?? safeParams,
      // An operation may set null on purpose (Lambda Invoke records no response).
      responseElements: 'responseElements' in trail ? trail.responseElements : outcome.ok ? outcome.result : null,
      ...(outcome.ok ? {} : { error: outcome.error }),
      readOnly: op.readOnly,
      recipientAccountId: trail.recipientAccountId ?? (caller.kind === 'anonymous' ? '' : caller.accountId),
    });
    if (trail.eventCategory !== undefined) event.eventCategory = trail.eventCategory;
    if (trail.resources !== undefined) event.resources = trail.resources;
    // Instance-profile credentials: CloudTrail says whether IMDSv1 or IMDSv2 delivered them.
    const delivery = caller.kind === 'role-session' ? ec2RoleDeliveryFor(world, caller.accessKeyId) : undefined;
    if (delivery !== undefined && event.userIdentity.sessionContext !== undefined) event.userIdentity.sessionContext.ec2RoleDelivery = delivery;
    // CloudTrail's delivery rules: a cross-account AssumeRole reaches the role owner too.
    trailFollowUp(world, event);
    // S3 event notifications: a stored or deleted object may make S3 invoke a function.
    if (outcome.ok) definition.afterCall?.(world, operation, safeParams, event.userIdentity.principalId ?? 'anonymous', callAws);
    return outcome;
  } catch (e) {
    rollback();
    return fail(internalFailure(e instanceof Error ? e.message : String(e)));
  }
}
