/**
 * The `current` error style (AWS CLI v2 from 2025 on): the classic messages with
 * `aws: [ERROR]: An error occurred (Code): ` in front, usage after the message, invalid
 * choices with close matches only.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from './imports.ts';
import { ALICE_KEY, ALICE_SECRET, seedWorld, sh } from './fixtures.ts';

function current(): ReturnType<typeof createSession> {
  return createSession(seedWorld(), { errorStyle: 'current', credentials: { accessKeyId: ALICE_KEY, secretAccessKey: ALICE_SECRET } });
}

describe('current error style', () => {
  it('service errors', () => {
    expect(sh(current(), 'aws iam get-role --role-name Nobody')).toMatchObject({
      exitCode: 254,
      stderr: '\naws: [ERROR]: An error occurred (NoSuchEntity) when calling the GetRole operation: The role with name Nobody cannot be found.\n',
    });
  });

  it('no credentials', () => {
    expect(sh(createSession(seedWorld(), { errorStyle: 'current' }), 'aws s3 ls')).toMatchObject({
      exitCode: 253,
      stderr: '\naws: [ERROR]: An error occurred (NoCredentials): Unable to locate credentials. You can configure credentials by running "aws login".\n',
    });
  });

  it('command-line errors: ParamValidation, then usage', () => {
    const r = sh(current(), 'aws sts assume-role --role-session-name xx');
    expect(r.exitCode).toBe(252);
    expect(r.stderr).toMatch(/^\naws: \[ERROR\]: An error occurred \(ParamValidation\): the following arguments are required: --role-arn\n\n\nusage: aws \[options\]/);
    expect(sh(current(), 'aws s3api get-object --bucket b --key k o --tags x').stderr).toContain('(ParamValidation): Unknown options: --tags, x');
    expect(sh(current(), "aws iam get-role --cli-input-json '{'").stderr).toMatch(/^\naws: \[ERROR\]: An error occurred \(ParamValidation\): Error parsing parameter '--cli-input-json': Invalid JSON/);
  });

  it('invalid choices list only the close matches', () => {
    const r = sh(current(), 'aws sts get-caler-identity');
    expect(r.stderr).toMatch(/^\naws: \[ERROR\]: An error occurred \(ParamValidation\): argument operation: Found invalid choice 'get-caler-identity'\n\nMaybe you meant:\n\n {2}\* get-caller-identity\n\n\nusage: /);
    expect(r.stderr).not.toContain('assume-role-with-saml');
    expect(sh(current(), 'aws zzzzzz').stderr).toMatch(/^\naws: \[ERROR\]: An error occurred \(ParamValidation\): argument command: Found invalid choice 'zzzzzz'\n\n\nusage: /);
  });
});
