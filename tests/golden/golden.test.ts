/**
 * The golden corpus: documented AWS behaviour, one JSON file per topic under ./cases,
 * each case citing the documentation page it was written from. One `describe` per file,
 * one `it` per case, every case run through the decision API.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { authorize } from '../../src/sim/index.ts';
import type { AuthorizeResult } from '../../src/sim/index.ts';
import { parseCaseFile } from './schema.ts';
import type { CaseFile, GoldenCase } from './schema.ts';

const MIN_CASES = 250;
const casesDir = fileURLToPath(new URL('./cases/', import.meta.url));

interface LoadedFile {
  fileName: string;
  /** The raw JSON (when it parses), for the corpus-wide checks that must not depend on the schema. */
  raw: unknown;
  parsed: { ok: true; file: CaseFile } | { ok: false; error: string };
}

function loadFiles(): LoadedFile[] {
  return readdirSync(casesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((fileName) => {
      const text = readFileSync(new URL(`./cases/${fileName}`, import.meta.url), 'utf8');
      let raw: unknown = undefined;
      try {
        raw = JSON.parse(text);
      } catch {
        // reported by parseCaseFile below
      }
      return { fileName, raw, parsed: parseCaseFile(text) };
    });
}

const files = loadFiles();

/** The `cases` array of a raw file, whatever its shape. */
function rawCases(raw: unknown): unknown[] {
  if (typeof raw !== 'object' || raw === null || !('cases' in raw)) return [];
  const { cases } = raw;
  return Array.isArray(cases) ? cases : [];
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** Everything a reader needs to debug a failing case. */
function explain(c: GoldenCase, result: AuthorizeResult | undefined): string {
  const lines = [
    `case:     ${c.name}`,
    `source:   ${c.source}`,
    ...(c.notes === undefined ? [] : [`notes:    ${c.notes}`]),
    `expected: ${c.expect.decision}${c.expect.deniedBy === undefined ? '' : ` (deniedBy "${c.expect.deniedBy}")`}${
      c.expect.messageContains === undefined
        ? ''
        : ` (message contains "${c.expect.messageContains}")`
    }`,
  ];
  if (result === undefined) return lines.join('\n');
  lines.push(
    `got:      ${result.decision ?? '(no decision)'}${result.deniedBy === undefined ? '' : ` (deniedBy "${result.deniedBy}")`}`,
    `summary:  ${result.summary}`,
  );
  if (result.message !== undefined) lines.push(`message:  ${result.message}`);
  lines.push('steps:');
  for (const s of result.steps) lines.push(`  - ${s.step}: ${s.outcome} — ${s.detail}`);
  if (result.deciding.length > 0) {
    lines.push('deciding statements:');
    for (const t of result.deciding) {
      lines.push(
        `  - ${t.source}[${t.policyIndex}].Statement[${t.statementIndex}]${t.sid === undefined ? '' : ` (${t.sid})`} ${t.effect}: ${t.detail}`,
      );
    }
  }
  if (result.errors !== undefined && result.errors.length > 0) {
    lines.push('errors:');
    for (const e of result.errors)
      lines.push(`  - ${e.code}${e.path === undefined ? '' : ` at ${e.path}`}: ${e.message}`);
  }
  return lines.join('\n');
}

function run(c: GoldenCase): AuthorizeResult {
  try {
    return authorize(c.input);
  } catch (e) {
    throw new Error(
      `authorize() threw instead of returning a result\n${explain(c, undefined)}\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
    );
  }
}

describe('golden corpus', () => {
  it('has at least one case file', () => {
    expect(files.length, `no *.json files in ${casesDir}`).toBeGreaterThan(0);
  });

  it('every case file is valid JSON matching the golden case schema', () => {
    const problems = files.flatMap((f) => (f.parsed.ok ? [] : [`${f.fileName} ${f.parsed.error}`]));
    expect(problems, `malformed case files:\n${problems.join('\n')}`).toEqual([]);
  });

  it('every file is named after its topic', () => {
    const wrong = files.flatMap((f) =>
      f.parsed.ok && `${f.parsed.file.topic}.json` !== f.fileName
        ? [`${f.fileName} has topic "${f.parsed.file.topic}"`]
        : [],
    );
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it(`has at least ${MIN_CASES} cases`, () => {
    const total = files.reduce((n, f) => n + rawCases(f.raw).length, 0);
    expect(
      total,
      `the corpus has ${total} cases; it must have at least ${MIN_CASES}`,
    ).toBeGreaterThanOrEqual(MIN_CASES);
  });

  it('every case cites a non-empty source', () => {
    const missing = files.flatMap((f) =>
      rawCases(f.raw).flatMap((c, i) => {
        const source = field(c, 'source');
        return typeof source === 'string' && source.trim() !== ''
          ? []
          : [`${f.fileName} cases[${i}] (${String(field(c, 'name'))})`];
      }),
    );
    expect(missing, `cases without a source:\n${missing.join('\n')}`).toEqual([]);
  });

  it('case names are unique within each file', () => {
    const duplicates = files.flatMap((f) => {
      const seen = new Set<string>();
      return rawCases(f.raw).flatMap((c) => {
        const name = String(field(c, 'name'));
        if (seen.has(name)) return [`${f.fileName}: "${name}"`];
        seen.add(name);
        return [];
      });
    });
    expect(duplicates, `duplicate case names:\n${duplicates.join('\n')}`).toEqual([]);
  });
});

for (const f of files) {
  describe(f.fileName, () => {
    if (!f.parsed.ok) {
      const error = f.parsed.error;
      it('is a valid case file', () => {
        expect.fail(`${f.fileName} ${error}`);
      });
      return;
    }
    for (const c of f.parsed.file.cases) {
      it(c.name, () => {
        const result = run(c);
        const why = explain(c, result);
        expect(result.decision, why).toBe(c.expect.decision);
        if (c.expect.deniedBy !== undefined) expect(result.deniedBy, why).toBe(c.expect.deniedBy);
        if (c.expect.messageContains !== undefined)
          expect(result.message ?? '', why).toContain(c.expect.messageContains);
      });
    }
  });
}
