/**
 * `aws iam simulate-custom-policy` calls that confirm each check's decision on a real account,
 * with the EvalDecision each should report. The expected value is computed by Rolelab's own
 * `authorize()` from exactly the inputs the command passes (the same policies, context entries,
 * resource policy and owner), so it is what the policy simulator should answer — and where the
 * real request depends on more than the simulator can see, a note says what and why:
 *
 * - PolicyInputList takes identity policies only, never "scope-down" (session) policies.
 * - Resource-based policy simulation isn't supported for IAM roles, so trust policies are out.
 * - CallerArn may only be an IAM user, so a resource policy naming a role cannot be matched.
 * - SCPs are not part of simulate-custom-policy; simulate-principal-policy reports their effect
 *   in OrganizationsDecisionDetail once the principal exists in a member account.
 * (IAM API Reference: SimulateCustomPolicy, SimulatePrincipalPolicy.)
 */
import { authorize } from '../../sim/authz/index.ts';
import type { Decision } from '../../sim/authz/types.ts';
import { AWS_MANAGED_POLICIES, awsManagedPolicyByArn } from '../../sim/world/managed-catalog.ts';
import type { SeedAccount } from '../../sim/world/seed-schema.ts';
import { requestTarget } from '../request.ts';
import type { Actor, Check } from '../schema.ts';
import type { ExportModel } from './model.ts';
import { accountRef, docText, templated } from './model.ts';
import { HOST_ONLY, POLICY_DIR, prelude, Script, seedRegion } from './script.ts';
import { shellWord } from './shell.ts';

/** What the policy simulator reports for one action and resource. */
export type EvalDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** A check or prediction question to confirm. */
export type ExportCheck = Pick<Check, 'description' | 'actor' | 'call' | 'context'>;

/** One confirmation: the command (absent when none can confirm it) and what it should report. */
export interface SimulateCall {
  description: string;
  /** The whole command, continuation lines included; absent when the simulator cannot model it. */
  command?: string;
  /** What the command should report. */
  expected?: EvalDecision;
  /** Rolelab's decision for the whole request (the check's outcome), in words. */
  rolelab: string;
  /** Why the simulator's answer may differ from the real request, or why there is no command. */
  notes: string[];
}

const EVAL: Record<Decision, EvalDecision> = {
  Allow: 'allowed',
  ExplicitDeny: 'explicitDeny',
  ImplicitDeny: 'implicitDeny',
};

interface Doc {
  name: string;
  text: string;
}

function accountOf(model: ExportModel, id: string | undefined): SeedAccount | undefined {
  return id === undefined ? model.seed.accounts[0] : model.seed.accounts.find((a) => a.id === id);
}

/** The document of a managed policy reference, or undefined when the world does not hold it. */
function managedDoc(account: SeedAccount, ref: string): Doc | undefined {
  if (ref.startsWith('arn:')) {
    const aws = awsManagedPolicyByArn(ref);
    if (aws !== undefined) return { name: aws.policyName, text: aws.document };
    const name = ref.split('/').pop() ?? '';
    const own = account.policies?.find((p) => p.name === name);
    return own === undefined ? undefined : { name, text: docText(own.document) };
  }
  const own = account.policies?.find((p) => p.name === ref);
  if (own !== undefined) return { name: ref, text: docText(own.document) };
  const aws = AWS_MANAGED_POLICIES[ref];
  return aws === undefined ? undefined : { name: ref, text: aws.document };
}

interface Holder {
  inlinePolicies?: Record<string, string | Record<string, unknown>> | undefined;
  managedPolicies?: string[] | undefined;
  boundary?: string | undefined;
}

function policiesOf(account: SeedAccount, holder: Holder, prefix: string, notes: string[]): Doc[] {
  const out: Doc[] = Object.entries(holder.inlinePolicies ?? {}).map(([name, d]) => ({
    name: `${prefix}-${name}`,
    text: docText(d),
  }));
  for (const ref of holder.managedPolicies ?? []) {
    const d = managedDoc(account, ref);
    if (d === undefined)
      notes.push(`The managed policy ${ref} is not known to Rolelab and is left out.`);
    else out.push({ name: `${prefix}-managed-${d.name}`, text: d.text });
  }
  return out;
}

