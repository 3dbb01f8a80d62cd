/**
 * SCPs and RCPs as documents: CreatePolicy, UpdatePolicy, DeletePolicy, DescribePolicy,
 * ListPolicies (AWS Organizations API Reference). Content is checked against the policy type's
 * grammar — SCPs have no Principal; customer RCPs only Deny, with `"Principal": "*"`; both at
 * most 5,120 characters (Organizations User Guide, "SCP syntax", "RCP syntax", "Quotas") —
 * before anything is stored.
 */
import { hasErrors, parsePolicy } from '../../policy/index.ts';
import { orgIdPart } from '../../world/ids.ts';
import type { Organization, OrgPolicy, OrgPolicyType } from '../../world/org-types.ts';
import type { CallEnv } from '../access.ts';
import { fail, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import type { Params } from '../params.ts';
import type { AwsError, AwsResult } from '../types.ts';
import { ID_PATTERNS, POLICY_TYPES, authorizeOrg, callerOrganization, constraintViolation, invalidInput, isError, orgError, policyArn, policyNotFound, policySummary, requiredId } from './common.ts';

/** Checks a document for a policy type; the error Organizations gives, or undefined. */
export function checkOrgPolicyContent(content: string, type: OrgPolicyType): AwsError | undefined {
  const parsed = parsePolicy(content, type === 'SERVICE_CONTROL_POLICY' ? 'scp' : 'rcp');
  if (!hasErrors(parsed)) return undefined;
  const first = parsed.issues.find((i) => i.severity === 'error');
  if (first?.code === 'POLICY_TOO_LARGE') return constraintViolation(`You attempted to create a policy that is larger than the maximum size (POLICY_CONTENT_LIMIT_EXCEEDED). ${first.message}`);
  return orgError('MalformedPolicyDocumentException', `The provided policy document doesn't meet the requirements of the specified policy type.${first === undefined ? '' : ` ${first.message}`}`);
}

/** Reads `Type` (required for CreatePolicy and ListPolicies). */
export function readPolicyType(p: Params, name = 'Type'): OrgPolicyType | AwsError {
  const v = p.value(name);
  if (typeof v !== 'string' || v === '') return invalidInput(`You must specify a value for ${name}.`);
  if (!(POLICY_TYPES as readonly string[]).includes(v)) return invalidInput(`The simulator supports the policy types ${POLICY_TYPES.join(' and ')}, not ${v}.`);
  return v as OrgPolicyType;
}

/** The policy named by `PolicyId`. */
export function readPolicy(org: Organization, p: Params): OrgPolicy | AwsError {
  const id = requiredId(p, 'PolicyId', ID_PATTERNS.policy);
  if (isError(id)) return id;
  return org.policies[id] ?? policyNotFound();
}

/** A Policy: its summary and content. */
function policyShape(org: Organization, pol: OrgPolicy): Record<string, unknown> {
  return { Policy: { PolicySummary: policySummary(org, pol), Content: pol.content } };
}

function optionalText(p: Params, name: string, max: number): string | undefined | AwsError {
  const v = p.value(name);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') return invalidInput(`${name} must be a string.`);
  if (v.length > max) return invalidInput(`${name} must be at most ${max} characters.`);
  return v;
}

function createPolicy(env: CallEnv, p: Params): AwsResult<unknown> {
  const org = callerOrganization(env);
  if (isError(org)) return fail(org);
  const name = optionalText(p, 'Name', 128);
  const description = optionalText(p, 'Description', 512);
  const content = optionalText(p, 'Content', 1_000_000);
  const type = readPolicyType(p);
  const bad = [name, description, content, type].find(isError);
  if (bad !== undefined || isError(type) || isError(name) || isError(description) || isError(content)) return fail(bad ?? invalidInput());
  if (name === undefined || name === '') return fail(invalidInput('You must specify a value for Name.'));
  if (content === undefined || content === '') return fail(invalidInput('You must specify a value for Content.'));
  if (description === undefined) return fail(invalidInput('You must specify a value for Description.'));
  const denied = authorizeOrg(env, 'organizations:CreatePolicy', ['*'], { 'organizations:PolicyType': type });
  if (denied !== undefined) return fail(denied);
  if (Object.values(org.policies).some((x) => x.type === type && x.name === name)) return fail(orgError('DuplicatePolicyException', 'A policy with the same name already exists.'));
  const malformed = checkOrgPolicyContent(content, type);
  if (malformed !== undefined) return fail(malformed);
  const id = `p-${orgIdPart(env.world.ids, 8)}`;
  const pol: OrgPolicy = { id, name, type, content, awsManaged: false, description };
  org.policies[id] = pol;
  return ok(policyShape(org, pol));
}

function describePolicy(env: CallEnv, p: Params): AwsResult<unknown> {
  const org = callerOrganization(env);
  if (isError(org)) return fail(org);
  const pol = readPolicy(org, p);
  if (isError(pol)) return fail(pol);
  const denied = authorizeOrg(env, 'organizations:DescribePolicy', [policyArn(org, pol)], { 'organizations:PolicyType': pol.type });
  return denied === undefined ? ok(policyShape(org, pol)) : fail(denied);
}

function updatePolicy(env: CallEnv, p: Params): AwsResult<unknown> {
  const org = callerOrganization(env);
  if (isError(org)) return fail(org);
  const pol = readPolicy(org, p);
  if (isError(pol)) return fail(pol);
  const name = optionalText(p, 'Name', 128);
  const description = optionalText(p, 'Description', 512);
  const content = optionalText(p, 'Content', 1_000_000);
  const bad = [name, description, content].find(isError);
  if (bad !== undefined || isError(name) || isError(description) || isError(content)) return fail(bad ?? invalidInput());
  const denied = authorizeOrg(env, 'organizations:UpdatePolicy', [policyArn(org, pol)], { 'organizations:PolicyType': pol.type });
  if (denied !== undefined) return fail(denied);
  if (pol.awsManaged) return fail(orgError('AccessDeniedException', 'You cannot modify an AWS managed policy.'));
  if (name !== undefined && Object.values(org.policies).some((x) => x.id !== pol.id && x.type === pol.type && x.name === name)) {
    return fail(orgError('DuplicatePolicyException', 'A policy with the same name already exists.'));
  }
  if (content !== undefined) {
    const malformed = checkOrgPolicyContent(content, pol.type);
    if (malformed !== undefined) return fail(malformed);
    pol.content = content;
  }
  if (name !== undefined) pol.name = name;
  if (description !== undefined) pol.description = description;
  return ok(policyShape(org, pol));
}

function deletePolicy(env: CallEnv, p: Params): AwsResult<unknown> {
  const org = callerOrganization(env);
  if (isError(org)) return fail(org);
  const pol = readPolicy(org, p);
  if (isError(pol)) return fail(pol);
  const denied = authorizeOrg(env, 'organizations:DeletePolicy', [policyArn(org, pol)], { 'organizations:PolicyType': pol.type });
  if (denied !== undefined) return fail(denied);
  if (pol.awsManaged) return fail(orgError('AccessDeniedException', 'You cannot delete an AWS managed policy.'));
  if (Object.values(org.attachments).some((ids) => ids.includes(pol.id))) {
    return fail(orgError('PolicyInUseException', 'The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.'));
  }
  delete org.policies[pol.id];
  return ok({});
}

function listPolicies(env: CallEnv, p: Params): AwsResult<unknown> {
  const org = callerOrganization(env);
  if (isError(org)) return fail(org);
  const type = readPolicyType(p, 'Filter');
  if (isError(type)) return fail(type);
  const denied = authorizeOrg(env, 'organizations:ListPolicies', ['*']);
  if (denied !== undefined) return fail(denied);
  const list = Object.values(org.policies)
    .filter((x) => x.type === type)
    .sort((a, b) => Number(b.awsManaged) - Number(a.awsManaged) || a.name.localeCompare(b.name))
    .map((x) => policySummary(org, x));
  return ok({ Policies: list });
}

/** The policy-document operations by name. */
export const POLICY_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreatePolicy: { readOnly: false, run: (env, p) => createPolicy(env, p) },
  DescribePolicy: { readOnly: true, run: (env, p) => describePolicy(env, p) },
  UpdatePolicy: { readOnly: false, run: (env, p) => updatePolicy(env, p) },
  DeletePolicy: { readOnly: false, run: (env, p) => deletePolicy(env, p) },
  ListPolicies: { readOnly: true, run: (env, p) => listPolicies(env, p) },
};
