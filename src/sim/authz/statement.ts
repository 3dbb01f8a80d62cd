/**
 * Matching one statement against the request: principal (resource-based policies only), action,
 * resource, then conditions — in that order, so a trace can say which part failed first.
 *
 * Statements are compiled once (matchers built, condition values prepared) and the compiled form
 * is cached on the statement object, so a policy evaluated a million times is compiled once.
 */
import type { Located, Policy, SourceRange, Statement } from '../policy/types.ts';
import { resourcePattern } from './arn-match.ts';
import type { Caller } from './caller.ts';
import { clauseHolds, compileClause, describeClause } from './conditions/evaluate.ts';
import type { CompiledClause } from './conditions/evaluate.ts';
import type { RequestContext } from './context.ts';
import { compilePrincipal, describePrincipalSpec, matchCompiledPrincipal, notPrincipalApplies } from './principal-match.ts';
import type { CompiledPrincipal, PrincipalForm } from './principal-match.ts';
import type { PolicySource, StatementTrace } from './types.ts';
import { parseResourceTemplate, resolveTemplate, templateKeys } from './variables.ts';
import type { Template } from './variables.ts';
import { globPattern, patternMatches } from './wildcard.ts';
import type { Pattern } from './wildcard.ts';

/** One Resource/NotResource entry: a pattern, or a template filled in per request. */
type ResourceEntry = { pattern: Pattern; template?: undefined } | { pattern?: undefined; template: Template };

/** A statement prepared for fast matching. */
export interface CompiledStatement {
  statement: Statement;
  /** The statement's Effect, index, Sid and range (copied so matching need not reach into the statement). */
  effect: 'Allow' | 'Deny';
  index: number;
  sid: string | undefined;
  range: SourceRange;
  /** The Principal element classified for matching; undefined when there is none. */
  principal: CompiledPrincipal | undefined;
  /** Lowercased action patterns (actions are case-insensitive); undefined when neither element is present. */
  actions: Pattern[] | undefined;
  /** The pattern when `actions` has exactly one (the common case: matched without reaching into the list). */
  onlyAction: Pattern | undefined;
  notAction: boolean;
  /** Resource patterns; undefined when the statement has neither Resource nor NotResource. */
  resources: ResourceEntry[] | undefined;
  /** The pattern when `resources` is exactly one entry without variables (the common case). */
  onlyResource: Pattern | undefined;
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
  /** Set by `matchStatement`: for a matched statement with a Principal, how it named the caller. */
  form: PrincipalForm | null;
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
    return typeof t === 'string' ? { pattern: resourcePattern(t) } : { template: t };
  });
  const actions = actionValues?.map((a) => globPattern(a.value.toLowerCase()));
  // The fields matching reads are listed first, in the order it reads them, so they share the
  // object's first cache line or two (an object's fields are laid out in the literal's order).
  const onlyResource = resources?.length === 1 ? resources[0]?.pattern : undefined;
  const result: CompiledStatement = {
    principal: statement.principal === undefined ? undefined : compilePrincipal(statement.principal),
    onlyAction: actions?.length === 1 ? actions[0] : undefined,
    notAction: statement.action === undefined && statement.notAction !== undefined,
    onlyResource,
    notResource: statement.resource === undefined && statement.notResource !== undefined,
    conditions: statement.conditions.map((c) => compileClause(c, variables)),
    actions,
    resources,
    statement,
    effect: statement.effect,
    index: statement.index,
    sid: statement.sid,
    range: statement.range,
    actionText: listText(actionValues),
    actionRange: spanOf(actionValues),
    resourceText: listText(resourceValues),
    resourceRange: spanOf(resourceValues),
    hasTemplates: resources?.some((r) => r.template !== undefined) ?? false,
    principalText: statement.principal === undefined ? '' : describePrincipalSpec(statement.principal),
  };
  compiled.set(statement, result);
  return result;
}

