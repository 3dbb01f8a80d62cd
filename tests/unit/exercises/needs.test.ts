/**
 * servicesFor: the services the grader loads for an exercise. tests/content/lazy-grading.test.ts
 * proves it enough for every exercise in content/; these pin the rules content does not reach.
 */
import { describe, expect, it } from 'vitest';
import { servicesFor } from '../../../src/exercises/needs.ts';
import type { Exercise } from '../../../src/exercises/index.ts';

/** Only the fields servicesFor reads. */
function exercise(fields: {
  checks?: { service: string }[];
  targets?: Record<string, unknown>[];
  handlers?: unknown[];
}): Exercise {
  return {
    world: {
      accounts: [
        {
          id: '111122223333',
          functions: (fields.handlers ?? []).map((handler, i) => ({
            name: `fn${i}`,
            role: 'r',
            handler,
          })),
        },
      ],
    },
    editable: (fields.targets ?? []).map((target) => ({ target })),
    checks: (fields.checks ?? []).map(({ service }) => ({
      actor: { user: 'u' },
      call: { service, operation: 'Op' },
    })),
  } as unknown as Exercise;
}

const sorted = (list: string[]) => [...list].sort();

describe('servicesFor', () => {
  it('always names IAM and STS, plus the services the checks call', () => {
    expect(sorted(servicesFor(exercise({ checks: [{ service: 'ec2' }] })))).toEqual([
      'ec2',
      'iam',
      'sts',
    ]);
  });

  it('names the service a document installs through', () => {
    const ex = exercise({ targets: [{ scp: 'guard', attachTo: 'Root' }, { bucket: 'b' }] });
    expect(sorted(servicesFor(ex))).toEqual(['iam', 'organizations', 's3', 'sts']);
  });

  it("adds Lambda and what the world's handlers call when S3 or Lambda is called", () => {
    const handlers = [
      { steps: [{ call: 'organizations:DescribeOrganization' }] },
      JSON.stringify({
        steps: [{ call: 'cloudtrail:LookupEvents' }, { call: 'dynamodb:GetItem' }],
      }),
      'not a handler',
    ];
    expect(sorted(servicesFor(exercise({ checks: [{ service: 's3' }], handlers })))).toEqual([
      'cloudtrail',
      'iam',
      'lambda',
      'organizations',
      's3',
      'sts',
    ]);
  });

  it('leaves the handlers out when nothing can invoke a function', () => {
    const handlers = [{ steps: [{ call: 'ec2:DescribeInstances' }] }];
    expect(sorted(servicesFor(exercise({ checks: [{ service: 'iam' }], handlers })))).toEqual([
      'iam',
      'sts',
    ]);
  });
});
