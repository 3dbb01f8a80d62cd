/**
 * The Playground island (/playground/): a free world to try things in. One shared state (the
 * store in playground/store.ts) is driven by the terminal's commands and the document editors,
 * and read by the live map and the evaluation explorer. It is saved in this browser, can be
 * shared as a link (the changed documents), and reset. The simulator loads in one lazy chunk
 * once the page is up.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import Terminal from './Terminal.tsx';
import type { TerminalState } from './terminal/runtime.ts';
import type { PlaygroundStore } from './playground/store.ts';
import type { WorldMapModel } from './playground/map.ts';
import { PLAYGROUND_SETUP } from './playground/world.ts';
import WorldMap from './playground/WorldMap.tsx';
import DocumentsPanel, { forgetAllDrafts } from './playground/DocumentsPanel.tsx';
import Explorer from './playground/Explorer.tsx';
import ExportDisclosure from './export/ExportDisclosure.tsx';
import { href } from '../lib/url.ts';
import './playground/Playground.css';

type Runtime = typeof import('./playground/runtime.ts');
type Opened = import('./playground/runtime.ts').OpenedPlayground;

/** "3 terminal lines and 1 changed document", or "the starting world" when both are zero. */
function carried(lines: number, documents: number): string {
  const parts: string[] = [];
  if (lines > 0) parts.push(`${lines} terminal ${lines === 1 ? 'line' : 'lines'}`);
  if (documents > 0) parts.push(`${documents} changed ${documents === 1 ? 'document' : 'documents'}`);
  return parts.length === 0 ? 'the starting world' : parts.join(' and ');
}

/** A count of map facts that appeared and went away, as a sentence (empty when nothing changed). */
function mapChange(before: WorldMapModel | null, after: WorldMapModel): string {
  if (before === null) return '';
  const key = (e: WorldMapModel['edges'][number]) => `${e.kind}|${e.from}|${e.to}|${e.condition}`;
  const old = new Set(before.edges.map(key));
  const now = new Set(after.edges.map(key));
  const added = [...now].filter((k) => !old.has(k)).length;
  const removed = [...old].filter((k) => !now.has(k)).length;
  if (added === 0 && removed === 0) return '';
  return `Map updated: ${added} new ${added === 1 ? 'arrow' : 'arrows'}, ${removed} ${removed === 1 ? 'arrow' : 'arrows'} gone.`;
}

