/**
 * `authorize()` decides alone (quick-decision.ts, matching only what each step consults) and
 * explains on first read (evaluate.ts + decide.ts, every statement in words). These tests hold
 * the two walks together: the decision taken alone must be the decision the explanation walks
 * to, with the same policy type denying, on every differential and golden case and on cases
 * generated from other seeds.
 */
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authorize } from '../../../src/sim/authz/index.ts';
import type { AuthorizeInput } from '../../../src/sim/authz/index.ts';
import { buildCase } from '../../../src/sim/authz/case.ts';
import { decide } from '../../../src/sim/authz/decide.ts';
import { evaluateCase } from '../../../src/sim/authz/evaluate.ts';
import { quickDecision } from '../../../src/sim/authz/quick-decision.ts';
import { generateCases } from '../../differential/generate.ts';
import { parseCaseFile } from '../../golden/schema.ts';
import type { GoldenCase } from '../../golden/schema.ts';

/** Every case of the golden corpus. */
function goldenCases(): GoldenCase[] {
  const dir = new URL('../../golden/cases/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const parsed = parseCaseFile(readFileSync(new URL(f, dir), 'utf8'));
      return parsed.ok ? parsed.file.cases : [];
    });
}

/** The decision and the policy type that denied, taken both ways. */
function bothWays(input: AuthorizeInput): { alone: unknown; explained: unknown } | undefined {
  const c = buildCase(input);
  if (Array.isArray(c)) return undefined;
  const alone = quickDecision(c);
  const explained = decide(c, evaluateCase(c));
  expect(explained.steps.length).toBeGreaterThan(0);
  return {
    alone: { decision: alone.decision, deniedBy: alone.deniedBy },
    explained: { decision: explained.decision, deniedBy: explained.deniedBy },
  };
}

describe('deciding alone agrees with explaining', () => {
  it('on every differential case', () => {
    let compared = 0;
    for (const { input } of generateCases()) {
      const both = bothWays(input);
      if (both === undefined) continue;
      expect(both.alone, JSON.stringify(input)).toEqual(both.explained);
      compared++;
    }
    expect(compared).toBeGreaterThan(9_000);
  });

  it('on every golden case', () => {
    const cases = goldenCases();
    expect(cases.length).toBeGreaterThanOrEqual(250);
    for (const g of cases) {
      const both = bothWays(g.input as AuthorizeInput);
      if (both === undefined) continue;
      expect(both.alone, g.name).toEqual(both.explained);
    }
  });

  it('on cases generated from other seeds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        for (const { input } of generateCases(40, seed)) {
          const both = bothWays(input);
          if (both !== undefined) expect(both.alone, JSON.stringify(input)).toEqual(both.explained);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('agree on a Deny that follows an Allow in the same policy', () => {
    // A case whose explicit deny comes from the identity policy: were the quick walk to skip
    // Deny statements, it would answer Allow and the comparison above would fail.
    const input: AuthorizeInput = {
      principal: { arn: 'arn:aws:iam::111122223333:user/ana' },
      request: { action: 's3:GetObject', resource: 'arn:aws:s3:::reports/a.csv' },
      policies: {
        identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Action: 's3:Get*', Resource: '*' }] }],
      },
    };
    expect(bothWays(input)).toEqual({
      alone: { decision: 'ExplicitDeny', deniedBy: 'identity-based policy' },
      explained: { decision: 'ExplicitDeny', deniedBy: 'identity-based policy' },
    });
  });
});

describe('the explanation of a result', () => {
  const input: AuthorizeInput = {
    principal: { arn: 'arn:aws:iam::111122223333:user/ana' },
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::reports/a.csv' },
    policies: {
      identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:List*', Resource: '*' }] }],
    },
  };

  it('is built once and then kept', () => {
    const r = authorize(input);
    expect(r.statements).toBe(r.statements);
    expect(r.steps).toBe(r.steps);
    expect(r.message).toBe(r.message);
  });

  it('ends with the step that took the decision', () => {
    const r = authorize(input);
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.steps.at(-1)).toMatchObject({ step: 'identity', outcome: 'deny' });
    expect(r.summary).toMatch(/^Denied: no identity-based policy allows s3:GetObject/);
    expect(r.message).toBe(
      'User: arn:aws:iam::111122223333:user/ana is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::reports/a.csv because no identity-based policy allows the s3:GetObject action',
    );
  });

  it('has no message when allowed, and writes none to JSON', () => {
    const r = authorize({ ...input, request: { action: 's3:ListBucket', resource: 'arn:aws:s3:::reports' } });
    expect(r.decision).toBe('Allow');
    expect(r.message).toBeUndefined();
    expect(Object.keys(JSON.parse(JSON.stringify(r)) as object)).toEqual(['decision', 'steps', 'statements', 'deciding', 'summary']);
  });
});
