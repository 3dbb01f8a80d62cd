/**
 * The Playground's one shared world. The terminal, the document editors, the evaluation explorer
 * and the map all work on the same live state (a CLI session, which holds the world); whoever
 * changes it calls `changed()`, which saves it and tells every subscriber.
 *
 * It is saved where the Playground's terminal keeps its state (`rolelab:terminal:<id>`, the format
 * of terminal/runtime.ts with its own version), under an id that carries the Playground's save
 * version: a save from an older Playground, or one that cannot be read, is replaced by a fresh
 * world with a notice, never a blank page.
 */
import { clearState, loadState, saveState, startState } from '../terminal/runtime.ts';
import type { TerminalState } from '../terminal/runtime.ts';
import { PLAYGROUND_SETUP } from './world.ts';

/** The Playground terminal's id; bump the suffix when the Playground world changes shape. */
export const PLAYGROUND_TERMINAL_ID = 'playground-v1';
/** Where the Playground is saved. */
export const PLAYGROUND_STORAGE_KEY = `rolelab:terminal:${PLAYGROUND_TERMINAL_ID}`;
/** Saves of earlier Playground versions, removed when a newer one starts. */
const OLDER_KEYS: readonly string[] = [];

/** A listener for changes: the new state and a counter that grows with every change. */
export type Listener = (state: TerminalState, revision: number) => void;

/** The shared state of a Playground page. */
export interface PlaygroundStore {
  /** The live state (its `session.world` is the world). */
  get(): TerminalState;
  /** Grows with every change; the terminal is remounted when `generation` grows. */
  revision(): number;
  /** Grows when the state is replaced from outside the terminal (Reset, a shared link). */
  generation(): number;
  /** A notice for the learner from opening (bad or old save), or null. */
  notice(): string | null;
  /** Calls `fn` after every change; returns the unsubscribe function. */
  subscribe(fn: Listener): () => void;
  /** Takes the terminal's live state (it may be a new object after the terminal loaded or reset). */
  adopt(state: TerminalState): void;
  /** Saves after an in-place change of the world and notifies; returns a problem when saving failed. */
  changed(): string | null;
  /** Replaces everything with a fresh world (after the learner confirmed). */
  reset(): void;
  /** Replaces the state (a fresh world with a shared link's documents applied). */
  replace(state: TerminalState): void;
}

/** A fresh Playground state. */
export function freshState(): TerminalState {
  return startState(PLAYGROUND_SETUP);
}

/** Saves `state`; the browser's refusal as a sentence about the Playground, or null. */
function save(state: TerminalState): string | null {
  return (
    saveState(PLAYGROUND_STORAGE_KEY, state)?.replace('The terminal', 'The Playground') ?? null
  );
}

/** Opens the Playground's saved state, or starts a fresh one (saving it, so the terminal finds it). */
export function openStore(): PlaygroundStore {
  for (const key of OLDER_KEYS) clearState(key);
  const loaded = loadState(PLAYGROUND_STORAGE_KEY);
  let state: TerminalState;
  let notice: string | null = null;
  if (loaded !== null && 'state' in loaded) state = loaded.state;
  else {
    state = freshState();
    if (loaded !== null) {
      notice = loaded.problem.replace('terminal', 'Playground');
      state.log.push({ kind: 'notice', text: notice });
    }
    const problem = save(state);
    if (problem !== null) notice = problem;
  }
  let revision = 0;
  let generation = 0;
  const listeners = new Set<Listener>();
  const notify = () => {
    revision += 1;
    for (const fn of listeners) fn(state, revision);
  };
  const saveCurrent = () => save(state);
  return {
    get: () => state,
    revision: () => revision,
    generation: () => generation,
    notice: () => notice,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    adopt(next) {
      state = next;
      notify();
    },
    changed() {
      const problem = saveCurrent();
      notify();
      return problem;
    },
    reset() {
      clearState(PLAYGROUND_STORAGE_KEY);
      state = freshState();
      state.log.push({ kind: 'notice', text: 'The Playground is back to its starting world.' });
      saveCurrent();
      generation += 1;
      notify();
    },
    replace(next) {
      state = next;
      saveCurrent();
      generation += 1;
      notify();
    },
  };
}
