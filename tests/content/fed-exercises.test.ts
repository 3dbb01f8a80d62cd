/**
 * Lesson 5 ("Federation") tells learners which gate refuses a federated sign-in: the token check
 * (InvalidIdentityToken) or the trust policy (AccessDenied), and that session tags need
 * sts:TagSession. These tests pin down that the lesson's exercises really produce the errors the
 * prompts and hints describe (the wrong answers of every exercise live in exercises.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { gradeExercise } from '../../src/exercises/index.ts';
import { findCheck as find, loadExercise as load, outcome } from './helpers.ts';

describe('fed-github-actions-trust', () => {
  const ex = load('fed-github-actions-trust');

  it('starter: repo:*:ref:refs/heads/main lets a stranger’s repository in', () => {
    const { checks } = gradeExercise(ex, {});
    expect(outcome(find(checks, 'mallory/website'))).toBe('allowed');
    expect(outcome(find(checks, 'pull request'))).toMatch(
      /^AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity/,
    );
  });

  it('a token for another audience is refused by the provider, before any trust policy', () => {
    const { checks } = gradeExercise(ex, ex.solution);
    expect(outcome(find(checks, 'another audience'))).toMatch(/^InvalidIdentityToken: /);
  });

  it('the review flags the broad sub of the starter', () => {
    const { lint } = gradeExercise(ex, {});
    expect(lint.map((l) => l.flag)).toContain('GITHUB_OIDC_BROAD_SUB');
  });
});

describe('fed-saml-trust', () => {
  const ex = load('fed-saml-trust');

  it('starter: the partner IdP and an assertion for another service both get in', () => {
    const { checks } = gradeExercise(ex, {});
    expect(outcome(find(checks, 'partner'))).toBe('allowed');
    expect(outcome(find(checks, 'the wiki'))).toBe('allowed');
  });

  it('solution: a session longer than the role allows is a ValidationError, not AccessDenied', () => {
    const { checks } = gradeExercise(ex, ex.solution);
    expect(outcome(find(checks, '12-hour'))).toMatch(/^ValidationError: /);
  });
});

describe('fed-saml-session-tags', () => {
  const ex = load('fed-saml-session-tags');

  it('starter: tagged sign-ins fail for want of sts:TagSession, untagged ones work', () => {
    const { checks } = gradeExercise(ex, {});
    expect(outcome(find(checks, 'project=atlas and cost-center'))).toMatch(
      /^AccessDenied: Not authorized to perform sts:AssumeRoleWithSAML/,
    );
    expect(outcome(find(checks, 'without any session tags'))).toBe('allowed');
  });
});

describe('fed-permission-set-bucket', () => {
  const ex = load('fed-permission-set-bucket');

  it('starter: an Allow for the analysts takes nothing from developers', () => {
    const { checks } = gradeExercise(ex, {});
    expect(outcome(find(checks, 'Developer session cannot read'))).toBe('allowed');
  });

  it('solution: the Deny names the bucket policy in the developer’s refusal', () => {
    const { checks } = gradeExercise(ex, ex.solution);
    expect(outcome(find(checks, 'Developer session cannot read'))).toMatch(/^AccessDenied/);
    expect(outcome(find(checks, 'DataAnalyst session reads'))).toBe('allowed');
  });
});
