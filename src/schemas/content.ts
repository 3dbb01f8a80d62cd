/**
 * The zod schemas behind the content collections. They live apart from content.config.ts so
 * tests and tools can validate a file without starting Astro. Every field says what it is for.
 */
import { z } from 'astro/zod';
import { exerciseSchema } from '../exercises/schema.ts';

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

/**
 * An exercise file in content/exercises/<id>.json. The schema lives with the grader in
 * src/exercises (it validates names against the exercise's own world and the simulator's
 * operations); it is re-exported here so the collections keep one import.
 */
export const exerciseFileSchema = exerciseSchema;

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

/**
 * content/glossary.json (its own module so astro.config.mjs can load it without the exercise
 * schema; re-exported here so every content schema has one import).
 */
export { glossarySchema, glossaryTermSchema } from './glossary.ts';

export type LessonFrontmatter = z.infer<typeof lessonSchema>;
export type ExerciseFile = z.infer<typeof exerciseFileSchema>;
export type WorkshopFile = z.infer<typeof workshopSchema>;
