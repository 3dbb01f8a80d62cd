/**
 * The seed format: how an exercise describes the AWS it starts from, compactly.
 *
 * Only what the lesson needs is written; everything else (ids, ARNs, dates, secrets) is
 * generated deterministically by `createWorld`. Policy documents may be written as JSON values or
 * as text (text keeps the author's formatting, which the editor then shows).
 *
 * zod comes through `astro/zod` (zod 4): a schema library, not UI; the lint rule that keeps
 * Astro out of src/sim makes an exception for exactly this import.
 */
import { z } from 'astro/zod';

const name = z.string().min(1).max(128).regex(/^[\w+=,.@-]+$/, 'Names use letters, digits and + = , . @ _ -');
const path = z
  .string()
  .regex(/^\/([\x21-\x7e]*\/)?$/, 'A path starts and ends with "/"')
  .describe('IAM path, e.g. "/" or "/division/"');
const tags = z.record(z.string().min(1).max(128), z.string().max(256)).describe('Tags: key → value');
const policyDocument = z
  .union([z.string(), z.record(z.string(), z.unknown())])
  .describe('A policy document, as a JSON value or as its text');
const policyRef = z.string().min(1).describe('A managed policy: an ARN, a customer policy of this account by name, or an AWS managed policy by name');
const inlinePolicies = z.record(name, policyDocument).describe('Inline policies: policy name → document');

/** An IAM user in a seed. */
export const seedUserSchema = z
  .object({
    name: name.max(64).describe('User name'),
    path: path.optional(),
    inlinePolicies: inlinePolicies.optional(),
    managedPolicies: z.array(policyRef).max(20).optional().describe('Attached managed policies'),
    groups: z.array(name).optional().describe('Groups the user belongs to (declared in the same account)'),
    boundary: policyRef.optional().describe('Permissions boundary (a managed policy)'),
    tags: tags.optional(),
    accessKeys: z
      .array(
        z
          .object({
            accessKeyId: z.string().regex(/^AKIA[A-Z0-9]{16}$/).optional().describe('A fixed key id (generated when absent)'),
            secretAccessKey: z.string().length(40).optional().describe('A fixed secret (generated when absent)'),
            status: z.enum(['Active', 'Inactive']).optional(),
          })
          .strict(),
      )
      .max(2)
      .optional()
      .describe('Long-term access keys (at most two)'),
    mfa: z.boolean().optional().describe('Give the user an enabled virtual MFA device named after the user'),
    password: z.boolean().optional().describe('Whether the user has a console password'),
  })
  .strict();

/** An IAM group in a seed. */
export const seedGroupSchema = z
  .object({
    name: name.describe('Group name'),
    path: path.optional(),
    inlinePolicies: inlinePolicies.optional(),
    managedPolicies: z.array(policyRef).max(20).optional(),
  })
  .strict();

/** An IAM role in a seed. */
export const seedRoleSchema = z
  .object({
    name: name.max(64).describe('Role name'),
    path: path.optional(),
    trustPolicy: policyDocument.describe('The trust policy (who may assume the role)'),
    description: z.string().max(1000).optional(),
    maxSessionDuration: z.number().int().min(3600).max(43200).optional().describe('Seconds, 3600–43200 (default 3600)'),
    managedPolicies: z.array(policyRef).max(20).optional(),
    inlinePolicies: inlinePolicies.optional(),
    boundary: policyRef.optional(),
    tags: tags.optional(),
    instanceProfile: z
      .union([z.boolean(), name])
      .optional()
      .describe('Create an instance profile holding this role: true for one named like the role, or its name'),
    serviceLinked: z.boolean().optional().describe('Mark as a service-linked role (SCPs do not apply)'),
  })
  .strict();

/** A customer managed policy in a seed. */
export const seedPolicySchema = z
  .object({
    name: name.describe('Policy name'),
    path: path.optional(),
    document: policyDocument,
    description: z.string().max(1000).optional(),
  })
  .strict();

/** The account password policy in a seed (absent fields take IAM's defaults). */
export const seedPasswordPolicySchema = z
  .object({
    MinimumPasswordLength: z.number().int().min(6).max(128).optional(),
    RequireSymbols: z.boolean().optional(),
    RequireNumbers: z.boolean().optional(),
    RequireUppercaseCharacters: z.boolean().optional(),
    RequireLowercaseCharacters: z.boolean().optional(),
    AllowUsersToChangePassword: z.boolean().optional(),
    MaxPasswordAge: z.number().int().min(1).max(1095).optional(),
    PasswordReusePrevention: z.number().int().min(1).max(24).optional(),
    HardExpiry: z.boolean().optional(),
  })
  .strict();

