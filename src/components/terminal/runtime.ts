/**
 * The Terminal island's link to the simulator, loaded on first use so a lesson page pays
 * nothing for it before the learner gets there: builds the world and the CLI session from a
 * setup, runs lines, and saves/restores both in localStorage.
 *
 * Imports come from specific simulator modules, not the `src/sim` barrel, which would also pull
 * in the seed schema (zod): seeds are validated when the site is built (Terminal.astro).
 */
import { createWorldUnchecked } from '../../sim/world/create-unchecked.ts';
import { restore, snapshot } from '../../sim/world/snapshot.ts';
import type { ParsedWorldSeed } from '../../sim/world/seed-schema.ts';
import type { World } from '../../sim/world/types.ts';
import { currentHost } from '../../sim/cli/session.ts';
import type { CliSession } from '../../sim/cli/session.ts';
import { sessionFromSetup } from '../../sim/cli/setup.ts';
import { promptOf } from '../../sim/cli/prompt.ts';
import { runLine } from '../../sim/cli/shell/run-line.ts';
import type { LineResult } from '../../sim/cli/shell/run-line.ts';
import { complete } from '../../sim/cli/complete.ts';
import { resolvePath, writeFile } from '../../sim/cli/fs.ts';
import { identityOf } from '../../sim/cli/identity.ts';
import type { SessionIdentity } from '../../sim/cli/identity.ts';
import { authenticatorCode } from '../../sim/services/iam/totp.ts';
import { EDITOR_COMMAND } from '../../sim/cli/shell/editor-command.ts';
import type { TerminalSetup } from './setup.ts';

export type { LineResult, SessionIdentity, CliSession, World };
export { promptOf, runLine, complete, identityOf, currentHost, resolvePath, writeFile, EDITOR_COMMAND };

/** Bumped when the saved shape changes; older saves are dropped with a notice. */
const SAVE_VERSION = 1;

/** One entry of the visible log: a typed line (with its prompt) or output. */
export interface LogEntry {
  kind: 'input' | 'stdout' | 'stderr' | 'notice';
  text: string;
}

/** What is saved per terminal. */
interface Saved {
  version: number;
  world: string;
  session: Omit<CliSession, 'world' | 'mfaCode'>;
  log: LogEntry[];
}

/** A live terminal: its session (which holds the world) and its visible log. */
export interface TerminalState {
  session: CliSession;
  log: LogEntry[];
}

/** Builds the start state a setup describes. Throws `WorldSeedError` on a broken seed. */
export function startState(setup: TerminalSetup): TerminalState {
  const world = createWorldUnchecked(setup.world as ParsedWorldSeed);
  return { session: sessionFromSetup(world, setup), log: [] };
}

/** The saved state for `key`, or a reason it could not be used (a notice for the learner). */
export function loadState(key: string): { state: TerminalState } | { problem: string } | null {
  let raw: string | null;
  try {
    raw = localStorage.getItem(key);
  } catch {
    return { problem: 'This browser blocks local storage, so the terminal starts fresh and will not be kept.' };
  }
  if (raw === null) return null;
  try {
    const saved = JSON.parse(raw) as Saved;
    if (saved.version !== SAVE_VERSION) return { problem: 'Your saved terminal was from an older version of Rolelab, so it starts fresh.' };
    const world = restore(saved.world);
    return { state: { session: { ...saved.session, world }, log: saved.log } };
  } catch {
    return { problem: 'Your saved terminal could not be read, so it starts fresh.' };
  }
}

/** Saves the state; returns a notice when the browser refuses (quota, privacy mode). */
export function saveState(key: string, state: TerminalState): string | null {
  const { world, mfaCode: _mfa, ...rest } = state.session;
  const saved: Saved = { version: SAVE_VERSION, world: snapshot(world), session: rest, log: state.log };
  try {
    localStorage.setItem(key, JSON.stringify(saved));
    return null;
  } catch {
    return 'The terminal could not be saved in this browser (storage is full or blocked); it works, but a reload starts it fresh.';
  }
}

/** Forgets the saved state. */
export function clearState(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing saved, nothing to forget.
  }
}

/** The virtual MFA devices of the world with their current codes, for the authenticator panel. */
export function authenticatorCodes(world: World): { serialNumber: string; code: string; secondsRemaining: number }[] {
  const out: { serialNumber: string; code: string; secondsRemaining: number }[] = [];
  for (const account of Object.values(world.accounts)) {
    for (const serial of Object.keys(account.iam.mfaDevices)) {
      const view = authenticatorCode(world, serial);
      if (view !== undefined) out.push({ serialNumber: serial, code: view.code, secondsRemaining: view.secondsRemaining });
    }
  }
  return out;
}

/** The serial an MFA-protected profile asked for, when a result is the CLI's MFA question. */
export function mfaQuestion(result: LineResult): string | null {
  const m = /^Enter MFA code for (\S+): /m.exec(result.stderr);
  return m?.[1] ?? null;
}
