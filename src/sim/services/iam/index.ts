/** The simulated IAM service: its operation table and the helpers other services use. */
import type { ServiceDefinition } from '../operation.ts';
import { ACCESS_KEY_OPERATIONS } from './access-keys.ts';
import { ENTITY_POLICY_OPERATIONS } from './entity-policies.ts';
import { GROUP_OPERATIONS } from './groups.ts';
import { INSTANCE_PROFILE_OPERATIONS } from './instance-profiles.ts';
import { LAST_ACCESSED_OPERATIONS } from './last-accessed.ts';
import { MANAGED_POLICY_OPERATIONS } from './managed-policies.ts';
import { MFA_OPERATIONS } from './mfa.ts';
import { PASSWORD_POLICY_OPERATIONS } from './password-policy.ts';
import { PROVIDER_OPERATIONS } from './providers.ts';
import { ROLE_OPERATIONS } from './roles.ts';
import { SERVICE_LINKED_OPERATIONS } from './service-linked.ts';
import { SIMULATE_OPERATIONS } from './simulate.ts';
import { USER_OPERATIONS } from './users.ts';

/** IAM: every operation the simulator implements, by AWS's operation name. */
export const IAM_SERVICE: ServiceDefinition = {
  eventSource: 'iam.amazonaws.com',
  operations: {
    ...ROLE_OPERATIONS,
    ...USER_OPERATIONS,
    ...GROUP_OPERATIONS,
    ...ENTITY_POLICY_OPERATIONS,
    ...MANAGED_POLICY_OPERATIONS,
    ...INSTANCE_PROFILE_OPERATIONS,
    ...ACCESS_KEY_OPERATIONS,
    ...MFA_OPERATIONS,
    ...PASSWORD_POLICY_OPERATIONS,
    ...PROVIDER_OPERATIONS,
    ...SIMULATE_OPERATIONS,
    ...SERVICE_LINKED_OPERATIONS,
    ...LAST_ACCESSED_OPERATIONS,
  },
};

export { checkPassRole } from './pass-role.ts';
export { SERVICE_LINKED_ROLE_NAMES } from './service-linked.ts';
export { checkPassword, PASSWORD_SYMBOLS } from './password-policy.ts';
export type { PasswordProblem } from './password-policy.ts';
export { authenticatorCode, totpAt, totpMatches, hotp, base32Decode, TOTP_STEP_SECONDS } from './totp.ts';
export type { AuthenticatorView } from './totp.ts';
export { sha1, hmacSha1 } from './sha1.ts';
export { MAX_POLICY_VERSIONS } from './managed-policies.ts';
export { ACCESS_KEYS_PER_USER } from './access-keys.ts';
