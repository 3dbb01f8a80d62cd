/**
 * The evaluation explorer's question — principal, action, resource, context — turned into the
 * input the simulator's services would build for it (identity policies, boundary, session policy,
 * SCPs and RCPs, the resource's own policy: bucket policy, trust policy or function policy), and
 * `authorize()`'s decision with its explanation.
 */
import { authorize } from '../../sim/authz/authorize.ts';
import type { AuthorizeInput, AuthorizeResult } from '../../sim/authz/types.ts';
import type { World } from '../../sim/world/types.ts';
import { authorizeInput, baseContext } from '../../sim/services/access.ts';
import type { AccessRequest, CallEnv } from '../../sim/services/access.ts';
import { s3AuthorizeInput } from '../../sim/services/s3/access.ts';
import { roleByArn, targetRoleContext } from '../../sim/services/sts/roles.ts';
import { functionPolicyText } from '../../sim/services/lambda/common.ts';
import { resolvePrincipal } from './principals.ts';

/** Context values as the explorer collects them: one string, or several for a multivalued key. */
export type ContextValues = Record<string, string | string[]>;

/** What the learner asks. */
export interface Question {
  /** A principal id from `principalOptions`. */
  principal: string;
  /** `service:Action`. */
  action: string;
  /** A resource ARN, or `*`. */
  resource: string;
  /** Extra context keys; they override what the request would carry anyway. */
  context?: ContextValues;
}

/** The decision and the exact input it was computed from. */
export interface Answer {
  input: AuthorizeInput;
  result: AuthorizeResult;
}

/** Actions evaluated against the target role's trust policy. */
const TRUST_ACTIONS =
  /^sts:(AssumeRole|AssumeRoleWithSAML|AssumeRoleWithWebIdentity|TagSession|SetSourceIdentity|SetContext)$/i;

/** The bucket an S3 ARN names (`arn:aws:s3:::bucket` or `…:::bucket/key`). */
function bucketOf(resource: string): string | undefined {
  const m = /^arn:aws:s3:::([^/]+)(?:\/.*)?$/.exec(resource);
  return m?.[1];
}

/** The resource-policy part of a request on `resource`, as the owning service adds it. */
function resourcePart(
  world: World,
  action: string,
  resource: string,
): Omit<AccessRequest, 'action' | 'resource' | 'context'> & { extraContext?: ContextValues } {
  if (TRUST_ACTIONS.test(action)) {
    const role = roleByArn(world, resource);
    if (role !== undefined) {
      return {
        trust: role.assumeRolePolicyDocument,
        resourceAccount: role.arn.split(':')[4] ?? '',
        extraContext: { 'sts:RoleSessionName': 'playground', ...targetRoleContext(role) },
      };
    }
  }
  const fn = world.lambda.functions[resource.replace(/:(\$LATEST|\d+)$/, '')];
  if (fn !== undefined && action.toLowerCase().startsWith('lambda:')) {
    return {
      resourceAccount: fn.accountId,
      resourcePolicy: functionPolicyText(fn),
      resourcePolicyKind: 'lambda-function',
    };
  }
  return {};
}

/** Evaluates the question on `world` (read only), or says why it cannot be asked. */
export function explore(world: World, q: Question): Answer | { problem: string } {
  const action = q.action.trim();
  const resource = q.resource.trim();
  if (!/^[a-z0-9-]+:[A-Za-z0-9*?]+$/.test(action))
    return { problem: 'Write the action as service:Action, for example s3:GetObject.' };
  if (resource !== '*' && !/^arn:[^:]+:[^:]*:[^:]*:[^:]*:.+$/.test(resource))
    return {
      problem:
        'Write the resource as an ARN (arn:aws:service:region:account:resource), or * for actions without a resource.',
    };
  const who = resolvePrincipal(world, q.principal);
  if ('problem' in who) return who;
  const service = action.split(':')[0] ?? '';
  const context = q.context ?? {};
  const bucketName = bucketOf(resource);
  const bucket = bucketName === undefined ? undefined : world.s3.buckets[bucketName];
  if ('service' in who) {
    // A service principal signs for itself: only the resource's policy can let it in.
    const env: CallEnv = { world, caller: { kind: 'anonymous' }, opts: {}, service };
    const part = resourcePart(world, action, resource);
    const input: AuthorizeInput = {
      principal: { arn: who.service, type: 'AWSService' },
      request: {
        action,
        resource,
        context: { ...baseContext(env), ...(part.extraContext ?? {}), ...context },
      },
      policies: {},
    };
    if (part.resourceAccount !== undefined) input.request.resourceAccount = part.resourceAccount;
    else if (bucket !== undefined) input.request.resourceAccount = bucket.ownerAccountId;
    if (part.trust !== undefined) input.policies.trust = part.trust;
    if (bucket !== undefined) {
      input.policies.resource = bucket.policy;
      input.policies.resourcePolicyKind = 's3-bucket';
    } else if (part.resourcePolicy !== undefined) {
      input.policies.resource = part.resourcePolicy;
      input.policies.resourcePolicyKind = part.resourcePolicyKind ?? null;
    }
    return { input, result: authorize(input) };
  }
  const env: CallEnv = { world, caller: who.caller, opts: {}, service };
  if (bucket !== undefined) {
    const input = s3AuthorizeInput(env, bucket, action, resource, context);
    return { input, result: authorize(input) };
  }
  const { extraContext, ...part } = resourcePart(world, action, resource);
  const req: AccessRequest = {
    action,
    resource,
    context: { ...(extraContext ?? {}), ...context },
    ...part,
  };
  const signed = authorizeInput(env, req);
  const input: AuthorizeInput = signed ?? {
    principal: { arn: 'anonymous', type: 'Anonymous' },
    request: { action, resource, context: { ...baseContext(env), ...req.context } },
    policies: {},
  };
  if (signed === undefined) {
    if (part.resourceAccount !== undefined) input.request.resourceAccount = part.resourceAccount;
    if (part.trust !== undefined) input.policies.trust = part.trust;
    if (part.resourcePolicy !== undefined) {
      input.policies.resource = part.resourcePolicy;
      input.policies.resourcePolicyKind = part.resourcePolicyKind ?? null;
    }
  }
  return { input, result: authorize(input) };
}
