/**
 * Playground links: `/playground/#state=…` carries what the learner did since the starting
 * world: the lines typed in the terminal (here-documents included), the laptop files they made or
 * changed, and the policy documents whose text differs from what replaying those lines gives
 * (edits made in the document editors). Opening one validates everything before anything is
 * used: the format and its bounds, every file path, every document id and every text against its
 * document's kind. Then a fresh world replays the lines in the simulator (nothing runs anywhere
 * else) and takes the documents. Texts go into the world and the editors as text, never into the
 * page as HTML. Links of the first version (documents only) still open.
 */
import {
  MAX_SHARED_TEXT_CHARS,
  packJson,
  STATE_KEY,
  unpackFragment,
} from '../../lib/share-state.ts';
import { EDITOR_COMMAND, runLine } from '../terminal/runtime.ts';
import type { TerminalState } from '../terminal/runtime.ts';
import type { World } from '../../sim/world/types.ts';
import { canonicalJson } from '../../sim/world/canonical-json.ts';
import { writeFile } from '../../sim/cli/fs.ts';
import { applyDocument, worldDocuments } from './documents.ts';

/** What a Playground link says it is (links of exercises carry their exercise id instead). */
const KIND = 'playground';
/** Format version inside the payload: 2 adds the terminal's lines and files. */
const VERSION = 2;
/** Bounds that keep a hostile link from freezing the page. */
const MAX_LINES = 1000;
const MAX_LINE_CHARS = 10_000;
const MAX_FILES = 100;
const MAX_PATH_CHARS = 300;

/** What a Playground link carries. */
export interface PlaygroundShare {
  /** Lines typed in the terminal since the starting world, oldest first. */
  commands: string[];
  /** Laptop files (absolute paths) that are new or differ from the starting world's. */
  files: Record<string, string>;
  /** Documents whose text differs from what replaying `commands` on a fresh world gives. */
  documents: Record<string, string>;
  /** Documents the replay cannot bring back (their resource came from a line that did not replay). */
  lost: string[];
}

/** A document's meaning, for comparing: canonical JSON when it parses, else the text itself. */
function meaning(text: string): string {
  try {
    return canonicalJson(JSON.parse(text));
  } catch {
    return text;
  }
}

/** The documents of `world` that say something else than the same document in `fresh` (layout aside). */
export function changedDocuments(world: World, fresh: World): Record<string, string> {
  const start = new Map(worldDocuments(fresh).map((d) => [d.id, meaning(d.text)]));
  const out: Record<string, string> = {};
  for (const d of worldDocuments(world))
    if (start.has(d.id) && start.get(d.id) !== meaning(d.text)) out[d.id] = d.text;
  return out;
}

/**
 * Commands a replay must leave out: `aws configure` asks questions whose answers the history
 * does not keep (the files it wrote travel instead), and `edit FILE` is the page's editor, not a
 * command (the file it wrote travels too). Inside a here-document every line is text, whatever
 * it looks like.
 */
function replayable(state: TerminalState, line: string): boolean {
  if (state.session.pending !== null) return true;
  return !/^\s*aws\s+configure\s*$/.test(line) && !EDITOR_COMMAND.test(line);
}

/** Writes `files` on the laptop, then runs `commands` one line at a time, as they were typed. */
function replay(state: TerminalState, commands: readonly string[], files: Record<string, string>): void {
  const laptop = state.session.hosts['laptop'];
  const restore = () => {
    if (laptop !== undefined) for (const [path, text] of Object.entries(files)) writeFile(laptop, path, text);
  };
  // Before: the lines read the files. After: a file edited later wins over the line that made it.
  restore();
  for (const line of commands) if (replayable(state, line)) runLine(state.session, line);
  if (state.session.pending !== null) runLine(state.session, state.session.pending.delimiter);
  restore();
}

/**
 * What a link to `state` carries, found by replaying it on `fresh()`: the typed lines, the
 * laptop files, and the documents the replay does not reproduce by itself.
 */
export function playgroundShare(state: TerminalState, fresh: () => TerminalState): PlaygroundShare {
  const start = fresh();
  const commands = state.session.history.slice(start.session.history.length);
  const startFiles = start.session.hosts['laptop']?.files ?? {};
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(state.session.hosts['laptop']?.files ?? {}))
    if (startFiles[path] !== text) files[path] = text;
  replay(start, commands, files);
  const replayedIds = new Set(worldDocuments(start.session.world).map((d) => d.id));
  const lost = worldDocuments(state.session.world)
    .map((d) => d.id)
    .filter((id) => !replayedIds.has(id));
  return { commands, files, documents: changedDocuments(state.session.world, start.session.world), lost };
}

