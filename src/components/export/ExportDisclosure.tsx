/**
 * "Run it on real AWS": a closed disclosure under an exercise's results. The export panel and
 * the generator behind it (which grades the world to write expected decisions) load only when a
 * learner opens it, so lesson pages stay light.
 */
import { useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { Exercise } from '../../exercises/index.ts';
import type { ExportPanelProps } from '../ExportPanel.tsx';

/** What the disclosure needs to build the export when it opens. */
export interface ExportDisclosureProps {
  exercise: Exercise;
  /** The learner's current documents, by editable id (read when the panel opens or refreshes). */
  texts: () => Record<string, string>;
  /** For a terminal task: the commands typed so far, one per line. */
  commands?: () => string | undefined;
}

/** The closed "Run it on real AWS" disclosure; loads ExportPanel on first open. */
export default function ExportDisclosure(props: ExportDisclosureProps) {
  const [Panel, setPanel] = useState<ComponentType<ExportPanelProps> | null>(null);
  const [problem, setProblem] = useState('');
  const [opened, setOpened] = useState(false);
  const load = () => {
    setOpened(true);
    if (Panel !== null) return;
    import('../ExportPanel.tsx')
      .then((m) => setPanel(() => m.default))
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
