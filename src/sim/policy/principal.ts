/**
 * Principal and NotPrincipal: the `"*"` form and the `{ "AWS" | "Service" | "Federated" |
 * "CanonicalUser": value(s) }` map, with the value checks AWS applies when a policy is saved
 * (IAM User Guide, "AWS JSON policy elements: Principal").
 */
import { parseArn, PARTITIONS } from './arn.ts';
import type { WalkContext } from './context.ts';
import { kindOf, uniqueMembersOf } from './json-ast.ts';
import type { JsonNode } from './json-ast.ts';
import { aKind, childPath } from './issues.ts';
import { located, readStringList } from './lists.ts';
import type { ListItem } from './lists.ts';
import { closest, didYouMean } from './suggest.ts';
import type { PrincipalSpec, PrincipalType } from './types.ts';
import { hasVariable } from './variables.ts';

/** The principal types, spelled as AWS requires. */
const PRINCIPAL_TYPES: readonly PrincipalType[] = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

/** Well-known web identity providers that appear without an ARN in `Federated`. */
const WEB_IDENTITY_PROVIDERS = [
  'cognito-identity.amazonaws.com',
  'www.amazon.com',
  'graph.facebook.com',
  'accounts.google.com',
];

/**
 * Reads a Principal or NotPrincipal value. Returns undefined when its shape is unusable;
 * individual bad values are reported and left out.
 */
export function readPrincipal(
  ctx: WalkContext,
  node: JsonNode,
  path: string,
  element: string,
): PrincipalSpec | undefined {
  const { sink } = ctx;
  const range = sink.lines.rangeOf(node);
  if (node.type === 'string') {
    if (node.value === '*') return { kind: 'any', range };
    sink.error(
      node,
      'INVALID_PRINCIPAL',
      path,
      `${element} must be "*" or an object such as {"AWS": "arn:aws:iam::123456789012:root"}; a plain string other than "*" is not allowed.`,
    );
    return undefined;
  }
  if (node.type !== 'object') {
    sink.error(
      node,
      'WRONG_TYPE',
      path,
      `${element} must be "*" or an object, not ${aKind(kindOf(node))}.`,
    );
    return undefined;
  }
  const members = uniqueMembersOf(node);
  if (members.length === 0) {
    sink.error(
      node,
      'EMPTY_ELEMENT',
      path,
      `${element} is an empty object: name at least one principal.`,
    );
    return undefined;
  }
  const entries: { type: PrincipalType; values: ListItem[] }[] = [];
  for (const { key, keyNode, valueNode } of members) {
    const typePath = childPath(path, key);
    let type = PRINCIPAL_TYPES.find((t) => t === key);
    if (type === undefined) {
      const caseFix = PRINCIPAL_TYPES.find((t) => t.toLowerCase() === key.toLowerCase());
      const hint = caseFix ?? closest(key, PRINCIPAL_TYPES);
      sink.error(
        keyNode,
        'UNKNOWN_PRINCIPAL_TYPE',
        typePath,
        `"${key}" is not a principal type; use AWS, Service, Federated or CanonicalUser (names are case-sensitive).${didYouMean(hint)}`,
      );
      // Keep a case-only mistake in the AST so the evaluator still sees the intent.
      type = caseFix;
    }
    if (valueNode === undefined || type === undefined) continue;
    const values = readStringList(ctx, valueNode, typePath, `${element}.${key}`).filter((item) =>
      checkPrincipalValue(ctx, type, item),
    );
    const existing = entries.find((e) => e.type === type);
    if (existing) existing.values.push(...values);
    else entries.push({ type, values });
  }
  return {
    kind: 'map',
    range,
    entries: entries.map((e) => ({ type: e.type, values: located(e.values) })),
  };
}

