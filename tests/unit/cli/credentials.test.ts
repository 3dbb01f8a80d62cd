/**
 * The credential chain, in the real CLI's order: --profile, environment variables, the
 * profile (static keys or a role the CLI assumes and caches), then the instance metadata
 * service; nothing → "Unable to locate credentials" (exit 253).
 */
import { describe, expect, it } from 'vitest';
import { authenticatorCode } from '../../../src/sim/index.ts';
import { createSession, promptOf, runLine } from './imports.ts';
import { ACCOUNT, ALICE_KEY, ALICE_SECRET, BOB_KEY, BOB_SECRET, WITH_ROLE, WITHOUT_ROLE, aliceSession, seedWorld, sh } from './fixtures.ts';

const whoami = "aws sts get-caller-identity --query Arn --output text";

describe('credential chain', () => {
  it('uses the default profile of ~/.aws/credentials', () => {
    expect(sh(aliceSession(), whoami).stdout).toBe(`arn:aws:iam::${ACCOUNT}:user/alice\n`);
  });

  it('environment variables beat the profile', () => {
    const s = aliceSession();
    sh(s, `export AWS_ACCESS_KEY_ID=${BOB_KEY}`);
    sh(s, `export AWS_SECRET_ACCESS_KEY=${BOB_SECRET}`);
    expect(sh(s, whoami).stdout).toBe(`arn:aws:iam::${ACCOUNT}:user/bob\n`);
    sh(s, 'unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY');
    expect(sh(s, whoami).stdout).toBe(`arn:aws:iam::${ACCOUNT}:user/alice\n`);
  });

  it('--profile beats environment variables; AWS_PROFILE picks a profile', () => {
    const s = aliceSession();
    sh(s, `aws configure set aws_access_key_id ${BOB_KEY} --profile bob`);
    sh(s, `aws configure set aws_secret_access_key ${BOB_SECRET} --profile bob`);
    sh(s, `export AWS_ACCESS_KEY_ID=${ALICE_KEY} AWS_SECRET_ACCESS_KEY=${ALICE_SECRET}`);
    expect(sh(s, `${whoami} --profile bob`).stdout).toBe(`arn:aws:iam::${ACCOUNT}:user/bob\n`);
    sh(s, 'unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY');
    sh(s, 'export AWS_PROFILE=bob');
    expect(sh(s, whoami).stdout).toBe(`arn:aws:iam::${ACCOUNT}:user/bob\n`);
  });

  it('an unknown profile', () => {
    const r = sh(aliceSession(), `${whoami} --profile nope`);
    expect(r).toMatchObject({ exitCode: 255, stderr: '\nThe config profile (nope) could not be found\n' });
  });

  it('a wrong secret is the service’s SignatureDoesNotMatch', () => {
    const s = aliceSession();
    sh(s, `export AWS_ACCESS_KEY_ID=${ALICE_KEY} AWS_SECRET_ACCESS_KEY=${'x'.repeat(40)}`);
    const r = sh(s, whoami);
    expect(r.exitCode).toBe(254);
    expect(r.stderr).toContain('An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation');
  });

  it('a role_arn profile: the CLI assumes the role and caches the session', () => {
    const s = aliceSession();
    sh(s, `aws configure set profile.audit.role_arn arn:aws:iam::${ACCOUNT}:role/Auditor`);
    sh(s, 'aws configure set profile.audit.source_profile default');
    const first = sh(s, `${whoami} --profile audit`);
    expect(first.stdout).toMatch(new RegExp(`^arn:aws:sts::${ACCOUNT}:assumed-role/Auditor/botocore-session-\\d+\\n$`));
    const assumes = (): number => s.world.events.filter((e) => e.eventName === 'AssumeRole').length;
    const before = assumes();
    expect(sh(s, `${whoami} --profile audit`).stdout).toBe(first.stdout);
    expect(assumes()).toBe(before);
    // After the session expires the CLI assumes the role again.
    s.world.clock.epochMs += 2 * 3600 * 1000;
    expect(sh(s, `${whoami} --profile audit`).exitCode).toBe(0);
    expect(assumes()).toBe(before + 1);
  });

  it('external_id and role_session_name are passed to AssumeRole', () => {
    const s = aliceSession();
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'xyz-123' } } }] });
    expect(sh(s, `aws iam create-role --role-name Vendor --assume-role-policy-document '${trust}'`).exitCode).toBe(0);
    sh(s, `aws configure set profile.vendor.role_arn arn:aws:iam::${ACCOUNT}:role/Vendor`);
    sh(s, 'aws configure set profile.vendor.source_profile default');
    const denied = sh(s, `${whoami} --profile vendor`);
    expect(denied.exitCode).toBe(254);
    expect(denied.stderr).toContain('An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111122223333:user/alice is not authorized to perform: sts:AssumeRole');
    sh(s, 'aws configure set profile.vendor.external_id xyz-123');
    sh(s, 'aws configure set profile.vendor.role_session_name vendor-work');
    expect(sh(s, `${whoami} --profile vendor`).stdout).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/Vendor/vendor-work\n`);
  });

  it('mfa_serial: the prompt hook supplies the code', () => {
    const world = seedWorld();
    const s = createSession(world, { user: 'alice', credentials: { accessKeyId: ALICE_KEY, secretAccessKey: ALICE_SECRET } });
    const serial = sh(s, 'aws iam create-virtual-mfa-device --virtual-mfa-device-name alice --query VirtualMFADevice.SerialNumber --output text').stdout.trim();
    const code = (): string => authenticatorCode(world, serial)?.code ?? '';
    const now = code();
    world.clock.epochMs += 30_000;
    expect(sh(s, `aws iam enable-mfa-device --user-name alice --serial-number ${serial} --authentication-code1 ${now} --authentication-code2 ${code()}`).exitCode).toBe(0);
    world.clock.epochMs += 60_000;
    sh(s, `aws configure set profile.mfa.role_arn arn:aws:iam::${ACCOUNT}:role/Auditor`);
    sh(s, 'aws configure set profile.mfa.source_profile default');
    sh(s, `aws configure set profile.mfa.mfa_serial ${serial}`);
    const noCode = sh(s, `${whoami} --profile mfa`);
    expect(noCode.exitCode).toBe(255);
    expect(noCode.stderr).toContain(`Enter MFA code for ${serial}:`);
    s.mfaCode = (asked) => (asked === serial ? code() : undefined);
    expect(sh(s, `${whoami} --profile mfa`).stdout).toContain(':assumed-role/Auditor/');
  });

  it('on an instance with a profile, IMDS supplies the role credentials', () => {
    const s = aliceSession();
    sh(s, `connect ${WITH_ROLE}`);
    expect(sh(s, whoami).stdout).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/S3Reader/${WITH_ROLE}\n`);
    expect(sh(s, 'aws configure list').stdout).toMatch(/access_key\s+\*+\w{4}\s+iam-role/);
  });

  it('credential_source = Ec2InstanceMetadata uses the instance role as the source', () => {
    const s = aliceSession();
    sh(s, `connect ${WITH_ROLE}`);
    sh(s, `aws configure set profile.audit.role_arn arn:aws:iam::${ACCOUNT}:role/Auditor`);
    sh(s, 'aws configure set profile.audit.credential_source Ec2InstanceMetadata');
    const r = sh(s, `${whoami} --profile audit`);
    // S3Reader's policies do not allow sts:AssumeRole, and Auditor trusts the account only.
    expect(r.stderr).toContain(`User: arn:aws:sts::${ACCOUNT}:assumed-role/S3Reader/${WITH_ROLE} is not authorized to perform: sts:AssumeRole`);
  });

  it('no credentials anywhere: exit 253', () => {
    const s = aliceSession();
    sh(s, `connect ${WITHOUT_ROLE}`);
    expect(sh(s, whoami)).toMatchObject({ exitCode: 253, stderr: '\nUnable to locate credentials. You can configure credentials by running "aws configure".\n' });
    const laptop = createSession(seedWorld());
    expect(sh(laptop, 'aws s3 ls').stderr).toContain('Unable to locate credentials');
  });

  it('unsigned operations need no credentials', () => {
    const r = sh(createSession(seedWorld()), 'aws sts assume-role-with-web-identity --role-arn arn:aws:iam::111122223333:role/Auditor --role-session-name x --web-identity-token abc');
    expect(r.stderr).not.toContain('Unable to locate credentials');
  });
});

