/**
 * Schema of a golden case file (`tests/golden/cases/<topic>.json`).
 *
 * A case file is one topic of documented AWS behaviour: every case is a full input for
 * `authorize()` plus the decision AWS documents for it, and names the documentation page it
 * was written from. Optional fields use `exactOptional()` so the parsed input is exactly the
 * decision API's `AuthorizeInput` (the compile-time check at the bottom keeps them in step).
 */
import { z } from 'astro/zod';
import type { AuthorizeInput } from '../../src/sim/index.ts';

const nonEmpty = z.string().trim().min(1);

/** A policy document: raw JSON text or the parsed object, as an exercise would hold it. */
const policyDocument = z
  .union([z.string().min(1), z.record(z.string(), z.unknown())])
  .describe('An IAM policy document, as JSON text or as an object');

const principalKind = z
  .enum([
    'IAMUser',
    'AssumedRole',
    'FederatedUser',
    'Root',
    'AWSService',
    'Anonymous',
    'WebIdentity',
    'SAML',
  ])
  .describe('What kind of caller makes the request');

const principal = z
  .strictObject({
    arn: nonEmpty.describe(
      'Caller ARN: user, assumed-role session, federated user, root, provider, or a service name',
    ),
    account: z
      .string()
      .regex(/^\d{12}$/, 'a 12-digit account id')
      .exactOptional()
      .describe("The caller's account"),
    type: principalKind.exactOptional(),
    roleArn: nonEmpty.exactOptional().describe('For an AssumedRole session: the role behind it'),
    sessionName: nonEmpty.exactOptional().describe('For an AssumedRole session: the session name'),
    federatingUserArn: nonEmpty
      .exactOptional()
      .describe('For a GetFederationToken session: the IAM user behind it'),
    tags: z
      .record(z.string(), z.string())
      .exactOptional()
      .describe('Principal tags (role/user tags merged with session tags)'),
    isManagementAccount: z
      .boolean()
      .exactOptional()
      .describe("True when the caller's account is the organization's management account"),
    isServiceLinkedRole: z.boolean().exactOptional().describe('True for a service-linked role'),
  })
  .describe('Who makes the request');

const contextValue = z
  .union([z.string(), z.array(z.string())])
  .describe('A context value as AWS passes it: a string, or an array for a multivalued key');

const request = z
  .strictObject({
    action: z
      .string()
      .regex(/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/, 'an action of the form service:Operation')
      .describe('The action, service:Operation'),
    resource: nonEmpty.describe('The resource ARN, or * for actions without a resource'),
    resourceAccount: z
      .string()
      .regex(/^\d{12}$/, 'a 12-digit account id')
      .exactOptional()
      .describe('Account that owns the resource'),
    context: z.record(z.string(), contextValue).exactOptional().describe('Request context keys'),
  })
  .describe('What the caller asks to do');

const publicAccessBlock = z
  .strictObject({
    BlockPublicAcls: z.boolean().exactOptional(),
    IgnorePublicAcls: z.boolean().exactOptional(),
    BlockPublicPolicy: z.boolean().exactOptional(),
    RestrictPublicBuckets: z.boolean().exactOptional(),
  })
  .describe('S3 Block Public Access settings in force for the bucket');

const policies = z
  .strictObject({
    identity: z
      .array(policyDocument)
      .exactOptional()
      .describe("The caller's identity-based policies"),
    resource: policyDocument
      .nullable()
      .exactOptional()
      .describe('The resource-based policy of the target'),
    resourcePolicyKind: z
      .enum(['s3-bucket', 'kms-key', 'role-trust', 'lambda-function', 'sqs-queue'])
      .nullable()
      .exactOptional()
      .describe('Which kind of resource-based policy `resource` is'),
    boundary: policyDocument
      .nullable()
      .exactOptional()
      .describe("The caller's permissions boundary"),
    session: policyDocument.nullable().exactOptional().describe('The session policy of the caller'),
    scp: z
      .array(policyDocument)
      .exactOptional()
      .describe('SCPs, one document per level, organization root first'),
    rcp: z
      .array(policyDocument)
      .exactOptional()
      .describe("RCPs of the resource owner's account, one per level"),
    trust: policyDocument
      .nullable()
      .exactOptional()
      .describe("For sts:AssumeRole*: the role's trust policy"),
    scpAccount: z
      .string()
      .regex(/^\d{12}$/, 'a 12-digit account id')
      .exactOptional()
      .describe('Account the SCPs are attached to'),
    s3PublicAccessBlock: publicAccessBlock.exactOptional(),
    s3ObjectOwnership: z
      .enum(['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter'])
      .exactOptional(),
  })
  .describe('Every policy that applies to the request');

export const authorizeInputSchema = z
  .strictObject({ principal, request, policies })
  .describe('One input for authorize()');

/** The policy-type phrases of AWS AccessDenied messages. */
export const DENIED_BY = [
  'service control policy',
  'resource control policy',
  'VPC endpoint policy',
  'permissions boundary',
  'session policy',
  'resource-based policy',
  'role trust policy',
  'identity-based policy',
] as const;

const expectation = z
  .strictObject({
    decision: z
      .enum(['Allow', 'ExplicitDeny', 'ImplicitDeny'])
      .describe('The decision AWS documents'),
    deniedBy: z
      .enum(DENIED_BY)
      .exactOptional()
      .describe('For a denial: the policy type AWS names in its message'),
    messageContains: nonEmpty
      .exactOptional()
      .describe('Text the AWS-shaped denial message must contain'),
  })
  .refine(
    (e) => e.decision !== 'Allow' || (e.deniedBy === undefined && e.messageContains === undefined),
    {
      message: 'an Allow expectation cannot have deniedBy or messageContains',
    },
  )
  .describe('What authorize() must return');

export const goldenCaseSchema = z
  .strictObject({
    name: nonEmpty.describe('A short sentence saying what the case shows; unique within its file'),
    source: nonEmpty.describe(
      'The AWS documentation page (IAMUG/<page>.html §Section, or a full URL) the case comes from',
    ),
    notes: nonEmpty
      .exactOptional()
      .describe('Judgement calls, doc corrections, quotes that decide the case'),
    input: authorizeInputSchema,
    expect: expectation,
  })
  .describe('One golden case');

export const caseFileSchema = z
  .strictObject({
    topic: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case topic (the file name without .json)')
      .describe('The topic; equals the file name'),
    cases: z.array(goldenCaseSchema).min(1).describe('The cases of this topic'),
  })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.cases.forEach((c, i) => {
      const first = seen.get(c.name);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['cases', i, 'name'],
          message: `duplicate case name "${c.name}" (first used by cases[${first}])`,
        });
      } else {
        seen.set(c.name, i);
      }
    });
  })
  .describe('A golden case file');

export type GoldenCase = z.output<typeof goldenCaseSchema>;
export type CaseFile = z.output<typeof caseFileSchema>;

/** Compile-time check: a parsed case input is exactly a decision-API input. */
type Assert<T extends true> = T;
export type InputMatchesContract = Assert<
  z.output<typeof authorizeInputSchema> extends AuthorizeInput ? true : false
>;

/** One readable line per schema issue: `cases[3].input.request.action: an action of the form …`. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path
        .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
        .join('');
      return `  ${path || '(file)'}: ${issue.message}`;
    })
    .join('\n');
}

/** Parse a case file's text; never throws. */
export function parseCaseFile(
  text: string,
): { ok: true; file: CaseFile } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  const parsed = caseFileSchema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      error: `does not match the golden case schema:\n${formatIssues(parsed.error)}`,
    };
  return { ok: true, file: parsed.data };
}
