/**
 * Adapter between our decision API (`AuthorizeInput` → `Decision`) and the oracle,
 * `@cloud-copilot/iam-simulate` (AGPL: used only by tests/differential and tests/bench).
 *
 * The adapter does what our contract does implicitly, so both engines see the same request:
 * - principal-derived context keys (aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType,
 *   aws:username, aws:PrincipalTag/*) are added when the case does not give them;
 * - the role trust policy (`policies.trust`) is the resource policy of sts:AssumeRole*, sts:TagSession
 *   and sts:SetSourceIdentity requests;
 * - RCPFullAWSAccess, which iam-simulate attaches to every level by itself, is dropped from RCPs;
 * - SCPs are not passed for a management account or a service-linked role (they do not apply), nor
 *   RCPs for a resource in the management account.
 */
import {
  anonymousPrincipal,
  runSimulation,
  type RunSimulationResults,
  type Simulation,
  type SimulationOrgPolicies,
} from '@cloud-copilot/iam-simulate';
import type { AuthorizeInput, Decision, PrincipalInput, PrincipalKind } from '../../src/sim/authz/types.ts';

export type OracleOutcome = { decision: Decision } | { error: string };

const ARN_ACCOUNT = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/;

function accountFromArn(arn: string): string | undefined {
  return ARN_ACCOUNT.exec(arn)?.[1];
}