describe('aws configure', () => {
  it('set, get, list', () => {
    const s = createSession(seedWorld());
    sh(s, `aws configure set aws_access_key_id ${ALICE_KEY}`);
    sh(s, `aws configure set aws_secret_access_key ${ALICE_SECRET}`);
    sh(s, 'aws configure set region eu-west-1');
    sh(s, 'aws configure set profile.dev.region eu-central-1');
    expect(sh(s, 'aws configure get region').stdout).toBe('eu-west-1\n');
    expect(sh(s, 'aws configure get region --profile dev').stdout).toBe('eu-central-1\n');
    expect(sh(s, 'aws configure get output').exitCode).toBe(1);
    expect(sh(s, 'cat ~/.aws/credentials').stdout).toBe(`[default]\naws_access_key_id = ${ALICE_KEY}\naws_secret_access_key = ${ALICE_SECRET}\n`);
    expect(sh(s, 'cat ~/.aws/config').stdout).toBe('[default]\nregion = eu-west-1\n\n[profile dev]\nregion = eu-central-1\n');
    const list = sh(s, 'aws configure list').stdout;
    expect(list).toContain('access_key     ****************0001 shared-credentials-file');
    expect(list).toContain('    region                eu-west-1      config-file    ~/.aws/config');
    expect(sh(s, whoami).stdout).toBe(`arn:aws:iam::${ACCOUNT}:user/alice\n`);
  });
});

