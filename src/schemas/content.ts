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
    title: z
      .string()
      .min(3)
      .max(90)
      .describe('The lesson title, shown as its heading and in the sidebar.'),
    description: z
      .string()
      .min(20)
      .max(200)
      .describe(
        'One or two sentences on what the learner will be able to do; used in listings and link previews.',
      ),
    order: z.number().int().min(1).max(99).describe('Position in the curriculum, starting at 1.'),
    duration: z
      .number()
      .int()
      .min(1)
      .max(240)
      .describe('Minutes a learner should plan for the lesson, exercises included.'),
    objectives: z
      .array(z.string().min(3))
      .min(1)
      .max(8)
      .describe('What the learner can do afterwards, each starting with a verb.'),
    exercises: z
      .array(slug)
      .default([])
      .describe('Ids of the exercises (content/exercises/<id>.json) this lesson embeds, in order.'),
    draft: z
      .boolean()
      .default(false)
      .describe('True hides the lesson from listings and the build.'),
  })
  .strict();

/**
 * An exercise file in content/exercises/<id>.json. The schema lives with the grader in
 * src/exercises (it validates names against the exercise's own world and the simulator's
 * operations); it is re-exported here so the collections keep one import.
 */
export const exerciseFileSchema = exerciseSchema;

/** What an instructor needs to run one segment of a workshop; shown only in instructor view. */
const instructorNotesSchema = z
  .object({
    demo: z.array(z.string().min(10)).min(1).describe('What to show on the projector, in order.'),
    mistakes: z
      .array(z.string().min(10))
      .min(1)
      .describe('Common mistakes to watch for while participants work.'),
    questions: z
      .array(z.string().min(10))
      .min(1)
      .describe('Questions to ask the room to check understanding.'),
    fallback: z.string().min(10).describe('What to cut or skip when the segment runs late.'),
  })
  .strict();

/** One timed segment of a workshop track (a session, or a break). */
const workshopSegmentSchema = z
  .object({
    title: z.string().min(3).max(90).describe('The segment title, shown in the schedule.'),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(120)
      .describe('Minutes planned for the segment; the track total is their sum.'),
    kind: z
      .enum(['session', 'break'])
      .default('session')
      .describe('A working session, or a break (no lessons, exercises or notes).'),
    lessons: z
      .array(slug)
      .default([])
      .describe('Ids (URL slugs) of the lessons the segment draws on, e.g. `why-roles`.'),
    exercises: z
      .array(slug)
      .default([])
      .describe('Ids of the exercises (content/exercises/<id>.json) participants solve.'),
    participants: z
      .string()
      .min(10)
      .describe('What participants do during the segment, in a sentence or two.'),
    notes: instructorNotesSchema
      .optional()
      .describe('Instructor notes; every session has them, a break may not.'),
  })
  .strict()
  .refine((s) => s.kind === 'break' || s.notes !== undefined, {
    message: 'a session needs instructor notes',
    path: ['notes'],
  })
  .refine((s) => s.kind === 'session' || (s.lessons.length === 0 && s.exercises.length === 0), {
    message: 'a break names no lessons or exercises',
    path: ['kind'],
  });

/** A workshop file in content/workshops/<id>.json: a timed track of segments. */
export const workshopSchema = z
  .object({
    title: z.string().min(3).max(90).describe('The workshop title.'),
    description: z
      .string()
      .min(10)
      .max(300)
      .describe('Who it is for and what participants will do.'),
    order: z
      .number()
      .int()
      .min(1)
      .max(99)
      .describe('Position in the list of workshops, starting at 1.'),
    minutes: z
      .number()
      .int()
      .min(15)
      .max(480)
      .describe('The stated length of the track; the segments must add up to it.'),
    audience: z
      .string()
      .min(10)
      .describe('Who the workshop is for and what they should know beforehand.'),
    preparation: z
      .array(z.string().min(10))
      .min(1)
      .describe('What the instructor prepares before the day (shown in instructor view).'),
    segments: z
      .array(workshopSegmentSchema)
      .min(1)
      .describe('The ordered, timed segments of the track.'),
  })
  .strict()
  .refine((w) => w.segments.reduce((sum, s) => sum + s.minutes, 0) === w.minutes, {
    message: "the segments' minutes must add up to the track's minutes",
    path: ['segments'],
  });

/**
 * content/glossary.json (its own module so astro.config.mjs can load it without the exercise
 * schema; re-exported here so every content schema has one import).
 */
export { glossarySchema, glossaryTermSchema } from './glossary.ts';

export type LessonFrontmatter = z.infer<typeof lessonSchema>;
export type ExerciseFile = z.infer<typeof exerciseFileSchema>;
export type WorkshopFile = z.infer<typeof workshopSchema>;
