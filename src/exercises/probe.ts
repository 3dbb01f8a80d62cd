/**
 * The least-privilege report: after the checks pass, the probe asks the simulator what else the
 * learner's documents allow. It tries the meaningful actions of every service the checks use on
 * every resource of the world, as every principal the checks use, with the same decision the
 * grader explains checks with; what is allowed, granted by a statement the learner wrote and
 * needed by no passing `allowed` check is reported ("also allows s3:DeleteObject on
 * arn:aws:s3:::reports/*"), with a score.
 *
 * Pure and deterministic: a fresh world from the seed, no clock, no randomness; candidates are
 * tried in the world's order. Kept out of the grader chunk (it is loaded only once every check
 * passes) and away from the `../sim` barrel for the same reason as the grader.
 */
import { matchesWildcard } from '../sim/authz/wildcard.ts';
import { createWorldUnchecked } from '../sim/world/create-unchecked.ts';
import type { CallOptions, Credentials, World } from '../sim/index.ts';
import { actorCredentials } from './actors.ts';
import type { KeyRing, SessionPolicies } from './actors.ts';
import { explainCall } from './explain.ts';
import { decidingInEdited, editedPolicies } from './deciding.ts';
import type { EditedPolicy, LocateHint } from './deciding.ts';
import { expectsAllowed } from './expectation.ts';
import { accountFor, installDocuments, sessionPolicies } from './install.ts';
import { requestTarget } from './request.ts';
import type { RequestTarget } from './request.ts';
import type { Actor, Check, Exercise } from './schema.ts';

/** What an action is authorized on, in the simulator's request model (see request.ts). */
type ResourceKind = 'object' | 'bucket' | 'role' | 'user' | 'none';

/**
 * The actions tried per service, with what each acts on. Curated, not the whole catalog: the
 * catalog holds 180 S3 and 826 EC2 actions, far too many to try in a few milliseconds on every
 * Check, and most have no resource in a simulated world. These are the ones a learner's policy
 * most often grants by accident with a wildcard — reads, writes, deletes and the
 * permission-changing actions. Each name and resource type is checked against the Service
 * Authorization Reference catalog in tests/unit/exercises/probe.test.ts.
 *
 * Actions marked 'none' are tried on `*`, as the grader's request model (request.ts) does for
 * those services: a statement scoped to particular ARNs does not match them, so the probe can
 * miss some extra access there, but it never reports access that is not granted. Likewise a
 * statement with a condition the probe's requests do not carry (iam:PassedToService, say) is
 * not reported.
 */
