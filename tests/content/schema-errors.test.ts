/**
 * A lesson or exercise file that does not fit its schema must stop the build with a message
 * that names the file and the field. This runs the real `astro build` on a throwaway project
 * that shares our src/ and config but has one broken content file.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** Builds a throwaway site whose content is only `files`; returns the exit code and all output. */
function buildWith(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rolelab-schema-'));
  try {
    for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json'])
      cpSync(join(root, name), join(dir, name));
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    symlinkSync(join(root, 'src'), join(dir, 'src'), 'dir');
    for (const sub of ['lessons', 'exercises', 'workshops'])
      mkdirSync(join(dir, 'content', sub), { recursive: true });
    for (const [path, text] of Object.entries(files))
      writeFileSync(join(dir, 'content', path), text);
    const result = spawnSync(
      process.execPath,
      [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
        timeout: 120_000,
      },
    );
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const goodLesson = `---
title: 'A valid lesson'
description: 'A lesson that fits the schema, so only the broken file fails.'
order: 1
duration: 5
objectives: ['Build']
---

Text.
`;

describe('content that does not fit its schema stops the build', () => {
  let lesson: { status: number | null; output: string };
  let exercise: { status: number | null; output: string };

  beforeAll(() => {
    lesson = buildWith({
      'lessons/01-good.mdx': goodLesson,
      'lessons/02-broken.mdx': goodLesson.replace('order: 1', 'order: "second"'),
    });
    exercise = buildWith({
      'lessons/01-good.mdx': goodLesson,
      'exercises/broken-exercise.json': JSON.stringify({
        title: 'Broken',
        prompt: 'An exercise whose checks are not a list.',
        world: {},
        editable: [
          { id: 'policy', kind: 'identity-policy', label: 'Identity policy', starter: '{}' },
        ],
        solution: { policy: '{}' },
        checks: 'all of them',
        hints: ['none'],
      }),
    });
  }, 240_000);

  afterAll(() => undefined);

  it('a lesson with a wrongly typed frontmatter field fails, naming the file and the field', () => {
    expect(lesson.status).not.toBe(0);
    expect(lesson.output).toContain('02-broken');
    expect(lesson.output).toMatch(/order/);
  });

  it('an exercise file with a wrongly typed field fails, naming the file and the field', () => {
    expect(exercise.status).not.toBe(0);
    expect(exercise.output).toContain('broken-exercise');
    expect(exercise.output).toMatch(/checks/);
  });
});
