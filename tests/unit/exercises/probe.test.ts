/**
 * The least-privilege probe: what the learner's documents allow beyond the checks, grouped and
 * scored; and the deciding statement the grader locates in the learner's documents.
 */
import { describe, expect, it } from 'vitest';
import catalogJson from '../../../src/generated/iam-catalog.json';
import { gradeExercise } from '../../../src/exercises/index.ts';
import type { Exercise, ExerciseInput } from '../../../src/exercises/index.ts';
import { NEW_KEY, PROBE_ACTIONS, probeExercise, scoreLabel } from '../../../src/exercises/probe.ts';
import type { LeastPrivilegeReport } from '../../../src/exercises/probe.ts';
import { parsePolicy } from '../../../src/sim/policy/index.ts';
import { statementRange } from '../../../src/sim/policy/statement-ranges.ts';
import { exercise, exerciseInput, policy } from './fixtures.ts';

/** The fixture with only "App reads a.txt" and "alice cannot read a.txt": nothing asks App to be denied. */
function readOnlyInput(): ExerciseInput {
  const input = exerciseInput();
  input.checks = input.checks.filter((c) => c.description !== 'App cannot delete a.txt');
  return input;
}

/** Grades, then probes the same documents. */
function probe(perms: string, input: ExerciseInput = readOnlyInput()): LeastPrivilegeReport {
  const ex: Exercise = exercise(input);
  const graded = gradeExercise(ex, { perms });
  const report = probeExercise(
    ex,
    { perms },
    graded.checks.map((c) => c.passed),
  );
  if (report === undefined) throw new Error('no report');
  return report;
}

const GET_ONLY = policy({
  Effect: 'Allow',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::data/*',
});
const S3_STAR_ON_DATA = policy({
  Sid: 'Everything',
  Effect: 'Allow',
  Action: 's3:*',
  Resource: ['arn:aws:s3:::data', 'arn:aws:s3:::data/*'],
});

describe('probeExercise', () => {
  it('reports what s3:* on a bucket allows beyond the checks, grouped per resource, with the statement that grants it', () => {
    const r = probe(S3_STAR_ON_DATA);
    const objects = r.extras.find((x) => x.resource === 'arn:aws:s3:::data/*');
    expect(objects).toBeDefined();
    expect(objects?.principal).toBe('role App');
    expect(objects?.actions).toEqual(
      expect.arrayContaining(['s3:DeleteObject', 's3:PutObject', 's3:PutObjectAcl']),
    );
    // GetObject is what the check needed: not extra.
    expect(objects?.actions).not.toContain('s3:GetObject');
    expect(objects?.text).toMatch(
      /^role App also allows .*s3:DeleteObject.* on arn:aws:s3:::data\/\*$/,
    );
    expect(objects?.grantedBy).toEqual([
      'Statement[0] (Sid "Everything") in Permissions policy of role App',
    ]);
    const bucket = r.extras.find((x) => x.resource === 'arn:aws:s3:::data');
    expect(bucket?.actions).toEqual(
      expect.arrayContaining(['s3:DeleteBucket', 's3:PutBucketPolicy', 's3:ListBucket']),
    );
    // Only the data bucket's ARNs are in the policy: nothing on '*' (ListAllMyBuckets).
    expect(r.extras.some((x) => x.resource === '*')).toBe(false);
  });

  it('scores needed / granted as a percentage and says it in words', () => {
    const r = probe(S3_STAR_ON_DATA);
    const objectActions = PROBE_ACTIONS['s3']?.filter(([, k]) => k === 'object').length ?? 0;
    const bucketActions = PROBE_ACTIONS['s3']?.filter(([, k]) => k === 'bucket').length ?? 0;
    expect(r.needed).toBe(1);
    expect(r.granted).toBe(objectActions + bucketActions);
    expect(r.score).toBe(Math.round(100 / r.granted));
    expect(r.label).toBe(scoreLabel(r.score));
    expect(r.label).toMatch(/^Broad/);

    const half = probe(
      policy({
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:ListBucket'],
        Resource: ['arn:aws:s3:::data', 'arn:aws:s3:::data/*'],
      }),
    );
    expect(half).toMatchObject({ needed: 1, granted: 2, score: 50 });
    expect(half.extras.map((x) => x.text)).toEqual([
      'role App also allows s3:ListBucket on arn:aws:s3:::data',
    ]);
    expect(half.label).toMatch(/^Somewhat broad/);
  });

  it('reports nothing for a tight policy, with a full score', () => {
    const r = probe(GET_ONLY);
    expect(r.extras).toEqual([]);
    expect(r).toMatchObject({ needed: 1, granted: 1, score: 100 });
    expect(r.label).toBe('Least privilege: your policies grant only what the task needs');
    expect(r.probed).toBeGreaterThan(0);
  });

  it('names single objects when a policy allows some keys of a bucket, not all', () => {
    const r = probe(
      policy(
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' },
        { Effect: 'Allow', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::data/a.txt' },
      ),
    );
    expect(r.extras.map((x) => x.text)).toEqual([
      'role App also allows s3:DeleteObject on arn:aws:s3:::data/a.txt',
    ]);
    expect(r.extras[0]?.grantedBy).toEqual(['Statement[1] in Permissions policy of role App']);
  });

  it('leaves out access that comes from documents the learner did not edit', () => {
    const input = readOnlyInput();
    const account = input.world.accounts[0];
    if (account === undefined) throw new Error('no account');
    account.users = [
      {
        name: 'alice',
        inlinePolicies: {
          everything: policy({ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }),
        },
      },
    ];
    const r = probe(GET_ONLY, input);
    expect(r.extras).toEqual([]);
    expect(r.score).toBe(100);
  });

  it('is deterministic', () => {
    expect(probe(S3_STAR_ON_DATA)).toEqual(probe(S3_STAR_ON_DATA));
  });

  it('does not report when a document cannot be installed', () => {
    const ex = exercise(readOnlyInput());
    expect(probeExercise(ex, { perms: '{ not json' }, [true, true])).toBeUndefined();
  });

  it('tries a key no check names, standing for new objects', () => {
    const r = probe(
      policy(
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/a.txt' },
        { Effect: 'Allow', Action: 's3:PutObject', Resource: `arn:aws:s3:::data/${NEW_KEY}` },
      ),
    );
    // a.txt is the needed read; PutObject is allowed only on the key no object has yet.
    expect(r.extras.map((x) => x.text)).toEqual([
      'role App also allows s3:PutObject on arn:aws:s3:::data/* (keys not in the bucket yet)',
    ]);
  });
});

describe('PROBE_ACTIONS', () => {
  /** Each curated action exists in the Service Authorization Reference with the resource type it is tried on. */
  const catalog = catalogJson as unknown as {
    services: Record<
      string,
      { prefix: string; actions: { name: string; resourceTypes: { name: string }[] }[] }
    >;
  };
  const RESOURCE_TYPE: Record<string, string> = {
    object: 'object',
    bucket: 'bucket',
    role: 'role',
    user: 'user',
  };
  for (const [service, actions] of Object.entries(PROBE_ACTIONS)) {
    it(`${service}: every action exists in the catalog with its resource type`, () => {
      const known = Object.values(catalog.services).find((s) => s.prefix === service);
      expect(known, service).toBeDefined();
      for (const [name, kind] of actions) {
        const action = known?.actions.find((a) => a.name === name);
        expect(action, `${service}:${name}`).toBeDefined();
        const type = RESOURCE_TYPE[kind];
        if (type !== undefined)
          expect(
            action?.resourceTypes.map((t) => t.name),
            `${service}:${name}`,
          ).toContain(type);
      }
    });
  }
});

