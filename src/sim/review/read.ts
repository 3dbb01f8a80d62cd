/**
 * `readPolicy`: a plain-English sentence for every statement of a parsed policy.
 *
 * Identity-style statements read "Allows <actions> on <resources>[, only when …]."; statements
 * with a principal put the principal first; role trust statements read "Lets <principal> assume
 * this role …", since that is the only thing a trust policy can grant.
 */
import type { Policy, PolicyKind, Statement } from '../policy/index.ts';
import { describeActions, describeNotActions } from './actions.ts';
import { conditionTail } from './conditions.ts';
import { describePrincipal, principalRefs } from './principals.ts';
import { describeNotResources, describeResources } from './resources.ts';
import { joinList, shown } from './text.ts';
import type { PolicyReading, ReviewOptions, StatementReading } from './types.ts';

/** What each trust action lets a principal do: [infinitive, gerund]. */
const TRUST_VERBS: Readonly<Record<string, readonly [string, string]>> = {
  'sts:assumerole': ['assume this role', 'assuming this role'],
  'sts:assumerolewithwebidentity': [
    'assume this role with a web identity token',
    'assuming this role with a web identity token',
  ],
  'sts:assumerolewithsaml': [
    'assume this role with a SAML assertion',
    'assuming this role with a SAML assertion',
  ],
  'sts:tagsession': ['pass session tags', 'passing session tags'],
  'sts:setsourceidentity': ['set a source identity', 'setting a source identity'],
  'sts:setcontext': ['set a trusted context', 'setting a trusted context'],
};

/** Default resource words when a resource policy omits Resource (it then means the attached resource). */
const IMPLIED_RESOURCE: Partial<Record<PolicyKind, string>> = {
  's3-bucket': 'this bucket',
  'lambda-function': 'this function',
  'kms-key': 'this key',
  'sqs-queue': 'this queue',
};

/** The trust verbs of a statement's actions: [infinitives, gerunds]. */
function trustVerbs(statement: Statement): [string, string] {
  const actions = statement.action?.map((a) => a.value.toLowerCase()) ?? [];
  const wildcard = actions.some((a) => a === '*' || a === 'sts:*' || a === 'sts:assumerole*');
  const verbs = wildcard
    ? [TRUST_VERBS['sts:assumerole'] ?? ['assume this role', 'assuming this role']]
    : actions.flatMap((a) => {
        const known = TRUST_VERBS[a];
        return known === undefined ? [[`use ${shown(a)}`, `using ${shown(a)}`] as const] : [known];
      });
  if (statement.notAction !== undefined) {
    const except = describeNotActions(statement.notAction);
    return [`use ${except} on this role`, `using ${except} on this role`];
  }
  const unique = [...new Map(verbs.map((v) => [v[0], v])).values()];
  if (unique.length === 0) return ['use no action on this role', 'using any action on this role'];
  return [joinList(unique.map((v) => v[0])), joinList(unique.map((v) => v[1]))];
}

/** Whether a trust principal still needs its own identity policy to allow the call. */
function needsIdentityPermission(statement: Statement, account: string | undefined): boolean {
  if (statement.principal === undefined) return false;
  return principalRefs(statement.principal).some(
    (r) =>
      r.category === 'account' ||
      r.category === 'everyone' ||
      ((r.category === 'user' || r.category === 'role' || r.category === 'session') &&
        account !== undefined &&
        r.account !== account),
  );
}

/** The sentence for a role trust statement. */
function trustSentence(statement: Statement, options: ReviewOptions): string {
  const [verb, gerund] = trustVerbs(statement);
  const tail = conditionTail(statement.conditions, statement.effect);
  // Anonymous callers cannot assume roles, so "*" in a trust policy means any AWS principal.
  const who =
    statement.principal === undefined
      ? 'no principal'
      : principalRefs(statement.principal).some((r) => r.category === 'everyone')
        ? 'any AWS principal in any account'
        : describePrincipal(statement.principal, options.account);
  if (statement.effect === 'Deny') return `Stops ${who} from ${gerund}${tail}.`;
  const identity = needsIdentityPermission(statement, options.account)
    ? ', if their identity policy also allows it'
    : '';
  return `Lets ${who} ${verb}${tail}${identity}.`;
}

/** "s3:GetObject on every object in the bucket reports" (or "every action except … on …"). */
function actionsOnResources(
  statement: Statement,
  kind: PolicyKind,
  options: ReviewOptions,
): string {
  const actions =
    statement.notAction !== undefined
      ? describeNotActions(statement.notAction, options.catalog)
      : describeActions(statement.action ?? [], options.catalog);
  const resources =
    statement.notResource !== undefined
      ? describeNotResources(statement.notResource, options.account)
      : statement.resource !== undefined
        ? describeResources(statement.resource, options.account)
        : IMPLIED_RESOURCE[kind];
  return resources === undefined ? actions : `${actions} on ${resources}`;
}

/** The sentence for one statement. */
export function readStatement(
  statement: Statement,
  options: ReviewOptions & { kind: PolicyKind },
): string {
  if (options.kind === 'role-trust') return trustSentence(statement, options);
  const verb = statement.effect === 'Allow' ? 'Allows' : 'Denies';
  const what = actionsOnResources(statement, options.kind, options);
  const tail = conditionTail(statement.conditions, statement.effect);
  if (statement.notPrincipal !== undefined) {
    const except = describePrincipal(statement.notPrincipal, options.account);
    return `${verb} everyone except ${except} ${what}${tail}.`;
  }
  if (statement.principal !== undefined) {
    const who = describePrincipal(statement.principal, options.account);
    // The principal phrase may contain a comma ("everyone, including anonymous users"): close it.
    const gap = who.includes(',') ? ', ' : ' ';
    return `${verb} ${who}${gap}${what}${tail}.`;
  }
  return `${verb} ${what}${tail}.`;
}

/** Reads every statement of a policy, in order. Never throws on a policy the parser returned. */
export function readPolicy(policy: Policy, options: ReviewOptions = {}): PolicyReading {
  const kind = options.kind ?? policy.kind;
  const statements = policy.statements.map((statement): StatementReading => ({
    index: statement.index,
    ...(statement.sid === undefined ? {} : { sid: statement.sid }),
    effect: statement.effect,
    sentence: readStatement(statement, { ...options, kind }),
    range: statement.range,
  }));
  return { statements };
}
