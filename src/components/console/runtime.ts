/**
 * The console lab's link to the simulator, loaded when the console first appears on screen so
 * a lesson page pays nothing for it before then: builds the world from the lab's seed, makes
 * every console action an API call signed as the console user, reads back what the console
 * pages show, and saves/restores the world in localStorage.
 *
 * Imports come from specific simulator modules, not the `src/sim` barrel, which would also pull
 * in the seed schema (zod): the seed is validated by the unit tests instead.
 */
import { callAws } from '../../sim/services/call.ts';
// A console action may call any service at any moment: every one is registered up front.
import '../../sim/services/all.ts';
import type { AwsError } from '../../sim/services/types.ts';
import { createWorldUnchecked } from '../../sim/world/create-unchecked.ts';
import { AWS_MANAGED_POLICIES } from '../../sim/world/managed-catalog.ts';
import type { AwsManagedPolicy } from '../../sim/world/managed-catalog.ts';
import type { ParsedWorldSeed } from '../../sim/world/seed-schema.ts';
import { restore, snapshot } from '../../sim/world/snapshot.ts';
import type { World } from '../../sim/world/types.ts';
import { CONSOLE_SEED, CONSOLE_USER, CONSOLE_USERS } from './seed.ts';
import { cliEquivalent } from './wizard.ts';
import type { ApiCall } from './wizard.ts';

export type { World, AwsError, AwsManagedPolicy };

/** Bumped when the saved shape changes; older saves are dropped. */
const SAVE_VERSION = 1;

/** One API call the console made, for the "what the console did" log. */
export interface CallRecord {
  operation: string;
  /** The IAM user the console signed the call as. */
  user: string;
  /** The equivalent AWS CLI command. */
  cli: string;
  /** `ok`, or the error code. */
  outcome: string;
}

/** A live console: the world it changes, who is signed in, and the calls it has made. */
export interface ConsoleState {
  world: World;
  /** The IAM user signed in (one of CONSOLE_USERS). */
  user: string;
  calls: CallRecord[];
}

/** The fresh start state. */
export function startState(): ConsoleState {
  // The seed has no defaults to apply, so its written form is already the parsed form.
  return {
    world: createWorldUnchecked(CONSOLE_SEED as ParsedWorldSeed),
    user: CONSOLE_USER,
    calls: [],
  };
}

/** The saved state under `key`, or a fresh one when there is none or it cannot be read. */
export function loadState(key: string): { state: ConsoleState; restored: boolean } {
  try {
    const raw = localStorage.getItem(key);
    if (raw !== null) {
      const saved = JSON.parse(raw) as {
        version?: unknown;
        world?: unknown;
        user?: unknown;
        calls?: unknown;
      };
      if (
        saved.version === SAVE_VERSION &&
        typeof saved.world === 'string' &&
        Array.isArray(saved.calls)
      ) {
        // A save naming a user this console no longer has signs in as the first one.
        const known = CONSOLE_USERS.find((u) => u.name === saved.user);
        return {
          state: {
            world: restore(saved.world),
            user: known?.name ?? CONSOLE_USER,
            calls: saved.calls as CallRecord[],
          },
          restored: true,
        };
      }
    }
  } catch {
    // A damaged or foreign save is dropped: the learner gets a fresh console rather than an error.
  }
  return { state: startState(), restored: false };
}

/** Saves the state under `key`; storage that is full or blocked only loses persistence. */
export function saveState(key: string, state: ConsoleState): void {
  try {
    localStorage.setItem(
      key,
      JSON.stringify({
        version: SAVE_VERSION,
        world: snapshot(state.world),
        user: state.user,
        calls: state.calls,
      }),
    );
  } catch {
    // Private browsing or a full quota: the console keeps working for this visit.
  }
}

/** Forgets the saved state under `key`. */
export function clearState(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing saved, nothing to clear.
  }
}

/** A call's outcome. */
export type Outcome =
  { ok: true; result: Record<string, unknown> } | { ok: false; error: AwsError };

/** Makes one call as the signed-in user; writes are recorded in the state's call log. */
export function call(state: ConsoleState, c: ApiCall): Outcome {
  const user = CONSOLE_USERS.find((u) => u.name === state.user) ?? CONSOLE_USERS[0];
  const r = callAws(
    state.world,
    { accessKeyId: user?.accessKeyId ?? '' },
    c.service,
    c.operation,
    c.params,
    { userAgent: 'AWS Internal' },
  );
  if (!/^(Get|List|Describe)/.test(c.operation)) {
    state.calls.push({
      operation: c.operation,
      user: state.user,
      cli: cliEquivalent(c),
      outcome: r.ok ? 'ok' : r.error.code,
    });
  }
  return r.ok ? { ok: true, result: (r.result ?? {}) as Record<string, unknown> } : r;
}

/** Runs calls in order and stops at the first error, as the console does. */
export function callAll(state: ConsoleState, calls: readonly ApiCall[]): Outcome {
  let last: Outcome = { ok: true, result: {} };
  for (const c of calls) {
    last = call(state, c);
    if (!last.ok) return last;
  }
  return last;
}

/** The AWS managed policies the console can attach. */
export function managedPolicies(): AwsManagedPolicy[] {
  return Object.values(AWS_MANAGED_POLICIES);
}

/** A role row on the Roles page. */
export interface RoleRow {
  name: string;
  arn: string;
  description: string;
}