/** Whether an entry of the resource element covers the request's resource. */
function resourceHit(entries: readonly ResourceEntry[], env: MatchEnv): boolean {
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as ResourceEntry;
    if (entry.pattern !== undefined) {
      if (patternMatches(entry.pattern, env.resource)) return true;
      continue;
    }
    const resolved = resolveTemplate(entry.template, env.ctx);
    // A variable with no value makes this entry match no resource at all (IAM variables page).
    if (resolved !== null && patternMatches(resourcePattern(resolved), env.resource)) return true;
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
  cs: CompiledStatement,
  matched: boolean,
  detail: string,
  failedOn?: StatementTrace['failedOn'],
  failedRange?: SourceRange,
): StatementTrace {
  // One literal per combination of optional fields, each in the order the fields were always
  // written (sid, failedOn, failedRange after range): the object is built whole, in one shape,
  // instead of growing property by property.
  const statementIndex = cs.index;
  const effect = cs.effect;
  const range = cs.range;
  const sid = cs.sid;
  if (failedOn === undefined) {
    if (sid === undefined) return { source, policyIndex, statementIndex, effect, matched, detail, range };
    return { source, policyIndex, statementIndex, effect, matched, detail, range, sid };
  }
  if (failedRange === undefined) {
    if (sid === undefined) return { source, policyIndex, statementIndex, effect, matched, detail, range, failedOn };
    return { source, policyIndex, statementIndex, effect, matched, detail, range, sid, failedOn };
  }
  if (sid === undefined) return { source, policyIndex, statementIndex, effect, matched, detail, range, failedOn, failedRange };
  return { source, policyIndex, statementIndex, effect, matched, detail, range, sid, failedOn, failedRange };
}

/**
 * Why a statement does not apply, as `statementMiss` reports it: `MATCHED` when it applies, a
 * part of the statement otherwise, and `MISS_CONDITION + i` when the i-th condition clause fails.
 * Numbers rather than objects, so deciding alone (without explaining) allocates nothing.
 */
export const MATCHED = 0;
const MISS_NO_PRINCIPAL = 1;
const MISS_PRINCIPAL = 2;
const MISS_NOT_PRINCIPAL_ALLOW = 3;
const MISS_NOT_PRINCIPAL_LISTED = 4;
const MISS_ACTION = 5;
const MISS_RESOURCE = 6;
const MISS_CONDITION = 16;

/**
 * Whether a compiled statement applies to the request: principal (when `withPrincipal`), action,
 * resource, then conditions, stopping at the first part that fails. `withPrincipal` is true for
 * resource-based policies (resource, trust, RCP), where the Principal element decides who the
 * statement is about. Sets `env.form` (how the Principal named the caller, or null) as a second
 * result, so no wrapper is allocated. The one place the matching rules live: `matchStatement`
 * puts its answer into words.
 */
export function statementMiss(cs: CompiledStatement, env: MatchEnv, withPrincipal: boolean): number {
  env.form = null;
  if (withPrincipal) {
    // `cs.principal` is set exactly when the statement has a Principal element.
    if (cs.principal !== undefined) {
      const form = matchCompiledPrincipal(cs.principal, env.caller);
      if (form === null) return MISS_PRINCIPAL;
      env.form = form;
    } else if (cs.statement.notPrincipal !== undefined) {
      // NotPrincipal is only supported with Deny (NotPrincipal page); with Allow it grants nothing.
      if (cs.effect === 'Allow') return MISS_NOT_PRINCIPAL_ALLOW;
      if (!notPrincipalApplies(cs.statement.notPrincipal, env.caller, env.hasBoundary)) return MISS_NOT_PRINCIPAL_LISTED;
      env.form = 'any';
    } else {
      return MISS_NO_PRINCIPAL;
    }
  }
  const actions = cs.actions;
  if (actions !== undefined) {
    const onlyAction = cs.onlyAction;
    const actionLower = env.actionLower;
    let hit = false;
    if (onlyAction !== undefined) hit = patternMatches(onlyAction, actionLower);
    else {
      for (let i = 0; i < actions.length; i++) {
        if (patternMatches(actions[i] as Pattern, actionLower)) {
          hit = true;
          break;
        }
      }
    }
    if (hit === cs.notAction) return missed(env, MISS_ACTION);
  }
  if (cs.resources !== undefined) {
    const onlyResource = cs.onlyResource;
    const hit = onlyResource !== undefined ? patternMatches(onlyResource, env.resource) : resourceHit(cs.resources, env);
    if (hit === cs.notResource) return missed(env, MISS_RESOURCE);
  }
  const conditions = cs.conditions;
  for (let i = 0; i < conditions.length; i++) {
    if (!clauseHolds(conditions[i] as CompiledClause, env.ctx)) return missed(env, MISS_CONDITION + i);
  }
  return MATCHED;
}

