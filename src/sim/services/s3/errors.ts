/**
 * S3's errors (Amazon S3 API Reference, "Error responses", list of error codes). A denial is
 * the bare "Access Denied" for requests from outside the bucket owner's account and
 * organization; inside them S3 now names the caller, the action and the policy type (see
 * `authorizeS3`).
 */
import { awsError } from '../errors.ts';
import type { AwsError } from '../types.ts';

/** `AccessDenied` (403), "Access Denied" unless a more precise message is given. */
export function s3AccessDenied(message = 'Access Denied'): AwsError {
  return awsError('AccessDenied', message, 403);
}

/** `NoSuchBucket` (404). */
export function noSuchBucket(): AwsError {
  return awsError('NoSuchBucket', 'The specified bucket does not exist', 404);
}

/** `NoSuchKey` (404). */
export function noSuchKey(): AwsError {
  return awsError('NoSuchKey', 'The specified key does not exist.', 404);
}

/** `NoSuchBucketPolicy` (404). */
export function noSuchBucketPolicy(): AwsError {
  return awsError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404);
}

/** `NoSuchPublicAccessBlockConfiguration` (404). */
export function noSuchPublicAccessBlock(): AwsError {
  return awsError('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404);
}

/** `BucketAlreadyExists` (409): another account owns the name. */
export function bucketAlreadyExists(): AwsError {
  return awsError(
    'BucketAlreadyExists',
    'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
    409,
  );
}

/** `BucketAlreadyOwnedByYou` (409). */
export function bucketAlreadyOwnedByYou(): AwsError {
  return awsError('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', 409);
}

/** `InvalidBucketName` (400). */
export function invalidBucketName(): AwsError {
  return awsError('InvalidBucketName', 'The specified bucket is not valid.', 400);
}

/** `MalformedPolicy` (400), with S3's sentence (e.g. "Policy has invalid resource"). */
export function malformedS3Policy(message: string): AwsError {
  return awsError('MalformedPolicy', message, 400);
}

/** `AccessControlListNotSupported` (400): an ACL sent to a bucket whose Object Ownership disables ACLs. */
export function aclNotSupported(): AwsError {
  return awsError('AccessControlListNotSupported', 'The bucket does not allow ACLs', 400);
}

/** `MethodNotAllowed` (405): bucket-policy calls from outside the bucket owner's account. */
export function methodNotAllowed(): AwsError {
  return awsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405);
}

/** `InvalidArgument` (400). */
export function invalidArgument(message: string): AwsError {
  return awsError('InvalidArgument', message, 400);
}

/** `MissingParameter`-style error S3 answers for a required parameter left out (the SDKs check first). */
export function missingParameter(name: string): AwsError {
  return awsError('InvalidRequest', `Missing required parameter: ${name}`, 400);
}

/** `IllegalLocationConstraintException` (400): CreateBucket sent to one region for another. */
export function illegalLocationConstraint(constraint: string): AwsError {
  return awsError('IllegalLocationConstraintException', `The ${constraint} location constraint is incompatible for the region specific endpoint this request was sent to.`, 400);
}
