/**
 * Playground links: `/playground/#state=…` carries the policy documents the learner changed
 * (by document id, see documents.ts). Opening one validates everything before anything is used:
 * the format, every id against the Playground's own documents, every text against its document's
 * kind — and then applies them to a fresh world. Texts go into the world and the editors as text,
 * never into the page as HTML, and are never run.
 */
import {
  MAX_SHARED_TEXT_CHARS,
  packJson,
  STATE_KEY,
  unpackFragment,
} from '../../lib/share-state.ts';
import type { TerminalState } from '../terminal/runtime.ts';
import type { World } from '../../sim/world/types.ts';
import { canonicalJson } from '../../sim/world/canonical-json.ts';
import { applyDocument, worldDocuments } from './documents.ts';

/** What a Playground link says it is (links of exercises carry their exercise id instead). */
const KIND = 'playground';
/** Format version inside the payload. */
const VERSION = 1;

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

/** The fragment (`state=…`) for a set of changed documents. */
export async function encodePlayground(documents: Record<string, string>): Promise<string> {
  return `${STATE_KEY}=${await packJson({ v: VERSION, k: KIND, d: documents })}`;
}

/**
 * Reads a Playground link: null when the fragment carries none, a problem sentence when it is not
 * a valid Playground link, or the fresh state with the link's documents applied (`documents`
 * lists them, for the learner to see what changes).
 */
export async function decodePlayground(
  hash: string,
  fresh: () => TerminalState,
): Promise<{ state: TerminalState; documents: string[] } | { problem: string } | null> {
  const got = await unpackFragment(hash);
  if (got === null || 'problem' in got) return got;
  const v = got.value as { v?: unknown; k?: unknown; d?: unknown } | null;
  if (v === null || typeof v !== 'object')
    return { problem: 'The shared link holds no Playground documents, so it was ignored.' };
  if (v.k !== KIND)
    return { problem: 'The shared link is not a Playground link, so it was ignored.' };
  if (v.v !== VERSION)
    return {
      problem: 'The shared link comes from another version of the Playground, so it was ignored.',
    };
  if (v.d === null || typeof v.d !== 'object' || Array.isArray(v.d))
    return { problem: 'The shared link holds no Playground documents, so it was ignored.' };
  const state = fresh();
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
  return { state, documents: applied };
}
