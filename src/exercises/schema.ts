/**
 * The exercise file format (content/exercises/<id>.json): what the learner edits, where each
 * document goes in the simulated world, the checks that grade it, hints and a solution.
 *
 * One schema, two consumers: the content collection validates files at build time and the
 * content test validates them in Node. Everything an exercise names (users, roles, buckets,
 * operations) is checked against its own world here, so a typo stops the build instead of
 * making a check fail mysteriously in the browser.
 */
import { z } from 'astro/zod';
import { FLAG_CODES, operationsOf, SERVICES, worldSeedSchema } from '../sim/index.ts';
import type { FlagCode } from '../sim/index.ts';
import { crossCheck } from './schema-refine.ts';
export { TERMINAL_ID } from './terminal-id.ts';
export { PREDICTION_CHOICES } from './choices.ts';
export type { PredictionChoice } from './choices.ts';

/** Lowercase words joined by hyphens. */
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens')
  .describe('A URL-safe id: lowercase words joined by hyphens.');

/** An IAM name (user, role, policy). */
const iamName = z
  .string()
  .regex(/^[\w+=,.@-]{1,128}$/, 'IAM names use letters, digits and + = , . @ _ -')
  .describe('An IAM name.');

const accountId = z
  .string()
  .regex(/^\d{12}$/, 'an account id is 12 digits')
  .describe('A 12-digit account id.');
const account = accountId
  .optional()
  .describe('The account it lives in; default: the first account of the world.');

/** The kinds of document a learner can edit, as the issue lists them. */
export const EDITABLE_KINDS = [
  'identity-policy',
  'trust-policy',
  'bucket-policy',
  'permissions-boundary',
  'session-policy',
  'scp',
  'lambda-policy',
] as const;

/** Where an editable document is installed. Only targets the simulator supports today. */
export const targetSchema = z
  .union([
    z
      .object({
        role: iamName.describe('The role that gets the inline policy.'),
        policyName: iamName.describe('The inline policy name (PutRolePolicy).'),
        account,
      })
      .strict(),
    z
      .object({
        role: iamName.describe('The role whose trust policy this is.'),
        trust: z.literal(true).describe('Marks the trust policy (UpdateAssumeRolePolicy).'),
        account,
      })
      .strict(),
    z
      .object({
        role: iamName.describe('The role whose permissions boundary this is.'),
        boundary: z
          .literal(true)
          .describe(
            'Marks a permissions boundary (a managed policy set with PutRolePermissionsBoundary).',
          ),
        account,
      })
      .strict(),
    z
      .object({
        user: iamName.describe('The user that gets the inline policy.'),
        policyName: iamName.describe('The inline policy name (PutUserPolicy).'),
        account,
      })
      .strict(),
    z
      .object({
        user: iamName.describe('The user whose permissions boundary this is.'),
        boundary: z
          .literal(true)
          .describe('Marks a permissions boundary (PutUserPermissionsBoundary).'),
        account,
      })
      .strict(),
    z
      .object({
        bucket: z
          .string()
          .min(3)
          .max(63)
          .describe('The bucket whose policy this is (PutBucketPolicy as the owner).'),
      })
      .strict(),
    z
      .object({
        scp: z
          .string()
          .regex(/^[\w+=,.@ -]{1,128}$/)
          .describe('The SCP name (organizations CreatePolicy as the management account).'),
        attachTo: z
          .string()
          .min(1)
          .describe('Where it is attached: "Root", the name of an OU, or a member account id.'),
      })
      .strict(),
    z
      .object({
        sessionPolicyFor: iamName.describe(
          'The role whose sessions get this inline session policy: every actor {role, via: {user}} of that role passes it as the Policy parameter of sts:AssumeRole.',
        ),
        account,
      })
      .strict(),
    z
      .object({
        lambdaFunction: z
          .string()
          .regex(/^[\w-]{1,64}$/)
          .describe('The function (by name) whose resource-based policy this is.'),
        account,
      })
      .strict(),
  ])
  .describe(
    'Where the document goes: {role, policyName} | {role, trust: true} | {role, boundary: true} | {user, policyName} | {user, boundary: true} | {bucket} | {scp, attachTo} | {sessionPolicyFor} | {lambdaFunction}.',
  );

