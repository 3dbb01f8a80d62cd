/**
 * The export's other outputs, for every exercise's solution: the CloudFormation templates use
 * only documented resource types and properties, and every reference resolves; the simulate
 * calls parse as AWS CLI argument lists, and replayed in Rolelab's CLI (whose
 * simulate-custom-policy is Rolelab's own evaluation) print exactly the EvalDecision written
 * next to them. Plus the escaping, checked by real bash: policy variables such as
 * ${aws:username} stay literal, and a document containing the here-document delimiter still
 * arrives whole.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseExercise } from '../../../src/exercises/index.ts';
import type { Exercise } from '../../../src/exercises/index.ts';
import {
  CFN_PROPERTIES,
  exportExercise,
  exportWorld,
} from '../../../src/exercises/export/index.ts';
import { parseAws } from '../../../src/sim/cli/args.ts';
import { lexCommand } from '../../../src/sim/cli/shell/lex.ts';
import type { ParsedWorldSeed } from '../../../src/sim/world/seed-schema.ts';
import { replayBuild } from './replay.ts';

const dir = resolve(import.meta.dirname, '../../../content/exercises');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('_'));
const exercises: [string, Exercise][] = files.map((f) => {
  const parsed = parseExercise(JSON.parse(readFileSync(join(dir, f), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return [f, parsed.exercise];
});

/** Every `Ref` and `Fn::GetAtt` target and every `${Name}` of an `Fn::Sub` in a value. */
function references(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => references(v, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'Ref' && typeof v === 'string') out.push(v);
      else if (k === 'Fn::GetAtt' && Array.isArray(v)) out.push(String(v[0]));
      else if (k === 'Fn::Sub' && typeof v === 'string')
        for (const m of v.matchAll(/\$\{([^!}][^}]*)\}/g)) out.push(m[1] ?? '');
      else references(v, out);
    }
  }
  return out;
}

describe('CloudFormation templates', () => {
  for (const [file, exercise] of exercises) {
    it(`${file}: known types and properties, every reference resolves`, () => {
      const out = exportExercise(exercise, exercise.solution);
      expect(out.templates).toHaveLength(exercise.world.accounts.length);
      for (const t of out.templates) {
        const template = JSON.parse(t.text) as {
          Resources: Record<
            string,
            { Type: string; Properties?: Record<string, unknown>; DependsOn?: string[] }
          >;
          Parameters: Record<string, unknown>;
        };
        const names = new Set([
          ...Object.keys(template.Resources),
          ...Object.keys(template.Parameters),
        ]);
        for (const [id, r] of Object.entries(template.Resources)) {
          expect(id).toMatch(/^[A-Za-z0-9]+$/);
          const allowed = CFN_PROPERTIES[r.Type];
          expect(allowed, `${id}: ${r.Type}`).toBeDefined();
          for (const p of Object.keys(r.Properties ?? {}))
            expect(allowed, `${id}.${p}`).toContain(p);
          for (const d of r.DependsOn ?? []) expect(names, `${id} DependsOn ${d}`).toContain(d);
        }
        for (const ref of references(template.Resources))
          expect(names, `reference ${ref}`).toContain(ref);
      }
    });
  }

  it('keeps policy variables literal inside Fn::Sub', () => {
    const out = exportWorld({
      title: 'variables',
      seed: {
        accounts: [
          {
            id: '111122223333',
            users: [
              {
                name: 'ana',
                inlinePolicies: {
                  own: {
                    Version: '2012-10-17',
                    Statement: [
                      {
                        Effect: 'Allow',
                        Action: 'iam:GetUser',
                        Resource: 'arn:aws:iam::111122223333:user/${aws:username}',
                      },
                    ],
                  },
                },
              },
            ],
          },
        ],
      },
      documents: [],
    });
    const template = JSON.parse(out.templates[0]?.text ?? '{}') as {
      Resources: {
        UserAna: {
          Properties: { Policies: { PolicyDocument: { Statement: { Resource: unknown }[] } }[] };
        };
      };
    };
    expect(
      template.Resources.UserAna.Properties.Policies[0]?.PolicyDocument.Statement[0]?.Resource,
    ).toEqual({
      'Fn::Sub': 'arn:aws:iam::${Account1Id}:user/${!aws:username}',
    });
  });
});

