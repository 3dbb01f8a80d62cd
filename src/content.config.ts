/**
 * Content collections: lessons (MDX), exercises (JSON) and workshops (JSON), each validated by a
 * strict zod schema. A file that does not fit stops the build with a message naming the file and
 * the field (see tests/content/schema-errors.test.ts).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema, exerciseFileSchema, workshopSchema } from './schemas/content.ts';

const lessons = defineCollection({
  loader: glob({ base: './content/lessons', pattern: '**/[^_]*.mdx' }),
  schema: lessonSchema,
});

const exercises = defineCollection({
  loader: glob({ base: './content/exercises', pattern: '**/[^_]*.json' }),
  schema: exerciseFileSchema,
});

const workshops = defineCollection({
  loader: glob({ base: './content/workshops', pattern: '**/[^_]*.json' }),
  schema: workshopSchema,
});

export const collections = { lessons, exercises, workshops };
