/**
 * The learner's documents (policies they edit), kept in localStorage so edits survive reloads.
 * Islands share them through this store: an editor writes, an exercise runner reads and can
 * replace (Reset, Apply solution).
 */
import { persistentMap } from '@nanostores/persistent';

/** Saved document texts by document id (`<exercise-id>/<editable-id>` or a lesson sandbox id). */
export const $documents = persistentMap<Record<string, string | undefined>>('rolelab:doc:', {});

/** The saved text of a document, or `fallback` when the learner has not edited it yet. */
export function documentText(id: string, fallback: string): string {
  const saved = $documents.get()[id];
  return typeof saved === 'string' ? saved : fallback;
}

/** Saves a document's text. */
export function saveDocument(id: string, text: string): void {
  $documents.setKey(id, text);
}

/** Forgets the learner's edits to a document (it goes back to its starter). */
export function forgetDocument(id: string): void {
  $documents.setKey(id, undefined);
}
