/**
 * A service assuming a role on someone's behalf — EC2 for an instance profile, Lambda for an
 * execution role. The trust policy must name the service (`"Service": "ec2.amazonaws.com"`);
 * `aws:SourceArn` / `aws:SourceAccount` carry the resource the service acts for (the confused
 * deputy guard). MaxSessionDuration does not apply to these sessions (IAM User Guide, "Using IAM
 * roles"), and for EC2 the session name is the instance id (so `aws:userid` is `AROA…:i-…`).
 *
 * EC2 and Lambda (later slices) call this; it is not an API a learner calls.
 */
import { authorize } from '../../authz/index.ts';
import { assumedRoleArn } from '../../world/arns.ts';
import { worldNowIso } from '../../world/iam-records.ts';
import type { TemporaryCredential } from '../../world/sts-types.ts';
import type { World } from '../../world/types.ts';
import { baseContext } from '../access.ts';
import { accessDenied, fail, ok } from '../errors.ts';
import { recordEvent } from '../events.ts';
import type { AwsResult } from '../types.ts';
import { roleAccount, roleByArn, targetRoleContext } from './roles.ts';
import { credentialsForTrail, credentialsShape, issueSession } from './session.ts';

/** What the service asks for. */
export interface ServiceAssumeRequest {
  /** The service principal, e.g. `ec2.amazonaws.com`. */
  service: string;
  roleArn: string;
  /** The session name: the instance id for EC2, the function name for Lambda. */
  sessionName: string;
  /** The resource the service acts for (`aws:SourceArn`). */
  sourceArn?: string;
  /** The account that owns that resource (`aws:SourceAccount`). */
  sourceAccount?: string;
  /** Session length; default six hours, the lifetime of EC2 instance-profile credentials. */
  durationSeconds?: number;
  region?: string;
}

/** The issued session and its credentials in the shape the service hands them out. */
export interface ServiceSession {
  session: TemporaryCredential;
  credentials: Record<string, string>;
  assumedRoleArn: string;
}

/** The service's default credential lifetime. */
export const SERVICE_SESSION_SECONDS = 6 * 3600;

/** Assumes a role as a service. Never throws; logs an AssumeRole event with an AWSService identity. */
export function assumeRoleAsService(world: World, req: ServiceAssumeRequest): AwsResult<ServiceSession> {
  const env = { world, caller: { kind: 'anonymous' as const }, opts: req.region === undefined ? {} : { region: req.region }, service: 'sts' };
  const role = roleByArn(world, req.roleArn);
  const account = roleAccount(req.roleArn);
  const base = {
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRole',
    awsRegion: req.region ?? world.defaultRegion,
    sourceIPAddress: req.service,
    userAgent: req.service,
    userIdentity: { type: 'AWSService' as const, invokedBy: req.service },
    requestParameters: { roleArn: req.roleArn, roleSessionName: req.sessionName },
    readOnly: false,
    recipientAccountId: account,
  };
  const context: Record<string, string | string[]> = { ...baseContext(env), 'sts:RoleSessionName': req.sessionName };
  if (req.sourceArn !== undefined) context['aws:SourceArn'] = req.sourceArn;
  if (req.sourceAccount !== undefined) context['aws:SourceAccount'] = req.sourceAccount;
  const decision =
    role === undefined
      ? undefined
      : authorize({
          principal: { arn: req.service, type: 'AWSService' },
          request: { action: 'sts:AssumeRole', resource: role.arn, resourceAccount: account, context: { ...context, ...targetRoleContext(role) } },
          policies: { trust: role.assumeRolePolicyDocument },
        });
  if (role === undefined || decision?.decision !== 'Allow') {
    const error = accessDenied(`${req.service} is not authorized to perform: sts:AssumeRole on resource: ${req.roleArn}`);
    recordEvent(world, { ...base, responseElements: null, error });
    return fail(error);
  }
  const session = issueSession(world, req.durationSeconds ?? SERVICE_SESSION_SECONDS, {
    kind: 'AssumedRole',
    accountId: account,
    roleArn: role.arn,
    roleId: role.roleId,
    roleName: role.roleName,
    sessionName: req.sessionName,
    sessionPolicyArns: [],
    tags: {},
    transitiveTagKeys: [],
    mfaAuthenticated: false,
    chained: false,
    viaService: req.service,
  });
  role.lastUsedDate = worldNowIso(world);
  const arn = assumedRoleArn(account, role.roleName, req.sessionName);
  recordEvent(world, {
    ...base,
    responseElements: { credentials: credentialsForTrail(session), assumedRoleUser: { assumedRoleId: `${role.roleId}:${req.sessionName}`, arn } },
  });
  return ok({ session, credentials: credentialsShape(session), assumedRoleArn: arn });
}
