/**
 * PolicyEditor: a policy document editor that works at once as a plain text area and becomes
 * Monaco when it scrolls into view or gets focus, without losing a keystroke. Every change is
 * checked by the simulator's parser; problems appear as markers on their exact characters and
 * in a list under the editor that screen readers hear. Edits are saved locally.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type * as Monaco from 'monaco-editor/editor/editor.api.js';
import type { PolicyIssue, PolicyKind, SourceRange } from '../sim/policy/types.ts';
import type { ReviewFlag, StatementReading } from '../sim/review/types.ts';
import { documentText, saveDocument, $documents } from '../stores/documents.ts';
import './PolicyEditor.css';

export interface PolicyEditorProps {
  /** Storage id of the document; edits are saved under it. */
  documentId: string;
  /** The accessible name: the document this editor edits, e.g. "Trust policy of WebAppRole". */
  label: string;
  /** Which kind of policy it is: decides which elements are required or forbidden. */
  kind: PolicyKind;
  /** The text the learner starts from. */
  initial: string;
  /** Editor height in lines (default 16). */
  lines?: number;
  /** A statement to highlight (the one that decided a check), or null for none. */
  highlight?: EditorHighlight | null;
}

/** A range to highlight, with the words that name it (the highlight is announced, not only coloured). */
export interface EditorHighlight {
  range: SourceRange;
  /** E.g. `Statement[1] (Sid "ReadReports") in Trust policy of role Auditor, which allowed the request`. */
  text: string;
}

type MonacoModule = typeof import('./editor/monaco.ts');

/** Loads Monaco once per page; every editor shares the promise. */
let monacoLoading: Promise<MonacoModule> | undefined;
function loadMonaco(): Promise<MonacoModule> {
  monacoLoading ??= import('./editor/monaco.ts');
  return monacoLoading;
}

/** What checking a document found: its issues, a plain-English reading and risk flags. */
interface CheckResult {
  issues: PolicyIssue[];
  reading: StatementReading[];
  flags: ReviewFlag[];
}

/** Checks a document with the simulator's parser and reviewer (loaded lazily, with the catalog when available). */
async function check(text: string, kind: PolicyKind): Promise<CheckResult> {
  const [{ parsePolicy }, { readPolicy, reviewPolicy }, catalog] = await Promise.all([
    import('../sim/policy/index.ts'),
    import('../sim/review/index.ts'),
    import('./editor/iam-language.ts').then((m) => m.loadCatalog()).catch(() => undefined),
  ]);
  const result = parsePolicy(text, kind, catalog ? { catalog } : {});
  const policy = result.policy;
  // A reading of a document AWS would reject would describe something that cannot exist.
  if (policy === null || result.issues.some((i) => i.severity === 'error'))
    return { issues: result.issues, reading: [], flags: [] };
  const options = catalog ? { kind, catalog } : { kind };
  return {
    issues: result.issues,
    reading: readPolicy(policy, options).statements,
    flags: reviewPolicy(policy, options).flags,
  };
}

const SEVERITY_WORD: Record<PolicyIssue['severity'], string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Note',
};

