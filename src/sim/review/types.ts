/**
 * The data the policy review produces: a plain-English reading of each statement and a list of
 * risk flags in the style of IAM Access Analyzer's policy checks. Both are plain JSON so the UI,
 * the lessons and the tests read one structure.
 */
import type { IamCatalog, PolicyKind, SourceRange } from '../policy/index.ts';

/** Options shared by `readPolicy` and `reviewPolicy`. */
export interface ReviewOptions {
  /** Which kind of policy it is; defaults to the kind the parser recorded. */
  kind?: PolicyKind;
  /** The IAM catalog, for access levels and action counts. Everything still works without it. */
  catalog?: IamCatalog;
  /**
   * The 12-digit account that owns the policy (or the role). It lets the reading say "this
   * account" and lets the review tell a cross-account trust from a same-account one.
   */
  account?: string;
}

/** The reading of one statement. */
export interface StatementReading {
  /** Position in the Statement array, as in the parsed policy. */
  index: number;
  /** The Sid, when the statement has one. */
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** One sentence, ending with a full stop, that a learner understands. */
  sentence: string;
  /** The whole statement, for highlighting. */
  range: SourceRange;
}

/** The reading of a whole policy. */
export interface PolicyReading {
  statements: StatementReading[];
}

/** How urgent a flag is: `high` grants too much today, `low` is a pitfall worth knowing. */
export type FlagSeverity = 'high' | 'medium' | 'low';

/** The lessons a flag can link to (their slugs under `/lessons/`). */
export type LessonSlug =
  | 'why-roles'
  | 'how-aws-decides'
  | 'roles-for-ec2'
  | 'cross-account-access'
  | 'federation'
  | 'service-to-service'
  | 'best-practices';

/** One risk found in a policy. */
export interface ReviewFlag {
  /** Stable machine-readable code, e.g. `FULL_ADMIN_ACCESS`; tests and lessons rely on it. */
  code: FlagCode;
  severity: FlagSeverity;
  /** Index of the statement the flag is about. */
  statementIndex: number;
  /** The characters to highlight: the element or value at fault, else the statement. */
  range: SourceRange;
  /** One sentence naming the problem. */
  title: string;
  /** Why it matters. */
  explanation: string;
  /** How to fix it. */
  fix: string;
  /** The lesson that teaches the idea behind the flag. */
  lesson: LessonSlug;
}

/** The result of `reviewPolicy`. */
export interface PolicyReview {
  flags: ReviewFlag[];
}

/** Every flag code, with what it means. Stable: lessons and exercises refer to them. */
export const FLAG_CODES = {
  FULL_ADMIN_ACCESS: 'Allow with Action "*" on Resource "*": full administrator access.',
  PASS_ROLE_ANY_RESOURCE: 'iam:PassRole (or iam:*) allowed on every role.',
  PRIVILEGE_ESCALATION:
    'IAM actions that let the caller grant itself more access, on every resource.',
  S3_FULL_ACCESS_ALL_RESOURCES: 'Every S3 action on every bucket and object.',
  ALLOW_WITH_NOT_ACTION: 'Allow combined with NotAction grants everything not listed.',
  ALLOW_WITH_NOT_RESOURCE: 'Allow combined with NotResource grants every resource not listed.',
  NOT_PRINCIPAL: 'NotPrincipal is hard to get right and deprecated in favour of conditions.',
  PUBLIC_ACCESS:
    'A resource policy allows everyone (including anonymous users) without a restricting condition.',
  TRUST_PUBLIC_PRINCIPAL: 'A role trust policy lets any principal of any account assume the role.',
  OIDC_MISSING_AUDIENCE: 'A web identity trust without a condition on the token audience (aud).',
  GITHUB_OIDC_MISSING_SUB: 'A GitHub Actions trust without a condition on the token subject (sub).',
  GITHUB_OIDC_BROAD_SUB:
    'A GitHub Actions trust whose sub condition matches any repository of an organization or more.',
  COGNITO_MISSING_AMR: 'A Cognito identity pool trust without a condition on amr.',
  CROSS_ACCOUNT_NO_EXTERNAL_ID: 'A trust for another account without an sts:ExternalId condition.',
  CONFUSED_DEPUTY: 'A service principal allowed without aws:SourceArn or aws:SourceAccount.',
  DENY_NEGATED_IF_EXISTS:
    'Deny with a negated operator and IfExists: the IfExists changes nothing.',
  FOR_ALL_VALUES_WITH_ALLOW:
    'Allow with ForAllValues and no Null guard also matches requests without the key.',
  VARIABLES_NEED_VERSION:
    'Policy variables in a policy without "Version": "2012-10-17" are taken literally.',
} as const;

/** A flag code. */
export type FlagCode = keyof typeof FLAG_CODES;
