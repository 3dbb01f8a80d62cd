/**
 * AssumeRole (STS API Reference; IAM User Guide "Using IAM roles", "Role chaining", "Passing
 * session tags", "External ID"): validation, the trust-policy decision (plus sts:TagSession and
 * sts:SetSourceIdentity when tags or a source identity are passed), durations against the role's
 * MaxSessionDuration and the one-hour cap for role chaining, and the new session.
 */
import { assumedRoleArn } from '../../world/arns.ts';
import { worldNowIso } from '../../world/iam-records.ts';
import type { CallEnv } from '../access.ts';
import { checkAccess, deniedMessage } from '../access.ts';
import { accessDenied, fail, internalFailure, ok, validationError } from '../errors.ts';
import type { Operation, TrailNotes } from '../operation.ts';
import { ARN_RULE } from '../params.ts';
import type { Params } from '../params.ts';
import type { AwsResult } from '../types.ts';
import { checkMfaCode } from './mfa-check.ts';
import { looksLikeRoleArn, roleAccount, roleByArn, targetRoleContext } from './roles.ts';
import {
  DEFAULT_SESSION_SECONDS,
  SESSION_NAME_RULE,
  checkRoleDuration,
  checkSessionPolicies,
  credentialsForTrail,
  credentialsShape,
  issueSession,
  packedPolicySize,
  planSessionTags,
  readSessionPolicies,
  sessionTagContext,
} from './session.ts';

const EXTERNAL_ID_RULE = { min: 2, max: 1224, pattern: /^[\w+=,.@:/-]*$/, patternText: '[\\w+=,.@:\\/-]*' } as const;
const SERIAL_RULE = { min: 9, max: 256, pattern: /^[\w+=/:,.@-]*$/, patternText: '[\\w+=/:,.@-]*' } as const;
const TOKEN_RULE = { min: 6, max: 6, pattern: /^\d*$/, patternText: '[\\d]*' } as const;
const SOURCE_IDENTITY_RULE = { min: 2, max: 64, pattern: /^[\w+=,.@-]*$/, patternText: '[\\w+=,.@-]*' } as const;

