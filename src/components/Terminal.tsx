/**
 * Terminal island: a shell on a simulated laptop or EC2 instance where the learner types real
 * `aws` commands against the simulated AWS.
 *
 * - The output is a live text log (role="log"), never a canvas, so screen readers read it and
 *   the learner can select and copy it.
 * - The simulator loads on first focus or first keystroke (runtime.ts); until then the input
 *   already accepts text, so nothing typed is lost.
 * - Keys: Enter runs, ↑/↓ walk the history, Tab completes (only when there is something to
 *   complete, so Tab on an empty line still moves focus on), Ctrl+C interrupts, Ctrl+L clears.
 *   Phone keyboards lack Tab and arrows, so the same actions are buttons under the input.
 * - State (world, files, history, log) is saved per terminal and survives reloads.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TerminalSetup } from './terminal/setup.ts';
import type { LogEntry, SessionIdentity, TerminalState } from './terminal/runtime.ts';
import type { PolicyKind } from '../sim/policy/types.ts';
import { documentText, forgetDocument } from '../stores/documents.ts';
import PolicyEditor from './PolicyEditor.tsx';
import './Terminal.css';

type Runtime = typeof import('./terminal/runtime.ts');

/** Longest log kept on screen and in storage; older entries scroll away as in a real terminal. */
const MAX_LOG = 400;

interface Props {
  /** Unique on the site: names the saved state (`rolelab:terminal:<id>`). */
  id: string;
  /** The start state (validated at build time by Terminal.astro). */
  setup: TerminalSetup;
  /** The accessible name of the terminal, e.g. "Terminal on your laptop". */
  label?: string;
  /** Called after every command with the live session, e.g. for an exercise to grade the world. */
  onChange?: (state: TerminalState) => void;
}

let runtimePromise: Promise<Runtime> | null = null;
/** Loads the simulator once for every terminal on the page. */
function loadRuntime(): Promise<Runtime> {
  runtimePromise ??= import('./terminal/runtime.ts');
  return runtimePromise;
}


