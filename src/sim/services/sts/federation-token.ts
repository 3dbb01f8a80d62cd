/**
 * GetFederationToken (STS API Reference): an IAM user (or, not recommended, the root user)
 * hands out credentials for a federated user named by the caller. The federated user can do
 * only what both the caller's policies and the session policy allow — and nothing at all when no
 * session policy is passed. Sessions last 900–129,600 seconds (default 43,200), one hour at most
 * for the root user; they cannot call IAM, nor any STS operation but GetCallerIdentity.
 */
import { federatedUserArn } from '../../world/arns.ts';
import type { CallEnv } from '../access.ts';
import { checkAccess, deniedMessage } from '../access.ts';
import { accessDenied, fail, internalFailure, missingAuthentication, ok } from '../errors.ts';
import type { Operation, TrailNotes } from '../operation.ts';
import type { Params } from '../params.ts';
import type { AwsResult } from '../types.ts';
import {
  checkSessionPolicies,
  credentialsForTrail,
  credentialsShape,
  issueSession,
  packedPolicySize,
  planSessionTags,
  readSessionPolicies,
  sessionTagContext,
} from './session.ts';

const FEDERATION_DEFAULT_SECONDS = 43200;
const ROOT_MAX_SECONDS = 3600;

function run(env: CallEnv, p: Params, trail: TrailNotes): AwsResult<unknown> {
  const name = p.string('Name', { required: true, min: 2, max: 32, pattern: /^[\w+=,.@-]*$/, patternText: '[\\w+=,.@-]*' });
  const duration = p.int('DurationSeconds', { min: 900, max: 129600 });
  const policies = readSessionPolicies(p);
  const tags = p.tags('Tags', 50);
  const invalid = p.error();
  if (invalid !== undefined) return fail(invalid);
  if (name === undefined) return fail(internalFailure('Name missing'));
  const c = env.caller;
  if (c.kind === 'anonymous') return fail(missingAuthentication());
  if (c.kind === 'role-session' || c.kind === 'user-session' || c.kind === 'federated-user') {
    return fail(accessDenied('Cannot call GetFederationToken with session credentials'));
  }
  const plan = planSessionTags(tags ?? [], []);
  if ('code' in plan) return fail(plan);
  const arn = federatedUserArn(c.accountId, name);
  const request = { resource: arn, context: sessionTagContext(plan) };
  for (const action of plan.tagging ? ['sts:GetFederationToken', 'sts:TagSession'] : ['sts:GetFederationToken']) {
    const outcome = checkAccess(env, { ...request, action });
    if (!outcome.allowed) return fail(outcome.error ?? accessDenied(deniedMessage(c.arn, action, arn)));
  }
  const badPolicy = checkSessionPolicies(env.world, policies);
  if (badPolicy !== undefined) return fail(badPolicy);
  const seconds = c.kind === 'root' ? Math.min(duration ?? ROOT_MAX_SECONDS, ROOT_MAX_SECONDS) : (duration ?? FEDERATION_DEFAULT_SECONDS);
  const session = issueSession(env.world, seconds, {
    kind: 'FederatedUser',
    accountId: c.accountId,
    sessionName: name,
    ...(c.kind === 'user' ? { userName: c.userName } : {}),
    ...(policies.inline === undefined ? {} : { sessionPolicy: policies.inline }),
    sessionPolicyArns: policies.arns,
    tags: plan.sessionTags,
    transitiveTagKeys: [],
    mfaAuthenticated: false,
    chained: false,
  });
  const federatedUser = { FederatedUserId: `${c.accountId}:${name}`, Arn: arn };
  const result: Record<string, unknown> = { Credentials: credentialsShape(session), FederatedUser: federatedUser };
  const packed = packedPolicySize(policies, plan.requested);
  if (packed !== undefined) result['PackedPolicySize'] = packed;
  trail.responseElements = { credentials: credentialsForTrail(session), federatedUser };
  return ok(result);
}

/** The GetFederationToken operation. */
export const GET_FEDERATION_TOKEN: Operation = { readOnly: false, run };