export default function PolicyEditor({
  documentId,
  label,
  kind,
  initial,
  lines = 16,
  highlight = null,
}: PolicyEditorProps) {
  const labelId = `${documentId.replace(/[^a-z0-9-]/gi, '-')}-label`;
  const issuesId = `${labelId}-issues`;
  const areaId = `${labelId}-text`;
  const [text, setText] = useState(() => {
    if (typeof window === 'undefined') return initial;
    // The server-rendered text area is usable before this island hydrates: anything typed into
    // it in that moment wins over the starter and the saved copy (read before Preact patches it).
    const early = (document.getElementById(areaId) as HTMLTextAreaElement | null)?.value;
    return early !== undefined && early !== initial ? early : documentText(documentId, initial);
  });
  const [issues, setIssues] = useState<PolicyIssue[] | null>(null);
  const [reading, setReading] = useState<StatementReading[]>([]);
  const [flags, setFlags] = useState<ReviewFlag[]>([]);
  const [mode, setMode] = useState<'text' | 'loading' | 'monaco'>('text');
  const [notice, setNotice] = useState('');
  const [help, setHelp] = useState<string | undefined>(undefined);
  // Hover documentation under the mouse in Monaco: the same help the caret panel gives, placed at
  // the word. (Monaco's own hover feature would add 65 KB gzip for this one use.)
  const [tip, setTip] = useState<{ text: string; top: number; left: number } | null>(null);
  const tipTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const wrapper = useRef<HTMLDivElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<MonacoModule['monaco'] | null>(null);
  const latest = useRef(text);
  latest.current = text;
  const decorations = useRef<Monaco.editor.IEditorDecorationsCollection | null>(null);

  // Save and re-check on every change (debounced so typing stays smooth).
  useEffect(() => {
    saveDocument(documentId, text);
    let cancelled = false;
    const timer = setTimeout(() => {
      check(text, kind).then((found) => {
        if (cancelled) return;
        setIssues(found.issues);
        setReading(found.reading);
        setFlags(found.flags);
        const monaco = monacoRef.current;
        const model = editor.current?.getModel();
        if (monaco && model)
          monaco.editor.setModelMarkers(
            model,
            'rolelab',
            found.issues.map((issue) => toMarker(monaco, issue)),
          );
      });
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text, kind, documentId]);

  // The starter as last rendered: a draft forgotten before the new starter renders (the world's
  // text after Apply in the Playground) must not bring back the one this effect closed over.
  const starter = useRef(initial);
  starter.current = initial;

  // Replacements from elsewhere (Reset, Apply solution) flow into the editor.
  useEffect(
    () =>
      $documents.subscribe((docs) => {
        const saved = docs[documentId];
        const next = typeof saved === 'string' ? saved : starter.current;
        if (next === latest.current) return;
        setText(next);
        const model = editor.current?.getModel();
        if (model && model.getValue() !== next) model.setValue(next);
      }),
    [documentId, initial],
  );

  // Upgrade to Monaco when the editor comes near the viewport or the text area gets focus.
  useEffect(() => {
    const el = wrapper.current;
    if (!el || mode !== 'text') return;
    const upgrade = () => setMode((m) => (m === 'text' ? 'loading' : m));
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && upgrade(),
      { rootMargin: '200px' },
    );
    observer.observe(el);
    const area = textarea.current;
    area?.addEventListener('focus', upgrade);
    return () => {
      observer.disconnect();
      area?.removeEventListener('focus', upgrade);
    };
  }, [mode]);

  useEffect(() => {
    if (mode !== 'loading') return;
    let disposed = false;
    loadMonaco()
      .then(({ monaco, followSiteTheme }) => {
        if (disposed || !host.current) return;
        const area = textarea.current;
        const hadFocus = area !== null && document.activeElement === area;
        const value = area?.value ?? latest.current;
        const model = monaco.editor.createModel(
          value,
          'json',
          monaco.Uri.parse(`file:///rolelab-policy-${encodeURIComponent(documentId)}.json`),
        );
        followSiteTheme();
        const instance = monaco.editor.create(host.current, {
          model,
          ariaLabel: label,
          automaticLayout: true,
          minimap: { enabled: false },
          // 'dimmed' draws the number after a final newline faded, below contrast minimums.
          renderFinalNewline: 'on',
          scrollBeyondLastLine: false,
          fontSize: 14,
          tabSize: 2,
          lineNumbersMinChars: 3,
          renderLineHighlight: 'line',
          fixedOverflowWidgets: true,
          accessibilitySupport: 'auto',
          wordWrap: 'on',
          // Our completion provider knows IAM; word-based suggestions would only add noise (and a worker).
          wordBasedSuggestions: 'off',
        });
        if (area) {
          // Carry the caret over so the learner keeps typing where they were.
          const start = model.getPositionAt(area.selectionStart);
          const end = model.getPositionAt(area.selectionEnd);
          instance.setSelection(
            new monaco.Selection(start.lineNumber, start.column, end.lineNumber, end.column),
          );
        }
        // Escape leaves the editor (no focus trap), unless a widget is open that Escape should close.
        instance.addCommand(
          monaco.KeyCode.Escape,
          () => {
            setTip(null);
            wrapper.current?.focus();
          },
          '!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible',
        );
        instance.onMouseMove((e) => {
          clearTimeout(tipTimer.current);
          const position = e.target.position;
          if (!position || e.target.type !== monaco.editor.MouseTargetType.CONTENT_TEXT) {
            tipTimer.current = setTimeout(() => setTip(null), 300);
            return;
          }
          tipTimer.current = setTimeout(() => {
            const offset = model.getOffsetAt(position);
            import('./editor/iam-language.ts')
              .then((m) => m.helpAt(model.getValue(), offset))
              .then((text) => {
                const at = instance.getScrolledVisiblePosition(position);
                const box = host.current;
                if (!text || !at || !box) return setTip(null);
                setTip({
                  text,
                  top: box.offsetTop + at.top + at.height + 2,
                  left: Math.max(0, Math.min(box.offsetLeft + at.left, box.clientWidth - 320)),
                });
              })
              .catch(() => setTip(null));
          }, 250);
        });
        // Leaving for the tip itself keeps it (it can be read and selected); anywhere else hides it.
        instance.onMouseLeave(() => {
          clearTimeout(tipTimer.current);
          tipTimer.current = setTimeout(() => setTip(null), 300);
        });
        instance.onDidChangeModelContent(() => setText(model.getValue()));
        instance.onDidChangeCursorPosition((e) =>
          showHelp(model.getValue(), model.getOffsetAt(e.position)),
        );
        editor.current = instance;
        monacoRef.current = monaco;
        // Issues found before the upgrade become markers straight away.
        check(model.getValue(), kind).then((found) => {
          if (!model.isDisposed())
            monaco.editor.setModelMarkers(
              model,
              'rolelab',
              found.issues.map((issue) => toMarker(monaco, issue)),
            );
        });
        setMode('monaco');
        if (hadFocus) instance.focus();
      })
      .catch(() => {
        // Monaco failed to load (offline before it was cached): the text area keeps working.
        if (!disposed) setMode('text');
      });
    return () => {
      disposed = true;
    };
  }, [mode, documentId, label, kind]);

  // Highlight the statement that decided a check: a decoration and a selection in Monaco, a
  // selection in the text area (visible once focused); scrolled into view either way.
  useEffect(() => {
    decorations.current?.clear();
    decorations.current = null;
    if (highlight === null) return;
    const { startLine, startColumn, endLine, endColumn } = highlight.range;
    const instance = editor.current;
    const monaco = monacoRef.current;
    if (mode === 'monaco' && instance && monaco) {
      decorations.current = instance.createDecorationsCollection([
        {
          range: new monaco.Range(startLine, startColumn, endLine, endColumn),
          options: { className: 'pe-decided', linesDecorationsClassName: 'pe-decided-gutter' },
        },
      ]);
      instance.setSelection(new monaco.Selection(startLine, startColumn, endLine, endColumn));
      instance.revealLinesInCenterIfOutsideViewport(startLine, endLine);
      return;
    }
    const area = textarea.current;
    if (mode !== 'text' || !area) return;
    const [from, to] = offsetsOf(latest.current, highlight.range);
    area.setSelectionRange(from, to);
    const lineHeight = Number.parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, (startLine - 2) * lineHeight);
  }, [highlight, mode]);

  useEffect(
    () => () => {
      const model = editor.current?.getModel();
      editor.current?.dispose();
      model?.dispose();
    },
    [],
  );

  /** Explains the action, operator or condition key at the caret, in the panel under the editor. */
  const showHelp = (value: string, offset: number) => {
    import('./editor/iam-language.ts')
      .then((m) => m.helpAt(value, offset))
      .then(setHelp, () => setHelp(undefined));
  };

  const format = () => {
    try {
      const pretty = JSON.stringify(JSON.parse(latest.current), null, 2);
      const model = editor.current?.getModel();
      if (model)
        model.pushEditOperations(
          [],
          [{ range: model.getFullModelRange(), text: pretty }],
          () => null,
        );
      else setText(pretty);
      setNotice('Formatted.');
    } catch {
      setNotice(
        'Fix the JSON syntax error first: the document cannot be formatted while it is not valid JSON.',
      );
    }
  };

  /** Selects a range of the document (an issue, a statement, a flagged value) and focuses the editor. */
  const jumpTo = ({ range }: { range: PolicyIssue['range'] }) => {
    const instance = editor.current;
    if (instance) {
      instance.setSelection({
        startLineNumber: range.startLine,
        startColumn: range.startColumn,
        endLineNumber: range.endLine,
        endColumn: range.endColumn,
      });
      instance.revealLineInCenter(range.startLine);
      instance.focus();
      return;
    }
    const area = textarea.current;
    if (!area) return;
    const offsets = offsetsOf(latest.current, range);
    area.focus();
    area.setSelectionRange(offsets[0], offsets[1]);
  };

  const errors = issues?.filter((i) => i.severity === 'error').length ?? 0;
  const warnings = issues ? issues.length - errors : 0;
  const summary =
    issues === null
      ? 'Checking…'
      : issues.length === 0
        ? 'No problems found.'
        : `${count(errors, 'error')}, ${count(warnings, 'warning')}.`;

  return (
    <div class="policy-editor" ref={wrapper} tabIndex={-1} role="group" aria-labelledby={labelId}>
      <div class="pe-head">
        <span id={labelId} class="pe-label">
          {label}
        </span>
        <button type="button" class="pe-button" onClick={format}>
          Format
        </button>
      </div>
      <div class="pe-body" style={{ height: `${lines * 1.45 + 1}rem` }}>
        {mode !== 'monaco' && (
          <textarea
            ref={textarea}
            id={areaId}
            class="pe-textarea"
            aria-label={label}
            aria-describedby={issuesId}
            spellcheck={false}
            autocapitalize="off"
            autocomplete="off"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            onKeyUp={(e) => showHelp(e.currentTarget.value, e.currentTarget.selectionStart)}
            onClick={(e) => showHelp(e.currentTarget.value, e.currentTarget.selectionStart)}
          />
        )}
        <div ref={host} class="pe-monaco" hidden={mode !== 'monaco'} />
        {tip && mode === 'monaco' && (
          <div
            class="pe-tip"
            role="tooltip"
            style={{ top: `${tip.top}px`, left: `${tip.left}px` }}
            onMouseEnter={() => clearTimeout(tipTimer.current)}
            onMouseLeave={() => setTip(null)}
          >
            {tip.text.split('\n\n').map((para) => (
              <p key={para}>{renderBold(para)}</p>
            ))}
          </div>
        )}
      </div>
      <div class="pe-decided-note" aria-live="polite">
        {highlight && (
          <p>
            <span aria-hidden="true">▶ </span>
            Highlighted: {highlight.text},{' '}
            {highlight.range.startLine === highlight.range.endLine
              ? `line ${highlight.range.startLine}`
              : `lines ${highlight.range.startLine}–${highlight.range.endLine}`}
            .{' '}
            <button type="button" class="pe-link" onClick={() => jumpTo(highlight)}>
              Go to it
            </button>
          </p>
        )}
      </div>
      {help && (
        <div class="pe-help" aria-live="polite">
          {help.split('\n\n').map((para) => (
            <p key={para}>{renderBold(para)}</p>
          ))}
        </div>
      )}
      <div id={issuesId} class="pe-issues" aria-live="polite">
        <p
          class={`pe-summary ${errors > 0 ? 'has-errors' : warnings > 0 ? 'has-warnings' : 'clean'}`}
        >
          <span aria-hidden="true">
            {errors > 0 ? '✗ ' : warnings > 0 ? '⚠ ' : issues ? '✓ ' : ''}
          </span>
          {summary}
        </p>
        {issues && issues.length > 0 && (
          <ul>
            {issues.map((issue) => (
              <li
                key={`${issue.code}-${issue.path}-${issue.range.startLine}-${issue.range.startColumn}`}
                class={`sev-${issue.severity}`}
              >
                <button type="button" class="pe-issue" onClick={() => jumpTo(issue)}>
                  <span class="pe-sev">{SEVERITY_WORD[issue.severity]}</span>
                  <span class="pe-where">
                    line {issue.range.startLine}, column {issue.range.startColumn}
                  </span>
                  <span class="pe-msg">{issue.message}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {notice && <p class="pe-notice">{notice}</p>}
      </div>
      {(reading.length > 0 || flags.length > 0) && (
        <details class="pe-review" open>
          <summary>
            What this policy says
            {flags.length > 0 && (
              <span class="pe-flag-count"> · {count(flags.length, 'risk')} found</span>
            )}
          </summary>
          {flags.length > 0 && (
            <ul class="pe-flags">
              {flags.map((flag) => (
                <li
                  key={`${flag.code}-${flag.statementIndex}-${flag.range.startLine}-${flag.range.startColumn}`}
                  class={`risk-${flag.severity}`}
                >
                  <p>
                    <span class="pe-risk">
                      {flag.severity === 'high'
                        ? 'High risk'
                        : flag.severity === 'medium'
                          ? 'Risk'
                          : 'Note'}
                      :
                    </span>{' '}
                    <button type="button" class="pe-link" onClick={() => jumpTo(flag)}>
                      {flag.title}
                    </button>
                  </p>
                  <p>{flag.explanation}</p>
                  <p>
                    <strong>Fix:</strong> {flag.fix}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <ol class="pe-reading">
            {reading.map((r) => (
              <li key={r.index}>
                <button type="button" class="pe-link" onClick={() => jumpTo(r)}>
                  {r.sid ? `${r.sid}:` : `Statement ${r.index + 1}:`}
                </button>{' '}
                {r.sentence}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

/** Renders `**bold**` spans of help text; everything else stays plain text (never HTML). */
function renderBold(text: string) {
  return text.split('**').map((part, i) => (i % 2 === 1 ? <strong key={i}>{part}</strong> : part));
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Monaco marker for a parser issue (ranges are already 1-based with an exclusive end). */
function toMarker(monaco: MonacoModule['monaco'], issue: PolicyIssue): Monaco.editor.IMarkerData {
  const severity =
    issue.severity === 'error'
      ? monaco.MarkerSeverity.Error
      : issue.severity === 'warning'
        ? monaco.MarkerSeverity.Warning
        : monaco.MarkerSeverity.Info;
  const { startLine, startColumn, endLine, endColumn } = issue.range;
  // A zero-width range would be invisible: widen it to one character.
  const widened = startLine === endLine && startColumn === endColumn ? endColumn + 1 : endColumn;
  return {
    severity,
    message: issue.message,
    code: issue.code,
    startLineNumber: startLine,
    startColumn,
    endLineNumber: endLine,
    endColumn: widened,
    source: 'Rolelab',
  };
}

/** Character offsets of a range in `text`, for selecting it in the plain text area. */
function offsetsOf(text: string, range: PolicyIssue['range']): [number, number] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const at = (line: number, column: number) =>
    Math.min(text.length, (lineStarts[line - 1] ?? text.length) + column - 1);
  return [at(range.startLine, range.startColumn), at(range.endLine, range.endColumn)];
}
