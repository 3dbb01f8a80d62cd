/**
 * The zod schemas behind the content collections. They live apart from content.config.ts so
 * tests and tools can validate a file without starting Astro. Every field says what it is for.
 */
import { z } from 'astro/zod';

/** Lowercase words joined by hyphens: the form of every id and slug in URLs. */
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens')
  .describe('A URL-safe id: lowercase words joined by hyphens.');

/** Frontmatter of a lesson in content/lessons/NN-slug.mdx. */
export const lessonSchema = z
  .object({
    title: z.string().min(3).max(90).describe('The lesson title, shown as its heading and in the sidebar.'),
    description: z
      .string()
      .min(20)
      .max(200)
      .describe('One or two sentences on what the learner will be able to do; used in listings and link previews.'),
    order: z.number().int().min(1).max(99).describe('Position in the curriculum, starting at 1.'),
    duration: z.number().int().min(1).max(240).describe('Minutes a learner should plan for the lesson, exercises included.'),
    objectives: z
      .array(z.string().min(3))
      .min(1)
      .max(8)
      .describe('What the learner can do afterwards, each starting with a verb.'),
    exercises: z
      .array(slug)
      .default([])
      .describe('Ids of the exercises (content/exercises/<id>.json) this lesson embeds, in order.'),
    draft: z.boolean().default(false).describe('True hides the lesson from listings and the build.'),
  })
  .strict();

/** One expected access outcome of an exercise. */
const checkSchema = z
  .object({
    description: z.string().min(3).describe('What this check proves, in the learner’s words.'),
    actor: z.string().min(1).describe('Who makes the call: a user, role session, instance, function, federated identity or "anonymous".'),
    call: z.string().min(1).describe('The API call ("s3:GetObject arn:aws:s3:::bucket/key") or the aws CLI line to run.'),
    expect: z
      .union([z.literal('allowed'), z.object({ error: z.string().min(1).describe('The error code AWS returns, e.g. AccessDenied.') }).strict()])
      .describe('"allowed", or the error the call must fail with.'),
  })
  .strict();

/** A document or terminal the learner works in. */
const editableSchema = z
  .object({
    id: slug.describe('Id of this editable part, unique within the exercise.'),
    kind: z
      .enum(['identity-policy', 'trust-policy', 'bucket-policy', 'permissions-boundary', 'session-policy', 'scp', 'lambda-policy', 'terminal'])
      .describe('What the learner edits.'),
    label: z.string().min(3).describe('The accessible name of the editor, naming the document it edits.'),
    starter: z.string().describe('The text the learner starts from.'),
  })
  .strict();

/** An exercise file in content/exercises/<id>.json. */
export const exerciseFileSchema = z
  .object({
    title: z.string().min(3).max(90).describe('Short title shown above the exercise.'),
    prompt: z.string().min(10).describe('The task, in Markdown: what the learner must achieve.'),
    world: z.record(z.string(), z.unknown()).describe('The start state of the simulated AWS (seed format of src/sim/world).'),
    editable: z.array(editableSchema).min(1).describe('The documents or terminal the learner works in.'),
    solution: z.record(z.string(), z.string()).describe('A correct text for each editable id.'),
    checks: z.array(checkSchema).min(1).describe('Expected outcomes; checks that must stay denied matter as much as allowed ones.'),
    hints: z.array(z.string().min(3)).min(1).describe('A ladder of hints, from a nudge to nearly the answer.'),
    lint: z
      .array(z.string())
      .default([])
      .describe('Least-privilege rules the learner’s answer must also satisfy.'),
  })
  .strict();

/** One step of a workshop track. */
const workshopStepSchema = z
  .object({
    lesson: slug.optional().describe('A lesson id to work through.'),
    exercise: slug.optional().describe('An exercise id to solve.'),
    minutes: z.number().int().min(1).max(240).describe('Time planned for this step.'),
    notes: z.string().optional().describe('Instructor notes, shown only in instructor view.'),
  })
  .strict()
  .refine((step) => Boolean(step.lesson) !== Boolean(step.exercise), {
    message: 'a step names exactly one of lesson or exercise',
  });

/** A workshop file in content/workshops/<id>.json. */
export const workshopSchema = z
  .object({
    title: z.string().min(3).max(90).describe('The workshop title.'),
    description: z.string().min(10).describe('Who it is for and what participants will do.'),
    steps: z.array(workshopStepSchema).min(1).describe('The ordered track.'),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonSchema>;
export type ExerciseFile = z.infer<typeof exerciseFileSchema>;
export type WorkshopFile = z.infer<typeof workshopSchema>;
