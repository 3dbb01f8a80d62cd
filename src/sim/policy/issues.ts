/**
 * The stable issue codes and the collector the validators write into.
 *
 * Codes are part of the public contract: lessons, exercises and tests refer to them, so they
 * are only ever added, never renamed.
 */
import type { JsonNode, LineIndex } from './json-ast.ts';
import type { PolicyIssue, Severity, SourceRange } from './types.ts';

/** Every issue code with what it means. */
export const ISSUE_CODES = {
  JSON_SYNTAX: 'The text is not valid JSON.',
  INTERNAL_ERROR: 'The checker itself failed on this document (a bug; the document may be fine).',
  INVALID_DOCUMENT:
    'The value handed to the parser cannot be turned into JSON text, or the policy kind is unknown.',
  NOT_AN_OBJECT: 'The document is valid JSON but not an object.',
  DUPLICATE_KEY: 'The same key appears twice in one JSON object.',
  INVALID_CHARACTER: 'A character outside tab, line feed, carriage return and U+0020–U+00FF.',
  POLICY_TOO_LARGE: 'The document is over the size limit for its kind.',
  WRONG_TYPE: 'An element has the wrong JSON type (for example a number where a string belongs).',
  EMPTY_ELEMENT: 'An element is an empty array or object where at least one entry is needed.',
  UNKNOWN_ELEMENT: 'A key that is not a policy element.',
  ELEMENT_CASE: 'A policy element name with the wrong capitalisation.',
  ELEMENT_NOT_SUPPORTED:
    'An element this kind of policy does not support (for example NotAction in an RCP).',
  INVALID_VERSION:
    'A Version other than 2012-10-17 or 2008-10-17 (or one the policy kind does not accept).',
  MISSING_VERSION: 'A policy kind that requires the Version element has none.',
  VARIABLES_LITERAL:
    'Policy variables are used without Version 2012-10-17, so they are plain text.',
  ID_NOT_SUPPORTED:
    'An Id element in a policy kind for which AWS documents none (identity-side, SCP, RCP).',
  MISSING_STATEMENT: 'No Statement element, or an empty one.',
  INVALID_SID: 'A Sid with characters this kind of policy does not accept.',
  DUPLICATE_SID: 'Two statements share a Sid.',
  MISSING_EFFECT: 'A statement without Effect.',
  INVALID_EFFECT: 'An Effect other than exactly Allow or Deny.',
  MISSING_ACTION: 'A statement with neither Action nor NotAction.',
  ACTION_AND_NOTACTION: 'A statement with both Action and NotAction.',
  INVALID_ACTION: 'An action not written as service:Action (or "*").',
  MISSING_RESOURCE: 'A statement with neither Resource nor NotResource where one is required.',
  RESOURCE_AND_NOTRESOURCE: 'A statement with both Resource and NotResource.',
  RESOURCE_NOT_ALLOWED: 'Resource/NotResource in a role trust policy, where IAM prohibits it.',
  INVALID_ARN: 'A resource that is neither "*" nor a well-formed ARN.',
  MISSING_PRINCIPAL: 'A statement without Principal in a policy kind that requires one.',
  PRINCIPAL_AND_NOTPRINCIPAL: 'A statement with both Principal and NotPrincipal.',
  PRINCIPAL_NOT_ALLOWED: 'Principal or NotPrincipal in a policy kind that does not take one.',
  NOTPRINCIPAL_NOT_ALLOWED: 'NotPrincipal in a role trust policy, SCP or RCP.',
  NOTPRINCIPAL_WITH_ALLOW: 'NotPrincipal together with "Effect": "Allow".',
  UNKNOWN_PRINCIPAL_TYPE: 'A principal type other than AWS, Service, Federated or CanonicalUser.',
  INVALID_PRINCIPAL: 'A principal value that is not a valid account, ARN, service or provider.',
  PRINCIPAL_PARTIAL_WILDCARD: 'A wildcard inside a principal value other than a lone "*".',
  RCP_PRINCIPAL_NOT_STAR: 'An RCP statement whose Principal is not "*".',
  RCP_ALLOW_NOT_SUPPORTED:
    'An Allow statement in an RCP other than the AWS managed RCPFullAWSAccess.',
  TRUST_WILDCARD_PRINCIPAL: 'A role trust policy that lets any principal assume the role.',
  TRUST_ACTION: 'A role trust policy action that is not an sts action.',
  VARIABLE_NOT_ALLOWED: 'A policy variable where AWS does not substitute variables.',
  UNKNOWN_CONDITION_OPERATOR: 'A condition operator AWS does not define.',
  IFEXISTS_ON_NULL: 'The IfExists suffix on the Null operator.',
  INVALID_CONDITION_KEY: 'A condition key that is not written prefix:name.',
  INVALID_NUMERIC_VALUE: 'A Numeric operator value that is not a number.',
  INVALID_DATE_VALUE: 'A Date operator value that is neither an ISO 8601 date nor epoch seconds.',
  INVALID_IP_VALUE: 'An IpAddress operator value that is not an IPv4/IPv6 address or CIDR block.',
  INVALID_BOOL_VALUE: 'A Bool operator value other than true or false.',
  INVALID_NULL_VALUE: 'A Null operator value other than true or false.',
  INVALID_BINARY_VALUE: 'A BinaryEquals value that is not base-64.',
  UNKNOWN_ACTION: 'With a catalog: an action the service does not have.',
  ACTION_MATCHES_NOTHING:
    'With a catalog: an action pattern that matches no action of the service.',
  UNKNOWN_CONDITION_KEY:
    'With a catalog: a condition key that is neither global nor defined by its service.',
} as const;

/** A stable issue code. */
export type IssueCode = keyof typeof ISSUE_CODES;

/** Collects issues while the validators walk a document. */
export class IssueSink {
  /** The issues in the order found. */
  readonly issues: PolicyIssue[] = [];
  /** When true, issues are dropped (used to build the AST of a syntactically broken document). */
  muted = false;

  /** Creates a sink that turns nodes into ranges with `lines`. */
  constructor(readonly lines: LineIndex) {}

  /** Records an issue at an explicit range. */
  add(
    code: IssueCode,
    severity: Severity,
    path: string,
    range: SourceRange,
    message: string,
  ): void {
    if (!this.muted) this.issues.push({ code, severity, path, range, message });
  }

  /** Records an issue on a node. */
  at(node: JsonNode, code: IssueCode, severity: Severity, path: string, message: string): void {
    this.add(code, severity, path, this.lines.rangeOf(node), message);
  }

  /** Records an error on a node. */
  error(node: JsonNode, code: IssueCode, path: string, message: string): void {
    this.at(node, code, 'error', path, message);
  }

  /** Records a warning on a node. */
  warn(node: JsonNode, code: IssueCode, path: string, message: string): void {
    this.at(node, code, 'warning', path, message);
  }
}

/** Appends an object key to a JSON path (`Statement[0]` + `Effect` → `Statement[0].Effect`). */
export function childPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Appends an array index to a JSON path. */
export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** Describes a JSON kind with its article, for messages ("an array", "a number"). */
export function aKind(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}
