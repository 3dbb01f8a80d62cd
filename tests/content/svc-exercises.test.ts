/**
 * Lesson 6 ("Service-to-service") tells learners which error each mistake produces: a role that
 * does not trust Lambda makes CreateFunction fail with InvalidParameterValueException, a missing
 * iam:PassRole is Lambda's AccessDeniedException (EC2 says UnauthorizedOperation), and a
 * service-role trust policy without aws:SourceAccount lets another account's resource in. These
 * tests pin down that the lesson's exercises really produce what the prompts and hints describe
 * (the wrong answers of every exercise live in exercises.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { gradeExercise, gradeWithCommands } from '../../src/exercises/index.ts';
import { findCheck as find, loadExercise as load, outcome } from './helpers.ts';

describe('svc-lambda-execution-role', () => {
  const ex = load('svc-lambda-execution-role');

  it('starter: Lambda cannot take a role that trusts EC2, and says so at CreateFunction', () => {
    const { checks } = gradeExercise(ex, {});
    expect(outcome(find(checks, 'deployer creates'))).toBe(
      'InvalidParameterValueException: The role defined for the function cannot be assumed by Lambda.',
    );
    expect(outcome(find(checks, 'Lambda can assume'))).toMatch(/^AccessDenied: /);
  });

  it('starter: with s3:* on *, a session of the role reads the hr/ folder', () => {
    // Only the trust policy fixed, so the function can run with the starter's s3:* on *.
    const trust = ex.solution['trust'];
    if (trust === undefined) throw new Error('the solution has no trust policy');
    const { checks } = gradeExercise(ex, { trust });
    expect(outcome(find(checks, 'hr/ folder'))).toBe('allowed');
  });

  it('solution: the hr/ folder and other buckets are AccessDenied for the function', () => {
    const { checks } = gradeExercise(ex, ex.solution);
    expect(outcome(find(checks, 'hr/ folder'))).toMatch(/^AccessDenied: /);
    expect(outcome(find(checks, 'another bucket'))).toMatch(/^AccessDenied: /);
    expect(outcome(find(checks, 'EC2 can no longer'))).toMatch(/^AccessDenied: /);
  });
});

describe('svc-pass-role-lambda', () => {
  const ex = load('svc-pass-role-lambda');

  it('starter: iam:PassRole on * lets dev create a function that runs as the admin role', () => {
    const { checks, lint } = gradeExercise(ex, {});
    expect(outcome(find(checks, 'runs as AutomationAdminRole'))).toBe('allowed');
    expect(lint.map((l) => l.flag)).toContain('PASS_ROLE_ANY_RESOURCE');
  });

  it('solution: Lambda refuses with AccessDeniedException naming iam:PassRole; EC2 with UnauthorizedOperation', () => {
    const { checks } = gradeExercise(ex, ex.solution);
    expect(outcome(find(checks, 'runs as AutomationAdminRole'))).toMatch(
      /^AccessDeniedException: .*not authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role\/AutomationAdminRole/,
    );
    expect(outcome(find(checks, 'to EC2'))).toMatch(/^UnauthorizedOperation: /);
  });
});

describe('svc-confused-deputy-trust', () => {
  const ex = load('svc-confused-deputy-trust');

  it('starter: the scheduler can assume the role for another account’s schedule', () => {
    const { checks } = gradeExercise(ex, {});
    expect(outcome(find(checks, 'account 444455556666'))).toBe('allowed');
    expect(outcome(find(checks, 'no source account'))).toBe('allowed');
  });

  it('solution: another account and a request without a source are AccessDenied', () => {
    const { checks } = gradeExercise(ex, ex.solution);
    expect(outcome(find(checks, 'account 444455556666'))).toMatch(
      /^AccessDenied: scheduler\.amazonaws\.com is not authorized to perform: sts:AssumeRole/,
    );
    expect(outcome(find(checks, 'no source account'))).toMatch(/^AccessDenied: /);
  });

  it('an aws:SourceArn condition on this account’s schedules works as well', () => {
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'scheduler.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: {
            ArnLike: { 'aws:SourceArn': 'arn:aws:scheduler:us-east-1:111122223333:schedule/*' },
          },
        },
      ],
    });
    expect(gradeExercise(ex, { trust }).solved).toBe(true);
  });
});

describe('svc-s3-invoke-function-policy', () => {
  const ex = load('svc-s3-invoke-function-policy');
  const unreachable =
    /^InvalidArgument: Unable to validate the following destination configurations: arn:aws:lambda:us-east-1:111122223333:function:make-thumbnail$/;

  it('starter: another account’s bucket can be pointed at the function', () => {
    const { checks, lint } = gradeExercise(ex, {});
    expect(outcome(find(checks, 'example-uploads-prank'))).toBe('allowed');
    expect(outcome(find(checks, 'prank-bucket'))).toBe('allowed');
    expect(lint.map((l) => l.flag)).toContain('CONFUSED_DEPUTY');
  });

  it('solution: S3 refuses to save those destinations, as on AWS', () => {
    const { checks } = gradeExercise(ex, ex.solution);
    expect(outcome(find(checks, 'example-uploads-prank'))).toMatch(unreachable);
    expect(outcome(find(checks, 'example-public-drop'))).toMatch(unreachable);
    expect(outcome(find(checks, 'directly'))).toMatch(/^AccessDeniedException: /);
  });
});

describe('svc-cli-s3-trigger', () => {
  const ex = load('svc-cli-s3-trigger');
  const solution = ex.solution['terminal'] ?? '';
  const saved = 'sends new objects to make-thumbnail';

  it('the saved configuration is read back: the solution passes the check on its content', () => {
    const { checks, solved } = gradeWithCommands(ex, ex.solution);
    expect(solved).toBe(true);
    expect(find(checks, saved).passed).toBe(true);
  });

  it('starter: nothing is configured, and the check says which value is missing', () => {
    const { checks } = gradeWithCommands(ex, {});
    const check = find(checks, saved);
    expect(check.passed).toBe(false);
    expect(check.reason).toMatch(/LambdaFunctionConfigurations\.0\.LambdaFunctionArn is absent/);
  });

  it('a configuration for the wrong event is saved, yet fails the check naming the event', () => {
    const { checks, solved } = gradeWithCommands(ex, { terminal: solution.replace('s3:ObjectCreated:*', 's3:ObjectRemoved:*') });
    expect(solved).toBe(false);
    expect(outcome(find(checks, 'S3 accepts make-thumbnail'))).toBe('allowed');
    expect(find(checks, saved).reason).toMatch(/Events\.0 is "s3:ObjectRemoved:\*", not "s3:ObjectCreated:\*"/);
  });
});
