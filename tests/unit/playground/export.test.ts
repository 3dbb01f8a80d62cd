/**
 * The Playground's "On a real AWS account": its starting world, the typed commands, then every
 * changed document set to its final text — run by real bash with a stub `aws`, so the order and
 * the quoting are what a learner would run.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorld } from '../../../src/sim/world/create.ts';
import { applyDocument, worldDocuments } from '../../../src/components/playground/documents.ts';
import { changedDocuments } from '../../../src/components/playground/share.ts';
import { editFor, playgroundExportInput } from '../../../src/components/playground/export.ts';
import {
  DEV_ACCOUNT,
  PLAYGROUND_WORLD,
  PROD_ACCOUNT,
} from '../../../src/components/playground/world.ts';
import { exportWorld } from '../../../src/exercises/export/index.ts';

const fresh = () => createWorld(PLAYGROUND_WORLD);

/** A changed document of each kind the Playground has: its text gets a marker Sid. */
function withChanges() {
  const world = fresh();
  const picked = new Map<string, string>();
  for (const d of worldDocuments(world)) {
    const kind = d.id.split(':')[0] ?? '';
    if (picked.has(kind) || d.text.trim() === '') continue;
    const doc = JSON.parse(d.text) as { Statement: Record<string, unknown>[] };
    doc.Statement = doc.Statement.map((st, i) =>
      i === 0 ? { ...st, Sid: `Changed${kind.replace(/[^a-z]/gi, '')}` } : st,
    );
    const text = JSON.stringify(doc, null, 2);
    const outcome = applyDocument(world, d.id, text);
    if (outcome.ok) picked.set(kind, d.id);
  }
  return { world, picked };
}

