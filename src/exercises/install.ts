/**
 * Installing the learner's documents into the world, through the same API calls an
 * administrator would make as the account's root user — so the services' own validation
 * (MalformedPolicyDocument, unknown principals, Block Public Access) applies exactly as in AWS.
 */
import { callAws } from '../sim/services/call.ts';
import { hasErrors, parsePolicy } from '../sim/policy/index.ts';
import type { AwsResult, PolicyIssue, PolicyKind, SourceRange, World } from '../sim/index.ts';
import type { LambdaFunction } from '../sim/world/lambda-types.ts';
import { withStatementIds } from '../sim/services/lambda/statement-ids.ts';
import type { DocumentResult } from './result.ts';
import type { Editable, EditableKind, Target } from './schema.ts';

/** The parser kind for each editable kind. */
export const POLICY_KIND: Readonly<Record<EditableKind, PolicyKind>> = {
  'identity-policy': 'identity',
  'trust-policy': 'role-trust',
  'bucket-policy': 's3-bucket',
  'permissions-boundary': 'boundary',
  'session-policy': 'session',
  scp: 'scp',
  'lambda-policy': 'lambda-function',
};

/** The account a target or actor names, else the world's first (the seed order is kept). */
export function accountFor(world: World, account: string | undefined): string {
  return account ?? Object.keys(world.accounts)[0] ?? '';
}

/** The range covering a whole text, for errors that belong to no one element. */
export function wholeRange(text: string): SourceRange {
  const lines = text.split('\n');
  return {
    startLine: 1,
    startColumn: 1,
    endLine: lines.length,
    endColumn: (lines[lines.length - 1]?.length ?? 0) + 1,
  };
}

/** A success with nothing to report, for targets installed without an API call. */
const DONE: AwsResult<unknown> = { ok: true, result: {} };

/** A refusal worded like the service's own, for targets the call cannot reach. */
function refused(code: string, message: string): AwsResult<unknown> {
  return { ok: false, error: { code, message, httpStatus: 400 } };
}

/**
 * An SCP, as the management account's root user would set it up: CreatePolicy, EnablePolicyType
 * when SCPs are still off, AttachPolicy to the root, an OU (by name) or an account.
 */
function putScp(world: World, target: { scp: string; attachTo: string }, text: string): AwsResult<unknown> {
  const org = world.organization;
  if (org === null) return refused('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');
  const root = { root: org.managementAccountId };
  const created = callAws(world, root, 'organizations', 'CreatePolicy', {
    Name: target.scp,
    Description: 'Written in a Rolelab exercise',
    Type: 'SERVICE_CONTROL_POLICY',
    Content: text,
  });
  if (!created.ok) return created;
  const policyId = (created.result as { Policy: { PolicySummary: { Id: string } } }).Policy.PolicySummary.Id;
  if (!org.enabledPolicyTypes.includes('SERVICE_CONTROL_POLICY')) {
    const enabled = callAws(world, root, 'organizations', 'EnablePolicyType', {
      RootId: org.rootId,
      PolicyType: 'SERVICE_CONTROL_POLICY',
    });
    if (!enabled.ok) return enabled;
  }
  const ou = Object.values(org.ous).find((o) => o.name === target.attachTo);
  const targetId = target.attachTo === 'Root' ? org.rootId : (ou?.id ?? target.attachTo);
  return callAws(world, root, 'organizations', 'AttachPolicy', { PolicyId: policyId, TargetId: targetId });
}

/**
 * A Lambda function policy. The Lambda API has no PutPolicy: a function policy is only ever
 * built statement by statement with AddPermission, whose parameters cannot express every policy a
 * learner may write (several actions, Condition operators of their choice). So the parsed
 * statements are written into the function's record as its policy — the record GetPolicy returns
 * and authorization reads — after the parser has checked the document against the rules of a
 * Lambda function policy. A missing Sid gets one (withStatementIds), as AddPermission always sets StatementId.
 */
function putLambdaPolicy(world: World, account: string, name: string, text: string): AwsResult<unknown> {
  const fn = Object.values(world.lambda.functions).find((f) => f.accountId === account && f.functionName === name);
  if (fn === undefined)
    return refused('ResourceNotFoundException', `Function not found: arn:aws:lambda:${world.defaultRegion}:${account}:function:${name}`);
  const doc = JSON.parse(text) as { Statement: unknown };
  // installDocuments parsed it as a function policy before it got here.
  const list = (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]) as LambdaFunction['policy'];
  fn.policy = withStatementIds(list);
  return DONE;
}

