/**
 * Temporary credentials issued by STS, kept in the world so that later calls signed with them
 * can be traced back to the session that made them (and refused once they expire).
 */

/** How a set of temporary credentials came to be. */
export type SessionKind =
  /** AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity, or a service assuming a role. */
  | 'AssumedRole'
  /** GetSessionToken: the IAM user (or root) itself, with MFA information. */
  | 'SessionToken'
  /** GetFederationToken (a later slice). */
  | 'FederatedUser';

/** One issued set of temporary credentials and everything about the session they stand for. */
export interface TemporaryCredential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  kind: SessionKind;
  /** The account whose principal the session is (the role's account for role sessions). */
  accountId: string;
  issuedMs: number;
  expirationMs: number;
  /** For role sessions: the role ARN, its unique id and its name. */
  roleArn?: string;
  roleId?: string;
  roleName?: string;
  /** For role sessions and federated users: the session name. */
  sessionName?: string;
  /** For GetSessionToken: the user name, or absent for the root user. */
  userName?: string;
  /** Inline session policy text (Policy parameter). */
  sessionPolicy?: string;
  /** Managed session policies (PolicyArns parameter). */
  sessionPolicyArns: string[];
  /** Session tags (they override the role's tags with the same key, case-insensitively). */
  tags: Record<string, string>;
  /** Keys of tags that pass on to later sessions in a role chain. */
  transitiveTagKeys: string[];
  sourceIdentity?: string;
  /** True when MFA was used to obtain the session. */
  mfaAuthenticated: boolean;
  /** When MFA was last authenticated (for aws:MultiFactorAuthAge). */
  mfaAuthMs?: number;
  /** True when the session was obtained with other role credentials (role chaining). */
  chained: boolean;
  /** The service that obtained the session on someone's behalf (e.g. `ec2.amazonaws.com`). */
  viaService?: string;
  /** For SAML/OIDC sessions: the provider ARN or name (`aws:FederatedProvider`). */
  federatedProvider?: string;
  /** For SAML/OIDC sessions: the provider's claims (`saml:*`, `<issuer>:sub` …) kept for later trust evaluations. */
  federatedClaims?: Record<string, string | string[]>;
}

/** STS state. */
export interface StsState {
  /** Temporary credentials by access key id (`ASIA…`). */
  credentials: Record<string, TemporaryCredential>;
}