describe('Playground export', () => {
  it('sets every changed document last, with the command that sets it on AWS, after the typed commands', () => {
    const { world, picked } = withChanges();
    expect([...picked.keys()].sort()).toEqual(
      expect.arrayContaining(['bucket', 'lambda', 'managed', 'role-inline', 'trust']),
    );
    const changed = changedDocuments(world, fresh());
    expect(Object.keys(changed).sort()).toEqual([...picked.values()].sort());
    const out = exportWorld(playgroundExportInput(world, ['aws sts get-caller-identity'], changed));
    const build = out.build.text;
    const typedAt = build.indexOf('aws sts get-caller-identity');
    const editsAt = build.indexOf('== Documents you changed');
    expect(typedAt).toBeGreaterThan(0);
    expect(editsAt).toBeGreaterThan(typedAt);
    const edits = build.slice(editsAt);
    expect(edits).toMatch(
      /aws iam update-assume-role-policy --role-name \S+ --policy-document file:\/\/rolelab-policies\//,
    );
    expect(edits).toMatch(
      /aws iam put-role-policy --role-name \S+ --policy-name \S+ --policy-document file:\/\//,
    );
    expect(edits).toMatch(
      /aws iam create-policy-version --policy-arn "arn:aws:iam::\$\{ACCOUNT_\d\}:policy\/\S+" --set-as-default --policy-document file:\/\//,
    );
    expect(edits).toMatch(
      /aws s3api put-bucket-policy --bucket "acme-[a-z-]+\$\{BUCKET_SUFFIX\}" --policy file:\/\//,
    );
    // An SCP is updated under the id the real organization gave it, looked up by its name.
    expect(picked.has('org')).toBe(true);
    expect(edits).toMatch(
      /POLICY_ID_\w+="\$\(aws organizations list-policies --filter SERVICE_CONTROL_POLICY --query 'Policies\[\?Name==`"[^"]+"`\]\.Id \| \[0\]' --output text\)"\naws organizations update-policy --policy-id "\$POLICY_ID_\w+" --content file:\/\/rolelab-policies\//,
    );
    for (const kind of picked.keys())
      expect(edits).toContain(`Changed${kind.replace(/[^a-z]/gi, '')}`);
  });

  it('runs in bash and sends AWS no simulated account id', () => {
    const { world } = withChanges();
    const out = exportWorld(playgroundExportInput(world, [], changedDocuments(world, fresh())));
    const work = mkdtempSync(join(tmpdir(), 'rolelab-pg-export-'));
    writeFileSync(join(work, 'build.sh'), out.build.text);
    execFileSync('bash', ['-n', 'build.sh'], { cwd: work, stdio: 'pipe' });
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      BUCKET_SUFFIX: '-t1',
    };
    PLAYGROUND_WORLD.accounts.forEach(
      (_, i) => (env[`ACCOUNT_${i + 1}`] = String(100000000000 + i)),
    );
    // The stub fails every remove-permission, as AWS does when there is nothing to remove: the
    // script (set -e) must go on to the add-permission after it.
    const stub =
      'aws() { printf \'%s\\n\' "$*" >> calls.log; [ "$2" = remove-permission ] && return 1; echo stub-id; }; zip() { :; }; export -f aws zip';
    execFileSync('bash', ['-c', `${stub}; bash ./build.sh`], { cwd: work, env, stdio: 'pipe' });
    const simulated = new RegExp(`\\{\\{|${PLAYGROUND_WORLD.accounts.map((a) => a.id).join('|')}`);
    const calls = readFileSync(join(work, 'calls.log'), 'utf8');
    expect(calls).not.toMatch(simulated);
    // The SCP's id came from the lookup (the stub answers stub-id) and bash kept the query whole.
    expect(calls).toMatch(/^organizations list-policies --filter SERVICE_CONTROL_POLICY --query Policies\[\?Name==`"[^"]+"`\]\.Id \| \[0\] --output text$/m);
    expect(calls).toMatch(/^organizations update-policy --policy-id stub-id --content file:\/\/rolelab-policies\/scp-/m);
    // The function policy changed one statement: its old Sid and the new one are removed, then
    // the new one is added.
    expect(calls).toMatch(
      /^lambda remove-permission --function-name monthly-report --statement-id MonthlySchedule --region us-east-1\nlambda remove-permission --function-name monthly-report --statement-id Changedlambda --region us-east-1\nlambda add-permission --function-name monthly-report --statement-id Changedlambda --action lambda:InvokeFunction --principal events\.amazonaws\.com --source-arn arn:aws:events:us-east-1:100000000002:rule\/monthly-report --region us-east-1$/m,
    );
    for (const f of readdirSync(join(work, 'rolelab-policies')).filter((n) => n.endsWith('.json')))
      expect(readFileSync(join(work, 'rolelab-policies', f), 'utf8'), f).not.toMatch(simulated);
  });

  it('knows no command for an id it does not recognise', () => {
    expect(editFor(fresh(), 'nonsense:1:2', '{}')).toBeNull();
    expect(editFor(fresh(), `trust:${PROD_ACCOUNT}:DeployRole`, '{}')?.apply?.command).toBe(
      'update-assume-role-policy',
    );
  });
});

const FUNCTION_ID = `lambda:arn:aws:lambda:us-east-1:${PROD_ACCOUNT}:function:monthly-report`;

/** The Playground's function policy, parsed. */
function functionPolicy(): { Statement: Record<string, unknown>[] } {
  const doc = worldDocuments(fresh()).find((d) => d.id === FUNCTION_ID);
  return JSON.parse(doc?.text ?? '') as { Statement: Record<string, unknown>[] };
}

/**
 * The build.sh lines that set the function policy after `change` edits it in the Playground (or
 * clears it, when `change` returns '').
 */
function functionPolicyLines(
  change: (doc: { Statement: Record<string, unknown>[] }) => void | string,
) {
  const world = fresh();
  const doc = functionPolicy();
  const text = change(doc) ?? JSON.stringify(doc, null, 2);
  expect(applyDocument(world, FUNCTION_ID, text).ok).toBe(true);
  const changed = changedDocuments(world, fresh());
  expect(Object.keys(changed)).toEqual([FUNCTION_ID]);
  const build = exportWorld(playgroundExportInput(world, [], changed)).build.text;
  return build.slice(build.indexOf('== Documents you changed')).split('\n');
}

const lambdaCalls = (lines: string[]) => lines.filter((l) => l.startsWith('aws lambda '));

describe('Playground export of a function policy', () => {
  it('adds a new statement with one add-permission', () => {
    const lines = functionPolicyLines((doc) => {
      doc.Statement.push({
        Sid: 'DevInvoke',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${DEV_ACCOUNT}:root` },
        Action: 'lambda:InvokeFunction',
        Resource: `arn:aws:lambda:us-east-1:${PROD_ACCOUNT}:function:monthly-report`,
        Condition: { StringEquals: { 'AWS:SourceAccount': DEV_ACCOUNT } },
      });
    });
    expect(lambdaCalls(lines)).toEqual([
      // Removed first in case the terminal already added it: add-permission refuses a duplicate Sid.
      'aws lambda remove-permission --function-name monthly-report --statement-id DevInvoke --region us-east-1 || true',
      'aws lambda add-permission --function-name monthly-report --statement-id DevInvoke --action lambda:InvokeFunction --principal "arn:aws:iam::${ACCOUNT_2}:root" --source-account "${ACCOUNT_2}" --region us-east-1',
    ]);
    // Commands, not a document to set by hand.
    expect(lines.join('\n')).not.toMatch(/MANUAL STEP|function-policy-monthly-report\.json/);
  });

  it('changes a statement by removing its Sid, then adding it again', () => {
    const lines = functionPolicyLines((doc) => {
      const st = doc.Statement[0];
      if (st !== undefined) st['Principal'] = { Service: 's3.amazonaws.com' };
    });
    expect(lambdaCalls(lines)).toEqual([
      'aws lambda remove-permission --function-name monthly-report --statement-id MonthlySchedule --region us-east-1 || true',
      `aws lambda add-permission --function-name monthly-report --statement-id MonthlySchedule --action lambda:InvokeFunction --principal s3.amazonaws.com --source-arn "arn:aws:events:us-east-1:\${ACCOUNT_3}:rule/monthly-report" --region us-east-1`,
    ]);
  });

  it('removes a deleted statement and adds nothing', () => {
    // The only statement: deleting it leaves the editor empty, a function without a policy.
    const lines = functionPolicyLines(() => '');
    expect(lambdaCalls(lines)).toEqual([
      'aws lambda remove-permission --function-name monthly-report --statement-id MonthlySchedule --region us-east-1 || true',
    ]);
  });

  it('leaves a statement add-permission cannot express as a MANUAL STEP with its JSON', () => {
    const wide = {
      Effect: 'Allow',
      Principal: { Service: 'sns.amazonaws.com' },
      Action: 'lambda:*',
      Resource: `arn:aws:lambda:us-east-1:${PROD_ACCOUNT}:function:monthly-report`,
    };
    const lines = functionPolicyLines((doc) => {
      doc.Statement.push(wide);
    });
    // Only the tolerant removal of the Sid it would have had.
    expect(lambdaCalls(lines)).toEqual(['aws lambda remove-permission --function-name monthly-report --statement-id statement-2 --region us-east-1 || true']);
    const text = lines.join('\n');
    expect(text).toContain(
      // The statement has the id the Playground stored it under, as Lambda's GetPolicy would show.
      '# MANUAL STEP: statement 2 cannot be added with add-permission (add-permission takes exactly one action, without wildcards):\n# {\n#   "Sid": "statement-2",\n#   "Effect": "Allow",',
    );
  });

  it('names a statement without a Sid apart from an explicit Sid of the same name, in the world and the export', () => {
    const invoke = (from: string) => ({
      Effect: 'Allow',
      Principal: { Service: from },
      Action: 'lambda:InvokeFunction',
      Resource: `arn:aws:lambda:us-east-1:${PROD_ACCOUNT}:function:monthly-report`,
    });
    const world = fresh();
    const doc = functionPolicy();
    // Statement 2 has no Sid; statement 3's Sid is the name statement 2 would get.
    doc.Statement.push(invoke('s3.amazonaws.com'), { Sid: 'statement-2', ...invoke('sns.amazonaws.com') });
    expect(applyDocument(world, FUNCTION_ID, JSON.stringify(doc, null, 2)).ok).toBe(true);
    const fn = Object.values(world.lambda.functions).find((f) => f.functionName === 'monthly-report');
    expect(fn?.policy?.map((s) => s.Sid)).toEqual(['MonthlySchedule', 'statement-2-2', 'statement-2']);

    const build = exportWorld(playgroundExportInput(world, [], changedDocuments(world, fresh()))).build.text;
    const lines = build.slice(build.indexOf('== Documents you changed')).split('\n');
    expect(lambdaCalls(lines)).toEqual([
      'aws lambda remove-permission --function-name monthly-report --statement-id statement-2-2 --region us-east-1 || true',
      'aws lambda remove-permission --function-name monthly-report --statement-id statement-2 --region us-east-1 || true',
      'aws lambda add-permission --function-name monthly-report --statement-id statement-2-2 --action lambda:InvokeFunction --principal s3.amazonaws.com --region us-east-1',
      'aws lambda add-permission --function-name monthly-report --statement-id statement-2 --action lambda:InvokeFunction --principal sns.amazonaws.com --region us-east-1',
    ]);
  });

  it('keeps the file and a MANUAL STEP when the text is not JSON', () => {
    const original = worldDocuments(fresh()).find((d) => d.id === FUNCTION_ID)?.text;
    const edit = editFor(fresh(), FUNCTION_ID, '{ not json', original);
    expect(edit?.steps).toBeUndefined();
    expect(edit?.apply).toBeUndefined();
    const input = playgroundExportInput(fresh(), [], {});
    const build = exportWorld({ ...input, finalEdits: edit === null ? [] : [edit] }).build.text;
    expect(build).toContain("cat > rolelab-policies/function-policy-monthly-report.json <<'");
    expect(build).toContain(
      '# MANUAL STEP: function-policy-monthly-report is written to rolelab-policies/function-policy-monthly-report.json; set it by hand.',
    );
    expect(build).not.toContain('aws lambda remove-permission');
  });
});
