/**
 * Deterministic generator of differential cases: realistic requests (real s3/iam/ec2/lambda/sts
 * actions) with identity, resource/trust, boundary, session, SCP and RCP policies whose
 * conditions span every operator family, and request contexts where the tested keys are
 * present, absent or empty.
 */
import type { AuthorizeInput, PoliciesInput, PrincipalInput } from '../../src/sim/authz/types.ts';
import { Rng } from './rng.ts';
import {
  callerPrincipalValues,
  identityPolicy,
  rcpLevel,
  resourcePolicy,
  scpLevel,
  serviceOf,
  type Json,
  type StatementContext,
} from './policies.ts';
import {
  ACTIONS,
  FEDERATED,
  GLOBAL_KEYS,
  HOME,
  HOME_PRINCIPALS,
  KEYS,
  KEY_BY_NAME,
  OTHER_PRINCIPALS,
  RESOURCES,
  SERVICE_PRINCIPALS,
  type ActionSpec,
  type PrincipalSpec,
} from './vocab.ts';

export const DEFAULT_SEED = 20261126;
export const DEFAULT_COUNT = 10_000;

export type Scenario = 'same-account' | 'cross-account' | 'federated' | 'service' | 'anonymous';

export interface GeneratedCase {
  id: string;
  scenario: Scenario;
  input: AuthorizeInput;
}

const KEY_BY_LOWER: ReadonlyMap<string, string> = new Map(KEYS.map((k) => [k.key.toLowerCase(), k.key]));

function resourceFor(rng: Rng, spec: ActionSpec): string {
  return spec.kind === 'none' ? '*' : rng.pick(RESOURCES[spec.kind]);
}

/** Keys a request for this action can carry (global keys + the action's own). */
function validKeys(spec: ActionSpec): Set<string> {
  return new Set([...GLOBAL_KEYS, ...spec.keys]);
}

function keyPoolFor(spec: ActionSpec, principalKeys: boolean): string[] {
  return [...validKeys(spec)].filter((k) => principalKeys || !KEY_BY_NAME.get(k)?.derived);
}

/** Every condition key named anywhere in the documents (canonical spelling). */
function referencedKeys(docs: readonly unknown[]): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'Condition' && v !== null && typeof v === 'object') {
        for (const byKey of Object.values(v)) {
          if (byKey === null || typeof byKey !== 'object') continue;
          for (const key of Object.keys(byKey)) {
            const canonical = KEY_BY_LOWER.get(key.toLowerCase());
            if (canonical) found.add(canonical);
          }
        }
      } else {
        visit(v);
      }
    }
  };
  docs.forEach(visit);
  return found;
}

function contextFor(rng: Rng, spec: ActionSpec, docs: readonly unknown[]): Record<string, string | string[]> {
  const valid = validKeys(spec);
  const keys = [...referencedKeys(docs)].filter((k) => valid.has(k));
  // Some noise: keys no policy tests.
  if (rng.chance(0.25)) keys.push(rng.pick([...valid]));
  const context: Record<string, string | string[]> = {};
  for (const key of keys) {
    const ks = KEY_BY_NAME.get(key);
    if (!ks || ks.derived || key in context) continue;
    if (ks.multi) {
      const r = rng.next();
      if (r < 0.15) continue;
      context[key] = r < 0.3 ? [] : rng.sample(ks.requestValues, rng.between(1, 3));
    } else {
      const r = rng.next();
      if (r < 0.2) continue;
      context[key] = r < 0.25 && ks.type === 'String' ? '' : rng.pick(ks.requestValues);
    }
  }
  return context;
}

function pickAction(rng: Rng, filter: (a: ActionSpec) => boolean): ActionSpec {
  return rng.pick(ACTIONS.filter(filter));
}

const hasResourcePolicy = (a: ActionSpec): boolean =>
  a.kind === 's3-object' || a.kind === 's3-bucket' || a.kind === 'lambda-function' || a.kind === 'sts-role';

