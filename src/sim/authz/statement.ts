/**
 * Matching one statement against the request: principal (resource-based policies only), action,
 * resource, then conditions — in that order, so a trace can say which part failed first.
 *
 * Statements are compiled once (matchers built, condition values prepared) and the compiled form
 * is cached on the statement object, so a policy evaluated a million times is compiled once.
 */
import type { Located, Policy, SourceRange, Statement } from '../policy/types.ts';
import { compileResourcePattern } from './arn-match.ts';
import type { Caller } from './caller.ts';
import { clauseHolds, compileClause, describeClause } from './conditions/evaluate.ts';
import type { CompiledClause } from './conditions/evaluate.ts';
import type { RequestContext } from './context.ts';
import { describePrincipalSpec, matchPrincipal, notPrincipalApplies } from './principal-match.ts';
import type { PrincipalForm } from './principal-match.ts';
import type { PolicySource, StatementTrace } from './types.ts';
import { parseResourceTemplate, resolveTemplate, templateKeys } from './variables.ts';
import type { Template } from './variables.ts';
import { compileGlob } from './wildcard.ts';
import type { Matcher } from './wildcard.ts';

/** One Resource/NotResource entry: a matcher, or a template filled in per request. */
type ResourceEntry = { matcher: Matcher; template?: undefined } | { matcher?: undefined; template: Template };

/** A statement prepared for fast matching. */
export interface CompiledStatement {
  statement: Statement;
  /** Lowercased action matchers (actions are case-insensitive); undefined when neither element is present. */
  actions: Matcher[] | undefined;
  notAction: boolean;
  /** Resource matchers; undefined when the statement has neither Resource nor NotResource. */
  resources: ResourceEntry[] | undefined;
  notResource: boolean;
  conditions: CompiledClause[];
  /** Short texts for explanations, built once. */
  actionText: string;
  resourceText: string;
  actionRange: SourceRange | undefined;
  resourceRange: SourceRange | undefined;
  /** Some Resource entry holds a variable (only then can one lack a value). */
  hasTemplates: boolean;
  /** What the Principal element names, for explanations. */
  principalText: string;
}

/** Where the statement's parts are looked up from: everything a statement needs from the request. */
export interface MatchEnv {
  caller: Caller;
  /** The action as requested, for explanations. */
  action: string;
  /** The action lowercased, for matching. */
  actionLower: string;
  resource: string;
  ctx: RequestContext;
  /** The caller has a permissions boundary (NotPrincipal then always applies). */
  hasBoundary: boolean;
}

/** What matching one statement produced. */
export interface StatementResult {
  trace: StatementTrace;
  /** For a matched statement with a Principal: how it named the caller. */
  form: PrincipalForm | null;
}

/** The range from the first to the last located value. */
function spanOf(values: readonly Located<string>[] | undefined): SourceRange | undefined {
  const first = values?.[0];
  const last = values?.[values.length - 1];
  if (first === undefined || last === undefined) return undefined;
  return { startLine: first.range.startLine, startColumn: first.range.startColumn, endLine: last.range.endLine, endColumn: last.range.endColumn };
}

/** A short list of written values, for explanations. */
function listText(values: readonly Located<string>[] | undefined): string {
  if (values === undefined || values.length === 0) return '';
  const shown = values.slice(0, 3).map((v) => v.value).join(', ');
  return values.length > 3 ? `${shown} and ${values.length - 3} more` : shown;
}

const compiled = new WeakMap<Statement, CompiledStatement>();

/** Compiles (or fetches the cached compilation of) a statement of `policy`. */
export function compileStatement(statement: Statement, policy: Policy): CompiledStatement {
  const hit = compiled.get(statement);
  if (hit !== undefined) return hit;
  // Variables are substituted only under the current policy language version (IAM Version page).
  const variables = policy.version === '2012-10-17';
  const actionValues = statement.action ?? statement.notAction;
  const resourceValues = statement.resource ?? statement.notResource;
  const resources = resourceValues?.map((r): ResourceEntry => {
    const t = variables ? parseResourceTemplate(r.value) : r.value;
    return typeof t === 'string' ? { matcher: compileResourcePattern(t) } : { template: t };
  });
  const result: CompiledStatement = {
    statement,
    actions: actionValues?.map((a) => compileGlob(a.value.toLowerCase())),
    notAction: statement.action === undefined && statement.notAction !== undefined,
    resources,
    hasTemplates: resources?.some((r) => r.template !== undefined) ?? false,
    principalText: statement.principal === undefined ? '' : describePrincipalSpec(statement.principal),
    notResource: statement.resource === undefined && statement.notResource !== undefined,
    conditions: statement.conditions.map((c) => compileClause(c, variables)),
    actionText: listText(actionValues),
    resourceText: listText(resourceValues),
    actionRange: spanOf(actionValues),
    resourceRange: spanOf(resourceValues),
  };
  compiled.set(statement, result);
  return result;
}

