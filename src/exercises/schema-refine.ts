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
  world: { accounts: SeedAccountView[] };
  editable: { id: string; kind: string; target: Record<string, unknown> }[];
  solution: Record<string, string>;
  checks: { actor: ActorView; call: { service: string; operation: string } }[];
  lint?: { mustDeny?: { actor: ActorView }[] | undefined } | undefined;
}

/** Which target shapes each kind may use. */
const TARGET_FOR_KIND: Readonly<Record<string, (t: Record<string, unknown>) => boolean>> = {
  'identity-policy': (t) => 'policyName' in t,
  'trust-policy': (t) => t['trust'] === true,
  'bucket-policy': (t) => 'bucket' in t,
  'permissions-boundary': (t) => t['boundary'] === true,
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
  if (actor.role !== undefined && !(acct.roles ?? []).some((r) => r.name === actor.role))
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
        `the simulator cannot install a ${e.kind} yet; use identity-policy, trust-policy, bucket-policy or permissions-boundary`,
      );
    else if (!fits(e.target))
      report(ctx, ['editable', i, 'target'], `a ${e.kind} cannot go to this target`);
    checkTarget(ex, e.target, ['editable', i, 'target'], ctx);
  });
  for (const id of ids)
    if (ex.solution[id] === undefined)
      report(ctx, ['solution'], `no solution for editable "${id}"`);
  for (const key of Object.keys(ex.solution))
    if (!ids.has(key)) report(ctx, ['solution', key], `"${key}" is not an editable id`);
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
