/**
 * AWS Lambda state: functions with their execution role, their resource-based policy (built by
 * AddPermission) and the declarative handler the simulator runs in place of code. Function
 * names are unique per account and Region, so functions live in one world-level map keyed by
 * their (unqualified) ARN.
 */

/** One step of a declarative handler: an AWS call made with the execution role's credentials. */
export interface HandlerStep {
  /** `service:Operation`, e.g. `s3:GetObject`. */
  call: string;
  /** The call's parameters; a string `"$event.a.b"` is replaced by that field of the invocation event. */
  params?: Record<string, unknown>;
}

/** What the simulator runs when the function is invoked (its "deployment package"). */
export interface HandlerSpec {
  steps: HandlerStep[];
  /** What the function returns: the last step's result (default), every result, the event, or nothing. */
  return?: 'last' | 'all' | 'event' | 'none';
}

/** One statement of a function policy, as AddPermission builds it. */
export interface FunctionPolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Principal: '*' | { AWS: string } | { Service: string };
  Action: string;
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
}

/** The execution-role credentials Lambda keeps for the function between invocations. */
export interface LambdaCredentialCache {
  /** The STS access key id (the session itself lives in `world.sts.credentials`). */
  accessKeyId: string;
  roleArn: string;
  expirationMs: number;
}

/** One function ($LATEST; versions and aliases are not simulated). */
export interface LambdaFunction {
  functionName: string;
  functionArn: string;
  accountId: string;
  region: string;
  /** The execution role ARN. */
  role: string;
  runtime: string;
  handler: string;
  description: string;
  timeout: number;
  memorySize: number;
  lastModified: string;
  codeSha256: string;
  codeSize: number;
  revisionId: string;
  environment: Record<string, string>;
  tags: Record<string, string>;
  spec: HandlerSpec;
  /** The function policy's statements, in the order they were added (empty: no policy). */
  policy: FunctionPolicyStatement[];
  credentials: LambdaCredentialCache | null;
}

/** All of Lambda in a world. */
export interface LambdaState {
  /** Functions by unqualified ARN. */
  functions: Record<string, LambdaFunction>;
}

/** An empty Lambda. */
export function emptyLambdaState(): LambdaState {
  return { functions: {} };
}
