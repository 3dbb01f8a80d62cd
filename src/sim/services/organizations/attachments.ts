/**
 * Where SCPs and RCPs apply: AttachPolicy, DetachPolicy, ListPoliciesForTarget,
 * ListTargetsForPolicy, EnablePolicyType, DisablePolicyType (AWS Organizations API Reference).
 *
 * A type must be enabled on the root before its policies can be attached; enabling attaches the
 * AWS managed FullAWSAccess / RCPFullAWSAccess everywhere. Every target keeps at least one SCP
 * (detaching the last one is refused), RCPFullAWSAccess can never be detached, and at most five
 * policies of a type sit on one target (Organizations User Guide, "Quotas").
 */
import { enablePolicyType } from '../../world/create-org.ts';
import type { Organization, OrgPolicy, OrgPolicyType } from '../../world/org-types.ts';
import type { CallEnv } from '../access.ts';
import { fail, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import type { Params } from '../params.ts';
import type { AwsError, AwsResult } from '../types.ts';
import {
  ID_PATTERNS,
  authorizeOrg,
  callerOrganization,
  constraintViolation,
  invalidInput,
  isError,
  looksLikeTarget,
  orgError,
  policyArn,
  policySummary,
  requiredId,
  rootArnOf,
  rootShape,
  targetArn,
  targetNotFound,
} from './common.ts';
import { readPolicy, readPolicyType } from './policies.ts';

/** The most policies of one type attached to one target. */
export const MAX_POLICIES_PER_TARGET = 5;

/** `TargetId` resolved to a root, OU or account of the organization, with its ARN. */
function readTarget(org: Organization, p: Params): { id: string; arn: string } | AwsError {
  const id = requiredId(p, 'TargetId');
  if (isError(id)) return id;
  if (!looksLikeTarget(id)) return invalidInput();
  const arn = targetArn(org, id);
  return arn === undefined ? targetNotFound() : { id, arn };
}

function typeNotEnabled(): AwsError {
  return orgError(
    'PolicyTypeNotEnabledException',
    "The specified policy type isn't currently enabled in this root. You can't attach policies of the specified type to entities in a root until you enable that type in the root.",
  );
}

function attached(org: Organization, target: string, type: OrgPolicyType): OrgPolicy[] {
  return (org.attachments[target] ?? []).map((id) => org.policies[id]).filter((x): x is OrgPolicy => x !== undefined && x.type === type);
}

function attachPolicy(env: CallEnv, p: Params): AwsResult<unknown> {
  const org = callerOrganization(env);
  if (isError(org)) return fail(org);
  const pol = readPolicy(org, p);
  if (isError(pol)) return fail(pol);
  const target = readTarget(org, p);
  if (isError(target)) return fail(target);
  const denied = authorizeOrg(env, 'organizations:AttachPolicy', [policyArn(org, pol), target.arn], { 'organizations:PolicyType': pol.type });
  if (denied !== undefined) return fail(denied);
  if (!org.enabledPolicyTypes.includes(pol.type)) return fail(typeNotEnabled());
  const list = (org.attachments[target.id] ??= []);
  if (list.includes(pol.id)) return fail(orgError('DuplicatePolicyAttachmentException', 'The selected policy is already attached to the specified target.'));
  if (attached(org, target.id, pol.type).length >= MAX_POLICIES_PER_TARGET) {
    return fail(constraintViolation('You attempted to exceed the number of policies of this type that you can have attached to a target (POLICY_NUMBER_LIMIT_EXCEEDED).'));
  }
  list.push(pol.id);
  return ok({});
}

function detachPolicy(env: CallEnv, p: Params): AwsResult<unknown> {
  const org = callerOrganization(env);
  if (isError(org)) return fail(org);
  const pol = readPolicy(org, p);
  if (isError(pol)) return fail(pol);
  const target = readTarget(org, p);
  if (isError(target)) return fail(target);
  const denied = authorizeOrg(env, 'organizations:DetachPolicy', [policyArn(org, pol), target.arn], { 'organizations:PolicyType': pol.type });
  if (denied !== undefined) return fail(denied);
  const list = org.attachments[target.id] ?? [];
  if (!list.includes(pol.id)) return fail(orgError('PolicyNotAttachedException', "The policy isn't attached to the specified target in the specified root."));
  if (pol.type === 'RESOURCE_CONTROL_POLICY' && pol.awsManaged) return fail(constraintViolation("You can't detach the RCPFullAWSAccess policy from a target."));
  if (pol.type === 'SERVICE_CONTROL_POLICY' && attached(org, target.id, pol.type).length <= 1) {
    return fail(
      constraintViolation('You attempted to detach a policy from an entity that would leave it with no policies of that type attached (MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED). Attach another SCP first.'),
    );
  }
  org.attachments[target.id] = list.filter((id) => id !== pol.id);
  return ok({});
}

function listPoliciesForTarget(env: CallEnv, p: Params): AwsResult<unknown> {
  const org = callerOrganization(env);
  if (isError(org)) return fail(org);
  const target = readTarget(org, p);
  if (isError(target)) return fail(target);
  const type = readPolicyType(p, 'Filter');
  if (isError(type)) return fail(type);
  const denied = authorizeOrg(env, 'organizations:ListPoliciesForTarget', [target.arn]);
  if (denied !== undefined) return fail(denied);
  return ok({ Policies: attached(org, target.id, type).map((x) => policySummary(org, x)) });
}

function listTargetsForPolicy(env: CallEnv, p: Params): AwsResult<unknown> {
  const org = callerOrganization(env);
  if (isError(org)) return fail(org);
  const pol = readPolicy(org, p);
  if (isError(pol)) return fail(pol);
  const denied = authorizeOrg(env, 'organizations:ListTargetsForPolicy', [policyArn(org, pol)]);
  if (denied !== undefined) return fail(denied);
  const targets = Object.entries(org.attachments)
    .filter(([, ids]) => ids.includes(pol.id))
    .map(([id]) => {
      const type = id === org.rootId ? 'ROOT' : org.ous[id] !== undefined ? 'ORGANIZATIONAL_UNIT' : 'ACCOUNT';
      const name = id === org.rootId ? 'Root' : (org.ous[id]?.name ?? env.world.accounts[id]?.name ?? id);
      return { TargetId: id, Arn: targetArn(org, id) ?? '', Name: name, Type: type };
    });
  return ok({ Targets: targets });
}

/** Reads RootId and PolicyType for Enable/DisablePolicyType. */
function readRootAndType(org: Organization, p: Params): OrgPolicyType | AwsError {
  const root = requiredId(p, 'RootId', ID_PATTERNS.root);
  if (isError(root)) return root;
  if (root !== org.rootId) return orgError('RootNotFoundException', "We can't find a root with the RootId that you specified.");
  return readPolicyType(p, 'PolicyType');
}

function enableType(env: CallEnv, p: Params): AwsResult<unknown> {
  const org = callerOrganization(env);
  if (isError(org)) return fail(org);
  const type = readRootAndType(org, p);
  if (isError(type)) return fail(type);
  const denied = authorizeOrg(env, 'organizations:EnablePolicyType', [rootArnOf(org)], { 'organizations:PolicyType': type });
  if (denied !== undefined) return fail(denied);
  if (org.enabledPolicyTypes.includes(type)) return fail(orgError('PolicyTypeAlreadyEnabledException', 'The specified policy type is already enabled.'));
  enablePolicyType(org, type, Object.keys(org.accountParents));
  return ok({ Root: rootShape(org) });
}

function disableType(env: CallEnv, p: Params): AwsResult<unknown> {
  const org = callerOrganization(env);
  if (isError(org)) return fail(org);
  const type = readRootAndType(org, p);
  if (isError(type)) return fail(type);
  const denied = authorizeOrg(env, 'organizations:DisablePolicyType', [rootArnOf(org)], { 'organizations:PolicyType': type });
  if (denied !== undefined) return fail(denied);
  if (!org.enabledPolicyTypes.includes(type)) return fail(typeNotEnabled());
  // Disabling detaches every policy of the type (the policies themselves are kept).
  org.enabledPolicyTypes = org.enabledPolicyTypes.filter((t) => t !== type);
  for (const [target, ids] of Object.entries(org.attachments)) org.attachments[target] = ids.filter((id) => org.policies[id]?.type !== type);
  return ok({ Root: rootShape(org) });
}

/** The attachment operations by name. */
export const ATTACHMENT_OPERATIONS: Readonly<Record<string, Operation>> = {
  AttachPolicy: { readOnly: false, run: (env, p) => attachPolicy(env, p) },
  DetachPolicy: { readOnly: false, run: (env, p) => detachPolicy(env, p) },
  ListPoliciesForTarget: { readOnly: true, run: (env, p) => listPoliciesForTarget(env, p) },
  ListTargetsForPolicy: { readOnly: true, run: (env, p) => listTargetsForPolicy(env, p) },
  EnablePolicyType: { readOnly: false, run: (env, p) => enableType(env, p) },
  DisablePolicyType: { readOnly: false, run: (env, p) => disableType(env, p) },
};
