/**
 * Reading Resource / NotResource: S3 buckets, objects and prefixes, IAM entities and `*` in
 * words; any other ARN is named as written, which is still exact and never wrong.
 */
import { parseArn } from '../policy/index.ts';
import type { Located } from '../policy/index.ts';
import { hasWildcard, joinList, serviceName, shown } from './text.ts';

/** How the account is said: "this account" when it is the policy's own. */
function accountWords(account: string, own: string | undefined): string {
  if (account === '' || account === '*') return 'any account';
  return account === own ? 'this account' : `account ${account}`;
}

/** A bucket name pattern in words. */
function bucketWords(bucket: string): string {
  if (bucket === '*') return 'every bucket';
  const starts = /^([^*?]+)\*$/.exec(bucket);
  if (starts !== null) return `every bucket whose name starts with ${starts[1] ?? ''}`;
  return hasWildcard(bucket) ? `every bucket matching ${bucket}` : `the bucket ${bucket}`;
}

/** An S3 resource part (`bucket`, `bucket/*`, `bucket/prefix/*`, `bucket/key`) in words. */
function s3Words(resource: string): string {
  if (resource === '*') return 'every S3 bucket and object';
  const slash = resource.indexOf('/');
  if (slash < 0) return bucketWords(resource);
  const bucket = bucketWords(resource.slice(0, slash));
  const key = resource.slice(slash + 1);
  const place = bucket === 'every bucket' ? 'every bucket' : bucket;
  if (key === '*') return `every object in ${place}`;
  if (key.includes('${aws:username}')) {
    return `objects under the caller's own folder ${key.replace(/\*$/, '')} in ${place}`;
  }
  const prefix = /^([^*?]+)\*$/.exec(key);
  if (prefix !== null) return `every object under ${prefix[1] ?? ''} in ${place}`;
  if (hasWildcard(key)) return `every object matching ${key} in ${place}`;
  return `the object ${key} in ${place}`;
}

/** Names IAM ARNs use for their entity types. */
const IAM_TYPES: Readonly<Record<string, string>> = {
  role: 'role',
  user: 'user',
  group: 'group',
  policy: 'policy',
  'instance-profile': 'instance profile',
  'oidc-provider': 'OIDC provider',
  'saml-provider': 'SAML provider',
  mfa: 'MFA device',
};

/** An IAM resource part (`role/name`, `user/*`, `role/path/*`) in words. */
function iamWords(resource: string, account: string): string {
  const slash = resource.indexOf('/');
  const type = slash < 0 ? resource : resource.slice(0, slash);
  const name = IAM_TYPES[type];
  if (name === undefined) return `the IAM resource ${resource} in ${account}`;
  const rest = slash < 0 ? '' : resource.slice(slash + 1);
  if (rest === '*' || rest === '') return `every IAM ${name} in ${account}`;
  if (rest === '${aws:username}') return `the caller's own IAM ${name}`;
  const path = /^(.*\/)\*$/.exec(rest);
  if (path !== null) return `every IAM ${name} under the path /${path[1] ?? ''} in ${account}`;
  const starts = /^([^*?/]+)\*$/.exec(rest);
  if (starts !== null)
    return `every IAM ${name} whose name starts with ${starts[1] ?? ''} in ${account}`;
  if (hasWildcard(rest)) return `every IAM ${name} matching ${rest} in ${account}`;
  return `the IAM ${name} ${rest.slice(rest.lastIndexOf('/') + 1)} in ${account}`;
}

/** Resource types whose ARNs end in `type/name` or `type:name`, with what a learner calls them. */
const TYPED: Readonly<Record<string, string>> = {
  'lambda:function': 'Lambda function',
  'dynamodb:table': 'DynamoDB table',
  'kms:key': 'KMS key',
  'kms:alias': 'KMS alias',
  'ec2:instance': 'EC2 instance',
  'secretsmanager:secret': 'secret',
  'logs:log-group': 'log group',
  'ssm:parameter': 'SSM parameter',
  'cloudtrail:trail': 'trail',
};

/** Services whose ARNs end in a bare name. */
const BARE: Readonly<Record<string, string>> = { sqs: 'SQS queue', sns: 'SNS topic' };

/** "the Lambda function f in account A", "every SQS queue matching app-* in this account". */
function namedResource(service: string, resource: string, account: string): string | undefined {
  const bare = BARE[service];
  const m = /^([a-z-]+)[/:](.+)$/.exec(resource);
  const noun = bare ?? (m === null ? undefined : TYPED[`${service}:${m[1] ?? ''}`]);
  if (noun === undefined) return undefined;
  const name = bare !== undefined ? resource : (m?.[2] ?? '');
  if (name === '*') return `every ${noun} in ${account}`;
  if (hasWildcard(name)) return `every ${noun} matching ${name} in ${account}`;
  return `the ${noun} ${name} in ${account}`;
}

/** One Resource value in words. */
export function describeResource(value: string, ownAccount?: string): string {
  if (value === '*') return 'every resource';
  const arn = parseArn(value);
  if (arn === null) return shown(value);
  if (arn.service === 's3') return s3Words(arn.resource);
  const account = accountWords(arn.account, ownAccount);
  if (arn.service === 'iam') return iamWords(arn.resource, account);
  if (arn.resource === '*') return `every ${serviceName(arn.service)} resource in ${account}`;
  return namedResource(arn.service, arn.resource, account) ?? value;
}

/** "the bucket reports and every object in the bucket reports". */
export function describeResources(values: readonly Located<string>[], ownAccount?: string): string {
  if (values.some((v) => v.value === '*')) return 'every resource';
  const phrases = [...new Set(values.map((v) => describeResource(v.value, ownAccount)))];
  return phrases.length === 0 ? 'no resource' : joinList(phrases);
}

/** "every resource except the bucket reports". */
export function describeNotResources(
  values: readonly Located<string>[],
  ownAccount?: string,
): string {
  return `every resource except ${describeResources(values, ownAccount)}`;
}
