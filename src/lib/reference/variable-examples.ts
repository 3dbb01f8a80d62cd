/**
 * Policy variables on /reference/#policy-variables: one policy each, and requests from different
 * callers with the decision `authorize()` reaches (checked by tests/unit/lib/reference.test.ts
 * and at build time, like the operator examples).
 */
import { authorize, type Decision } from '../../sim/authz/index.ts';

/** One caller and request against a variable example's policy. */
export interface VariableRequest {
  /** The caller's ARN. */
  caller: string;
  /** Tags on the caller (principal tags), when the example uses them. */
  tags?: Record<string, string>;
  resource: string;
  context?: Record<string, string>;
  expected: Decision;
  because: string;
}

/** A policy variable shown with a policy that uses it. */
export interface VariableExample {
  id: string;
  /** The variable as written, e.g. `${aws:username}`. */
  variable: string;
  /** What it is replaced with. */
  meaning: string;
  action: string;
  policy: { Version: string; Statement: Record<string, unknown>[] };
  requests: VariableRequest[];
}

const ALICE = 'arn:aws:iam::111122223333:user/alice';
const HOME = 'arn:aws:s3:::example-bucket/home';

/** The examples, in the order the page shows them. */
export const VARIABLE_EXAMPLES: readonly VariableExample[] = [
  {
    id: 'var-username',
    variable: '${aws:username}',
    meaning:
      'The IAM user name of the caller. One policy, attached to a group, gives every user their own folder.',
    action: 's3:GetObject',
    policy: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: `${HOME}/\${aws:username}/*` },
      ],
    },
    requests: [
      {
        caller: ALICE,
        resource: `${HOME}/alice/notes.txt`,
        expected: 'Allow',
        because: 'alice reads her own folder',
      },
      {
        caller: ALICE,
        resource: `${HOME}/bob/notes.txt`,
        expected: 'ImplicitDeny',
        because: 'the variable became “alice”, not “bob”',
      },
    ],
  },
  {
    id: 'var-principal-tag',
    variable: '${aws:PrincipalTag/project}',
    meaning:
      'The value of the caller’s project tag (or session tag). Compared with the resource’s tag, it gives ABAC.',
    action: 's3:GetObject',
    policy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: {
            StringEquals: { 's3:ExistingObjectTag/project': '${aws:PrincipalTag/project}' },
          },
        },
      ],
    },
    requests: [
      {
        caller: ALICE,
        tags: { project: 'apollo' },
        resource: 'arn:aws:s3:::example-bucket/plans.pdf',
        context: { 's3:ExistingObjectTag/project': 'apollo' },
        expected: 'Allow',
        because: 'both tagged apollo',
      },
      {
        caller: ALICE,
        tags: { project: 'apollo' },
        resource: 'arn:aws:s3:::example-bucket/plans.pdf',
        context: { 's3:ExistingObjectTag/project': 'gemini' },
        expected: 'ImplicitDeny',
        because: 'another project’s object',
      },
    ],
  },
  {
    id: 'var-old-version',
    variable: '${aws:username} with "Version": "2008-10-17"',
    meaning:
      'Variables are only replaced in policies with "Version": "2012-10-17". In an older or missing version the text is taken literally.',
    action: 's3:GetObject',
    policy: {
      Version: '2008-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: `${HOME}/\${aws:username}/*` },
      ],
    },
    requests: [
      {
        caller: ALICE,
        resource: `${HOME}/alice/notes.txt`,
        expected: 'ImplicitDeny',
        because: 'the policy only matches a folder literally named “${aws:username}”',
      },
    ],
  },
];

/** A variable example's request with the simulator's verdict. */
export interface EvaluatedVariableRequest extends VariableRequest {
  decision: Decision | undefined;
  summary: string;
}

/** Evaluates every request of a variable example with `authorize()`. */
export function evaluateVariableExample(example: VariableExample): EvaluatedVariableRequest[] {
  return example.requests.map((request) => {
    const result = authorize({
      principal: {
        arn: request.caller,
        ...(request.tags === undefined ? {} : { tags: request.tags }),
      },
      request: {
        action: example.action,
        resource: request.resource,
        context: request.context ?? {},
      },
      policies: { identity: [example.policy] },
    });
    return { ...request, decision: result.decision, summary: result.summary };
  });
}
