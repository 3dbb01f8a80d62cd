/**
 * IAM's state inside one account, as plain JSON data.
 *
 * Shapes follow the IAM API's own (names, ids, ARNs, `createDate` as ISO strings) so that the
 * IAM service can hand them back almost as they are. Policy documents are kept as the text the
 * author wrote: IAM returns documents as given, and the editor shows markers on that text.
 * Maps are keyed by entity name; AWS compares names case-insensitively for uniqueness, which the
 * IAM service enforces when it creates them.
 */

/** A tag as IAM lists it. */
export interface Tag {
  Key: string;
  Value: string;
}

/** A long-term access key of an IAM user. */
export interface AccessKeyRecord {
  accessKeyId: string;
  secretAccessKey: string;
  status: 'Active' | 'Inactive';
  createDate: string;
  /** When the key was last used (for access reviews); null until first use. */
  lastUsedDate: string | null;
}

/** An IAM user. */
export interface IamUser {
  userName: string;
  userId: string;
  path: string;
  arn: string;
  createDate: string;
  tags: Tag[];
  /** Inline policies: name → document text. */
  inlinePolicies: Record<string, string>;
  /** ARNs of attached managed policies, in attachment order. */
  attachedPolicies: string[];
  permissionsBoundary: string | null;
  accessKeys: AccessKeyRecord[];
  /** Serial numbers of the MFA devices enabled for this user. */
  mfaDevices: string[];
  /** Whether the user has a console password (a login profile). */
  hasPassword: boolean;
}

/** An IAM group. Membership is kept on the group, in the order users were added. */
export interface IamGroup {
  groupName: string;
  groupId: string;
  path: string;
  arn: string;
  createDate: string;
  inlinePolicies: Record<string, string>;
  attachedPolicies: string[];
  members: string[];
}

/** An IAM role. */
export interface IamRole {
  roleName: string;
  roleId: string;
  path: string;
  arn: string;
  createDate: string;
  /** The trust policy text. */
  assumeRolePolicyDocument: string;
  description: string;
  /** Seconds, 3600–43200. */
  maxSessionDuration: number;
  tags: Tag[];
  inlinePolicies: Record<string, string>;
  attachedPolicies: string[];
  permissionsBoundary: string | null;
  /** True for service-linked roles (SCPs do not apply to them). */
  serviceLinked: boolean;
  /** When a session of the role last made a request (for access reviews); null if never. */
  lastUsedDate: string | null;
}

/** One version of a customer managed policy. */
export interface PolicyVersionRecord {
  versionId: string;
  document: string;
  createDate: string;
}

/** A customer managed policy with its versions (at most five). */
export interface CustomerManagedPolicy {
  policyName: string;
  policyId: string;
  path: string;
  arn: string;
  description: string;
  createDate: string;
  updateDate: string;
  defaultVersionId: string;
  versions: PolicyVersionRecord[];
  /** The number the next version gets (`v<n>`); AWS never reuses version ids. */
  nextVersion: number;
  tags: Tag[];
}

/** An instance profile: a container for at most one role. */
export interface InstanceProfileRecord {
  instanceProfileName: string;
  instanceProfileId: string;
  path: string;
  arn: string;
  createDate: string;
  /** Names of the roles in it (zero or one). */
  roles: string[];
  tags: Tag[];
}

/** A virtual MFA device and the secret its authenticator app holds. */
export interface VirtualMfaDeviceRecord {
  serialNumber: string;
  /** The base32 TOTP secret (`Base32StringSeed`). */
  base32StringSeed: string;
  /** The user it is enabled for, or null while it is not yet enabled. */
  userName: string | null;
  enableDate: string | null;
  createDate: string;
  tags: Tag[];
}

/** The account password policy, with IAM's own field names. */
export interface PasswordPolicyRecord {
  MinimumPasswordLength: number;
  RequireSymbols: boolean;
  RequireNumbers: boolean;
  RequireUppercaseCharacters: boolean;
  RequireLowercaseCharacters: boolean;
  AllowUsersToChangePassword: boolean;
  /** Days; absent when passwords never expire. */
  MaxPasswordAge?: number;
  /** How many previous passwords cannot be reused; absent when reuse is allowed. */
  PasswordReusePrevention?: number;
  HardExpiry: boolean;
}

/** A SAML 2.0 identity provider. The metadata is kept as the fields the simulator reads. */
export interface SamlProviderRecord {
  name: string;
  arn: string;
  /** The IdP's entity id: assertions must carry it as Issuer. */
  issuer: string;
  /** The metadata document as given (kept for display). */
  metadataDocument: string;
  createDate: string;
  validUntil: string;
  tags: Tag[];
}

/** An OpenID Connect identity provider. */
export interface OidcProviderRecord {
  /** The issuer URL without `https://` (also the last part of the ARN). */
  url: string;
  arn: string;
  clientIds: string[];
  thumbprints: string[];
  createDate: string;
  tags: Tag[];
}

/** A GenerateServiceLastAccessedDetails job: which entity, and when the report was asked for. */
export interface LastAccessedJob {
  arn: string;
  granularity: 'SERVICE_LEVEL' | 'ACTION_LEVEL';
  createDate: string;
}

/** Everything IAM holds for one account. */
export interface IamState {
  users: Record<string, IamUser>;
  groups: Record<string, IamGroup>;
  roles: Record<string, IamRole>;
  /** Customer managed policies by name (AWS managed ones come from the catalog). */
  policies: Record<string, CustomerManagedPolicy>;
  instanceProfiles: Record<string, InstanceProfileRecord>;
  /** Virtual MFA devices by serial number (ARN). */
  mfaDevices: Record<string, VirtualMfaDeviceRecord>;
  samlProviders: Record<string, SamlProviderRecord>;
  /** OIDC providers by URL (host and path, no scheme). */
  oidcProviders: Record<string, OidcProviderRecord>;
  passwordPolicy: PasswordPolicyRecord | null;
  /** Access-review jobs by JobId; the report is computed from the event log when it is read. */
  lastAccessedJobs: Record<string, LastAccessedJob>;
}
