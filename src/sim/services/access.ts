/**
 * Authorization of a call: the request context AWS would build, every policy that applies, and
 * the decision from `authorize()`. A denial becomes AWS's `AccessDenied` with AWS's message.
 */
import { authorize } from '../authz/index.ts';
import type { AuthorizeInput, AuthorizeResult, ResourcePolicyKind } from '../authz/index.ts';
import { isoSecondsFromMs } from '../world/clock.ts';
import type { TemporaryCredential } from '../world/sts-types.ts';
import type { World } from '../world/types.ts';
import type { ServiceCaller } from './caller.ts';
import { accessDenied } from './errors.ts';
import { boundaryFor, identityPoliciesFor, orgPathFor, principalFor, scpsFor, sessionPolicyFor } from './principal.ts';
import { rcpsFor } from './organizations/effective.ts';
import type { AwsError, CallOptions } from './types.ts';

/** The IP a call comes from when the caller does not say (TEST-NET-3, reserved for documentation). */
export const DEFAULT_SOURCE_IP = '203.0.113.10';

/** Global services whose requests resolve to us-east-1 for `aws:RequestedRegion` (global condition keys page). */
const GLOBAL_SERVICES = new Set(['iam', 'organizations']);

/** Everything about the call that is the same for each authorization it needs. */
export interface CallEnv {
  world: World;
  caller: ServiceCaller;
  opts: CallOptions;
  /** The service prefix (`iam`, `sts`, …). */
  service: string;
}

/** The region a call goes to. */
export function requestedRegion(env: CallEnv): string {
  if (GLOBAL_SERVICES.has(env.service)) return 'us-east-1';
  return env.opts.region ?? env.world.defaultRegion;
}

/**
 * The keys a request signed with an EC2 instance's role credentials carries: `ec2:SourceInstanceARN`
 * and `aws:EC2InstanceSourcePrivateIPv4` (global condition keys page, "Properties of the role
 * session"; the world models no VPCs, so `aws:EC2InstanceSourceVPC` is not set). The session
 * EC2 obtained for an instance is named after the instance.
 */
export function instanceContext(world: World, session: TemporaryCredential): Record<string, string> {
  if (session.viaService !== 'ec2.amazonaws.com' || session.sessionName === undefined) return {};
  const i = world.ec2.instances[session.sessionName];
  if (i === undefined || i.accountId !== session.accountId) return {};
  return { 'ec2:SourceInstanceARN': `arn:aws:ec2:${i.region}:${i.accountId}:instance/${i.instanceId}`, 'aws:EC2InstanceSourcePrivateIPv4': i.privateIpAddress };
}

/**
 * The context keys AWS puts in every request from this caller (global condition keys page).
 * Principal-derived keys (aws:PrincipalArn, aws:userid, aws:PrincipalTag/…) are left to the
 * decision API, which derives them from the principal.
 */
export function baseContext(env: CallEnv): Record<string, string | string[]> {
  const { world, caller } = env;
  const now = world.clock.epochMs;
  const ctx: Record<string, string | string[]> = {
    'aws:CurrentTime': isoSecondsFromMs(now),
    'aws:EpochTime': String(Math.floor(now / 1000)),
    'aws:SourceIp': env.opts.sourceIp ?? DEFAULT_SOURCE_IP,
    'aws:RequestedRegion': requestedRegion(env),
    'aws:SecureTransport': 'true',
    'aws:ViaAWSService': 'false',
  };
  if (caller.kind === 'role-session' || caller.kind === 'user-session' || caller.kind === 'federated-user') {
    // Present only for temporary credentials: long-term keys carry no MFA information at all.
    const s = caller.session;
    ctx['aws:MultiFactorAuthPresent'] = s.mfaAuthenticated ? 'true' : 'false';
    if (s.mfaAuthenticated && s.mfaAuthMs !== undefined) ctx['aws:MultiFactorAuthAge'] = String(Math.floor((now - s.mfaAuthMs) / 1000));
    ctx['aws:TokenIssueTime'] = isoSecondsFromMs(s.issuedMs);
    if (s.sourceIdentity !== undefined) ctx['aws:SourceIdentity'] = s.sourceIdentity;
    if (s.federatedProvider !== undefined) ctx['aws:FederatedProvider'] = s.federatedProvider;
  }
  // Calls signed with instance-profile credentials say which instance they come from.
  if (caller.kind === 'role-session') Object.assign(ctx, instanceContext(world, caller.session));
  if (caller.kind !== 'anonymous') {
    const org = world.organization;
    const path = orgPathFor(world, caller.accountId);
    if (org !== null && path !== undefined) {
      ctx['aws:PrincipalOrgID'] = org.id;
      ctx['aws:PrincipalOrgPaths'] = [path];
    }
  }
  return ctx;
}

