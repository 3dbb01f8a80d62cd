/**
 * What the Lambda operations share: AWS's errors (Lambda API Reference, each operation's
 * Errors), function ARNs, finding a function from a name, partial ARN or full ARN, the
 * authorization of a Lambda action (identity policies plus the function policy), and the
 * FunctionConfiguration shape.
 */
import { functionArn } from '../../world/lambda-records.ts';
import type { FunctionPolicyStatement, LambdaFunction } from '../../world/lambda-types.ts';
import type { CallEnv } from '../access.ts';
import { checkAccess, requestedRegion } from '../access.ts';
import { awsError } from '../errors.ts';
import type { TrailNotes } from '../operation.ts';
import type { Params } from '../params.ts';
import type { AwsError } from '../types.ts';

/** `ResourceNotFoundException` (404). */
export function resourceNotFound(message: string): AwsError {
  return awsError('ResourceNotFoundException', message, 404);
}

/** `InvalidParameterValueException` (400). */
export function invalidParameter(message: string): AwsError {
  return awsError('InvalidParameterValueException', message, 400);
}

/** `ResourceConflictException` (409). */
export function resourceConflict(message: string): AwsError {
  return awsError('ResourceConflictException', message, 409);
}

/** `AccessDeniedException` (403), Lambda's code for a denial. */
export function lambdaAccessDenied(message: string): AwsError {
  return awsError('AccessDeniedException', message, 403);
}

export { functionArn, lambdaTime } from '../../world/lambda-records.ts';

/** Function names: letters, digits, hyphens and underscores, 1–64 characters. */
export const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const FULL_ARN = /^arn:aws:lambda:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):function:([a-zA-Z0-9_-]{1,64})(?::(\$LATEST|[a-zA-Z0-9_-]+))?$/;
const PARTIAL_ARN = /^(\d{12}):function:([a-zA-Z0-9_-]{1,64})(?::(\$LATEST|[a-zA-Z0-9_-]+))?$/;

/** Where a `FunctionName` parameter points: the ARN it stands for, whether or not the function exists. */
export interface FunctionRef {
  arn: string;
  name: string;
  account: string;
  region: string;
}

/** Resolves `FunctionName` (name, `account:function:name`, or full ARN) against the caller's account and Region. */
export function readFunctionName(env: CallEnv, p: Params): FunctionRef | AwsError {
  const raw = p.value('FunctionName');
  if (typeof raw !== 'string' || raw === '') {
    return awsError('ValidationException', "1 validation error detected: Value null at 'functionName' failed to satisfy constraint: Member must not be null", 400);
  }
  const region = requestedRegion(env);
  const own = env.caller.kind === 'anonymous' ? '' : env.caller.accountId;
  const full = FULL_ARN.exec(raw);
  if (full !== null) {
    const [, r = region, account = own, name = ''] = full;
    return { arn: functionArn(r, account, name), name, account, region: r };
  }
  const partial = PARTIAL_ARN.exec(raw);
  if (partial !== null) {
    const [, account = own, name = ''] = partial;
    return { arn: functionArn(region, account, name), name, account, region };
  }
  if (!FUNCTION_NAME.test(raw)) {
    return awsError(
      'ValidationException',
      `1 validation error detected: Value '${raw}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`,
      400,
    );
  }
  return { arn: functionArn(region, own, raw), name: raw, account: own, region };
}

/** The function a reference points to, or Lambda's ResourceNotFoundException. */
export function findFunction(env: CallEnv, ref: FunctionRef): LambdaFunction | AwsError {
  return env.world.lambda.functions[ref.arn] ?? resourceNotFound(`Function not found: ${ref.arn}`);
}

/** The function policy as a document (Version, Id "default", Statement), or null without statements. */
export function functionPolicyText(fn: LambdaFunction): string | null {
  if (fn.policy.length === 0) return null;
  return JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: fn.policy });
}

/** Statements as AWS stores them (for typing callers that build them). */
export type { FunctionPolicyStatement };

/**
 * Authorizes a Lambda action on a function (or on `*`-like resources when `fn` is undefined):
 * the caller's policies and the function policy, evaluated as a `lambda-function` resource
 * policy — so another account can act only where both sides allow it.
 */
export function authorizeLambda(env: CallEnv, action: string, resource: string, fn?: LambdaFunction, context: Record<string, string | string[]> = {}): AwsError | undefined {
  const outcome = checkAccess(env, {
    action,
    resource,
    context,
    ...(fn === undefined ? {} : { resourceAccount: fn.accountId, resourcePolicy: functionPolicyText(fn), resourcePolicyKind: 'lambda-function' as const }),
  });
  return outcome.allowed ? undefined : lambdaAccessDenied(outcome.error?.message ?? 'Access denied');
}

/** The trail of a call on one function: its resource, and the owner's account as recipient. */
export function functionTrail(trail: TrailNotes, fn: { functionArn: string; accountId: string }): void {
  trail.resources = [{ ARN: fn.functionArn, accountId: fn.accountId, type: 'AWS::Lambda::Function' }];
}

/** FunctionConfiguration (Lambda API Reference). */
export function functionConfiguration(fn: LambdaFunction): Record<string, unknown> {
  const out: Record<string, unknown> = {
    FunctionName: fn.functionName,
    FunctionArn: fn.functionArn,
    Runtime: fn.runtime,
    Role: fn.role,
    Handler: fn.handler,
    CodeSize: fn.codeSize,
    Description: fn.description,
    Timeout: fn.timeout,
    MemorySize: fn.memorySize,
    LastModified: fn.lastModified,
    CodeSha256: fn.codeSha256,
    Version: '$LATEST',
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: fn.revisionId,
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: ['x86_64'],
  };
  if (Object.keys(fn.environment).length > 0) out['Environment'] = { Variables: { ...fn.environment } };
  return out;
}
