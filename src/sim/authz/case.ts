/**
 * Turning the decision API's JSON input into what the evaluator works on: a normalised caller,
 * the action and resource, the context, and every policy parsed. Anything unusable becomes an
 * error entry instead of an exception.
 */
import type { PolicyKind } from '../policy/types.ts';
import { splitArn } from './arn-match.ts';
import { BoundedCache } from './bounded-cache.ts';
import { isIamIdentity, isSession, normalizeCaller } from './caller.ts';
import { RequestContext } from './context.ts';
import { loadedPolicy, loadPolicy } from './policies.ts';
import type { LoadedPolicy } from './policies.ts';
import type { MatchEnv } from './statement.ts';
import type { AuthorizeInput, AuthorizeResult, PolicySource, ResourcePolicyKind } from './types.ts';

/** An input problem, as `AuthorizeResult.errors` lists it. */
export type InputError = NonNullable<AuthorizeResult['errors']>[number];

/** How the resource-side policy behaves in evaluation; `generic` for services without special rules. */
export type ResourceSideKind = ResourcePolicyKind | 'generic';

export type { LoadedPolicy } from './policies.ts';

/** The resource side: the trust policy, key policy, bucket policy… that the target resource carries. */
export interface ResourceSide {
  /** Undefined when the case gives none. */
  loaded: LoadedPolicy | undefined;
  kind: ResourceSideKind;
  /** True when this policy must grant the request itself (trust policies, KMS key policies). */
  mustGrant: boolean;
}

/**
 * Everything the evaluator needs, validated. It is also the environment statements are matched
 * in (MatchEnv: the request's parts, and `form` for the matcher's second result), so matching
 * needs no object of its own.
 */
export interface EvalCase extends MatchEnv {
  resourceAccount: string | undefined;
  identity: readonly LoadedPolicy[];
  boundary: LoadedPolicy | undefined;
  session: LoadedPolicy | undefined;
  scp: readonly LoadedPolicy[];
  rcp: readonly LoadedPolicy[];
  side: ResourceSide;
  /** Whether SCPs apply to this caller, and if not why (step-text.ts says it in words). */
  scpApplies: boolean;
  scpSkip: ScpSkip | undefined;
  /** The account the SCPs are attached to (named when it is not the caller's). */
  scpAccount: string | undefined;
  /** Whether RCPs apply to this resource, and if not why. */
  rcpApplies: boolean;
  rcpSkip: RcpSkip | undefined;
  restrictPublicBuckets: boolean;
}

/** Why SCPs are not evaluated for this request. */
export type ScpSkip = 'none-given' | 'not-iam' | 'management-account' | 'service-linked-role' | 'other-account';

/** Why RCPs are not evaluated for this request. */
export type RcpSkip = 'none-given' | 'management-account' | 'aws-managed-key' | 'service-not-covered';

/** What the request's action says, worked out once per distinct action text. */
interface ActionFacts {
  /** `service:Operation` with one colon, text on both sides and no white space. */
  valid: boolean;
  lower: string;
  /** The service prefix, lowercased. */
  service: string;
  /** sts:AssumeRole, AssumeRoleWithSAML or AssumeRoleWithWebIdentity. */
  assumes: boolean;
  /** RCPs govern this service's resources. */
  rcpService: boolean;
}

/**
 * Services whose resources RCPs govern (Organizations RCP page: S3, STS, KMS, SQS, Secrets
 * Manager at launch; Cognito, CloudWatch Logs, DynamoDB, ECR and OpenSearch Serverless added in
 * 2025). For other services RCPs are not evaluated at all.
 */
const RCP_SERVICES = new Set(['s3', 'sts', 'kms', 'sqs', 'secretsmanager', 'cognito-identity', 'logs', 'dynamodb', 'ecr', 'aoss']);

const RESOURCE_KINDS: ReadonlySet<string> = new Set(['s3-bucket', 'kms-key', 'role-trust', 'lambda-function', 'sqs-queue']);

const ASSUME_ACTIONS = new Set(['sts:assumerole', 'sts:assumerolewithsaml', 'sts:assumerolewithwebidentity']);

