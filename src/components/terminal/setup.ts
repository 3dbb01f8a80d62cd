/**
 * What a terminal starts with: shared by the Astro wrapper (which validates it at build time)
 * and the island (which builds the world from it on first use). Types only, so importing it
 * costs the page nothing.
 */
import type { ParsedWorldSeed, WorldSeed } from '../../sim/world/seed-schema.ts';
import type { SessionSetup } from '../../sim/cli/setup.ts';

/** A terminal's start state: a world and how the session on it begins. */
export interface TerminalSetup extends SessionSetup {
  /** The simulated AWS (validated by Terminal.astro; parsed form when it reaches the island). */
  world: WorldSeed | ParsedWorldSeed;
}
