/**
 * Checks across fields of an exercise that a field-by-field schema cannot make: ids are unique,
 * the solution covers exactly the editable documents, each kind goes to a matching target, and
 * every user, role, bucket and account a target or actor names exists in the exercise's world.
 * Each problem is reported on the field that holds the wrong name, so the build error points
 * at it.
 */
import type { z } from 'astro/zod';

/** A seed account, as far as these checks read it. */
interface SeedAccountView {
  id: string;
  users?: { name: string }[] | undefined;
  roles?: { name: string }[] | undefined;
  buckets?: { name: string }[] | undefined;
  functions?: { name: string }[] | undefined;
}

/** A seed organization, as far as these checks read it. */
interface SeedOrgView {
  managementAccount: string;
  members?: string[] | undefined;
  ous?: { name: string }[] | undefined;
}

/** An actor, as far as these checks read it. */
type ActorView =
  | 'anonymous'
  | {
      user?: string;
      role?: string;
      root?: string;
      account?: string | undefined;
      via?: { user?: string } | { service: string } | undefined;
      service?: string;
    };

/** An exercise, as far as these checks read it. */
interface ExerciseView {
  world: { accounts: SeedAccountView[]; organization?: SeedOrgView | undefined };
  editable: {
    id: string;
    kind: string;
    target: Record<string, unknown>;
    readOnly?: boolean | undefined;
  }[];
  solution: Record<string, string>;
  checks: { actor: ActorView; call: { service: string; operation: string } }[];
  predict?: { id: string; actor: ActorView; call: { service: string; operation: string } }[] | undefined;
  wrongAnswers?: { documents: Record<string, string> }[] | undefined;
  terminal?: object | undefined;
  lint?: { mustDeny?: { actor: ActorView }[] | undefined } | undefined;
}

/** The prediction answers a solution may give. */
const CHOICES: readonly string[] = ['allowed', 'implicit-deny', 'explicit-deny'];

/** Which target shapes each kind may use. */
const TARGET_FOR_KIND: Readonly<Record<string, (t: Record<string, unknown>) => boolean>> = {
  'identity-policy': (t) => 'policyName' in t,
  'trust-policy': (t) => t['trust'] === true,
  'bucket-policy': (t) => 'bucket' in t,
  'permissions-boundary': (t) => t['boundary'] === true,
  scp: (t) => 'scp' in t,
  'session-policy': (t) => 'sessionPolicyFor' in t,
  'lambda-policy': (t) => 'lambdaFunction' in t,
};

/** The account a name lives in: the given one, else the world's first. */
function accountOf(world: ExerciseView['world'], id: unknown): SeedAccountView | undefined {
  return typeof id === 'string' ? world.accounts.find((a) => a.id === id) : world.accounts[0];
}

/** Adds an issue at `path`. */
function report(ctx: z.RefinementCtx, path: (string | number)[], message: string): void {
  ctx.addIssue({ code: 'custom', path, message });
}

/** Checks that the users and roles an actor names exist. */
function checkActor(
  ex: ExerciseView,
  actor: ActorView,
  path: (string | number)[],
  ctx: z.RefinementCtx,
): void {
  if (actor === 'anonymous') return;
  if (actor.root !== undefined) {
    if (accountOf(ex.world, actor.root) === undefined)
      report(ctx, [...path, 'root'], `no account ${actor.root} in the world`);
    return;
  }
  const acct = accountOf(ex.world, actor.account);
  if (actor.service !== undefined) return;
  if (acct === undefined)
    return report(ctx, [...path, 'account'], `no account ${String(actor.account)} in the world`);
  if (actor.user !== undefined && !(acct.users ?? []).some((u) => u.name === actor.user))
    report(ctx, [...path, 'user'], `no user "${actor.user}" in account ${acct.id}`);
  // In a terminal task the learner may create the role; the check then fails until they do.
  if (actor.role !== undefined && ex.terminal === undefined && !(acct.roles ?? []).some((r) => r.name === actor.role))
    report(ctx, [...path, 'role'], `no role "${actor.role}" in account ${acct.id}`);
  const via = actor.via;
  if (
    via !== undefined &&
    'user' in via &&
    via.user !== undefined &&
    !(acct.users ?? []).some((u) => u.name === via.user)
  ) {
    report(ctx, [...path, 'via', 'user'], `no user "${via.user}" in account ${acct.id}`);
  }
}

/** Checks a target names something the world holds. */
function checkTarget(
  ex: ExerciseView,
  target: Record<string, unknown>,
  path: (string | number)[],
  ctx: z.RefinementCtx,
): void {
  if (typeof target['bucket'] === 'string') {
    const name = target['bucket'];
    if (!ex.world.accounts.some((a) => (a.buckets ?? []).some((b) => b.name === name)))
      report(ctx, [...path, 'bucket'], `no bucket "${name}" in the world`);
    return;
  }
  if (typeof target['scp'] === 'string') return checkScpTarget(ex, target, path, ctx);
  const acct = accountOf(ex.world, target['account']);
  if (acct === undefined)
    return report(
      ctx,
      [...path, 'account'],
      `no account ${String(target['account'])} in the world`,
    );
  if (
    typeof target['role'] === 'string' &&
    !(acct.roles ?? []).some((r) => r.name === target['role'])
  )
    report(ctx, [...path, 'role'], `no role "${target['role']}" in account ${acct.id}`);
  if (
    typeof target['user'] === 'string' &&
    !(acct.users ?? []).some((u) => u.name === target['user'])
  )
    report(ctx, [...path, 'user'], `no user "${target['user']}" in account ${acct.id}`);
  const role = target['sessionPolicyFor'];
  if (typeof role === 'string' && !(acct.roles ?? []).some((r) => r.name === role))
    report(ctx, [...path, 'sessionPolicyFor'], `no role "${role}" in account ${acct.id}`);
  const fn = target['lambdaFunction'];
  if (typeof fn === 'string' && !(acct.functions ?? []).some((f) => f.name === fn))
    report(ctx, [...path, 'lambdaFunction'], `no function "${fn}" in account ${acct.id}`);
}

