/**
 * Phrases for the condition keys a learner meets most: where the request comes from, MFA,
 * HTTPS, organizations, confused-deputy keys, external IDs, tags, OIDC/SAML claims. Keys not
 * listed here are read generically ("aws:RequestedRegion is "eu-west-1"").
 */
import { GITHUB_OIDC_HOST } from './principals.ts';
import { orList, quote, shown } from './text.ts';

/** A key-specific reading: the positive sentence part and its negation, for given values. */
export interface KeyPhrase {
  /** "the request comes from 203.0.113.0/24" */
  yes: string;
  /** "the request does not come from 203.0.113.0/24" */
  no: string;
}

/** Reads the values of one key; `like` tells a pattern match (StringLike/ArnLike) from equality. */
type KeyReader = (values: readonly string[], like: boolean) => KeyPhrase;

/** A reader whose positive and negative forms differ only by a fixed verb pair. */
function simple(subject: string, yesVerb: string, noVerb: string, quoted = false): KeyReader {
  return (values) => {
    const v = orList(quoted ? values.map(quote) : values.map(shown));
    return { yes: `${subject} ${yesVerb} ${v}`, no: `${subject} ${noVerb} ${v}` };
  };
}

/** "is" / "matches" readers for tags and other free-text keys. */
function tagLike(subject: string): KeyReader {
  return (values, like) => {
    const v = orList(values.map(quote));
    return like
      ? { yes: `${subject} matches ${v}`, no: `${subject} does not match ${v}` }
      : { yes: `${subject} is ${v}`, no: `${subject} is not ${v}` };
  };
}

/** One GitHub Actions `sub` value in words: which repository, branch or environment. */
export function githubSubWords(value: string): string {
  if (value === '*' || value === 'repo:*') return 'in any repository at all';
  const m = /^repo:([^/:]+)\/([^:]+)(?::(.*))?$/.exec(value);
  if (m === null) return `with subject ${quote(value)}`;
  const [, org = '', repo = '', rest] = m;
  if (repo === '*') return `in any repository of ${org}`;
  const where = `in ${org}/${repo}`;
  if (rest === undefined || rest === '*')
    return `${where} (any branch, tag, environment or pull request)`;
  const branch = /^ref:refs\/heads\/(.+)$/.exec(rest);
  if (branch !== null) return `${where} on branch ${branch[1] ?? ''}`;
  const tag = /^ref:refs\/tags\/(.+)$/.exec(rest);
  if (tag !== null) return `${where} for tag ${tag[1] ?? ''}`;
  const env = /^environment:(.+)$/.exec(rest);
  if (env !== null) return `${where} in environment ${env[1] ?? ''}`;
  if (rest === 'pull_request') return `${where} for a pull request`;
  return `${where} (${rest})`;
}

/** Readers by lower-case key name. */
const EXACT: Readonly<Record<string, KeyReader>> = {
  'aws:sourceip': simple('the request', 'comes from', 'does not come from'),
  'aws:sourcevpce': simple(
    'the request',
    'comes through the VPC endpoint',
    'does not come through the VPC endpoint',
  ),
  'aws:sourcevpc': simple('the request', 'comes from the VPC', 'does not come from the VPC'),
  'aws:principalorgid': simple(
    'the caller',
    'belongs to the organization',
    'does not belong to the organization',
  ),
  'aws:resourceorgid': simple(
    'the resource',
    'belongs to the organization',
    'does not belong to the organization',
  ),
  'aws:principalaccount': simple('the caller', 'is in account', 'is not in account'),
  'aws:resourceaccount': simple('the resource', 'is in account', 'is not in account'),
  'aws:sourceaccount': simple(
    'the service',
    'acts on behalf of account',
    'does not act on behalf of account',
  ),
  'aws:sourcearn': simple('the service', 'acts on behalf of', 'does not act on behalf of'),
  'aws:sourceorgid': simple(
    'the service',
    'acts on behalf of the organization',
    'does not act on behalf of the organization',
  ),
  'aws:principalarn': (values, like) => ({
    yes: `the caller ${like ? 'matches' : 'is'} ${orList(values.map(shown))}`,
    no: `the caller ${like ? 'does not match' : 'is not'} ${orList(values.map(shown))}`,
  }),
  'aws:requestedregion': simple('the request', 'is for region', 'is not for region'),
  'sts:externalid': simple(
    'the caller',
    'passes the external ID',
    'does not pass the external ID',
    true,
  ),
  'saml:aud': simple('the SAML assertion', 'is meant for', 'is not meant for'),
  'cognito-identity.amazonaws.com:aud': simple(
    'the identity',
    'comes from the identity pool',
    'does not come from the identity pool',
  ),
  'cognito-identity.amazonaws.com:amr': (values) => {
    const what = values.every((v) => v === 'authenticated')
      ? 'signed in (authenticated)'
      : values.every((v) => v === 'unauthenticated')
        ? 'a guest (unauthenticated)'
        : `described by ${orList(values.map(quote))}`;
    return { yes: `the Cognito identity is ${what}`, no: `the Cognito identity is not ${what}` };
  },
  [`${GITHUB_OIDC_HOST}:sub`]: (values) => ({
    yes: `the GitHub workflow runs ${orList(values.map(githubSubWords))}`,
    no: `the GitHub workflow does not run ${orList(values.map(githubSubWords))}`,
  }),
};

/** Keys with a tag (or claim) name after a prefix, by lower-case prefix. */
const PREFIXED: readonly [string, (rest: string) => KeyReader][] = [
  ['aws:principaltag/', (tag) => tagLike(`the caller's tag ${tag}`)],
  ['aws:resourcetag/', (tag) => tagLike(`the resource's tag ${tag}`)],
  ['iam:resourcetag/', (tag) => tagLike(`the IAM resource's tag ${tag}`)],
  ['s3:existingobjecttag/', (tag) => tagLike(`the object's tag ${tag}`)],
  ['aws:requesttag/', (tag) => tagLike(`the tag ${tag} set by the request`)],
];

/** Bool keys with their sentence for `true` and for `false`. */
export const BOOL_PHRASES: Readonly<Record<string, readonly [string, string]>> = {
  'aws:multifactorauthpresent': ['MFA was used', 'MFA was not used'],
  'aws:securetransport': ['the request uses HTTPS', 'the request does not use HTTPS'],
  'aws:viaawsservice': [
    'an AWS service makes the call for the caller',
    'no AWS service makes the call for the caller',
  ],
  'aws:principalisawsservice': ['the caller is an AWS service', 'the caller is not an AWS service'],
};

/** The key-specific reader for a key, if one exists. Keys are case-insensitive. */
export function keyReader(key: string): KeyReader | undefined {
  const lower = key.toLowerCase();
  const exact = EXACT[lower];
  if (exact !== undefined) return exact;
  for (const [prefix, make] of PREFIXED) {
    if (lower.startsWith(prefix)) return make(key.slice(prefix.length));
  }
  // Any OIDC provider's audience claim (`accounts.google.com:aud`, `token.actions…:aud`, `<host>/path:aud`).
  if (lower.endsWith(':aud') && !lower.startsWith('aws:')) {
    return simple("the token's audience", 'is', 'is not', true);
  }
  return undefined;
}
