/** Small English helpers shared by the readers: lists, plurals and service names. */

/** "a", "a and b", "a, b and c" (or with "or"). */
export function joinList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1) ?? ''}`;
}

/** "1 action", "3 actions". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Values as a learner reads them: one value bare, several as "a or b"; an empty list says so. */
export function orList(values: readonly string[]): string {
  return values.length === 0 ? '(no value)' : joinList(values, 'or');
}

/**
 * How people say a service prefix ("s3" → "S3"). A catalog name would be longer than a learner
 * says it ("Amazon S3"), so the common ones are spelled out here and the rest keep the prefix.
 */
const SERVICE_NAMES: Readonly<Record<string, string>> = {
  s3: 'S3',
  iam: 'IAM',
  sts: 'STS',
  ec2: 'EC2',
  lambda: 'Lambda',
  organizations: 'Organizations',
  cloudtrail: 'CloudTrail',
  kms: 'KMS',
  sqs: 'SQS',
  sns: 'SNS',
  logs: 'CloudWatch Logs',
  dynamodb: 'DynamoDB',
  secretsmanager: 'Secrets Manager',
  ssm: 'Systems Manager',
  cloudformation: 'CloudFormation',
  cloudfront: 'CloudFront',
  apigateway: 'API Gateway',
  events: 'EventBridge',
  ecs: 'ECS',
  'ecs-tasks': 'ECS tasks',
  glue: 'Glue',
  states: 'Step Functions',
  elasticmapreduce: 'EMR',
  rds: 'RDS',
  config: 'Config',
};

/** The spoken name of a service prefix, e.g. `s3` → `S3`, `logs` → `CloudWatch Logs`. */
export function serviceName(prefix: string): string {
  return SERVICE_NAMES[prefix.toLowerCase()] ?? prefix;
}

/** Whether a pattern contains an IAM wildcard. */
export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/** Upper-cases the first letter of a sentence. */
export function capitalise(text: string): string {
  return text.length === 0 ? text : `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** A quoted literal, as the sentences show policy values. */
export function quote(text: string): string {
  return `"${text}"`;
}

/**
 * A value as written, so a sentence never has a hole in it: quoted when it is empty or has
 * leading or trailing white space (which matters to the comparison but would vanish in prose).
 */
export function shown(value: string): string {
  return value.trim() === value && value !== '' ? value : quote(value);
}