export const PROBE_ACTIONS: Readonly<Record<string, readonly (readonly [string, ResourceKind])[]>> =
  {
    s3: [
      ['GetObject', 'object'],
      ['PutObject', 'object'],
      ['DeleteObject', 'object'],
      ['GetObjectAcl', 'object'],
      ['PutObjectAcl', 'object'],
      ['GetObjectTagging', 'object'],
      ['PutObjectTagging', 'object'],
      ['DeleteObjectVersion', 'object'],
      ['ListBucket', 'bucket'],
      ['ListBucketVersions', 'bucket'],
      ['GetBucketPolicy', 'bucket'],
      ['PutBucketPolicy', 'bucket'],
      ['DeleteBucketPolicy', 'bucket'],
      ['GetBucketAcl', 'bucket'],
      ['PutBucketAcl', 'bucket'],
      ['GetBucketPublicAccessBlock', 'bucket'],
      ['PutBucketPublicAccessBlock', 'bucket'],
      ['PutBucketOwnershipControls', 'bucket'],
      ['PutBucketNotification', 'bucket'],
      ['DeleteBucket', 'bucket'],
      ['ListAllMyBuckets', 'none'],
    ],
    iam: [
      ['GetRole', 'role'],
      ['PassRole', 'role'],
      ['UpdateAssumeRolePolicy', 'role'],
      ['PutRolePolicy', 'role'],
      ['AttachRolePolicy', 'role'],
      ['DeleteRolePolicy', 'role'],
      ['PutRolePermissionsBoundary', 'role'],
      ['DeleteRolePermissionsBoundary', 'role'],
      ['TagRole', 'role'],
      ['DeleteRole', 'role'],
      ['GetUser', 'user'],
      ['CreateAccessKey', 'user'],
      ['CreateLoginProfile', 'user'],
      ['PutUserPolicy', 'user'],
      ['AttachUserPolicy', 'user'],
      ['DeleteUser', 'user'],
      ['ListUsers', 'none'],
      ['ListRoles', 'none'],
      ['ListPolicies', 'none'],
    ],
    sts: [
      ['AssumeRole', 'role'],
      ['TagSession', 'role'],
      ['SetSourceIdentity', 'role'],
    ],
    ec2: [
      ['RunInstances', 'none'],
      ['TerminateInstances', 'none'],
      ['DescribeInstances', 'none'],
      ['AssociateIamInstanceProfile', 'none'],
      ['ModifyInstanceMetadataOptions', 'none'],
    ],
    lambda: [
      ['InvokeFunction', 'none'],
      ['GetFunction', 'none'],
      ['CreateFunction', 'none'],
      ['UpdateFunctionCode', 'none'],
      ['AddPermission', 'none'],
      ['DeleteFunction', 'none'],
    ],
    organizations: [
      ['DescribeOrganization', 'none'],
      ['ListAccounts', 'none'],
      ['CreatePolicy', 'none'],
      ['UpdatePolicy', 'none'],
      ['AttachPolicy', 'none'],
      ['DetachPolicy', 'none'],
    ],
    cloudtrail: [
      ['LookupEvents', 'none'],
      ['StopLogging', 'none'],
      ['DeleteTrail', 'none'],
    ],
  };

/** Services that launch code with a role: iam:PassRole comes with them. */
const PASSES_ROLES = new Set(['ec2', 'lambda']);

/** At most this many existing objects per bucket are tried (the rest behave like the new key). */
const MAX_KEYS_PER_BUCKET = 20;

/** An object key no check names, standing for "any other key" of a bucket. */
export const NEW_KEY = 'rolelab-probe/new-object';

/** Access the learner's documents grant beyond what the checks need, grouped by principal and resource. */
export interface ExtraAccess {
  /** "role PhotoApp", "user alice". */
  principal: string;
  /** The actions, sorted. */
  actions: string[];
  /** An ARN, a bucket's `arn:aws:s3:::b/*`, or `*`. */
  resource: string;
  /** The statements that grant it, named ("Statement[0] in Permissions policy of role PhotoApp"). */
  grantedBy: string[];
  /** "role PhotoApp also allows s3:DeleteObject, s3:PutObject on arn:aws:s3:::photos/*". */
  text: string;
}

/** The least-privilege report. */
export interface LeastPrivilegeReport {
  /** Extra access, in the world's order. */
  extras: ExtraAccess[];
  /** Allowed (principal, action, resource) units that a passing `allowed` check needed. */
  needed: number;
  /** Allowed units attributable to the learner (needed + extra). */
  granted: number;
  /** `needed / granted` as a whole percentage (100 when nothing is granted). */
  score: number;
  /** The score in words. */
  label: string;
  /** How many requests the probe evaluated. */
  probed: number;
}

/** A principal the checks act as, with credentials in the probe's world. */
interface ProbePrincipal {
  key: string;
  text: string;
  credentials: Credentials;
  opts: CallOptions;
  hint: Pick<LocateHint, 'users' | 'roles'>;
}

/** One request to try; `unit` groups the objects of a bucket, which the score counts once. */
interface Candidate {
  service: string;
  target: RequestTarget;
  unit: string;
}

/** Stable key of the principal an actor acts as (an MFA sign-in or the way a role is assumed does not change who it is). */
function principalKey(world: World, actor: Actor): string | undefined {
  if (actor === 'anonymous' || 'root' in actor || 'service' in actor) return undefined;
  const account = accountFor(world, actor.account);
  return 'user' in actor ? `user:${account}/${actor.user}` : `role:${account}/${actor.role}`;
}