/** What the request's resource ARN says, worked out once per distinct resource text. */
interface ResourceFacts {
  /** The ARN's service (`''` when the resource is not an ARN). */
  service: string;
  /** The ARN's account, undefined when it has none (S3 buckets) or is not an ARN. */
  account: string | undefined;
  /** A role (`iam` … `role/…`) or a KMS key (`kms` … `key/…`). */
  isRole: boolean;
  isKey: boolean;
}

const NOT_AN_ARN: ResourceFacts = Object.freeze({ service: '', account: undefined, isRole: false, isKey: false });

const resourceCache = new BoundedCache<string, ResourceFacts>(20_000);

/** Works out the facts of a resource text. */
function readResource(resource: string): ResourceFacts {
  const parts = resource.startsWith('arn:') ? splitArn(resource) : null;
  if (parts === null) return NOT_AN_ARN;
  const [, , service, , account, res] = parts;
  return {
    service,
    account: account === '' ? undefined : account,
    isRole: service === 'iam' && res.startsWith('role/'),
    isKey: service === 'kms' && res.startsWith('key/'),
  };
}

const actionCache = new BoundedCache<string, ActionFacts>(5_000);

/** Works out the facts of an action text. */
function readAction(action: string): ActionFacts {
  const lower = action.toLowerCase();
  const service = lower.slice(0, lower.indexOf(':'));
  return { valid: validAction(action), lower, service, assumes: ASSUME_ACTIONS.has(lower), rcpService: RCP_SERVICES.has(service) };
}

/** `service:Operation`: one colon with text on both sides and no white space. */
function validAction(action: string): boolean {
  const colon = action.indexOf(':');
  if (colon <= 0 || colon === action.length - 1 || action.indexOf(':', colon + 1) >= 0) return false;
  for (let i = 0; i < action.length; i++) {
    const c = action.charCodeAt(i);
    if (c <= 32) return false;
  }
  return true;
}

/** True for a plain object (not null, not an array). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Which kind a resource policy has when the case does not say, from the resource's ARN. */
function inferResourceKind(resource: ResourceFacts, action: ActionFacts): ResourceSideKind {
  switch (resource.service) {
    case 's3':
      return 's3-bucket';
    case 'kms':
      return 'kms-key';
    case 'lambda':
      return 'lambda-function';
    case 'sqs':
      return 'sqs-queue';
    default:
      return resource.isRole && (action.assumes || action.service === 'sts') ? 'role-trust' : 'generic';
  }
}

/**
 * Loads one document, recording an error when it is not a valid policy of that kind. `field` is
 * the field's path; `listed` says it is list-valued, so the error names `field[index]`.
 */
function load(doc: unknown, kind: PolicyKind, source: PolicySource, index: number, field: string, listed: boolean, errors: InputError[]): LoadedPolicy | undefined {
  const hit = loadPolicy(doc, kind);
  const loaded = loadedPolicy(hit, source, index);
  if (loaded === undefined) {
    const path = listed ? `${field}[${index}]` : field;
    const bad = hit.errors;
    const first = bad[0]?.message ?? 'it is not a policy document';
    errors.push({ code: 'INVALID_POLICY', message: `${path} is not a valid policy: ${first}`, path, issues: bad });
    return undefined;
  }
  return loaded;
}

/** An empty policy list, shared (never written to). */
const NO_POLICIES: readonly LoadedPolicy[] = Object.freeze([]);

/** Reads a list-valued policy field (identity, scp, rcp). */
function loadList(value: unknown, kind: PolicyKind, source: PolicySource, path: string, errors: InputError[]): readonly LoadedPolicy[] {
  if (value === undefined || value === null) return NO_POLICIES;
  if (!Array.isArray(value)) {
    errors.push({ code: 'INVALID_INPUT', message: `${path} must be an array of policy documents`, path });
    return NO_POLICIES;
  }
  if (value.length === 0) return NO_POLICIES;
  const out: LoadedPolicy[] = [];
  for (let i = 0; i < value.length; i++) {
    const loaded = load(value[i], kind, source, i, path, true, errors);
    if (loaded !== undefined) out.push(loaded);
  }
  return out;
}

/** Reads a single-document policy field (resource, boundary, session, trust). */
function loadOne(value: unknown, kind: PolicyKind, source: PolicySource, path: string, errors: InputError[]): LoadedPolicy | undefined {
  if (value === undefined || value === null) return undefined;
  return load(value, kind, source, 0, path, false, errors);
}

