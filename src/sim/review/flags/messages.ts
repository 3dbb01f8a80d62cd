/**
 * The words and metadata of every flag: severity, title, why it matters, how to fix it, and the
 * lesson to link. Kept apart from the checks so wording can evolve without touching logic.
 */
import type { FlagCode, FlagSeverity, LessonSlug } from '../types.ts';

/** What a flag says, by code. */
export interface FlagText {
  severity: FlagSeverity;
  title: string;
  explanation: string;
  fix: string;
  lesson: LessonSlug;
}

/** Texts for every flag code. */
export const FLAG_TEXTS: Readonly<Record<FlagCode, FlagText>> = {
  FULL_ADMIN_ACCESS: {
    severity: 'high',
    title: 'This statement grants full administrator access: every action on every resource.',
    explanation:
      'Whoever holds it can do anything in the account, including granting themselves or others any permission, deleting data and turning off logging.',
    fix: 'List only the actions the task needs and the ARNs of the resources it touches; start from what CloudTrail shows the workload actually calls.',
    lesson: 'best-practices',
  },
  PASS_ROLE_ANY_RESOURCE: {
    severity: 'high',
    title: 'iam:PassRole is allowed on every role.',
    explanation:
      'Passing a role hands its permissions to an EC2 instance, a Lambda function or another service; allowed on "*", the caller can pass an administrator role and act through it.',
    fix: 'Limit Resource to the ARNs of the roles this principal should pass, and add an iam:PassedToService condition naming the service.',
    lesson: 'roles-for-ec2',
  },
  PRIVILEGE_ESCALATION: {
    severity: 'high',
    title: "IAM actions that can raise the caller's own permissions are allowed on every resource.",
    explanation:
      'Actions such as iam:CreatePolicyVersion, iam:AttachRolePolicy, iam:PutRolePolicy, iam:UpdateAssumeRolePolicy or iam:CreateAccessKey on any user, role or policy let the caller give itself (or a role it can use) administrator access.',
    fix: "Scope these actions to specific ARNs (for example the caller's own user with ${aws:username}), or require a permissions boundary with the iam:PermissionsBoundary condition.",
    lesson: 'best-practices',
  },
  S3_FULL_ACCESS_ALL_RESOURCES: {
    severity: 'medium',
    title: 'Every S3 action is allowed on every bucket and object.',
    explanation:
      's3:* includes deleting buckets, rewriting bucket policies and ACLs, and reading every object in the account, far more than reading or writing one bucket needs.',
    fix: 'Name the actions (for example s3:GetObject, s3:PutObject, s3:ListBucket) and the bucket and object ARNs they apply to.',
    lesson: 'best-practices',
  },
  ALLOW_WITH_NOT_ACTION: {
    severity: 'medium',
    title: 'Allow with NotAction grants every action that is not listed.',
    explanation:
      "NotAction in an Allow is an open list: every action of every service not named, including ones AWS adds later, is allowed on the statement's resources.",
    fix: 'Use Action with the actions you mean to allow. To carve out exceptions, keep a broad Allow narrow and add a Deny statement with NotAction instead.',
    lesson: 'how-aws-decides',
  },
  ALLOW_WITH_NOT_RESOURCE: {
    severity: 'medium',
    title: 'Allow with NotResource grants the actions on every resource that is not listed.',
    explanation:
      'Every resource outside the list, in this account and any other, including resources created later, is covered by the Allow.',
    fix: 'Use Resource with the ARNs you mean to allow; to exclude some, add a separate Deny statement.',
    lesson: 'how-aws-decides',
  },
  NOT_PRINCIPAL: {
    severity: 'medium',
    title: 'NotPrincipal is hard to use safely.',
    explanation:
      'A Deny with NotPrincipal also denies the excepted principal unless its account (and, for role sessions, its role) are listed too, and it always denies principals that have a permissions boundary. AWS recommends against it.',
    fix: 'Use "Principal": "*" with an ArnNotEquals (or StringNotEquals) condition on aws:PrincipalArn listing the principals to except.',
    lesson: 'how-aws-decides',
  },
  PUBLIC_ACCESS: {
    severity: 'high',
    title: 'This statement lets anyone, including anonymous users, use the resource.',
    explanation:
      'A Principal of "*" with no condition that pins the caller (aws:SourceIp, aws:SourceVpce, aws:PrincipalOrgID, aws:SourceArn, aws:SourceAccount, …) makes the resource public; S3 Block Public Access would reject this policy.',
    fix: 'Name the principals that need access, or keep "*" and add a condition with fixed values such as aws:PrincipalOrgID or aws:SourceVpce.',
    lesson: 'best-practices',
  },
  TRUST_PUBLIC_PRINCIPAL: {
    severity: 'high',
    title: 'Any AWS principal, in any account, may assume this role.',
    explanation:
      'With "*" as the trusted principal, anyone with AWS credentials whose own identity policy allows sts:AssumeRole can become this role.',
    fix: 'Trust a specific account, role or service, or add a condition with fixed values on aws:PrincipalOrgID, aws:PrincipalAccount or aws:PrincipalArn.',
    lesson: 'cross-account-access',
  },
  OIDC_MISSING_AUDIENCE: {
    severity: 'high',
    title: "This web identity trust does not check the token's audience (aud).",
    explanation:
      "Without an aud condition, a token the provider issued for some other application or client can be exchanged for this role's credentials.",
    fix: 'Add a StringEquals condition on <provider>:aud with your client ID (sts.amazonaws.com for GitHub Actions, the identity pool ID for Cognito).',
    lesson: 'federation',
  },
  GITHUB_OIDC_MISSING_SUB: {
    severity: 'high',
    title: 'Any GitHub Actions workflow, in any repository, can assume this role.',
    explanation:
      "GitHub signs tokens for every repository on github.com; without a token.actions.githubusercontent.com:sub condition, a workflow in a stranger's repository can obtain this role's credentials.",
    fix: 'Add a StringEquals (or StringLike) condition on token.actions.githubusercontent.com:sub such as "repo:my-org/my-repo:ref:refs/heads/main".',
    lesson: 'federation',
  },
  GITHUB_OIDC_BROAD_SUB: {
    severity: 'high',
    title:
      'The GitHub sub condition matches any repository of an organization, or any repository at all.',
    explanation:
      'A wildcard in the organization or repository part (repo:my-org/*, repo:*, *) lets workflows in repositories you did not mean to trust, including forks and new repositories, assume the role.',
    fix: 'Name the repository and, ideally, the branch or environment: "repo:my-org/my-repo:ref:refs/heads/main" or "repo:my-org/my-repo:environment:prod".',
    lesson: 'federation',
  },
  COGNITO_MISSING_AMR: {
    severity: 'high',
    title: 'This Cognito trust does not say whether identities must be authenticated.',
    explanation:
      'Without a cognito-identity.amazonaws.com:amr condition, guest (unauthenticated) identities of the pool can assume a role meant for signed-in users.',
    fix: 'Add "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"} (or "unauthenticated" for the guest role).',
    lesson: 'federation',
  },
  CROSS_ACCOUNT_NO_EXTERNAL_ID: {
    severity: 'medium',
    title: 'Another account can assume this role without an external ID.',
    explanation:
      'When a third party assumes roles for many customers, an sts:ExternalId condition stops another customer from tricking it into using your role (the confused deputy problem).',
    fix: "Add a StringEquals condition on sts:ExternalId with the ID the third party gave you; if the account is your own organization's, aws:PrincipalOrgID is enough.",
    lesson: 'cross-account-access',
  },
  CONFUSED_DEPUTY: {
    severity: 'medium',
    title: 'An AWS service is allowed without saying on whose behalf it acts.',
    explanation:
      "The service principal is shared by every AWS customer; without aws:SourceArn or aws:SourceAccount, another account's resource can make the service act on yours (the confused deputy problem).",
    fix: 'Add an ArnLike condition on aws:SourceArn with the ARN of your resource that calls, or StringEquals on aws:SourceAccount with your account ID.',
    lesson: 'service-to-service',
  },
  DENY_NEGATED_IF_EXISTS: {
    severity: 'low',
    title: 'IfExists does not soften a Deny with a negated operator.',
    explanation:
      'A negated operator is already true when the key is missing, so the Deny still applies to requests without the key; the IfExists suffix changes nothing and suggests otherwise.',
    fix: 'Drop IfExists, or if requests without the key should pass, add a Null condition ("Null": {"<key>": "false"}) to the Deny.',
    lesson: 'best-practices',
  },
  FOR_ALL_VALUES_WITH_ALLOW: {
    severity: 'medium',
    title: 'ForAllValues in an Allow also matches requests that do not have the key.',
    explanation:
      'ForAllValues is true when the key is missing or empty, so a request that carries no values at all passes the condition and is allowed.',
    fix: 'Add "Null": {"<key>": "false"} to the same statement so the key must be present, or use ForAnyValue if one matching value is enough.',
    lesson: 'best-practices',
  },
  VARIABLES_NEED_VERSION: {
    severity: 'medium',
    title: 'Policy variables are taken literally without "Version": "2012-10-17".',
    explanation:
      'With Version 2008-10-17 or no Version, ${aws:username} and other variables are plain text, so the statement matches nothing (or, in a negated condition, everything).',
    fix: 'Add "Version": "2012-10-17" at the top of the policy.',
    lesson: 'best-practices',
  },
};
