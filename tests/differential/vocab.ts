/**
 * The small world the differential generator draws from: accounts, principals, resources,
 * actions (real names for s3/iam/ec2/lambda/sts) and condition keys with value vocabularies.
 * Everything is small on purpose, so random picks collide often and policies actually match.
 */
import type { PrincipalInput } from '../../src/sim/authz/types.ts';

export const HOME = '111122223333';
export const OTHER = '444455556666';

// ---------------------------------------------------------------------------------------------
// Principals

export type PrincipalRole = 'user' | 'session' | 'federated' | 'service' | 'anonymous';

export interface PrincipalSpec {
  role: PrincipalRole;
  input: PrincipalInput;
}

const user = (account: string, path: string, tags?: Record<string, string>): PrincipalSpec => ({
  role: 'user',
  input: {
    arn: `arn:aws:iam::${account}:user/${path}`,
    account,
    type: 'IAMUser',
    ...(tags ? { tags } : {}),
  },
});

const session = (
  account: string,
  rolePath: string,
  sessionName: string,
  tags?: Record<string, string>,
): PrincipalSpec => {
  const roleName = rolePath.split('/').pop() ?? rolePath;
  return {
    role: 'session',
    input: {
      arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
      account,
      type: 'AssumedRole',
      roleArn: `arn:aws:iam::${account}:role/${rolePath}`,
      sessionName,
      ...(tags ? { tags } : {}),
    },
  };
};

/** Same-account callers (account HOME). */
export const HOME_PRINCIPALS: readonly PrincipalSpec[] = [
  user(HOME, 'alice', { team: 'red', dept: 'eng' }),
  user(HOME, 'bob', { team: 'blue' }),
  user(HOME, 'dev/carol'),
  session(HOME, 'AppRole', 'i-0abc1234def567890', { team: 'red' }),
  session(HOME, 'Admin', 'alice'),
  session(HOME, 'service-role/DataPipeline', 'etl-run', { team: 'blue', dept: 'data' }),
];

/** Callers from another account. */
export const OTHER_PRINCIPALS: readonly PrincipalSpec[] = [
  user(OTHER, 'dave', { team: 'red' }),
  session(OTHER, 'Partner', 'partner-session'),
];

/**
 * A GetFederationToken session. iam-simulate derives the federating user from the
 * federated-user name, so the name is the user's name (AWS lets the caller choose any name).
 */
export const FEDERATED: PrincipalSpec = {
  role: 'federated',
  input: {
    arn: `arn:aws:sts::${HOME}:federated-user/bob`,
    account: HOME,
    type: 'FederatedUser',
    federatingUserArn: `arn:aws:iam::${HOME}:user/bob`,
  },
};

export const SERVICE_PRINCIPALS: readonly string[] = [
  's3.amazonaws.com',
  'sns.amazonaws.com',
  'events.amazonaws.com',
  'logging.s3.amazonaws.com',
];

// ---------------------------------------------------------------------------------------------
// Resources

export type ResourceKind =
  | 's3-object'
  | 's3-bucket'
  | 'iam-user'
  | 'iam-role'
  | 'iam-policy'
  | 'ec2-instance'
  | 'ec2-volume'
  | 'lambda-function'
  | 'sts-role'
  | 'none';

