/**
 * `createWorld(seed)`: from an exercise's compact seed to a full world.
 *
 * The seed is validated with its zod schema first, then cross-references (groups, managed
 * policies, OUs) are checked. A seed that does not hold together is a bug in the exercise, found
 * at build time by the content tests, so it is reported by throwing `WorldSeedError` with every
 * problem listed. API calls on a world, by contrast, never throw.
 */
import { buildFromParsed } from './build.ts';
import { worldSeedSchema } from './seed-schema.ts';
import type { WorldSeed } from './seed-schema.ts';
import type { World } from './types.ts';
import { WorldSeedError } from './seed-error.ts';
import { createWorldUnchecked } from './create-unchecked.ts';

/** Validates a seed without building anything: the issues, or an empty list. */
export function checkSeed(seed: unknown): string[] {
  const parsed = worldSeedSchema.safeParse(seed);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.') || '(seed)'}: ${i.message}`);
  const issues: string[] = [];
  buildFromParsed(parsed.data, issues);
  return issues;
}

/** Builds a world from a seed. Throws `WorldSeedError` when the seed is invalid. */
export function createWorld(seed: WorldSeed): World {
  const parsed = worldSeedSchema.safeParse(seed);
  if (!parsed.success) throw new WorldSeedError(parsed.error.issues.map((i) => `${i.path.join('.') || '(seed)'}: ${i.message}`));
  return createWorldUnchecked(parsed.data);
}
