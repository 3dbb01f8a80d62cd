/** Playground documents, the evaluation explorer and links: checked before anything is written. */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/world/create.ts';
import { restore, snapshot } from '../../../src/sim/world/snapshot.ts';
import { applyDocument, worldDocuments } from '../../../src/components/playground/documents.ts';
import { explore } from '../../../src/components/playground/evaluate.ts';
import { principalOptions } from '../../../src/components/playground/principals.ts';
import {
  changedDocuments,
  decodePlayground,
  encodePlayground,
  playgroundShare,
} from '../../../src/components/playground/share.ts';
import { runLine } from '../../../src/sim/cli/shell/run-line.ts';
import { packJson } from '../../../src/lib/share-state.ts';
import { freshState } from '../../../src/components/playground/store.ts';
import { PLAYGROUND_WORLD } from '../../../src/components/playground/world.ts';

const fresh = () => createWorld(PLAYGROUND_WORLD);
const REPORT = 'arn:aws:s3:::acme-prod-reports/reports/2026-02.csv';

describe('Playground documents', () => {
  it('lists every kind of document with the parser kind that checks it', () => {
    const kinds = new Map(worldDocuments(fresh()).map((d) => [d.id.split(':')[0], d.kind]));
    expect(Object.fromEntries(kinds)).toEqual({
      org: 'scp',
      trust: 'role-trust',
      'role-inline': 'identity',
      'user-inline': 'identity',
      'group-inline': 'identity',
      managed: 'boundary',
      bucket: 's3-bucket',
      lambda: 'lambda-function',
    });
  });

  it('rejects an invalid document with the validator’s message and changes nothing', () => {
    const w = fresh();
    const before = snapshot(w);
    const bad = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }],
    });
    const outcome = applyDocument(w, 'trust:333333333333:ProdAdmin', bad);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.join(' ')).toMatch(/Principal/);
    expect(
      applyDocument(w, 'bucket:acme-prod-assets', '{"Version": "2012-10-17", "Statement": ['),
    ).toMatchObject({ ok: false });
    expect(snapshot(w)).toBe(before);
  });

  it('refuses a bucket policy naming another bucket, as S3 does', () => {
    const w = fresh();
    const other = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::222222222222:root' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::someone-else/*',
        },
      ],
    });
    expect(applyDocument(w, 'bucket:acme-prod-reports', other)).toMatchObject({ ok: false });
  });

  it('writes a function policy back as statements', () => {
    const w = fresh();
    const id = 'lambda:arn:aws:lambda:us-east-1:333333333333:function:monthly-report';
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'S3',
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: 'lambda:InvokeFunction',
          Resource: 'arn:aws:lambda:us-east-1:333333333333:function:monthly-report',
        },
      ],
    });
    expect(applyDocument(w, id, text)).toEqual({ ok: true });
    expect(
      w.lambda.functions['arn:aws:lambda:us-east-1:333333333333:function:monthly-report']?.policy[0]
        ?.Sid,
    ).toBe('S3');
  });
});

describe('the evaluation explorer', () => {
  it('allows alice to read the reports across accounts, and explains with the deciding statements', () => {
    const got = explore(fresh(), {
      principal: 'user:222222222222:alice',
      action: 's3:GetObject',
      resource: REPORT,
    });
    if ('problem' in got) throw new Error(got.problem);
    expect(got.result.decision).toBe('Allow');
    expect(got.result.deciding.map((d) => d.source).sort()).toEqual(['identity', 'resource']);
  });

  it('denies bob implicitly, and an insecure request explicitly', () => {
    const w = fresh();
    const bob = explore(w, {
      principal: 'user:222222222222:bob',
      action: 's3:GetObject',
      resource: REPORT,
    });
    expect('result' in bob && bob.result.decision).toBe('ImplicitDeny');
    const http = explore(w, {
      principal: 'role:333333333333:WebServerRole',
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::acme-prod-assets/css/site.css',
      context: { 'aws:SecureTransport': 'false' },
    });
    expect('result' in http && http.result.decision).toBe('ExplicitDeny');
  });

  it('evaluates AssumeRole against the trust policy, with context keys the learner adds', () => {
    const w = fresh();
    const ask = (context: Record<string, string>) =>
      explore(w, {
        principal: 'user:222222222222:alice',
        action: 'sts:AssumeRole',
        resource: 'arn:aws:iam::333333333333:role/ProdAdmin',
        context,
      });
    const plain = ask({});
    const mfa = ask({ 'aws:MultiFactorAuthPresent': 'true' });
    expect('result' in plain && plain.result.decision).toBe('ImplicitDeny');
    expect('result' in mfa && mfa.result.decision).toBe('Allow');
    expect('result' in mfa && mfa.result.steps.some((s) => s.step === 'trust-policy')).toBe(true);
  });

  it('answers service principals and anonymous callers from resource policies only', () => {
    const w = fresh();
    const ec2 = explore(w, {
      principal: 'service:ec2.amazonaws.com',
      action: 'sts:AssumeRole',
      resource: 'arn:aws:iam::333333333333:role/WebServerRole',
    });
    expect('result' in ec2 && ec2.result.decision).toBe('Allow');
    const anon = explore(w, { principal: 'anonymous', action: 's3:GetObject', resource: REPORT });
    expect('result' in anon && anon.result.decision).toBe('ImplicitDeny');
  });

  it('says what is wrong with a malformed question instead of deciding', () => {
    const w = fresh();
    expect(
      explore(w, { principal: 'user:222222222222:alice', action: 'GetObject', resource: REPORT }),
    ).toMatchObject({ problem: expect.stringMatching(/service:Action/) });
    expect(
      explore(w, {
        principal: 'user:222222222222:alice',
        action: 's3:GetObject',
        resource: 'my-bucket',
      }),
    ).toMatchObject({ problem: expect.stringMatching(/ARN/) });
    expect(
      explore(w, {
        principal: 'user:222222222222:nobody',
        action: 's3:GetObject',
        resource: REPORT,
      }),
    ).toMatchObject({ problem: expect.stringMatching(/no user/) });
  });

  it('offers users, roles, root users, services and anonymous', () => {
    const values = principalOptions(fresh()).map((p) => p.value);
    expect(values).toEqual(
      expect.arrayContaining([
        'user:222222222222:alice',
        'role:333333333333:DeployRole',
        'root:111111111111',
        'service:ec2.amazonaws.com',
        'anonymous',
      ]),
    );
  });
});

