/**
 * Transcripts: each file in transcripts/ is one terminal session on alice's laptop in the
 * seeded world, replayed line by line; every output must match exactly. The commands follow
 * the examples of the AWS CLI reference for each command family, adapted to the seeded world.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLine } from './imports.ts';
import { aliceSession } from './fixtures.ts';
import { parseTranscript } from './transcript.ts';

const dir = join(import.meta.dirname, 'transcripts');

for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  describe(file, () => {
    const session = aliceSession();
    for (const step of parseTranscript(readFileSync(join(dir, file), 'utf8'))) {
      it(step.lines[0] ?? '', () => {
        let out = '';
        let exitCode = 0;
        for (const line of step.lines) {
          const r = runLine(session, line);
          out += r.stdout + r.stderr;
          exitCode = r.exitCode;
        }
        // Trailing spaces are not kept in transcript files (the CLI pads choice columns).
        const trim = (t: string): string => t.replace(/ +$/gm, '');
        expect({ out: trim(out), exitCode }).toEqual({ out: trim(step.output), exitCode: step.exitCode });
      });
    }
  });
}
