/**
 * The condition operator reference cannot lie: every operator the simulator knows has an
 * example, each example's stated decision is the simulator's, and every example is a valid
 * policy. The qualifiers and IfExists are covered too.
 */
import { describe, expect, it } from 'vitest';
import { OPERATORS, parsePolicy, splitOperator } from '../../../src/sim/policy/index.ts';
import { OPERATOR_EXAMPLES } from '../../../src/lib/reference/operator-examples.ts';
import { evaluateExample, examplePolicy } from '../../../src/lib/reference/evaluate-examples.ts';
import {
  VARIABLE_EXAMPLES,
  evaluateVariableExample,
} from '../../../src/lib/reference/variable-examples.ts';

describe('condition operator reference', () => {
  it('has an example for every key of OPERATORS', () => {
    const covered = new Set(OPERATOR_EXAMPLES.map((e) => splitOperator(e.operator).base));
    for (const name of Object.keys(OPERATORS)) expect(covered, name).toContain(name);
  });

  it('shows IfExists, ForAllValues and ForAnyValue, including the absent-key cases', () => {
    const split = OPERATOR_EXAMPLES.map((e) => ({ ...splitOperator(e.operator), e }));
    for (const want of [
      (s: (typeof split)[number]) => s.ifExists,
      (s: (typeof split)[number]) => s.qualifier === 'ForAllValues',
      (s: (typeof split)[number]) => s.qualifier === 'ForAnyValue',
    ]) {
      const found = split.find(want);
      expect(found).toBeDefined();
      expect(found?.e.requests.some((r) => Object.keys(r.context).length === 0)).toBe(true);
    }
  });

  it('uses unique anchors and valid policies', () => {
    expect(new Set(OPERATOR_EXAMPLES.map((e) => e.id)).size).toBe(OPERATOR_EXAMPLES.length);
    for (const example of OPERATOR_EXAMPLES) {
      const parsed = parsePolicy(examplePolicy(example), 'identity');
      const errors = parsed.issues.filter((i) => i.severity === 'error');
      expect(errors, example.operator).toEqual([]);
    }
  });

  it.each(OPERATOR_EXAMPLES.map((e) => [e.operator, e] as const))(
    '%s: each stated decision is the simulator’s',
    (_name, example) => {
      const evaluated = evaluateExample(example);
      const decisions = new Set<string>();
      for (const request of evaluated.requests) {
        expect(
          request.decision,
          `${example.operator} ${JSON.stringify(request.context)}: ${request.summary}`,
        ).toBe(request.expected);
        decisions.add(request.expected);
      }
      // An example that cannot tell its requests apart teaches nothing.
      expect(decisions.size).toBeGreaterThan(1);
    },
  );
});

describe('policy variable reference', () => {
  it.each(VARIABLE_EXAMPLES.map((e) => [e.id, e] as const))(
    '%s: each stated decision is the simulator’s',
    (_id, example) => {
      for (const request of evaluateVariableExample(example)) {
        expect(request.decision, `${example.id} ${request.resource}: ${request.summary}`).toBe(
          request.expected,
        );
      }
    },
  );

  it('shows that variables need "Version": "2012-10-17"', () => {
    expect(VARIABLE_EXAMPLES.some((e) => e.policy.Version !== '2012-10-17')).toBe(true);
  });
});
