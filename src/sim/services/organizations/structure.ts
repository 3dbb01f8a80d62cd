/**
 * The organization's tree: DescribeOrganization (any member may call it), ListRoots,
 * ListOrganizationalUnitsForParent, ListAccounts, ListAccountsForParent, ListParents and
 * DescribeAccount (management account only), and LeaveOrganization (a member account leaving; an
 * SCP can stop it) — AWS Organizations API Reference.
 */
import type { Organization } from '../../world/org-types.ts';
import type { CallEnv } from '../access.ts';
import { fail, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import type { Params } from '../params.ts';
import type { AwsError, AwsResult } from '../types.ts';
import { ID_PATTERNS, accountArnOf, accountShape, authorizeOrg, callerOrganization, invalidInput, isError, orgError, parentNotFound, requiredId, rootArnOf, rootShape } from './common.ts';

/** `ParentId`: the root or an OU, with its ARN. */
function readParent(org: Organization, p: Params): { id: string; arn: string } | AwsError {
  const id = requiredId(p, 'ParentId');
  if (isError(id)) return id;
  if (!ID_PATTERNS.root.test(id) && !ID_PATTERNS.ou.test(id)) return invalidInput();
  if (id === org.rootId) return { id, arn: rootArnOf(org) };
  const ou = org.ous[id];
  return ou === undefined ? parentNotFound() : { id, arn: ou.arn };
}

function accountsUnder(env: CallEnv, org: Organization, parent?: string): Record<string, unknown>[] {
  return Object.keys(org.accountParents)
    .filter((id) => parent === undefined || org.accountParents[id] === parent)
    .sort()
    .flatMap((id) => {
      const a = env.world.accounts[id];
      return a === undefined ? [] : [accountShape(org, a)];
    });
}

function describeOrganization(env: CallEnv): AwsResult<unknown> {
  const org = callerOrganization(env, true);
  if (isError(org)) return fail(org);
  const denied = authorizeOrg(env, 'organizations:DescribeOrganization', ['*']);
  if (denied !== undefined) return fail(denied);
  const mgmt = env.world.accounts[org.managementAccountId];
  return ok({
    Organization: {
      Id: org.id,
      Arn: org.arn,
      FeatureSet: 'ALL',
      MasterAccountArn: accountArnOf(org, org.managementAccountId),
      MasterAccountId: org.managementAccountId,
      MasterAccountEmail: `${mgmt?.alias ?? `account-${org.managementAccountId}`}@example.com`,
      AvailablePolicyTypes: org.enabledPolicyTypes.map((Type) => ({ Type, Status: 'ENABLED' })),
    },
  });
}

/**
 * LeaveOrganization, called from the member account that leaves. The management account cannot
 * (MasterCannotLeaveOrganizationException); SCPs apply to the call like any other, which is how a
 * "deny leaving the organization" guardrail works.
 */
function leaveOrganization(env: CallEnv): AwsResult<unknown> {
  const org = callerOrganization(env, true);
  if (isError(org)) return fail(org);
  if (env.caller.kind === 'anonymous') return fail(orgError('AccessDeniedException', 'Access denied'));
  const account = env.caller.accountId;
  if (account === org.managementAccountId) {
    return fail(orgError('MasterCannotLeaveOrganizationException', "You can't remove a management account from an organization. If you want the management account to become a member account in another organization, you must first delete the current organization of the management account."));
  }
  const denied = authorizeOrg(env, 'organizations:LeaveOrganization', ['*']);
  if (denied !== undefined) return fail(denied);
  delete org.accountParents[account];
  delete org.attachments[account];
  return ok({});
}

function listRoots(env: CallEnv): AwsResult<unknown> {
  const org = callerOrganization(env);
  if (isError(org)) return fail(org);
  const denied = authorizeOrg(env, 'organizations:ListRoots', ['*']);
  return denied === undefined ? ok({ Roots: [rootShape(org)] }) : fail(denied);
}

function listOus(env: CallEnv, p: Params): AwsResult<unknown> {
  const org = callerOrganization(env);
  if (isError(org)) return fail(org);
  const parent = readParent(org, p);
  if (isError(parent)) return fail(parent);
  const denied = authorizeOrg(env, 'organizations:ListOrganizationalUnitsForParent', [parent.arn]);
  if (denied !== undefined) return fail(denied);
  const ous = Object.values(org.ous)
    .filter((ou) => ou.parentId === parent.id)
    .map((ou) => ({ Id: ou.id, Arn: ou.arn, Name: ou.name }));
  return ok({ OrganizationalUnits: ous });
}

function listAccounts(env: CallEnv): AwsResult<unknown> {
  const org = callerOrganization(env);
  if (isError(org)) return fail(org);
  const denied = authorizeOrg(env, 'organizations:ListAccounts', ['*']);
  return denied === undefined ? ok({ Accounts: accountsUnder(env, org) }) : fail(denied);
}

function listAccountsForParent(env: CallEnv, p: Params): AwsResult<unknown> {
  const org = callerOrganization(env);
  if (isError(org)) return fail(org);
  const parent = readParent(org, p);
  if (isError(parent)) return fail(parent);
  const denied = authorizeOrg(env, 'organizations:ListAccountsForParent', [parent.arn]);
  return denied === undefined ? ok({ Accounts: accountsUnder(env, org, parent.id) }) : fail(denied);
}

/** `ChildId` / `AccountId` resolved to a member account or an OU. */
function readChild(org: Organization, p: Params, name: string): string | AwsError {
  const id = requiredId(p, name);
  if (isError(id)) return id;
  if (!ID_PATTERNS.account.test(id) && !(name === 'ChildId' && ID_PATTERNS.ou.test(id))) return invalidInput();
  if (org.accountParents[id] !== undefined || org.ous[id] !== undefined) return id;
  return ID_PATTERNS.account.test(id)
    ? orgError('AccountNotFoundException', "We can't find an AWS account with the AccountId that you specified, or the account whose credentials you used to make this request isn't a member of an organization.")
    : orgError('ChildNotFoundException', "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.");
}

function listParents(env: CallEnv, p: Params): AwsResult<unknown> {
  const org = callerOrganization(env);
  if (isError(org)) return fail(org);
  const child = readChild(org, p, 'ChildId');
  if (isError(child)) return fail(child);
  const denied = authorizeOrg(env, 'organizations:ListParents', ['*']);
  if (denied !== undefined) return fail(denied);
  const parent = org.accountParents[child] ?? org.ous[child]?.parentId ?? org.rootId;
  return ok({ Parents: [{ Id: parent, Type: parent === org.rootId ? 'ROOT' : 'ORGANIZATIONAL_UNIT' }] });
}

function describeAccount(env: CallEnv, p: Params): AwsResult<unknown> {
  const org = callerOrganization(env);
  if (isError(org)) return fail(org);
  const id = readChild(org, p, 'AccountId');
  if (isError(id)) return fail(id);
  const denied = authorizeOrg(env, 'organizations:DescribeAccount', [accountArnOf(org, id)]);
  if (denied !== undefined) return fail(denied);
  const account = env.world.accounts[id];
  return account === undefined ? fail(orgError('AccountNotFoundException', "We can't find an AWS account with the AccountId that you specified.")) : ok({ Account: accountShape(org, account) });
}

/** The structure operations by name. */
export const STRUCTURE_OPERATIONS: Readonly<Record<string, Operation>> = {
  DescribeOrganization: { readOnly: true, run: (env) => describeOrganization(env) },
  ListRoots: { readOnly: true, run: (env) => listRoots(env) },
  ListOrganizationalUnitsForParent: { readOnly: true, run: (env, p) => listOus(env, p) },
  ListAccounts: { readOnly: true, run: (env) => listAccounts(env) },
  ListAccountsForParent: { readOnly: true, run: (env, p) => listAccountsForParent(env, p) },
  ListParents: { readOnly: true, run: (env, p) => listParents(env, p) },
  DescribeAccount: { readOnly: true, run: (env, p) => describeAccount(env, p) },
  LeaveOrganization: { readOnly: false, run: (env) => leaveOrganization(env) },
};