/** The principal, its policies and its context as the simulator would take them. */
interface Caller {
  arn: string;
  account: string;
  userArn?: string;
  identity: Doc[];
  boundary?: Doc;
  tags: Record<string, string>;
  userName?: string;
  mfa: boolean;
}

function callerOf(model: ExportModel, actor: Actor, notes: string[]): Caller | string {
  if (actor === 'anonymous')
    return 'An anonymous request has no identity policies to simulate; only the resource policy decides (try it with curl or an unsigned request).';
  if ('root' in actor)
    return 'The root user is not limited by IAM policies and cannot be simulated; only SCPs and resource policies can deny it.';
  if ('service' in actor)
    return `${actor.service} assumes the role through its trust policy, and simulation of resource-based policies isn't supported for IAM roles. Confirm it by using the service (for example launching the instance or invoking the function).`;
  const account = accountOf(model, actor.account);
  if (account === undefined) return 'The actor’s account is not in the world.';
  if ('user' in actor) {
    const user = account.users?.find((u) => u.name === actor.user);
    if (user === undefined) return `User ${actor.user} is not in the world.`;
    const identity = policiesOf(account, user, `user-${user.name}`, notes);
    for (const g of user.groups ?? []) {
      const group = account.groups?.find((x) => x.name === g);
      if (group !== undefined) identity.push(...policiesOf(account, group, `group-${g}`, notes));
    }
    const boundary = user.boundary === undefined ? undefined : managedDoc(account, user.boundary);
    const arn = `arn:aws:iam::${account.id}:user${user.path ?? '/'}${user.name}`;
    return {
      arn,
      account: account.id,
      userArn: arn,
      identity,
      ...(boundary === undefined ? {} : { boundary }),
      tags: user.tags ?? {},
      userName: user.name,
      mfa: actor.mfa === true,
    };
  }
  const role = account.roles?.find((r) => r.name === actor.role);
  if (role === undefined) return `Role ${actor.role} is not in the world.`;
  const identity = policiesOf(account, role, `role-${role.name}`, notes);
  const boundary = role.boundary === undefined ? undefined : managedDoc(account, role.boundary);
  const via = actor.via;
  if (via !== undefined && 'user' in via) {
    notes.push(
      `The session is obtained by ${via.user} calling sts:AssumeRole; the trust policy side of that is not simulated (resource-based policy simulation isn't supported for IAM roles).`,
    );
    const session = model.sessionPolicies.find(
      (s) => s.account === account.id && s.role === role.name,
    );
    if (session !== undefined)
      notes.push(
        'The session policy passed with AssumeRole also limits this session. simulate-custom-policy does not take session ("scope-down") policies, so its answer covers the role’s own policies only: the real request is allowed only where the session policy allows it too.',
      );
  }
  return {
    arn: `arn:aws:sts::${account.id}:assumed-role/${role.name}/rolelab-check`,
    account: account.id,
    identity,
    ...(boundary === undefined ? {} : { boundary }),
    tags: role.tags ?? {},
    mfa: via !== undefined && 'user' in via && via.mfa === true,
  };
}

/** The context keys this request has, as the simulator's ContextEntry type names them. */
function candidateContext(
  model: ExportModel,
  caller: Caller,
  check: ExportCheck,
): Map<string, { value: string; type: string }> {
  const ctx = new Map<string, { value: string; type: string }>();
  ctx.set('aws:SourceIp', { value: check.context?.sourceIp ?? '203.0.113.10', type: 'ip' });
  ctx.set('aws:RequestedRegion', {
    value: check.context?.region ?? seedRegion(model),
    type: 'string',
  });
  ctx.set('aws:SecureTransport', { value: 'true', type: 'boolean' });
  ctx.set('aws:PrincipalAccount', { value: caller.account, type: 'string' });
  ctx.set('aws:MultiFactorAuthPresent', { value: caller.mfa ? 'true' : 'false', type: 'boolean' });
  if (caller.userName !== undefined)
    ctx.set('aws:username', { value: caller.userName, type: 'string' });
  for (const [k, v] of Object.entries(caller.tags))
    ctx.set(`aws:PrincipalTag/${k}`, { value: v, type: 'string' });
  return ctx;
}