export function principalKind(p: PrincipalInput): PrincipalKind {
  if (p.type) return p.type;
  if (/^arn:[^:]+:sts::\d{12}:assumed-role\//.test(p.arn)) return 'AssumedRole';
  if (/^arn:[^:]+:sts::\d{12}:federated-user\//.test(p.arn)) return 'FederatedUser';
  if (/^arn:[^:]+:iam::\d{12}:root$/.test(p.arn)) return 'Root';
  if (/^arn:[^:]+:iam::\d{12}:user\//.test(p.arn)) return 'IAMUser';
  if (p.arn.endsWith('.amazonaws.com')) return 'AWSService';
  return 'Anonymous';
}

/** The values AWS puts in the request context for the principal (IAM User Guide, global condition keys). */
export function principalContext(p: PrincipalInput): Record<string, string> {
  const kind = principalKind(p);
  const out: Record<string, string> = {};
  const account = p.account ?? accountFromArn(p.arn);
  switch (kind) {
    case 'IAMUser':
      out['aws:PrincipalArn'] = p.arn;
      out['aws:PrincipalType'] = 'User';
      out['aws:username'] = p.arn.slice(p.arn.lastIndexOf('/') + 1);
      break;
    case 'AssumedRole':
      out['aws:PrincipalArn'] = p.roleArn ?? p.arn;
      out['aws:PrincipalType'] = 'AssumedRole';
      break;
    case 'FederatedUser':
      out['aws:PrincipalArn'] = p.arn;
      out['aws:PrincipalType'] = 'FederatedUser';
      break;
    case 'Root':
      out['aws:PrincipalArn'] = p.arn;
      out['aws:PrincipalType'] = 'Account';
      break;
    default:
      return out;
  }
  if (account) out['aws:PrincipalAccount'] = account;
  for (const [k, v] of Object.entries(p.tags ?? {})) out[`aws:PrincipalTag/${k}`] = v;
  return out;
}

function isFullAccessRcpStatement(st: unknown): boolean {
  if (st === null || typeof st !== 'object') return false;
  const keys = Object.keys(st).filter((k) => k !== 'Sid');
  const rec = st as Record<string, unknown>;
  return (
    keys.length === 4 &&
    rec['Effect'] === 'Allow' &&
    rec['Principal'] === '*' &&
    rec['Action'] === '*' &&
    rec['Resource'] === '*'
  );
}

function withoutFullAccessRcp(doc: unknown): unknown {
  if (doc === null || typeof doc !== 'object') return doc;
  const rec = doc as Record<string, unknown>;
  const statements = Array.isArray(rec['Statement']) ? rec['Statement'] : [rec['Statement']];
  const rest = statements.filter((s) => !isFullAccessRcpStatement(s));
  return { ...rec, Statement: rest };
}

function orgLevels(prefix: string, docs: readonly unknown[], transform: (d: unknown) => unknown): SimulationOrgPolicies[] {
  return docs.map((doc, i) => {
    const policy = transform(doc);
    const statements = (policy as Record<string, unknown>)['Statement'];
    const empty = Array.isArray(statements) && statements.length === 0;
    return { orgIdentifier: `${prefix}-${i}`, policies: empty ? [] : [{ name: `${prefix}-${i}`, policy }] };
  });
}

/** Our case → iam-simulate's `Simulation`. */
export function toSimulation(input: AuthorizeInput): Simulation {
  const { principal, request, policies } = input;
  const kind = principalKind(principal);
  const principalAccount = principal.account ?? accountFromArn(principal.arn);
  const resourceAccount =
    request.resourceAccount ?? accountFromArn(request.resource) ?? principalAccount ?? '000000000000';

  const context: Record<string, string | string[]> = { ...(request.context ?? {}) };
  const given = new Set(Object.keys(context).map((k) => k.toLowerCase()));
  for (const [k, v] of Object.entries(principalContext(principal))) {
    if (!given.has(k.toLowerCase())) context[k] = v;
  }

  // The role's trust policy is the resource policy of the STS calls made against the role.
  const againstRole = /^sts:(assumerole|tagsession|setsourceidentity)/i.test(request.action);
  const resourcePolicy = againstRole ? (policies.trust ?? policies.resource) : policies.resource;
  const scpApplies = !principal.isManagementAccount && !principal.isServiceLinkedRole && kind !== 'Anonymous';
  // RCPs do not apply to resources in the management account (the caller's own account when it is the management account).
  const rcpApplies = !(principal.isManagementAccount && resourceAccount === principalAccount);

  const simulation: Simulation = {
    request: {
      principal: kind === 'Anonymous' ? anonymousPrincipal : principal.arn,
      action: request.action,
      resource: { resource: request.resource, accountId: resourceAccount },
      contextVariables: context,
    },
    identityPolicies: (policies.identity ?? []).map((policy, i) => ({ name: `identity-${i}`, policy })),
    serviceControlPolicies: scpApplies ? orgLevels('scp', policies.scp ?? [], (d) => d) : [],
    resourceControlPolicies: rcpApplies ? orgLevels('rcp', policies.rcp ?? [], withoutFullAccessRcp) : [],
  };
  if (resourcePolicy !== undefined && resourcePolicy !== null) simulation.resourcePolicy = resourcePolicy;
  if (policies.boundary !== undefined && policies.boundary !== null) {
    simulation.permissionBoundaryPolicies = [{ name: 'boundary', policy: policies.boundary }];
  }
  if (policies.session !== undefined && policies.session !== null) simulation.sessionPolicy = policies.session;
  const bpa = policies.s3PublicAccessBlock?.RestrictPublicBuckets;
  if (bpa !== undefined) simulation.additionalSettings = { s3: { blockPublicAccess: bpa } };
  return simulation;
}

/** iam-simulate's result → our `Decision`. */
export function fromSimulationResult(result: RunSimulationResults): OracleOutcome {
  if (result.resultType === 'error') return { error: result.errors.message };
  switch (result.overallResult) {
    case 'Allowed':
      return { decision: 'Allow' };
    case 'ExplicitlyDenied':
      return { decision: 'ExplicitDeny' };
    case 'ImplicitlyDenied':
      return { decision: 'ImplicitDeny' };
  }
}

/** Runs one case through iam-simulate. */
export async function oracleDecide(input: AuthorizeInput): Promise<OracleOutcome> {
  return fromSimulationResult(await runSimulation(toSimulation(input), {}));
}
