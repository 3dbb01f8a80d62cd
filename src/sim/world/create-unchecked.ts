/**
 * `createWorldUnchecked(seed)`: builds a world from a seed that is already parsed.
 *
 * Kept apart from `create.ts` so the exercise grader, which runs in the browser on seeds the
 * build validated, does not download the seed schema and zod with it.
 */
import { buildFromParsed } from './build.ts';
import type { ParsedWorldSeed } from './seed-schema.ts';
import type { World } from './types.ts';
import { WorldSeedError } from './seed-error.ts';

/**
 * Builds a world from a seed that passed `worldSeedSchema` already (the content checks validate
 * every exercise at build time), without loading the schema. Still throws `WorldSeedError` for
 * broken cross-references.
 */
export function createWorldUnchecked(seed: ParsedWorldSeed): World {
  const issues: string[] = [];
  const world = buildFromParsed(seed, issues);
  if (issues.length > 0) throw new WorldSeedError(issues);
  return world;
}
