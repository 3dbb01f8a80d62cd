/**
 * EC2's errors (Amazon EC2 API Reference, "Error codes"). EC2 answers a denial with
 * `UnauthorizedOperation`, not `AccessDenied`; the real message ends with an encoded
 * authorization message (for sts:DecodeAuthorizationMessage) — we give the decoded sentence.
 */
import { awsError } from '../errors.ts';
import type { AwsError } from '../types.ts';

/** `UnauthorizedOperation` (403). */
export function unauthorizedOperation(detail?: string): AwsError {
  const base = 'You are not authorized to perform this operation.';
  return awsError('UnauthorizedOperation', detail === undefined ? base : `${base} ${detail}`, 403);
}

/** `MissingParameter` (400). */
export function missingParameter(name: string): AwsError {
  return awsError('MissingParameter', `The request must contain the parameter ${name}`, 400);
}

/** `InvalidParameterValue` (400). */
export function invalidParameterValue(message: string): AwsError {
  return awsError('InvalidParameterValue', message, 400);
}

/** `InvalidInstanceID.Malformed` (400). */
export function malformedInstanceId(id: string): AwsError {
  return awsError('InvalidInstanceID.Malformed', `Invalid id: "${id}" (expecting "i-...")`, 400);
}

/** `InvalidInstanceID.NotFound` (400). */
export function instanceNotFound(id: string): AwsError {
  return awsError('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`, 400);
}

/** `InvalidAssociationID.NotFound` (400). */
export function associationNotFound(id: string): AwsError {
  return awsError('InvalidAssociationID.NotFound', `An association with ID ${id} does not exist.`, 400);
}

/** `IncorrectState` (400). */
export function incorrectState(message: string): AwsError {
  return awsError('IncorrectState', message, 400);
}