export const RESOURCES: Readonly<Record<Exclude<ResourceKind, 'none'>, readonly string[]>> = {
  's3-object': [
    'arn:aws:s3:::reports/2026/q1.csv',
    'arn:aws:s3:::reports/public/index.html',
    'arn:aws:s3:::home-data/home/alice/notes.txt',
    'arn:aws:s3:::home-data/home/bob/todo.md',
    'arn:aws:s3:::logs-archive/app/2026/03/01/log.gz',
  ],
  's3-bucket': ['arn:aws:s3:::reports', 'arn:aws:s3:::home-data', 'arn:aws:s3:::logs-archive'],
  'iam-user': [`arn:aws:iam::${HOME}:user/alice`, `arn:aws:iam::${HOME}:user/bob`, `arn:aws:iam::${HOME}:user/dev/carol`],
  'iam-role': [
    `arn:aws:iam::${HOME}:role/AppRole`,
    `arn:aws:iam::${HOME}:role/Admin`,
    `arn:aws:iam::${HOME}:role/service-role/DataPipeline`,
  ],
  'iam-policy': [`arn:aws:iam::${HOME}:policy/ReportsReadOnly`, `arn:aws:iam::${HOME}:policy/boundaries/DevBoundary`],
  'ec2-instance': [
    `arn:aws:ec2:us-east-1:${HOME}:instance/i-0abc1234def567890`,
    `arn:aws:ec2:eu-west-1:${HOME}:instance/i-0fed9876cba543210`,
  ],
  'ec2-volume': [`arn:aws:ec2:us-east-1:${HOME}:volume/vol-0123456789abcdef0`],
  'lambda-function': [
    `arn:aws:lambda:us-east-1:${HOME}:function:report-gen`,
    `arn:aws:lambda:eu-west-1:${HOME}:function:image-resize`,
  ],
  'sts-role': [`arn:aws:iam::${HOME}:role/AppRole`, `arn:aws:iam::${HOME}:role/Admin`, `arn:aws:iam::${HOME}:role/Deployer`],
};

/** Resource patterns a policy may name, per service family (some match, many do not). */
export const RESOURCE_PATTERNS: Readonly<Record<string, readonly string[]>> = {
  s3: [
    'arn:aws:s3:::*',
    'arn:aws:s3:::reports',
    'arn:aws:s3:::reports/*',
    'arn:aws:s3:::reports/2026/*',
    'arn:aws:s3:::rep*',
    'arn:aws:s3:::reports/*/q?.csv',
    'arn:aws:s3:::Reports/*',
    'arn:aws:s3:::home-data',
    'arn:aws:s3:::home-data/home/${aws:username}/*',
    'arn:aws:s3:::home-data/home/*',
    'arn:aws:s3:::home-data/home/${*}/*',
    'arn:aws:s3:::*/public/*',
    'arn:aws:s3:::logs-archive/*',
    'arn:aws:s3:::logs-*',
  ],
  iam: [
    `arn:aws:iam::${HOME}:user/*`,
    `arn:aws:iam::${HOME}:user/\${aws:username}`,
    `arn:aws:iam::${HOME}:user/dev/*`,
    `arn:aws:iam::*:user/alice`,
    `arn:aws:iam::${HOME}:role/*`,
    `arn:aws:iam::${HOME}:role/App*`,
    `arn:aws:iam::${HOME}:role/service-role/*`,
    `arn:aws:iam::${HOME}:role/Admin`,
    `arn:aws:iam::${HOME}:role/admin`,
    `arn:aws:iam::${OTHER}:role/*`,
    `arn:aws:iam::${HOME}:policy/*`,
    `arn:aws:iam::${HOME}:*`,
  ],
  ec2: [
    `arn:aws:ec2:*:${HOME}:instance/*`,
    `arn:aws:ec2:us-east-1:${HOME}:instance/*`,
    `arn:aws:ec2:us-east-1:${HOME}:instance/i-0abc1234def567890`,
    `arn:aws:ec2:eu-*:*:instance/*`,
    `arn:aws:ec2:*:*:volume/*`,
    `arn:aws:ec2:us-east-1:${HOME}:*`,
    `arn:aws:ec2:*:${OTHER}:*`,
  ],
  lambda: [
    `arn:aws:lambda:*:${HOME}:function:*`,
    `arn:aws:lambda:us-east-1:${HOME}:function:report-gen`,
    `arn:aws:lambda:us-east-1:${HOME}:function:report-*`,
    `arn:aws:lambda:*:*:function:image-resize`,
    `arn:aws:lambda:eu-west-1:${HOME}:*`,
    `arn:aws:lambda:us-east-1:${HOME}:function:Report-Gen`,
  ],
  sts: [
    `arn:aws:iam::${HOME}:role/*`,
    `arn:aws:iam::${HOME}:role/AppRole`,
    `arn:aws:iam::${HOME}:role/Deploy*`,
    `arn:aws:iam::*:role/Admin`,
    `arn:aws:iam::${OTHER}:role/*`,
  ],
};

