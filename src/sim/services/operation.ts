/**
 * The shape of one simulated API operation and the notes it leaves for its trail event.
 */
import type { EventUserIdentity, World } from '../world/types.ts';
import type { CallEnv } from './access.ts';
import type { Invoker } from './lambda/runtime.ts';
import type { Params } from './params.ts';
import type { AwsResult, CallParams } from './types.ts';

/** What an operation may say about its own CloudTrail event. */
export interface TrailNotes {
  /** Replaces the caller's identity (SAML and web-identity callers have no credentials). */
  userIdentity?: EventUserIdentity;
  /** Replaces the response recorded (e.g. credentials without the secret). */
  responseElements?: unknown;
  /** The account receiving the event, when not the caller's. */
  recipientAccountId?: string;
  /** Replaces the parameters recorded (S3 never logs object bodies). */
  requestParameters?: unknown;
  /** `Data` for data events (S3 object operations). */
  eventCategory?: 'Management' | 'Data';
  /** The resources the call touched, as CloudTrail lists them. */
  resources?: { ARN: string; accountId?: string; type: string }[];
}

/** One operation of a service. */
export interface Operation {
  /** True for reads (Get*, List*): CloudTrail marks them readOnly and records no response. */
  readOnly: boolean;
  /** True when the operation is called without credentials (AssumeRoleWithSAML, AssumeRoleWithWebIdentity). */
  unsigned?: boolean;
  /**
   * True when the call may be signed or not: S3 takes anonymous requests and lets the bucket
   * policy decide, where other services answer MissingAuthenticationToken.
   */
  allowsAnonymous?: boolean;
  /**
   * Validates, authorizes and applies the call. It must check everything before it changes the
   * world, so that a failed call leaves the world exactly as it was.
   */
  run(env: CallEnv, params: Params, trail: TrailNotes): AwsResult<unknown>;
}

/** A service's operations by name, and its CloudTrail event source. */
export interface ServiceDefinition {
  /** `iam.amazonaws.com`, `sts.amazonaws.com`, … */
  eventSource: string;
  operations: Readonly<Record<string, Operation>>;
  /**
   * Runs after each successful call of this service, once its event is logged, with `callAws`
   * as `call`: S3's event notifications invoke functions here. A hook rather than an import in
   * call.ts, so that the service's code loads only with the service.
   */
  afterCall?(world: World, operation: string, params: CallParams, principalId: string, call: Invoker): void;
}
