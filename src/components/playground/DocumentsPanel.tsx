/**
 * The Playground's document editors: every policy document of the world in one list; the chosen
 * one opens in the policy editor with the checks of its kind. Apply writes it into the world (the
 * map and the explorer follow at once); a rejected document stays in the editor, with the reasons,
 * and the draft is kept across reloads until it is applied or discarded.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import type { World } from '../../sim/world/types.ts';
import { $documents, documentText, forgetDocument, saveDocument } from '../../stores/documents.ts';
import PolicyEditor from '../PolicyEditor.tsx';
import type { PlaygroundStore } from './store.ts';

type Runtime = typeof import('./runtime.ts');

/** Where a draft of a world document is kept. */
export const draftId = (docId: string) => `playground/${docId}`;

/** Forgets every Playground draft (Reset). */
export function forgetAllDrafts(): void {
  for (const key of Object.keys($documents.get()))
    if (key.startsWith('playground/')) forgetDocument(key);
}

export default function DocumentsPanel({
  rt,
  store,
  world,
  revision,
}: {
  rt: Runtime;
  store: PlaygroundStore;
  world: World;
  revision: number;
}) {
  const docs = useMemo(() => rt.worldDocuments(world), [world, revision]);
  const [chosen, setChosen] = useState(() => docs[0]?.id ?? '');
  const [result, setResult] = useState<{ ok: boolean; text: string; problems: string[] } | null>(
    null,
  );
  const drafts = useStore($documents);
  // A draft that only mirrors the world's text (the editor saves what it shows) must follow the
  // world when the terminal changes the document; only real edits are kept.
  const previous = useRef<Map<string, string> | null>(null);
  useEffect(() => {
    const saved = $documents.get();
    for (const d of docs) {
      const draft = saved[draftId(d.id)];
      const before = previous.current?.get(d.id);
      if (draft === d.text || (before !== undefined && before !== d.text && draft === before))
        forgetDocument(draftId(d.id));
    }
    previous.current = new Map(docs.map((d) => [d.id, d.text]));
  }, [docs]);
  const doc = docs.find((d) => d.id === chosen) ?? docs[0];
  const draft = doc === undefined ? undefined : drafts[draftId(doc.id)];
  const edited = doc !== undefined && typeof draft === 'string' && draft !== doc.text;

  const groups = useMemo(() => {
    const out = new Map<string, typeof docs>();
    for (const d of docs) {
      const a = world.accounts[d.account];
      const name = `Account ${a?.alias ?? a?.name ?? d.account} (${d.account})`;
      out.set(name, [...(out.get(name) ?? []), d]);
    }
    return [...out.entries()];
  }, [docs]);

  if (doc === undefined) return <p>The world has no policy documents.</p>;

  const apply = () => {
    const text = documentText(draftId(doc.id), doc.text);
    const outcome = rt.applyDocument(store.get().session.world, doc.id, text);
    if (!outcome.ok) {
      setResult({
        ok: false,
        text: `${doc.label} was not applied; your edit is still in the editor.`,
        problems: outcome.problems,
      });
      return;
    }
    const saveProblem = store.changed();
    // The editor shows the document as the world now holds it (Lambda, for one, gives every
    // statement a Sid). Kept as a draft equal to the world's text until the list catches up with
    // the world, which then drops it (the effect above); forgetting it now would bring back the
    // text the editor was opened with, before the list has re-read the world.
    const applied = rt.worldDocuments(store.get().session.world).find((d) => d.id === doc.id);
    if (applied === undefined) forgetDocument(draftId(doc.id));
    else saveDocument(draftId(doc.id), applied.text);
    setResult({
      ok: true,
      text: `Applied ${doc.label}. The map and the evaluation explorer now use it.${saveProblem === null ? '' : ` ${saveProblem}`}`,
      problems: [],
    });
  };

  return (
    <div class="pg-docs">
      <label class="pg-field">
        <span>Document</span>
        <select
          value={doc.id}
          onChange={(e) => {
            setChosen((e.currentTarget as HTMLSelectElement).value);
            setResult(null);
          }}
        >
          {groups.map(([group, list]) => (
            <optgroup key={group} label={group}>
              {list.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                  {typeof drafts[draftId(d.id)] === 'string' && drafts[draftId(d.id)] !== d.text
                    ? ' (edited, not applied)'
                    : ''}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <PolicyEditor
        key={doc.id}
        documentId={draftId(doc.id)}
        label={doc.label}
        kind={doc.kind}
        initial={doc.text}
        lines={14}
      />
      {edited && (
        <p class="pg-hint">
          Your edit differs from the document in the world. Apply writes it into the world; Discard
          goes back to the world's version.
        </p>
      )}
      <div class="pg-actions">
        <button type="button" class="button" onClick={apply}>
          Apply to the world
        </button>
        <button
          type="button"
          class="button secondary"
          disabled={!edited}
          onClick={() => {
            forgetDocument(draftId(doc.id));
            setResult(null);
          }}
        >
          Discard my edit
        </button>
      </div>
      <div role="status" aria-live="polite" class="pg-doc-status">
        {result !== null && (
          <div class={result.ok ? 'pg-ok' : 'pg-problem'}>
            <p>
              <span aria-hidden="true">{result.ok ? '✓ ' : '✗ '}</span>
              {result.text}
            </p>
            {result.problems.length > 0 && (
              <ul>
                {result.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