const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'A region such as us-east-1');
const publicAccessBlock = z
  .object({
    BlockPublicAcls: z.boolean().optional(),
    IgnorePublicAcls: z.boolean().optional(),
    BlockPublicPolicy: z.boolean().optional(),
    RestrictPublicBuckets: z.boolean().optional(),
  })
  .strict()
  .describe('Block Public Access settings; those left out are off');

/** An S3 bucket in a seed (owned by the account it is declared in). */
export const seedBucketSchema = z
  .object({
    name: z.string().min(3).max(63).regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, 'Bucket names use lowercase letters, digits, dots and hyphens').describe('Bucket name (global namespace)'),
    region: region.optional().describe('The bucket region (default: the world region)'),
    policy: policyDocument.optional().describe('The bucket policy'),
    publicAccessBlock: z
      .union([publicAccessBlock, z.literal(false)])
      .optional()
      .describe('Bucket-level Block Public Access (default: all four on, as for new buckets); false for no configuration'),
    objectOwnership: z.enum(['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter']).optional().describe('Object Ownership (default BucketOwnerEnforced)'),
    objects: z.record(z.string().min(1).max(1024), z.string()).optional().describe('Objects: key → text body'),
    lambdaNotifications: z
      .array(
        z
          .object({
            function: z.string().min(1).describe('A function ARN, or the name of a function of the bucket owner in the bucket Region'),
            events: z.array(z.string()).optional().describe('Default ["s3:ObjectCreated:*"]'),
            prefix: z.string().optional(),
            suffix: z.string().optional(),
          })
          .strict(),
      )
      .optional()
      .describe('S3 event notifications to Lambda (stored as configured, without the destination check)'),
  })
  .strict();

/** An EC2 instance in a seed. */
export const seedInstanceSchema = z
  .object({
    id: z.string().regex(/^i-([0-9a-f]{8}|[0-9a-f]{17})$/).optional().describe('A fixed instance id (generated when absent)'),
    region: region.optional().describe('The instance region (default: the world region)'),
    imageId: z.string().regex(/^ami-([0-9a-f]{8}|[0-9a-f]{17})$/).optional(),
    instanceType: z.string().min(1).optional(),
    instanceProfile: name.optional().describe('An instance profile of this account to associate'),
    httpTokens: z.enum(['optional', 'required']).optional().describe('"required" for IMDSv2 only (default optional)'),
    httpEndpoint: z.enum(['enabled', 'disabled']).optional().describe('Whether IMDS answers at all (default enabled)'),
    hopLimit: z.number().int().min(1).max(64).optional().describe('HttpPutResponseHopLimit (default 1)'),
    tags: tags.optional(),
  })
  .strict();

/** A Lambda function in a seed (in the account it is declared in). */
export const seedFunctionSchema = z
  .object({
    name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'Function names use letters, digits, - and _ (1–64)').describe('Function name'),
    role: z.string().min(1).describe('The execution role: a role of this account by name, or a role ARN'),
    handler: z
      .union([z.string(), z.record(z.string(), z.unknown())])
      .describe('The declarative handler: {"steps": [{"call": "s3:GetObject", "params": {…}}], "return": "last"}'),
    region: region.optional().describe('The function Region (default: the world region)'),
    runtime: z.string().min(1).optional().describe('Runtime (default nodejs22.x)'),
    description: z.string().max(256).optional(),
    environment: z.record(z.string(), z.string()).optional().describe('Environment variables'),
    permissions: z
      .array(
        z
          .object({
            sid: z.string().regex(/^[a-zA-Z0-9_.-]{1,100}$/).describe('StatementId'),
            principal: z.string().min(1).describe('An account id, an IAM ARN, a service principal such as s3.amazonaws.com, or *'),
            action: z.string().optional().describe('Default lambda:InvokeFunction'),
            sourceArn: z.string().optional(),
            sourceAccount: z.string().regex(/^\d{12}$/).optional(),
            principalOrgId: z.string().regex(/^o-[a-z0-9]{10,32}$/).optional(),
          })
          .strict(),
      )
      .optional()
      .describe('Function policy statements, as AddPermission would add them'),
  })
  .strict();

