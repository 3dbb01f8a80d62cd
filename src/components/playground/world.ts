/**
 * The Playground's world: a small company ("Acme") on AWS Organizations with a management account
 * and two member accounts (development and production), the identities and resources a learner
 * meets in the lessons, and an SCP. Kept as data so the page, the unit tests and the map's edge
 * tests build the very same world.
 */
import type { WorldSeed } from '../../sim/world/seed-schema.ts';
import type { TerminalSetup } from '../terminal/setup.ts';

/** The organization's management account. */
export const MANAGEMENT_ACCOUNT = '111111111111';
/** The development member account. */
export const DEV_ACCOUNT = '222222222222';
/** The production member account. */
export const PROD_ACCOUNT = '333333333333';
/** The ExternalId the deploy pipeline passes when it assumes DeployRole. */
export const DEPLOY_EXTERNAL_ID = 'acme-deploy-7f3a91';
/** The web server's instance id. */
export const WEB_INSTANCE_ID = 'i-0a1b2c3d4e5f60718';

const doc = (statements: object[]): string =>
  `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;

/** The world seed of the Playground. */
export const PLAYGROUND_WORLD: WorldSeed = {
  time: '2026-03-02T09:00:00Z',
  region: 'us-east-1',
  accounts: [
    {
      id: MANAGEMENT_ACCOUNT,
      alias: 'acme-management',
      name: 'Acme management',
      users: [
        { name: 'olivia', mfa: true, password: true, managedPolicies: ['AdministratorAccess'] },
      ],
    },
    {
      id: DEV_ACCOUNT,
      alias: 'acme-dev',
      name: 'Acme development',
      users: [
        {
          name: 'alice',
          mfa: true,
          password: true,
          groups: ['developers'],
          inlinePolicies: {
            'prod-access': doc([
              {
                Sid: 'AssumeProdAdmin',
                Effect: 'Allow',
                Action: 'sts:AssumeRole',
                Resource: `arn:aws:iam::${PROD_ACCOUNT}:role/ProdAdmin`,
              },
              {
                Sid: 'ReadProdReports',
                Effect: 'Allow',
                Action: 's3:GetObject',
                Resource: 'arn:aws:s3:::acme-prod-reports/*',
              },
            ]),
          },
        },
        { name: 'bob', groups: ['developers'] },
      ],
      groups: [
        {
          name: 'developers',
          inlinePolicies: {
            'dev-artifacts-and-deploy': doc([
              {
                Sid: 'ReadWriteArtifacts',
                Effect: 'Allow',
                Action: ['s3:ListBucket', 's3:GetObject', 's3:PutObject'],
                Resource: ['arn:aws:s3:::acme-dev-artifacts', 'arn:aws:s3:::acme-dev-artifacts/*'],
              },
              {
                Sid: 'AssumeDeployRole',
                Effect: 'Allow',
                Action: 'sts:AssumeRole',
                Resource: `arn:aws:iam::${PROD_ACCOUNT}:role/DeployRole`,
              },
            ]),
          },
        },
      ],
      roles: [
        {
          name: 'OrganizationAccountAccessRole',
          description: 'Created by AWS Organizations: full access for the management account.',
          trustPolicy: doc([
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${MANAGEMENT_ACCOUNT}:root` },
              Action: 'sts:AssumeRole',
            },
          ]),
          managedPolicies: ['AdministratorAccess'],
        },
      ],
      buckets: [
        {
          name: 'acme-dev-artifacts',
          objects: {
            'builds/web-1.4.2.zip': 'web build 1.4.2',
            'builds/web-1.4.3.zip': 'web build 1.4.3',
          },
        },
      ],
    },
    {
      id: PROD_ACCOUNT,
      alias: 'acme-prod',
      name: 'Acme production',
      policies: [
        {
          name: 'DeployBoundary',
          description:
            'The most any deployment session may do: assets and the report function, nothing in IAM.',
          document: doc([
            {
              Sid: 'DeployScope',
              Effect: 'Allow',
              Action: [
                's3:PutObject',
                's3:GetObject',
                'lambda:UpdateFunctionCode',
                'lambda:GetFunction',
              ],
              Resource: '*',
            },
            { Sid: 'NeverIam', Effect: 'Deny', Action: 'iam:*', Resource: '*' },
          ]),
        },
      ],
      roles: [
        {
          name: 'WebServerRole',
          description: 'EC2 instance role of the web servers: reads the static assets.',
          trustPolicy: doc([
            {
              Effect: 'Allow',
              Principal: { Service: 'ec2.amazonaws.com' },
              Action: 'sts:AssumeRole',
            },
          ]),
          instanceProfile: true,
          inlinePolicies: {
            'read-assets': doc([
              {
                Sid: 'ReadAssets',
                Effect: 'Allow',
                Action: 's3:GetObject',
                Resource: 'arn:aws:s3:::acme-prod-assets/*',
              },
            ]),
          },
        },
        {
          name: 'ReportsFunctionRole',
          description: 'Execution role of the monthly-report Lambda function.',
          trustPolicy: doc([
            {
              Effect: 'Allow',
              Principal: { Service: 'lambda.amazonaws.com' },
              Action: 'sts:AssumeRole',
              Condition: { StringEquals: { 'aws:SourceAccount': PROD_ACCOUNT } },
            },
          ]),
          inlinePolicies: {
            'write-reports': doc([
              {
                Sid: 'ReadWriteReports',
                Effect: 'Allow',
                Action: ['s3:GetObject', 's3:PutObject'],
                Resource: 'arn:aws:s3:::acme-prod-reports/*',
              },
              {
                Sid: 'ListReports',
                Effect: 'Allow',
                Action: 's3:ListBucket',
                Resource: 'arn:aws:s3:::acme-prod-reports',
              },
            ]),
          },
        },
        {
          name: 'DeployRole',
          description:
            'Assumed by the development account to ship releases; the caller must pass the ExternalId.',
          trustPolicy: doc([
            {
              Sid: 'DevAccountWithExternalId',
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${DEV_ACCOUNT}:root` },
              Action: 'sts:AssumeRole',
              Condition: { StringEquals: { 'sts:ExternalId': DEPLOY_EXTERNAL_ID } },
            },
          ]),
          boundary: 'DeployBoundary',
          inlinePolicies: {
            deploy: doc([
              {
                Sid: 'ShipAssets',
                Effect: 'Allow',
                Action: ['s3:PutObject', 's3:GetObject'],
                Resource: 'arn:aws:s3:::acme-prod-assets/*',
              },
              {
                Sid: 'ShipReportCode',
                Effect: 'Allow',
                Action: ['lambda:UpdateFunctionCode', 'lambda:GetFunction'],
                Resource: `arn:aws:lambda:us-east-1:${PROD_ACCOUNT}:function:monthly-report`,
              },
            ]),
          },
        },
        {
          name: 'ProdAdmin',
          description:
            'Break-glass administration of production, from the development account, with MFA only.',
          trustPolicy: doc([
            {
              Sid: 'DevAccountWithMfa',
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${DEV_ACCOUNT}:root` },
              Action: 'sts:AssumeRole',
              Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
            },
          ]),
          managedPolicies: ['AdministratorAccess'],
        },
        {
          name: 'OrganizationAccountAccessRole',
          description: 'Created by AWS Organizations: full access for the management account.',
          trustPolicy: doc([
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${MANAGEMENT_ACCOUNT}:root` },
              Action: 'sts:AssumeRole',
            },
          ]),
          managedPolicies: ['AdministratorAccess'],
        },
      ],
      buckets: [
        {
          name: 'acme-prod-assets',
          objects: {
            'css/site.css': 'body { font-family: sans-serif; }',
            'img/logo.svg': '<svg/>',
          },
          policy: doc([
            {
              Sid: 'DenyInsecureTransport',
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: ['arn:aws:s3:::acme-prod-assets', 'arn:aws:s3:::acme-prod-assets/*'],
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ]),
        },
        {
          name: 'acme-prod-reports',
          objects: { 'reports/2026-02.csv': 'month,revenue\n2026-02,128400\n' },
          policy: doc([
            {
              Sid: 'AliceReadsReports',
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${DEV_ACCOUNT}:user/alice` },
              Action: 's3:GetObject',
              Resource: 'arn:aws:s3:::acme-prod-reports/*',
            },
          ]),
        },
      ],
      instances: [
        {
          id: WEB_INSTANCE_ID,
          instanceProfile: 'WebServerRole',
          httpTokens: 'required',
          tags: { Name: 'web-1' },
        },
      ],
      functions: [
        {
          name: 'monthly-report',
          role: 'ReportsFunctionRole',
          description: 'Lists the reports bucket once a month.',
          handler: {
            steps: [{ call: 's3:ListObjectsV2', params: { Bucket: 'acme-prod-reports' } }],
            return: 'last',
          },
          permissions: [
            {
              sid: 'MonthlySchedule',
              principal: 'events.amazonaws.com',
              sourceArn: `arn:aws:events:us-east-1:${PROD_ACCOUNT}:rule/monthly-report`,
            },
          ],
        },
      ],
    },
  ],
  organization: {
    managementAccount: MANAGEMENT_ACCOUNT,
    ous: [{ name: 'Workloads', accounts: [DEV_ACCOUNT, PROD_ACCOUNT] }],
    scps: [
      {
        name: 'WorkloadGuardrails',
        targets: ['Workloads'],
        document: doc([
          {
            Sid: 'StayInTheOrganization',
            Effect: 'Deny',
            Action: 'organizations:LeaveOrganization',
            Resource: '*',
          },
          {
            Sid: 'ApprovedRegionsOnly',
            Effect: 'Deny',
            NotAction: ['iam:*', 'sts:*', 'organizations:*', 'support:*'],
            Resource: '*',
            Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
          },
        ]),
      },
    ],
  },
};

/** The Playground terminal: olivia's laptop, with profiles for the member accounts. */
export const PLAYGROUND_SETUP: TerminalSetup = {
  world: PLAYGROUND_WORLD,
  signedInAs: { user: 'olivia', account: MANAGEMENT_ACCOUNT },
  files: {
    '~/.aws/config': [
      '[default]',
      'region = us-east-1',
      '',
      '[profile prod]',
      `role_arn = arn:aws:iam::${PROD_ACCOUNT}:role/OrganizationAccountAccessRole`,
      'source_profile = default',
      '',
      '[profile dev]',
      `role_arn = arn:aws:iam::${DEV_ACCOUNT}:role/OrganizationAccountAccessRole`,
      'source_profile = default',
      '',
    ].join('\n'),
  },
  history: [
    'aws sts get-caller-identity',
    'aws iam list-roles --profile prod --query "Roles[].RoleName"',
  ],
};
