/**
 * A realistic ~6 KB identity policy (the managed-policy size limit is 6,144 characters without
 * whitespace): many statements, most with conditions, as a platform team would write them.
 */
import type { AuthorizeInput } from '../../src/sim/authz/types.ts';

const A = '111122223333';

type Doc = { Version: string; Statement: Record<string, unknown>[] };

/** `variant` changes one Sid so every call yields a distinct document. */
export function buildLargePolicy(variant: number): Doc {
  const statements: Record<string, unknown>[] = [
    { Sid: `ReadReports${variant}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion'], Resource: 'arn:aws:s3:::reports/*', Condition: { StringEquals: { 'aws:PrincipalTag/team': ['red', 'blue'] }, Bool: { 'aws:SecureTransport': 'true' } } },
    { Sid: 'ListReports', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::reports', Condition: { StringLike: { 's3:prefix': ['2026/*', 'public/*', ''] } } },
    { Sid: 'HomeFolder', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::home-data/home/${aws:username}/*' },
    { Sid: 'HomeList', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::home-data', Condition: { StringLike: { 's3:prefix': ['home/${aws:username}/*', 'home/'] } } },
    { Sid: 'DenyUnencryptedPut', Effect: 'Deny', Action: 's3:PutObject', Resource: '*', Condition: { StringNotEqualsIfExists: { 's3:x-amz-server-side-encryption': 'aws:kms' } } },
    { Sid: 'DenyPublicAcl', Effect: 'Deny', Action: ['s3:PutObjectAcl', 's3:PutObject'], Resource: '*', Condition: { StringLike: { 's3:x-amz-acl': ['public-*', 'authenticated-read'] } } },
    { Sid: 'Ec2StartStopOwn', Effect: 'Allow', Action: ['ec2:StartInstances', 'ec2:StopInstances', 'ec2:RebootInstances'], Resource: `arn:aws:ec2:*:${A}:instance/*`, Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } } },
    { Sid: 'Ec2Describe', Effect: 'Allow', Action: ['ec2:Describe*', 'ec2:Get*'], Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } } },
    { Sid: 'Ec2RunSmall', Effect: 'Allow', Action: 'ec2:RunInstances', Resource: `arn:aws:ec2:*:${A}:instance/*`, Condition: { StringLike: { 'ec2:InstanceType': ['t3.*', 't4g.*', 'm5.large'] }, StringEquals: { 'aws:RequestTag/team': '${aws:PrincipalTag/team}' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env', 'cost-center'] } } },
    { Sid: 'Ec2RunDeps', Effect: 'Allow', Action: 'ec2:RunInstances', Resource: [`arn:aws:ec2:*:${A}:subnet/*`, `arn:aws:ec2:*:${A}:security-group/*`, `arn:aws:ec2:*:${A}:network-interface/*`, `arn:aws:ec2:*:${A}:volume/*`, 'arn:aws:ec2:*::image/ami-*'] },
    { Sid: 'Ec2DenyBigVolumes', Effect: 'Deny', Action: 'ec2:CreateVolume', Resource: '*', Condition: { NumericGreaterThan: { 'ec2:VolumeSize': '500' } } },
    { Sid: 'PassAppRoles', Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${A}:role/app/*`, Condition: { StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com', 'lambda.amazonaws.com'] } } },
    { Sid: 'ManageOwnKeys', Effect: 'Allow', Action: ['iam:CreateAccessKey', 'iam:DeleteAccessKey', 'iam:ListAccessKeys', 'iam:UpdateAccessKey'], Resource: `arn:aws:iam::${A}:user/\${aws:username}`, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } },
    { Sid: 'CreateRolesWithBoundary', Effect: 'Allow', Action: ['iam:CreateRole', 'iam:PutRolePermissionsBoundary'], Resource: `arn:aws:iam::${A}:role/app/*`, Condition: { ArnEquals: { 'iam:PermissionsBoundary': `arn:aws:iam::${A}:policy/boundaries/DevBoundary` } } },
    { Sid: 'DenyBoundaryEdits', Effect: 'Deny', Action: ['iam:CreatePolicyVersion', 'iam:DeletePolicy', 'iam:DeletePolicyVersion', 'iam:SetDefaultPolicyVersion'], Resource: `arn:aws:iam::${A}:policy/boundaries/*` },
    { Sid: 'LambdaDeploy', Effect: 'Allow', Action: ['lambda:UpdateFunctionCode', 'lambda:UpdateFunctionConfiguration', 'lambda:PublishVersion'], Resource: `arn:aws:lambda:*:${A}:function:app-*`, Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } } },
    { Sid: 'LambdaInvoke', Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: [`arn:aws:lambda:us-east-1:${A}:function:report-gen`, `arn:aws:lambda:us-east-1:${A}:function:report-gen:*`] },
    { Sid: 'AssumeDeployRoles', Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: `arn:aws:iam::*:role/Deployer`, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' }, 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-abc123def4/r-ab12/ou-ab12-11111111/*' } } },
    { Sid: 'OfficeHoursOnly', Effect: 'Deny', NotAction: ['iam:ChangePassword', 'iam:GetUser', 'sts:GetCallerIdentity'], Resource: '*', Condition: { DateGreaterThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } } },
    { Sid: 'CorpNetwork', Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.0/24', '2001:db8::/32'] }, Bool: { 'aws:ViaAWSService': 'false' }, Null: { 'aws:SourceVpce': 'true' } } },
    { Sid: 'DenyOtherRegions', Effect: 'Deny', NotAction: ['iam:*', 'sts:*', 'cloudfront:*', 'route53:*', 's3:ListAllMyBuckets'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } } },
    { Sid: 'LogsArchiveRead', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::logs-archive', 'arn:aws:s3:::logs-archive/app/*'], Condition: { StringEquals: { 'aws:PrincipalTag/dept': ['eng', 'data', 'security'] }, IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '10.0.0.0/8'] } } },
    { Sid: 'DenyLogsDelete', Effect: 'Deny', Action: ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutLifecycleConfiguration'], Resource: ['arn:aws:s3:::logs-archive', 'arn:aws:s3:::logs-archive/*'] },
    { Sid: 'ReadOwnUser', Effect: 'Allow', Action: ['iam:GetUser', 'iam:ListMFADevices', 'iam:ListSSHPublicKeys', 'iam:ListServiceSpecificCredentials'], Resource: `arn:aws:iam::${A}:user/\${aws:username}` },
    { Sid: 'TagOwnInstances', Effect: 'Allow', Action: ['ec2:CreateTags', 'ec2:DeleteTags'], Resource: `arn:aws:ec2:*:${A}:instance/*`, Condition: { StringEquals: { 'ec2:ResourceTag/team': '${aws:PrincipalTag/team}' }, 'ForAllValues:StringLike': { 'aws:TagKeys': ['env', 'cost-*', 'Name'] } } },
  ];
  return { Version: '2012-10-17', Statement: statements };
}

/** A request that every statement has to be looked at for (allowed by the first one). */
export function largePolicyRequest(): Omit<AuthorizeInput, 'policies'> {
  return {
    principal: { arn: `arn:aws:iam::${A}:user/alice`, account: A, type: 'IAMUser', tags: { team: 'red', dept: 'eng' } },
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::reports/2026/q1.csv',
      resourceAccount: A,
      context: {
        'aws:SecureTransport': 'true',
        'aws:SourceIp': '203.0.113.7',
        'aws:RequestedRegion': 'us-east-1',
        'aws:CurrentTime': '2026-03-01T12:00:00Z',
        'aws:ViaAWSService': 'false',
      },
    },
  };
}
