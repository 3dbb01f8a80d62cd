/**
 * The simulated AWS services: `callAws` and what it returns, plus the helpers other services
 * and the UI need (authentication, PassRole, a service assuming a role, the MFA authenticator,
 * the password checker).
 */
export type { AwsError, AwsResult, Credentials, AccessKeyCredentials, CallOptions, CallParams } from './types.ts';
export { callAws } from './call.ts';
// The whole simulator: importing this barrel registers every service (all.ts). Code that must
// stay light (the grader) imports call.ts and loads services with loadServices instead.
export { operationsOf, SERVICES } from './all.ts';
export { loadServices, loadAllServices } from './load.ts';
export { SERVICE_NAMES, isServiceName, isServiceLoaded, serviceDefinition, registerServices } from './registry.ts';
export type { ServiceName } from './registry.ts';
export type { ServiceDefinition, Operation, TrailNotes } from './operation.ts';
export { resolveCaller, findAccessKeyOwner } from './caller.ts';
export type { ServiceCaller, RootCaller, UserCaller, RoleSessionCaller, UserSessionCaller, AnonymousCaller } from './caller.ts';
export { checkAccess, authorizeInput, baseContext, instanceContext, DEFAULT_SOURCE_IP } from './access.ts';
export type { CallEnv, AccessRequest, AccessOutcome } from './access.ts';
export { managedPolicyDocument, managedPolicyExists } from './policy-docs.ts';
export { recordEvent, userIdentityFor } from './events.ts';
export {
  IAM_SERVICE,
  checkPassRole,
  checkPassword,
  PASSWORD_SYMBOLS,
  authenticatorCode,
  totpAt,
  totpMatches,
  hotp,
  base32Decode,
  sha1,
  hmacSha1,
  TOTP_STEP_SECONDS,
  MAX_POLICY_VERSIONS,
  ACCESS_KEYS_PER_USER,
} from './iam/index.ts';
export type { PasswordProblem, AuthenticatorView } from './iam/index.ts';
export {
  STS_SERVICE,
  assumeRoleAsService,
  SERVICE_SESSION_SECONDS,
  SAML_ATTRIBUTES,
  AWS_SAML_AUDIENCE,
  BUILT_IN_WEB_IDENTITY_PROVIDERS,
  AWS_TAGS_CLAIM,
  samlNameQualifier,
  ROLE_CHAINING_MAX_SECONDS,
  base64Encode,
  base64Decode,
  utf8Encode,
  utf8Decode,
} from './sts/index.ts';
export type { ServiceAssumeRequest, ServiceSession, SamlAssertion, WebIdentityClaims } from './sts/index.ts';
export { S3_SERVICE, S3_CONTROL_SERVICE, effectivePublicAccessBlock, s3AuthorizeInput, s3Decision, bucketArn, objectArn, canonicalUserId, validBucketName, checkBucketPolicy } from './s3/index.ts';
export { EC2_SERVICE, imdsRequest, instanceCallOptions, IMDS_MAX_TOKEN_TTL, ec2RoleDeliveryFor, ROTATE_BEFORE_MS, instanceArn } from './ec2/index.ts';
export type { ImdsRequest, ImdsResponse } from './ec2/index.ts';
export { CLOUDTRAIL_SERVICE, cloudTrailRecord, lookupResources, usernameOf, isManagementEvent, eventHistory, lookupEventShape, EVENT_HISTORY_DAYS, LOOKUP_ATTRIBUTE_KEYS } from './cloudtrail/index.ts';
export type { LookupEvent, LookupResource } from './cloudtrail/index.ts';
export { ORGANIZATIONS_SERVICE, rcpsFor, policiesByLevel, orgLevels, checkOrgPolicyContent, MAX_POLICIES_PER_TARGET } from './organizations/index.ts';
// Lambda's record builders (functionArn, parseHandlerSpec, principalElement…) come from the world module.
export { lambdaService, NOTIFICATION_OPERATIONS, afterS3Call, S3_EVENT_TYPES, invokeAsService, serviceMayInvoke, runFunction, executionCredentials, MAX_INVOKE_DEPTH, bindParams, functionConfiguration, functionPolicyText, RUNTIMES } from './lambda/index.ts';
export type { ServiceInvocation, Invoker, Execution } from './lambda/index.ts';