/** A document the learner edits. */
export const editableSchema = z
  .object({
    id: slug.describe(
      'Id of this document, unique within the exercise; keys of `solution` and of the graded documents.',
    ),
    kind: z.enum(EDITABLE_KINDS).describe('What kind of policy the learner edits.'),
    label: z
      .string()
      .min(3)
      .max(90)
      .describe(
        'The accessible name of the editor, naming the document (e.g. "Trust policy of role WebApp").',
      ),
    starter: z.string().describe('The text the learner starts from.'),
    target: targetSchema.describe('Where in the world the document goes.'),
    readOnly: z
      .boolean()
      .optional()
      .describe(
        'Shown but not edited: the starter is installed as it is (the scenario of a prediction exercise). It needs no solution.',
      ),
  })
  .strict();

/** Who makes a call. */
export const actorSchema = z
  .union([
    z.literal('anonymous').describe('An unsigned request.'),
    z
      .object({
        user: iamName.describe('An IAM user, signing with a fresh access key.'),
        account,
        mfa: z
          .boolean()
          .optional()
          .describe(
            'Sign in with the user’s MFA device first (the user needs "mfa": true in the world), so aws:MultiFactorAuthPresent is true.',
          ),
      })
      .strict(),
    z
      .object({
        role: iamName.describe('A session of this role.'),
        account,
        via: z
          .union([
            z
              .object({
                service: z
                  .string()
                  .regex(/^[a-z0-9.-]+\.amazonaws\.com$/)
                  .describe('A service principal that assumes the role, e.g. ec2.amazonaws.com.'),
              })
              .strict(),
            z
              .object({
                user: iamName.describe('An IAM user (same account) that calls sts:AssumeRole.'),
                mfa: z
                  .boolean()
                  .optional()
                  .describe(
                    'Sign in with the user’s MFA device first (the user needs "mfa": true in the world), so aws:MultiFactorAuthPresent is true.',
                  ),
              })
              .strict(),
          ])
          .optional()
          .describe(
            'How the session is obtained. Absent: a session is issued whatever the trust policy says, so the check tests only what the role may do.',
          ),
      })
      .strict(),
    z.object({ root: accountId.describe('The root user of this account.') }).strict(),
    z
      .object({
        service: z
          .string()
          .regex(/^[a-z0-9.-]+\.amazonaws\.com$/)
          .describe(
            'A service principal assuming a role (only with sts AssumeRole), e.g. ec2.amazonaws.com.',
          ),
        sourceArn: z.string().optional().describe('aws:SourceArn the service sends.'),
        sourceAccount: accountId.optional().describe('aws:SourceAccount the service sends.'),
      })
      .strict(),
  ])
  .describe(
    'Who calls: "anonymous", {user}, {role, via?}, {root}, or {service} (for sts AssumeRole).',
  );

/** The API call of a check, in the services' own names. */
export const callSchema = z
  .object({
    service: z
      .string()
      .refine((s) => SERVICES[s] !== undefined, {
        message: `unknown service; the simulator has ${Object.keys(SERVICES).join(', ')}`,
      })
      .describe('The API prefix: iam, sts, s3, ec2, …'),
    operation: z.string().min(1).describe('AWS operation name, e.g. GetObject, AssumeRole.'),
    params: z
      .record(z.string(), z.unknown())
      .default({})
      .describe('AWS parameter names and values, e.g. {"Bucket": "photos", "Key": "a.jpg"}.'),
  })
  .strict()
  .refine(
    (c) => SERVICES[c.service] === undefined || operationsOf(c.service).includes(c.operation),
    {
      message: 'this operation does not exist in that simulated service',
      path: ['operation'],
    },
  );

