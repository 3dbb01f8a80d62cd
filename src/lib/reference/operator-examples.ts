/**
 * The condition operator reference (/reference/#operators): for every operator the simulator
 * knows (OPERATORS in src/sim/policy/operators.ts), what it compares, a policy Condition that
 * uses it, and requests with the decision they get. The decisions written here are claims; the
 * page shows what the simulator computes at build time, and tests/unit/lib/reference.test.ts
 * fails when a claim and the simulator disagree or an operator is missing.
 */

/** What `authorize()` can answer for one of these examples. */
export type ExampleDecision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** One request against an example's policy. */
export interface ExampleRequest {
  /** Request context keys; a key left out is absent from the request. */
  context: Record<string, string | string[]>;
  /** The decision we say AWS takes (checked against the simulator). */
  expected: ExampleDecision;
  /** Why, in a few words a learner reads next to the decision. */
  because: string;
}

/** One operator example. */
export interface OperatorExample {
  /** The operator as written in the policy, qualifier and IfExists included. */
  operator: string;
  /** Anchor id on the reference page. */
  id: string;
  /** What it compares, in one sentence. */
  compares: string;
  /** Allow: the statement grants the action when the condition holds. Deny: it blocks it. */
  effect: 'Allow' | 'Deny';
  /** The action the statement is about (the request asks for it). */
  action: string;
  /** The resource the request names. */
  resource: string;
  /** The condition: key → one value or several. */
  condition: Record<string, string | string[]>;
  /** Requests with the decision each gets. */
  requests: ExampleRequest[];
}

const OBJECT = 'arn:aws:s3:::example-bucket/reports/q3.csv';
const BUCKET = 'arn:aws:s3:::example-bucket';

