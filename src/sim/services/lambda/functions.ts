/**
 * Functions: CreateFunction, GetFunction, GetFunctionConfiguration, ListFunctions,
 * DeleteFunction (Lambda API Reference).
 *
 * CreateFunction hands the execution role to Lambda, so the caller needs `iam:PassRole` on it
 * with `iam:PassedToService = lambda.amazonaws.com`, and the role's trust policy must let
 * `lambda.amazonaws.com` assume it — otherwise "The role defined for the function cannot be
 * assumed by Lambda." (Lambda Developer Guide, "Lambda execution role"). The deployment
 * package is the simulator's declarative handler (handler-spec.ts).
 */
import { authorize } from '../../authz/index.ts';
import { newFunction } from '../../world/lambda-records.ts';
import type { LambdaFunction } from '../../world/lambda-types.ts';
import type { CallEnv } from '../access.ts';
import { requestedRegion } from '../access.ts';
import { awsError, fail, ok } from '../errors.ts';
import { checkPassRole } from '../iam/pass-role.ts';
import type { Operation, TrailNotes } from '../operation.ts';
import type { Params } from '../params.ts';
import { roleByArn } from '../sts/roles.ts';
import type { AwsError, AwsResult } from '../types.ts';
import { FUNCTION_NAME, authorizeLambda, findFunction, functionArn, functionConfiguration, functionTrail, invalidParameter, lambdaAccessDenied, readFunctionName, resourceConflict } from './common.ts';
import { parseHandlerSpec } from './handler-spec.ts';

/** The runtimes CreateFunction accepts (Lambda Developer Guide, "Lambda runtimes", supported). */
export const RUNTIMES = ['nodejs18.x', 'nodejs20.x', 'nodejs22.x', 'python3.9', 'python3.10', 'python3.11', 'python3.12', 'python3.13', 'java17', 'java21', 'dotnet8', 'ruby3.3', 'provided.al2023'] as const;

const ROLE_ARN = /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-/]+$/;
const CANNOT_ASSUME = 'The role defined for the function cannot be assumed by Lambda.';

function validation(problems: string[]): AwsError {
  return awsError('ValidationException', `${problems.length} validation error${problems.length === 1 ? '' : 's'} detected: ${problems.join('; ')}`, 400);
}

/** True when the role's trust policy lets Lambda assume it for this function. */
function lambdaMayAssume(env: CallEnv, roleArn: string, fnArn: string, account: string): boolean {
  const role = roleByArn(env.world, roleArn);
  if (role === undefined) return false;
  const decision = authorize({
    principal: { arn: 'lambda.amazonaws.com', type: 'AWSService' },
    request: { action: 'sts:AssumeRole', resource: role.arn, context: { 'aws:SourceArn': fnArn, 'aws:SourceAccount': account } },
    policies: { trust: role.assumeRolePolicyDocument },
  });
  return decision.decision === 'Allow';
}

/** Reads the string parameters of CreateFunction; ValidationException lists every violation. */
function readCreate(p: Params): { role: string; runtime?: string; handler?: string; description: string; timeout: number; memory: number; zip: unknown } | AwsError {
  const problems: string[] = [];
  const str = (name: string): string | undefined => {
    const v = p.value(name);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') problems.push(`Value at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must be a string`);
    return typeof v === 'string' ? v : undefined;
  };
  const role = str('Role');
  if (role === undefined) problems.push("Value null at 'role' failed to satisfy constraint: Member must not be null");
  else if (!ROLE_ARN.test(role)) problems.push(`Value '${role}' at 'role' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+`);
  const runtime = str('Runtime');
  if (runtime !== undefined && !(RUNTIMES as readonly string[]).includes(runtime)) problems.push(`Value '${runtime}' at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [${RUNTIMES.join(', ')}]`);
  const handler = str('Handler');
  const description = str('Description') ?? '';
  if (description.length > 256) problems.push("Value at 'description' failed to satisfy constraint: Member must have length less than or equal to 256");
  const num = (name: string, min: number, max: number, dflt: number): number => {
    const v = p.value(name);
    if (v === undefined || v === null) return dflt;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`Value '${String(v)}' at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must have value between ${min} and ${max}`);
    return n;
  };
  const timeout = num('Timeout', 1, 900, 3);
  const memory = num('MemorySize', 128, 10240, 128);
  const code = p.value('Code');
  if (code === undefined || code === null) problems.push("Value null at 'code' failed to satisfy constraint: Member must not be null");
  if (problems.length > 0 || role === undefined) return validation(problems);
  const zip = typeof code === 'object' && code !== null ? (code as { ZipFile?: unknown }).ZipFile : undefined;
  return { role, ...(runtime === undefined ? {} : { runtime }), ...(handler === undefined ? {} : { handler }), description, timeout, memory, zip };
}

/** Environment.Variables as a string map, or an error. */
function readEnvironment(p: Params): { vars: Record<string, string> } | { error: AwsError } {
  const raw = p.value('Environment');
  if (raw === undefined || raw === null) return { vars: {} };
  const vars = typeof raw === 'object' ? (raw as { Variables?: unknown }).Variables : undefined;
  if (vars === undefined) return { vars: {} };
  if (typeof vars !== 'object' || vars === null || Array.isArray(vars) || !Object.values(vars).every((v) => typeof v === 'string')) {
    return { error: invalidParameter('Environment.Variables must map names to strings.') };
  }
  return { vars: { ...(vars as Record<string, string>) } };
}

