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
import { PLAYGROUND_WORLD, PROD_ACCOUNT } from '../../../src/components/playground/world.ts';
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
      expect.arrayContaining(['bucket', 'managed', 'role-inline', 'trust']),
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
    const stub =
      'aws() { printf \'%s\\n\' "$*" >> calls.log; echo stub-id; }; zip() { :; }; export -f aws zip';
    execFileSync('bash', ['-c', `${stub}; bash ./build.sh`], { cwd: work, env, stdio: 'pipe' });
    const simulated = new RegExp(`\\{\\{|${PLAYGROUND_WORLD.accounts.map((a) => a.id).join('|')}`);
    const calls = readFileSync(join(work, 'calls.log'), 'utf8');
    expect(calls).not.toMatch(simulated);
    // The SCP's id came from the lookup (the stub answers stub-id) and bash kept the query whole.
    expect(calls).toMatch(/^organizations list-policies --filter SERVICE_CONTROL_POLICY --query Policies\[\?Name==`"[^"]+"`\]\.Id \| \[0\] --output text$/m);
    expect(calls).toMatch(/^organizations update-policy --policy-id stub-id --content file:\/\/rolelab-policies\/scp-/m);
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
