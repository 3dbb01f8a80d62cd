/**
 * src/sim must stay pure: the lint rule in eslint.config.js rejects UI imports there.
 * These tests lint probe files placed (virtually) inside src/sim and outside it.
 */
import { describe, it, expect } from 'vitest';
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function lint(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('the simulator boundary', () => {
  const forbidden = [
    "import { h } from 'preact';",
    "import { useState } from 'preact/hooks';",
    "import { getCollection } from 'astro:content';",
    "import { defineConfig } from 'astro';",
    "import { glob } from 'astro/loaders';",
    "import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';",
    "import { atom } from 'nanostores';",
    "import Editor from '../../components/PolicyEditor.tsx';",
    "import { progress } from '../stores/progress.ts';",
  ];

  for (const line of forbidden) {
    it(`rejects \`${line}\` inside src/sim`, async () => {
      const messages = await lint(`${line}\nexport const probe = 1;\n`, 'src/sim/policy/probe.ts');
      expect(messages.some((m) => m.startsWith('no-restricted-imports'))).toBe(true);
    });
  }

  it('rejects the DOM and nondeterminism inside src/sim', async () => {
    const messages = await lint('export const a = document.title;\nexport const b = Date.now();\nexport const c = Math.random();\n', 'src/sim/world/probe.ts');
    expect(messages.filter((m) => m.startsWith('no-restricted-globals'))).toHaveLength(1);
    expect(messages.filter((m) => m.startsWith('no-restricted-properties'))).toHaveLength(2);
  });

  it('accepts sibling imports inside src/sim', async () => {
    const messages = await lint("import type { Policy } from '../policy/types.ts';\nexport type P = Policy;\n", 'src/sim/authz/probe.ts');
    expect(messages).toEqual([]);
  });

  it('allows UI imports outside src/sim', async () => {
    const messages = await lint("import { atom } from 'nanostores';\nexport const store = atom(0);\n", 'src/stores/probe.ts');
    expect(messages.filter((m) => m.startsWith('no-restricted-imports'))).toEqual([]);
  });
});

describe('the one library exception', () => {
  it('allows astro/zod (plain zod) inside src/sim', async () => {
    const messages = await lint("import { z } from 'astro/zod';\nexport const s = z.string();\n", 'src/sim/world/probe.ts');
    expect(messages).toEqual([]);
  });
});