// ---------------------------------------------------------------------------------------------
// Actions

export interface ActionSpec {
  action: string;
  kind: ResourceKind;
  /** Service-specific condition keys that apply to this action and its resource type. */
  keys: readonly string[];
}

const S3_COMMON = ['s3:signatureversion', 's3:authType', 's3:TlsVersion'];
const EC2_INSTANCE = ['ec2:InstanceType', 'ec2:Region', 'ec2:ResourceTag/env', 'aws:ResourceTag/env', 'ec2:MetadataHttpTokens'];
const IAM_TAGGED = ['iam:ResourceTag/team', 'aws:ResourceTag/team'];

export const ACTIONS: readonly ActionSpec[] = [
  { action: 's3:GetObject', kind: 's3-object', keys: [...S3_COMMON, 's3:ExistingObjectTag/classification'] },
  { action: 's3:PutObject', kind: 's3-object', keys: [...S3_COMMON, 's3:x-amz-acl', 's3:x-amz-server-side-encryption'] },
  { action: 's3:DeleteObject', kind: 's3-object', keys: S3_COMMON },
  { action: 's3:GetObjectVersion', kind: 's3-object', keys: [...S3_COMMON, 's3:versionid'] },
  { action: 's3:PutObjectAcl', kind: 's3-object', keys: [...S3_COMMON, 's3:x-amz-acl'] },
  { action: 's3:ListBucket', kind: 's3-bucket', keys: [...S3_COMMON, 's3:prefix', 's3:delimiter', 's3:max-keys'] },
  { action: 's3:GetBucketPolicy', kind: 's3-bucket', keys: S3_COMMON },
  { action: 's3:PutBucketPolicy', kind: 's3-bucket', keys: S3_COMMON },
  { action: 's3:DeleteBucket', kind: 's3-bucket', keys: S3_COMMON },
  { action: 's3:ListAllMyBuckets', kind: 'none', keys: S3_COMMON },
  { action: 'iam:GetUser', kind: 'iam-user', keys: IAM_TAGGED },
  { action: 'iam:CreateUser', kind: 'iam-user', keys: ['iam:PermissionsBoundary', 'aws:RequestTag/team'] },
  { action: 'iam:DeleteUser', kind: 'iam-user', keys: IAM_TAGGED },
  { action: 'iam:CreateAccessKey', kind: 'iam-user', keys: IAM_TAGGED },
  { action: 'iam:ListAccessKeys', kind: 'iam-user', keys: IAM_TAGGED },
  { action: 'iam:GetRole', kind: 'iam-role', keys: IAM_TAGGED },
  { action: 'iam:PassRole', kind: 'iam-role', keys: [...IAM_TAGGED, 'iam:PassedToService'] },
  { action: 'iam:CreateRole', kind: 'iam-role', keys: ['iam:PermissionsBoundary', 'aws:RequestTag/team'] },
  { action: 'iam:AttachRolePolicy', kind: 'iam-role', keys: [...IAM_TAGGED, 'iam:PolicyARN', 'iam:PermissionsBoundary'] },
  { action: 'iam:PutRolePolicy', kind: 'iam-role', keys: [...IAM_TAGGED, 'iam:PermissionsBoundary'] },
  { action: 'iam:GetPolicy', kind: 'iam-policy', keys: [] },
  { action: 'iam:ListUsers', kind: 'none', keys: [] },
  { action: 'iam:ListRoles', kind: 'none', keys: [] },
  { action: 'ec2:StartInstances', kind: 'ec2-instance', keys: EC2_INSTANCE },
  { action: 'ec2:StopInstances', kind: 'ec2-instance', keys: EC2_INSTANCE },
  { action: 'ec2:TerminateInstances', kind: 'ec2-instance', keys: EC2_INSTANCE },
  { action: 'ec2:RunInstances', kind: 'ec2-instance', keys: [...EC2_INSTANCE, 'aws:RequestTag/env'] },
  { action: 'ec2:AssociateIamInstanceProfile', kind: 'ec2-instance', keys: [...EC2_INSTANCE, 'ec2:NewInstanceProfile'] },
  { action: 'ec2:CreateVolume', kind: 'ec2-volume', keys: ['ec2:Region', 'ec2:VolumeSize', 'ec2:Encrypted', 'ec2:VolumeType', 'aws:RequestTag/env'] },
  { action: 'ec2:DescribeInstances', kind: 'none', keys: ['ec2:Region'] },
  { action: 'ec2:DescribeVpcs', kind: 'none', keys: ['ec2:Region'] },
  { action: 'lambda:InvokeFunction', kind: 'lambda-function', keys: ['lambda:InvokedViaFunctionUrl', 'aws:ResourceTag/team'] },
  { action: 'lambda:GetFunction', kind: 'lambda-function', keys: ['aws:ResourceTag/team'] },
  { action: 'lambda:UpdateFunctionCode', kind: 'lambda-function', keys: ['aws:ResourceTag/team'] },
  { action: 'lambda:DeleteFunction', kind: 'lambda-function', keys: [] },
  { action: 'lambda:AddPermission', kind: 'lambda-function', keys: ['lambda:Principal', 'lambda:FunctionUrlAuthType'] },
  { action: 'lambda:GetFunctionConfiguration', kind: 'lambda-function', keys: [] },
  { action: 'lambda:ListFunctions', kind: 'none', keys: [] },
  {
    action: 'sts:AssumeRole',
    kind: 'sts-role',
    keys: ['sts:ExternalId', 'sts:RoleSessionName', 'sts:SourceIdentity', 'sts:TransitiveTagKeys', 'iam:ResourceTag/team', 'aws:RequestTag/project'],
  },
  { action: 'sts:TagSession', kind: 'sts-role', keys: ['sts:TransitiveTagKeys', 'aws:RequestTag/project'] },
];

