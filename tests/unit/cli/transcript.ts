/**
 * The transcript format: a terminal session written down. `# ` lines are comments, `$ ` lines
 * are typed (`> ` lines continue a here-document), everything else up to the next `$ ` is the
 * exact output (stdout, then stderr), and `[exit N]` ends a block whose exit code is not 0.
 */

/** One typed line (plus here-document lines) and what it must print. */
export interface TranscriptStep {
  lines: string[];
  output: string;
  exitCode: number;
}

/** Parses a transcript file. */
export function parseTranscript(text: string): TranscriptStep[] {
  const steps: TranscriptStep[] = [];
  let current: { lines: string[]; out: string[]; exitCode: number } | undefined;
  const flush = (): void => {
    if (current !== undefined) steps.push({ lines: current.lines, output: current.out.length === 0 ? '' : `${current.out.join('\n')}\n`, exitCode: current.exitCode });
  };
  for (const line of text.replace(/\n$/, '').split('\n')) {
    if (line.startsWith('# ') && (current === undefined || current.out.length === 0)) continue;
    if (line.startsWith('$ ')) {
      flush();
      current = { lines: [line.slice(2)], out: [], exitCode: 0 };
    } else if (line.startsWith('> ') && current !== undefined && current.out.length === 0) current.lines.push(line.slice(2));
    else if (/^\[exit \d+\]$/.test(line) && current !== undefined) current.exitCode = Number(line.slice(6, -1));
    else current?.out.push(line);
  }
  flush();
  return steps;
}

/** Writes steps back as a transcript (used to create new transcripts from a run). */
export function formatTranscript(steps: readonly { lines: readonly string[]; output: string; exitCode: number }[]): string {
  return steps
    .map((s) => {
      const [first = '', ...rest] = s.lines;
      const out = s.output.endsWith('\n') ? s.output.slice(0, -1) : s.output;
      return [`$ ${first}`, ...rest.map((l) => `> ${l}`), ...(out === '' ? [] : [out]), ...(s.exitCode === 0 ? [] : [`[exit ${s.exitCode}]`])].join('\n');
    })
    .join('\n');
}
