/**
 * What a terminal starts with: shared by the Astro wrapper (which validates it at build time)
 * and the island (which builds the world from it on first use). Types only, so importing it
 * costs the page nothing.
 */
import type { ParsedWorldSeed, WorldSeed } from '../../sim/world/seed-schema.ts';

/** A terminal's start state. */
export interface TerminalSetup {
  /** The simulated AWS (validated by Terminal.astro; parsed form when it reaches the island). */
  world: WorldSeed | ParsedWorldSeed;
  /** The laptop's local user name in the prompt (default `learner`). */
  localUser?: string;
  /**
   * The IAM user whose access key is in `~/.aws/credentials`, as if `aws configure` had been
   * run; a key is created when the seed gives the user none. Absent: no credentials.
   */
  signedInAs?: { user: string; account?: string };
  /** Start on this EC2 instance (its id in the seed) instead of the laptop. */
  onInstance?: string;
  /** Files in the laptop's home, by path (`~/trust.json`). */
  files?: Record<string, string>;
  /** Environment variables on the laptop. */
  env?: Record<string, string>;
  /** Earlier commands, reachable with the up arrow. */
  history?: string[];
}