/** Other action names and patterns statements may list (including wildcards). */
export const ACTION_PATTERNS: Readonly<Record<string, readonly string[]>> = {
  s3: ['s3:*', 's3:Get*', 's3:*Object', 's3:List*', 's3:Put*', 's3:Get?bject', 's3:getobject', 'S3:ListBucket', 's3:Delete*', 's3:*Bucket*'],
  iam: ['iam:*', 'iam:Get*', 'iam:List*', 'iam:*User', 'iam:*AccessKey*', 'iam:PassRole', 'iam:Create*', 'IAM:passrole', 'iam:*Role*'],
  ec2: ['ec2:*', 'ec2:Describe*', 'ec2:*Instances', 'ec2:Start*', 'ec2:RunInstances', 'EC2:stopinstances', 'ec2:*Volume*'],
  lambda: ['lambda:*', 'lambda:Get*', 'lambda:Invoke*', 'lambda:*Function*', 'lambda:List*', 'Lambda:invokefunction'],
  sts: ['sts:*', 'sts:AssumeRole', 'sts:AssumeRole*', 'sts:TagSession', 'sts:Get*'],
};

// ---------------------------------------------------------------------------------------------
// Condition keys

export type KeyType = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Ip' | 'Arn';

export interface KeySpec {
  key: string;
  type: KeyType;
  /** Multivalued in the request context (an array). */
  multi?: boolean;
  /** Derived from `principal` by both engines' callers; never written to the context by the generator. */
  derived?: boolean;
  /** Values the request may carry. */
  requestValues: readonly string[];
  /** Values a policy may test (may contain wildcards or policy variables). */
  policyValues: readonly string[];
}

const principalArns = [...HOME_PRINCIPALS, ...OTHER_PRINCIPALS].map((p) => p.input.roleArn ?? p.input.arn);

