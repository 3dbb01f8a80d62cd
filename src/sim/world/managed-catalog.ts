/**
 * The AWS managed policies the lessons use, with their documents as AWS publishes them
 * (AWS Managed Policy Reference, docs.aws.amazon.com/aws-managed-policy/latest/reference/,
 * checked November 2026). They exist in every account under the pseudo-account `aws`:
 * `arn:aws:iam::aws:policy/<path><name>`. They are read-only and never stored in snapshots;
 * a world only stores which ones are attached where.
 */

/** One AWS managed policy. */
export interface AwsManagedPolicy {
  policyName: string;
  /** `/` or e.g. `/service-role/`. */
  path: string;
  arn: string;
  /** The stable policy id AWS shows for it (`ANPA…`). */
  policyId: string;
  description: string;
  /** The default version id as AWS lists it. */
  defaultVersionId: string;
  createDate: string;
  updateDate: string;
  /** The default version's document, pretty-printed. */
  document: string;
  /** Set when the simulator keeps only part of the real document, with the reason. */
  trimmed?: string;
}

/** Pretty-prints a document the way the console shows it. */
function doc(statements: unknown[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

/** Builds a catalog entry. */
function entry(e: Omit<AwsManagedPolicy, 'arn'>): AwsManagedPolicy {
  return { ...e, arn: `arn:aws:iam::aws:policy${e.path}${e.policyName}` };
}

/** The catalog, by policy name. */
export const AWS_MANAGED_POLICIES: Readonly<Record<string, AwsManagedPolicy>> = Object.fromEntries(
  [
    entry({
      policyName: 'AdministratorAccess',
      path: '/',
      policyId: 'ANPAIWMBCKSKIEE64ZLYK',
      description: 'Provides full access to AWS services and resources.',
      defaultVersionId: 'v1',
      createDate: '2015-02-06T18:39:46Z',
      updateDate: '2015-02-06T18:39:46Z',
      document: doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
    }),
    entry({
      policyName: 'AmazonS3FullAccess',
      path: '/',
      policyId: 'ANPAIFIR6V6BVTRAHWINE',
      description: 'Provides full access to all buckets via the AWS Management Console.',
      defaultVersionId: 'v2',
      createDate: '2015-02-06T18:40:58Z',
      updateDate: '2021-09-27T20:16:37Z',
      document: doc([{ Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' }]),
    }),
    entry({
      policyName: 'AmazonS3ReadOnlyAccess',
      path: '/',
      policyId: 'ANPAIZTJ4DXE7G6AGAE6M',
      description: 'Provides read only access to all buckets via the AWS Management Console.',
      defaultVersionId: 'v3',
      createDate: '2015-02-06T18:40:59Z',
      updateDate: '2023-08-10T21:31:39Z',
      document: doc([
        {
          Effect: 'Allow',
          Action: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'],
          Resource: '*',
        },
      ]),
    }),
    entry({
      policyName: 'AWSLambdaBasicExecutionRole',
      path: '/service-role/',
      policyId: 'ANPAJNCQGXC42545SKXIK',
      description: 'Provides write permissions to CloudWatch Logs.',
      defaultVersionId: 'v1',
      createDate: '2015-04-09T15:03:43Z',
      updateDate: '2015-04-09T15:03:43Z',
      document: doc([
        { Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' },
      ]),
    }),
    entry({
      policyName: 'ReadOnlyAccess',
      path: '/',
      policyId: 'ANPAILL3HVNFSB6DCOWYQ',
      description: 'Provides read-only access to AWS services and resources.',
      defaultVersionId: 'v1',
      createDate: '2015-02-06T18:39:48Z',
      updateDate: '2015-02-06T18:39:48Z',
      // The real document lists read actions for several hundred services (over 5,000 characters).
      // We keep the entries for the services the simulator implements, written as AWS writes them.
      trimmed:
        'Only the read actions of the simulated services (IAM, STS, S3, EC2, Lambda, Organizations, CloudTrail) are kept; the version id and dates are the simulator\'s own.',
      document: doc([
        {
          Effect: 'Allow',
          Action: [
            'cloudtrail:Describe*',
            'cloudtrail:Get*',
            'cloudtrail:List*',
            'cloudtrail:LookupEvents',
            'ec2:Describe*',
            'ec2:Get*',
            'iam:Generate*',
            'iam:Get*',
            'iam:List*',
            'iam:Simulate*',
            'lambda:Get*',
            'lambda:List*',
            'organizations:Describe*',
            'organizations:List*',
            's3:Describe*',
            's3:Get*',
            's3:List*',
            's3-object-lambda:Get*',
            's3-object-lambda:List*',
            'sts:GetCallerIdentity',
          ],
          Resource: '*',
        },
      ]),
    }),
  ].map((p) => [p.policyName, p]),
);

/** Finds an AWS managed policy by ARN. */
export function awsManagedPolicyByArn(arn: string): AwsManagedPolicy | undefined {
  const name = arn.startsWith('arn:aws:iam::aws:policy/') ? arn.slice(arn.lastIndexOf('/') + 1) : '';
  const found = AWS_MANAGED_POLICIES[name];
  return found !== undefined && found.arn === arn ? found : undefined;
}
