/**
 * The caller, normalised: its kind, account and the ARNs that stand for it.
 *
 * The decision API lets a case give only `principal.arn`; everything else (kind, account, the role
 * behind a session, the session name) is derived here once, so matching and context keys never
 * re-parse ARNs.
 */
import { splitArn } from './arn-match.ts';
import type { PrincipalInput, PrincipalKind } from './types.ts';

/** The caller as the evaluator sees it. */
export interface Caller {
  /** The ARN as given (session ARN for role sessions, service name for services). */
  arn: string;
  type: PrincipalKind;
  /** The caller's account; undefined for services, web-identity/SAML callers and anonymous callers. */
  account: string | undefined;
  /** `aws`, `aws-cn` or `aws-us-gov` (from the ARN; `aws` when there is none). */
  partition: string;
  /** `arn:<partition>:iam::<account>:root` when the caller belongs to an account. */
  accountRoot: string | undefined;
  /** For role sessions: the role's ARN. */
  roleArn: string | undefined;
  /** For role sessions and federated users: the session/federated name. */
  sessionName: string | undefined;
  /** For GetFederationToken sessions: the IAM user who called it. */
  federatingUserArn: string | undefined;
  /** For IAM users: the user name (last path element). */
  userName: string | undefined;
  /** For AWS services: the service principal lowercased (service names compare without case). */
  serviceLower: string | undefined;
  /** The input principal, for the fields used only occasionally (tags, unique id). */
  input: PrincipalInput;
  /**
   * The context keys derived from this caller (`aws:PrincipalArn`, `aws:userid`…), kept by
   * context.ts the first time a request reads one, with the unique id they were derived from.
   */
  derived: { uniqueId: unknown; keys: ReadonlyMap<string, string> } | undefined;
}

/** Web-identity providers that appear as bare names rather than ARNs (IAM "Principal" element page). */
const WEB_IDENTITY_PROVIDERS = new Set([
  'cognito-identity.amazonaws.com',
  'www.amazon.com',
  'graph.facebook.com',
  'accounts.google.com',
]);

const KINDS = new Set<string>(['IAMUser', 'AssumedRole', 'FederatedUser', 'Root', 'AWSService', 'Anonymous', 'WebIdentity', 'SAML']);

/** Works out the kind of caller from its ARN, or explains why it cannot be a caller. */
function kindFromArn(arn: string): PrincipalKind | string {
  if (arn === 'anonymous' || arn === '*') return 'Anonymous';
  if (!arn.startsWith('arn:')) {
    if (WEB_IDENTITY_PROVIDERS.has(arn)) return 'WebIdentity';
    if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/i.test(arn)) return 'AWSService';
    return `principal.arn "${arn}" is neither an ARN, a service principal nor "anonymous"`;
  }
  const parts = splitArn(arn);
  if (parts === null) return `principal.arn "${arn}" is not a complete ARN`;
  const [, , service, , , resource] = parts;
  if (service === 'iam') {
    if (resource === 'root') return 'Root';
    if (resource.startsWith('user/')) return 'IAMUser';
    if (resource.startsWith('saml-provider/')) return 'SAML';
    if (resource.startsWith('oidc-provider/')) return 'WebIdentity';
    if (resource.startsWith('role/')) {
      return `principal.arn "${arn}" is a role; a role acts through a session: give the assumed-role session ARN (arn:aws:sts::<account>:assumed-role/<role>/<session>)`;
    }
  }
  if (service === 'sts') {
    if (resource.startsWith('assumed-role/')) return 'AssumedRole';
    if (resource.startsWith('federated-user/')) return 'FederatedUser';
  }
  return `principal.arn "${arn}" is not the ARN of something that can make requests (user, role session, federated user, root)`;
}

/** Keeps an optional string only when it really is one (inputs come from JSON). */
function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * A cached Caller with the input fields it was derived from (kept in the entry itself, so the
 * check costs no further object); it is reused only while they are unchanged.
 */
interface CallerEntry {
  readonly arn: unknown;
  readonly type: unknown;
  readonly account: unknown;
  readonly roleArn: unknown;
  readonly sessionName: unknown;
  readonly federatingUserArn: unknown;
  /** How many of the six fields above have a value. */
  readonly given: number;
  readonly caller: Caller | string;
}

/**
 * The input fields a Caller is derived from are those of the cache entry. Principals come in many
 * shapes (some give a role ARN, tags, a unique id…), so the fields are read in one pass over the
 * object's own (`for…in` reads each straight from its layout) rather than by six slow
 * (megamorphic) lookups by name: every field with a value must be the entry's, and as many of
 * them as the entry has.
 */