/** The kind of policy a file most likely holds, from its name and content, for the editor's checks. */
function guessKind(path: string, text: string): PolicyKind {
  const name = path.toLowerCase();
  if (/trust|assume/.test(name) || /"sts:AssumeRole/.test(text)) return 'role-trust';
  if (/bucket/.test(name)) return 's3-bucket';
  if (/boundary/.test(name)) return 'boundary';
  if (/scp/.test(name)) return 'scp';
  if (/session/.test(name)) return 'session';
  return 'identity';
}

/** The longest common start of completion candidates. */
function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let p = words[0] ?? '';
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

function identityText(who: SessionIdentity | null): string {
  if (who === null) return 'Loading the simulated AWS…';
  if (who.arn === null)
    return 'No credentials (the aws CLI will say “Unable to locate credentials”)';
  const from =
    who.source === 'instance metadata'
      ? 'from the instance metadata service'
      : who.profile !== undefined
        ? `profile ${who.profile}`
        : `from the ${who.source}`;
  return `${who.arn} (${from})`;
}

export default function Terminal({ id, setup, label = 'Terminal', onChange }: Props) {
  const storageKey = `rolelab:terminal:${id}`;
  const [state, setState] = useState<TerminalState | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [prompt, setPrompt] = useState('$ ');
  const [who, setWho] = useState<SessionIdentity | null>(null);
  const [line, setLine] = useState('');
  const [mfaSerial, setMfaSerial] = useState<string | null>(null);
  const [pendingLine, setPendingLine] = useState<string | null>(null);
  const [codes, setCodes] = useState<
    { serialNumber: string; code: string; secondsRemaining: number }[]
  >([]);
  const [error, setError] = useState<string | null>(null);
  /** The file open in the policy editor (`edit FILE`), with its absolute path and start text. */
  const [editing, setEditing] = useState<{
    shown: string;
    path: string;
    text: string;
    kind: PolicyKind;
  } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const logEnd = useRef<HTMLDivElement>(null);
  const runtime = useRef<Runtime | null>(null);
  // The live state, for handlers that run before React has re-rendered with it.
  const stateRef = useRef<TerminalState | null>(null);
  // Where ↑/↓ are in the history, and the unfinished line to come back to.
  const cursor = useRef<{ index: number; draft: string } | null>(null);
  const escaped = useRef(false);

  const refresh = (rt: Runtime, s: TerminalState): void => {
    setPrompt(rt.promptOf(s.session));
    setWho(rt.identityOf(s.session));
    setCodes(rt.authenticatorCodes(s.session.world));
  };

  const starting = useRef<Promise<Runtime | null> | null>(null);
  /** Loads the simulator and this terminal's state once, however many events ask at once. */
  const start = (): Promise<Runtime | null> => {
    starting.current ??= (async () => {
      try {
        const rt = await loadRuntime();
        const loaded = rt.loadState(storageKey);
        let s: TerminalState;
        if (loaded !== null && 'state' in loaded) s = loaded.state;
        else {
          s = rt.startState(setup);
          if (loaded !== null) s.log.push({ kind: 'notice', text: loaded.problem });
        }
        runtime.current = rt;
        stateRef.current = s;
        setState(s);
        setLog([...s.log]);
        refresh(rt, s);
        // A terminal restored from storage is live state too (an exercise grades its world).
        onChange?.(s);
        return rt;
      } catch (e) {
        setError(
          `The simulated AWS could not start: ${e instanceof Error ? e.message : String(e)}. Reload the page to try again.`,
        );
        starting.current = null;
        return null;
      }
    })();
    return starting.current;
  };

  // A terminal that was used before comes back as it was left, without waiting for focus.
  useEffect(() => {
    let saved = false;
    try {
      saved = localStorage.getItem(storageKey) !== null;
    } catch {
      saved = false;
    }
    if (saved) void start();
    // Text typed into the server-rendered input before the island came alive is kept.
    const early = input.current?.value ?? '';
    if (early !== '') setLine(early);
    // Runs once per mount: the saved state is read when the island first appears.
  }, []);

  // Output of a command keeps the prompt in view. Restoring a saved session does not scroll: a
  // terminal further down the page must not pull the page to itself when it loads.
  const followOutput = useRef(false);
  useEffect(() => {
    if (!followOutput.current) return;
    followOutput.current = false;
    logEnd.current?.scrollIntoView({ block: 'nearest' });
  }, [log]);

  const commit = (rt: Runtime, s: TerminalState, entries: LogEntry[]): void => {
    followOutput.current = true;
    s.log = [...s.log, ...entries].slice(-MAX_LOG);
    const problem = rt.saveState(storageKey, s);
    if (problem !== null && !s.log.some((e) => e.text === problem))
      s.log.push({ kind: 'notice', text: problem });
    setLog([...s.log]);
    refresh(rt, s);
    onChange?.(s);
  };

  const run = async (typed: string): Promise<void> => {
    const rt = await start();
    const live = stateRef.current;
    if (rt === null || live === null) return;
    const shown = rt.promptOf(live.session);
    cursor.current = null;
    setLine('');
    if (mfaSerial !== null && pendingLine !== null) {
      // The answer to the CLI's MFA question: run the waiting command again with the code.
      const code = typed.trim();
      live.session.mfaCode = () => code;
      const historyLength = live.session.history.length;
      const r = rt.runLine(live.session, pendingLine);
      live.session.history.length = historyLength; // the command is in the history once already
      delete live.session.mfaCode;
      setMfaSerial(null);
      setPendingLine(null);
      commit(rt, live, [
        { kind: 'input', text: `${shown}${'*'.repeat(code.length)}` },
        ...outputOf(r),
      ]);
      return;
    }
    const edit =
      live.session.pending === null && live.session.prompt === undefined
        ? rt.EDITOR_COMMAND.exec(typed)
        : null;
    if (edit !== null) {
      const shownPath = edit[1] ?? '';
      const host = rt.currentHost(live.session);
      const path = rt.resolvePath(shownPath, host.cwd, host.home);
      const text = host.files[path] ?? '';
      live.session.history.push(typed);
      setEditing({ shown: shownPath, path, text, kind: guessKind(path, text) });
      commit(rt, live, [
        { kind: 'input', text: `${shown}${typed}` },
        {
          kind: 'notice',
          text: `Editing ${shownPath} in the policy editor below the terminal. Save writes the file; Close leaves it as it was.`,
        },
      ]);
      return;
    }
    const r = rt.runLine(live.session, typed);
    const serial = rt.mfaQuestion(r);
    if (serial !== null) {
      setMfaSerial(serial);
      setPendingLine(typed);
      setPrompt(`Enter MFA code for ${serial}: `);
      commit(rt, live, [{ kind: 'input', text: `${shown}${typed}` }]);
      setPrompt(`Enter MFA code for ${serial}: `);
      return;
    }
    if (r.clear === true) {
      live.log = [];
      commit(rt, live, outputOf(r));
      return;
    }
    // Answers to `aws configure` may be secrets: echo them masked.
    const echoed = shown.includes('Secret Access Key') ? '*'.repeat(typed.length) : typed;
    commit(rt, live, [{ kind: 'input', text: `${shown}${echoed}` }, ...outputOf(r)]);
  };

  const interrupt = async (): Promise<void> => {
    const rt = await start();
    const live = stateRef.current;
    if (rt === null || live === null) return;
    const shown =
      mfaSerial !== null ? `Enter MFA code for ${mfaSerial}: ` : rt.promptOf(live.session);
    // Ctrl+C abandons the line, a here-document being typed, or an `aws configure` question.
    live.session.pending = null;
    delete live.session.prompt;
    setMfaSerial(null);
    setPendingLine(null);
    cursor.current = null;
    commit(rt, live, [{ kind: 'input', text: `${shown}${line}^C` }]);
    setLine('');
  };

  const clear = (): void => {
    const rt = runtime.current;
    const live = stateRef.current;
    if (rt === null || live === null) {
      setLog([]);
      return;
    }
    live.log = [];
    commit(rt, live, []);
  };

  const completeLine = async (): Promise<boolean> => {
    const rt = await start();
    const live = stateRef.current;
    const el = input.current;
    if (rt === null || live === null || el === null) return false;
    const before = line.slice(0, el.selectionStart ?? line.length);
    const after = line.slice(before.length);
    const candidates = rt.complete(live.session, before);
    if (candidates.length === 0) return true;
    const partial = before.split(/\s+/).pop() ?? '';
    const head = before.slice(0, before.length - partial.length);
    if (candidates.length === 1) {
      const next = `${head}${candidates[0] ?? ''} ${after.trimStart()}`;
      setLine(next);
      requestAnimationFrame(() =>
        el.setSelectionRange(
          head.length + (candidates[0] ?? '').length + 1,
          head.length + (candidates[0] ?? '').length + 1,
        ),
      );
      return true;
    }
    const common = commonPrefix(candidates);
    if (common.length > partial.length) setLine(`${head}${common}${after}`);
    else
      commit(rt, live, [
        { kind: 'input', text: `${rt.promptOf(live.session)}${line}` },
        { kind: 'stdout', text: candidates.join('  ') },
      ]);
    return true;
  };

  const walkHistory = (step: -1 | 1): void => {
    const history = stateRef.current?.session.history ?? setup.history ?? [];
    if (history.length === 0) return;
    const at = cursor.current ?? { index: history.length, draft: line };
    const index = Math.min(history.length, Math.max(0, at.index + step));
    cursor.current = { index, draft: at.draft };
    setLine(index === history.length ? at.draft : (history[index] ?? ''));
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      // Escape then Tab leaves the terminal, so Tab completion never traps keyboard users.
      escaped.current = true;
      return;
    }
    if (e.key === 'Tab' && !e.shiftKey && !escaped.current && line.trim() !== '') {
      e.preventDefault();
      void completeLine();
      return;
    }
    escaped.current = false;
    if (e.key === 'Enter') {
      e.preventDefault();
      void run(line);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      walkHistory(-1);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      walkHistory(1);
    } else if (
      e.ctrlKey &&
      (e.key === 'c' || e.key === 'C') &&
      input.current?.selectionStart === input.current?.selectionEnd
    ) {
      // With text selected, Ctrl+C copies as usual; otherwise it interrupts, as in a shell.
      e.preventDefault();
      void interrupt();
    } else if (e.ctrlKey && (e.key === 'l' || e.key === 'L')) {
      e.preventDefault();
      clear();
    }
  };

  const reset = (): void => {
    const rt = runtime.current;
    if (rt === null) return;
    rt.clearState(storageKey);
    const fresh = rt.startState(setup);
    fresh.log.push({
      kind: 'notice',
      text: 'The terminal and its simulated AWS are back to their start.',
    });
    stateRef.current = fresh;
    setState(fresh);
    setMfaSerial(null);
    setPendingLine(null);
    setLine('');
    commit(rt, fresh, []);
    input.current?.focus();
  };

  const editorDoc = editing === null ? '' : `terminal:${id}:${editing.path}`;
  const closeEditor = (save: boolean): void => {
    const rt = runtime.current;
    const live = stateRef.current;
    if (editing === null || rt === null || live === null) return;
    const host = rt.currentHost(live.session);
    const entries: LogEntry[] = [];
    if (save) {
      const text = documentText(editorDoc, editing.text);
      rt.writeFile(host, editing.path, text.endsWith('\n') ? text : `${text}\n`);
      entries.push({
        kind: 'notice',
        text: `Saved ${editing.shown} (${text.split('\n').length} lines).`,
      });
    } else entries.push({ kind: 'notice', text: `Closed ${editing.shown} without saving.` });
    // The next `edit` starts from the file as it is then, not from this draft.
    forgetDocument(editorDoc);
    setEditing(null);
    commit(rt, live, entries);
    input.current?.focus();
  };

  const [copied, setCopied] = useState(false);
  const copyAll = async (): Promise<void> => {
    const text = log.map((e) => e.text).join('\n');
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };

  const inputId = `term-${id}-input`;
  const shownPrompt = mfaSerial !== null ? `Enter MFA code for ${mfaSerial}: ` : prompt;
  return (
    <section class="terminal" aria-label={label}>
      <div class="term-bar">
        <p class="term-who">
          <span class="term-who-label">Signed in as</span>{' '}
          <span class="term-who-arn">
            {identityText(state === null && who === null ? null : who)}
          </span>
        </p>
        <div class="term-tools">
          <button
            type="button"
            class="term-tool"
            onClick={() => void copyAll()}
            disabled={log.length === 0}
          >
            {copied ? 'Copied' : 'Copy output'}
          </button>
          <button type="button" class="term-tool" onClick={clear}>
            Clear
          </button>
          <button type="button" class="term-tool" onClick={reset} disabled={state === null}>
            Reset terminal
          </button>
        </div>
      </div>
      {error !== null && (
        <p class="term-error" role="alert">
          {error}
        </p>
      )}
      <div class="term-screen" onClick={() => input.current?.focus()}>
        <div
          class="term-log"
          role="log"
          aria-live="polite"
          aria-label={`${label}: output`}
          tabIndex={0}
        >
          {log.length === 0 && state === null && (
            <p class="term-intro">
              Type a command such as <code>aws sts get-caller-identity</code> and press Enter. Type{' '}
              <code>help</code> to see what this shell can do.
            </p>
          )}
          {log.map((entry, i) => (
            <pre key={i} class={`term-line term-${entry.kind}`}>
              {entry.kind === 'stderr' && <span class="visually-hidden">Error output: </span>}
              {entry.text}
            </pre>
          ))}
          <div ref={logEnd} />
        </div>
        {/* No <form>: before the island is live, Enter must not submit and reload the page. */}
        <div class="term-input-row">
          <label for={inputId} class="term-prompt">
            <span aria-hidden="true">{shownPrompt}</span>
            <span class="visually-hidden">
              {mfaSerial !== null ? `MFA code for ${mfaSerial}` : `Command (${shownPrompt.trim()})`}
            </span>
          </label>
          <input
            ref={input}
            id={inputId}
            class="term-input"
            type="text"
            inputMode={mfaSerial !== null ? 'numeric' : 'text'}
            value={line}
            onInput={(e) => setLine((e.currentTarget as HTMLInputElement).value)}
            onKeyDown={onKeyDown}
            onFocus={() => void start()}
            autocomplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellcheck={false}
            enterKeyHint="send"
            aria-describedby={`${inputId}-keys`}
          />
        </div>
      </div>
      <div class="term-keys" role="group" aria-label="Terminal keys">
        <button
          type="button"
          class="term-key"
          onClick={() => void completeLine().then(() => input.current?.focus())}
        >
          Tab <span class="visually-hidden">(complete)</span>
        </button>
        <button
          type="button"
          class="term-key"
          onClick={() => {
            walkHistory(-1);
            input.current?.focus();
          }}
        >
          ↑ <span class="visually-hidden">previous command</span>
        </button>
        <button
          type="button"
          class="term-key"
          onClick={() => {
            walkHistory(1);
            input.current?.focus();
          }}
        >
          ↓ <span class="visually-hidden">next command</span>
        </button>
        <button
          type="button"
          class="term-key"
          onClick={() => void interrupt().then(() => input.current?.focus())}
        >
          Ctrl+C <span class="visually-hidden">(interrupt)</span>
        </button>
        <button type="button" class="term-key" onClick={() => void run(line)}>
          Run
        </button>
      </div>
      <p id={`${inputId}-keys`} class="term-help">
        Enter runs · ↑ ↓ history · Tab completes · Ctrl+C interrupts · Ctrl+L clears · Esc then Tab
        leaves the terminal
      </p>
      {editing !== null && (
        <div class="term-editor" role="group" aria-label={`Editing ${editing.shown}`}>
          <PolicyEditor
            key={editorDoc}
            documentId={editorDoc}
            label={`File ${editing.shown}`}
            kind={editing.kind}
            initial={editing.text}
            lines={12}
          />
          <div class="term-editor-actions">
            <button type="button" class="button" onClick={() => closeEditor(true)}>
              Save {editing.shown}
            </button>
            <button type="button" class="button secondary" onClick={() => closeEditor(false)}>
              Close without saving
            </button>
          </div>
        </div>
      )}
      {codes.length > 0 && (
        <details class="term-authenticator">
          <summary>Authenticator app</summary>
          <p>
            The simulated phone app shows each virtual MFA device’s current code (codes change every
            30 seconds of simulated time).
          </p>
          <ul>
            {codes.map((c) => (
              <li key={c.serialNumber}>
                <code>{c.serialNumber}</code>: <strong class="term-code">{c.code}</strong> (
                {c.secondsRemaining} s left)
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** A line's output as log entries (each stream kept apart so errors read as errors). */
function outputOf(r: { stdout: string; stderr: string }): LogEntry[] {
  const out: LogEntry[] = [];
  if (r.stdout !== '') out.push({ kind: 'stdout', text: r.stdout.replace(/\n$/, '') });
  if (r.stderr !== '') out.push({ kind: 'stderr', text: r.stderr.replace(/\n$/, '') });
  return out;
}