/** The fields of `AuthorizeInput.policies`, as given. */
interface PolicyFields {
  identity: unknown;
  scp: unknown;
  rcp: unknown;
  boundary: unknown;
  session: unknown;
  resource: unknown;
  trust: unknown;
  resourcePolicyKind: unknown;
  scpAccount: unknown;
  s3PublicAccessBlock: unknown;
}

/**
 * Reads the policies object in one pass over the fields it has. Inputs differ in which of the ten
 * fields they carry, so these objects come in many shapes, and reading the fields by name would
 * be ten slow (megamorphic) lookups, most of them for fields that are not there. Inside
 * `for…in`, the engine reads each present field straight from the object's layout.
 */
function policyFields(policies: Readonly<Record<string, unknown>>): PolicyFields {
  const f: PolicyFields = {
    identity: undefined,
    scp: undefined,
    rcp: undefined,
    boundary: undefined,
    session: undefined,
    resource: undefined,
    trust: undefined,
    resourcePolicyKind: undefined,
    scpAccount: undefined,
    s3PublicAccessBlock: undefined,
  };
  for (const key in policies) {
    const value = policies[key];
    switch (key) {
      case 'identity':
        f.identity = value;
        break;
      case 'scp':
        f.scp = value;
        break;
      case 'rcp':
        f.rcp = value;
        break;
      case 'boundary':
        f.boundary = value;
        break;
      case 'session':
        f.session = value;
        break;
      case 'resource':
        f.resource = value;
        break;
      case 'trust':
        f.trust = value;
        break;
      case 'resourcePolicyKind':
        f.resourcePolicyKind = value;
        break;
      case 'scpAccount':
        f.scpAccount = value;
        break;
      case 's3PublicAccessBlock':
        f.s3PublicAccessBlock = value;
        break;
      default:
        break;
    }
  }
  return f;
}

