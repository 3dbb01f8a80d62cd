/**
 * Differential test: our `authorize()` against @cloud-copilot/iam-simulate on ≥ 10,000 generated
 * cases. Any disagreement not on the documented divergence list (./divergences.ts) fails; a listed
 * divergence only counts when its rewrite makes both engines agree (harness.ts). On failure the log
 * shows each category of disagreement with a shrunk, minimal input.
 *
 *   npx vitest run tests/differential
 *
 * Files: generate.ts (seeded cases; vocab.ts, policies.ts, rng.ts), adapter.ts (our case ⇄
 * iam-simulate), harness.ts (compare, explain, shrink), divergences.ts (+ inspect.ts, rewrite.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { authorize } from '../../src/sim/index.ts';
import type { OracleOutcome } from './adapter.ts';
import { toSimulation } from './adapter.ts';
import { DIVERGENCES } from './divergences.ts';
import { generateCases, type GeneratedCase } from './generate.ts';
import { categorize, compare, formatSummary, runOracle, shrink } from './harness.ts';

const TIMEOUT = 60_000;

describe('differential: authorize() vs iam-simulate', () => {
  let cases: GeneratedCase[] = [];
  let oracle: OracleOutcome[] = [];

  beforeAll(async () => {
    cases = generateCases();
    oracle = await runOracle(cases);
  }, TIMEOUT);

  it('generates at least 10,000 cases, deterministically', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10_000);
    const again = generateCases(50);
    expect(again).toEqual(cases.slice(0, 50));
  });

  it('iam-simulate decides every generated case (valid policies, no ignored context keys)', async () => {
    const errors = oracle.flatMap((o, i) => ('error' in o ? [`${cases[i]?.id}: ${o.error}`] : []));
    expect(errors).toEqual([]);
    // The generator only writes context keys that apply to the action; spot-check a sample.
    for (const c of cases.filter((_, i) => i % 50 === 0)) {
      const r = await runSimulation(toSimulation(c.input), {});
      const ignored = r.resultType === 'single' ? (r.result.ignoredContextKeys ?? []) : [];
      expect(ignored, c.id).toEqual([]);
    }
    const decisions = new Set(oracle.flatMap((o) => ('decision' in o ? [o.decision] : [])));
    expect([...decisions].sort()).toEqual(['Allow', 'ExplicitDeny', 'ImplicitDeny']);
  }, TIMEOUT);

  it('every listed divergence sides with our engine and cites the AWS documentation', () => {
    const ids = new Set<string>();
    for (const d of DIVERGENCES) {
      expect(ids.has(d.id), d.id).toBe(false);
      ids.add(d.id);
      expect(d.sidesWith).toBe('ours');
      expect(d.citation.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      expect(d.citation.quote.length).toBeGreaterThan(20);
    }
  });

  it('agrees with iam-simulate except on documented divergences', async () => {
    const summary = await compare(cases, oracle, authorize);
    console.log(formatSummary(summary));
    if (summary.unexplained.length > 0) {
      const groups = [...categorize(summary.unexplained).entries()].sort((a, b) => b[1].length - a[1].length);
      const lines: string[] = [];
      for (const [key, list] of groups.slice(0, 8)) {
        const first = list[0];
        if (!first) continue;
        const minimal = await shrink(first.case.input, authorize, 300);
        lines.push(`- ${key}: ${list.length} case(s), e.g. ${first.case.id}; minimal input:\n  ${JSON.stringify(minimal)}`);
      }
      console.log(`unexplained disagreements by category:\n${lines.join('\n')}`);
    }
    expect(summary.total).toBeGreaterThanOrEqual(10_000);
    expect(summary.oracleErrors).toBe(0);
    expect(summary.unexplained.length, `unexplained disagreements (first: ${summary.unexplained.slice(0, 10).map((d) => d.case.id).join(', ')})`).toBe(0);
  }, TIMEOUT);

  // Other seeds bring combinations the default set lacks: seeds 1 and 2 found the federated-user
  // wildcard grant (wildcard-principal-does-not-name-federated-session) and predicates that
  // recognised cases their rule did not decide (harness.ts now tries smaller sets).
  for (const seed of [1, 2]) {
    it(`agrees on 10,000 more cases from seed ${seed}, except on documented divergences`, async () => {
      const more = generateCases(10_000, seed);
      const summary = await compare(more, await runOracle(more), authorize);
      console.log(`seed ${seed}: ${formatSummary(summary)}`);
      expect(summary.oracleErrors).toBe(0);
      expect(summary.unexplained.map((d) => d.case.id)).toEqual([]);
    }, TIMEOUT);
  }
});
