/**
 * Running a function: Lambda assumes the execution role as `lambda.amazonaws.com` (session name
 * = the function name, so calls show up as `assumed-role/<role>/<function>`), keeps those
 * credentials for later invocations until shortly before they expire, and the handler's steps
 * run as AWS calls signed with them (Lambda Developer Guide, "Lambda execution role").
 *
 * The calls go through an `Invoker` — `callAws` itself, handed in by call.ts so that this
 * module does not import the module that imports it.
 */
import type { LambdaFunction } from '../../world/lambda-types.ts';
import type { World } from '../../world/types.ts';
import { assumeRoleAsService } from '../sts/service-assume.ts';
import type { AccessKeyCredentials, AwsResult, CallOptions, CallParams, Credentials } from '../types.ts';
import { bindParams } from './handler-spec.ts';

/** `callAws`'s signature, so the runtime can make calls without importing it. */
export type Invoker = (world: World, credentials: Credentials, service: string, operation: string, params?: CallParams, opts?: CallOptions) => AwsResult<unknown>;

/** Credentials are replaced when fewer than this many milliseconds of their life remain. */
export const REFRESH_BEFORE_MS = 5 * 60 * 1000;

/**
 * How deep functions may invoke functions (directly, or through S3 notifications they trigger):
 * Lambda's recursive loop detection stops such loops (Lambda Developer Guide, "Recursive loop
 * detection"); the simulator stops them at this depth.
 */
export const MAX_INVOKE_DEPTH = 8;
let depth = 0;

/** What an invocation produced: the payload, and `Unhandled` when the handler failed. */
export interface Execution {
  payload: unknown;
  functionError?: 'Unhandled';
}

/** The user agent of calls a function makes (the AWS SDK for JavaScript in the Lambda runtime). */
export const FUNCTION_USER_AGENT = 'aws-sdk-js/3 exec-env/AWS_Lambda_nodejs22.x';

/** The error payload Lambda returns for an unhandled error. */
function errorPayload(type: string, message: string): Record<string, unknown> {
  return { errorType: type, errorMessage: message, trace: [] };
}

/**
 * The execution role's credentials for a function: the cached ones while fresh, else a new
 * role session. An error payload when Lambda cannot assume the role (its trust policy changed).
 */
export function executionCredentials(world: World, fn: LambdaFunction): AccessKeyCredentials | Execution {
  const now = world.clock.epochMs;
  const cache = fn.credentials;
  const cached = cache === null ? undefined : world.sts.credentials[cache.accessKeyId];
  if (cache !== null && cached !== undefined && cache.roleArn === fn.role && now < cache.expirationMs - REFRESH_BEFORE_MS) {
    return { accessKeyId: cached.accessKeyId, secretAccessKey: cached.secretAccessKey, sessionToken: cached.sessionToken };
  }
  const assumed = assumeRoleAsService(world, {
    service: 'lambda.amazonaws.com',
    roleArn: fn.role,
    sessionName: fn.functionName,
    sourceArn: fn.functionArn,
    sourceAccount: fn.accountId,
    region: fn.region,
    // Lambda's credentials last as long as the execution environment; twelve hours at most.
    durationSeconds: 12 * 3600,
  });
  if (!assumed.ok) {
    fn.credentials = null;
    return { payload: errorPayload('AccessDeniedException', 'The role defined for the function cannot be assumed by Lambda.'), functionError: 'Unhandled' };
  }
  const s = assumed.result.session;
  fn.credentials = { accessKeyId: s.accessKeyId, roleArn: fn.role, expirationMs: s.expirationMs };
  return { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey, sessionToken: s.sessionToken };
}

/**
 * Runs the function's handler on `event`. Never throws; a failing step ends the run with
 * `Unhandled` and the AWS error as the payload, as an uncaught SDK error would.
 */
export function runFunction(world: World, fn: LambdaFunction, event: unknown, invoke: Invoker): Execution {
  if (depth >= MAX_INVOKE_DEPTH) {
    return { payload: errorPayload('RecursiveInvocationException', 'Lambda stopped a recursive loop of invocations.'), functionError: 'Unhandled' };
  }
  const creds = executionCredentials(world, fn);
  if ('payload' in creds) return creds;
  // Read everything needed from `fn` now: a failed inner call restores the world, replacing its objects.
  const { spec, region } = fn;
  const results: unknown[] = [];
  depth += 1;
  try {
    for (const step of spec.steps) {
      const colon = step.call.indexOf(':');
      const params = bindParams(step.params ?? {}, event) as CallParams;
      const r = invoke(world, creds, step.call.slice(0, colon), step.call.slice(colon + 1), params, { region, userAgent: FUNCTION_USER_AGENT });
      if (!r.ok) return { payload: errorPayload(r.error.code, r.error.message), functionError: 'Unhandled' };
      results.push(r.result);
    }
  } finally {
    depth -= 1;
  }
  switch (spec.return ?? 'last') {
    case 'all':
      return { payload: results };
    case 'event':
      return { payload: event };
    case 'none':
      return { payload: null };
    default:
      return { payload: results.at(-1) ?? null };
  }
}