function createFunction(env: CallEnv, p: Params, trail: TrailNotes): AwsResult<unknown> {
  const name = p.value('FunctionName');
  if (typeof name !== 'string' || !FUNCTION_NAME.test(name)) {
    return fail(validation([`Value '${String(name ?? null)}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+ and have length 1 to 64`]));
  }
  const input = readCreate(p);
  if ('code' in input) return fail(input);
  const environment = readEnvironment(p);
  if ('error' in environment) return fail(environment.error);
  if (env.caller.kind === 'anonymous') return fail(lambdaAccessDenied('Anonymous callers cannot create functions.'));
  const account = env.caller.accountId;
  const region = requestedRegion(env);
  const arn = functionArn(region, account, name);
  // CloudTrail never shows the deployment package, and hides environment variables.
  trail.requestParameters = { functionName: name, role: input.role, runtime: input.runtime ?? null, handler: input.handler ?? null, description: input.description, timeout: input.timeout, memorySize: input.memory };
  functionTrail(trail, { functionArn: arn, accountId: account });
  if (input.runtime === undefined || input.handler === undefined) return fail(invalidParameter('Runtime and Handler are mandatory parameters for functions created with deployment packages.'));
  const spec = parseHandlerSpec(input.zip);
  if (typeof spec === 'string') return fail(invalidParameter(`Could not unzip uploaded file. Please check your file, then try to upload again. (${spec})`));
  const denied = authorizeLambda(env, 'lambda:CreateFunction', arn);
  if (denied !== undefined) return fail(denied);
  const pass = checkPassRole(env, input.role, 'lambda.amazonaws.com');
  if (pass !== undefined) return fail(lambdaAccessDenied(pass.message));
  if (!lambdaMayAssume(env, input.role, arn, account)) return fail(invalidParameter(CANNOT_ASSUME));
  if (env.world.lambda.functions[arn] !== undefined) return fail(resourceConflict(`Function already exist: ${name}`));
  const codeText = typeof input.zip === 'string' ? input.zip : JSON.stringify(input.zip);
  const fn = newFunction(env.world, {
    name,
    accountId: account,
    region,
    role: input.role,
    runtime: input.runtime,
    handler: input.handler,
    description: input.description,
    timeout: input.timeout,
    memorySize: input.memory,
    environment: environment.vars,
    spec,
    codeText,
  });
  env.world.lambda.functions[arn] = fn;
  const configuration = functionConfiguration(fn);
  // CloudTrail hides environment variables, which often hold secrets.
  trail.responseElements = { ...configuration, ...(configuration['Environment'] === undefined ? {} : { Environment: { Variables: 'HIDDEN_DUE_TO_SECURITY_REASONS' } }) };
  return ok(configuration);
}

/** Runs `body` with the function `FunctionName` names, after authorizing `action` on it. */
export function withFunction(env: CallEnv, p: Params, trail: TrailNotes, action: string, body: (fn: LambdaFunction) => AwsResult<unknown>): AwsResult<unknown> {
  const ref = readFunctionName(env, p);
  if ('code' in ref) return fail(ref);
  functionTrail(trail, { functionArn: ref.arn, accountId: ref.account });
  const fn = env.world.lambda.functions[ref.arn];
  // Without permission, a missing function is AccessDenied too: existence is not disclosed.
  const denied = authorizeLambda(env, action, ref.arn, fn);
  if (denied !== undefined) return fail(denied);
  const found = findFunction(env, ref);
  return 'code' in found ? fail(found) : body(found);
}

const getFunction: Operation = {
  readOnly: true,
  run: (env, p, trail) =>
    withFunction(env, p, trail, 'lambda:GetFunction', (fn) =>
      ok({
        Configuration: functionConfiguration(fn),
        Code: { RepositoryType: 'S3', Location: `https://awslambda-${fn.region}-tasks.s3.${fn.region}.amazonaws.com/snapshots/${fn.accountId}/${fn.functionName}-${fn.revisionId}` },
        ...(Object.keys(fn.tags).length > 0 ? { Tags: { ...fn.tags } } : {}),
      }),
    ),
};

const getFunctionConfiguration: Operation = {
  readOnly: true,
  run: (env, p, trail) => withFunction(env, p, trail, 'lambda:GetFunctionConfiguration', (fn) => ok(functionConfiguration(fn))),
};

const deleteFunction: Operation = {
  readOnly: false,
  run: (env, p, trail) =>
    withFunction(env, p, trail, 'lambda:DeleteFunction', (fn) => {
      delete env.world.lambda.functions[fn.functionArn];
      return ok({});
    }),
};

const listFunctions: Operation = {
  readOnly: true,
  run: (env) => {
    const denied = authorizeLambda(env, 'lambda:ListFunctions', '*');
    if (denied !== undefined) return fail(denied);
    const account = env.caller.kind === 'anonymous' ? '' : env.caller.accountId;
    const region = requestedRegion(env);
    const fns = Object.values(env.world.lambda.functions)
      .filter((f) => f.accountId === account && f.region === region)
      .sort((a, b) => a.functionName.localeCompare(b.functionName))
      .map(functionConfiguration);
    return ok({ Functions: fns });
  },
};

/** The function operations by name. */
export const FUNCTION_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateFunction: { readOnly: false, run: (env, p, trail) => createFunction(env, p, trail) },
  GetFunction: getFunction,
  GetFunctionConfiguration: getFunctionConfiguration,
  DeleteFunction: deleteFunction,
  ListFunctions: listFunctions,
};