/** A miss after the principal matched: the statement does not apply, so it names nobody. */
function missed(env: MatchEnv, code: number): number {
  env.form = null;
  return code;
}

/**
 * Matches a compiled statement and says why it does or does not apply, with the values
 * compared (see `statementMiss` for the order and `env.form`).
 */
export function matchStatement(
  cs: CompiledStatement,
  env: MatchEnv,
  source: PolicySource,
  policyIndex: number,
  withPrincipal: boolean,
): StatementTrace {
  const miss = statementMiss(cs, env, withPrincipal);
  switch (miss) {
    case MATCHED:
      return trace(source, policyIndex, cs, true, appliesText(cs, env));
    case MISS_PRINCIPAL:
      return trace(source, policyIndex, cs, false, `Principal does not name ${env.caller.arn} (it names ${cs.principalText})`, 'principal', cs.statement.principal?.range);
    case MISS_NOT_PRINCIPAL_ALLOW:
      return trace(source, policyIndex, cs, false, 'NotPrincipal with Allow is not supported by AWS, so this statement grants nothing', 'principal', cs.statement.notPrincipal?.range);
    case MISS_NOT_PRINCIPAL_LISTED:
      return trace(
        source,
        policyIndex,
        cs,
        false,
        `NotPrincipal lists ${env.caller.arn} (and every identity it acts as), so this Deny does not apply to it`,
        'principal',
        cs.statement.notPrincipal?.range,
      );
    case MISS_NO_PRINCIPAL:
      return trace(source, policyIndex, cs, false, 'The statement has no Principal, so it applies to nobody', 'principal', cs.range);
    case MISS_ACTION: {
      const detail = cs.notAction
        ? `${env.action} is listed in NotAction (${cs.actionText})`
        : `Action does not cover ${env.action} (it lists ${cs.actionText})`;
      return trace(source, policyIndex, cs, false, detail, 'action', cs.actionRange);
    }
    case MISS_RESOURCE: {
      let detail = cs.notResource
        ? `${env.resource} is listed in NotResource (${cs.resourceText})`
        : `Resource does not cover ${env.resource} (it lists ${cs.resourceText})`;
      const missing = cs.hasTemplates && !cs.notResource && cs.resources !== undefined ? missingKeys(cs.resources, env) : [];
      if (missing.length > 0) detail += `; \${${missing.join('}, ${')}} has no value in this request`;
      return trace(source, policyIndex, cs, false, detail, 'resource', cs.resourceRange);
    }
    default: {
      const cc = cs.conditions[miss - MISS_CONDITION] as CompiledClause;
      return trace(source, policyIndex, cs, false, `Condition not met: ${describeClause(cc, env.ctx, false)}`, 'condition', cc.clause.range);
    }
  }
}

/** The sentence for a statement that applies, with the conditions it met. */
function appliesText(cs: CompiledStatement, env: MatchEnv): string {
  const verb = cs.effect === 'Allow' ? 'Allows' : 'Denies';
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
  return detail;
}