/** Validates and normalises the input; returns the errors when it cannot be evaluated. */
export function buildCase(input: unknown): EvalCase | InputError[] {
  if (!isRecord(input)) return [{ code: 'INVALID_INPUT', message: 'The input must be an object with principal, request and policies' }];
  const errors: InputError[] = [];
  const { principal, request } = input;
  const policies = input.policies ?? {};
  if (!isRecord(principal) || !isRecord(request) || !isRecord(policies)) {
    if (!isRecord(principal)) errors.push({ code: 'INVALID_PRINCIPAL', message: 'principal must be an object with an arn', path: 'principal' });
    if (!isRecord(request)) errors.push({ code: 'INVALID_INPUT', message: 'request must be an object with action and resource', path: 'request' });
    if (!isRecord(policies)) errors.push({ code: 'INVALID_INPUT', message: 'policies must be an object', path: 'policies' });
    return errors;
  }

  const caller = normalizeCaller(principal as unknown as AuthorizeInput['principal']);
  if (typeof caller === 'string') errors.push({ code: 'INVALID_PRINCIPAL', message: caller, path: 'principal' });
  const action = request.action;
  // Cached: graders and probes repeat a handful of actions and resources.
  const facts = typeof action === 'string' ? actionCache.through(action, readAction) : undefined;
  if (facts === undefined || !facts.valid) {
    errors.push({ code: 'INVALID_ACTION', message: 'request.action must look like service:Operation (for example s3:GetObject)', path: 'request.action' });
  }
  const resource = request.resource;
  if (typeof resource !== 'string' || resource === '') {
    errors.push({ code: 'INVALID_RESOURCE', message: 'request.resource must be an ARN or "*"', path: 'request.resource' });
  }
  const context = request.context;
  const contextOk = isRecord(context);
  if (context !== undefined && !contextOk) {
    errors.push({ code: 'INVALID_INPUT', message: 'request.context must be an object of keys to strings or arrays of strings', path: 'request.context' });
  }
  if (typeof caller === 'string' || typeof action !== 'string' || facts === undefined || typeof resource !== 'string' || errors.length > 0) return errors;

  const actionLower = facts.lower;
  const target = resourceCache.through(resource, readResource);
  const given = policyFields(policies);
  const identity = loadList(given.identity, 'identity', 'identity', 'policies.identity', errors);
  const scp = loadList(given.scp, 'scp', 'scp', 'policies.scp', errors);
  const rcp = loadList(given.rcp, 'rcp', 'rcp', 'policies.rcp', errors);
  const boundary = loadOne(given.boundary, 'boundary', 'boundary', 'policies.boundary', errors);
  const session = loadOne(given.session, 'session', 'session', 'policies.session', errors);

  const trust = given.trust;
  const hasTrust = trust !== undefined && trust !== null;
  const givenKind = hasTrust ? undefined : given.resourcePolicyKind;
  let kind: ResourceSideKind;
  if (hasTrust) kind = 'role-trust';
  else if (typeof givenKind === 'string' && RESOURCE_KINDS.has(givenKind)) kind = givenKind as ResourcePolicyKind;
  else kind = inferResourceKind(target, facts);
  const sideSource: PolicySource = kind === 'role-trust' ? 'trust' : 'resource';
  // Services without their own policy kind are checked with the generic resource-policy rules.
  const parseKind: PolicyKind = kind === 'generic' ? 'sqs-queue' : kind;
  const sideLoaded = hasTrust
    ? loadOne(trust, 'role-trust', 'trust', 'policies.trust', errors)
    : loadOne(given.resource, parseKind, sideSource, 'policies.resource', errors);
  if (errors.length > 0) return errors;

  // Trust policies and key policies must allow the caller themselves (IAM evaluation logic,
  // "Resource-based policies"; KMS key policies page). A role or key always has one, so a case
  // that leaves it out is evaluated as if it allowed nothing.
  const mustGrant = kind === 'role-trust' || kind === 'kms-key' || (sideLoaded === undefined && (target.isKey || (target.isRole && facts.assumes)));
  const givenAccount = typeof request.resourceAccount === 'string' && request.resourceAccount !== '' ? request.resourceAccount : undefined;
  const resourceAccount = givenAccount ?? target.account ?? caller.account;

  const p = principal as { isManagementAccount?: unknown; isServiceLinkedRole?: unknown };
  let scpAccount = caller.account;
  let scpSkip: ScpSkip | undefined;
  if (scp.length === 0) scpSkip = 'none-given';
  else if (!(isIamIdentity(caller) || caller.type === 'Root')) scpSkip = 'not-iam';
  else if (p.isManagementAccount === true) scpSkip = 'management-account';
  else if (p.isServiceLinkedRole === true) scpSkip = 'service-linked-role';
  else {
    const attachedTo = given.scpAccount;
    if (typeof attachedTo === 'string') scpAccount = attachedTo;
    if (scpAccount !== caller.account) scpSkip = 'other-account';
  }

  let rcpSkip: RcpSkip | undefined;
  if (rcp.length === 0) rcpSkip = 'none-given';
  else if (request.resourceInManagementAccount === true || (p.isManagementAccount === true && resourceAccount === caller.account)) rcpSkip = 'management-account';
  else if (request.awsManagedKey === true) rcpSkip = 'aws-managed-key';
  else if (!facts.rcpService) rcpSkip = 'service-not-covered';
  const scpApplies = scpSkip === undefined;
  const rcpApplies = rcpSkip === undefined;

  const hasIdentity = isIamIdentity(caller);
  const bpa = kind === 's3-bucket' ? given.s3PublicAccessBlock : undefined;
  return {
    caller,
    action,
    actionLower,
    resource,
    resourceAccount,
    ctx: new RequestContext(contextOk ? context : undefined, caller),
    hasBoundary: hasIdentity && boundary !== undefined,
    form: null,
    identity: hasIdentity ? identity : NO_POLICIES,
    boundary: hasIdentity ? boundary : undefined,
    session: isSession(caller) ? session : undefined,
    scp: scpApplies ? scp : NO_POLICIES,
    rcp: rcpApplies ? rcp : NO_POLICIES,
    side: { loaded: sideLoaded, kind, mustGrant },
    scpApplies,
    scpSkip,
    scpAccount,
    rcpApplies,
    rcpSkip,
    restrictPublicBuckets: isRecord(bpa) && bpa.RestrictPublicBuckets === true,
  };
}
