/**
 * Output formats (json with four spaces as `aws` prints it, text by the CLI's text rules,
 * table, yaml) and --query with JMESPath.
 */
import { describe, expect, it } from 'vitest';
import { cliTimestamps, formatTable, formatText, formatYaml, printResponse } from './imports.ts';
import { ACCOUNT, aliceSession, sh } from './fixtures.ts';

describe('json', () => {
  it('four-space indent; empty responses print nothing', () => {
    const s = aliceSession();
    expect(sh(s, 'aws sts get-caller-identity').stdout).toMatch(/^\{\n {4}"UserId": "AIDA\w+",\n {4}"Account": "111122223333",\n {4}"Arn": "arn:aws:iam::111122223333:user\/alice"\n\}\n$/);
    expect(sh(s, 'aws iam attach-role-policy --role-name Auditor --policy-arn arn:aws:iam::aws:policy/AmazonS3FullAccess')).toMatchObject({ stdout: '', exitCode: 0 });
  });

  it('timestamps as the CLI prints them (+00:00, microseconds only when present)', () => {
    expect(cliTimestamps({ a: '2026-01-01T09:00:00.000Z', b: ['2026-01-01T09:00:00.120Z'], c: 'not 2026-01-01T09:00:00Z' })).toEqual({ a: '2026-01-01T09:00:00+00:00', b: ['2026-01-01T09:00:00.120000+00:00'], c: 'not 2026-01-01T09:00:00Z' });
    expect(sh(aliceSession(), 'aws iam get-role --role-name Auditor --query Role.CreateDate --output text').stdout).toBe('2026-01-01T09:00:00+00:00\n');
  });

  it('policy documents come back as JSON objects, as botocore decodes them', () => {
    const r = JSON.parse(sh(aliceSession(), 'aws iam get-role --role-name S3Reader').stdout) as { Role: { AssumeRolePolicyDocument: { Statement: { Principal: unknown }[] } } };
    expect(r.Role.AssumeRolePolicyDocument.Statement[0]?.Principal).toEqual({ Service: 'ec2.amazonaws.com' });
  });
});

describe('text', () => {
  it('scalars in key order, tab separated', () => {
    expect(formatText({ UserId: 'AIDA', Account: '1', Arn: 'arn' })).toBe('1\tarn\tAIDA\n');
  });

  it('lists of structures get the upper-cased key and shared columns', () => {
    expect(formatText({ IsTruncated: false, Roles: [{ RoleName: 'a', Path: '/' }, { RoleName: 'b', MaxSessionDuration: 3600 }] })).toBe('False\nROLES\t\t/\ta\nROLES\t3600\t\tb\n');
  });

  it('scalar lists: one per line under a key, tab separated at the top', () => {
    expect(formatText({ Names: ['a', 'b'] })).toBe('NAMES\ta\nNAMES\tb\n');
    expect(formatText(['a', 'b'])).toBe('a\tb\n');
  });

  it('--query with text output', () => {
    expect(sh(aliceSession(), 'aws ec2 describe-instances --query "Reservations[].Instances[].InstanceId" --output text').stdout).toBe('i-0123456789abcdef0\ti-0fedcba9876543210\n');
  });
});

describe('table', () => {
  it('a title bar, a header row, a value row', () => {
    expect(formatTable({ Account: '1', Arn: 'a' }, 'GetCallerIdentity')).toBe(
      ['---------------------', '| GetCallerIdentity |', '+-----------+-------+', '|  Account  |  Arn  |', '+-----------+-------+', '|  1        |  a    |', '+-----------+-------+', ''].join('\n'),
    );
  });

  it('every line of a nested table has the same width', () => {
    const lines = sh(aliceSession(), 'aws iam get-role --role-name Auditor --output table').stdout.trimEnd().split('\n');
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[1]).toContain('GetRole');
  });
});

describe('yaml', () => {
  it('block style, quoting what YAML would misread', () => {
    expect(formatYaml({ Account: '111122223333', Arn: 'arn:aws:iam::1:user/a', Tags: [{ Key: 'k', Value: 'true' }], Empty: [] })).toBe(
      "Account: '111122223333'\nArn: arn:aws:iam::1:user/a\nTags:\n- Key: k\n  Value: 'true'\nEmpty: []\n",
    );
  });
});

describe('--query', () => {
  it('JMESPath over the response', () => {
    const s = aliceSession();
    expect(sh(s, 'aws sts get-caller-identity --query Account --output text').stdout).toBe(`${ACCOUNT}\n`);
    expect(sh(s, "aws iam list-roles --query 'Roles[?RoleName==`Auditor`].Arn' --output json").stdout).toBe(`[\n    "arn:aws:iam::${ACCOUNT}:role/Auditor"\n]\n`);
  });

  it('a query that does not parse', () => {
    const r = printResponse({ a: 1 }, 'json', 'a[', 'Op');
    expect(r.ok).toBe(false);
    const cli = sh(aliceSession(), "aws sts get-caller-identity --query 'Arn[' ");
    expect(cli.exitCode).toBe(255);
    expect(cli.stderr).toContain('Bad value for --query Arn[');
  });

  it('a query that selects nothing prints null / None', () => {
    expect(sh(aliceSession(), 'aws sts get-caller-identity --query Nope').stdout).toBe('null\n');
    expect(sh(aliceSession(), 'aws sts get-caller-identity --query Nope --output text').stdout).toBe('None\n');
  });
});
