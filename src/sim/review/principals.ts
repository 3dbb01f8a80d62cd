/**
 * Reading Principal / NotPrincipal: everyone, an account, a user, a role and its sessions, one
 * session, a service, a SAML or OIDC provider (GitHub Actions, Cognito, Google…).
 */
import { parseArn } from '../policy/index.ts';
import type { PrincipalSpec, SourceRange } from '../policy/index.ts';
import { joinList, serviceName } from './text.ts';

/** The GitHub Actions OIDC issuer host. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/** The Cognito identity pools federation principal. */
export const COGNITO_PRINCIPAL = 'cognito-identity.amazonaws.com';

/** Public web identity providers that need no IAM OIDC provider, by principal name. */
const PUBLIC_IDPS: Readonly<Record<string, string>> = {
  [COGNITO_PRINCIPAL]: 'identities from an Amazon Cognito identity pool',
  'accounts.google.com': 'anyone signed in with Google',
  'graph.facebook.com': 'anyone signed in with Facebook',
  'www.amazon.com': 'anyone signed in with Login with Amazon',
};

/** What kind of thing a principal value names; the review checks rely on it too. */
export type PrincipalCategory =
  | 'everyone'
  | 'account'
  | 'user'
  | 'role'
  | 'session'
  | 'federated-user'
  | 'unique-id'
  | 'service'
  | 'saml'
  | 'oidc'
  | 'canonical-user'
  | 'other';

/** One principal value with what it names and (for AWS principals) its account. */
export interface PrincipalRef {
  type: 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';
  value: string;
  category: PrincipalCategory;
  /** The account of an AWS principal, when the value shows one. */
  account?: string;
  /** For OIDC/web identity: the provider host as it prefixes condition keys (e.g. `token.actions.githubusercontent.com`). */
  provider?: string;
  /** Where the value was written (the whole element for a bare `"*"`). */
  range: SourceRange;
}

/** Classifies an AWS principal value. */
function classifyAws(value: string): Omit<PrincipalRef, 'type' | 'value' | 'range'> {
  if (value === '*') return { category: 'everyone' };
  if (/^\d{12}$/.test(value)) return { category: 'account', account: value };
  if (/^A[A-Z]{3}[A-Z0-9]{8,}$/.test(value)) return { category: 'unique-id' };
  const arn = parseArn(value);
  if (arn === null) return { category: 'other' };
  const account = arn.account;
  if (arn.service === 'iam' && arn.resource === 'root') return { category: 'account', account };
  if (arn.service === 'iam' && arn.resource.startsWith('user/'))
    return { category: 'user', account };
  if (arn.service === 'iam' && arn.resource.startsWith('role/'))
    return { category: 'role', account };
  if (arn.service === 'sts' && arn.resource.startsWith('assumed-role/'))
    return { category: 'session', account };
  if (arn.service === 'sts' && arn.resource.startsWith('federated-user/')) {
    return { category: 'federated-user', account };
  }
  return { category: 'other', account };
}

/** Classifies a Federated principal value. */
function classifyFederated(value: string): Omit<PrincipalRef, 'type' | 'value' | 'range'> {
  if (Object.hasOwn(PUBLIC_IDPS, value)) return { category: 'oidc', provider: value };
  const arn = parseArn(value);
  if (arn?.resource.startsWith('saml-provider/') === true)
    return { category: 'saml', account: arn.account };
  if (arn?.resource.startsWith('oidc-provider/') === true) {
    return {
      category: 'oidc',
      account: arn.account,
      provider: arn.resource.slice('oidc-provider/'.length),
    };
  }
  return { category: 'other' };
}

/** Every value of a Principal element, classified. `"*"` alone is one `everyone` entry. */
export function principalRefs(spec: PrincipalSpec): PrincipalRef[] {
  if (spec.kind === 'any')
    return [{ type: 'AWS', value: '*', category: 'everyone', range: spec.range }];
  return spec.entries.flatMap((entry) =>
    entry.values.map((v): PrincipalRef => {
      const base = { type: entry.type, value: v.value, range: v.range };
      if (entry.type === 'AWS') return { ...base, ...classifyAws(v.value) };
      if (entry.type === 'Federated') return { ...base, ...classifyFederated(v.value) };
      if (entry.type === 'Service') return { ...base, category: 'service' };
      return { ...base, category: 'canonical-user' };
    }),
  );
}

/** "the EC2 service", "the S3 server access logging service". */
function serviceWords(value: string): string {
  const host = value.toLowerCase().replace(/\.amazonaws\.com(\.cn)?$/, '');
  if (host === 'logging.s3') return 'the S3 server access logging service';
  const first = host.split('.')[0] ?? host;
  return `the ${serviceName(first)} service`;
}

/** The account of a principal in words. */
function accountWords(account: string | undefined, own: string | undefined): string {
  if (account === undefined || account === '') return '';
  return account === own ? ' in this account' : ` in account ${account}`;
}

/** The last path segment of an ARN resource part (`role/path/name` → `name`). */
function lastName(resource: string): string {
  return resource.slice(resource.lastIndexOf('/') + 1);
}

/** One principal value in words. */
export function describePrincipalRef(ref: PrincipalRef, ownAccount?: string): string {
  if (ref.value.trim() === '') return 'an empty principal ("")';
  const named = describeNamed(ref, ownAccount);
  // A malformed ARN can leave a name empty; the value as written is then the honest reading.
  return named === undefined || /\s\s|\s$|\s\)/.test(named) ? ref.value : named;
}

/** The words for a well-formed principal value; may come out with an empty name for malformed ARNs. */
function describeNamed(ref: PrincipalRef, ownAccount: string | undefined): string | undefined {
  const where = accountWords(ref.account, ownAccount);
  const resource = parseArn(ref.value)?.resource ?? '';
  switch (ref.category) {
    case 'everyone':
      return 'everyone, including anonymous users';
    case 'account':
      return ref.account === ownAccount
        ? 'any principal in this account'
        : `any principal in account ${ref.account ?? ''}`;
    case 'user':
      return `the IAM user ${lastName(resource)}${where}`;
    case 'role':
      return `the role ${lastName(resource)}${where} (any of its sessions)`;
    case 'session': {
      const [, role = '', session = ''] = resource.split('/');
      return role === '' || session === ''
        ? undefined
        : `only the session ${session} of the role ${role}${where}`;
    }
    case 'federated-user':
      return `the federated user ${lastName(resource)}${where}`;
    case 'unique-id':
      return `the principal with unique ID ${ref.value} (IAM shows an ID when the user or role it named was deleted)`;
    case 'service':
      return serviceWords(ref.value);
    case 'saml':
      return `users federated through the SAML provider ${lastName(resource)}`;
    case 'oidc':
      if (ref.provider === GITHUB_OIDC_HOST)
        return 'GitHub Actions workflows (through its OIDC provider)';
      return PUBLIC_IDPS[ref.value] ?? `users of the OIDC provider ${ref.provider ?? ref.value}`;
    case 'canonical-user':
      return `the S3 canonical user ${ref.value.slice(0, 8)}…`;
    case 'other':
      return ref.value;
  }
}

/** A whole Principal element in words: "the EC2 service and the Lambda service". */
export function describePrincipal(spec: PrincipalSpec, ownAccount?: string): string {
  const refs = principalRefs(spec);
  if (refs.some((r) => r.category === 'everyone')) return 'everyone, including anonymous users';
  if (refs.length === 0) return 'no principal';
  return joinList([...new Set(refs.map((r) => describePrincipalRef(r, ownAccount)))]);
}