describe('Playground links', () => {
  it('see no change in a world that was only saved and restored (its keys come back sorted)', () => {
    const restored = restore(snapshot(fresh()));
    expect(changedDocuments(restored, fresh())).toEqual({});
    const lambda = (w: ReturnType<typeof fresh>) =>
      worldDocuments(w).find((d) => d.kind === 'lambda-function')?.text;
    expect(lambda(restored)).toBe(lambda(fresh()));
    expect(JSON.parse(lambda(restored) ?? '{}')).toMatchObject({
      Version: '2012-10-17',
      Id: 'default',
    });
    expect(
      Object.keys(
        (JSON.parse(lambda(restored) ?? '{}') as { Statement: object[] }).Statement[0] ?? {},
      )[0],
    ).toBe('Sid');
  });

  it('carry the changed documents and open them on a fresh world', async () => {
    const state = freshState();
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::222222222222:root' },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    applyDocument(state.session.world, 'trust:333333333333:ProdAdmin', trust);
    const changed = changedDocuments(state.session.world, fresh());
    expect(Object.keys(changed)).toEqual(['trust:333333333333:ProdAdmin']);
    const opened = await decodePlayground(
      `#${await encodePlayground({ commands: [], files: {}, documents: changed })}`,
      freshState,
    );
    if (opened === null || 'problem' in opened) throw new Error('link did not open');
    expect(opened.documents).toEqual(['trust:333333333333:ProdAdmin']);
    expect(
      worldDocuments(opened.state.session.world).find(
        (d) => d.id === 'trust:333333333333:ProdAdmin',
      )?.text,
    ).toBe(trust);
  });

  it('are refused when they name unknown documents, carry invalid ones, or are not Playground links', async () => {
    const link = async (value: unknown) =>
      decodePlayground(`#state=${await packJson(value)}`, freshState);
    expect(
      await link({ v: 1, k: 'playground', d: { 'trust:999999999999:Evil': '{}' } }),
    ).toMatchObject({ problem: expect.stringMatching(/does not have/) });
    expect(
      await link({
        v: 1,
        k: 'playground',
        d: { 'trust:333333333333:ProdAdmin': '{"Statement": []' },
      }),
    ).toMatchObject({ problem: expect.stringMatching(/not valid/) });
    expect(await link({ v: 1, e: 'some-exercise', d: {} })).toMatchObject({
      problem: expect.stringMatching(/not a Playground link/),
    });
    expect(await decodePlayground('#state=%%%', freshState)).toMatchObject({
      problem: expect.stringMatching(/damaged/),
    });
    expect(await decodePlayground('#top', freshState)).toBeNull();
  });

  it('carry a v1 link (documents only) as before', async () => {
    const trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":"sts:AssumeRole"}]}';
    const opened = await decodePlayground(
      `#state=${await packJson({ v: 1, k: 'playground', d: { 'trust:333333333333:ProdAdmin': trust } })}`,
      freshState,
    );
    if (opened === null || 'problem' in opened) throw new Error('link did not open');
    expect(opened).toMatchObject({ documents: ['trust:333333333333:ProdAdmin'], commands: 0 });
  });
});