/** The roles of the account (ListRoles). */
export function listRoles(state: ConsoleState): RoleRow[] | AwsError {
  const r = call(state, { service: 'iam', operation: 'ListRoles', params: {} });
  if (!r.ok) return r.error;
  const roles = (r.result['Roles'] ?? []) as {
    RoleName: string;
    Arn: string;
    Description?: string;
  }[];
  return roles.map((x) => ({ name: x.RoleName, arn: x.Arn, description: x.Description ?? '' }));
}

/** Everything the role page shows. */
export interface RoleDetails {
  name: string;
  arn: string;
  roleId: string;
  description: string;
  createDate: string;
  maxSessionDuration: number;
  trustPolicy: string;
  policies: { name: string; arn: string }[];
  instanceProfileArns: string[];
}

/** The role page of `name` (GetRole, ListAttachedRolePolicies, ListInstanceProfilesForRole). */
export function roleDetails(state: ConsoleState, name: string): RoleDetails | AwsError {
  const role = call(state, { service: 'iam', operation: 'GetRole', params: { RoleName: name } });
  if (!role.ok) return role.error;
  const policies = call(state, {
    service: 'iam',
    operation: 'ListAttachedRolePolicies',
    params: { RoleName: name },
  });
  if (!policies.ok) return policies.error;
  const profiles = call(state, {
    service: 'iam',
    operation: 'ListInstanceProfilesForRole',
    params: { RoleName: name },
  });
  if (!profiles.ok) return profiles.error;
  const r = role.result['Role'] as {
    RoleName: string;
    Arn: string;
    RoleId: string;
    Description?: string;
    CreateDate: string;
    MaxSessionDuration: number;
    AssumeRolePolicyDocument: string;
  };
  return {
    name: r.RoleName,
    arn: r.Arn,
    roleId: r.RoleId,
    description: r.Description ?? '',
    createDate: r.CreateDate,
    maxSessionDuration: r.MaxSessionDuration,
    trustPolicy: r.AssumeRolePolicyDocument,
    policies: (
      (policies.result['AttachedPolicies'] ?? []) as { PolicyName: string; PolicyArn: string }[]
    ).map((p) => ({ name: p.PolicyName, arn: p.PolicyArn })),
    instanceProfileArns: ((profiles.result['InstanceProfiles'] ?? []) as { Arn: string }[]).map(
      (p) => p.Arn,
    ),
  };
}

/** An instance profile the launch form can pick. */
export interface ProfileRow {
  name: string;
  arn: string;
  /** The role inside, or undefined when the profile is empty. */
  role: string | undefined;
}

/** The account's instance profiles (ListInstanceProfiles). */
export function listProfiles(state: ConsoleState): ProfileRow[] | AwsError {
  const r = call(state, { service: 'iam', operation: 'ListInstanceProfiles', params: {} });
  if (!r.ok) return r.error;
  const profiles = (r.result['InstanceProfiles'] ?? []) as {
    InstanceProfileName: string;
    Arn: string;
    Roles: { RoleName: string }[];
  }[];
  return profiles.map((p) => ({
    name: p.InstanceProfileName,
    arn: p.Arn,
    role: p.Roles[0]?.RoleName,
  }));
}

/** An instance row of the Instances table. */
export interface InstanceRow {
  id: string;
  name: string;
  arn: string;
  state: string;
  type: string;
  profileArn: string | undefined;
  httpTokens: string;
}

/** The account's instances (DescribeInstances). */
export function listInstances(state: ConsoleState): InstanceRow[] | AwsError {
  const r = call(state, { service: 'ec2', operation: 'DescribeInstances', params: {} });
  if (!r.ok) return r.error;
  const rows: InstanceRow[] = [];
  for (const res of (r.result['Reservations'] ?? []) as {
    OwnerId: string;
    Instances: Record<string, unknown>[];
  }[]) {
    for (const i of res.Instances) {
      const id = String(i['InstanceId']);
      const placement = i['Placement'] as { AvailabilityZone: string } | undefined;
      const region = (placement?.AvailabilityZone ?? state.world.defaultRegion).replace(
        /[a-z]$/,
        '',
      );
      const tags = (i['Tags'] ?? []) as { Key: string; Value: string }[];
      rows.push({
        id,
        name: tags.find((t) => t.Key === 'Name')?.Value ?? '',
        arn: `arn:aws:ec2:${region}:${res.OwnerId}:instance/${id}`,
        state: (i['State'] as { Name: string }).Name,
        type: String(i['InstanceType']),
        profileArn: (i['IamInstanceProfile'] as { Arn: string } | undefined)?.Arn,
        httpTokens:
          (i['MetadataOptions'] as { HttpTokens: string } | undefined)?.HttpTokens ?? 'optional',
      });
    }
  }
  return rows;
}

/** The instance's current profile association: its id and profile name, or undefined. */
export function associationOf(
  state: ConsoleState,
  instanceId: string,
): { associationId: string; profileName: string } | undefined | AwsError {
  const r = call(state, {
    service: 'ec2',
    operation: 'DescribeIamInstanceProfileAssociations',
    params: {},
  });
  if (!r.ok) return r.error;
  const list = (r.result['IamInstanceProfileAssociations'] ?? []) as {
    AssociationId: string;
    InstanceId: string;
    IamInstanceProfile: { Arn: string };
  }[];
  const found = list.find((a) => a.InstanceId === instanceId);
  if (found === undefined) return undefined;
  return {
    associationId: found.AssociationId,
    profileName: found.IamInstanceProfile.Arn.replace(/^.*instance-profile\/(?:.*\/)?/, ''),
  };
}