describe('aws configure, interactively', () => {
  it('asks four questions; empty answers keep the value; answers stay out of the history', () => {
    const s = createSession(seedWorld(), { user: 'dev' });
    expect(runLine(s, 'aws configure')).toMatchObject({ continuation: true, exitCode: 0 });
    expect(promptOf(s)).toBe('AWS Access Key ID [None]: ');
    expect(runLine(s, ALICE_KEY).continuation).toBe(true);
    expect(promptOf(s)).toBe('AWS Secret Access Key [None]: ');
    runLine(s, ALICE_SECRET);
    expect(promptOf(s)).toBe('Default region name [None]: ');
    runLine(s, 'eu-west-1');
    expect(promptOf(s)).toBe('Default output format [None]: ');
    expect(runLine(s, '').continuation).toBe(false);
    expect(promptOf(s)).toBe('dev@laptop:~$ ');
    expect(s.history).toEqual(['aws configure']);
    expect(sh(s, whoami).stdout).toBe(`arn:aws:iam::${ACCOUNT}:user/alice\n`);
    runLine(s, 'aws configure');
    expect(promptOf(s)).toBe('AWS Access Key ID [****************0001]: ');
    for (const answer of ['', '', '', 'text']) runLine(s, answer);
    expect(sh(s, 'aws configure get region').stdout).toBe('eu-west-1\n');
    expect(sh(s, 'aws configure get output').stdout).toBe('text\n');
  });
});

describe('a session with credentials and its own config file', () => {
  it('keeps the given profiles and adds the default one in front', async () => {
    const { createSession, runLine } = await import('../../../src/sim/cli/index.ts');
    const { seedWorld, ALICE_KEY, ALICE_SECRET } = await import('./fixtures.ts');
    const session = createSession(seedWorld(), {
      user: 'alice',
      files: { '~/.aws/config': '[profile audit]\nrole_arn = arn:aws:iam::111122223333:role/Auditor\nsource_profile = default\n' },
      credentials: { accessKeyId: ALICE_KEY, secretAccessKey: ALICE_SECRET },
    });
    const config = runLine(session, 'cat ~/.aws/config').stdout;
    expect(config).toMatch(/^\[default\]\nregion = us-east-1/);
    expect(config).toContain('[profile audit]');
    expect(runLine(session, 'aws sts get-caller-identity --profile audit --query Arn --output text').stdout).toMatch(/assumed-role\/Auditor\//);
  });
});
