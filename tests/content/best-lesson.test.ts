/**
 * Lesson 7 ("Best practices") walks the learner through a terminal: assume an MFA-protected role
 * without a code (refused), with a code from the authenticator (allowed), test the account
 * password policy, and find both attempts in CloudTrail. These tests replay that walkthrough in
 * the same world, so every output the lesson promises is one the simulator really gives.
 */
import { describe, expect, it } from 'vitest';
import { createSession, runLine } from '../../src/sim/cli/index.ts';
import { authenticatorCode } from '../../src/sim/services/index.ts';
import { createWorld } from '../../src/sim/index.ts';
import { BEST_TERMINAL_WORLD } from '../../src/components/terminal/worlds/best-practices.ts';

const ACCOUNT = '111122223333';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/ProdAdmin`;
const SERIAL = `arn:aws:iam::${ACCOUNT}:mfa/maria`;
const KEY = { accessKeyId: 'AKIAMARIA00000000001', secretAccessKey: 'm'.repeat(40) };

describe('lesson 7 terminal: MFA, password policy, CloudTrail', () => {
  const world = createWorld(BEST_TERMINAL_WORLD);
  const session = createSession(world, { user: 'maria', credentials: KEY });
  const run = (line: string) => runLine(session, line);
  const ok = (line: string): string => {
    const r = run(line);
    expect({ line, stderr: r.stderr, exitCode: r.exitCode }).toEqual({
      line,
      stderr: '',
      exitCode: 0,
    });
    return r.stdout;
  };

  it('maria starts as an IAM user', () => {
    expect(ok('aws sts get-caller-identity --query Arn --output text')).toBe(
      `arn:aws:iam::${ACCOUNT}:user/maria\n`,
    );
  });

  it('without an MFA code, the trust policy refuses her', () => {
    const r = run(`aws sts assume-role --role-arn ${ROLE} --role-session-name maria`);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain('AccessDenied');
    expect(r.stderr).toContain('sts:AssumeRole');
  });

  it('she finds the serial number of her MFA device', () => {
    expect(ok('aws iam list-mfa-devices --query "MFADevices[0].SerialNumber" --output text')).toBe(
      `${SERIAL}\n`,
    );
  });

  it('a wrong code fails the MFA check', () => {
    const code = authenticatorCode(world, SERIAL)?.code ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    const r = run(
      `aws sts assume-role --role-arn ${ROLE} --role-session-name maria --serial-number ${SERIAL} --token-code ${wrong}`,
    );
    expect(r.stderr).toContain('AccessDenied');
    expect(r.stderr).toContain('MultiFactorAuthentication failed');
  });

  it('with the current code from the authenticator, she becomes ProdAdmin', () => {
    const code = authenticatorCode(world, SERIAL)?.code ?? '';
    const out = JSON.parse(
      ok(
        `aws sts assume-role --role-arn ${ROLE} --role-session-name maria --serial-number ${SERIAL} --token-code ${code}`,
      ),
    ) as {
      Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
    };
    expect(out.Credentials.AccessKeyId).toMatch(/^ASIA/);
    ok(`export AWS_ACCESS_KEY_ID=${out.Credentials.AccessKeyId}`);
    ok(`export AWS_SECRET_ACCESS_KEY=${out.Credentials.SecretAccessKey}`);
    ok(`export AWS_SESSION_TOKEN=${out.Credentials.SessionToken}`);
    expect(ok('aws sts get-caller-identity --query Arn --output text')).toBe(
      `arn:aws:sts::${ACCOUNT}:assumed-role/ProdAdmin/maria\n`,
    );
  });

  it('the password policy rejects a weak password and accepts a strong one', () => {
    expect(JSON.parse(ok('aws iam get-account-password-policy'))).toMatchObject({
      PasswordPolicy: {
        MinimumPasswordLength: 14,
        RequireSymbols: true,
        PasswordReusePrevention: 24,
      },
    });
    const weak = run("aws iam create-login-profile --user-name bob --password 'Summer2026!'");
    expect(weak.stderr).toContain('PasswordPolicyViolation');
    const noSymbol = run(
      "aws iam create-login-profile --user-name bob --password 'CorrectHorse2026'",
    );
    expect(noSymbol.stderr).toContain('PasswordPolicyViolation');
    const noUpper = run(
      "aws iam create-login-profile --user-name bob --password 'correct-horse-2026-blue'",
    );
    expect(noUpper.stderr).toContain('PasswordPolicyViolation');
    ok("aws iam create-login-profile --user-name bob --password 'Correct-Horse-2026'");
  });

  it('CloudTrail shows who assumed the role, and that the MFA check passed', () => {
    const events = JSON.parse(
      ok(
        'aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=AssumeRole',
      ),
    ) as {
      Events: { Username?: string; CloudTrailEvent: string }[];
    };
    const records = events.Events.map(
      (e) => JSON.parse(e.CloudTrailEvent) as Record<string, unknown>,
    );
    expect(records.length).toBeGreaterThanOrEqual(2);
    const success = records.find((r) => r['errorCode'] === undefined);
    expect(success).toMatchObject({
      eventName: 'AssumeRole',
      userIdentity: { type: 'IAMUser', userName: 'maria' },
      requestParameters: { roleArn: ROLE, roleSessionName: 'maria', serialNumber: SERIAL },
    });
    expect(records.some((r) => r['errorCode'] === 'AccessDenied')).toBe(true);
  });
});