function run(env: CallEnv, p: Params, trail: TrailNotes): AwsResult<unknown> {
  const roleArn = p.string('RoleArn', { required: true, ...ARN_RULE });
  const sessionName = p.string('RoleSessionName', { required: true, ...SESSION_NAME_RULE });
  const duration = p.int('DurationSeconds', { min: 900, max: 43200 });
  const policies = readSessionPolicies(p);
  const tags = p.tags('Tags', 50);
  const transitive = p.stringList('TransitiveTagKeys', { maxItems: 50, min: 1, max: 128 }) ?? [];
  const externalId = p.string('ExternalId', EXTERNAL_ID_RULE);
  const serial = p.string('SerialNumber', SERIAL_RULE);
  const tokenCode = p.string('TokenCode', TOKEN_RULE);
  const sourceIdentity = p.string('SourceIdentity', SOURCE_IDENTITY_RULE);
  const invalid = p.error();
  if (invalid !== undefined) return fail(invalid);
  if (roleArn === undefined || sessionName === undefined) return fail(internalFailure('parameters missing'));
  if (sourceIdentity !== undefined && sourceIdentity.toLowerCase().startsWith('aws:')) {
    return fail(validationError('SourceIdentity cannot start with the reserved prefix "aws:".'));
  }
  if (!looksLikeRoleArn(roleArn)) return fail(validationError(`${roleArn} is not a valid role ARN.`));
  const { world, caller } = env;
  if (caller.kind === 'anonymous') return fail(internalFailure('unsigned AssumeRole'));
  if (caller.kind === 'root' || (caller.kind === 'user-session' && caller.userName === undefined)) {
    return fail(accessDenied('Roles may not be assumed by root accounts.'));
  }
  // Federated users may call no STS operation but GetCallerIdentity (STS API Reference, GetFederationToken).
  if (caller.kind === 'federated-user') return fail(accessDenied(deniedMessage(caller.arn, 'sts:AssumeRole', roleArn)));
  const inherited = caller.kind === 'role-session' ? caller.session : undefined;
  const plan = planSessionTags(tags ?? [], transitive, inherited === undefined ? undefined : { tags: inherited.tags, keys: inherited.transitiveTagKeys });
  if ('code' in plan) return fail(plan);

  // MFA: a valid SerialNumber + TokenCode makes aws:MultiFactorAuthPresent true for this request.
  const mfaContext: Record<string, string> = {};
  let mfaUsed = false;
  if (serial !== undefined) {
    const bad = checkMfaCode(world, caller, serial, tokenCode);
    if (bad !== undefined) return fail(bad);
    mfaUsed = true;
    mfaContext['aws:MultiFactorAuthPresent'] = 'true';
    mfaContext['aws:MultiFactorAuthAge'] = '0';
  }

  // Source identity is set once and then fixed for the whole chain.
  const inheritedSource = inherited?.sourceIdentity;
  if (inheritedSource !== undefined && sourceIdentity !== undefined && sourceIdentity !== inheritedSource) {
    return fail(accessDenied(`${deniedMessage(caller.arn, 'sts:SetSourceIdentity', roleArn)}: the source identity ${inheritedSource} of the session cannot be changed.`));
  }

  const role = roleByArn(world, roleArn);
  if (role === undefined) return fail(accessDenied(deniedMessage(caller.arn, 'sts:AssumeRole', roleArn)));
  const context: Record<string, string | string[]> = {
    ...targetRoleContext(role),
    ...mfaContext,
    'sts:RoleSessionName': sessionName,
    ...sessionTagContext(plan),
  };
  if (externalId !== undefined) context['sts:ExternalId'] = externalId;
  if (sourceIdentity !== undefined) context['sts:SourceIdentity'] = sourceIdentity;
  const request = { resource: role.arn, resourceAccount: roleAccount(role.arn), trust: role.assumeRolePolicyDocument, context };
  const checks = ['sts:AssumeRole'];
  if (plan.tagging) checks.push('sts:TagSession');
  if (sourceIdentity !== undefined) checks.push('sts:SetSourceIdentity');
  for (const action of checks) {
    const outcome = checkAccess(env, { ...request, action });
    if (!outcome.allowed) return fail(outcome.error ?? accessDenied(deniedMessage(caller.arn, action, role.arn)));
  }

  // EC2 instance-profile sessions are not treated as role chaining (IAM User Guide, "Role chaining").
  const chained = caller.kind === 'role-session' && caller.session.viaService !== 'ec2.amazonaws.com';
  const seconds = duration ?? DEFAULT_SESSION_SECONDS;
  const tooLong = checkRoleDuration(seconds, role.maxSessionDuration, chained);
  if (tooLong !== undefined) return fail(tooLong);
  const badPolicy = checkSessionPolicies(world, policies);
  if (badPolicy !== undefined) return fail(badPolicy);
  const packed = packedPolicySize(policies, plan.requested);
  if (packed !== undefined && packed > 100) return fail({ code: 'PackedPolicyTooLarge', message: `Packed size of session policies and session tags (${packed}%) is over the limit.`, httpStatus: 400 });

  const inheritedMfa = caller.kind === 'role-session' || caller.kind === 'user-session' ? caller.session.mfaAuthenticated : false;
  const session = issueSession(world, seconds, {
    kind: 'AssumedRole',
    accountId: roleAccount(role.arn),
    roleArn: role.arn,
    roleId: role.roleId,
    roleName: role.roleName,
    sessionName,
    ...(policies.inline === undefined ? {} : { sessionPolicy: policies.inline }),
    sessionPolicyArns: policies.arns,
    tags: plan.sessionTags,
    transitiveTagKeys: plan.sessionTransitive,
    ...(sourceIdentity ?? inheritedSource) === undefined ? {} : { sourceIdentity: sourceIdentity ?? inheritedSource ?? '' },
    mfaAuthenticated: mfaUsed || inheritedMfa,
    ...(mfaUsed ? { mfaAuthMs: world.clock.epochMs } : caller.kind !== 'user' && caller.session.mfaAuthMs !== undefined ? { mfaAuthMs: caller.session.mfaAuthMs } : {}),
    chained,
  });
  role.lastUsedDate = worldNowIso(world);
  const assumedRoleUser = { AssumedRoleId: `${role.roleId}:${sessionName}`, Arn: assumedRoleArn(session.accountId, role.roleName, sessionName) };
  const result: Record<string, unknown> = { Credentials: credentialsShape(session), AssumedRoleUser: assumedRoleUser };
  if (packed !== undefined) result['PackedPolicySize'] = packed;
  if (session.sourceIdentity !== undefined) result['SourceIdentity'] = session.sourceIdentity;
  trail.responseElements = { credentials: credentialsForTrail(session), assumedRoleUser, ...(session.sourceIdentity === undefined ? {} : { sourceIdentity: session.sourceIdentity }) };
  return ok(result);
}

/** The AssumeRole operation. */
export const ASSUME_ROLE: Operation = { readOnly: false, run };