/** Condition keys and policy variables a set of documents uses (lowercased). */
function keysUsed(docs: readonly Doc[]): Set<string> {
  const out = new Set<string>();
  for (const d of docs) {
    for (const m of d.text.matchAll(/"([a-z0-9-]+:[A-Za-z0-9/_.-]+)"\s*:/g))
      out.add((m[1] ?? '').toLowerCase());
    for (const m of d.text.matchAll(/\$\{([a-z0-9-]+:[A-Za-z0-9/_.-]+)\}/g))
      out.add((m[1] ?? '').toLowerCase());
  }
  return out;
}

function parseDoc(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The simulate commands of all checks, and the script that runs them. */
export function simulateCalls(
  model: ExportModel,
  checks: readonly ExportCheck[],
  decisions: readonly string[],
  title: string,
): { script: string; calls: SimulateCall[] } {
  const s = new Script();
  s.lines.push(...prelude(model, title, 'policy simulator calls', 'simulate'));
  s.comment(
    'simulate-custom-policy evaluates the policies passed to it; it creates nothing and needs none of the\nresources to exist. Each call prints one EvalDecision per action; the expected value is written above it.',
  );
  const calls: SimulateCall[] = [];
  const org = model.seed.organization;
  checks.forEach((check, i) => {
    const notes: string[] = [];
    const rolelab = decisions[i] ?? 'unknown';
    const caller = callerOf(model, check.actor, notes);
    s.blank();
    s.comment(`Check ${i + 1}: ${check.description}`);
    s.comment(`Rolelab decides the whole request: ${rolelab}.`);
    if (typeof caller === 'string') {
      notes.unshift(caller);
      for (const n of notes) s.comment(`NOT SIMULATED: ${n}`);
      calls.push({ description: check.description, rolelab, notes });
      return;
    }
    const world = { accounts: {} } as unknown as Parameters<typeof requestTarget>[0];
    const target = requestTarget(
      world,
      caller.account,
      check.call.service,
      check.call.operation,
      check.call.params,
    );
    const resourceArn = target.resource;
    let resource: Doc | undefined;
    let owner: string | undefined;
    if (target.bucket !== undefined) {
      const acct = model.seed.accounts.find((a) =>
        (a.buckets ?? []).some((b) => b.name === target.bucket),
      );
      const bucket = acct?.buckets?.find((b) => b.name === target.bucket);
      owner = acct?.id;
      if (bucket?.policy !== undefined) {
        if (caller.userArn === undefined)
          notes.push(
            'The bucket policy is left out: --caller-arn accepts only an IAM user, so a bucket policy naming this role cannot be matched. The answer covers the role’s own policies; the bucket policy can still deny or (cross-account) must also allow.',
          );
        else resource = { name: `bucket-${target.bucket}-policy`, text: docText(bucket.policy) };
      }
    }
    if (target.roleArn !== undefined)
      notes.push(
        'The role’s trust policy must also allow this AssumeRole; resource-based policy simulation isn’t supported for IAM roles, so only the caller’s side is simulated.',
      );
    if (check.call.service === 'lambda')
      notes.push(
        'Lambda function policies are not passed to the simulator; only the caller’s identity side is simulated.',
      );
    if (
      org !== undefined &&
      (org.scps ?? []).length > 0 &&
      caller.account !== org.managementAccount &&
      (org.members === undefined || org.members.includes(caller.account))
    )
      notes.push(
        'SCPs also apply to this account and simulate-custom-policy does not include them. After running build.sh, confirm with: aws iam simulate-principal-policy --policy-source-arn <the principal’s ARN> --action-names … (its OrganizationsDecisionDetail shows whether the SCPs allow).',
      );
    if (caller.identity.length === 0)
      notes.push(
        'The principal has no identity policies; an empty policy stands in, so identity-based access is implicitly denied.',
      );
    const identity =
      caller.identity.length > 0
        ? caller.identity
        : [
            {
              name: 'empty',
              text: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"*","Resource":"*"}]}',
            },
          ];
    const all = [
      ...identity,
      ...(caller.boundary === undefined ? [] : [caller.boundary]),
      ...(resource === undefined ? [] : [resource]),
    ];
    const used = keysUsed(all);
    const context = [...candidateContext(model, caller, check)].filter(([k]) =>
      used.has(k.toLowerCase()),
    );
    const missing = [...used].filter(
      (k) =>
        !context.some(([c]) => c.toLowerCase() === k) &&
        !/^aws:(userid|principalarn|principaltype|currenttime|epochtime)$/.test(k),
    );
    if (missing.length > 0)
      notes.push(
        `The policies also read ${missing.join(', ')}, which this call does not supply; the simulator treats them as missing.`,
      );
    const files = identity.map((d) => s.policyFile(`sim-${d.name}`, d.text, model));
    const boundaryFile =
      caller.boundary === undefined
        ? undefined
        : s.policyFile(`sim-boundary-${caller.boundary.name}`, caller.boundary.text, model);
    const resourceFile =
      resource === undefined
        ? undefined
        : s.policyFile(`sim-${resource.name}`, resource.text, model);
    const parts = [
      'aws iam simulate-custom-policy',
      `--policy-input-list ${files.map((f) => shellWord(f)).join(' ')}`,
      ...(boundaryFile === undefined
        ? []
        : [`--permissions-boundary-policy-input-list ${shellWord(boundaryFile)}`]),
      `--action-names ${shellWord(target.action)}`,
      `--resource-arns ${shellWord(templated(model, resourceArn))}`,
      ...(resourceFile === undefined
        ? []
        : [
            `--resource-policy ${shellWord(resourceFile)}`,
            `--resource-owner ${shellWord(`arn:aws:iam::${accountRef(model, owner ?? caller.account)}:root`)}`,
            `--caller-arn ${shellWord(templated(model, caller.userArn ?? ''))}`,
          ]),
      ...(context.length === 0
        ? []
        : [
            `--context-entries ${context.map(([k, v]) => shellWord(templated(model, `ContextKeyName=${k},ContextKeyValues=${v.value},ContextKeyType=${v.type}`))).join(' ')}`,
          ]),
      "--query 'EvaluationResults[].[EvalActionName,EvalDecision]' --output text",
    ];
    const command = parts.join(' \\\n  ');
    const result = authorize({
      principal: { arn: caller.userArn ?? caller.arn, account: caller.account, tags: caller.tags },
      request: {
        action: target.action,
        resource: target.resource,
        // Without --resource-owner the simulator treats the resource as the caller's own.
        ...(owner === undefined || resource === undefined ? {} : { resourceAccount: owner }),
        context: Object.fromEntries(context.map(([k, v]) => [k, v.value])),
      },
      policies: {
        identity: identity.map((d) => parseDoc(d.text)),
        ...(caller.boundary === undefined ? {} : { boundary: parseDoc(caller.boundary.text) }),
        ...(resource === undefined
          ? {}
          : { resource: parseDoc(resource.text), resourcePolicyKind: 's3-bucket' as const }),
      },
    });
    const expected = result.decision === undefined ? undefined : EVAL[result.decision];
    s.comment(`Expected EvalDecision: ${expected ?? 'unknown (a document could not be read)'}`);
    for (const n of notes) s.comment(`Note: ${n}`);
    s.lines.push(command);
    calls.push({
      description: check.description,
      command,
      ...(expected === undefined ? {} : { expected }),
      rolelab,
      notes,
    });
  });
  s.blank();
  s.raw(`rm -rf ${POLICY_DIR}  ${HOST_ONLY}`);
  return { script: `${s.lines.join('\n')}\n`, calls };
}
