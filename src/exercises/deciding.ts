/**
 * Finding the statement that decided a call in the learner's own documents: the evaluator names
 * a deciding statement by policy type and index, and this matches it to an edited document (by
 * kind, target and the statement's range), so the editor can highlight it and the explanation
 * can name it ("Statement[1] (Sid "ReadReports") in Trust policy of role Auditor").
 */
import { parsePolicy } from '../sim/policy/index.ts';
import { statementName, statementRange } from '../sim/policy/statement-ranges.ts';
import type {
  AuthorizeResult,
  Policy,
  PolicySource,
  SourceRange,
  StatementTrace,
} from '../sim/index.ts';
import { POLICY_KIND } from './install.ts';
import type { Actor, Editable, EditableKind } from './schema.ts';

/** A deciding statement located in one of the learner's documents. */
export interface DecidingStatement {
  /** The editable id of the document. */
  editable: string;
  /** The document's label, as its editor is named. */
  label: string;
  /** Position in the Statement array. */
  statementIndex: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** Where the statement is written in the learner's text. */
  range: SourceRange;
  /** `Statement[1] (Sid "ReadReports") in Trust policy of role Auditor`. */
  text: string;
}

/** A learner's document, parsed. */
export interface EditedPolicy {
  editable: Editable;
  policy: Policy;
}

/** What the request was about, to tell apart two edited documents of the same kind. */
export interface LocateHint {
  /** Users whose identity policy or boundary may have decided (the caller, the user behind a role session). */
  users?: readonly string[];
  /** Roles whose policies may have decided (the caller's role, the role being assumed). */
  roles?: readonly string[];
  /** The bucket the request was about. */
  buckets?: readonly string[];
}

/** The editable kinds that can hold a statement of each policy type. */
const KINDS_OF: Readonly<Record<PolicySource, readonly EditableKind[]>> = {
  identity: ['identity-policy'],
  trust: ['trust-policy'],
  resource: ['bucket-policy', 'lambda-policy'],
  boundary: ['permissions-boundary'],
  session: ['session-policy'],
  scp: ['scp'],
  rcp: [],
};

/** Parses the learner's documents (those that are JSON objects at all). */
export function editedPolicies(
  editables: readonly Editable[],
  texts: Readonly<Record<string, string>>,
): EditedPolicy[] {
  const out: EditedPolicy[] = [];
  for (const editable of editables) {
    const policy = parsePolicy(
      texts[editable.id] ?? editable.starter,
      POLICY_KIND[editable.kind],
    ).policy;
    if (policy !== null) out.push({ editable, policy });
  }
  return out;
}

const sameRange = (a: SourceRange, b: SourceRange): boolean =>
  a.startLine === b.startLine &&
  a.startColumn === b.startColumn &&
  a.endLine === b.endLine &&
  a.endColumn === b.endColumn;

/** Whether the hint rules a document out (it names who or what the request was about, and this target is not among them). */
function excluded(editable: Editable, hint: LocateHint): boolean {
  const t = editable.target;
  if ('bucket' in t) return hint.buckets !== undefined && !hint.buckets.includes(t.bucket);
  if ('role' in t) return hint.roles !== undefined && !hint.roles.includes(t.role);
  if ('sessionPolicyFor' in t)
    return hint.roles !== undefined && !hint.roles.includes(t.sessionPolicyFor);
  if ('user' in t) return hint.users !== undefined && !hint.users.includes(t.user);
  // An SCP or a function policy: the hint says nothing about them.
  return false;
}

/** The edited document and statement a trace points at, or undefined when it is in a document the learner did not edit. */
export function locateTrace(
  trace: StatementTrace,
  edited: readonly EditedPolicy[],
  hint: LocateHint = {},
): DecidingStatement | undefined {
  const kinds = KINDS_OF[trace.source];
  for (const { editable, policy } of edited) {
    if (!kinds.includes(editable.kind) || excluded(editable, hint)) continue;
    const statement = policy.statements.find((s) => s.index === trace.statementIndex);
    const range = statementRange(policy, trace.statementIndex);
    if (statement === undefined || range === undefined) continue;
    if (
      statement.effect !== trace.effect ||
      statement.sid !== trace.sid ||
      !sameRange(range, trace.range)
    )
      continue;
    const located: DecidingStatement = {
      editable: editable.id,
      label: editable.label,
      statementIndex: trace.statementIndex,
      effect: trace.effect,
      range,
      text: `${statementName(trace.statementIndex, trace.sid)} in ${editable.label}`,
    };
    if (trace.sid !== undefined) located.sid = trace.sid;
    return located;
  }
  return undefined;
}

/**
 * Every deciding statement of a decision that is in one of the learner's documents: the Deny
 * that denied, or the Allows that granted. Empty for an implicit deny (nothing decided it; a
 * statement is missing) and when only documents the learner did not edit decided.
 */
export function decidingInEdited(
  result: AuthorizeResult | undefined,
  edited: readonly EditedPolicy[],
  hint: LocateHint = {},
): DecidingStatement[] {
  if (result === undefined || edited.length === 0) return [];
  const out: DecidingStatement[] = [];
  for (const trace of result.deciding) {
    const located = locateTrace(trace, edited, hint);
    if (
      located !== undefined &&
      !out.some(
        (d) => d.editable === located.editable && d.statementIndex === located.statementIndex,
      )
    )
      out.push(located);
  }
  return out;
}

/** Who and what a check's call is about: its actor (and the user behind a role session), the role it assumes, the bucket it names. */
export function checkHint(actor: Actor, params: Readonly<Record<string, unknown>>): LocateHint {
  const users: string[] = [];
  const roles: string[] = [];
  const buckets: string[] = [];
  if (actor !== 'anonymous' && !('root' in actor) && !('service' in actor)) {
    if ('user' in actor) users.push(actor.user);
    else {
      roles.push(actor.role);
      if (actor.via !== undefined && 'user' in actor.via) users.push(actor.via.user);
    }
  }
  const roleArn = params['RoleArn'];
  if (typeof roleArn === 'string') roles.push(roleArn.split('/').pop() ?? '');
  const bucket = params['Bucket'];
  if (typeof bucket === 'string') buckets.push(bucket);
  return { users, roles, buckets };
}
