/**
 * Lesson 4 ("Cross-account access") teaches that each account decides for itself, that a role
 * for a third party needs an sts:ExternalId condition, and that a chained session is capped at
 * one hour with a ValidationError. These tests pin down that the lesson's exercises really behave
 * the way their prompts and hints say (the wrong answers of every exercise live in
 * exercises.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { gradeExercise, gradeWithCommands, replayTerminal } from '../../src/exercises/index.ts';
import type { PredictionChoice } from '../../src/exercises/index.ts';
import { findCheck as find, loadExercise as load, outcome } from './helpers.ts';

describe('xacct-assume-role-both-sides', () => {
  const ex = load('xacct-assume-role-both-sides');

  it('starter: deployer is refused, because neither side names the other account', () => {
    const { checks } = gradeExercise(ex, {});
    expect(outcome(find(checks, 'deployer (tools account) assumes'))).toMatch(
      /^AccessDenied: User: arn:aws:iam::111122223333:user\/deployer is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role\/ProdDeployer/,
    );
  });

  it('one side alone is not enough: trust fixed, identity policy still wrong', () => {
    const { checks } = gradeExercise(ex, { trust: ex.solution['trust'] ?? '' });
    expect(outcome(find(checks, 'deployer (tools account) assumes'))).toMatch(/^AccessDenied: /);
  });

  it('solution: the session deployer gets belongs to production', () => {
    const { checks, solved } = gradeExercise(ex, ex.solution);
    expect(solved).toBe(true);
    expect(outcome(find(checks, 'publishes a page'))).toBe('allowed');
  });
});

describe('xacct-bucket-both-sides', () => {
  const ex = load('xacct-bucket-both-sides');

  it('starter: the bucket policy trusts the whole account, so WebApp reads', () => {
    const { checks } = gradeExercise(ex, {});
    expect(outcome(find(checks, 'WebApp cannot read'))).toBe('allowed');
  });

  it('a cross-account S3 denial is the bare "Access Denied"', () => {
    const { checks } = gradeExercise(ex, ex.solution);
    expect(outcome(find(checks, 'WebApp cannot read'))).toBe('AccessDenied: Access Denied');
  });
});

describe('xacct-external-id', () => {
  const ex = load('xacct-external-id');

  it('starter: the confused deputy works, with another customer’s external ID or none', () => {
    const { checks } = gradeExercise(ex, {});
    expect(outcome(find(checks, 'tricked by another customer'))).toBe('allowed');
    expect(outcome(find(checks, 'without any external ID'))).toBe('allowed');
  });

  it('solution: only the connector with this customer’s external ID gets in', () => {
    const { checks, solved } = gradeExercise(ex, ex.solution);
    expect(solved).toBe(true);
    expect(outcome(find(checks, 'tricked by another customer'))).toMatch(/^AccessDenied: /);
    expect(outcome(find(checks, 'dev-sam'))).toMatch(/^AccessDenied: /);
  });
});

describe('xacct-central-audit-chain', () => {
  const ex = load('xacct-central-audit-chain');

  it('a chained session of two hours fails with the role-chaining ValidationError', () => {
    const { checks } = gradeExercise(ex, ex.solution);
    expect(outcome(find(checks, 'cannot last two hours'))).toBe(
      'ValidationError: The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  });

  it('starter: the hub names a role in its own account, and the member trusts the whole security account', () => {
    const { checks } = gradeExercise(ex, {});
    expect(outcome(find(checks, 'OrgAuditRole in 111122223333'))).toMatch(/^AccessDenied: /);
    expect(outcome(find(checks, 'CiDeployRole cannot'))).toBe('allowed');
  });
});

describe('xacct-cli-trust-partner', () => {
  const ex = load('xacct-cli-trust-partner');
  const commands = ex.solution['terminal'] ?? '';

  it('the solution’s commands all succeed and leave a role whose trust policy needs the external ID', () => {
    const { transcript, world } = replayTerminal(ex, commands);
    expect(transcript.filter((t) => t.exitCode !== 0)).toEqual([]);
    const role = world.accounts['111122223333']?.iam.roles['PartnerDatasetReader'];
    expect(role?.assumeRolePolicyDocument).toContain('"sts:ExternalId": "example-partner-7c41e9"');
  });

  it('nothing typed: the checks fail because the role does not exist yet', () => {
    const { checks, solved } = gradeWithCommands(ex, {});
    expect(solved).toBe(false);
    expect(outcome(find(checks, 'passing the external ID'))).toMatch(
      /^(AccessDenied|NoSuchEntity)/,
    );
  });

  it('without the condition, the partner gets in with no external ID at all', () => {
    const open = commands.replace(/,\n\s*"Condition": \{[\s\S]*?\}\n\s*\}\n/, '\n');
    expect(open).not.toContain('sts:ExternalId');
    const { checks } = gradeWithCommands(ex, { terminal: open });
    expect(outcome(find(checks, 'without an external ID'))).toBe('allowed');
  });

  it('the denial of a missing external ID names the trust policy', () => {
    const { checks } = gradeWithCommands(ex, ex.solution);
    expect(outcome(find(checks, 'without an external ID'))).toMatch(
      /no role trust policy allows the sts:AssumeRole action/,
    );
  });
});

describe('xacct-predict-two-sides', () => {
  const ex = load('xacct-predict-two-sides');
  const right: Record<string, PredictionChoice> = {};
  for (const q of ex.predict ?? []) right[q.id] = ex.solution[q.id] as PredictionChoice;
  const summary = (id: string): string =>
    gradeExercise(ex, {}, right).predictions.find((p) => p.id === id)?.explanation?.summary ?? '';

  it('an allowed cross-account request names both sides', () => {
    expect(summary('ana-reads-sales')).toMatch(/both sides allow it/);
    expect(summary('ana-assumes')).toMatch(/both sides allow it: .*trust policy/);
  });

  it('a missing Allow on either side is an implicit deny, named by side', () => {
    expect(summary('ben-reads-sales')).toMatch(/your own account must allow it too/);
    expect(summary('ana-lists')).toMatch(/bucket policy has no statement/);
    expect(summary('ben-assumes')).toMatch(/trust policy has no statement/);
  });

  it('the bucket policy’s Deny on hr/ is an explicit deny for the other account', () => {
    expect(summary('ana-reads-hr')).toMatch(
      /Deny statement in the bucket policy \(Sid HrStaysInside\)/,
    );
  });
});
