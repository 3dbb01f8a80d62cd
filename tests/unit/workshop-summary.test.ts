import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildSummary,
  canonicalAnswerText,
  CHECKSUM_MEANING,
  commandsFromTerminal,
  formatLength,
  formatOffset,
  sha256Hex,
  shortChecksum,
  startOffsets,
  storedAnswers,
  summaryText,
} from '../../src/lib/workshop-summary.ts';
import type { SummaryExercise } from '../../src/lib/workshop-summary.ts';
import type { Progress } from '../../src/stores/progress.ts';

const policy: SummaryExercise = {
  id: 'ec2-trust-policy',
  title: 'Let EC2 assume',
  editables: ['trust'],
  terminal: false,
  prediction: false,
};
const cli: SummaryExercise = {
  id: 'ec2-cli-instance-role',
  title: 'From the CLI',
  editables: [],
  terminal: true,
  prediction: false,
};
const predict: SummaryExercise = {
  id: 'predict-who-gets-in',
  title: 'Predict',
  editables: [],
  terminal: false,
  prediction: true,
};

const progress: Progress = {
  version: 1,
  exercises: {
    'ec2-trust-policy': {
      attempts: 3,
      solvedAt: '2026-11-29T10:15:00.000Z',
      lastAt: '2026-11-29T10:15:00.000Z',
    },
    'ec2-cli-instance-role': { attempts: 1, lastAt: '2026-11-29T10:20:00.000Z' },
  },
};
const documents = {
  'ec2-trust-policy/trust': '{"Version":"2012-10-17"}',
  'predict-who-gets-in/predictions': '{"q1":"allowed"}',
  'other/x': 'ignored',
};
const terminalRaw = JSON.stringify({
  version: 1,
  world: '…',
  log: [
    { kind: 'input', text: '$ aws iam create-role --role-name S3ReadRole' },
    { kind: 'stdout', text: '{ "Role": … }' },
    { kind: 'input', text: '$ aws iam list-roles' },
  ],
});

const make = (docs = documents, prog = progress) =>
  buildSummary(
    { id: 'intro-90', title: 'Intro' },
    [policy, cli, predict],
    prog,
    docs,
    { 'ec2-cli-instance-role': terminalRaw },
    new Date('2026-11-29T11:00:00.000Z'),
  );

describe('sha256Hex', () => {
  it('matches Node’s SHA-256', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await sha256Hex('rôle ✓')).toBe(
      createHash('sha256').update('rôle ✓', 'utf8').digest('hex'),
    );
  });
});

describe('stored answers', () => {
  it('takes edited documents, marks untouched ones as the starter, and reads typed commands only', () => {
    expect(storedAnswers(policy, documents, null)).toEqual({
      documents: { trust: '{"Version":"2012-10-17"}' },
      commands: null,
    });
    expect(storedAnswers(policy, {}, null)).toEqual({ documents: { trust: null }, commands: null });
    expect(storedAnswers(cli, {}, terminalRaw).commands).toEqual([
      '$ aws iam create-role --role-name S3ReadRole',
      '$ aws iam list-roles',
    ]);
  });

  it('treats an unreadable terminal save as no commands', () => {
    expect(commandsFromTerminal('{oops')).toBeNull();
    expect(commandsFromTerminal('{"log":7}')).toBeNull();
    expect(commandsFromTerminal(null)).toBeNull();
  });

  it('writes the same canonical text whatever the key order', () => {
    const a = canonicalAnswerText('x', null, { documents: { b: '2', a: '1' }, commands: null });
    const b = canonicalAnswerText('x', null, { documents: { a: '1', b: '2' }, commands: null });
    expect(a).toBe(b);
  });
});

describe('buildSummary', () => {
  it('lists each exercise with its solve state, time and a checksum of its answers', async () => {
    const s = await make();
    expect(s.rows.map((r) => [r.id, r.solved, r.solvedAt, r.attempts])).toEqual([
      ['ec2-trust-policy', true, '2026-11-29T10:15:00.000Z', 3],
      ['ec2-cli-instance-role', false, null, 1],
      ['predict-who-gets-in', false, null, 0],
    ]);
    expect(s.solvedCount).toBe(1);
    for (const r of s.rows) expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(s.rows[0]?.checksum).toBe(
      await sha256Hex(
        canonicalAnswerText('ec2-trust-policy', '2026-11-29T10:15:00.000Z', {
          documents: { trust: '{"Version":"2012-10-17"}' },
          commands: null,
        }),
      ),
    );
    // A prediction exercise's answers are its saved choices.
    expect(s.rows[2]?.checksum).toBe(
      await sha256Hex(
        canonicalAnswerText('predict-who-gets-in', null, {
          documents: { predictions: '{"q1":"allowed"}' },
          commands: null,
        }),
      ),
    );
  });

  it('gives the same checksums for the same answers, whenever it is made', async () => {
    const a = await make();
    const b = await buildSummary(
      { id: 'intro-90', title: 'Intro' },
      [policy, cli, predict],
      progress,
      { ...documents },
      { 'ec2-cli-instance-role': terminalRaw },
      new Date('2030-01-01T00:00:00.000Z'),
    );
    expect(b.overall).toBe(a.overall);
    expect(b.rows.map((r) => r.checksum)).toEqual(a.rows.map((r) => r.checksum));
  });

  it('changes the row and overall checksums when an answer or a solve time changes', async () => {
    const a = await make();
    const edited = await make({
      ...documents,
      'ec2-trust-policy/trust': '{"Version":"2012-10-17" }',
    });
    expect(edited.rows[0]?.checksum).not.toBe(a.rows[0]?.checksum);
    expect(edited.rows[1]?.checksum).toBe(a.rows[1]?.checksum);
    expect(edited.overall).not.toBe(a.overall);
    const later = await make(documents, {
      ...progress,
      exercises: {
        ...progress.exercises,
        'ec2-trust-policy': { attempts: 3, solvedAt: '2026-11-29T10:16:00.000Z' },
      },
    });
    expect(later.overall).not.toBe(a.overall);
  });
});

describe('summaryText', () => {
  it('is plain text with each exercise, local and ISO times, short checksums, and what the checksum proves', async () => {
    const s = await make();
    const text = summaryText(s, (iso) => `LOCAL(${iso.slice(11, 16)})`);
    expect(text).toContain('Rolelab workshop: Intro (intro-90)');
    expect(text).toContain('Solved 1 of 3 exercises');
    expect(text).toContain(
      `[x] ec2-trust-policy: Let EC2 assume\n    solved LOCAL(10:15) (2026-11-29T10:15:00.000Z); checksum ${shortChecksum(s.rows[0]?.checksum ?? '')}`,
    );
    expect(text).toContain('[ ] ec2-cli-instance-role: From the CLI\n    not solved;');
    expect(text).toContain(`Overall checksum (SHA-256): ${s.overall}`);
    expect(text).toContain(CHECKSUM_MEANING);
    expect(shortChecksum(s.overall)).toHaveLength(12);
  });
});

describe('schedule helpers', () => {
  it('computes start offsets and formats them', () => {
    expect(startOffsets([{ minutes: 15 }, { minutes: 20 }, { minutes: 5 }])).toEqual([0, 15, 35]);
    expect([0, 15, 95, 240].map(formatOffset)).toEqual(['0:00', '0:15', '1:35', '4:00']);
    expect([45, 90, 240].map(formatLength)).toEqual(['45 min', '1 h 30 min', '4 h']);
  });
});
