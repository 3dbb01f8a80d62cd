/**
 * Invoke (Lambda API Reference) and invocation by an AWS service.
 *
 * A principal calls Invoke with `lambda:InvokeFunction`: its own policies and the function
 * policy decide, so a caller from another account needs both. A service (S3 for an event
 * notification) is authorized by the function policy alone, as the service principal with
 * `aws:SourceArn` / `aws:SourceAccount` naming the resource it acts for — the confused-deputy
 * guard of the Lambda Developer Guide, "Using resource-based policies for Lambda".
 *
 * Invoke is a data event in CloudTrail (`AWS::Lambda::Function`), so it is not in Event history.
 */
import { authorize } from '../../authz/index.ts';
import type { LambdaFunction } from '../../world/lambda-types.ts';
import type { World } from '../../world/types.ts';
import { baseContext } from '../access.ts';
import { awsError, fail, ok } from '../errors.ts';
import { recordEvent } from '../events.ts';
import type { Operation } from '../operation.ts';
import type { AwsResult } from '../types.ts';
import { functionPolicyText } from './common.ts';
import { withFunction } from './functions.ts';
import { runFunction } from './runtime.ts';
import type { Execution, Invoker } from './runtime.ts';

const INVOCATION_TYPES = new Set(['RequestResponse', 'Event', 'DryRun']);

/** The invocation event from `Payload`: JSON text (as the SDKs send it) or a value. */
function readPayload(raw: unknown): { event: unknown } | { error: string } {
  if (raw === undefined || raw === null || raw === '') return { event: {} };
  if (typeof raw !== 'string') return { event: raw };
  try {
    return { event: JSON.parse(raw) as unknown };
  } catch {
    return { error: 'Could not parse request body into json: Could not parse payload into json' };
  }
}

/** The Invoke operation; `invoke` makes the handler's calls (callAws, handed in by call.ts). */
export function invokeOperation(invoke: Invoker): Operation {
  return {
    readOnly: false,
    run: (env, p, trail) =>
      withFunction(env, p, trail, 'lambda:InvokeFunction', (fn): AwsResult<unknown> => {
        trail.eventCategory = 'Data';
        // The payload (which may hold what the function read) never reaches the trail.
        trail.responseElements = null;
        trail.recipientAccountId = fn.accountId;
        trail.requestParameters = { functionName: fn.functionArn, invocationType: p.value('InvocationType') ?? 'RequestResponse' };
        const type = p.value('InvocationType') ?? 'RequestResponse';
        if (typeof type !== 'string' || !INVOCATION_TYPES.has(type)) {
          return fail(awsError('ValidationException', `1 validation error detected: Value '${String(type)}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`, 400));
        }
        const payload = readPayload(p.value('Payload'));
        if ('error' in payload) return fail(awsError('InvalidRequestContentException', payload.error, 400));
        if (type === 'DryRun') return ok({ StatusCode: 204 });
        const run = runFunction(env.world, fn, payload.event, invoke);
        if (type === 'Event') return ok({ StatusCode: 202, Payload: '' });
        const out: Record<string, unknown> = { StatusCode: 200, ExecutedVersion: '$LATEST', Payload: JSON.stringify(run.payload) };
        if (run.functionError !== undefined) out['FunctionError'] = run.functionError;
        return ok(out);
      }),
  };
}

/** A service invoking a function on behalf of one of its resources. */
export interface ServiceInvocation {
  /** The service principal, e.g. `s3.amazonaws.com`. */
  service: string;
  /** The resource it acts for (`aws:SourceArn`), e.g. the bucket ARN. */
  sourceArn: string;
  /** The account owning that resource (`aws:SourceAccount`). */
  sourceAccount: string;
}

/** Whether the function policy lets the service invoke the function for that resource. */
export function serviceMayInvoke(world: World, fn: LambdaFunction, who: ServiceInvocation): boolean {
  const env = { world, caller: { kind: 'anonymous' as const }, opts: { region: fn.region }, service: 'lambda' };
  const decision = authorize({
    principal: { arn: who.service, type: 'AWSService' },
    request: {
      action: 'lambda:InvokeFunction',
      resource: fn.functionArn,
      resourceAccount: fn.accountId,
      context: { ...baseContext(env), 'aws:SourceArn': who.sourceArn, 'aws:SourceAccount': who.sourceAccount, 'aws:PrincipalIsAWSService': 'true' },
    },
    policies: { resource: functionPolicyText(fn), resourcePolicyKind: 'lambda-function' },
  });
  return decision.decision === 'Allow';
}

/**
 * A service invokes a function asynchronously (as S3 does for event notifications): authorized
 * by the function policy, logged as an Invoke data event in the function owner's account, run
 * when allowed. Never throws.
 */
export function invokeAsService(world: World, fn: LambdaFunction, who: ServiceInvocation, event: unknown, invoke: Invoker): Execution | undefined {
  const allowed = serviceMayInvoke(world, fn, who);
  const logged = recordEvent(world, {
    eventSource: 'lambda.amazonaws.com',
    eventName: 'Invoke',
    awsRegion: fn.region,
    sourceIPAddress: who.service,
    userAgent: who.service,
    userIdentity: { type: 'AWSService', invokedBy: who.service },
    requestParameters: { functionName: fn.functionArn, invocationType: 'Event', sourceArn: who.sourceArn, sourceAccount: who.sourceAccount },
    responseElements: null,
    ...(allowed ? {} : { error: awsError('AccessDeniedException', `${who.service} is not authorized to perform: lambda:InvokeFunction on resource: ${fn.functionArn}`, 403) }),
    readOnly: false,
    recipientAccountId: fn.accountId,
  });
  logged.eventCategory = 'Data';
  logged.resources = [{ ARN: fn.functionArn, accountId: fn.accountId, type: 'AWS::Lambda::Function' }];
  return allowed ? runFunction(world, fn, event, invoke) : undefined;
}