/** The request context a check can set. */
export const contextSchema = z
  .object({
    sourceIp: z.string().min(7).optional().describe('The caller’s IP (aws:SourceIp).'),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/)
      .optional()
      .describe('The region the call goes to.'),
  })
  .strict()
  .describe('Where the request comes from.');

/** A value a check expects in a response. */
const returnedValue = z.union([z.string(), z.number(), z.boolean()]);

/** The expected outcome. */
export const expectSchema = z
  .union([
    z.literal('allowed'),
    z
      .object({
        error: z.string().min(1).describe('The error code AWS returns, e.g. AccessDenied.'),
      })
      .strict(),
    z
      .object({
        returns: z
          .record(
            z
              .string()
              .regex(
                /^[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*$/,
                'a dotted path such as PasswordPolicy.MaxPasswordAge',
              ),
            returnedValue,
          )
          .refine((r) => Object.keys(r).length > 0, { message: 'name at least one value' })
          .describe(
            'Dotted paths into the response → the value each must hold, e.g. {"PasswordPolicy.MaxPasswordAge": 90}.',
          ),
      })
      .strict()
      .describe(
        'The call must be allowed and its response must hold these values: for state that no allowed-or-denied call can show (an expiry period, a reuse limit).',
      ),
  ])
  .describe(
    '"allowed", {"error": code} the call must fail with, or {"returns": {path: value}} the allowed call must answer.',
  );

/** One expected access outcome. */
export const checkSchema = z
  .object({
    description: z.string().min(3).describe('What this check proves, in the learner’s words.'),
    actor: actorSchema.describe('Who makes the call.'),
    call: callSchema.describe('The API call to make.'),
    context: contextSchema
      .optional()
      .describe(
        'Where the request comes from (source IP, region); default 203.0.113.10 in the world region.',
      ),
    expect: expectSchema.describe(
      '"allowed", {"error": code} the call must fail with, or {"returns": {path: value}} the allowed call must answer.',
    ),
  })
  .strict();

/** A probe that a least-privilege answer must keep denied. */
export const probeSchema = z
  .object({
    description: z
      .string()
      .min(3)
      .describe('What the probe shows when it is allowed ("also deletes objects").'),
    actor: actorSchema.describe('Who makes the probe call.'),
    call: callSchema.describe('The API call to probe.'),
    context: contextSchema.optional().describe('Where the probe comes from.'),
  })
  .strict();

/** A question whose answer the learner predicts and the simulator then computes. */
export const predictionSchema = z
  .object({
    id: slug.describe('Id of this question, unique within the exercise; its key in `solution`.'),
    question: z
      .string()
      .min(10)
      .describe('The question, e.g. "Will bob\u2019s GetObject on report.csv be allowed?".'),
    actor: actorSchema.describe('Who makes the call.'),
    call: callSchema.describe('The API call the learner reasons about.'),
    context: contextSchema.optional().describe('Where the request comes from.'),
  })
  .strict();

/** A plausible mistake an exercise must not accept. */
export const wrongAnswerSchema = z
  .object({
    description: z
      .string()
      .min(3)
      .describe('What the mistake is, e.g. "trusts the whole account".'),
    documents: z
      .record(z.string(), z.string())
      .describe('Editable id → the wrong text (ids left out keep their starter).'),
  })
  .strict();

const flagCode = z
  .string()
  .refine((c): c is FlagCode => c in FLAG_CODES, {
    message: `unknown flag; use one of ${Object.keys(FLAG_CODES).join(', ')}`,
  })
  .describe('A reviewPolicy flag code.');

/** Least-privilege rules on top of the checks. */
export const lintSchema = z
  .object({
    mustDeny: z
      .array(probeSchema)
      .optional()
      .describe('Calls the answer must not allow (beyond what the checks need).'),
    noFlags: z
      .array(flagCode)
      .optional()
      .describe('Risk flags (reviewPolicy) no edited document may raise.'),
  })
  .strict()
  .describe('Least-privilege rules the answer must also satisfy.');

/** A terminal task: the learner types commands; the checks then run against the world they left. */
export const terminalTaskSchema = z
  .object({
    label: z
      .string()
      .min(3)
      .max(90)
      .optional()
      .describe('The accessible name of the terminal (default "Terminal").'),
    localUser: z.string().regex(/^[a-z_][a-z0-9_-]{0,31}$/).optional().describe('The laptop user name in the prompt.'),
    signedInAs: z
      .object({ user: iamName.describe('The IAM user whose key is configured.'), account })
      .strict()
      .optional()
      .describe('The IAM user whose access key is in ~/.aws/credentials (none: no credentials).'),
    onInstance: z
      .string()
      .regex(/^i-([0-9a-f]{8}|[0-9a-f]{17})$/)
      .optional()
      .describe('Start on this EC2 instance of the world instead of the laptop.'),
    files: z.record(z.string(), z.string()).optional().describe('Files in the laptop home, by path (~/trust.json).'),
    env: z.record(z.string(), z.string()).optional().describe('Environment variables on the laptop.'),
    history: z.array(z.string()).optional().describe('Earlier commands, reachable with the up arrow.'),
  })
  .strict()
  .describe(
    'A terminal task: the learner types commands in this terminal; checks run against the resulting world. The solution gives the commands under "terminal", one per line.',
  );

/** An exercise file in content/exercises/<id>.json. */
export const exerciseSchema = z
  .object({
    title: z.string().min(3).max(90).describe('Short title shown above the exercise.'),
    prompt: z.string().min(10).describe('The task, in Markdown: what the learner must achieve.'),
    world: worldSeedSchema.describe(
      'The start state of the simulated AWS (the seed format of src/sim/world).',
    ),
    editable: z
      .array(editableSchema)
      .default([])
      .describe(
        'The documents of the exercise: edited by the learner, or shown read-only (may be empty for a terminal task).',
      ),
    terminal: terminalTaskSchema
      .optional()
      .describe('A terminal task: commands typed in a terminal, graded on the world they leave.'),
    solution: z
      .record(z.string(), z.string())
      .describe(
        'A correct text for each edited (not read-only) editable id, the right choice for each prediction id (the content test checks it against the simulator), and for a terminal task the commands under "terminal".',
      ),
    checks: z
      .array(checkSchema)
      .default([])
      .describe(
        'Expected outcomes; checks that must stay denied matter as much as allowed ones. Required unless the exercise has `predict` questions.',
      ),
    predict: z
      .array(predictionSchema)
      .optional()
      .describe(
        'Prediction questions: the learner picks allowed / implicit deny / explicit deny, and the simulator answers.',
      ),
    wrongAnswers: z
      .array(wrongAnswerSchema)
      .optional()
      .describe('Plausible mistakes; the content test asserts each fails a check or a lint rule.'),
    hints: z
      .array(z.string().min(3))
      .min(2)
      .describe('A ladder of hints, from a nudge to nearly the answer.'),
    lint: lintSchema.optional().describe('Least-privilege rules the answer must also satisfy.'),
  })
  .strict()
  .superRefine(crossCheck);

/** An exercise as written in its file. */
export type ExerciseInput = z.input<typeof exerciseSchema>;
/** A validated exercise. */
export type Exercise = z.output<typeof exerciseSchema>;
/** A validated terminal task. */
export type TerminalTask = z.output<typeof terminalTaskSchema>;
/** A validated check. */
export type Check = z.output<typeof checkSchema>;
/** A validated prediction question. */
export type Prediction = z.output<typeof predictionSchema>;
/** A validated wrong answer. */
export type WrongAnswer = z.output<typeof wrongAnswerSchema>;
/** A validated least-privilege probe. */
export type Probe = z.output<typeof probeSchema>;
/** Who makes a call. */
export type Actor = z.output<typeof actorSchema>;
/** Where a document goes. */
export type Target = z.output<typeof targetSchema>;
/** A document the learner edits. */
export type Editable = z.output<typeof editableSchema>;
/** The kind of an editable document. */
export type EditableKind = (typeof EDITABLE_KINDS)[number];