function buildCase(rng: Rng, id: string): GeneratedCase {
  const scenario = rng.weighted<Scenario>([
    [62, 'same-account'],
    [20, 'cross-account'],
    [8, 'federated'],
    [5, 'service'],
    [5, 'anonymous'],
  ]);

  let principal: PrincipalSpec | undefined;
  let principalInput: PrincipalInput;
  let spec: ActionSpec;
  switch (scenario) {
    case 'same-account':
      principal = rng.pick(HOME_PRINCIPALS);
      spec = pickAction(rng, () => true);
      break;
    case 'cross-account':
      principal = rng.pick(OTHER_PRINCIPALS);
      spec = pickAction(rng, (a) => (rng.chance(0.9) ? hasResourcePolicy(a) : true));
      break;
    case 'federated':
      principal = FEDERATED;
      spec = pickAction(rng, () => true);
      break;
    case 'service':
      spec = pickAction(rng, (a) => ['lambda:InvokeFunction', 's3:PutObject', 's3:GetObject', 's3:ListBucket'].includes(a.action));
      break;
    case 'anonymous':
      spec = pickAction(rng, (a) => ['s3:GetObject', 's3:ListBucket', 's3:PutObject'].includes(a.action));
      break;
  }
  const serviceName = rng.pick(SERVICE_PRINCIPALS);
  if (principal) principalInput = principal.input;
  else if (scenario === 'service') principalInput = { arn: serviceName, type: 'AWSService' };
  else principalInput = { arn: 'anonymous', type: 'Anonymous' };

  const resource = resourceFor(rng, spec);
  const service = serviceOf(spec.action);
  const authenticatedIam = principal !== undefined;
  const ctx: StatementContext = { rng, spec, service, resource, keyPool: keyPoolFor(spec, authenticatedIam) };
  const policies: PoliciesInput = {};
  const docs: unknown[] = [];
  const add = <T extends Json>(doc: T): T => {
    docs.push(doc);
    return doc;
  };

  if (authenticatedIam) {
    const n = rng.weighted([
      [1, 0],
      [5, 1],
      [3, 2],
      [1, 3],
    ] as const);
    if (n > 0 || rng.chance(0.5)) policies.identity = Array.from({ length: n }, () => add(identityPolicy(ctx)));
    if (rng.chance(0.2)) policies.boundary = add(identityPolicy(ctx, 0.85));
    const sessionRate = principal?.role === 'federated' ? 0.9 : principal?.role === 'session' ? 0.25 : 0;
    if (rng.chance(sessionRate)) policies.session = add(identityPolicy(ctx, 0.85));
    if (rng.chance(0.3)) {
      policies.scp = Array.from({ length: rng.between(1, 3) }, () => add(scpLevel(ctx)));
      // SCPs do not apply to the management account (the adapter drops them for the oracle).
      if (scenario === 'same-account' && rng.chance(0.06)) principalInput = { ...principalInput, isManagementAccount: true };
    }
  }

  const callerValues = authenticatedIam ? callerPrincipalValues(principalInput) : [];
  // Resource-based policy (bucket policy, function policy, or the role's trust policy).
  if (spec.kind === 'sts-role') {
    policies.trust = add(
      resourcePolicy(ctx, { callerValues, withResource: false, family: 'sts' }),
    );
  } else if (hasResourcePolicy(spec)) {
    const rate = scenario === 'same-account' ? 0.45 : 0.9;
    if (rng.chance(rate)) {
      const kind = spec.kind === 'lambda-function' ? 'lambda-function' : 's3-bucket';
      policies.resource = add(
        resourcePolicy(ctx, {
          callerValues,
          withResource: true,
          family: service,
          ...(scenario === 'service' ? { service: serviceName } : {}),
        }),
      );
      policies.resourcePolicyKind = kind;
    }
  }

  if ((service === 's3' || spec.kind === 'sts-role') && rng.chance(0.12)) {
    policies.rcp = Array.from({ length: rng.between(1, 2) }, () => add(rcpLevel(ctx)));
  }

  const context = contextFor(rng, spec, docs);
  const input: AuthorizeInput = {
    principal: principalInput,
    request: {
      action: spec.action,
      resource,
      ...(service === 's3' && resource !== '*' ? { resourceAccount: HOME } : {}),
      context,
    },
    policies,
  };
  return { id, scenario, input };
}

/** The case set: same seed and count → the same cases, in the same order. */
export function generateCases(count = DEFAULT_COUNT, seed = DEFAULT_SEED): GeneratedCase[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, (_, i) => buildCase(rng, `c${String(i).padStart(5, '0')}`));
}