/** The fragment (`state=…`) for what a link carries. */
export async function encodePlayground(share: Pick<PlaygroundShare, 'commands' | 'files' | 'documents'>): Promise<string> {
  return `${STATE_KEY}=${await packJson({ v: VERSION, k: KIND, c: share.commands, f: share.files, d: share.documents })}`;
}

/** The typed lines of a link, or a problem sentence. */
function readCommands(value: unknown): string[] | string {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_LINES)
    return 'The shared link\'s terminal lines are not a list Rolelab can replay, so it was ignored.';
  for (const line of value)
    if (typeof line !== 'string' || line.length > MAX_LINE_CHARS || line.includes('\n'))
      return 'The shared link holds a terminal line Rolelab cannot replay, so it was ignored.';
  return value as string[];
}

/** The laptop files of a link, or a problem sentence. */
function readFiles(value: unknown): Record<string, string> | string {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return 'The shared link\'s files are not readable, so it was ignored.';
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_FILES) return 'The shared link holds too many files, so it was ignored.';
  const files: Record<string, string> = {};
  for (const [path, text] of entries) {
    if (!path.startsWith('/') || path.length > MAX_PATH_CHARS || path.includes('\0') || path.split('/').includes('..'))
      return `The shared link names a file "${path.slice(0, 60)}" that is not a file path, so it was ignored.`;
    if (typeof text !== 'string' || text.length > MAX_SHARED_TEXT_CHARS)
      return `The shared link's file "${path.slice(0, 60)}" is not a text file Rolelab accepts, so it was ignored.`;
    files[path] = text;
  }
  return files;
}

/** What opening a link did, for the learner. */
export interface OpenedPlayground {
  state: TerminalState;
  /** The ids of the documents applied after the replay. */
  documents: string[];
  /** How many terminal lines were replayed. */
  commands: number;
}

/**
 * Reads a Playground link: null when the fragment carries none, a problem sentence when it is not
 * a valid Playground link, or a fresh state with the link's lines replayed and its documents
 * applied.
 */
export async function decodePlayground(
  hash: string,
  fresh: () => TerminalState,
): Promise<OpenedPlayground | { problem: string } | null> {
  const got = await unpackFragment(hash);
  if (got === null || 'problem' in got) return got;
  const v = got.value as { v?: unknown; k?: unknown; c?: unknown; f?: unknown; d?: unknown } | null;
  if (v === null || typeof v !== 'object')
    return { problem: 'The shared link holds no Playground documents, so it was ignored.' };
  if (v.k !== KIND)
    return { problem: 'The shared link is not a Playground link, so it was ignored.' };
  if (v.v !== VERSION && v.v !== 1)
    return {
      problem: 'The shared link comes from another version of the Playground, so it was ignored.',
    };
  if (v.d === null || typeof v.d !== 'object' || Array.isArray(v.d))
    return { problem: 'The shared link holds no Playground documents, so it was ignored.' };
  const commands = readCommands(v.v === 1 ? undefined : v.c);
  if (typeof commands === 'string') return { problem: commands };
  const files = readFiles(v.v === 1 ? undefined : v.f);
  if (typeof files === 'string') return { problem: files };
  const state = fresh();
  replay(state, commands, files);
  const known = new Set(worldDocuments(state.session.world).map((d) => d.id));
  const applied: string[] = [];
  for (const [id, text] of Object.entries(v.d as Record<string, unknown>)) {
    if (!known.has(id))
      return {
        problem: `The shared link names a document "${id.slice(0, 60)}" the Playground does not have, so it was ignored.`,
      };
    if (typeof text !== 'string' || text.length > MAX_SHARED_TEXT_CHARS)
      return {
        problem: `The shared link's document "${id.slice(0, 60)}" is not a policy text, so the link was ignored.`,
      };
    const outcome = applyDocument(state.session.world, id, text);
    if (!outcome.ok)
      return {
        problem: `The shared link's document "${id.slice(0, 60)}" is not valid (${outcome.problems[0] ?? 'rejected'}), so the link was ignored.`,
      };
    applied.push(id);
  }
  if (commands.length > 0)
    state.log.push({
      kind: 'notice',
      text: `Replayed ${commands.length} ${commands.length === 1 ? 'line' : 'lines'} from a shared link on a fresh world (↑ walks through them).`,
    });
  return { state, documents: applied, commands: commands.length };
}
