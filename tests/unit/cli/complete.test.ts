/** Tab completion: shell commands, services, operations, options, files. */
import { describe, expect, it } from 'vitest';
import { complete } from './imports.ts';
import { aliceSession, sh } from './fixtures.ts';

describe('complete', () => {
  const s = aliceSession();
  sh(s, 'echo {} > trust.json');

  it('shell commands and services', () => {
    expect(complete(s, 'cu')).toEqual(['curl']);
    expect(complete(s, 'aws s')).toEqual(['s3', 's3api', 's3control', 'sts']);
  });

  it('operations', () => {
    expect(complete(s, 'aws sts assume-role')).toEqual(['assume-role', 'assume-role-with-saml', 'assume-role-with-web-identity']);
    expect(complete(s, 'aws --profile dev iam create-ro')).toEqual(['create-role']);
  });

  it('options, not those already given, with --no- forms', () => {
    expect(complete(s, 'aws sts assume-role --role-arn x --role')).toEqual(['--role-session-name']);
    expect(complete(s, 'aws iam create-policy-version --set')).toEqual(['--set-as-default']);
    expect(complete(s, 'aws iam create-policy-version --no-s')).toEqual(['--no-set-as-default']);
    expect(complete(s, 'aws sts get-caller-identity --out')).toEqual(['--output']);
    expect(complete(s, 'aws sts get-caller-identity --output t')).toEqual(['table', 'text']);
  });

  it('running instances for connect and ssh', () => {
    expect(complete(s, 'connect i-0f')).toEqual(['i-0fedcba9876543210']);
    expect(complete(s, 'ssh ec2-user@i-01')).toEqual(['ec2-user@i-0123456789abcdef0']);
  });

  it('files for file:// and cat', () => {
    expect(complete(s, 'aws iam create-role --assume-role-policy-document file://tr')).toEqual(['file://trust.json']);
    expect(complete(s, 'cat t')).toEqual(['trust.json']);
  });
});