/** Whether an entry of the resource element covers the request's resource. */
function resourceHit(entries: readonly ResourceEntry[], env: MatchEnv): boolean {
  for (const entry of entries) {
    if (entry.matcher !== undefined) {
      if (entry.matcher(env.resource)) return true;
      continue;
    }
    const resolved = resolveTemplate(entry.template, env.ctx);
    // A variable with no value makes this entry match no resource at all (IAM variables page).
    if (resolved !== null && compileResourcePattern(resolved)(env.resource)) return true;
  }
  return false;
}

/** The keys of the entries' variables that have no value in this request (for explanations). */
function missingKeys(entries: readonly ResourceEntry[], env: MatchEnv): string[] {
  const missing: string[] = [];
  for (const entry of entries) {
    if (entry.template !== undefined && resolveTemplate(entry.template, env.ctx) === null) missing.push(...templateKeys(entry.template));
  }
  return missing;
}

/** Builds the trace object; `detail` is a short sentence filled from templates. */
function trace(
  source: PolicySource,
  policyIndex: number,
  st: Statement,
  matched: boolean,
  detail: string,
  failedOn?: StatementTrace['failedOn'],
  failedRange?: SourceRange,
): StatementTrace {
  const t: StatementTrace = { source, policyIndex, statementIndex: st.index, effect: st.effect, matched, detail, range: st.range };
  if (st.sid !== undefined) t.sid = st.sid;
  if (failedOn !== undefined) t.failedOn = failedOn;
  if (failedRange !== undefined) t.failedRange = failedRange;
  return t;
}

/**
 * Matches a compiled statement. `withPrincipal` is true for resource-based policies (resource,
 * trust, RCP), where the Principal element decides who the statement is about.
 */
export function matchStatement(
  cs: CompiledStatement,
  env: MatchEnv,
  source: PolicySource,
  policyIndex: number,
  withPrincipal: boolean,
): StatementResult {
  const st = cs.statement;
  let form: PrincipalForm | null = null;
  if (withPrincipal) {
    if (st.principal !== undefined) {
      form = matchPrincipal(st.principal, env.caller);
      if (form === null) {
        const detail = `Principal does not name ${env.caller.arn} (it names ${cs.principalText})`;
        return { form, trace: trace(source, policyIndex, st, false, detail, 'principal', st.principal.range) };
      }
    } else if (st.notPrincipal !== undefined) {
      // NotPrincipal is only supported with Deny (NotPrincipal page); with Allow it grants nothing.
      if (st.effect === 'Allow' || !notPrincipalApplies(st.notPrincipal, env.caller, env.hasBoundary)) {
        const detail = st.effect === 'Allow'
          ? 'NotPrincipal with Allow is not supported by AWS, so this statement grants nothing'
          : `NotPrincipal lists ${env.caller.arn} (and every identity it acts as), so this Deny does not apply to it`;
        return { form, trace: trace(source, policyIndex, st, false, detail, 'principal', st.notPrincipal.range) };
      }
      form = 'any';
    } else {
      return { form, trace: trace(source, policyIndex, st, false, 'The statement has no Principal, so it applies to nobody', 'principal', st.range) };
    }
  }
  if (cs.actions !== undefined) {
    let hit = false;
    for (const m of cs.actions) {
      if (m(env.actionLower)) {
        hit = true;
        break;
      }
    }
    if (hit === cs.notAction) {
      const detail = cs.notAction
        ? `${env.action} is listed in NotAction (${cs.actionText})`
        : `Action does not cover ${env.action} (it lists ${cs.actionText})`;
      return { form, trace: trace(source, policyIndex, st, false, detail, 'action', cs.actionRange) };
    }
  }
  if (cs.resources !== undefined) {
    if (resourceHit(cs.resources, env) === cs.notResource) {
      let detail = cs.notResource
        ? `${env.resource} is listed in NotResource (${cs.resourceText})`
        : `Resource does not cover ${env.resource} (it lists ${cs.resourceText})`;
      const missing = cs.hasTemplates && !cs.notResource ? missingKeys(cs.resources, env) : [];
      if (missing.length > 0) detail += `; \${${missing.join('}, ${')}} has no value in this request`;
      return { form, trace: trace(source, policyIndex, st, false, detail, 'resource', cs.resourceRange) };
    }
  }
  for (const cc of cs.conditions) {
    if (!clauseHolds(cc, env.ctx)) {
      const detail = `Condition not met: ${describeClause(cc, env.ctx, false)}`;
      return { form, trace: trace(source, policyIndex, st, false, detail, 'condition', cc.clause.range) };
    }
  }
  const verb = st.effect === 'Allow' ? 'Allows' : 'Denies';
  let detail = `${verb} ${env.action} on ${env.resource}`;
  const conditions = cs.conditions;
  if (conditions.length > 0) {
    detail += ' (conditions met: ';
    for (let i = 0; i < conditions.length; i++) {
      const cc = conditions[i];
      if (cc !== undefined) detail += (i > 0 ? '; ' : '') + describeClause(cc, env.ctx, true);
    }
    detail += ')';
  }
  return { form, trace: trace(source, policyIndex, st, true, detail) };
}