/** CallOptions from a check's context. */
function optionsOf(context: Check['context']): CallOptions {
  const opts: CallOptions = {};
  if (context?.sourceIp !== undefined) opts.sourceIp = context.sourceIp;
  if (context?.region !== undefined) opts.region = context.region;
  return opts;
}

/** The principals of the checks (users and roles), each once, with credentials; those that get none are left out. */
function principalsOf(
  world: World,
  checks: readonly Check[],
  sessions: SessionPolicies,
): ProbePrincipal[] {
  const out: ProbePrincipal[] = [];
  const ring: KeyRing = new Map();
  for (const check of checks) {
    const actor = check.actor;
    const key = principalKey(world, actor);
    if (key === undefined || out.some((p) => p.key === key)) continue;
    if (actor === 'anonymous' || 'service' in actor) continue;
    const creds = actorCredentials(world, actor, ring, sessions);
    if (!creds.ok) continue;
    const isUser = 'user' in actor;
    out.push({
      key,
      text: isUser ? `user ${actor.user}` : `role ${'role' in actor ? actor.role : ''}`,
      credentials: creds.credentials,
      opts: optionsOf(check.context),
      hint: isUser
        ? { users: [actor.user], roles: [] }
        : { users: [], roles: ['role' in actor ? actor.role : ''] },
    });
  }
  return out;
}

/** Every request to try for the services the checks use, in the world's order. */
function candidatesOf(world: World, services: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  const actions = new Map<string, ResourceKind>();
  for (const service of services)
    for (const [name, kind] of PROBE_ACTIONS[service] ?? [])
      actions.set(`${service}:${name}`, kind);
  if ([...services].some((s) => PASSES_ROLES.has(s))) actions.set('iam:PassRole', 'role');
  const roles = Object.values(world.accounts).flatMap((a) =>
    Object.values(a.iam.roles).map((r) => r.arn),
  );
  const users = Object.values(world.accounts).flatMap((a) =>
    Object.values(a.iam.users).map((u) => u.arn),
  );
  for (const [action, kind] of actions) {
    const service = action.slice(0, action.indexOf(':'));
    if (kind === 'none') out.push({ service, target: { action, resource: '*' }, unit: '*' });
    else if (kind === 'role')
      for (const arn of roles)
        out.push({
          service,
          target:
            service === 'sts' ? { action, resource: arn, roleArn: arn } : { action, resource: arn },
          unit: arn,
        });
    else if (kind === 'user')
      for (const arn of users) out.push({ service, target: { action, resource: arn }, unit: arn });
    else
      for (const [name, bucket] of Object.entries(world.s3.buckets)) {
        const bucketArn = `arn:aws:s3:::${name}`;
        if (kind === 'bucket') {
          out.push({
            service,
            target: { action, resource: bucketArn, bucket: name },
            unit: bucketArn,
          });
          continue;
        }
        const keys = [...Object.keys(bucket.objects).slice(0, MAX_KEYS_PER_BUCKET), NEW_KEY];
        for (const key of keys)
          out.push({
            service,
            target: { action, resource: `${bucketArn}/${key}`, bucket: name },
            unit: `${bucketArn}/*`,
          });
      }
  }
  return out;
}

/** The unit a request belongs to: objects of a bucket count as one. */
function unitOf(target: RequestTarget): string {
  return target.bucket !== undefined && target.resource.startsWith(`arn:aws:s3:::${target.bucket}/`)
    ? `arn:aws:s3:::${target.bucket}/*`
    : target.resource;
}

/**
 * `principal|action|unit` of every access a passing `allowed` check needed: its own request, the
 * AssumeRole behind a role session taken by a user, and the iam:PassRole of an EC2 launch with
 * an instance profile or of a Lambda function's execution role.
 */
