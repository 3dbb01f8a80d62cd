/**
 * Installing the learner's documents into the world, through the same API calls an
 * administrator would make as the account's root user — so the services' own validation
 * (MalformedPolicyDocument, unknown principals, Block Public Access) applies exactly as in AWS.
 */
import { callAws } from '../sim/services/index.ts';
import { hasErrors, parsePolicy } from '../sim/policy/index.ts';
import type { AwsResult, PolicyIssue, PolicyKind, SourceRange, World } from '../sim/index.ts';
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

/** Puts one document at its target; the service's answer. */
function put(world: World, target: Target, text: string, editableId: string): AwsResult<unknown> {
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
