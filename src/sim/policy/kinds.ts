/**
 * What each kind of policy allows: which elements it needs or forbids, which effects it takes,
 * and its size limit. One table so the rules can be read (and checked against the AWS pages)
 * in one place.
 */
import type { PolicyKind } from './types.ts';

/** How a policy kind treats the Principal element. */
export type PrincipalRule = 'forbidden' | 'required' | 'star-only';

/** How a policy kind treats Resource/NotResource. */
export type ResourceRule = 'required' | 'optional' | 'forbidden';

/** How a size limit is counted. */
export type SizeCounting =
  /** IAM and STS count characters that are not white space (GetAccountSummary: "in non-whitespace characters"). */
  | 'non-whitespace-chars'
  /** AWS Organizations counts every character, white space included (SCP/RCP syntax pages, note at the top). */
  | 'all-chars'
  /** Other services state a byte limit; we count UTF-8 bytes outside white space, to stay lenient. */
  | 'non-whitespace-bytes';

/** The rules of one policy kind. */
export interface KindRules {
  /** How the kind is named in messages ("an identity-based policy"). */
  label: string;
  principal: PrincipalRule;
  /** Whether NotPrincipal may appear at all (and then only with Deny). */
  notPrincipal: boolean;
  resource: ResourceRule;
  /** Whether NotAction is an element of this kind (RCPs do not have it). */
  notAction: boolean;
  /** Whether Sids are limited to ASCII letters and digits (IAM-managed documents). */
  sidAlphanumeric: boolean;
  /** Whether the Version element must be present and be 2012-10-17 (Organizations policies). */
  requiresCurrentVersion: boolean;
  /** Whether only Deny statements are accepted (customer-managed RCPs). */
  denyOnly: boolean;
  /** Whether the IAM character set (tab, LF, CR, U+0020–U+00FF) applies. */
  iamCharacterSet: boolean;
  /** The size limit. */
  maxSize: number;
  counting: SizeCounting;
}

/** Rules shared by the three IAM identity-side kinds. */
const IDENTITY_SIDE = {
  principal: 'forbidden',
  notPrincipal: false,
  resource: 'required',
  notAction: true,
  sidAlphanumeric: true,
  requiresCurrentVersion: false,
  denyOnly: false,
  iamCharacterSet: true,
  counting: 'non-whitespace-chars',
} as const;

/** Rules shared by service resource-based policies other than trust policies. */
const RESOURCE_SIDE = {
  principal: 'required',
  notPrincipal: true,
  resource: 'optional',
  notAction: true,
  sidAlphanumeric: false,
  requiresCurrentVersion: false,
  denyOnly: false,
  iamCharacterSet: false,
  counting: 'non-whitespace-bytes',
} as const;

/**
 * The rules per kind. Sources: IAM quotas page (6,144 managed, 2,048 trust, character set),
 * STS AssumeRole `Policy` parameter (2,048 session), Organizations quotas (SCP/RCP 5,120),
 * S3 (bucket policy 20 KB), Lambda quotas (function policy 20 KB), KMS quotas (key policy
 * 32 KB), SQS policy quotas (8,192 bytes).
 */
export const KIND_RULES: Record<PolicyKind, KindRules> = {
  identity: { ...IDENTITY_SIDE, label: 'an identity-based policy', maxSize: 6144 },
  boundary: { ...IDENTITY_SIDE, label: 'a permissions boundary', maxSize: 6144 },
  session: { ...IDENTITY_SIDE, label: 'a session policy', maxSize: 2048 },
  scp: {
    label: 'a service control policy',
    principal: 'forbidden',
    notPrincipal: false,
    // Current SCP syntax lists Resource/NotResource for both effects and no longer requires them.
    resource: 'optional',
    notAction: true,
    sidAlphanumeric: false,
    requiresCurrentVersion: true,
    denyOnly: false,
    iamCharacterSet: true,
    maxSize: 5120,
    counting: 'all-chars',
  },
  rcp: {
    label: 'a resource control policy',
    principal: 'star-only',
    notPrincipal: false,
    resource: 'optional',
    notAction: false,
    sidAlphanumeric: false,
    requiresCurrentVersion: true,
    denyOnly: true,
    iamCharacterSet: true,
    maxSize: 5120,
    counting: 'all-chars',
  },
  's3-bucket': {
    ...RESOURCE_SIDE,
    label: 'a bucket policy',
    resource: 'required',
    maxSize: 20 * 1024,
  },
  'role-trust': {
    label: 'a role trust policy',
    principal: 'required',
    notPrincipal: false,
    resource: 'forbidden',
    notAction: true,
    sidAlphanumeric: true,
    requiresCurrentVersion: false,
    denyOnly: false,
    iamCharacterSet: true,
    maxSize: 2048,
    counting: 'non-whitespace-chars',
  },
  'lambda-function': { ...RESOURCE_SIDE, label: 'a Lambda function policy', maxSize: 20 * 1024 },
  'kms-key': { ...RESOURCE_SIDE, label: 'a KMS key policy', maxSize: 32 * 1024 },
  'sqs-queue': { ...RESOURCE_SIDE, label: 'an SQS queue policy', maxSize: 8192 },
};

/** The kinds the parser accepts, for validating the `kind` argument. */
export const POLICY_KINDS: readonly PolicyKind[] = Object.keys(KIND_RULES) as PolicyKind[];

/** True for kinds attached to a resource (they name who gets access). */
export function isResourceSide(kind: PolicyKind): boolean {
  return KIND_RULES[kind].principal !== 'forbidden';
}