describe('deciding statements in grade results', () => {
  it('names the Allow that granted a check in the learner document, with its range', () => {
    const perms = policy({
      Sid: 'ReadData',
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::data/*',
    });
    const r = gradeExercise(exercise(), { perms });
    const parsed = parsePolicy(perms, 'identity').policy;
    expect(r.checks[0]?.deciding).toEqual([
      {
        editable: 'perms',
        label: 'Permissions policy of role App',
        statementIndex: 0,
        sid: 'ReadData',
        effect: 'Allow',
        range: parsed === null ? undefined : statementRange(parsed, 0),
        text: 'Statement[0] (Sid "ReadData") in Permissions policy of role App',
      },
    ]);
    // alice is denied because nothing allows her: no statement decided, nothing to highlight.
    expect(r.checks[2]?.deciding).toBeUndefined();
  });

  it('names the Deny that denied a check', () => {
    const perms = policy(
      { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::data/*' },
      { Sid: 'NoDeletes', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
    );
    const r = gradeExercise(exercise(), { perms });
    expect(r.checks[1]?.passed).toBe(true);
    expect(r.checks[1]?.deciding?.map((d) => [d.effect, d.text])).toEqual([
      ['Deny', 'Statement[1] (Sid "NoDeletes") in Permissions policy of role App'],
    ]);
    expect(r.checks[1]?.deciding?.[0]?.range.startLine).toBeGreaterThan(
      r.checks[0]?.deciding?.[0]?.range.startLine ?? 99,
    );
  });

  it('does not point into a learner document for a decision made by a policy of the world', () => {
    const input = exerciseInput();
    const account = input.world.accounts[0];
    if (account === undefined) throw new Error('no account');
    account.users = [
      {
        name: 'alice',
        inlinePolicies: {
          reads: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
        },
      },
    ];
    input.checks = input.checks.map((c) =>
      c.description === 'alice cannot read a.txt'
        ? { ...c, description: 'alice reads a.txt', expect: 'allowed' as const }
        : c,
    );
    const r = gradeExercise(exercise(input), {
      perms: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' }),
    });
    expect(r.checks[2]?.passed).toBe(true);
    expect(r.checks[2]?.deciding).toBeUndefined();
  });
});
