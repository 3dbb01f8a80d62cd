/**
 * Runs the operator examples through the simulator, so the reference page states what
 * `authorize()` decides rather than what someone typed. Called at build time by
 * src/pages/reference.astro and by tests/unit/lib/reference.test.ts.
 */
import { authorize, type Decision } from '../../sim/authz/index.ts';
import type { OperatorExample } from './operator-examples.ts';

/** The caller of every example: an IAM user in the same account as the resource. */
export const EXAMPLE_CALLER = 'arn:aws:iam::111122223333:user/alice';

/** One example request with the simulator's verdict. */
export interface EvaluatedRequest {
  context: Record<string, string | string[]>;
  /** What the example claims. */
  expected: OperatorExample['requests'][number]['expected'];
  because: string;
  /** What the simulator decided; undefined when it could not evaluate the case (a broken example). */
  decision: Decision | undefined;
  /** The simulator's one-line explanation. */
  summary: string;
}

/** An example with its policy document and evaluated requests. */
export interface EvaluatedExample {
  example: OperatorExample;
  /** The identity policy the examples' caller has, exactly as evaluated. */
  policy: { Version: string; Statement: Record<string, unknown>[] };
  requests: EvaluatedRequest[];
}

/**
 * The policy of an example. An Allow example has one statement, granting the action under the
 * condition. A Deny example grants the action and then denies it under the condition, so the
 * reader sees the condition decide between Allow and an explicit deny.
 */
export function examplePolicy(example: OperatorExample): EvaluatedExample['policy'] {
  const condition = { [example.operator]: example.condition };
  const statements: Record<string, unknown>[] =
    example.effect === 'Allow'
      ? [
          {
            Effect: 'Allow',
            Action: example.action,
            Resource: example.resource,
            Condition: condition,
          },
        ]
      : [
          { Effect: 'Allow', Action: example.action, Resource: example.resource },
          {
            Effect: 'Deny',
            Action: example.action,
            Resource: example.resource,
            Condition: condition,
          },
        ];
  return { Version: '2012-10-17', Statement: statements };
}

/** Evaluates every request of an example with `authorize()`. */
export function evaluateExample(example: OperatorExample): EvaluatedExample {
  const policy = examplePolicy(example);
  const requests = example.requests.map((request) => {
    const result = authorize({
      principal: { arn: EXAMPLE_CALLER },
      request: { action: example.action, resource: example.resource, context: request.context },
      policies: { identity: [policy] },
    });
    return { ...request, decision: result.decision, summary: result.summary };
  });
  return { example, policy, requests };
}
