/**
 * The IAM policy simulator: SimulatePrincipalPolicy and SimulateCustomPolicy, answered by the
 * same `authorize()` that decides every other call.
 *
 * Like the real simulator, only the context keys given in ContextEntries are present (it does
 * not invent a time or a source IP), SimulatePrincipalPolicy takes the entity's own policies
 * (a user's include its groups'), its boundary and the SCPs of its account, and
 * SimulateCustomPolicy takes only the policies passed in.
 */
import { authorize } from '../../authz/index.ts';
import type { AuthorizeInput, AuthorizeResult, PrincipalInput, StatementTrace } from '../../authz/index.ts';
import { assumedRoleArn, parseArn } from '../../world/arns.ts';
import type { World } from '../../world/types.ts';
import type { CallEnv } from '../access.ts';
import { fail, invalidInput, noSuchEntity, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import { ARN_RULE, POLICY_TEXT_RULE } from '../params.ts';
import type { Params } from '../params.ts';
import { managedPolicyDocument } from '../policy-docs.ts';
import { isManagementAccount, scpsFor } from '../principal.ts';
import type { AwsError } from '../types.ts';
import { authorizeIam, callerAccount, findByName, validateDocument } from './common.ts';

/** One identity document with the name the simulator reports for it. */
interface NamedDoc {
  id: string;
  type: string;
  text: string;
}

/** Reads ContextEntries into request context keys. */
function readContext(p: Params): { ctx: Record<string, string | string[]> } | { error: AwsError } {
  const raw = p.value('ContextEntries');
  const ctx: Record<string, string | string[]> = {};
  if (raw === undefined || raw === null) return { ctx };
  if (!Array.isArray(raw)) return { error: invalidInput('ContextEntries must be a list.') };
  for (const e of raw as unknown[]) {
    if (typeof e !== 'object' || e === null) return { error: invalidInput('Each context entry needs ContextKeyName, ContextKeyValues and ContextKeyType.') };
    const { ContextKeyName: name, ContextKeyValues: values, ContextKeyType: type } = e as Record<string, unknown>;
    if (typeof name !== 'string' || !Array.isArray(values) || !values.every((v) => typeof v === 'string')) {
      return { error: invalidInput('Each context entry needs ContextKeyName and ContextKeyValues (a list of strings).') };
    }
    const list = values as string[];
    ctx[name] = typeof type === 'string' && type.endsWith('List') ? list : (list[0] ?? '');
  }
  return { ctx };
}

/** Entity docs named as the simulator names them. */
function entityDocs(world: World, prefix: string, inline: Readonly<Record<string, string>>, attached: readonly string[]): NamedDoc[] {
  const out: NamedDoc[] = Object.keys(inline)
    .sort()
    .map((k) => ({ id: k, type: prefix, text: inline[k] ?? '' }));
  for (const arn of attached) {
    const text = managedPolicyDocument(world, arn);
    if (text !== undefined) out.push({ id: arn, type: arn.startsWith('arn:aws:iam::aws:') ? 'aws-managed' : 'user-managed', text });
  }
  return out;
}

/** The EvaluationResults entry for one action and resource. */
function evaluationResult(action: string, resource: string, result: AuthorizeResult, docs: readonly NamedDoc[], scpApplies: boolean, hasBoundary: boolean): Record<string, unknown> {
  const decision = result.decision === 'Allow' ? 'allowed' : result.decision === 'ExplicitDeny' ? 'explicitDeny' : 'implicitDeny';
  const matched = result.deciding.map((s: StatementTrace) => {
    const doc = s.source === 'identity' ? docs[s.policyIndex] : undefined;
    return {
      SourcePolicyId: doc?.id ?? s.source,
      SourcePolicyType: doc?.type ?? (s.source === 'resource' ? 'resource' : s.source),
      StartPosition: { Line: s.range.startLine, Column: s.range.startColumn },
      EndPosition: { Line: s.range.endLine, Column: s.range.endColumn },
    };
  });
  const out: Record<string, unknown> = { EvalActionName: action, EvalResourceName: resource, EvalDecision: decision, MatchedStatements: matched, MissingContextValues: [] };
  if (scpApplies) out['OrganizationsDecisionDetail'] = { AllowedByOrganizations: !result.steps.some((st) => st.step === 'scp' && st.outcome === 'deny') };
  if (hasBoundary) out['PermissionsBoundaryDecisionDetail'] = { AllowedByPermissionsBoundary: !result.steps.some((st) => st.step === 'boundary' && st.outcome === 'deny') };
  return out;
}

/** Reads and validates the parameters both simulations share. */
function readCommon(p: Params): { actions: string[]; resources: string[]; inputs: string[]; boundaries: string[]; resourcePolicy: string | undefined; resourceOwner: string | undefined; callerArn: string | undefined } {
  const actions = p.stringList('ActionNames', { required: true, min: 3, max: 128 }) ?? [];
  const resources = p.stringList('ResourceArns', { min: 1, max: 2048 }) ?? ['*'];
  const inputs = p.stringList('PolicyInputList', POLICY_TEXT_RULE) ?? [];
  const boundaries = p.stringList('PermissionsBoundaryPolicyInputList', POLICY_TEXT_RULE) ?? [];
  const resourcePolicy = p.string('ResourcePolicy', POLICY_TEXT_RULE);
  const callerArn = p.string('CallerArn', { min: 1, max: 2048 });
  // ResourceOwner is an account ARN (arn:aws:iam::<account>:root); only its account matters.
  const owner = p.string('ResourceOwner', { min: 1, max: 2048 });
  const resourceOwner = owner === undefined ? undefined : /^arn:aws:iam::(\d{12}):root$/.exec(owner)?.[1];
  return { actions, resources, inputs, boundaries, resourcePolicy, resourceOwner, callerArn };
}

/** Runs the simulation matrix. */
function simulate(principal: PrincipalInput, docs: NamedDoc[], boundary: string | null, scps: string[] | undefined, common: ReturnType<typeof readCommon>, ctx: Record<string, string | string[]>): Record<string, unknown> {
  const results: Record<string, unknown>[] = [];
  for (const action of common.actions) {
    for (const resource of common.resources) {
      const input: AuthorizeInput = { principal, request: { action, resource, context: ctx }, policies: { identity: docs.map((d) => d.text), boundary } };
      // The simulator takes a resource without an account in its ARN (an S3 object) as the
      // caller's, unless ResourceOwner says whose it is (SimulateCustomPolicy, ResourceOwner).
      if (common.resourceOwner !== undefined) input.request.resourceAccount = common.resourceOwner;
      if (scps !== undefined) input.policies.scp = scps;
      if (common.resourcePolicy !== undefined) {
        input.policies.resource = common.resourcePolicy;
        if (resource.startsWith('arn:aws:s3:')) input.policies.resourcePolicyKind = 's3-bucket';
      }
      results.push(evaluationResult(action, resource, authorize(input), docs, scps !== undefined, boundary !== null));
    }
  }
  return { EvaluationResults: results, IsTruncated: false };
}

/** Validates every passed-in document. */
function validateInputs(common: ReturnType<typeof readCommon>): AwsError | undefined {
  for (const d of common.inputs) {
    const bad = validateDocument(d, 'identity');
    if (bad !== undefined) return bad;
  }
  for (const d of common.boundaries) {
    const bad = validateDocument(d, 'boundary');
    if (bad !== undefined) return bad;
  }
  return undefined;
}

const simulatePrincipalPolicy: Operation = {
  readOnly: true,
  run(env: CallEnv, p) {
    const source = p.string('PolicySourceArn', { required: true, ...ARN_RULE });
    const common = readCommon(p);
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    const read = readContext(p);
    if ('error' in read) return fail(read.error);
    const ctx = read.ctx;
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:SimulatePrincipalPolicy', source ?? '*');
    if (denied !== undefined) return fail(denied);
    const bad = validateInputs(common);
    if (bad !== undefined) return fail(bad);
    const arn = parseArn(source ?? '');
    const name = arn === null ? '' : arn.resource.slice(arn.resource.lastIndexOf('/') + 1);
    const iam = env.world.accounts[arn?.account ?? '']?.iam;
    const extra: NamedDoc[] = common.inputs.map((text, i) => ({ id: `PolicyInputList.${i + 1}`, type: 'IAM Policy', text }));
    const acct = arn?.account ?? account.id;
    const base = { account: acct, isManagementAccount: isManagementAccount(env.world, acct) };
    let principal: PrincipalInput;
    let docs: NamedDoc[];
    let boundaryArn: string | null = null;
    if (arn?.resource.startsWith('user/') === true && iam !== undefined && findByName(iam.users, name) !== undefined) {
      const user = findByName(iam.users, name);
      if (user === undefined) return fail(noSuchEntity(`The user with name ${name} cannot be found.`));
      docs = entityDocs(env.world, 'user', user.inlinePolicies, user.attachedPolicies);
      for (const g of Object.values(iam.groups)) if (g.members.includes(user.userName)) docs.push(...entityDocs(env.world, 'group', g.inlinePolicies, g.attachedPolicies));
      principal = { ...base, arn: user.arn, type: 'IAMUser', uniqueId: user.userId, tags: Object.fromEntries(user.tags.map((t) => [t.Key, t.Value])) };
      boundaryArn = user.permissionsBoundary;
    } else if (arn?.resource.startsWith('role/') === true && iam !== undefined && findByName(iam.roles, name) !== undefined) {
      const role = findByName(iam.roles, name);
      if (role === undefined) return fail(noSuchEntity(`The role with name ${name} cannot be found.`));
      docs = entityDocs(env.world, 'role', role.inlinePolicies, role.attachedPolicies);
      principal = { ...base, arn: assumedRoleArn(acct, role.roleName, 'iam-policy-simulator'), type: 'AssumedRole', roleArn: role.arn, sessionName: 'iam-policy-simulator', uniqueId: role.roleId, tags: Object.fromEntries(role.tags.map((t) => [t.Key, t.Value])) };
      boundaryArn = role.permissionsBoundary;
    } else if (arn?.resource.startsWith('group/') === true && iam !== undefined && findByName(iam.groups, name) !== undefined) {
      const group = findByName(iam.groups, name);
      if (group === undefined) return fail(noSuchEntity(`The group with name ${name} cannot be found.`));
      docs = entityDocs(env.world, 'group', group.inlinePolicies, group.attachedPolicies);
      // A group is never a caller; its policies are simulated for a member that has no others.
      principal = { ...base, arn: `arn:aws:iam::${acct}:user/member-of-${group.groupName}`, type: 'IAMUser' };
    } else {
      return fail(noSuchEntity(`The entity ${source ?? ''} cannot be found.`));
    }
    docs.push(...extra);
    const boundary = common.boundaries.length > 0 ? (common.boundaries[0] ?? null) : boundaryArn === null ? null : (managedPolicyDocument(env.world, boundaryArn) ?? null);
    return ok(simulate(principal, docs, boundary, scpsFor(env.world, acct), common, ctx));
  },
};

const simulateCustomPolicy: Operation = {
  readOnly: true,
  run(env, p) {
    const common = readCommon(p);
    if (common.inputs.length === 0) p.stringList('PolicyInputList', { required: true });
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    const read = readContext(p);
    if ('error' in read) return fail(read.error);
    const ctx = read.ctx;
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:SimulateCustomPolicy', '*');
    if (denied !== undefined) return fail(denied);
    const bad = validateInputs(common);
    if (bad !== undefined) return fail(bad);
    const docs: NamedDoc[] = common.inputs.map((text, i) => ({ id: `PolicyInputList.${i + 1}`, type: 'IAM Policy', text }));
    const callerArn = common.callerArn ?? (env.caller.kind === 'anonymous' ? `arn:aws:iam::${account.id}:root` : env.caller.arn);
    // A CallerArn of another account makes the request cross-account: the principal's account is
    // the one in its ARN (SimulateCustomPolicy, CallerArn and ResourceOwner).
    const principal: PrincipalInput = common.callerArn === undefined ? { arn: callerArn, account: account.id } : { arn: callerArn };
    return ok(simulate(principal, docs, common.boundaries[0] ?? null, undefined, common, ctx));
  },
};

/** The simulator operations by name. */
export const SIMULATE_OPERATIONS: Readonly<Record<string, Operation>> = {
  SimulatePrincipalPolicy: simulatePrincipalPolicy,
  SimulateCustomPolicy: simulateCustomPolicy,
};
