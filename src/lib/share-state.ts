/**
 * A learner's documents for one exercise, carried in a link so a colleague opens the same state:
 * `…/exercises/<id>/#state=<base64url(deflate-raw(JSON))>`. The fragment never reaches a server.
 *
 * Opening a link only ever yields plain texts for the exercise's own editable ids, checked here
 * against the exercise; they go into the editors as text, never into the page as HTML, and are
 * never run.
 */

/** The fragment key. */
export const STATE_KEY = 'state';
/** Format version inside the payload. */
const VERSION = 1;
/** Upper bounds that keep a hostile link from freezing the page. */
const MAX_LINK_CHARS = 60_000;
const MAX_TEXT_CHARS = 20_000;

/** What a link carries. */
export interface SharedState {
  exercise: string;
  documents: Record<string, string>;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** The fragment (`state=…`) for an exercise's documents. */
export async function encodeState(state: SharedState): Promise<string> {
  const json = JSON.stringify({ v: VERSION, e: state.exercise, d: state.documents });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return `${STATE_KEY}=${toBase64Url(packed)}`;
}

/**
 * Reads a fragment for `exerciseId` whose editable ids are `editableIds`: the documents, null when
 * the fragment carries no state, or a one-sentence problem when it is not a valid link for it.
 */
export async function decodeState(
  hash: string,
  exerciseId: string,
  editableIds: readonly string[],
): Promise<{ documents: Record<string, string> } | { problem: string } | null> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const raw = params.get(STATE_KEY);
  if (raw === null) return null;
  if (raw.length > MAX_LINK_CHARS)
    return {
      problem: 'The shared link is too long to be a Rolelab exercise link, so it was ignored.',
    };
  const bytes = fromBase64Url(raw);
  if (bytes === null)
    return { problem: 'The shared link is damaged (it is not valid base64), so it was ignored.' };
  let value: unknown;
  try {
    value = JSON.parse(
      new TextDecoder().decode(await pipe(bytes, new DecompressionStream('deflate-raw'))),
    );
  } catch {
    return { problem: 'The shared link is damaged (it could not be unpacked), so it was ignored.' };
  }
  if (value === null || typeof value !== 'object')
    return { problem: 'The shared link holds no documents, so it was ignored.' };
  const v = value as { v?: unknown; e?: unknown; d?: unknown };
  if (v.v !== VERSION)
    return { problem: 'The shared link comes from another version of Rolelab, so it was ignored.' };
  if (v.e !== exerciseId) return null; // A link to another exercise on the same page: not ours.
  if (v.d === null || typeof v.d !== 'object' || Array.isArray(v.d))
    return { problem: 'The shared link holds no documents, so it was ignored.' };
  const documents: Record<string, string> = {};
  for (const [id, text] of Object.entries(v.d as Record<string, unknown>)) {
    if (!editableIds.includes(id))
      return {
        problem: `The shared link names a document "${id.slice(0, 40)}" this exercise does not have, so it was ignored.`,
      };
    if (typeof text !== 'string' || text.length > MAX_TEXT_CHARS)
      return {
        problem: `The shared link's document "${id}" is not a policy text this exercise accepts, so it was ignored.`,
      };
    documents[id] = text;
  }
  return { documents };
}

/** Packs a JSON value as base64url(deflate-raw(JSON)), the form the `state=` fragment carries. */
export async function packJson(value: unknown): Promise<string> {
  const packed = await pipe(
    new TextEncoder().encode(JSON.stringify(value)),
    new CompressionStream('deflate-raw'),
  );
  return toBase64Url(packed);
}

/**
 * Reads the `state=` value of a fragment back into a JSON value: null when the fragment has none,
 * or a one-sentence problem when it is too long, damaged or not JSON. The value is unchecked:
 * the caller validates it before using anything in it.
 */
export async function unpackFragment(
  hash: string,
): Promise<{ value: unknown } | { problem: string } | null> {
  const raw = new URLSearchParams(hash.replace(/^#/, '')).get(STATE_KEY);
  if (raw === null) return null;
  if (raw.length > MAX_LINK_CHARS)
    return { problem: 'The shared link is too long to be a Rolelab link, so it was ignored.' };
  const bytes = fromBase64Url(raw);
  if (bytes === null)
    return { problem: 'The shared link is damaged (it is not valid base64), so it was ignored.' };
  try {
    return {
      value: JSON.parse(
        new TextDecoder().decode(await pipe(bytes, new DecompressionStream('deflate-raw'))),
      ) as unknown,
    };
  } catch {
    return { problem: 'The shared link is damaged (it could not be unpacked), so it was ignored.' };
  }
}

/** The longest policy text a shared link may carry. */
export const MAX_SHARED_TEXT_CHARS = MAX_TEXT_CHARS;
