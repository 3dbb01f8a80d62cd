/**
 * The typed form of an IAM policy document, as produced by the parser and read by the evaluator.
 *
 * Raw learner text is parsed once at the edge; everything after that sees only these types.
 * Every node keeps the source range it came from, so an issue or a deciding statement can be
 * shown as an editor marker on the exact characters.
 */

/** A span of source text. Lines and columns are 1-based, the end column exclusive (Monaco's convention). */
export interface SourceRange {
  /** 1-based line of the first character. */
  startLine: number;
  /** 1-based column of the first character. */
  startColumn: number;
  /** 1-based line of the last character. */
  endLine: number;
  /** 1-based column just past the last character. */
  endColumn: number;
}

/** How serious a policy issue is: errors make AWS reject the document, warnings do not. */
export type Severity = 'error' | 'warning' | 'info';

/** One problem found in a policy document. */
export interface PolicyIssue {
  /** Stable machine-readable code, e.g. `MISSING_RESOURCE`; tests and lessons rely on it. */
  code: string;
  /** Whether AWS would reject the document (`error`) or only a linter would complain. */
  severity: Severity;
  /** Where in the document, as a JSON path such as `Statement[1].Condition.StringEquals`. */
  path: string;
  /** The characters to underline in the editor. */
  range: SourceRange;
  /** One clear sentence a learner understands. */
  message: string;
}

/**
 * Which kind of policy a document is. The kind decides which elements are required or
 * forbidden (Principal, Resource), which effects are allowed and the size limit.
 */
export type PolicyKind =
  | 'identity'
  | 'boundary'
  | 'session'
  | 'scp'
  | 'rcp'
  | 's3-bucket'
  | 'role-trust'
  | 'lambda-function'
  | 'kms-key'
  | 'sqs-queue';

/** A value together with where it was written. */
export interface Located<T> {
  value: T;
  range: SourceRange;
}

/** The principal types a Principal/NotPrincipal map may name. */
export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

/** A parsed Principal or NotPrincipal element. `"*"` alone becomes `{ kind: 'any' }`. */
export type PrincipalSpec =
  | { kind: 'any'; range: SourceRange }
  | {
      kind: 'map';
      range: SourceRange;
      /** Values per principal type, each with its own range. `{"AWS": "*"}` keeps `"*"` as a value. */
      entries: { type: PrincipalType; values: Located<string>[] }[];
    };

/** Set qualifier in front of a condition operator. */
export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

/** One `"Operator": { "key": values }` pair, split into its parts. */
export interface ConditionClause {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  operatorText: string;
  /** The base operator without qualifier or IfExists, e.g. `StringLike`. */
  operator: string;
  /** `ForAllValues` / `ForAnyValue`, when written. */
  qualifier?: SetQualifier;
  /** Whether the operator ended in `IfExists`. */
  ifExists: boolean;
  /** The condition key as written (keys are compared case-insensitively). */
  key: string;
  /** The values; a single string or number in the JSON becomes a one-element list. JSON numbers and booleans are kept as their text. */
  values: Located<string>[];
  /** The range of the key (`"aws:SourceIp": [...]`), for highlighting. */
  range: SourceRange;
  /** The range of the operator key. */
  operatorRange: SourceRange;
}

/** One statement of a policy. */
export interface Statement {
  /** Position in the Statement array (0 when Statement is a single object). */
  index: number;
  /** The Sid, when present. */
  sid?: string;
  effect: 'Allow' | 'Deny';
  principal?: PrincipalSpec;
  notPrincipal?: PrincipalSpec;
  action?: Located<string>[];
  notAction?: Located<string>[];
  resource?: Located<string>[];
  notResource?: Located<string>[];
  /** Every clause of the Condition element; all of them must hold (AND). */
  conditions: ConditionClause[];
  /** The range of the whole statement object. */
  range: SourceRange;
}

/** A parsed policy document. */
export interface Policy {
  kind: PolicyKind;
  /** `2012-10-17`, `2008-10-17`, or undefined when absent (then variables are not substituted). */
  version?: '2012-10-17' | '2008-10-17';
  id?: string;
  statements: Statement[];
}

/** What the parser returns: the policy when the document could be understood, and every issue. */
export interface ParseResult {
  /** Null only when the text is not a JSON object at all. Present (possibly partial) otherwise. */
  policy: Policy | null;
  issues: PolicyIssue[];
}
