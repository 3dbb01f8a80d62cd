/**
 * AWS's errors, with the codes, messages and HTTP statuses the real APIs answer with
 * (IAM API Reference "Common Errors" and each operation's Errors section; STS API Reference).
 */
import type { AwsError, AwsResult } from './types.ts';

/** Builds an error. */
export function awsError(code: string, message: string, httpStatus: number): AwsError {
  return { code, message, httpStatus };
}

/** A failed result. */
export function fail<T = never>(error: AwsError): AwsResult<T> {
  return { ok: false, error };
}

/** A successful result. */
export function ok<T>(result: T): AwsResult<T> {
  return { ok: true, result };
}

/** `NoSuchEntity` (404), e.g. "The role with name X cannot be found." */
export function noSuchEntity(message: string): AwsError {
  return awsError('NoSuchEntity', message, 404);
}

/** `EntityAlreadyExists` (409). */
export function entityAlreadyExists(message: string): AwsError {
  return awsError('EntityAlreadyExists', message, 409);
}

/** `LimitExceeded` (409). */
export function limitExceeded(message: string): AwsError {
  return awsError('LimitExceeded', message, 409);
}

/** `DeleteConflict` (409). */
export function deleteConflict(message: string): AwsError {
  return awsError('DeleteConflict', message, 409);
}

/** `ValidationError` (400). */
export function validationError(message: string): AwsError {
  return awsError('ValidationError', message, 400);
}

/** `InvalidInput` (400). */
export function invalidInput(message: string): AwsError {
  return awsError('InvalidInput', message, 400);
}

/** `MalformedPolicyDocument` (400). */
export function malformedPolicy(message: string): AwsError {
  return awsError('MalformedPolicyDocument', message, 400);
}

/** `AccessDenied` (403). */
export function accessDenied(message: string): AwsError {
  return awsError('AccessDenied', message, 403);
}

/** `InvalidClientTokenId` (403): unknown or inactive access key. */
export function invalidClientToken(): AwsError {
  return awsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
}

/** `SignatureDoesNotMatch` (403): the secret does not belong to the key. */
export function signatureDoesNotMatch(): AwsError {
  return awsError(
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    403,
  );
}

/** `ExpiredToken` (400): temporary credentials past their expiration. */
export function expiredToken(): AwsError {
  return awsError('ExpiredToken', 'The security token included in the request is expired', 400);
}

/** `InvalidAction` (400): an operation the service does not have (or the simulator does not implement). */
export function invalidAction(service: string, operation: string): AwsError {
  return awsError('InvalidAction', `The action ${operation} is not valid for this web service (${service}).`, 400);
}

/** `MissingAuthenticationToken` (403): a signed operation called without credentials. */
export function missingAuthentication(): AwsError {
  return awsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
}

/** `InternalFailure` (500): a simulator bug, reported instead of thrown. */
export function internalFailure(detail: string): AwsError {
  return awsError('InternalFailure', `The simulator failed to process the request: ${detail}`, 500);
}
