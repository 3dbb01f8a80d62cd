/**
 * The progress export file: the learner's progress record and their edited documents, so they
 * can move to another browser or keep a copy. Imports are validated against this schema and
 * only ever treated as data (texts go back into the document store, never into the page).
 */
import { z } from 'astro/zod';
import { PROGRESS_VERSION } from '../stores/progress.ts';
import type { Progress } from '../stores/progress.ts';

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date and time');

/** One exercise's record in the file. */
const exerciseRecord = z
  .object({
    attempts: z.number().int().min(0).max(1_000_000).describe('How many times Check was pressed'),
    solvedAt: isoTime.optional().describe('When it was first solved'),
    lastAt: isoTime.optional().describe('When it was last checked'),
  })
  .strict();

/** The whole export file. */
export const progressFileSchema = z
  .object({
    format: z.literal('rolelab-progress').describe('Marks a Rolelab progress export'),
    version: z.literal(PROGRESS_VERSION).describe('The progress format version'),
    exportedAt: isoTime.describe('When the file was made'),
    progress: z
      .object({
        exercises: z.record(z.string().max(100), exerciseRecord).describe('Progress by exercise id'),
        lastLesson: z.object({ slug: z.string().max(100), at: isoTime }).strict().optional().describe('The lesson last opened'),
      })
      .strict(),
    documents: z.record(z.string().max(300), z.string().max(200_000)).describe('The learner’s edited documents by id'),
  })
  .strict();

/** A parsed export file. */
export type ProgressFile = z.infer<typeof progressFileSchema>;

/** Builds the export file's content. */
export function progressFile(progress: Progress, documents: Readonly<Record<string, string | undefined>>, now: Date = new Date()): ProgressFile {
  const docs: Record<string, string> = {};
  for (const [id, text] of Object.entries(documents)) if (typeof text === 'string') docs[id] = text;
  return {
    format: 'rolelab-progress',
    version: PROGRESS_VERSION,
    exportedAt: now.toISOString(),
    progress: { exercises: progress.exercises, ...(progress.lastLesson === undefined ? {} : { lastLesson: progress.lastLesson }) },
    documents: docs,
  };
}

/** Reads an import: the file, or one sentence saying what is wrong with it. */
export function readProgressFile(text: string): { file: ProgressFile } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'That file is not JSON, so it is not a Rolelab progress export.' };
  }
  const parsed = progressFileSchema.safeParse(value);
  if (parsed.success) return { file: parsed.data };
  const first = parsed.error.issues[0];
  const where = first === undefined || first.path.length === 0 ? 'the file' : first.path.join('.');
  return { error: `That file is not a Rolelab progress export this version can read: ${where}: ${first?.message ?? 'invalid'}.` };
}
