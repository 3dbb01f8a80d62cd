/**
 * The IAM action and resource an API call is authorized as — the part of each service's
 * authorization that the grader repeats to explain a check and to write its request in words.
 * Most operations are authorized as `service:Operation`; the table lists AWS's exceptions.
 */
import type { World } from '../sim/index.ts';

/** Operations whose IAM action has another name (Service Authorization Reference). */
const ACTION_ALIASES: Readonly<Record<string, string>> = {
  's3:ListObjectsV2': 's3:ListBucket',
  's3:HeadBucket': 's3:ListBucket',
  's3:HeadObject': 's3:GetObject',
  's3:ListBuckets': 's3:ListAllMyBuckets',
  's3:GetPublicAccessBlock': 's3:GetBucketPublicAccessBlock',
  's3:PutPublicAccessBlock': 's3:PutBucketPublicAccessBlock',
  's3:DeletePublicAccessBlock': 's3:PutBucketPublicAccessBlock',
};

/** The action and resource of a call. */
export interface RequestTarget {
  action: string;
  resource: string;
  /** For S3: the bucket the request is about. */
  bucket?: string;
  /** For sts:AssumeRole: the role's ARN. */
  roleArn?: string;
}

/** A string parameter, when present. */
function str(params: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const v = params[key];
  return typeof v === 'string' ? v : undefined;
}

/** The action and resource AWS authorizes `service operation params` as, made by a caller of `account`. */
export function requestTarget(
  world: World,
  account: string,
  service: string,
  operation: string,
  params: Readonly<Record<string, unknown>>,
): RequestTarget {
  const action = ACTION_ALIASES[`${service}:${operation}`] ?? `${service}:${operation}`;
  if (service === 's3') {
    const bucket = str(params, 'Bucket');
    if (bucket === undefined) return { action, resource: '*' };
    const key = str(params, 'Key');
    return {
      action,
      resource: key === undefined ? `arn:aws:s3:::${bucket}` : `arn:aws:s3:::${bucket}/${key}`,
      bucket,
    };
  }
  if (service === 'sts') {
    const roleArn = str(params, 'RoleArn');
    return roleArn === undefined
      ? { action, resource: '*' }
      : { action, resource: roleArn, roleArn };
  }
  if (service === 'iam') {
    const policyArn = str(params, 'PolicyArn');
    const roleName = str(params, 'RoleName');
    const userName = str(params, 'UserName');
    const acct = world.accounts[account];
    if (roleName !== undefined)
      return {
        action,
        resource: acct?.iam.roles[roleName]?.arn ?? `arn:aws:iam::${account}:role/${roleName}`,
      };
    if (userName !== undefined)
      return {
        action,
        resource: acct?.iam.users[userName]?.arn ?? `arn:aws:iam::${account}:user/${userName}`,
      };
    if (policyArn !== undefined) return { action, resource: policyArn };
  }
  return { action, resource: '*' };
}

/** "s3:GetObject on arn:aws:s3:::photos/cat.jpg". */
export function requestText(target: RequestTarget): string {
  return target.resource === '*' ? target.action : `${target.action} on ${target.resource}`;
}