function sameInputs(a: PrincipalInput, entry: CallerEntry): boolean {
  const fields = a as unknown as Readonly<Record<string, unknown>>;
  let given = 0;
  for (const key in fields) {
    const value = fields[key];
    let expected: unknown;
    switch (key) {
      case 'arn':
        expected = entry.arn;
        break;
      case 'type':
        expected = entry.type;
        break;
      case 'account':
        expected = entry.account;
        break;
      case 'roleArn':
        expected = entry.roleArn;
        break;
      case 'sessionName':
        expected = entry.sessionName;
        break;
      case 'federatingUserArn':
        expected = entry.federatingUserArn;
        break;
      default:
        continue;
    }
    if (value !== expected) return false;
    if (value !== undefined) given++;
  }
  return given === entry.given;
}

const callers = new WeakMap<object, CallerEntry>();

/**
 * Normalises the request's principal. Returns a sentence instead of a Caller when the input
 * cannot describe a caller; `authorize` turns that into an error rather than throwing.
 * A grader asks many questions of the same actor, so the result is cached per principal object
 * (and recomputed if one of the fields it depends on changed since).
 */
export function normalizeCaller(input: PrincipalInput): Caller | string {
  const hit = callers.get(input);
  if (hit !== undefined && sameInputs(input, hit)) return hit.caller;
  const caller = normalizeUncached(input);
  const { arn, type, account, roleArn, sessionName, federatingUserArn } = input;
  const given = [arn, type, account, roleArn, sessionName, federatingUserArn].filter((f) => f !== undefined).length;
  callers.set(input, { arn, type, account, roleArn, sessionName, federatingUserArn, given, caller });
  return caller;
}

/** The derivation proper. */
function normalizeUncached(input: PrincipalInput): Caller | string {
  const arn = input.arn;
  if (typeof arn !== 'string' || arn === '') return 'principal.arn must be a non-empty string';
  let type: PrincipalKind;
  if (input.type !== undefined) {
    if (!KINDS.has(input.type)) return `principal.type "${String(input.type)}" is not a known principal type`;
    type = input.type;
  } else {
    const derived = kindFromArn(arn);
    if (!KINDS.has(derived)) return derived;
    type = derived as PrincipalKind;
  }
  const parts = arn.startsWith('arn:') ? splitArn(arn) : null;
  const partition = parts?.[1] || 'aws';
  let account = str(input.account);
  if (account === undefined && parts !== null && parts[4] !== '') account = parts[4];
  if (type === 'AWSService' || type === 'Anonymous') account = str(input.account);
  const resource = parts?.[5] ?? '';
  let roleArn = str(input.roleArn);
  let sessionName = str(input.sessionName);
  if (type === 'AssumedRole' && resource.startsWith('assumed-role/')) {
    // arn:aws:sts::A:assumed-role/ROLE/SESSION — the role name carries no path (IAM identifiers).
    const rest = resource.slice('assumed-role/'.length);
    const slash = rest.indexOf('/');
    const roleName = slash < 0 ? rest : rest.slice(0, slash);
    if (sessionName === undefined && slash >= 0) sessionName = rest.slice(slash + 1);
    if (roleArn === undefined && account !== undefined) roleArn = `arn:${partition}:iam::${account}:role/${roleName}`;
  }
  if (type === 'FederatedUser' && sessionName === undefined && resource.startsWith('federated-user/')) {
    sessionName = resource.slice('federated-user/'.length);
  }
  let userName: string | undefined;
  if (type === 'IAMUser' && resource.startsWith('user/')) userName = resource.slice(resource.lastIndexOf('/') + 1);
  const belongs = type === 'IAMUser' || type === 'AssumedRole' || type === 'FederatedUser' || type === 'Root';
  return {
    arn,
    type,
    account,
    partition,
    accountRoot: belongs && account !== undefined ? `arn:${partition}:iam::${account}:root` : undefined,
    roleArn,
    sessionName,
    federatingUserArn: str(input.federatingUserArn),
    userName,
    serviceLower: type === 'AWSService' ? arn.toLowerCase() : undefined,
    input,
    derived: undefined,
  };
}

/** True for callers that belong to an IAM account and can hold identity-based policies. */
export function isIamIdentity(caller: Caller): boolean {
  return caller.type === 'IAMUser' || caller.type === 'AssumedRole' || caller.type === 'FederatedUser';
}

/** True for session principals (the session step applies). */
export function isSession(caller: Caller): boolean {
  return caller.type === 'AssumedRole' || caller.type === 'FederatedUser';
}
