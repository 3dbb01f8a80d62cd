/**
 * The decision API's input and output (a contract: golden files, links and the UI rely on its shape).
 * Everything here is plain JSON so a case can be stored in a golden file, sent through a URL
 * or compared across runs.
 */
import type { PolicyIssue, SourceRange } from '../policy/types.ts';

/** A raw JSON policy document, as a learner or an exercise wrote it. */
export type PolicyDocument = unknown;

/** What kind of caller made the request. */
export type PrincipalKind =
  | 'IAMUser'
  | 'AssumedRole'
  | 'FederatedUser'
  | 'Root'
  | 'AWSService'
  | 'Anonymous'
  | 'WebIdentity'
  | 'SAML';

/** Who is making the request. */
export interface PrincipalInput {
  /** The caller's ARN: user, `assumed-role` session, `federated-user`, root, or a service name such as `ec2.amazonaws.com`. */
  arn: string;
  /** The caller's 12-digit account; derived from the ARN when omitted. */
  account?: string;
  /** The caller's kind; derived from the ARN when omitted. */
  type?: PrincipalKind;
  /** For an AssumedRole session: the IAM role ARN behind it. */
  roleArn?: string;
  /** For an AssumedRole session: the session name. */
  sessionName?: string;
  /** For a GetFederationToken session: the IAM user behind it. */
  federatingUserArn?: string;
  /** Principal tags (user/role tags, or session tags which take precedence). */
  tags?: Record<string, string>;
  /** True when the caller's account is an Organization's management account (SCPs do not apply). */
  isManagementAccount?: boolean;
  /** True for a service-linked role (SCPs do not apply). */
  isServiceLinkedRole?: boolean;
  /**
   * The unique id of the user or role (`AIDA…` / `AROA…`). With it `aws:userid` is derived:
   * the id itself for a user, `<id>:<session name>` for a role session.
   */
  uniqueId?: string;
  /** The caller's S3 canonical user id, matched by a `CanonicalUser` principal. */
  canonicalUserId?: string;
}

/** What the caller asks to do. */
export interface RequestInput {
  /** `service:Operation`, e.g. `s3:GetObject`. */
  action: string;
  /** The resource ARN, or `*` for actions that take no resource. */
  resource: string;
  /** The account that owns the resource; derived from the ARN when it has one, else the caller's. */
  resourceAccount?: string;
  /** Request context keys. Strings as AWS passes them; arrays for multivalued keys (`[]` is present but empty). */
  context?: Record<string, string | string[]>;
  /** True when the resource belongs to the organization's management account: RCPs do not apply to it. */
  resourceInManagementAccount?: boolean;
  /** True when the resource is an AWS managed KMS key: RCPs do not apply to it. */
  awsManagedKey?: boolean;
}

/** Which resource-based policy `policies.resource` is. */
export type ResourcePolicyKind = 's3-bucket' | 'kms-key' | 'role-trust' | 'lambda-function' | 'sqs-queue';

/** Every policy that applies to the request. */
export interface PoliciesInput {
  /** Identity-based policies of the caller (user ∪ its groups, or the role). */
  identity?: PolicyDocument[];
  /** The resource-based policy of the target resource. */
  resource?: PolicyDocument | null;
  /** What kind of resource policy `resource` is (default `s3-bucket` for S3 ARNs). */
  resourcePolicyKind?: ResourcePolicyKind | null;
  /** The caller's permissions boundary. */
  boundary?: PolicyDocument | null;
  /** The session policy passed when the session was created. */
  session?: PolicyDocument | null;
  /** SCPs, one document per level from the organization root down to the account; each level must allow. */
  scp?: PolicyDocument[];
  /** RCPs, one document per level (resource owner's account); each level must allow. */
  rcp?: PolicyDocument[];
  /** For `sts:AssumeRole*`: the target role's trust policy. */
  trust?: PolicyDocument | null;
  /** The account the SCPs are attached to (default: the caller's). */
  scpAccount?: string;
  /** S3 Block Public Access settings in force for the bucket (account and bucket, merged). */
  s3PublicAccessBlock?: {
    BlockPublicAcls?: boolean;
    IgnorePublicAcls?: boolean;
    BlockPublicPolicy?: boolean;
    RestrictPublicBuckets?: boolean;
  };
  /** S3 Object Ownership setting of the bucket. */
  s3ObjectOwnership?: 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';
}

/** One case for `authorize()`. */
export interface AuthorizeInput {
  principal: PrincipalInput;
  request: RequestInput;
  policies: PoliciesInput;
}

/** The three outcomes AWS distinguishes. */
export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** Which policy a statement or step belongs to. */
export type PolicySource =
  | 'identity'
  | 'resource'
  | 'trust'
  | 'boundary'
  | 'session'
  | 'scp'
  | 'rcp';

/** Why a statement did or did not apply to the request. */
export interface StatementTrace {
  source: PolicySource;
  /** Index into `policies.identity` / `scp` / `rcp` for list-valued sources, else 0. */
  policyIndex: number;
  statementIndex: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** True when every element matched and the statement applies. */
  matched: boolean;
  /** When not matched: the first part that failed. */
  failedOn?: 'principal' | 'action' | 'resource' | 'condition';
  /** A sentence on why it did or did not match, with the values compared. */
  detail: string;
  /** Where the statement is written (of the pretty-printed document when the input was an object). */
  range: SourceRange;
  /** The range of the failing part, when known (e.g. the condition key). */
  failedRange?: SourceRange;
}

/** One step of AWS's evaluation order, with its outcome. */
export interface EvaluationStep {
  /**
   * Stable step id, in the order AWS evaluates. `always-allowed` is for the few actions that need
   * no permission at all (sts:GetCallerIdentity).
   */
  step:
    | 'always-allowed'
    | 'explicit-deny'
    | 'rcp'
    | 'scp'
    | 'root'
    | 'resource-policy'
    | 'trust-policy'
    | 'identity'
    | 'boundary'
    | 'session'
    | 'cross-account';
  /** `continue` when evaluation went on, else the decision taken here; `skipped` when it did not apply. */
  outcome: 'continue' | 'allow' | 'deny' | 'skipped';
  /** A sentence a learner understands. */
  detail: string;
}

/** What `authorize()` returns. `decision` is absent only when the input itself was unusable. */
export interface AuthorizeResult {
  decision?: Decision;
  /** The steps of the evaluation order, in order, ending with the deciding one. */
  steps: EvaluationStep[];
  /** Every statement considered, whether it matched and why not. */
  statements: StatementTrace[];
  /** The statements that decided the outcome (the matching Deny, or the Allows that granted). */
  deciding: StatementTrace[];
  /** The policy type that decided a denial, as AWS names it in AccessDenied messages. */
  deniedBy?: string;
  /** AWS-shaped error message for a denial: `User: arn:… is not authorized to perform: …`; undefined when allowed. */
  message?: string | undefined;
  /** Plain-English summary for the learner. */
  summary: string;
  /** Problems with the input (malformed policies, bad ARNs). Present and non-empty when `decision` is absent. */
  errors?: { code: string; message: string; path?: string; issues?: PolicyIssue[] }[];
}
