/**
 * Policies on users, groups and roles, one implementation for the three: Attach…Policy,
 * Detach…Policy, Put…Policy, Get…Policy, Delete…Policy, List…Policies, ListAttached…Policies.
 *
 * Quotas (IAM and STS quotas page): 10 managed policies per user, group or role (the default;
 * AWS can raise it to 20); inline policies share one size budget per entity — users 2,048,
 * groups 5,120, roles 10,240 characters, not counting white space.
 */
import { measureSize } from '../../policy/limits.ts';
import { iamArn } from '../../world/arns.ts';
import type { IamGroup, IamRole, IamState, IamUser, Tag } from '../../world/iam-types.ts';
import type { CallEnv } from '../access.ts';
import { fail, internalFailure, limitExceeded, noSuchEntity, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import { ARN_RULE, NAME_PATTERN, POLICY_TEXT_RULE } from '../params.ts';
import type { Params } from '../params.ts';
import { managedPolicyExists } from '../policy-docs.ts';
import type { AwsResult } from '../types.ts';
import { authorizeIam, callerAccount, findByName, resourceTagContext, validateDocument } from './common.ts';
import { policyNameOf } from './inline-names.ts';
import { protectedRole } from './service-linked.ts';

type Entity = IamUser | IamGroup | IamRole;

/** What differs between users, groups and roles. */
interface EntityKind {
  /** `Role`, `User`, `Group` as in operation names. */
  word: 'Role' | 'User' | 'Group';
  /** As in messages. */
  label: 'role' | 'user' | 'group';
  map(iam: IamState): Record<string, Entity>;
  nameMax: number;
  inlineBudget: number;
  quotaName: string;
}

const KINDS: readonly EntityKind[] = [
  { word: 'Role', label: 'role', map: (iam) => iam.roles, nameMax: 64, inlineBudget: 10240, quotaName: 'PoliciesPerRole' },
  { word: 'User', label: 'user', map: (iam) => iam.users, nameMax: 64, inlineBudget: 2048, quotaName: 'PoliciesPerUser' },
  { word: 'Group', label: 'group', map: (iam) => iam.groups, nameMax: 128, inlineBudget: 5120, quotaName: 'PoliciesPerGroup' },
];

/** The most managed policies one entity may have attached (IAM's default quota). */
export const MANAGED_POLICIES_PER_ENTITY = 10;

/** The entity's name field. */
function entityName(e: Entity): string {
  return 'roleName' in e ? e.roleName : 'userName' in e ? e.userName : e.groupName;
}

/** Context keys about the target entity (its tags and, for users and roles, its boundary). */
function entityContext(e: Entity): Record<string, string> {
  const ctx = 'tags' in e ? resourceTagContext(e.tags as Tag[]) : {};
  if ('permissionsBoundary' in e && e.permissionsBoundary !== null) ctx['iam:PermissionsBoundary'] = e.permissionsBoundary;
  return ctx;
}

/** Parameters, authorization and lookup shared by every operation here. */
function withEntity(
  env: CallEnv,
  p: Params,
  kind: EntityKind,
  action: string,
  read: (p: Params) => void,
  extraContext: Record<string, string>,
  apply: (e: Entity) => AwsResult<unknown>,
): AwsResult<unknown> {
  const nameParam = `${kind.word}Name`;
  const name = p.string(nameParam, { required: true, min: 1, max: kind.nameMax, ...NAME_PATTERN });
  read(p);
  const invalid = p.error();
  if (invalid !== undefined) return fail(invalid);
  if (name === undefined) return fail(internalFailure(`${nameParam} missing`));
  const account = callerAccount(env);
  if ('code' in account) return fail(account);
  const entity = findByName(kind.map(account.iam), name);
  const resource = entity?.arn ?? iamArn(account.id, kind.label, '/', name);
  const denied = authorizeIam(env, action, resource, { ...(entity === undefined ? {} : entityContext(entity)), ...extraContext });
  if (denied !== undefined) return fail(denied);
  if (entity === undefined) return fail(noSuchEntity(`The ${kind.label} with name ${name} cannot be found.`));
  // Only AWS changes the policies of a service-linked role.
  const locked = 'roleName' in entity && !action.includes(':Get') && !action.includes(':List') ? protectedRole(entity) : undefined;
  if (locked !== undefined) return fail(locked);
  return apply(entity);
}

function attach(kind: EntityKind): Operation {
  return {
    readOnly: false,
    run(env, p) {
      const arn = p.string('PolicyArn', { required: true, ...ARN_RULE });
      return withEntity(env, p, kind, `iam:Attach${kind.word}Policy`, () => undefined, arn === undefined ? {} : { 'iam:PolicyARN': arn }, (e) => {
        if (arn === undefined || !managedPolicyExists(env.world, arn)) return fail(noSuchEntity(`Policy ${arn ?? ''} does not exist or is not attachable.`));
        if (e.attachedPolicies.includes(arn)) return ok({});
        if (e.attachedPolicies.length >= MANAGED_POLICIES_PER_ENTITY) return fail(limitExceeded(`Cannot exceed quota for ${kind.quotaName}: ${MANAGED_POLICIES_PER_ENTITY}`));
        e.attachedPolicies.push(arn);
        return ok({});
      });
    },
  };
}

function detach(kind: EntityKind): Operation {
  return {
    readOnly: false,
    run(env, p) {
      const arn = p.string('PolicyArn', { required: true, ...ARN_RULE });
      return withEntity(env, p, kind, `iam:Detach${kind.word}Policy`, () => undefined, arn === undefined ? {} : { 'iam:PolicyARN': arn }, (e) => {
        if (arn === undefined || !e.attachedPolicies.includes(arn)) return fail(noSuchEntity(`Policy ${arn ?? ''} was not found.`));
        e.attachedPolicies = e.attachedPolicies.filter((a) => a !== arn);
        return ok({});
      });
    },
  };
}

function put(kind: EntityKind): Operation {
  return {
    readOnly: false,
    run(env, p) {
      let policyName: string | undefined;
      let doc: string | undefined;
      return withEntity(
        env,
        p,
        kind,
        `iam:Put${kind.word}Policy`,
        (q) => {
          policyName = q.string('PolicyName', { required: true, min: 1, max: 128, ...NAME_PATTERN });
          doc = q.string('PolicyDocument', { required: true, ...POLICY_TEXT_RULE });
        },
        {},
        (e) => {
          if (policyName === undefined || doc === undefined) return fail(internalFailure('parameters missing'));
          const bad = validateDocument(doc, 'identity');
          if (bad !== undefined) return fail(bad);
          const others = Object.entries(e.inlinePolicies).filter(([n]) => n !== policyName);
          const total = others.reduce((sum, [, d]) => sum + measureSize(d, 'non-whitespace-chars'), measureSize(doc, 'non-whitespace-chars'));
          if (total > kind.inlineBudget) return fail(limitExceeded(`Maximum policy size of ${kind.inlineBudget} bytes exceeded for ${kind.label} ${entityName(e)}`));
          e.inlinePolicies[policyName] = doc;
          return ok({});
        },
      );
    },
  };
}

function get(kind: EntityKind): Operation {
  return {
    readOnly: true,
    run(env, p) {
      let policyName: string | undefined;
      return withEntity(
        env,
        p,
        kind,
        `iam:Get${kind.word}Policy`,
        (q) => {
          policyName = q.string('PolicyName', { required: true, min: 1, max: 128, ...NAME_PATTERN });
        },
        {},
        (e) => {
          const name = policyNameOf(e.inlinePolicies, policyName ?? '');
          const doc = name === undefined ? undefined : e.inlinePolicies[name];
          if (name === undefined || doc === undefined) return fail(noSuchEntity(`The ${kind.label} policy with name ${policyName ?? ''} cannot be found.`));
          return ok({ [`${kind.word}Name`]: entityName(e), PolicyName: name, PolicyDocument: doc });
        },
      );
    },
  };
}

function del(kind: EntityKind): Operation {
  return {
    readOnly: false,
    run(env, p) {
      let policyName: string | undefined;
      return withEntity(
        env,
        p,
        kind,
        `iam:Delete${kind.word}Policy`,
        (q) => {
          policyName = q.string('PolicyName', { required: true, min: 1, max: 128, ...NAME_PATTERN });
        },
        {},
        (e) => {
          const name = policyNameOf(e.inlinePolicies, policyName ?? '');
          if (name === undefined) return fail(noSuchEntity(`The ${kind.label} policy with name ${policyName ?? ''} cannot be found.`));
          delete e.inlinePolicies[name];
          return ok({});
        },
      );
    },
  };
}

function list(kind: EntityKind): Operation {
  return {
    readOnly: true,
    run: (env, p) =>
      withEntity(env, p, kind, `iam:List${kind.word}Policies`, () => undefined, {}, (e) => ok({ PolicyNames: Object.keys(e.inlinePolicies).sort(), IsTruncated: false })),
  };
}

function listAttached(kind: EntityKind): Operation {
  return {
    readOnly: true,
    run: (env, p) =>
      withEntity(env, p, kind, `iam:ListAttached${kind.word}Policies`, () => undefined, {}, (e) =>
        ok({
          AttachedPolicies: e.attachedPolicies.map((arn) => ({ PolicyName: arn.slice(arn.lastIndexOf('/') + 1), PolicyArn: arn })),
          IsTruncated: false,
        }),
      ),
  };
}

/** The seven policy operations for users, groups and roles, by operation name. */
export const ENTITY_POLICY_OPERATIONS: Readonly<Record<string, Operation>> = Object.fromEntries(
  KINDS.flatMap((k) => [
    [`Attach${k.word}Policy`, attach(k)],
    [`Detach${k.word}Policy`, detach(k)],
    [`Put${k.word}Policy`, put(k)],
    [`Get${k.word}Policy`, get(k)],
    [`Delete${k.word}Policy`, del(k)],
    [`List${k.word}Policies`, list(k)],
    [`ListAttached${k.word}Policies`, listAttached(k)],
  ]),
);
