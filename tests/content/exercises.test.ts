/**
 * Every exercise in content/exercises is valid, solvable and not solved by accident: its
 * solution passes every check (and its least-privilege rules), its starter fails at least one
 * check, and each wrong answer listed here — the mistakes learners actually make — fails.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gradeExercise, parseExercise } from '../../src/exercises/index.ts';
import type { Exercise } from '../../src/exercises/index.ts';

const dir = resolve(import.meta.dirname, '../../content/exercises');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('_'));
const A = '111122223333';

/** A trust policy with one statement for `principal`. */
function trust(principal: unknown): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }],
    },
    null,
    2,
  );
}

/** An identity policy from statements. */
function identity(...statements: unknown[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

/** Wrong answers per exercise id: editable id → text, with what makes each wrong. */
const WRONG: Readonly<
  Record<string, readonly { why: string; documents: Record<string, string> }[]>
> = {
  'ec2-trust-policy': [
    { why: 'trusts everyone', documents: { trust: trust('*') } },
    {
      why: 'trusts EC2 and still the whole account',
      documents: { trust: trust({ Service: 'ec2.amazonaws.com', AWS: `arn:aws:iam::${A}:root` }) },
    },
    {
      why: 'trusts Lambda instead of EC2',
      documents: { trust: trust({ Service: 'lambda.amazonaws.com' }) },
    },
    {
      why: 'is not JSON',
      documents: { trust: '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", ' },
    },
  ],
  'least-privilege-photos': [
    {
      why: 'allows every S3 action on the photos bucket (deletes too)',
      documents: {
        permissions: identity({
          Effect: 'Allow',
          Action: 's3:*',
          Resource: ['arn:aws:s3:::example-photos', 'arn:aws:s3:::example-photos/*'],
        }),
      },
    },
    {
      why: 'reads objects of every bucket',
      documents: {
        permissions: identity({
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:ListBucket'],
          Resource: '*',
        }),
      },
    },
    {
      why: 'puts GetObject on the bucket ARN instead of its objects',
      documents: {
        permissions: identity({
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:ListBucket'],
          Resource: 'arn:aws:s3:::example-photos',
        }),
      },
    },
    {
      why: 'forgets ListBucket',
      documents: {
        permissions: identity({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::example-photos/*',
        }),
      },
    },
  ],
  'trust-a-named-user': [
    {
      why: 'trusts the whole account, so bob gets in too',
      documents: { trust: trust({ AWS: `arn:aws:iam::${A}:root` }) },
    },
    {
      why: 'names bob instead of alice',
      documents: { trust: trust({ AWS: `arn:aws:iam::${A}:user/bob` }) },
    },
    {
      why: 'trusts alice but keeps EC2',
      documents: {
        trust: trust({ AWS: `arn:aws:iam::${A}:user/alice`, Service: 'ec2.amazonaws.com' }),
      },
    },
  ],
};

/** Loads and validates one exercise file. */
function load(file: string): Exercise {
  const parsed = parseExercise(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  if (!parsed.ok) throw new Error(`${file}:\n${parsed.errors.join('\n')}`);
  return parsed.exercise;
}

describe('content/exercises', () => {
  it('has exercises', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of files) {
    const id = file.replace(/\.json$/, '');
    describe(id, () => {
      it('fits the schema', () => {
        const parsed = parseExercise(JSON.parse(readFileSync(join(dir, file), 'utf8')));
        expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      });

      it('has checks that must be allowed and checks that must stay denied', () => {
        const ex = load(file);
        expect(ex.checks.some((c) => c.expect === 'allowed')).toBe(true);
        expect(ex.checks.some((c) => c.expect !== 'allowed')).toBe(true);
      });

      it('is solved by its solution: every check passes, no lint finding', () => {
        const ex = load(file);
        const result = gradeExercise(ex, ex.solution);
        expect(result.documents.every((d) => d.installed)).toBe(true);
        expect(
          result.checks
            .filter((c) => !c.passed)
            .map((c) => `${c.description}: ${c.reason ?? JSON.stringify(c.got)}`),
        ).toEqual([]);
        expect(result.lint).toEqual([]);
        expect(result.solved).toBe(true);
        expect(result.summary).toBe(`${result.total} of ${result.total} checks passed`);
      });

      it('is not solved by its starter', () => {
        const ex = load(file);
        const result = gradeExercise(ex, {});
        expect(result.passedCount).toBeLessThan(result.total);
        expect(result.solved).toBe(false);
      });

      const wrong = WRONG[id] ?? [];
      it('has wrong answers listed in this test', () => {
        expect(wrong.length).toBeGreaterThanOrEqual(2);
      });
      for (const answer of wrong) {
        it(`is not solved by an answer that ${answer.why}`, () => {
          const ex = load(file);
          const result = gradeExercise(ex, answer.documents);
          expect(result.passedCount).toBeLessThan(result.total);
          expect(result.solved).toBe(false);
        });
      }
    });
  }
});
