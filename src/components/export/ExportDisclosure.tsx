/**
 * "Run it on real AWS": a closed disclosure under an exercise's results. The export panel and
 * the generator behind it (which grades the world to write expected decisions) load only when a
 * learner opens it, so lesson pages stay light.
 */
import { useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { ExportPanelProps } from '../ExportPanel.tsx';
import type { WorldExport } from '../../exercises/export/index.ts';

/** The export generator, handed to `make` once it has loaded. */
export type ExportGenerator = typeof import('../../exercises/export/index.ts');

/** What the disclosure needs to build the export when it opens. */
export interface ExportDisclosureProps {
  /** What is exported (an exercise's title, "Rolelab Playground"); names the tabs' ids. */
  title: string;
  /** True when typed terminal commands are part of the export (the panel says how they are used). */
  typedCommands: boolean;
  /** Builds the export from the current documents (called on open and on every refresh). */
  make: (generator: ExportGenerator) => WorldExport;
  /**
   * Loads what `make` needs before it first runs (an exercise's export grades it to write the
   * expected decisions, so the services and helpers its checks use must be loaded).
   */
  prepare?: () => Promise<void>;
}

/** The closed "Run it on real AWS" disclosure; loads ExportPanel on first open. */
export default function ExportDisclosure(props: ExportDisclosureProps) {
  const [Panel, setPanel] = useState<ComponentType<ExportPanelProps> | null>(null);
  const [problem, setProblem] = useState('');
  const [opened, setOpened] = useState(false);
  const load = () => {
    setOpened(true);
    if (Panel !== null) return;
    Promise.all([import('../ExportPanel.tsx'), props.prepare?.()])
      .then(([m]) => setPanel(() => m.default))
      .catch(() =>
        setProblem('The export could not be loaded. Check your connection and open it again.'),
      );
  };
  return (
    <details
      class="ex-export"
      onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && load()}
    >
      <summary>Run it on real AWS</summary>
      {Panel !== null ? (
        <Panel {...props} />
      ) : (
        opened && <p role="status">{problem === '' ? 'Loading the export…' : problem}</p>
      )}
    </details>
  );
}