/** Every example, in the order of OPERATORS, then IfExists, the set operators and Null. */
export const OPERATOR_EXAMPLES: readonly OperatorExample[] = [
  {
    operator: 'StringEquals',
    id: 'op-stringequals',
    compares: 'The key’s value equals one of the strings exactly, case included.',
    effect: 'Allow',
    action: 's3:GetObject',
    resource: OBJECT,
    condition: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] },
    requests: [
      {
        context: { 'aws:RequestedRegion': 'eu-central-1' },
        expected: 'Allow',
        because: 'matches the second value',
      },
      {
        context: { 'aws:RequestedRegion': 'us-east-1' },
        expected: 'ImplicitDeny',
        because: 'matches neither value',
      },
    ],
  },
  {
    operator: 'StringNotEquals',
    id: 'op-stringnotequals',
    compares:
      'The key’s value equals none of the strings (case-sensitive). Also true when the key is absent.',
    effect: 'Deny',
    action: 's3:GetObject',
    resource: OBJECT,
    condition: { 'aws:RequestedRegion': 'eu-west-1' },
    requests: [
      {
        context: { 'aws:RequestedRegion': 'eu-west-1' },
        expected: 'Allow',
        because: 'the Deny’s condition is false',
      },
      {
        context: { 'aws:RequestedRegion': 'us-east-1' },
        expected: 'ExplicitDeny',
        because: 'not eu-west-1, so the Deny applies',
      },
    ],
  },
  {
    operator: 'StringEqualsIgnoreCase',
    id: 'op-stringequalsignorecase',
    compares: 'The key’s value equals one of the strings, ignoring upper and lower case.',
    effect: 'Allow',
    action: 's3:PutObject',
    resource: OBJECT,
    condition: { 'aws:RequestTag/env': 'Production' },
    requests: [
      {
        context: { 'aws:RequestTag/env': 'PRODUCTION' },
        expected: 'Allow',
        because: 'equal when case is ignored',
      },
      {
        context: { 'aws:RequestTag/env': 'staging' },
        expected: 'ImplicitDeny',
        because: 'a different word',
      },
    ],
  },
  {
    operator: 'StringNotEqualsIgnoreCase',
    id: 'op-stringnotequalsignorecase',
    compares:
      'The key’s value equals none of the strings, ignoring case. Also true when the key is absent.',
    effect: 'Deny',
    action: 's3:PutObject',
    resource: OBJECT,
    condition: { 'aws:RequestTag/env': ['production', 'staging'] },
    requests: [
      {
        context: { 'aws:RequestTag/env': 'Staging' },
        expected: 'Allow',
        because: 'equals “staging” ignoring case',
      },
      {
        context: { 'aws:RequestTag/env': 'sandbox' },
        expected: 'ExplicitDeny',
        because: 'equals neither value',
      },
    ],
  },
  {
    operator: 'StringLike',
    id: 'op-stringlike',
    compares:
      'The key’s value matches one of the patterns, case-sensitive: * is any run of characters, ? is one character.',
    effect: 'Allow',
    action: 's3:ListBucket',
    resource: BUCKET,
    condition: { 's3:prefix': 'home/alice/*' },
    requests: [
      {
        context: { 's3:prefix': 'home/alice/photos/' },
        expected: 'Allow',
        because: 'the * covers “photos/”',
      },
      {
        context: { 's3:prefix': 'home/bob/' },
        expected: 'ImplicitDeny',
        because: 'another user’s folder',
      },
    ],
  },
  {
    operator: 'StringNotLike',
    id: 'op-stringnotlike',
    compares: 'The key’s value matches none of the patterns. Also true when the key is absent.',
    effect: 'Deny',
    action: 's3:ListBucket',
    resource: BUCKET,
    condition: { 's3:prefix': ['public/*', 'shared/*'] },
    requests: [
      {
        context: { 's3:prefix': 'shared/2026/' },
        expected: 'Allow',
        because: 'matches “shared/*”',
      },
      {
        context: { 's3:prefix': 'private/keys/' },
        expected: 'ExplicitDeny',
        because: 'matches neither pattern',
      },
    ],
  },
  {
    operator: 'NumericEquals',
    id: 'op-numericequals',
    compares: 'The key’s value, read as a number, equals one of the numbers.',
    effect: 'Allow',
    action: 's3:ListBucket',
    resource: BUCKET,
    condition: { 's3:max-keys': '10' },
    requests: [
      { context: { 's3:max-keys': '10' }, expected: 'Allow', because: '10 = 10' },
      { context: { 's3:max-keys': '1000' }, expected: 'ImplicitDeny', because: '1000 ≠ 10' },
    ],
  },
  {
    operator: 'NumericNotEquals',
    id: 'op-numericnotequals',
    compares: 'The key’s value is a number different from every listed number.',
    effect: 'Allow',
    action: 's3:ListBucket',
    resource: BUCKET,
    condition: { 's3:max-keys': '0' },
    requests: [
      { context: { 's3:max-keys': '50' }, expected: 'Allow', because: '50 ≠ 0' },
      { context: { 's3:max-keys': '0' }, expected: 'ImplicitDeny', because: 'it is 0' },
    ],
  },
  {
    operator: 'NumericLessThan',
    id: 'op-numericlessthan',
    compares: 'The key’s value is a number below the limit.',
    effect: 'Allow',
    action: 's3:ListBucket',
    resource: BUCKET,
    condition: { 's3:max-keys': '100' },
    requests: [
      { context: { 's3:max-keys': '99' }, expected: 'Allow', because: '99 < 100' },
      {
        context: { 's3:max-keys': '100' },
        expected: 'ImplicitDeny',
        because: '100 is not below 100',
      },
    ],
  },
  {
    operator: 'NumericLessThanEquals',
    id: 'op-numericlessthanequals',
    compares: 'The key’s value is a number at most the limit.',
    effect: 'Allow',
    action: 's3:GetObject',
    resource: OBJECT,
    condition: { 'aws:MultiFactorAuthAge': '3600' },
    requests: [
      {
        context: { 'aws:MultiFactorAuthAge': '3600' },
        expected: 'Allow',
        because: 'MFA exactly an hour ago: 3600 ≤ 3600',
      },
      {
        context: { 'aws:MultiFactorAuthAge': '7200' },
        expected: 'ImplicitDeny',
        because: 'MFA two hours ago',
      },
    ],
  },
  {
    operator: 'NumericGreaterThan',
    id: 'op-numericgreaterthan',
    compares: 'The key’s value is a number above the limit.',
    effect: 'Deny',
    action: 's3:DeleteObject',
    resource: OBJECT,
    condition: { 'aws:MultiFactorAuthAge': '900' },
    requests: [
      {
        context: { 'aws:MultiFactorAuthAge': '300' },
        expected: 'Allow',
        because: 'MFA five minutes ago: 300 is not above 900',
      },
      {
        context: { 'aws:MultiFactorAuthAge': '3600' },
        expected: 'ExplicitDeny',
        because: '3600 > 900: MFA too long ago',
      },
    ],
  },
  {
    operator: 'NumericGreaterThanEquals',
    id: 'op-numericgreaterthanequals',
    compares: 'The key’s value is a number at least the limit.',
    effect: 'Allow',
    action: 's3:ListBucket',
    resource: BUCKET,
    condition: { 's3:max-keys': '1' },
    requests: [
      { context: { 's3:max-keys': '1' }, expected: 'Allow', because: '1 ≥ 1' },
      { context: { 's3:max-keys': '0' }, expected: 'ImplicitDeny', because: '0 < 1' },
    ],
  },
  {
    operator: 'DateEquals',
    id: 'op-dateequals',
    compares:
      'The key’s value is the same instant as one of the dates (ISO 8601 or epoch seconds).',
    effect: 'Allow',
    action: 's3:GetObject',
    resource: OBJECT,
    condition: { 'aws:TokenIssueTime': '2026-11-29T09:00:00Z' },
    requests: [
      {
        context: { 'aws:TokenIssueTime': '2026-11-29T10:00:00+01:00' },
        expected: 'Allow',
        because: 'the same instant, written in another time zone',
      },
      {
        context: { 'aws:TokenIssueTime': '2026-11-29T09:00:01Z' },
        expected: 'ImplicitDeny',
        because: 'one second later',
      },
    ],
  },
  {
    operator: 'DateNotEquals',
    id: 'op-datenotequals',
    compares: 'The key’s value is a different instant from every listed date.',
    effect: 'Deny',
    action: 's3:GetObject',
    resource: OBJECT,
    condition: { 'aws:TokenIssueTime': '2026-11-29T09:00:00Z' },
    requests: [
      {
        context: { 'aws:TokenIssueTime': '2026-11-29T09:00:00Z' },
        expected: 'Allow',
        because: 'the same instant: the Deny does not apply',
      },
      {
        context: { 'aws:TokenIssueTime': '2026-11-28T09:00:00Z' },
        expected: 'ExplicitDeny',
        because: 'a day earlier',
      },
    ],
  },
  {
    operator: 'DateLessThan',
    id: 'op-datelessthan',
    compares: 'The key’s value is before the date. With aws:CurrentTime it means “until”.',
    effect: 'Allow',
    action: 's3:GetObject',
    resource: OBJECT,
    condition: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' },
    requests: [
      {
        context: { 'aws:CurrentTime': '2026-12-31T23:59:59Z' },
        expected: 'Allow',
        because: 'the last second of 2026',
      },
      {
        context: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' },
        expected: 'ImplicitDeny',
        because: 'not before the limit: equal to it',
      },
    ],
  },
  {
    operator: 'DateLessThanEquals',
    id: 'op-datelessthanequals',
    compares: 'The key’s value is at or before the date.',
    effect: 'Allow',
    action: 's3:GetObject',
    resource: OBJECT,
    condition: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' },
    requests: [
      {
        context: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' },
        expected: 'Allow',
        because: 'equal to the limit',
      },
      {
        context: { 'aws:CurrentTime': '2027-01-02T00:00:00Z' },
        expected: 'ImplicitDeny',
        because: 'a day after',
      },
    ],
  },
  {
    operator: 'DateGreaterThan',
    id: 'op-dategreaterthan',
    compares: 'The key’s value is after the date. With aws:CurrentTime it means “from”.',
    effect: 'Allow',
    action: 's3:GetObject',
    resource: OBJECT,
    condition: { 'aws:CurrentTime': '2026-11-01T00:00:00Z' },
    requests: [
      {
        context: { 'aws:CurrentTime': '2026-11-29T12:00:00Z' },
        expected: 'Allow',
        because: 'after 1 November',
      },
      {
        context: { 'aws:CurrentTime': '2026-10-31T12:00:00Z' },
        expected: 'ImplicitDeny',
        because: 'too early',
      },
    ],
  },
  {
    operator: 'DateGreaterThanEquals',
    id: 'op-dategreaterthanequals',
    compares: 'The key’s value is at or after the date.',
    effect: 'Allow',
    action: 's3:GetObject',
    resource: OBJECT,
    condition: { 'aws:CurrentTime': '2026-11-01T00:00:00Z' },
    requests: [
      {
        context: { 'aws:CurrentTime': '2026-11-01T00:00:00Z' },
        expected: 'Allow',
        because: 'exactly the start',
      },
      {
        context: { 'aws:CurrentTime': '2026-10-31T23:59:59Z' },
        expected: 'ImplicitDeny',
        because: 'one second before',
      },
    ],
  },
  {
    operator: 'Bool',
    id: 'op-bool',
    compares: 'The key’s value is "true" or "false", as written in the policy.',
    effect: 'Deny',
    action: 's3:GetObject',
    resource: OBJECT,
    condition: { 'aws:SecureTransport': 'false' },
    requests: [
      { context: { 'aws:SecureTransport': 'true' }, expected: 'Allow', because: 'sent over HTTPS' },
      {
        context: { 'aws:SecureTransport': 'false' },
        expected: 'ExplicitDeny',
        because: 'plain HTTP is refused',
      },
    ],
  },
  {
    operator: 'BinaryEquals',
    id: 'op-binaryequals',
    compares: 'The key’s value, as bytes, equals one of the base-64 encoded values.',
    effect: 'Allow',
    action: 's3:PutObject',
    resource: OBJECT,
    condition: { 'aws:RequestTag/signature': 'cm9sZWxhYg==' },
    requests: [
      {
        context: { 'aws:RequestTag/signature': 'cm9sZWxhYg' },
        expected: 'Allow',
        because: 'the same bytes (“rolelab”), padding aside',
      },
      {
        context: { 'aws:RequestTag/signature': 'b3RoZXI=' },
        expected: 'ImplicitDeny',
        because: 'different bytes (“other”)',
      },
    ],
  },
  {
    operator: 'IpAddress',
    id: 'op-ipaddress',
    compares: 'The key’s value is an IP address inside one of the CIDR ranges (IPv4 or IPv6).',
    effect: 'Allow',
    action: 's3:GetObject',
    resource: OBJECT,
    condition: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] },
    requests: [
      {
        context: { 'aws:SourceIp': '203.0.113.25' },
        expected: 'Allow',
        because: 'inside 203.0.113.0/24',
      },
      {
        context: { 'aws:SourceIp': '198.51.100.7' },
        expected: 'ImplicitDeny',
        because: 'outside both ranges',
      },
    ],
  },
  {
    operator: 'NotIpAddress',
    id: 'op-notipaddress',
    compares:
      'The key’s value is an IP address inside none of the ranges. Also true when the key is absent.',
    effect: 'Deny',
    action: 's3:GetObject',
    resource: OBJECT,
    condition: { 'aws:SourceIp': '203.0.113.0/24' },
    requests: [
      {
        context: { 'aws:SourceIp': '203.0.113.25' },
        expected: 'Allow',
        because: 'from the office range',
      },
      {
        context: { 'aws:SourceIp': '198.51.100.7' },
        expected: 'ExplicitDeny',
        because: 'from anywhere else',
      },
    ],
  },
  {
    operator: 'ArnEquals',
    id: 'op-arnequals',
    compares:
      'The key’s value is an ARN matching one of the ARNs, part by part; wildcards work as in ArnLike.',
    effect: 'Allow',
    action: 'sqs:SendMessage',
    resource: 'arn:aws:sqs:eu-west-1:111122223333:uploads',
    condition: { 'aws:SourceArn': 'arn:aws:s3:::photos-upload' },
    requests: [
      {
        context: { 'aws:SourceArn': 'arn:aws:s3:::photos-upload' },
        expected: 'Allow',
        because: 'the same bucket',
      },
      {
        context: { 'aws:SourceArn': 'arn:aws:s3:::someone-elses-bucket' },
        expected: 'ImplicitDeny',
        because: 'another bucket',
      },
    ],
  },
  {
    operator: 'ArnLike',
    id: 'op-arnlike',
    compares:
      'The key’s value is an ARN matching one of the patterns, part by part: a * never runs across the colons.',
    effect: 'Allow',
    action: 'sqs:SendMessage',
    resource: 'arn:aws:sqs:eu-west-1:111122223333:uploads',
    condition: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:alerts-*' },
    requests: [
      {
        context: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:alerts-prod' },
        expected: 'Allow',
        because: 'any region, an alerts- topic',
      },
      {
        context: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:444455556666:alerts-prod' },
        expected: 'ImplicitDeny',
        because: 'another account',
      },
    ],
  },
  {
    operator: 'ArnNotEquals',
    id: 'op-arnnotequals',
    compares: 'The key’s value matches none of the ARNs. Also true when the key is absent.',
    effect: 'Deny',
    action: 's3:GetObject',
    resource: OBJECT,
    condition: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Auditor' },
    requests: [
      {
        context: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Auditor' },
        expected: 'Allow',
        because: 'the one role let through',
      },
      {
        context: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/alice' },
        expected: 'ExplicitDeny',
        because: 'anyone else is denied',
      },
    ],
  },
  {
    operator: 'ArnNotLike',
    id: 'op-arnnotlike',
    compares: 'The key’s value matches none of the ARN patterns. Also true when the key is absent.',
    effect: 'Deny',
    action: 's3:GetObject',
    resource: OBJECT,
    condition: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/data-*' },
    requests: [
      {
        context: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/data-pipeline' },
        expected: 'Allow',
        because: 'a data- role',
      },
      {
        context: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/web' },
        expected: 'ExplicitDeny',
        because: 'not a data- role',
      },
    ],
  },
  {
    operator: 'Null',
    id: 'op-null',
    compares:
      '"true": the key must be absent from the request. "false": it must be present (with any value).',
    effect: 'Deny',
    action: 's3:DeleteObject',
    resource: OBJECT,
    condition: { 'aws:MultiFactorAuthAge': 'true' },
    requests: [
      {
        context: { 'aws:MultiFactorAuthAge': '120' },
        expected: 'Allow',
        because: 'signed in with MFA, so the key is present',
      },
      { context: {}, expected: 'ExplicitDeny', because: 'no MFA: the key is absent' },
    ],
  },
  {
    operator: 'StringEqualsIfExists',
    id: 'op-ifexists',
    compares:
      'Any operator + IfExists: checked as usual when the key is present, true when it is absent.',
    effect: 'Allow',
    action: 'ec2:RunInstances',
    resource: '*',
    condition: { 'ec2:InstanceType': ['t3.micro', 't3.small'] },
    requests: [
      {
        context: { 'ec2:InstanceType': 't3.micro' },
        expected: 'Allow',
        because: 'present and listed',
      },
      {
        context: { 'ec2:InstanceType': 'm5.24xlarge' },
        expected: 'ImplicitDeny',
        because: 'present and not listed',
      },
      { context: {}, expected: 'Allow', because: 'absent: IfExists makes the condition true' },
    ],
  },
  {
    operator: 'ForAllValues:StringEquals',
    id: 'op-forallvalues',
    compares:
      'For a multivalued key: every value in the request must match. True when the key is absent or empty.',
    effect: 'Allow',
    action: 's3:PutObject',
    resource: OBJECT,
    condition: { 'aws:TagKeys': ['project', 'owner'] },
    requests: [
      {
        context: { 'aws:TagKeys': ['project', 'owner'] },
        expected: 'Allow',
        because: 'both keys are allowed',
      },
      {
        context: { 'aws:TagKeys': ['project', 'cost-centre'] },
        expected: 'ImplicitDeny',
        because: '“cost-centre” is not in the list',
      },
      { context: {}, expected: 'Allow', because: 'no tags at all: true, a trap when you Allow' },
    ],
  },
  {
    operator: 'ForAnyValue:StringEquals',
    id: 'op-foranyvalue',
    compares:
      'For a multivalued key: at least one value in the request must match. False when the key is absent or empty.',
    effect: 'Allow',
    action: 's3:PutObject',
    resource: OBJECT,
    condition: { 'aws:TagKeys': 'project' },
    requests: [
      {
        context: { 'aws:TagKeys': ['owner', 'project'] },
        expected: 'Allow',
        because: '“project” is among them',
      },
      {
        context: { 'aws:TagKeys': ['owner'] },
        expected: 'ImplicitDeny',
        because: 'none of them is “project”',
      },
      { context: {}, expected: 'ImplicitDeny', because: 'no tags: nothing can match' },
    ],
  },
];