/** One authorization a call needs. */
export interface AccessRequest {
  action: string;
  resource: string;
  resourceAccount?: string;
  /** Keys to add to (or override in) the base context. */
  context?: Record<string, string | string[]>;
  /** The target role's trust policy, for `sts:AssumeRole*` and `sts:TagSession`/`sts:SetSourceIdentity`. */
  trust?: string | null;
  resourcePolicy?: string | null;
  resourcePolicyKind?: ResourcePolicyKind;
}

/** The decision and, for a denial, the error to answer with. */
export interface AccessOutcome {
  allowed: boolean;
  result: AuthorizeResult;
  /** Set when not allowed. */
  error?: AwsError;
}

/** The decision API input for a request by the call's caller. */
export function authorizeInput(env: CallEnv, req: AccessRequest): AuthorizeInput | undefined {
  const { world, caller } = env;
  const principal = principalFor(world, caller);
  if (principal === undefined || caller.kind === 'anonymous') return undefined;
  const input: AuthorizeInput = {
    principal,
    request: { action: req.action, resource: req.resource, context: { ...baseContext(env), ...(req.context ?? {}) } },
    policies: {
      identity: identityPoliciesFor(world, caller),
      boundary: boundaryFor(world, caller),
      session: sessionPolicyFor(world, caller),
    },
  };
  if (req.resourceAccount !== undefined) input.request.resourceAccount = req.resourceAccount;
  const scps = scpsFor(world, caller.accountId);
  if (scps !== undefined) input.policies.scp = scps;
  // RCPs belong to the resource's account, whoever calls (the ARN's account when not given).
  const rcps = rcpsFor(world, req.resourceAccount ?? req.resource.split(':')[4]);
  if (rcps !== undefined) input.policies.rcp = rcps;
  if (req.trust !== undefined) input.policies.trust = req.trust;
  if (req.resourcePolicy !== undefined) input.policies.resource = req.resourcePolicy;
  if (req.resourcePolicyKind !== undefined) input.policies.resourcePolicyKind = req.resourcePolicyKind;
  return input;
}

/** The message AWS gives when the decision API does not supply one. */
export function deniedMessage(callerArn: string, action: string, resource: string): string {
  return `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource}`;
}

/** Authorizes one request of the call. */
export function checkAccess(env: CallEnv, req: AccessRequest): AccessOutcome {
  const input = authorizeInput(env, req);
  const callerArn = env.caller.kind === 'anonymous' ? 'anonymous' : env.caller.arn;
  if (input === undefined) {
    const result: AuthorizeResult = { decision: 'ImplicitDeny', steps: [], statements: [], deciding: [], summary: 'Unsigned requests are not allowed.' };
    return { allowed: false, result, error: accessDenied(deniedMessage(callerArn, req.action, req.resource)) };
  }
  const result = authorize(input);
  if (result.decision === 'Allow') return { allowed: true, result };
  const message = result.message ?? deniedMessage(callerArn, req.action, req.resource);
  return { allowed: false, result, error: accessDenied(message) };
}