/** One account in a seed. */
export const seedAccountSchema = z
  .object({
    id: z.string().regex(/^\d{12}$/, 'An account id is 12 digits').describe('Account id'),
    alias: z.string().regex(/^[a-z0-9]([a-z0-9-]{1,61}[a-z0-9])?$/).optional().describe('Account alias'),
    name: z.string().min(1).max(50).optional().describe('Display name'),
    users: z.array(seedUserSchema).optional(),
    groups: z.array(seedGroupSchema).optional(),
    roles: z.array(seedRoleSchema).optional(),
    policies: z.array(seedPolicySchema).optional().describe('Customer managed policies'),
    passwordPolicy: seedPasswordPolicySchema.optional(),
    buckets: z.array(seedBucketSchema).optional().describe('S3 buckets the account owns'),
    publicAccessBlock: publicAccessBlock.optional().describe('Account-level S3 Block Public Access'),
    instances: z.array(seedInstanceSchema).optional().describe('Running EC2 instances'),
    functions: z.array(seedFunctionSchema).optional().describe('Lambda functions'),
    samlProviders: z
      .array(z.object({ name, issuer: z.string().min(1).describe('The IdP entity id'), metadataDocument: z.string().optional() }).strict())
      .optional(),
    oidcProviders: z
      .array(
        z
          .object({
            url: z.string().regex(/^https:\/\/[^\s]+$/).describe('Issuer URL, e.g. https://token.actions.githubusercontent.com'),
            clientIds: z.array(z.string().min(1)).min(1),
            thumbprints: z.array(z.string().regex(/^[0-9a-fA-F]{40}$/)).optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

/** An organization in a seed. */
export const seedOrganizationSchema = z
  .object({
    managementAccount: z.string().regex(/^\d{12}$/).describe('The management account id (must be one of the accounts)'),
    members: z
      .array(z.string().regex(/^\d{12}$/))
      .optional()
      .describe('The accounts in the organization besides the management account (default: every account); the others stay outside it'),
    ous: z
      .array(
        z
          .object({
            name: z.string().min(1).max(128),
            parent: z.string().optional().describe('Name of the parent OU (the root when absent)'),
            accounts: z.array(z.string().regex(/^\d{12}$/)).optional(),
          })
          .strict(),
      )
      .optional(),
    scps: z
      .array(
        z
          .object({
            name: z.string().min(1).max(128),
            document: policyDocument,
            targets: z.array(z.string().min(1)).describe('"Root", an OU name or an account id'),
          })
          .strict(),
      )
      .optional()
      .describe('SCPs besides FullAWSAccess, which is attached everywhere when SCPs are on'),
    scpEnabled: z.boolean().optional().describe('Whether SCPs are enabled (default: true when scps are given)'),
    rcps: z
      .array(
        z
          .object({
            name: z.string().min(1).max(128),
            document: policyDocument,
            targets: z.array(z.string().min(1)).describe('"Root", an OU name or an account id'),
          })
          .strict(),
      )
      .optional()
      .describe('RCPs besides RCPFullAWSAccess, which is attached everywhere when RCPs are on'),
    rcpEnabled: z.boolean().optional().describe('Whether RCPs are enabled (default: true when rcps are given)'),
  })
  .strict();

/** A whole seed. */
export const worldSeedSchema = z
  .object({
    time: z.iso.datetime({ offset: true }).optional().describe('Start time (default 2026-01-01T09:00:00Z)'),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/).optional().describe('Default region (default us-east-1)'),
    idSeed: z.number().int().optional().describe('Seed of the id source (default 1)'),
    accounts: z.array(seedAccountSchema).min(1),
    organization: seedOrganizationSchema.optional(),
  })
  .strict();

/** A seed as written by an exercise. */
export type WorldSeed = z.input<typeof worldSeedSchema>;
/** A seed after validation. */
export type ParsedWorldSeed = z.output<typeof worldSeedSchema>;
/** A user entry of a validated seed. */
export type SeedUser = z.output<typeof seedUserSchema>;
/** A role entry of a validated seed. */
export type SeedRole = z.output<typeof seedRoleSchema>;
/** A bucket entry of a validated seed. */
export type SeedBucket = z.output<typeof seedBucketSchema>;
/** A function entry of a validated seed. */
export type SeedFunction = z.output<typeof seedFunctionSchema>;
/** An instance entry of a validated seed. */
export type SeedInstance = z.output<typeof seedInstanceSchema>;
/** An account entry of a validated seed. */
export type SeedAccount = z.output<typeof seedAccountSchema>;