function neededOf(world: World, exercise: Exercise, passed: readonly boolean[]): Set<string> {
  const needed = new Set<string>();
  exercise.checks.forEach((check, i) => {
    if (!expectsAllowed(check.expect) || passed[i] !== true) return;
    const actor = check.actor;
    const key = principalKey(world, actor);
    if (key === undefined || actor === 'anonymous' || 'service' in actor || 'root' in actor) return;
    const account = accountFor(world, actor.account);
    const { service, operation, params } = check.call;
    const target = requestTarget(world, account, service, operation, params);
    needed.add(`${key}|${target.action}|${unitOf(target)}`);
    if ('role' in actor && actor.via !== undefined && 'user' in actor.via) {
      const roleArn = world.accounts[account]?.iam.roles[actor.role]?.arn;
      if (roleArn !== undefined)
        needed.add(`user:${account}/${actor.via.user}|sts:AssumeRole|${roleArn}`);
    }
    // lambda:CreateFunction passes its execution role (Role is the role's ARN).
    const executionRole = service === 'lambda' ? params['Role'] : undefined;
    if (typeof executionRole === 'string') needed.add(`${key}|iam:PassRole|${executionRole}`);
    const profile = params['IamInstanceProfile'] as { Name?: unknown; Arn?: unknown } | undefined;
    const profileName =
      typeof profile?.Name === 'string'
        ? profile.Name
        : typeof profile?.Arn === 'string'
          ? profile.Arn.split('/').pop()
          : undefined;
    for (const roleName of (profileName === undefined
      ? undefined
      : world.accounts[account]?.iam.instanceProfiles[profileName]?.roles) ?? []) {
      const roleArn = world.accounts[account]?.iam.roles[roleName]?.arn;
      if (roleArn !== undefined) needed.add(`${key}|iam:PassRole|${roleArn}`);
    }
  });
  return needed;
}

/**
 * Whether some Allow statement of the learner's documents names `action` (Action matches, or
 * NotAction leaves it out). Extra access is reported only when such a statement granted it, so
 * a request for any other action need not be evaluated at all — a cheap filter that keeps the
 * probe fast.
 */
function mayGrant(edited: readonly EditedPolicy[], action: string): boolean {
  const names = (list: readonly { value: string }[]) =>
    list.some((a) => matchesWildcard(a.value, action, true));
  return edited.some(({ policy }) =>
    policy.statements.some(
      (s) =>
        s.effect === 'Allow' &&
        (s.action !== undefined
          ? names(s.action)
          : s.notAction !== undefined && !names(s.notAction)),
    ),
  );
}

/** The score in words (a percentage alone says little to a learner). */
export function scoreLabel(score: number): string {
  if (score >= 100) return 'Least privilege: your policies grant only what the task needs';
  if (score >= 50) return 'Somewhat broad: your policies grant more than the task needs';
  return 'Broad: most of what your policies grant is not needed';
}

/** "s3:DeleteObject, s3:PutObject" for up to a few actions; the rest as a count. */
function actionList(actions: readonly string[]): string {
  return actions.length <= 6
    ? actions.join(', ')
    : `${actions.slice(0, 5).join(', ')} and ${actions.length - 5} more actions`;
}

/** One allowed extra request, before grouping. */
interface Extra {
  principal: ProbePrincipal;
  action: string;
  unit: string;
  resource: string;
  grantedBy: string[];
}

/** Groups extras by principal and resource (a bucket's objects shown as `b/*` when all of them are allowed). */
function groupExtras(extras: readonly Extra[], candidates: readonly Candidate[]): ExtraAccess[] {
  const triedPerUnit = new Map<string, number>();
  for (const c of candidates) {
    const k = `${c.target.action}|${c.unit}`;
    triedPerUnit.set(k, (triedPerUnit.get(k) ?? 0) + 1);
  }
  // Per principal, action and unit: the resources allowed.
  const perUnit = new Map<string, Extra[]>();
  for (const e of extras) {
    const k = `${e.principal.key}|${e.action}|${e.unit}`;
    const list = perUnit.get(k);
    if (list === undefined) perUnit.set(k, [e]);
    else list.push(e);
  }
  const groups = new Map<string, ExtraAccess>();
  for (const list of perUnit.values()) {
    const first = list[0];
    if (first === undefined) continue;
    const whole = list.length === (triedPerUnit.get(`${first.action}|${first.unit}`) ?? 0);
    const resources = whole
      ? [first.unit]
      : list.map((e) =>
          e.resource.endsWith(`/${NEW_KEY}`)
            ? `${first.unit} (keys not in the bucket yet)`
            : e.resource,
        );
    for (const resource of resources) {
      const k = `${first.principal.key}|${resource}`;
      const group = groups.get(k) ?? {
        principal: first.principal.text,
        actions: [],
        resource,
        grantedBy: [],
        text: '',
      };
      if (!group.actions.includes(first.action)) group.actions.push(first.action);
      for (const e of list)
        for (const g of e.grantedBy) if (!group.grantedBy.includes(g)) group.grantedBy.push(g);
      groups.set(k, group);
    }
  }
  return [...groups.values()].map((g) => {
    const actions = [...g.actions].sort();
    const on = g.resource === '*' ? '' : ` on ${g.resource}`;
    return { ...g, actions, text: `${g.principal} also allows ${actionList(actions)}${on}` };
  });
}

