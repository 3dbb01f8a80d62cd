/**
 * The function policy: AddPermission, RemovePermission, GetPolicy (Lambda API Reference;
 * Lambda Developer Guide, "Using resource-based policies for Lambda").
 *
 * Learners do not write this policy; AddPermission builds one statement per call from its
 * parameters, in AWS's shape: `Principal` (an account becomes `{"AWS": "arn:aws:iam::…:root"}`,
 * a service `{"Service": …}`), `SourceArn` → `ArnLike {"AWS:SourceArn"}`, `SourceAccount` →
 * `StringEquals {"AWS:SourceAccount"}`, `PrincipalOrgID` → `StringEquals {"aws:PrincipalOrgID"}`,
 * `FunctionUrlAuthType` → `StringEquals {"lambda:FunctionUrlAuthType"}`.
 */
import { hasErrors, parsePolicy } from '../../policy/index.ts';
import { uuid } from '../../world/ids.ts';
import { permissionStatement, principalElement } from '../../world/lambda-records.ts';
import type { FunctionPolicyStatement, LambdaFunction } from '../../world/lambda-types.ts';
import type { CallEnv } from '../access.ts';
import { awsError, fail, ok } from '../errors.ts';
import type { Operation, TrailNotes } from '../operation.ts';
import type { Params } from '../params.ts';
import type { AwsError, AwsResult } from '../types.ts';
import { functionPolicyText, invalidParameter, resourceConflict, resourceNotFound } from './common.ts';
import { withFunction } from './functions.ts';

/** The largest function policy (Lambda quotas: 20 KB). */
export const MAX_FUNCTION_POLICY_BYTES = 20 * 1024;

const SID = /^[a-zA-Z0-9_.-]{1,100}$/;
const ACTION = /^(lambda:[*]|lambda:[a-zA-Z]+|[*])$/;
const ORG_ID = /^o-[a-z0-9]{10,32}$/;

function optional(p: Params, name: string, problems: string[], pattern?: RegExp): string | undefined {
  const v = p.value(name);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || (pattern !== undefined && !pattern.test(v))) {
    problems.push(`Value '${String(v)}' at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${pattern?.source ?? '.*'}`);
    return undefined;
  }
  return v;
}

/** Builds the statement AddPermission adds; an error for invalid parameters. */
function buildStatement(p: Params, fn: LambdaFunction): FunctionPolicyStatement | AwsError {
  const problems: string[] = [];
  const sid = optional(p, 'StatementId', problems, SID);
  const action = optional(p, 'Action', problems, ACTION);
  const principal = optional(p, 'Principal', problems, /^[^\s]+$/);
  const sourceArn = optional(p, 'SourceArn', problems, /^arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9-])+:([a-z]{2}(-gov)?-[a-z]+-\d{1})?:(\d{12})?:(.*)$/);
  const sourceAccount = optional(p, 'SourceAccount', problems, /^\d{12}$/);
  const orgId = optional(p, 'PrincipalOrgID', problems, ORG_ID);
  const urlAuth = optional(p, 'FunctionUrlAuthType', problems, /^(NONE|AWS_IAM)$/);
  for (const [name, value] of [['StatementId', sid], ['Action', action], ['Principal', principal]] as const) {
    if (value === undefined && !p.has(name)) problems.push(`Value null at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`);
  }
  if (problems.length > 0 || sid === undefined || action === undefined || principal === undefined) {
    return awsError('ValidationException', `${problems.length} validation error${problems.length === 1 ? '' : 's'} detected: ${problems.join('; ')}`, 400);
  }
  const element = principalElement(principal);
  if (element === undefined) return invalidParameter('The provided principal was invalid. Please check the principal and try again.');
  return permissionStatement(
    {
      sid,
      action,
      principal: element,
      ...(sourceArn === undefined ? {} : { sourceArn }),
      ...(sourceAccount === undefined ? {} : { sourceAccount }),
      ...(orgId === undefined ? {} : { principalOrgId: orgId }),
      ...(urlAuth === undefined ? {} : { functionUrlAuthType: urlAuth }),
    },
    fn.functionArn,
  );
}

function addPermission(env: CallEnv, p: Params, trail: TrailNotes): AwsResult<unknown> {
  return withFunction(env, p, trail, 'lambda:AddPermission', (fn) => {
    const statement = buildStatement(p, fn);
    if ('code' in statement) return fail(statement);
    if (fn.policy.some((s) => s.Sid === statement.Sid)) {
      return fail(resourceConflict(`The statement id (${statement.Sid}) provided already exists. Please provide a new statement id, or remove the existing statement.`));
    }
    const policy = [...fn.policy, statement];
    const text = JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: policy });
    if (text.length > MAX_FUNCTION_POLICY_BYTES) return fail(awsError('PolicyLengthExceededException', 'The final policy size is bigger than the limit.', 400));
    const parsed = parsePolicy(text, 'lambda-function');
    const first = hasErrors(parsed) ? parsed.issues.find((i) => i.severity === 'error') : undefined;
    if (first !== undefined) return fail(invalidParameter(first.message));
    fn.policy = policy;
    fn.revisionId = uuid(env.world.ids);
    return ok({ Statement: JSON.stringify(statement) });
  });
}

function removePermission(env: CallEnv, p: Params, trail: TrailNotes): AwsResult<unknown> {
  return withFunction(env, p, trail, 'lambda:RemovePermission', (fn) => {
    const sid = p.value('StatementId');
    if (typeof sid !== 'string' || !SID.test(sid)) return fail(awsError('ValidationException', "1 validation error detected: Value at 'statementId' failed to satisfy constraint: Member must satisfy regular expression pattern: ([a-zA-Z0-9-_.]+)", 400));
    if (fn.policy.length === 0) return fail(resourceNotFound('No policy is associated with the given resource.'));
    if (!fn.policy.some((s) => s.Sid === sid)) return fail(resourceNotFound(`Statement ${sid} is not found in resource policy.`));
    fn.policy = fn.policy.filter((s) => s.Sid !== sid);
    fn.revisionId = uuid(env.world.ids);
    return ok({});
  });
}

function getPolicy(env: CallEnv, p: Params, trail: TrailNotes): AwsResult<unknown> {
  return withFunction(env, p, trail, 'lambda:GetPolicy', (fn) => {
    const text = functionPolicyText(fn);
    return text === null ? fail(resourceNotFound('The resource you requested does not exist.')) : ok({ Policy: text, RevisionId: fn.revisionId });
  });
}

/** The function-policy operations by name. */
export const PERMISSION_OPERATIONS: Readonly<Record<string, Operation>> = {
  AddPermission: { readOnly: false, run: (env, p, trail) => addPermission(env, p, trail) },
  RemovePermission: { readOnly: false, run: (env, p, trail) => removePermission(env, p, trail) },
  GetPolicy: { readOnly: true, run: (env, p, trail) => getPolicy(env, p, trail) },
};
