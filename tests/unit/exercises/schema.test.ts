/** The exercise schema: strict, described, cross-checked against the exercise's world, friendly errors. */
import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { exerciseSchema, parseExercise } from '../../../src/exercises/index.ts';
import { exerciseInput } from './fixtures.ts';
import type { FixtureInput } from './fixtures.ts';

/** The errors for an input changed by `change`. */
function errorsFor(change: (input: FixtureInput) => void): string[] {
  const input = exerciseInput();
  change(input);
  const parsed = parseExercise(input);
  return parsed.ok ? [] : parsed.errors;
}

describe('exercise schema', () => {
  it('accepts the fixture', () => {
    expect(errorsFor(() => undefined)).toEqual([]);
  });

  it('describes every field of its own (the world is the simulator’s seed schema)', () => {
    const undescribed: string[] = [];
    const seen: string[] = [];
    const walk = (schema: z.ZodType, path: string): void => {
      const def = schema._zod.def;
      if (def.type === 'object') {
        for (const [name, field] of Object.entries((schema as z.ZodObject).shape)) {
          if (path === '' && name === 'world') continue;
          seen.push(`${path}${name}`);
          if ((field as z.ZodType).description === undefined) undescribed.push(`${path}${name}`);
          walk(field as z.ZodType, `${path}${name}.`);
        }
      } else if (def.type === 'optional' || def.type === 'default')
        walk((schema as z.ZodOptional).unwrap() as z.ZodType, path);
      else if (def.type === 'array') walk((schema as z.ZodArray).element as z.ZodType, path);
      else if (def.type === 'union')
        for (const option of (schema as z.ZodUnion).options) walk(option as z.ZodType, path);
    };
    walk(exerciseSchema, '');
    expect(seen).toEqual(
      expect.arrayContaining([
        'checks.actor.via.service',
        'editable.target.policyName',
        'lint.mustDeny.call.params',
      ]),
    );
    expect(undescribed).toEqual([]);
  });

  it('names the field of a wrongly typed value, without throwing on a broken file', () => {
    const parsed = parseExercise({
      title: 'Broken',
      prompt: 'An exercise whose checks are not a list.',
      world: {},
      editable: [],
      solution: {},
      checks: 'all of them',
      hints: ['none'],
    });
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? [] : parsed.errors;
    expect(errors.some((e) => e.startsWith('checks:'))).toBe(true);
    expect(errors.some((e) => e.startsWith('world.accounts:'))).toBe(true);
  });

  it('rejects unknown fields', () => {
    expect(errorsFor((i) => Object.assign(i, { difficulty: 3 })).join('\n')).toMatch(/difficulty/);
  });

  it('wants at least two hints', () => {
    expect(errorsFor((i) => (i.hints = ['only one']))).toEqual([expect.stringMatching(/^hints: /)]);
  });

  it('names an actor that is not in the world', () => {
    expect(errorsFor((i) => (i.checks[2]!.actor = { user: 'mallory' }))).toEqual([
      'checks[2].actor.user: no user "mallory" in account 111122223333',
    ]);
    expect(errorsFor((i) => (i.checks[0]!.actor = { role: 'Nope' }))).toEqual([
      'checks[0].actor.role: no role "Nope" in account 111122223333',
    ]);
  });

  it('names an operation the service does not have', () => {
    expect(errorsFor((i) => (i.checks[0]!.call.operation = 'GetObjekt'))).toEqual([
      'checks[0].call.operation: this operation does not exist in that simulated service',
    ]);
    expect(errorsFor((i) => (i.checks[0]!.call.service = 'dynamodb')).join('\n')).toMatch(
      /^checks\[0\]\.call\.service: unknown service/,
    );
  });

  it('keeps solution and editable ids in step', () => {
    expect(errorsFor((i) => (i.solution = { other: '{}' }))).toEqual([
      'solution: no solution for editable "perms"',
      'solution.other: "other" is not an editable or prediction id',
    ]);
  });

  it('matches kinds to targets and names targets that are not in the world', () => {
    expect(errorsFor((i) => (i.editable![0]!.kind = 'trust-policy'))).toEqual([
      'editable[0].target: a trust-policy cannot go to this target',
    ]);
    expect(errorsFor((i) => (i.editable![0]!.target = { bucket: 'nope' }))).toEqual(
      expect.arrayContaining(['editable[0].target.bucket: no bucket "nope" in the world']),
    );
    expect(errorsFor((i) => (i.editable![0]!.kind = 'scp'))).toEqual([
      'editable[0].target: a scp cannot go to this target',
    ]);
  });

  it('lets a service actor only assume roles', () => {
    expect(errorsFor((i) => (i.checks[0]!.actor = { service: 'ec2.amazonaws.com' }))).toEqual([
      'checks[0].call: a service actor can only call sts AssumeRole',
    ]);
  });

  it('knows the review flag codes', () => {
    expect(errorsFor((i) => (i.lint = { noFlags: ['TOO_BROAD'] })).join('\n')).toMatch(
      /^lint\.noFlags\[0\]: unknown flag/,
    );
  });
});