/** True when the principal value is well-formed; reports it otherwise. */
function checkPrincipalValue(ctx: WalkContext, type: PrincipalType, item: ListItem): boolean {
  const { sink } = ctx;
  const { value, node, path } = item;
  if (hasVariable(value)) {
    sink.error(
      node,
      'VARIABLE_NOT_ALLOWED',
      path,
      'Policy variables cannot be used in a principal; use a condition on aws:PrincipalArn instead.',
    );
    return false;
  }
  if (value === '*') {
    if (type === 'AWS') return true;
    sink.error(
      node,
      'INVALID_PRINCIPAL',
      path,
      `"${type}": "*" is not allowed; only "AWS": "*" (or Principal "*") means everyone.`,
    );
    return false;
  }
  if (/[*?]/.test(value)) {
    sink.error(
      node,
      'PRINCIPAL_PARTIAL_WILDCARD',
      path,
      'Wildcards inside a principal are not allowed; use "Principal": "*" with a condition such as ArnLike on aws:PrincipalArn.',
    );
    return false;
  }
  const problem =
    type === 'AWS'
      ? awsPrincipalProblem(value)
      : type === 'Service'
        ? servicePrincipalProblem(value)
        : type === 'Federated'
          ? federatedPrincipalProblem(value)
          : /^[0-9a-f]{64}$/i.test(value)
            ? undefined
            : 'A CanonicalUser is a 64-character hexadecimal S3 canonical user ID.';
  if (problem === undefined) return true;
  sink.error(node, 'INVALID_PRINCIPAL', path, problem);
  return false;
}

/** Why an `AWS` principal value is invalid, or undefined when it is fine. */
function awsPrincipalProblem(value: string): string | undefined {
  if (/^\d{12}$/.test(value)) return undefined;
  if (/^\d+$/.test(value))
    return `"${value}" has ${value.length} digits; an AWS account ID has exactly 12.`;
  // Unique IDs (AIDA… users, AROA… roles) are what IAM shows once a trusted entity is deleted.
  if (/^A(IDA|ROA)[A-Z0-9]{12,}$/.test(value)) return undefined;
  const arn = parseArn(value);
  if (arn === null) {
    return `"${value}" is not a valid AWS principal: use a 12-digit account ID or an IAM/STS ARN such as arn:aws:iam::123456789012:role/Name.`;
  }
  if (!PARTITIONS.includes(arn.partition))
    return `"${arn.partition}" is not an AWS partition (aws, aws-cn, aws-us-gov…).`;
  if (!/^\d{12}$/.test(arn.account))
    return `The account in a principal ARN must be a 12-digit account ID, not "${arn.account}".`;
  if (arn.region !== '')
    return 'IAM and STS principal ARNs have an empty region (two colons in a row).';
  const r = arn.resource;
  if (arn.service === 'iam') {
    if (r === 'root' || /^(user|role)\/([^/]+\/)*[^/]+$/.test(r)) return undefined;
    if (r.startsWith('group/'))
      return 'An IAM group cannot be a principal; name its users, or use a role.';
    return `"${r}" is not a principal; IAM principal ARNs end in root, user/Name or role/Name.`;
  }
  if (arn.service === 'sts') {
    if (/^assumed-role\/[^/]+\/[^/]+$/.test(r) || /^federated-user\/[^/]+$/.test(r))
      return undefined;
    return `"${r}" is not a principal; STS principal ARNs are assumed-role/RoleName/SessionName or federated-user/Name.`;
  }
  return `Principals of type AWS are IAM or STS ARNs, not ${arn.service} ARNs.`;
}

/** Why a `Service` principal value is invalid, or undefined when it is fine. */
function servicePrincipalProblem(value: string): string | undefined {
  if (/^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/.test(value)) return undefined;
  const hint = /^[a-z0-9-]+$/.test(value) ? ` Did you mean ${value}.amazonaws.com?` : '';
  return `"${value}" is not a service principal; service principals look like ec2.amazonaws.com.${hint}`;
}

/** Why a `Federated` principal value is invalid, or undefined when it is fine. */
function federatedPrincipalProblem(value: string): string | undefined {
  if (WEB_IDENTITY_PROVIDERS.includes(value)) return undefined;
  const arn = parseArn(value);
  if (arn !== null) {
    if (
      arn.service === 'iam' &&
      /^\d{12}$/.test(arn.account) &&
      /^(saml-provider|oidc-provider)\/.+/.test(arn.resource)
    ) {
      return undefined;
    }
    return 'A federated principal ARN names an identity provider: arn:aws:iam::123456789012:saml-provider/Name or …:oidc-provider/host.';
  }
  if (/^[a-z0-9.-]+\.[a-z]{2,}(\/.*)?$/i.test(value)) return undefined;
  return `"${value}" is not an identity provider; use an OIDC/SAML provider ARN or a provider such as accounts.google.com.`;
}