export default function Playground() {
  const [rt, setRt] = useState<Runtime | null>(null);
  const [store, setStore] = useState<PlaygroundStore | null>(null);
  const [state, setState] = useState<TerminalState | null>(null);
  const [revision, setRevision] = useState(0);
  const [generation, setGeneration] = useState(0);
  const [model, setModel] = useState<WorldMapModel | null>(null);
  const [mapNews, setMapNews] = useState('');
  const [status, setStatus] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [offer, setOffer] = useState<Opened | null>(null);
  const [shareLink, setShareLink] = useState<string | null>(null);
  const modelRef = useRef<WorldMapModel | null>(null);

  useEffect(() => {
    let unsubscribe = () => {};
    void import('./playground/runtime.ts')
      .then(async (runtime) => {
        const s = runtime.openStore();
        const redraw = (next: TerminalState, rev: number) => {
          const m = runtime.worldMap(next.session.world);
          setMapNews(mapChange(modelRef.current, m));
          modelRef.current = m;
          setModel(m);
          setState(next);
          setRevision(rev);
          setGeneration(s.generation());
        };
        unsubscribe = s.subscribe(redraw);
        setRt(runtime);
        setStore(s);
        setNotice(s.notice());
        redraw(s.get(), s.revision());
        if (location.hash.includes('state=')) {
          const got = await runtime.decodePlayground(location.hash, runtime.freshState);
          if (got === null) return;
          if ('problem' in got) {
            setStatus(got.problem);
            return;
          }
          // A link never silently replaces someone's work: ask when this browser's Playground has
          // changes (typed lines or changed documents).
          const mine = runtime.playgroundShare(s.get(), runtime.freshState);
          if (mine.commands.length > 0 || Object.keys(mine.documents).length > 0) setOffer(got);
          else {
            s.replace(got.state);
            setStatus(
              `Opened the shared Playground: ${carried(got.commands, got.documents.length)} on a fresh world.`,
            );
          }
        }
      })
      .catch((e: unknown) =>
        setError(
          `The simulated AWS could not start: ${e instanceof Error ? e.message : String(e)}. Reload the page to try again.`,
        ),
      );
    return () => unsubscribe();
  }, []);

  if (error !== null) {
    return (
      <p class="pg-problem" role="alert">
        {error}
      </p>
    );
  }
  if (rt === null || store === null || state === null || model === null) {
    return (
      <p class="pg-loading" role="status">
        Loading the simulated AWS…
      </p>
    );
  }

  const reset = () => {
    if (
      !window.confirm(
        'Reset the Playground to its starting world? Your changes, unapplied edits, the terminal history and its files will be lost.',
      )
    )
      return;
    store.reset();
    forgetAllDrafts();
    setOffer(null);
    setStatus('The Playground is back to its starting world.');
  };

  const share = async () => {
    const shared = rt.playgroundShare(store.get(), rt.freshState);
    const count = Object.keys(shared.documents).length;
    const url = `${new URL(href('playground/'), location.origin).href}#${await rt.encodePlayground(shared)}`;
    let what =
      shared.commands.length === 0 && count === 0
        ? 'the starting world (you have not changed anything yet)'
        : `your ${carried(shared.commands.length, count)}`;
    if (shared.lost.length > 0)
      what += `, but not ${shared.lost.join(', ')}: replaying your lines does not bring ${shared.lost.length === 1 ? 'it' : 'them'} back (a line that needed an MFA code or an answer cannot be replayed)`;
    try {
      await navigator.clipboard.writeText(url);
      setShareLink(null);
      setStatus(`Link copied: it opens the Playground with ${what}.`);
    } catch {
      setShareLink(url);
      setStatus(`Copy the link below: it opens the Playground with ${what}.`);
    }
  };

  const world = state.session.world;
  return (
    <div class="pg">
      <div class="pg-toolbar" role="group" aria-label="Playground">
        <button type="button" class="button secondary" onClick={() => void share()}>
          Copy share link
        </button>
        <button type="button" class="button secondary" onClick={reset}>
          Reset Playground
        </button>
        <p class="pg-status" role="status" aria-live="polite">
          {status}
        </p>
      </div>
      {notice !== null && (
        <p class="pg-notice" role="alert">
          {notice}
        </p>
      )}
      {shareLink !== null && (
        <p class="pg-share">
          <label>
            Link to this Playground{' '}
            <input
              type="text"
              readOnly
              value={shareLink}
              onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
            />
          </label>
        </p>
      )}
      {offer !== null && (
        <div class="pg-offer" role="group" aria-label="Playground from a shared link">
          <p>
            This link carries someone's Playground ({carried(offer.commands, offer.documents.length)}).
            Use it instead of yours? Yours would be replaced.
          </p>
          <button
            type="button"
            class="button"
            onClick={() => {
              store.replace(offer.state);
              setOffer(null);
              setStatus('Opened the shared Playground.');
            }}
          >
            Use the shared version
          </button>{' '}
          <button type="button" class="button secondary" onClick={() => setOffer(null)}>
            Keep mine
          </button>
        </div>
      )}

      <section class="pg-section pg-terminal" aria-labelledby="pg-terminal-title">
        <h2 id="pg-terminal-title">Terminal</h2>
        <p class="pg-hint">
          You are olivia, an administrator in the management account. <code>--profile prod</code>{' '}
          and <code>--profile dev</code> act in the member accounts through
          OrganizationAccountAccessRole. Every command changes the same world as the editors below.
        </p>
        <Terminal
          key={generation}
          id={rt.PLAYGROUND_TERMINAL_ID}
          setup={PLAYGROUND_SETUP}
          label="Terminal on olivia's laptop"
          onChange={(s) => store.adopt(s)}
        />
      </section>

      <section class="pg-section" aria-labelledby="pg-map-heading">
        <h2 id="pg-map-heading">Map</h2>
        <p class="pg-hint">
          Every arrow is worked out again after each command and each applied document. On a narrow
          screen the map scrolls sideways; the same facts are listed under it.
        </p>
        <p class="pg-status" role="status" aria-live="polite">
          {mapNews}
        </p>
        <WorldMap model={model} />
      </section>

      <section class="pg-section" aria-labelledby="pg-docs-title">
        <h2 id="pg-docs-title">Documents</h2>
        <DocumentsPanel rt={rt} store={store} world={world} revision={revision} />
      </section>

      <section class="pg-section" aria-labelledby="pg-explorer-title">
        <h2 id="pg-explorer-title">Evaluation explorer</h2>
        <Explorer rt={rt} world={world} revision={revision} />
      </section>

      <section class="pg-section" aria-labelledby="pg-export-title">
        <h2 id="pg-export-title">On a real AWS account</h2>
        <p>
          The same world as AWS CLI commands and CloudFormation templates: the Playground's starting
          world, then the commands you typed, then every document you changed, set to its text now.
        </p>
        <ExportDisclosure
          title="Rolelab Playground"
          typedCommands
          make={(generator) => {
            const now = store.get();
            const typed = now.session.history.slice(PLAYGROUND_SETUP.history?.length ?? 0);
            const changed = rt.changedDocuments(now.session.world, rt.freshState().session.world);
            return generator.exportWorld(
              rt.playgroundExportInput(now.session.world, typed, changed),
            );
          }}
        />
      </section>
    </div>
  );
}
