/** Terminal tasks: the schema's rules, replaying commands, and grading the world they leave. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gradeExercise, gradeWithCommands, parseExercise, replayTerminal } from '../../../src/exercises/index.ts';
import type { Exercise } from '../../../src/exercises/index.ts';

const file = join(import.meta.dirname, '../../../content/exercises/ec2-cli-instance-role.json');
const raw = (): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
function load(input: Record<string, unknown> = raw()): Exercise {
  const parsed = parseExercise(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.exercise;
}

describe('terminal task schema', () => {
  it('needs the solution commands under "terminal"', () => {
    const input = { ...raw(), solution: {} };
    const parsed = parseExercise(input);
    expect(parsed.ok ? [] : parsed.errors).toEqual(expect.arrayContaining([expect.stringContaining('no solution commands under "terminal"')]));
  });

  it('lets checks name a role the learner creates, but only in a terminal task', () => {
    expect(() => load()).not.toThrow();
    const { terminal: _t, ...withoutTerminal } = raw();
    const parsed = parseExercise({ ...withoutTerminal, editable: [] });
    expect(parsed.ok ? [] : parsed.errors.join('\n')).toMatch(/no role "S3Reader"/);
  });
});

describe('replaying and grading', () => {
  it('replays the commands as the learner would type them, here-document included', () => {
    const ex = load();
    const { transcript, world } = replayTerminal(ex, ex.solution['terminal'] ?? '');
    expect(transcript.filter((t) => t.exitCode !== 0)).toEqual([]);
    expect(world.accounts['111122223333']?.iam.roles['S3Reader']).toBeDefined();
    expect(world.ec2.instances['i-0a1b2c3d4e5f60718']?.profile?.instanceProfileArn).toBe('arn:aws:iam::111122223333:instance-profile/S3Reader');
  });

  it('grades the world it is given, so the browser can pass the learner’s live one', () => {
    const ex = load();
    const { world } = replayTerminal(ex, ex.solution['terminal'] ?? '');
    expect(gradeExercise(ex, {}, {}, { world }).solved).toBe(true);
    // Without a world (nothing typed yet) the start state fails.
    expect(gradeExercise(ex, {}).solved).toBe(false);
  });

  it('a typo in one command leaves the task unsolved and the transcript shows the CLI error', () => {
    const ex = load();
    const broken = (ex.solution['terminal'] ?? '').replace('attach-role-policy', 'attach-role-polcy');
    const { transcript } = replayTerminal(ex, broken);
    expect(transcript.some((t) => t.stderr.includes('Invalid choice'))).toBe(true);
    expect(gradeWithCommands(ex, { terminal: broken }).solved).toBe(false);
  });
});
