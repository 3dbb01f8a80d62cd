/**
 * The simulated AWS Lambda: functions with an execution role and a declarative handler,
 * Invoke, the function policy built by AddPermission, and S3 event notifications that make S3
 * invoke a function as a service principal.
 *
 * The operation table is built by `lambdaService(invoke)`: Invoke needs `callAws` to run the
 * handler's steps, and call.ts passes it in (this module must not import call.ts, which
 * imports it).
 */
import type { ServiceDefinition } from '../operation.ts';
import { FUNCTION_OPERATIONS } from './functions.ts';
import { invokeOperation } from './invoke.ts';
import { PERMISSION_OPERATIONS } from './permissions.ts';
import type { Invoker } from './runtime.ts';

/** Lambda's operations, with Invoke running handlers through `invoke`. */
export function lambdaService(invoke: Invoker): ServiceDefinition {
  return {
    eventSource: 'lambda.amazonaws.com',
    operations: { ...FUNCTION_OPERATIONS, ...PERMISSION_OPERATIONS, Invoke: invokeOperation(invoke) },
  };
}

export { NOTIFICATION_OPERATIONS, afterS3Call, S3_EVENT_TYPES } from './s3-notifications.ts';
export { invokeAsService, serviceMayInvoke } from './invoke.ts';
export type { ServiceInvocation } from './invoke.ts';
export { runFunction, executionCredentials, MAX_INVOKE_DEPTH, REFRESH_BEFORE_MS, FUNCTION_USER_AGENT } from './runtime.ts';
export type { Invoker, Execution } from './runtime.ts';
export { parseHandlerSpec, bindParams, eventField, MAX_STEPS } from './handler-spec.ts';
export { functionArn, functionConfiguration, functionPolicyText } from './common.ts';
export { MAX_FUNCTION_POLICY_BYTES } from './permissions.ts';
export { principalElement, permissionStatement, newFunction } from '../../world/lambda-records.ts';
export { RUNTIMES } from './functions.ts';