/** An SCP needs an organization, and goes to its root, one of its OUs or one of its accounts. */
function checkScpTarget(
  ex: ExerciseView,
  target: Record<string, unknown>,
  path: (string | number)[],
  ctx: z.RefinementCtx,
): void {
  const org = ex.world.organization;
  if (org === undefined)
    return report(ctx, [...path, 'scp'], 'an SCP needs an organization in the world');
  const to = target['attachTo'];
  const members = org.members ?? ex.world.accounts.map((a) => a.id);
  const known =
    to === 'Root' ||
    (org.ous ?? []).some((o) => o.name === to) ||
    to === org.managementAccount ||
    members.includes(String(to));
  if (!known)
    report(
      ctx,
      [...path, 'attachTo'],
      `"${String(to)}" is not "Root", an OU or an account of the organization`,
    );
}

/** Whether an actor assumes `role` as a user, so a session policy for it is passed. */
function assumesAsUser(actor: ActorView, role: string): boolean {
  return actor !== 'anonymous' && actor.role === role && actor.via !== undefined && 'user' in actor.via;
}

/** The cross-field rules of an exercise (used as the schema's superRefine). */
export function crossCheck(ex: ExerciseView, ctx: z.RefinementCtx): void {
  const ids = new Set<string>();
  ex.editable.forEach((e, i) => {
    if (ids.has(e.id)) report(ctx, ['editable', i, 'id'], `duplicate editable id "${e.id}"`);
    ids.add(e.id);
    const fits = TARGET_FOR_KIND[e.kind];
    if (fits === undefined)
      report(
        ctx,
        ['editable', i, 'kind'],
        `the simulator cannot install a ${e.kind}`,
      );
    else if (!fits(e.target))
      report(ctx, ['editable', i, 'target'], `a ${e.kind} cannot go to this target`);
    checkTarget(ex, e.target, ['editable', i, 'target'], ctx);
  });
  const edited = new Set(ex.editable.filter((e) => e.readOnly !== true).map((e) => e.id));
  if (ex.terminal !== undefined) {
    if (ids.has('terminal')) report(ctx, ['editable'], '"terminal" is the id of the terminal task\'s commands; use another editable id');
    edited.add('terminal');
  }
  for (const id of edited)
    if (ex.solution[id] === undefined)
      report(ctx, ['solution'], id === 'terminal' ? 'no solution commands under "terminal"' : `no solution for editable "${id}"`);
  const questions = new Set<string>();
  (ex.predict ?? []).forEach((q, i) => {
    if (questions.has(q.id) || ids.has(q.id))
      report(ctx, ['predict', i, 'id'], `duplicate id "${q.id}"`);
    questions.add(q.id);
    checkActor(ex, q.actor, ['predict', i, 'actor'], ctx);
    if (q.actor !== 'anonymous' && q.actor.service !== undefined)
      report(ctx, ['predict', i, 'actor'], 'a prediction needs a signed caller, not a service');
    const answer = ex.solution[q.id];
    if (answer === undefined) report(ctx, ['solution'], `no answer for prediction "${q.id}"`);
    else if (!CHOICES.includes(answer))
      report(ctx, ['solution', q.id], `an answer is one of ${CHOICES.join(', ')}`);
  });
  for (const key of Object.keys(ex.solution))
    if (!edited.has(key) && !questions.has(key))
      report(
        ctx,
        ['solution', key],
        ids.has(key)
          ? `"${key}" is read-only: it needs no solution`
          : `"${key}" is not an editable or prediction id`,
      );
  if (ex.checks.length === 0 && (ex.predict ?? []).length === 0)
    report(ctx, ['checks'], 'an exercise needs checks, prediction questions, or both');
  if (edited.size === 0 && (ex.predict ?? []).length === 0)
    report(ctx, ['editable'], 'every document is read-only and there is no terminal task, so there is nothing to do');
  (ex.wrongAnswers ?? []).forEach((w, i) => {
    for (const key of Object.keys(w.documents))
      if (!edited.has(key))
        report(ctx, ['wrongAnswers', i, 'documents', key], `"${key}" is not an edited document`);
  });
  ex.editable.forEach((e, i) => {
    const role = e.target['sessionPolicyFor'];
    if (typeof role !== 'string') return;
    const used = [...ex.checks, ...(ex.predict ?? [])].some((c) => assumesAsUser(c.actor, role));
    if (!used)
      report(
        ctx,
        ['editable', i, 'target'],
        `no check assumes ${role} as a user ({"role": "${role}", "via": {"user": …}}), so the session policy is never passed`,
      );
  });
  ex.checks.forEach((c, i) => {
    checkActor(ex, c.actor, ['checks', i, 'actor'], ctx);
    if (
      c.actor !== 'anonymous' &&
      c.actor.service !== undefined &&
      !(c.call.service === 'sts' && c.call.operation === 'AssumeRole')
    ) {
      report(ctx, ['checks', i, 'call'], 'a service actor can only call sts AssumeRole');
    }
  });
  (ex.lint?.mustDeny ?? []).forEach((p, i) =>
    checkActor(ex, p.actor, ['lint', 'mustDeny', i, 'actor'], ctx),
  );
}
