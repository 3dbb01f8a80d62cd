/**
 * The export of an exercise to real AWS: the CLI build script (and its cleanup), CloudFormation
 * templates, and the `aws iam simulate-custom-policy` calls that confirm each check — made from
 * the learner's CURRENT documents, each with Copy and Download. Loaded on demand by
 * ExportDisclosure.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import * as generator from '../exercises/export/index.ts';
import type { ExportFile, WorldExport } from '../exercises/export/index.ts';
import type { ExportDisclosureProps } from './export/ExportDisclosure.tsx';
import './ExportPanel.css';

/** The panel takes what the disclosure was given. */
export type ExportPanelProps = ExportDisclosureProps;

type Tab = 'cli' | 'cfn' | 'simulate';
const TABS: { id: Tab; label: string }[] = [
  { id: 'cli', label: 'CLI script' },
  { id: 'cfn', label: 'CloudFormation' },
  { id: 'simulate', label: 'Simulate calls' },
];

/** Builds the export, or the reason it failed (never a blank panel). */
function build(props: ExportPanelProps): WorldExport | string {
  try {
    return props.make(generator);
  } catch (e) {
    return `The export failed: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** A file with Copy and Download. */
function FileBlock({
  file,
  idPrefix,
  onStatus,
}: {
  file: ExportFile;
  idPrefix: string;
  onStatus: (s: string) => void;
}) {
  const pre = useRef<HTMLPreElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(file.text);
      onStatus(`Copied ${file.name}.`);
    } catch {
      // No clipboard permission: select the text so Ctrl+C copies it.
      const range = document.createRange();
      if (pre.current !== null) range.selectNodeContents(pre.current);
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      onStatus(`Copying is blocked here: ${file.name} is selected, press Ctrl+C (⌘C) to copy it.`);
    }
  };
  const download = () => {
    const type = file.name.endsWith('.json') ? 'application/json' : 'text/x-shellscript';
    const url = URL.createObjectURL(new Blob([file.text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    onStatus(`Downloading ${file.name}.`);
  };
  const headingId = `${idPrefix}-${file.name.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <div class="exp-file">
      <div class="exp-file-bar">
        <h4 id={headingId} class="exp-file-name">
          {file.name}
        </h4>
        <button
          type="button"
          class="button secondary"
          onClick={() => void copy()}
          aria-label={`Copy ${file.name}`}
        >
          Copy
        </button>
        <button
          type="button"
          class="button secondary"
          onClick={download}
          aria-label={`Download ${file.name}`}
        >
          Download
        </button>
      </div>
      <pre ref={pre} class="exp-code" tabIndex={0} role="region" aria-labelledby={headingId}>
        <code>{file.text}</code>
      </pre>
    </div>
  );
}

/** The three export formats in tabs, with the warning and a refresh from the current documents. */
export default function ExportPanel(props: ExportPanelProps) {
  const [version, setVersion] = useState(0);
  const [tab, setTab] = useState<Tab>('cli');
  const [status, setStatus] = useState('');
  // Rebuilt on Refresh: the export always reflects the documents as they are now.
  const out = useMemo(() => build(props), [version]);
  const idPrefix = `exp-${props.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({
    cli: null,
    cfn: null,
    simulate: null,
  });
  const onKey = (e: KeyboardEvent, i: number) => {
    const next =
      e.key === 'ArrowRight'
        ? i + 1
        : e.key === 'ArrowLeft'
          ? i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : null;
    if (next === null) return;
    e.preventDefault();
    const t = TABS[(next + TABS.length) % TABS.length];
    if (t === undefined) return;
    setTab(t.id);
    tabRefs.current[t.id]?.focus();
  };
  return (
    <div class="exp-panel">
      <p class="exp-warning" role="note">
        <strong>Warning: these create real resources in a real AWS account</strong> (IAM roles,
        users and policies; buckets and functions when the world has them) with your credentials.
        Use a sandbox account, never production. Delete everything afterwards with{' '}
        <code>cleanup.sh</code> (CLI) or by deleting the stack (CloudFormation).
      </p>
      <div class="exp-refresh">
        <button
          type="button"
          class="button secondary"
          onClick={() => {
            setVersion((v) => v + 1);
            setStatus('Updated from your current documents.');
          }}
        >
          Update from my documents
        </button>
        <span class="exp-status" role="status" aria-live="polite">
          {status}
        </span>
      </div>
      {typeof out === 'string' ? (
        <p class="exp-error" role="alert">
          {out}
        </p>
      ) : (
        <>
          {out.unplaced.length > 0 && (
            <ul class="exp-error" aria-label="Documents not exported">
              {out.unplaced.map((u) => (
                <li key={u}>{u}</li>
              ))}
            </ul>
          )}
          <div role="tablist" aria-label="Export formats" class="exp-tabs">
            {TABS.map((t, i) => (
              <button
                key={t.id}
                ref={(el) => {
                  tabRefs.current[t.id] = el;
                }}
                type="button"
                role="tab"
                id={`${idPrefix}-tab-${t.id}`}
                aria-controls={`${idPrefix}-panel-${t.id}`}
                aria-selected={tab === t.id}
                tabIndex={tab === t.id ? 0 : -1}
                onClick={() => setTab(t.id)}
                onKeyDown={(e) => onKey(e, i)}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div
            role="tabpanel"
            id={`${idPrefix}-panel-${tab}`}
            aria-labelledby={`${idPrefix}-tab-${tab}`}
            class="exp-tabpanel"
          >
            {tab === 'cli' && (
              <>
                <p>
                  Run <code>build.sh</code> with bash and the AWS CLI v2. It asks for nothing but
                  the variables at its top: your account ids stand where Rolelab used made-up ones,
                  and bucket names get a suffix because they are global. Steps Rolelab cannot do for
                  you (a second account, an organization, identity-provider metadata, EC2 instances)
                  are comments marked <code>MANUAL STEP</code>.
                </p>
                {props.typedCommands && (
                  <p>
                    The commands you typed in the terminal are copied at the end of{' '}
                    <code>build.sh</code>, here-documents included. A file you wrote in Rolelab's
                    policy editor (<code>edit FILE</code>) is not on your computer: that line is
                    marked <code>MANUAL STEP</code>, so create the file first.
                  </p>
                )}
                <FileBlock file={out.build} idPrefix={idPrefix} onStatus={setStatus} />
                <FileBlock file={out.cleanup} idPrefix={idPrefix} onStatus={setStatus} />
              </>
            )}
            {tab === 'cfn' && (
              <>
                <p>
                  One template per account (a stack lives in one account), in JSON. Deploy with{' '}
                  <code>
                    aws cloudformation deploy --template-file template.json --stack-name rolelab
                    --capabilities CAPABILITY_NAMED_IAM --parameter-overrides Account1Id=…
                  </code>
                  ; the notes in its <code>Metadata</code> list what it leaves out.
                </p>
                {out.templates.map((t) => (
                  <FileBlock key={t.name} file={t} idPrefix={idPrefix} onStatus={setStatus} />
                ))}
              </>
            )}
            {tab === 'simulate' && (
              <>
                <p>
                  The IAM policy simulator evaluates the policies you pass and creates nothing. Each
                  call has the decision it should print written above it; notes say where the real
                  request depends on more than the simulator can see.
                </p>
                <ul class="exp-calls" aria-label="Expected decisions">
                  {out.calls.map((c, i) => (
                    <li key={i}>
                      {c.description}: <strong>{c.expected ?? 'not simulated'}</strong>
                    </li>
                  ))}
                </ul>
                <FileBlock file={out.simulate} idPrefix={idPrefix} onStatus={setStatus} />
              </>
            )}
          </div>
        </>
      )}
    </div>
  );
}
