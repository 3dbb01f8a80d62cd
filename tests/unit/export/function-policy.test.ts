/**
 * A function-policy statement as `aws lambda add-permission` flags: the inverse of what the
 * simulator's AddPermission writes (src/sim/services/lambda/permissions.ts), so a statement made
 * with add-permission in Rolelab comes back as the same command.
 */
import { describe, expect, it } from 'vitest';
import { addPermissionArgs } from '../../../src/exercises/export/function-policy.ts';

const same = (text: string): string => text;

describe('addPermissionArgs', () => {
  it('gives each condition add-permission can write its flag', () => {
    expect(
      addPermissionArgs(
        {
          Sid: 'FromBucket',
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: 'lambda:InvokeFunction',
          Condition: {
            ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::uploads' },
            StringEquals: { 'AWS:SourceAccount': '111122223333' },
          },
        },
        same,
      ),
    ).toEqual([
      ['--statement-id', 'FromBucket'],
      ['--action', 'lambda:InvokeFunction'],
      ['--principal', 's3.amazonaws.com'],
      ['--source-arn', 'arn:aws:s3:::uploads'],
      ['--source-account', '111122223333'],
    ]);
  });

  it('writes a function URL auth type (a public URL: principal "*", auth NONE)', () => {
    expect(
      addPermissionArgs(
        {
          Sid: 'FunctionURLAllowPublicAccess',
          Effect: 'Allow',
          Principal: '*',
          Action: 'lambda:InvokeFunctionUrl',
          Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
        },
        same,
      ),
    ).toEqual([
      ['--statement-id', 'FunctionURLAllowPublicAccess'],
      ['--action', 'lambda:InvokeFunctionUrl'],
      ['--principal', '*'],
      ['--function-url-auth-type', 'NONE'],
    ]);
  });

  it('says why a statement cannot be written as add-permission', () => {
    const base = { Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction' };
    expect(addPermissionArgs({ ...base, Effect: 'Deny' }, same)).toBe('add-permission only adds Allow statements');
    expect(addPermissionArgs({ ...base, Action: 'lambda:*' }, same)).toBe('add-permission takes exactly one action, without wildcards');
    expect(addPermissionArgs({ ...base, Principal: { AWS: ['a', 'b'] } }, same)).toBe('its Principal is not one service, account, ARN or "*"');
    expect(addPermissionArgs({ ...base, Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'SOMETIMES' } } }, same)).toBe(
      'add-permission cannot express the condition StringEquals lambda:FunctionUrlAuthType',
    );
    expect(addPermissionArgs({ ...base, Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }, same)).toBe(
      'add-permission cannot express the condition IpAddress aws:SourceIp',
    );
  });
});
