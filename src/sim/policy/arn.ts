/**
 * Amazon Resource Names: splitting them into their parts and checking their shape.
 *
 * `parseArn` is deliberately lenient (it only splits), because the evaluator also uses it on
 * patterns with wildcards and on request ARNs; `checkArnShape` is the strict check the policy
 * validator applies to what a learner wrote in `Resource`.
 */

/** The six colon-separated parts of an ARN (`arn:partition:service:region:account:resource`). */
export interface Arn {
  /** `aws`, `aws-cn`, `aws-us-gov`, or a pattern such as `*` when parsing a policy pattern. */
  partition: string;
  /** Service namespace, e.g. `s3`, `iam`, `sts`. */
  service: string;
  /** Region, empty for global services such as IAM and S3. */
  region: string;
  /** 12-digit account id, `aws` for AWS managed policies, empty for S3 buckets. */
  account: string;
  /** Everything after the fifth colon; it may itself contain colons (`function:f:alias`). */
  resource: string;
}

/**
 * The partitions AWS documents for ARNs: commercial, China, GovCloud (US), the isolated
 * (ISO) partitions and the European Sovereign Cloud.
 */
export const PARTITIONS: readonly string[] = [
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
];

/**
 * Splits an ARN into its parts. Returns null when the text does not start with `arn:` or has
 * fewer than six colon-separated parts. No other check is made: wildcards and empty parts are kept.
 */
export function parseArn(text: string): Arn | null {
  if (!text.startsWith('arn:')) return null;
  // Only the first five colons delimit; the resource part keeps its own colons.
  const cuts: number[] = [];
  let at = -1;
  for (let i = 0; i < 5; i++) {
    at = text.indexOf(':', at + 1);
    if (at < 0) return null;
    cuts.push(at);
  }
  const [c0, c1, c2, c3, c4] = cuts as [number, number, number, number, number];
  return {
    partition: text.slice(c0 + 1, c1),
    service: text.slice(c1 + 1, c2),
    region: text.slice(c2 + 1, c3),
    account: text.slice(c3 + 1, c4),
    resource: text.slice(c4 + 1),
  };
}

/** Why an ARN written in a policy is malformed, as a short message key. */
export type ArnProblem =
  | { kind: 'not-arn' }
  | { kind: 'segments' }
  | { kind: 'partition'; partition: string }
  | { kind: 'service-empty' }
  | { kind: 'service-wildcard'; service: string }
  | { kind: 'resource-empty' };

/**
 * Checks an ARN pattern as written in a `Resource` element. Wildcards are allowed in every
 * segment except the service (AWS: "you can't use a wildcard in the service segment").
 * Returns null when the shape is fine.
 */
export function checkArnShape(text: string): ArnProblem | null {
  if (!text.startsWith('arn:')) return { kind: 'not-arn' };
  const arn = parseArn(text);
  if (arn === null) return { kind: 'segments' };
  if (!isWildcardPattern(arn.partition) && !PARTITIONS.includes(arn.partition)) {
    return { kind: 'partition', partition: arn.partition };
  }
  if (arn.service === '') return { kind: 'service-empty' };
  if (/[*?]/.test(arn.service)) return { kind: 'service-wildcard', service: arn.service };
  if (arn.resource === '') return { kind: 'resource-empty' };
  return null;
}

/** True when a partition pattern could match a real partition (`*`, `aws*`, `aws-?n`). */
function isWildcardPattern(partition: string): boolean {
  if (!/[*?]/.test(partition)) return false;
  const re = new RegExp(
    `^${partition
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return PARTITIONS.some((p) => re.test(p));
}