describe('Playground links with terminal work', () => {
  const TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
  const typed = (lines: string[]) => {
    const state = freshState();
    for (const line of lines) runLine(state.session, line);
    return state;
  };
  const open = async (state: ReturnType<typeof freshState>) => {
    const opened = await decodePlayground(`#${await encodePlayground(playgroundShare(state, freshState))}`, freshState);
    if (opened === null || 'problem' in opened) throw new Error(`link did not open: ${JSON.stringify(opened)}`);
    return opened;
  };
  const ids = (state: ReturnType<typeof freshState>) => worldDocuments(state.session.world).map((d) => d.id);

  it('replay what was typed: a role made from a here-document file exists on the other side', async () => {
    const mine = typed([
      "cat > trust.json <<'EOF'",
      TRUST,
      'EOF',
      'aws iam create-role --role-name Builder --assume-role-policy-document file://trust.json --profile prod',
    ]);
    const share = playgroundShare(mine, freshState);
    expect(share.commands).toHaveLength(4);
    expect(share.documents).toEqual({});
    expect(share.lost).toEqual([]);
    const theirs = await open(mine);
    expect(theirs.commands).toBe(4);
    expect(ids(theirs.state).filter((id) => id.includes('Builder'))).toEqual(ids(mine).filter((id) => id.includes('Builder')));
    expect(ids(theirs.state).some((id) => id.includes('Builder'))).toBe(true);
    expect(theirs.state.session.history.slice(-4)).toEqual(share.commands);
    expect(theirs.state.log.at(-1)?.text).toMatch(/Replayed 4 lines from a shared link/);
  });

  it('carry an editor change to a role the terminal made, and a file written in the policy editor', async () => {
    const mine = typed([
      'edit trust.json',
      'aws iam create-role --role-name Builder --assume-role-policy-document file://trust.json --profile prod',
    ]);
    // The page's editor wrote the file before the second line ran; here it is written after, as a later edit would be.
    const laptop = mine.session.hosts['laptop'];
    if (laptop === undefined) throw new Error('no laptop');
    laptop.files[`${laptop.home}/trust.json`] = TRUST;
    runLine(mine.session, 'aws iam create-role --role-name Builder --assume-role-policy-document file://trust.json --profile prod');
    const builderTrust = ids(mine).find((id) => id.startsWith('trust:') && id.endsWith(':Builder'));
    if (builderTrust === undefined) throw new Error('the role was not made');
    const wider = TRUST.replace('ec2.amazonaws.com', 'lambda.amazonaws.com');
    expect(applyDocument(mine.session.world, builderTrust, wider).ok).toBe(true);
    const share = playgroundShare(mine, freshState);
    expect(Object.keys(share.files)).toContain(`${laptop.home}/trust.json`);
    expect(share.documents).toEqual({ [builderTrust]: wider });
    const theirs = await open(mine);
    expect(worldDocuments(theirs.state.session.world).find((d) => d.id === builderTrust)?.text).toBe(wider);
    expect(theirs.state.session.hosts['laptop']?.files[`${laptop.home}/trust.json`]).toBe(TRUST);
  });

  it('replay a here-document whole, even a body line that looks like an editor command', async () => {
    const mine = typed(["cat > notes.txt <<'EOF'", 'edit this later', 'aws configure', 'EOF']);
    const theirs = await open(mine);
    const home = theirs.state.session.hosts['laptop']?.home ?? '';
    expect(theirs.state.session.hosts['laptop']?.files[`${home}/notes.txt`]).toBe('edit this later\naws configure\n');
    expect(theirs.state.session.pending).toBeNull();
    // Every line ran (the file itself travels too, so the history is what shows it).
    expect(theirs.state.session.history.slice(-4)).toEqual(["cat > notes.txt <<'EOF'", 'edit this later', 'aws configure', 'EOF']);
  });

  it('say which documents a replay cannot bring back', () => {
    const mine = freshState();
    // Made without a line in the history (as a line that needed an MFA code would leave it).
    runLine(mine.session, "aws iam create-role --role-name Ghost --assume-role-policy-document '" + TRUST + "' --profile prod");
    mine.session.history.pop();
    const share = playgroundShare(mine, freshState);
    expect(share.lost.some((id) => id.endsWith(':Ghost'))).toBe(true);
  });

  it('are refused when their lines or files are not what Rolelab replays', async () => {
    const link = async (value: unknown) => decodePlayground(`#state=${await packJson(value)}`, freshState);
    const base = { v: 2, k: 'playground', d: {} };
    expect(await link({ ...base, c: 'aws s3 ls' })).toMatchObject({ problem: expect.stringMatching(/not a list/) });
    expect(await link({ ...base, c: ['aws s3 ls\naws iam list-users'] })).toMatchObject({ problem: expect.stringMatching(/cannot replay/) });
    expect(await link({ ...base, c: Array.from({ length: 1001 }, () => 'ls') })).toMatchObject({ problem: expect.stringMatching(/not a list/) });
    expect(await link({ ...base, f: { 'trust.json': '{}' } })).toMatchObject({ problem: expect.stringMatching(/not a file path/) });
    expect(await link({ ...base, f: { '/home/a/../../etc/x': '{}' } })).toMatchObject({ problem: expect.stringMatching(/not a file path/) });
    expect(await link({ ...base, f: { '/home/a/x.json': 42 } })).toMatchObject({ problem: expect.stringMatching(/not a text file/) });
    expect(await link({ ...base, v: 3 })).toMatchObject({ problem: expect.stringMatching(/another version/) });
  });
});
