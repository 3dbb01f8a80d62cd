/**
 * What the Organizations operations share: AWS's errors (AWS Organizations API Reference,
 * "Common Errors" and each operation's Errors), the ARNs of the organization's parts, the
 * shapes the API returns, and the guard every call passes — the caller's account must be in an
 * organization, and for everything but DescribeOrganization it must be the management account.
 */
import type { Organization, OrgPolicy, OrgPolicyType } from '../../world/org-types.ts';
import type { Account } from '../../world/types.ts';
import type { CallEnv } from '../access.ts';
import { checkAccess } from '../access.ts';
import { awsError } from '../errors.ts';
import type { Params } from '../params.ts';
import type { AwsError } from '../types.ts';

/** An Organizations error (JSON protocol: 400 unless said otherwise). */
export function orgError(code: string, message: string, status = 400): AwsError {
  return awsError(code, message, status);
}

/** `AWSOrganizationsNotInUseException`: the caller's account is in no organization. */
export function notInUse(): AwsError {
  return orgError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');
}

/** `AccessDeniedException` for a member account calling a management-account operation. */
export function notManagement(): AwsError {
  return orgError('AccessDeniedException', "You don't have permissions to access this resource.");
}

/** `InvalidInputException` with its pattern reason. */
export function invalidInput(message = 'You provided a value that does not match the required pattern.'): AwsError {
  return orgError('InvalidInputException', message);
}

/** `PolicyNotFoundException`. */
export function policyNotFound(): AwsError {
  return orgError('PolicyNotFoundException', "We can't find a policy with the PolicyId that you specified.");
}

/** `TargetNotFoundException`. */
export function targetNotFound(): AwsError {
  return orgError('TargetNotFoundException', "We can't find a root, OU, account, or policy with the TargetId that you specified.");
}

/** `ParentNotFoundException`. */
export function parentNotFound(): AwsError {
  return orgError('ParentNotFoundException', "We can't find a root or OU with the ParentId that you specified.");
}

/** `ConstraintViolationException`, with its reason folded into the message. */
export function constraintViolation(message: string): AwsError {
  return orgError('ConstraintViolationException', message);
}

/** The policy types the simulator implements. */
export const POLICY_TYPES: readonly OrgPolicyType[] = ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'];

/** The id patterns of the Organizations API. */
export const ID_PATTERNS = {
  policy: /^p-[0-9a-zA-Z_]{8,128}$/,
  root: /^r-[0-9a-z]{4,32}$/,
  ou: /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/,
  account: /^\d{12}$/,
} as const;

/** A policy type's lowercase form in ARNs (`service_control_policy`). */
function typePath(type: OrgPolicyType): string {
  return type.toLowerCase();
}

/** A policy's ARN: AWS managed ones live under the account `aws` without an organization id. */
export function policyArn(org: Organization, p: OrgPolicy): string {
  if (p.awsManaged) return `arn:aws:organizations::aws:policy/${typePath(p.type)}/${p.id}`;
  return `arn:aws:organizations::${org.managementAccountId}:policy/${org.id}/${typePath(p.type)}/${p.id}`;
}

/** The root's ARN. */
export function rootArnOf(org: Organization): string {
  return `arn:aws:organizations::${org.managementAccountId}:root/${org.id}/${org.rootId}`;
}

/** A member account's ARN in the organization. */
export function accountArnOf(org: Organization, accountId: string): string {
  return `arn:aws:organizations::${org.managementAccountId}:account/${org.id}/${accountId}`;
}

/** The ARN of a root, OU or account id, or undefined when the organization has no such target. */
export function targetArn(org: Organization, id: string): string | undefined {
  if (id === org.rootId) return rootArnOf(org);
  const ou = org.ous[id];
  if (ou !== undefined) return ou.arn;
  if (org.accountParents[id] !== undefined) return accountArnOf(org, id);
  return undefined;
}

/** True when the id has the shape of a root, OU or account id. */
export function looksLikeTarget(id: string): boolean {
  return ID_PATTERNS.root.test(id) || ID_PATTERNS.ou.test(id) || ID_PATTERNS.account.test(id);
}

/** PolicySummary. */
export function policySummary(org: Organization, p: OrgPolicy): Record<string, unknown> {
  return { Id: p.id, Arn: policyArn(org, p), Name: p.name, Description: p.description ?? '', Type: p.type, AwsManaged: p.awsManaged };
}

/** Root. */
export function rootShape(org: Organization): Record<string, unknown> {
  return { Id: org.rootId, Arn: rootArnOf(org), Name: 'Root', PolicyTypes: org.enabledPolicyTypes.map((Type) => ({ Type, Status: 'ENABLED' })) };
}

/** Account (the e-mail address is made up from the alias: the world does not keep one). */
export function accountShape(org: Organization, account: Account): Record<string, unknown> {
  return {
    Id: account.id,
    Arn: accountArnOf(org, account.id),
    Email: `${account.alias ?? `account-${account.id}`}@example.com`,
    Name: account.name,
    Status: 'ACTIVE',
    State: 'ACTIVE',
    JoinedMethod: account.id === org.managementAccountId ? 'INVITED' : 'CREATED',
  };
}

/** A required string parameter, or InvalidInputException naming it. */
export function requiredId(p: Params, name: string, pattern?: RegExp): string | AwsError {
  const v = p.value(name);
  if (typeof v !== 'string' || v === '') return invalidInput(`You must specify a value for ${name}.`);
  if (pattern !== undefined && !pattern.test(v)) return invalidInput();
  return v;
}

/** True for errors (as opposed to values) returned by the readers here. */
export function isError(v: unknown): v is AwsError {
  return typeof v === 'object' && v !== null && 'code' in v && 'httpStatus' in v;
}

/**
 * The organization the caller may manage: AWSOrganizationsNotInUseException outside an
 * organization, AccessDeniedException from a member account unless `membersToo`.
 */
export function callerOrganization(env: CallEnv, membersToo = false): Organization | AwsError {
  const org = env.world.organization;
  if (env.caller.kind === 'anonymous' || org === null || org.accountParents[env.caller.accountId] === undefined) return notInUse();
  if (!membersToo && env.caller.accountId !== org.managementAccountId) return notManagement();
  return org;
}

/** Authorizes `organizations:<Action>` on each resource; AccessDeniedException with IAM's sentence. */
export function authorizeOrg(env: CallEnv, action: string, resources: readonly string[], context: Record<string, string> = {}): AwsError | undefined {
  for (const resource of resources) {
    // AWS managed policies sit under the pseudo-account "aws": not another account's resource.
    const awsManaged = resource.startsWith('arn:aws:organizations::aws:') && env.caller.kind !== 'anonymous';
    const outcome = checkAccess(env, awsManaged && env.caller.kind !== 'anonymous' ? { action, resource, context, resourceAccount: env.caller.accountId } : { action, resource, context });
    if (!outcome.allowed) return orgError('AccessDeniedException', outcome.error?.message ?? 'Access denied');
  }
  return undefined;
}
