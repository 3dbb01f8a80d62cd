/**
 * Customer managed policies and their versions: CreatePolicy, GetPolicy, ListPolicies,
 * DeletePolicy, CreatePolicyVersion, GetPolicyVersion, ListPolicyVersions,
 * SetDefaultPolicyVersion, DeletePolicyVersion. AWS managed policies can be read, never changed.
 */
import { iamArn } from '../../world/arns.ts';
import { newManagedPolicy, worldNowIso } from '../../world/iam-records.ts';
import type { CustomerManagedPolicy } from '../../world/iam-types.ts';
import { AWS_MANAGED_POLICIES, awsManagedPolicyByArn } from '../../world/managed-catalog.ts';
import type { AwsManagedPolicy } from '../../world/managed-catalog.ts';
import type { CallEnv } from '../access.ts';
import { accessDenied, deleteConflict, entityAlreadyExists, fail, internalFailure, limitExceeded, noSuchEntity, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import { ARN_RULE, NAME_PATTERN, PATH_PATTERN, POLICY_TEXT_RULE } from '../params.ts';
import type { Params } from '../params.ts';
import { customerPolicyByArn } from '../policy-docs.ts';
import type { AwsResult } from '../types.ts';
import { authorizeIam, callerAccount, findByName, mergeTags, tagContext, validateDocument } from './common.ts';
import { policyShape, policyUsage } from './shapes.ts';

/** The most versions a managed policy keeps (IAM quotas). */
export const MAX_POLICY_VERSIONS = 5;

const VERSION_ID = { pattern: /^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$/, patternText: 'v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?' } as const;

type AnyPolicy = { kind: 'customer'; policy: CustomerManagedPolicy } | { kind: 'aws'; policy: AwsManagedPolicy };

/** Reads PolicyArn, authorizes `action` on it and finds the policy. */
function withPolicy(env: CallEnv, p: Params, action: string, read: (p: Params) => void, apply: (found: AnyPolicy) => AwsResult<unknown>): AwsResult<unknown> {
  const arn = p.string('PolicyArn', { required: true, ...ARN_RULE });
  read(p);
  const invalid = p.error();
  if (invalid !== undefined) return fail(invalid);
  if (arn === undefined) return fail(internalFailure('PolicyArn missing'));
  const account = callerAccount(env);
  if ('code' in account) return fail(account);
  const denied = authorizeIam(env, action, arn);
  if (denied !== undefined) return fail(denied);
  const aws = awsManagedPolicyByArn(arn);
  if (aws !== undefined) return apply({ kind: 'aws', policy: aws });
  const own = customerPolicyByArn(env.world, arn);
  // Another account's customer policy is invisible to this caller.
  if (own === undefined || !arn.startsWith(`arn:aws:iam::${account.id}:`)) return fail(noSuchEntity(`Policy ${arn} was not found.`));
  return apply({ kind: 'customer', policy: own });
}

/** AWS managed policies cannot be changed by customers. */
function awsManagedDenied(env: CallEnv, action: string, arn: string): AwsResult<unknown> {
  const who = env.caller.kind === 'anonymous' ? 'anonymous' : env.caller.arn;
  return fail(accessDenied(`User: ${who} is not authorized to perform: ${action} on resource: policy ${arn}`));
}

const createPolicy: Operation = {
  readOnly: false,
  run(env, p) {
    const name = p.string('PolicyName', { required: true, min: 1, max: 128, ...NAME_PATTERN });
    const path = p.string('Path', { min: 1, max: 512, ...PATH_PATTERN }) ?? '/';
    const doc = p.string('PolicyDocument', { required: true, ...POLICY_TEXT_RULE });
    const description = p.string('Description', { max: 1000 }) ?? '';
    const tags = p.tags();
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    if (name === undefined || doc === undefined) return fail(internalFailure('parameters missing'));
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const arn = iamArn(account.id, 'policy', path, name);
    const denied = authorizeIam(env, 'iam:CreatePolicy', arn, tagContext(tags)) ?? (tags !== undefined && tags.length > 0 ? authorizeIam(env, 'iam:TagPolicy', arn, tagContext(tags)) : undefined);
    if (denied !== undefined) return fail(denied);
    if (findByName(account.iam.policies, name) !== undefined) return fail(entityAlreadyExists(`A policy called ${name} already exists. Duplicate names are not allowed.`));
    const bad = validateDocument(doc, 'identity');
    if (bad !== undefined) return fail(bad);
    const policy = newManagedPolicy(env.world, account.id, name, path, doc, description, mergeTags([], tags ?? []));
    account.iam.policies[name] = policy;
    return ok({ Policy: policyShape(env.world, policy) });
  },
};

const getPolicy: Operation = {
  readOnly: true,
  run: (env, p) => withPolicy(env, p, 'iam:GetPolicy', () => undefined, (f) => ok({ Policy: policyShape(env.world, f.policy) })),
};

const listPolicies: Operation = {
  readOnly: true,
  run(env, p) {
    const scope = p.string('Scope', { pattern: /^(All|AWS|Local)$/, patternText: '[All, AWS, Local]' }) ?? 'All';
    const onlyAttached = p.bool('OnlyAttached') ?? false;
    const prefix = p.string('PathPrefix', { min: 1, max: 512 }) ?? '/';
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:ListPolicies', '*');
    if (denied !== undefined) return fail(denied);
    const all: (CustomerManagedPolicy | AwsManagedPolicy)[] = [];
    if (scope !== 'Local') all.push(...Object.values(AWS_MANAGED_POLICIES));
    if (scope !== 'AWS') all.push(...Object.values(account.iam.policies));
    const policies = all
      .filter((x) => x.path.startsWith(prefix))
      .map((x) => policyShape(env.world, x))
      .filter((x) => !onlyAttached || (x['AttachmentCount'] as number) > 0)
      .sort((a, b) => String(a['PolicyName']).localeCompare(String(b['PolicyName'])));
    return ok({ Policies: policies, IsTruncated: false });
  },
};

const deletePolicy: Operation = {
  readOnly: false,
  run: (env, p) =>
    withPolicy(env, p, 'iam:DeletePolicy', () => undefined, (f) => {
      if (f.kind === 'aws') return awsManagedDenied(env, 'iam:DeletePolicy', f.policy.arn);
      const usage = policyUsage(env.world, f.policy.arn);
      if (usage.attachments > 0 || usage.boundaries > 0) return fail(deleteConflict('Cannot delete a policy attached to entities.'));
      if (f.policy.versions.length > 1) {
        return fail(deleteConflict("This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy."));
      }
      const account = callerAccount(env);
      if (!('code' in account)) delete account.iam.policies[f.policy.policyName];
      return ok({});
    }),
};

const createPolicyVersion: Operation = {
  readOnly: false,
  run(env, p) {
    let doc: string | undefined;
    let setDefault = false;
    return withPolicy(
      env,
      p,
      'iam:CreatePolicyVersion',
      (q) => {
        doc = q.string('PolicyDocument', { required: true, ...POLICY_TEXT_RULE });
        setDefault = q.bool('SetAsDefault') ?? false;
      },
      (f) => {
        if (f.kind === 'aws') return awsManagedDenied(env, 'iam:CreatePolicyVersion', f.policy.arn);
        if (doc === undefined) return fail(internalFailure('PolicyDocument missing'));
        const policy = f.policy;
        if (policy.versions.length >= MAX_POLICY_VERSIONS) {
          return fail(limitExceeded('A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.'));
        }
        const bad = validateDocument(doc, 'identity');
        if (bad !== undefined) return fail(bad);
        const now = worldNowIso(env.world);
        const versionId = `v${policy.nextVersion}`;
        policy.versions.push({ versionId, document: doc, createDate: now });
        policy.nextVersion += 1;
        policy.updateDate = now;
        if (setDefault) policy.defaultVersionId = versionId;
        return ok({ PolicyVersion: { VersionId: versionId, IsDefaultVersion: setDefault, CreateDate: now } });
      },
    );
  },
};

const getPolicyVersion: Operation = {
  readOnly: true,
  run(env, p) {
    let versionId: string | undefined;
    return withPolicy(
      env,
      p,
      'iam:GetPolicyVersion',
      (q) => {
        versionId = q.string('VersionId', { required: true, ...VERSION_ID });
      },
      (f) => {
        if (f.kind === 'aws') {
          if (versionId !== f.policy.defaultVersionId) return fail(noSuchEntity(`Policy ${f.policy.arn} version ${versionId ?? ''} does not exist or is not attachable.`));
          return ok({ PolicyVersion: { Document: f.policy.document, VersionId: versionId, IsDefaultVersion: true, CreateDate: f.policy.updateDate } });
        }
        const policy = f.policy;
        const v = policy.versions.find((x) => x.versionId === versionId);
        if (v === undefined) return fail(noSuchEntity(`Policy ${policy.arn} version ${versionId ?? ''} does not exist or is not attachable.`));
        return ok({ PolicyVersion: { Document: v.document, VersionId: v.versionId, IsDefaultVersion: v.versionId === policy.defaultVersionId, CreateDate: v.createDate } });
      },
    );
  },
};

const listPolicyVersions: Operation = {
  readOnly: true,
  run: (env, p) =>
    withPolicy(env, p, 'iam:ListPolicyVersions', () => undefined, (f) => {
      if (f.kind === 'aws') return ok({ Versions: [{ VersionId: f.policy.defaultVersionId, IsDefaultVersion: true, CreateDate: f.policy.updateDate }], IsTruncated: false });
      const policy = f.policy;
      const versions = [...policy.versions].reverse().map((v) => ({ VersionId: v.versionId, IsDefaultVersion: v.versionId === policy.defaultVersionId, CreateDate: v.createDate }));
      return ok({ Versions: versions, IsTruncated: false });
    }),
};

const setDefaultPolicyVersion: Operation = {
  readOnly: false,
  run(env, p) {
    let versionId: string | undefined;
    return withPolicy(
      env,
      p,
      'iam:SetDefaultPolicyVersion',
      (q) => {
        versionId = q.string('VersionId', { required: true, ...VERSION_ID });
      },
      (f) => {
        if (f.kind === 'aws') return awsManagedDenied(env, 'iam:SetDefaultPolicyVersion', f.policy.arn);
        const policy = f.policy;
        if (!policy.versions.some((v) => v.versionId === versionId)) return fail(noSuchEntity(`Policy ${policy.arn} version ${versionId ?? ''} does not exist or is not attachable.`));
        policy.defaultVersionId = versionId ?? policy.defaultVersionId;
        policy.updateDate = worldNowIso(env.world);
        return ok({});
      },
    );
  },
};

const deletePolicyVersion: Operation = {
  readOnly: false,
  run(env, p) {
    let versionId: string | undefined;
    return withPolicy(
      env,
      p,
      'iam:DeletePolicyVersion',
      (q) => {
        versionId = q.string('VersionId', { required: true, ...VERSION_ID });
      },
      (f) => {
        if (f.kind === 'aws') return awsManagedDenied(env, 'iam:DeletePolicyVersion', f.policy.arn);
        const policy = f.policy;
        if (!policy.versions.some((v) => v.versionId === versionId)) return fail(noSuchEntity(`Policy ${policy.arn} version ${versionId ?? ''} does not exist or is not attachable.`));
        if (versionId === policy.defaultVersionId) return fail(deleteConflict('Cannot delete the default version of a policy.'));
        policy.versions = policy.versions.filter((v) => v.versionId !== versionId);
        return ok({});
      },
    );
  },
};

/** The managed-policy operations by name. */
export const MANAGED_POLICY_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreatePolicy: createPolicy,
  GetPolicy: getPolicy,
  ListPolicies: listPolicies,
  DeletePolicy: deletePolicy,
  CreatePolicyVersion: createPolicyVersion,
  GetPolicyVersion: getPolicyVersion,
  ListPolicyVersions: listPolicyVersions,
  SetDefaultPolicyVersion: setDefaultPolicyVersion,
  DeletePolicyVersion: deletePolicyVersion,
};