/**
 * Probes what the learner's documents allow beyond the checks. `passed` is each check's result
 * (from grading); the report is meaningful once every check passes. Returns undefined when a
 * document cannot be installed (the grader already says why).
 */
export function probeExercise(
  exercise: Exercise,
  documents: Readonly<Record<string, string>>,
  passed: readonly boolean[],
): LeastPrivilegeReport | undefined {
  const world = createWorldUnchecked(exercise.world);
  const texts: Record<string, string> = {};
  for (const e of exercise.editable) texts[e.id] = documents[e.id] ?? e.starter;
  const docs = installDocuments(world, exercise.editable, texts);
  if (docs.some((d) => !d.installed)) return undefined;
  // Session policies the learner wrote limit the sessions the checks take, as in the grader.
  const sessions = sessionPolicies(world, exercise.editable, texts, docs);
  const edited: EditedPolicy[] = editedPolicies(exercise.editable, texts);
  const needed = neededOf(world, exercise, passed);
  const principals = principalsOf(world, exercise.checks, sessions);
  const services = new Set(exercise.checks.map((c) => c.call.service));
  const candidates = candidatesOf(world, services);
  const cachedGrant = new Map<string, boolean>();
  const grantable = (action: string): boolean => {
    let may = cachedGrant.get(action);
    if (may === undefined) {
      may = mayGrant(edited, action);
      cachedGrant.set(action, may);
    }
    return may;
  };
  const neededHit = new Set<string>();
  const grantedUnits = new Set<string>();
  const extras: Extra[] = [];
  let probed = 0;
  for (const p of principals) {
    for (const c of candidates) {
      const unitKey = `${p.key}|${c.target.action}|${c.unit}`;
      const isNeeded = needed.has(unitKey);
      if (!isNeeded && !grantable(c.target.action)) continue;
      probed++;
      const decision = explainCall(world, p.credentials, c.service, c.target, p.opts);
      if (decision?.decision !== 'Allow') continue;
      if (isNeeded) {
        neededHit.add(unitKey);
        continue;
      }
      const hint: LocateHint = {
        ...p.hint,
        buckets: c.target.bucket === undefined ? [] : [c.target.bucket],
      };
      if (c.target.roleArn !== undefined)
        hint.roles = [...(p.hint.roles ?? []), c.target.roleArn.split('/').pop() ?? ''];
      const by = decidingInEdited(decision, edited, hint);
      // Access no statement of the learner's grants comes from the world as given: not theirs to trim.
      if (by.length === 0) continue;
      grantedUnits.add(unitKey);
      extras.push({
        principal: p,
        action: c.target.action,
        unit: c.unit,
        resource: c.target.resource,
        grantedBy: by.map((d) => d.text),
      });
    }
  }
  const neededCount = neededHit.size;
  const granted = neededCount + grantedUnits.size;
  const score = granted === 0 ? 100 : Math.round((100 * neededCount) / granted);
  return {
    extras: groupExtras(extras, candidates),
    needed: neededCount,
    granted,
    score,
    label: scoreLabel(score),
    probed,
  };
}
