/**
 * Running one call of a check or probe: resolve the actor, rebuild the decision for the
 * explanation, make the call through `callAws` (or, for a service actor, through
 * `assumeRoleAsService`) and report what came back.
 */
import { callAws } from '../sim/services/call.ts';
import type { AuthorizeResult, CallOptions, World } from '../sim/index.ts';
import { actorTool } from './actor-tools.ts';
import { actorCredentials, GRADER_SESSION } from './actors.ts';
import type { ActorCredentials, SessionPolicies } from './actors.ts';
import { explainCall, explainServiceAssume } from './explain.ts';
import { accountFor } from './install.ts';
import { requestTarget, requestText } from './request.ts';
import type { Outcome } from './result.ts';
import type { Actor, Check } from './schema.ts';

/** What a call did, with its request in words and the decision behind it. */
export interface CallRun {
  request: string;
  got?: Outcome;
  /** Set when the call could not be made (the actor has no credentials; the explanation is then the refused AssumeRole's). */
  reason?: string;
  explanation?: AuthorizeResult;
  /** What an allowed call answered (its response elements), for checks that expect values in it. */
  response?: unknown;
}

/** The account an actor acts from. */
function actorAccount(world: World, actor: Actor): string {
  if (actor === 'anonymous' || 'service' in actor) return accountFor(world, undefined);
  if ('root' in actor) return actor.root;
  return accountFor(world, actor.account);
}

/** CallOptions from a check's context (only the keys that are set). */
function callOptions(context: Check['context']): CallOptions {
  const opts: CallOptions = {};
  if (context?.sourceIp !== undefined) opts.sourceIp = context.sourceIp;
  if (context?.region !== undefined) opts.region = context.region;
  return opts;
}

/** A service principal assuming a role (the call must be sts AssumeRole). */
function runServiceAssume(
  world: World,
  actor: Extract<Actor, { service: string }>,
  params: Readonly<Record<string, unknown>>,
  request: string,
): CallRun {
  const roleArn = typeof params['RoleArn'] === 'string' ? params['RoleArn'] : '';
  const sessionName =
    typeof params['RoleSessionName'] === 'string' ? params['RoleSessionName'] : GRADER_SESSION;
  const context: Record<string, string> = { 'sts:RoleSessionName': sessionName };
  if (actor.sourceArn !== undefined) context['aws:SourceArn'] = actor.sourceArn;
  if (actor.sourceAccount !== undefined) context['aws:SourceAccount'] = actor.sourceAccount;
  const explanation = explainServiceAssume(world, actor.service, roleArn, context);
  const r = actorTool('assumeRoleAsService')(world, {
    service: actor.service,
    roleArn,
    sessionName,
    ...(actor.sourceArn === undefined ? {} : { sourceArn: actor.sourceArn }),
    ...(actor.sourceAccount === undefined ? {} : { sourceAccount: actor.sourceAccount }),
  });
  const got: Outcome = r.ok
    ? { outcome: 'allowed' }
    : { outcome: 'error', code: r.error.code, message: r.error.message };
  return explanation === undefined ? { request, got } : { request, got, explanation };
}

/** The request of a check in words, without making it. */
export function checkRequestText(world: World, check: Pick<Check, 'actor' | 'call'>): string {
  const { actor, call } = check;
  return requestText(
    requestTarget(world, actorAccount(world, actor), call.service, call.operation, call.params),
  );
}

/**
 * Runs `check.call` as `check.actor` in `world` (which it changes). `resolved` are credentials
 * already taken for the actor in this world (the grader takes them once for all checks);
 * `sessionPolicies` are passed when the actor has to be resolved here.
 * Never throws.
 */
export function runCall(
  world: World,
  check: Pick<Check, 'actor' | 'call' | 'context'>,
  resolved?: ActorCredentials,
  sessionPolicies?: SessionPolicies,
): CallRun {
  const { actor, call } = check;
  const target = requestTarget(
    world,
    actorAccount(world, actor),
    call.service,
    call.operation,
    call.params,
  );
  const request = requestText(target);
  if (actor !== 'anonymous' && 'service' in actor)
    return runServiceAssume(world, actor, call.params, request);
  const creds = resolved ?? actorCredentials(world, actor, new Map(), sessionPolicies);
  if (!creds.ok)
    return creds.explanation === undefined
      ? { request, reason: creds.reason }
      : { request, reason: creds.reason, explanation: creds.explanation };
  const opts = callOptions(check.context);
  const explanation = explainCall(world, creds.credentials, call.service, target, opts);
  const r = callAws(world, creds.credentials, call.service, call.operation, call.params, opts);
  const got: Outcome = r.ok
    ? { outcome: 'allowed' }
    : { outcome: 'error', code: r.error.code, message: r.error.message };
  const out: CallRun = { request, got };
  if (explanation !== undefined) out.explanation = explanation;
  if (r.ok) out.response = r.result;
  return out;
}
