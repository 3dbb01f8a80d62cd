/**
 * The schema of content/glossary.json: the IAM terms the lessons teach, with the spellings the
 * lesson tooltips match and the lesson section that teaches each one. Kept apart from
 * content.ts (which pulls in the exercise schema and the simulator) because astro.config.mjs
 * loads it through the glossary rehype plugin.
 */
import { z } from 'astro/zod';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens')
  .describe('A URL-safe id: lowercase words joined by hyphens.');

/** One glossary entry. */
export const glossaryTermSchema = z
  .object({
    id: slug.describe(
      'Stable id: the anchor on /glossary/ (#id) and the suffix of the tooltip element ids.',
    ),
    term: z
      .string()
      .min(2)
      .max(60)
      .describe('The term as the glossary lists it, e.g. "Trust policy".'),
    aliases: z
      .array(z.string().min(2).max(60))
      .describe(
        'Other spellings to mark in lessons (the term itself is always matched). A spelling in lowercase matches any capitalisation; one with a capital letter matches exactly as written.',
      ),
    definition: z
      .string()
      .min(40)
      .max(400)
      .describe(
        'One or two sentences, in our own words and faithful to the AWS documentation; shown in the tooltip and on /glossary/.',
      ),
    learn: z
      .object({
        lesson: slug.describe('The lesson slug, as in /lessons/<slug>/.'),
        section: slug.describe('The id of the heading in that lesson that teaches the term.'),
      })
      .strict()
      .optional()
      .describe(
        'Where a learner can read more; checked against the lesson headings by tests/unit/lib/glossary.test.ts.',
      ),
    related: z
      .array(slug)
      .default([])
      .describe('Ids of related glossary terms, linked from the glossary page.'),
  })
  .strict();

/** The whole file: an array of terms, each id and each spelling used once. */
export const glossarySchema = z
  .array(glossaryTermSchema)
  .min(1)
  .superRefine((terms, ctx) => {
    const ids = new Set(terms.map((t) => t.id));
    const seenIds = new Set<string>();
    const spellings = new Map<string, string>();
    terms.forEach((t, i) => {
      if (seenIds.has(t.id))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: `the id "${t.id}" is used twice`,
        });
      seenIds.add(t.id);
      t.related.forEach((r, j) => {
        if (!ids.has(r))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'related', j],
            message: `no glossary term has the id "${r}"`,
          });
        if (r === t.id)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'related', j],
            message: 'a term cannot be related to itself',
          });
      });
      for (const spelling of [t.term, ...t.aliases]) {
        const key = spelling.toLowerCase();
        const owner = spellings.get(key);
        // Two terms sharing a spelling would make the tooltip ambiguous.
        if (owner !== undefined && owner !== t.id)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'aliases'],
            message: `"${spelling}" is already a spelling of "${owner}"`,
          });
        spellings.set(key, t.id);
      }
    });
  });

export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
