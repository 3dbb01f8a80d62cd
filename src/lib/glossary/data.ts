/**
 * The glossary, validated once. Used by the lesson tooltip plugin (from astro.config.mjs) and by
 * the /glossary/ page, so both always show the same definitions.
 */
import raw from '../../../content/glossary.json' with { type: 'json' };
import { glossarySchema, type GlossaryTerm } from '../../schemas/glossary.ts';

export type { GlossaryTerm } from '../../schemas/glossary.ts';

/**
 * Validates glossary data; a problem stops the build with the entry's index, field and reason.
 */
export function parseGlossary(data: unknown): GlossaryTerm[] {
  const result = glossarySchema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  content/glossary.json [${issue.path.join('.')}]: ${issue.message}`,
  );
  throw new Error(`The glossary is not valid:\n${problems.join('\n')}`);
}

/** Every term, in file order. */
export const GLOSSARY: readonly GlossaryTerm[] = parseGlossary(raw);

/** The terms sorted A–Z by their displayed name, ignoring case (as the glossary page lists them). */
export function sortedGlossary(terms: readonly GlossaryTerm[] = GLOSSARY): GlossaryTerm[] {
  return [...terms].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
}