export const KEYS: readonly KeySpec[] = [
  // ---- global, request-carried
  { key: 'aws:SourceIp', type: 'Ip', requestValues: ['203.0.113.7', '198.51.100.20', '10.1.2.3', '2001:db8::1'], policyValues: ['203.0.113.0/24', '198.51.100.20/32', '10.0.0.0/8', '2001:db8::/32', '203.0.113.7', '192.0.2.0/24'] },
  { key: 'aws:CurrentTime', type: 'Date', requestValues: ['2026-03-01T12:00:00Z', '2025-12-31T23:59:59Z', '2026-07-04T08:30:00Z'], policyValues: ['2026-01-01T00:00:00Z', '2026-03-01T12:00:00Z', '2026-06-30T23:59:59Z', '2026-06-30', '1767225600'] },
  { key: 'aws:EpochTime', type: 'Date', requestValues: ['1772366400', '1767225599'], policyValues: ['1767225600', '1772366400', '2026-02-01T00:00:00Z'] },
  { key: 'aws:TokenIssueTime', type: 'Date', requestValues: ['2026-03-01T11:00:00Z', '2026-02-28T09:00:00Z'], policyValues: ['2026-03-01T00:00:00Z', '2026-03-01T11:00:00Z'] },
  { key: 'aws:SecureTransport', type: 'Bool', requestValues: ['true', 'false'], policyValues: ['true', 'false'] },
  { key: 'aws:MultiFactorAuthPresent', type: 'Bool', requestValues: ['true', 'false'], policyValues: ['true', 'false'] },
  { key: 'aws:ViaAWSService', type: 'Bool', requestValues: ['true', 'false'], policyValues: ['true', 'false'] },
  { key: 'aws:MultiFactorAuthAge', type: 'Numeric', requestValues: ['0', '300', '3600', '86400'], policyValues: ['3600', '300', '0', '86400'] },
  { key: 'aws:RequestedRegion', type: 'String', requestValues: ['us-east-1', 'eu-west-1', 'ap-southeast-2'], policyValues: ['us-east-1', 'eu-west-1', 'us-*', '*-west-?', 'US-EAST-1'] },
  { key: 'aws:PrincipalOrgID', type: 'String', requestValues: ['o-abc123def4', 'o-zzz999yyy8'], policyValues: ['o-abc123def4', 'o-abc*', 'O-ABC123DEF4'] },
  { key: 'aws:SourceAccount', type: 'String', requestValues: [HOME, OTHER], policyValues: [HOME, OTHER, '1111*'] },
  { key: 'aws:SourceArn', type: 'Arn', requestValues: ['arn:aws:s3:::reports', `arn:aws:sns:us-east-1:${HOME}:alerts`, `arn:aws:events:eu-west-1:${OTHER}:rule/nightly`], policyValues: ['arn:aws:s3:::reports', 'arn:aws:s3:::rep*', `arn:aws:sns:*:${HOME}:*`, `arn:aws:events:*:*:rule/*`, 'arn:aws:sns:us-east-1:*:alerts'] },
  { key: 'aws:SourceVpce', type: 'String', requestValues: ['vpce-1a2b3c4d', 'vpce-9z8y7x6w'], policyValues: ['vpce-1a2b3c4d', 'vpce-*'] },
  { key: 'aws:UserAgent', type: 'String', requestValues: ['aws-cli/2.15.0 Python/3.11', 'Boto3/1.34.0', ''], policyValues: ['aws-cli/*', '*Boto3*', 'console.amazonaws.com', 'aws-cli/${*}'] },
  { key: 'aws:SourceIdentity', type: 'String', requestValues: ['alice@example.com', 'build-bot'], policyValues: ['*@example.com', 'build-bot', '${aws:username}@example.com'] },
  { key: 'aws:RequestTag/team', type: 'String', requestValues: ['red', 'blue', 'Red'], policyValues: ['red', 'blue', '${aws:PrincipalTag/team}', 'r*'] },
  { key: 'aws:RequestTag/env', type: 'String', requestValues: ['prod', 'dev'], policyValues: ['prod', 'dev', 'd?v'] },
  { key: 'aws:RequestTag/project', type: 'String', requestValues: ['atlas', 'zephyr'], policyValues: ['atlas', '${aws:PrincipalTag/team}'] },
  { key: 'aws:TagKeys', type: 'String', multi: true, requestValues: ['team', 'env', 'cost-center', 'Owner'], policyValues: ['team', 'env', 'cost-*', 'owner'] },
  { key: 'aws:PrincipalOrgPaths', type: 'String', multi: true, requestValues: ['o-abc123def4/r-ab12/ou-ab12-11111111/', 'o-abc123def4/r-ab12/ou-ab12-22222222/'], policyValues: ['o-abc123def4/r-ab12/ou-ab12-11111111/*', 'o-abc123def4/*', 'o-zzz999yyy8/*'] },
  { key: 'aws:CalledVia', type: 'String', multi: true, requestValues: ['cloudformation.amazonaws.com', 'athena.amazonaws.com'], policyValues: ['cloudformation.amazonaws.com', '*.amazonaws.com', 'athena.amazonaws.com'] },
  // ---- principal-derived
  { key: 'aws:PrincipalArn', type: 'Arn', derived: true, requestValues: principalArns, policyValues: [`arn:aws:iam::${HOME}:role/AppRole`, `arn:aws:iam::${HOME}:user/*`, 'arn:aws:iam::*:role/Admin*', `arn:aws:iam::${HOME}:role/service-role/*`, `arn:aws:iam::${OTHER}:*`, `arn:aws:sts::${HOME}:assumed-role/AppRole/*`] },
  { key: 'aws:PrincipalAccount', type: 'String', derived: true, requestValues: [HOME, OTHER], policyValues: [HOME, OTHER] },
  { key: 'aws:PrincipalType', type: 'String', derived: true, requestValues: ['User', 'AssumedRole'], policyValues: ['User', 'AssumedRole', 'FederatedUser', 'assumedrole'] },
  { key: 'aws:username', type: 'String', derived: true, requestValues: ['alice', 'bob'], policyValues: ['alice', 'bob', 'a*', 'ALICE'] },
  { key: 'aws:PrincipalTag/team', type: 'String', derived: true, requestValues: ['red', 'blue'], policyValues: ['red', 'blue', 'Red', '*'] },
  { key: 'aws:PrincipalTag/dept', type: 'String', derived: true, requestValues: ['eng', 'data'], policyValues: ['eng', 'data'] },
  // ---- service-specific
  { key: 's3:signatureversion', type: 'String', requestValues: ['AWS4-HMAC-SHA256', 'AWS'], policyValues: ['AWS4-HMAC-SHA256', 'aws4-hmac-sha256'] },
  { key: 's3:authType', type: 'String', requestValues: ['REST-HEADER', 'REST-QUERY-STRING', 'POST'], policyValues: ['REST-HEADER', 'REST-*'] },
  { key: 's3:TlsVersion', type: 'Numeric', requestValues: ['1.2', '1.3', '1.1'], policyValues: ['1.2', '1.3'] },
  { key: 's3:ExistingObjectTag/classification', type: 'String', requestValues: ['public', 'confidential'], policyValues: ['public', 'conf*'] },
  { key: 's3:x-amz-acl', type: 'String', requestValues: ['private', 'public-read', 'bucket-owner-full-control'], policyValues: ['bucket-owner-full-control', 'public-*', 'private'] },
  { key: 's3:x-amz-server-side-encryption', type: 'String', requestValues: ['AES256', 'aws:kms'], policyValues: ['aws:kms', 'AES256'] },
  { key: 's3:versionid', type: 'String', requestValues: ['3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY', 'null'], policyValues: ['null', '3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY'] },
  { key: 's3:prefix', type: 'String', requestValues: ['home/alice/', 'home/', '', 'reports/2026/'], policyValues: ['home/${aws:username}/*', 'home/', '', 'reports/*'] },
  { key: 's3:delimiter', type: 'String', requestValues: ['/'], policyValues: ['/'] },
  { key: 's3:max-keys', type: 'Numeric', requestValues: ['10', '1000', '100'], policyValues: ['10', '100', '1000'] },
  { key: 'iam:ResourceTag/team', type: 'String', requestValues: ['red', 'blue'], policyValues: ['red', '${aws:PrincipalTag/team}'] },
  { key: 'aws:ResourceTag/team', type: 'String', requestValues: ['red', 'blue'], policyValues: ['red', 'blue', '${aws:PrincipalTag/team}'] },
  { key: 'aws:ResourceTag/env', type: 'String', requestValues: ['prod', 'dev'], policyValues: ['prod', 'dev'] },
  { key: 'iam:PermissionsBoundary', type: 'Arn', requestValues: [`arn:aws:iam::${HOME}:policy/boundaries/DevBoundary`, `arn:aws:iam::${HOME}:policy/Other`], policyValues: [`arn:aws:iam::${HOME}:policy/boundaries/DevBoundary`, `arn:aws:iam::${HOME}:policy/boundaries/*`] },
  { key: 'iam:PolicyARN', type: 'Arn', requestValues: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/AdministratorAccess', `arn:aws:iam::${HOME}:policy/ReportsReadOnly`], policyValues: ['arn:aws:iam::aws:policy/ReadOnlyAccess', `arn:aws:iam::${HOME}:policy/*`, 'arn:aws:iam::aws:policy/*'] },
  { key: 'iam:PassedToService', type: 'String', requestValues: ['ec2.amazonaws.com', 'lambda.amazonaws.com'], policyValues: ['ec2.amazonaws.com', 'lambda.amazonaws.com', '*.amazonaws.com'] },
  { key: 'ec2:InstanceType', type: 'String', requestValues: ['t3.micro', 'm5.large', 'p4d.24xlarge'], policyValues: ['t3.*', 't3.micro', 'm5.*', 'p*'] },
  { key: 'ec2:Region', type: 'String', requestValues: ['us-east-1', 'eu-west-1'], policyValues: ['us-east-1', 'eu-*'] },
  { key: 'ec2:ResourceTag/env', type: 'String', requestValues: ['prod', 'dev'], policyValues: ['prod', 'dev'] },
  { key: 'ec2:MetadataHttpTokens', type: 'String', requestValues: ['required', 'optional'], policyValues: ['required'] },
  { key: 'ec2:NewInstanceProfile', type: 'Arn', requestValues: [`arn:aws:iam::${HOME}:instance-profile/Webserver`], policyValues: [`arn:aws:iam::${HOME}:instance-profile/*`, `arn:aws:iam::${HOME}:instance-profile/Batch`] },
  { key: 'ec2:VolumeSize', type: 'Numeric', requestValues: ['8', '100', '2000'], policyValues: ['100', '500', '8'] },
  { key: 'ec2:Encrypted', type: 'Bool', requestValues: ['true', 'false'], policyValues: ['true', 'false'] },
  { key: 'ec2:VolumeType', type: 'String', requestValues: ['gp3', 'io2'], policyValues: ['gp3', 'gp*'] },
  { key: 'lambda:InvokedViaFunctionUrl', type: 'Bool', requestValues: ['true', 'false'], policyValues: ['true', 'false'] },
  { key: 'lambda:Principal', type: 'String', requestValues: ['s3.amazonaws.com', OTHER], policyValues: ['s3.amazonaws.com', '*.amazonaws.com'] },
  { key: 'lambda:FunctionUrlAuthType', type: 'String', requestValues: ['AWS_IAM', 'NONE'], policyValues: ['AWS_IAM', 'NONE'] },
  { key: 'sts:ExternalId', type: 'String', requestValues: ['Unique-ID-42', 'wrong-id', ''], policyValues: ['Unique-ID-42', 'unique-id-42'] },
  { key: 'sts:RoleSessionName', type: 'String', requestValues: ['alice', 'ci-build-17', 'partner-session'], policyValues: ['${aws:username}', 'ci-*', 'partner-session'] },
  { key: 'sts:SourceIdentity', type: 'String', requestValues: ['alice@example.com', 'build-bot'], policyValues: ['*@example.com', 'build-bot'] },
  { key: 'sts:TransitiveTagKeys', type: 'String', multi: true, requestValues: ['project', 'team', 'cost-center'], policyValues: ['project', 'team', 'cost-*'] },
];

export const KEY_BY_NAME: ReadonlyMap<string, KeySpec> = new Map(KEYS.map((k) => [k.key, k]));

/** Global keys any statement may test (principal-derived keys included). */
export const GLOBAL_KEYS: readonly string[] = KEYS.filter((k) => k.key.startsWith('aws:') && !k.key.startsWith('aws:ResourceTag/') && !k.key.startsWith('aws:RequestTag/')).map((k) => k.key);
