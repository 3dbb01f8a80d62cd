/** The simulated STS service: its operation table and the entry point for services assuming roles. */
import type { ServiceDefinition } from '../operation.ts';
import { ASSUME_ROLE } from './assume-role.ts';
import { GET_FEDERATION_TOKEN } from './federation-token.ts';
import { IDENTITY_OPERATIONS } from './identity.ts';
import { ASSUME_ROLE_WITH_SAML } from './saml.ts';
import { ASSUME_ROLE_WITH_WEB_IDENTITY } from './web-identity.ts';

/** STS: every operation the simulator implements, by AWS's operation name. */
export const STS_SERVICE: ServiceDefinition = {
  eventSource: 'sts.amazonaws.com',
  operations: {
    AssumeRole: ASSUME_ROLE,
    AssumeRoleWithSAML: ASSUME_ROLE_WITH_SAML,
    AssumeRoleWithWebIdentity: ASSUME_ROLE_WITH_WEB_IDENTITY,
    ...IDENTITY_OPERATIONS,
    GetFederationToken: GET_FEDERATION_TOKEN,
  },
};

export { assumeRoleAsService, SERVICE_SESSION_SECONDS } from './service-assume.ts';
export type { ServiceAssumeRequest, ServiceSession } from './service-assume.ts';
export { SAML_ATTRIBUTES, AWS_SAML_AUDIENCE } from './saml.ts';
export { BUILT_IN_WEB_IDENTITY_PROVIDERS, AWS_TAGS_CLAIM } from './web-identity.ts';
export type { SamlAssertion, WebIdentityClaims } from './federation-input.ts';
export { samlNameQualifier } from './federation.ts';
export { base64Encode, base64Decode, utf8Encode, utf8Decode } from './base64.ts';
export { ROLE_CHAINING_MAX_SECONDS } from './session.ts';