/** Puts one document at its target; the service's answer. */
function put(world: World, target: Target, text: string, editableId: string): AwsResult<unknown> {
  if ('scp' in target) return putScp(world, target, text);
  // A session policy lives in no record: it is passed with each AssumeRole (see sessionPolicies).
  if ('sessionPolicyFor' in target) return DONE;
  if ('lambdaFunction' in target)
    return putLambdaPolicy(world, accountFor(world, target.account), target.lambdaFunction, text);
  if ('bucket' in target) {
    const owner = world.s3.buckets[target.bucket]?.ownerAccountId ?? accountFor(world, undefined);
    return callAws(world, { root: owner }, 's3', 'PutBucketPolicy', {
      Bucket: target.bucket,
      Policy: text,
    });
  }
  const root = { root: accountFor(world, target.account) };
  if ('role' in target) {
    if ('trust' in target)
      return callAws(world, root, 'iam', 'UpdateAssumeRolePolicy', {
        RoleName: target.role,
        PolicyDocument: text,
      });
    if ('policyName' in target)
      return callAws(world, root, 'iam', 'PutRolePolicy', {
        RoleName: target.role,
        PolicyName: target.policyName,
        PolicyDocument: text,
      });
  }
  if ('user' in target && 'policyName' in target)
    return callAws(world, root, 'iam', 'PutUserPolicy', {
      UserName: target.user,
      PolicyName: target.policyName,
      PolicyDocument: text,
    });
  // A boundary is a managed policy: create it under a name of our own, then set it.
  const created = callAws(world, root, 'iam', 'CreatePolicy', {
    PolicyName: `rolelab-${editableId}`,
    PolicyDocument: text,
  });
  if (!created.ok) return created;
  const arn = (created.result as { Policy: { Arn: string } }).Policy.Arn;
  if ('role' in target)
    return callAws(world, root, 'iam', 'PutRolePermissionsBoundary', {
      RoleName: target.role,
      PermissionsBoundary: arn,
    });
  return callAws(world, root, 'iam', 'PutUserPermissionsBoundary', {
    UserName: target.user,
    PermissionsBoundary: arn,
  });
}

/**
 * Parses each document and installs those AWS would accept. A document with parse errors is
 * not sent at all (its issues carry ranges); one the service refuses gets the service's message
 * as an issue over the whole text.
 */
export function installDocuments(
  world: World,
  editables: readonly Editable[],
  documents: Readonly<Record<string, string>>,
): DocumentResult[] {
  return editables.map((e) => {
    const text = documents[e.id] ?? e.starter;
    const parsed = parsePolicy(text, POLICY_KIND[e.kind]);
    const issues: PolicyIssue[] = [...parsed.issues];
    if (hasErrors(parsed)) {
      const first = issues.find((i) => i.severity === 'error');
      return {
        id: e.id,
        issues,
        installed: false,
        rejection: `AWS would reject ${e.label}: ${first?.message ?? 'the document is invalid.'}`,
      };
    }
    const answer = put(world, e.target, text, e.id);
    if (answer.ok) return { id: e.id, issues, installed: true };
    const message = `${answer.error.code}: ${answer.error.message}`;
    issues.push({
      code: answer.error.code,
      severity: 'error',
      path: '',
      range: wholeRange(text),
      message,
    });
    return { id: e.id, issues, installed: false, rejection: `AWS rejected ${e.label}: ${message}` };
  });
}

/**
 * The session policies of the installed documents, by `account/role`: the grader passes each as
 * the Policy parameter when a user assumes that role.
 */
export function sessionPolicies(
  world: World,
  editables: readonly Editable[],
  documents: Readonly<Record<string, string>>,
  results: readonly DocumentResult[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of editables) {
    if (!('sessionPolicyFor' in e.target)) continue;
    if (results.find((r) => r.id === e.id)?.installed !== true) continue;
    out.set(`${accountFor(world, e.target.account)}/${e.target.sessionPolicyFor}`, documents[e.id] ?? e.starter);
  }
  return out;
}