describe('simulate calls', () => {
  for (const [file, exercise] of exercises) {
    it(`${file}: parse as CLI arguments and print the expected EvalDecision`, () => {
      const out = exportExercise(exercise, exercise.solution);
      const total = exercise.checks.length + (exercise.predict ?? []).length;
      expect(out.calls).toHaveLength(total);
      const env: Record<string, string> = { BUCKET_SUFFIX: '' };
      exercise.world.accounts.forEach((a, i) => (env[`ACCOUNT_${i + 1}`] = a.id));
      const commands = out.calls.filter((c) => c.command !== undefined);
      for (const c of out.calls)
        if (c.command === undefined) expect(c.notes.length).toBeGreaterThan(0);
      for (const c of commands) {
        const words = lexCommand((c.command ?? '').replace(/ \\\n\s*/g, ' '), env, () => '').words;
        expect(words[0]).toBe('aws');
        const parsed = parseAws(words.slice(1), () => '{"Version":"2012-10-17","Statement":[]}');
        expect('kind' in parsed && parsed.kind, c.command).toBe('api');
        if (!('kind' in parsed) || parsed.kind !== 'api') continue;
        expect(parsed.spec.operation).toBe('SimulateCustomPolicy');
        expect(Array.isArray(parsed.params['PolicyInputList'])).toBe(true);
        const entries = parsed.params['ContextEntries'] as
          { ContextKeyName: string; ContextKeyType: string }[] | undefined;
        for (const e of entries ?? [])
          expect(['string', 'ip', 'boolean']).toContain(e.ContextKeyType);
      }
      const replay = replayBuild(exercise.world, out.simulate.text);
      expect(replay.failed).toEqual([]);
      const printed = replay.outputs.map((o) => o.trim().split(/\s+/).pop());
      expect(printed).toEqual(commands.map((c) => c.expected));
    });
  }

  it('writes the expected decision next to each command and explains what cannot be simulated', () => {
    const ex = exercises.find(([f]) => f === 'decide-permissions-boundary.json')?.[1];
    if (ex === undefined) throw new Error('exercise missing');
    const out = exportExercise(ex, ex.solution);
    const denied = out.calls.find((c) => c.rolelab.startsWith('denied'));
    expect(denied?.expected).toBe('implicitDeny');
    expect(out.simulate.text).toContain('# Expected EvalDecision: implicitDeny');
    const trust = exercises.find(([f]) => f === 'ec2-trust-policy.json')?.[1];
    if (trust === undefined) throw new Error('exercise missing');
    const service = exportExercise(trust, trust.solution).calls.find(
      (c) => c.command === undefined,
    );
    expect(service?.notes.join(' ')).toMatch(/isn't supported for IAM roles/);
  });
});

describe('bash escaping (run by real bash with a stub aws)', () => {
  const tricky = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Own',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::photos/home/${aws:username}/*',
      },
      {
        Sid: 'Quote',
        Effect: 'Allow',
        Action: 'iam:GetUser',
        Resource: "arn:aws:iam::111122223333:user/it's-$HOME-`id`",
      },
    ],
  };
  const seed: ParsedWorldSeed = {
    accounts: [
      {
        id: '111122223333',
        roles: [
          {
            name: 'Reader',
            trustPolicy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
                  Action: 'sts:AssumeRole',
                },
              ],
            },
            tags: { team: "o'brien & co" },
          },
        ],
        buckets: [{ name: 'photos' }],
      },
    ],
  };
  const text = `${JSON.stringify(tricky, null, 2)}\nROLELAB_EOF`;

  it('writes documents byte for byte with ids and suffix filled in, and passes tags intact', () => {
    const out = exportWorld({
      title: 'escaping',
      seed,
      documents: [
        { id: 'p', kind: 'identity-policy', target: { role: 'Reader', policyName: 'p' }, text },
      ],
    });
    const work = mkdtempSync(join(tmpdir(), 'rolelab-export-'));
    writeFileSync(join(work, 'build.sh'), out.build.text);
    const stub = `aws() { printf '%s\\n' "$*" >> calls.log; }; export -f aws; export ACCOUNT_1=999988887777 BUCKET_SUFFIX=-x1; bash ./build.sh`;
    execFileSync('bash', ['-c', stub], { cwd: work, stdio: 'pipe' });
    const written = readFileSync(join(work, 'rolelab-policies/role-reader-p.json'), 'utf8');
    expect(written).toBe(
      `${text.replace('111122223333', '999988887777').replace('arn:aws:s3:::photos/', 'arn:aws:s3:::photos-x1/')}\n`,
    );
    const calls = readFileSync(join(work, 'calls.log'), 'utf8');
    expect(calls).toContain('s3api create-bucket --bucket photos-x1 --region us-east-1');
    expect(calls).toContain(`--tags [{"Key":"team","Value":"o'brien & co"}]`);
    expect(out.build.text).toContain("<<'ROLELAB_EOF_2'");
  });
});

describe('every exported script runs in real bash', () => {
  for (const [file, exercise] of exercises) {
    it(`${file}: build, cleanup and simulate pass bash -n and run end to end with a stub aws`, () => {
      const out = exportExercise(exercise, exercise.solution);
      const work = mkdtempSync(join(tmpdir(), 'rolelab-export-'));
      const env: Record<string, string> = {
        ...process.env,
        BUCKET_SUFFIX: '-t1',
        PATH: `${work}/bin:${process.env['PATH'] ?? ''}`,
      } as Record<string, string>;
      exercise.world.accounts.forEach(
        (_, i) => (env[`ACCOUNT_${i + 1}`] = String(100000000000 + i)),
      );
      // The stub logs each call; `zip` is stubbed too (the build zips a placeholder Lambda handler).
      const stub =
        'aws() { printf \'%s\\n\' "$*" >> calls.log; echo stub-id; }; zip() { :; }; export -f aws zip';
      for (const f of [out.build, out.cleanup, out.simulate]) {
        writeFileSync(join(work, f.name), f.text);
        execFileSync('bash', ['-n', f.name], { cwd: work, stdio: 'pipe' });
      }
      // A terminal task's typed commands may use files of the simulated laptop: syntax only.
      if (exercise.terminal !== undefined) return;
      const simulated = new RegExp(
        `\\{\\{|\\$\\{[A-Z_0-9]+\\}|${exercise.world.accounts.map((a) => a.id).join('|')}`,
      );
      execFileSync('bash', ['-c', `${stub}; bash ./build.sh`], { cwd: work, env, stdio: 'pipe' });
      // What reaches AWS (arguments and the policy files they point to) holds no token and none of
      // the simulator's account ids.
      const dir = join(work, 'rolelab-policies');
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')))
        expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(simulated);
      execFileSync('bash', ['-c', `${stub}; bash ./simulate.sh && bash ./cleanup.sh`], {
        cwd: work,
        env,
        stdio: 'pipe',
      });
      expect(readFileSync(join(work, 'calls.log'), 'utf8')).not.toMatch(simulated);
    });
  }
});
