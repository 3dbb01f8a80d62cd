/**
 * Table-test helpers for the evaluator: one row per case, one `it` per row, so a failing row
 * names itself. Condition rows build a clause the way the parser would and evaluate it directly;
 * decision rows go through `authorize` end to end.
 */
import { describe, expect, it } from 'vitest';
import { authorize, clauseHolds, compileClause, describeClause, normalizeCaller, RequestContext } from '../../../src/sim/authz/index.ts';
import type { AuthorizeInput, AuthorizeResult, Caller, Decision, PrincipalInput } from '../../../src/sim/authz/index.ts';
import { splitOperator } from '../../../src/sim/policy/index.ts';
import type { ConditionClause, SourceRange } from '../../../src/sim/policy/index.ts';

const NOWHERE: SourceRange = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };

/** Builds a clause as the parser would from `"<operatorText>": {"<key>": values}`. */
export function clause(operatorText: string, key: string, values: string | string[]): ConditionClause {
  const split = splitOperator(operatorText);
  const list = Array.isArray(values) ? values : [values];
  return {
    operatorText,
    operator: split.base,
    ...(split.qualifier === undefined ? {} : { qualifier: split.qualifier }),
    ifExists: split.ifExists,
    key,
    values: list.map((value) => ({ value, range: NOWHERE })),
    range: NOWHERE,
    operatorRange: NOWHERE,
  };
}

/** The default caller for condition rows: an IAM user with a tag. */
export const ALICE: PrincipalInput = { arn: 'arn:aws:iam::111122223333:user/alice', tags: { team: 'blue' } };

/** Normalises a principal, failing the test when it is not one. */
export function caller(principal: PrincipalInput = ALICE): Caller {
  const c = normalizeCaller(principal);
  if (typeof c === 'string') throw new Error(c);
  return c;
}

/** One condition row: the clause, the request value of its key (absent when omitted), the expectation. */
export interface ConditionRow {
  op: string;
  /** Defaults to `test:Key`. */
  key?: string;
  policy: string | string[];
  /** The request value of the key; omit (or undefined) for an absent key. */
  request?: string | string[];
  /** Extra request context. */
  context?: Record<string, string | string[]>;
  expect: boolean;
  /** Variables are substituted only for 2012-10-17 documents (the default here). */
  variables?: boolean;
  /** A fragment the explanation must contain. */
  detail?: string;
}

/** Evaluates one row: whether the clause holds, and its explanation. */
export function evaluateRow(row: ConditionRow): { holds: boolean; detail: string } {
  const key = row.key ?? 'test:Key';
  const context: Record<string, string | string[]> = { ...row.context };
  if (row.request !== undefined) context[key] = row.request;
  const cc = compileClause(clause(row.op, key, row.policy), row.variables ?? true);
  const ctx = new RequestContext(context, caller());
  return { holds: clauseHolds(cc, ctx), detail: describeClause(cc, ctx) };
}

/** A readable name for a row. */
function rowName(row: ConditionRow): string {
  const req = row.request === undefined ? 'absent' : JSON.stringify(row.request);
  return `${row.op} ${JSON.stringify(row.policy)} vs ${req} → ${row.expect ? 'holds' : 'fails'}`;
}

/** One `describe` with an `it` per row. */
export function conditionTable(title: string, rows: readonly ConditionRow[]): void {
  describe(title, () => {
    for (const row of rows) {
      it(rowName(row), () => {
        const { holds, detail } = evaluateRow(row);
        expect(holds, detail).toBe(row.expect);
        if (row.detail !== undefined) expect(detail).toContain(row.detail);
      });
    }
  });
}

/** One decision row. */
export interface DecisionRow {
  name: string;
  input: AuthorizeInput;
  expect: Decision;
  /** The policy type AWS would name in the AccessDenied message. */
  deniedBy?: string;
  /** Fragments the summary must contain. */
  summary?: string;
  /** Extra checks on the result. */
  check?: (result: AuthorizeResult) => void;
}

/** One `describe` with an `it` per decision row. */
export function decisionTable(title: string, rows: readonly DecisionRow[]): void {
  describe(title, () => {
    for (const row of rows) {
      it(row.name, () => {
        const result = authorize(row.input);
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        expect(result.decision, result.summary).toBe(row.expect);
        if (row.deniedBy !== undefined) expect(result.deniedBy).toBe(row.deniedBy);
        if (row.expect === 'Allow') expect(result.deniedBy).toBeUndefined();
        if (row.summary !== undefined) expect(result.summary).toContain(row.summary);
        row.check?.(result);
      });
    }
  });
}

/** A 2012-10-17 policy document from statements. */
export function doc(...statements: Record<string, unknown>[]): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: statements };
}

/** An Allow statement for identity-side policies. */
export function allow(action: string | string[], resource: string | string[] = '*', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Effect: 'Allow', Action: action, Resource: resource, ...extra };
}

/** A Deny statement for identity-side policies. */
export function deny(action: string | string[], resource: string | string[] = '*', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Effect: 'Deny', Action: action, Resource: resource, ...extra };
}

/** The allow-everything policy AWS attaches as FullAWSAccess / RCPFullAWSAccess. */
export const FULL_ACCESS = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
/** RCPFullAWSAccess: RCPs name `"*"` as principal. */
export const RCP_FULL_ACCESS = doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' });
