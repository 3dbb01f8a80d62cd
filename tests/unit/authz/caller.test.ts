/**
 * The caller is derived once per principal object and reused while the fields it comes from are
 * unchanged; a changed, added or removed field derives it again.
 */
import { describe, expect, it } from 'vitest';
import { normalizeCaller } from '../../../src/sim/authz/index.ts';
import type { Caller, PrincipalInput } from '../../../src/sim/authz/index.ts';

function derived(input: PrincipalInput): Caller {
  const c = normalizeCaller(input);
  if (typeof c === 'string') throw new Error(c);
  return c;
}

describe('normalizeCaller', () => {
  it('reuses the caller while the principal is unchanged, whatever else it carries', () => {
    const input: PrincipalInput = { arn: 'arn:aws:sts::111122223333:assumed-role/Reader/app', tags: { team: 'blue' } };
    const first = derived(input);
    expect(derived(input)).toBe(first);
    input.tags = { team: 'red' };
    expect(derived(input)).toBe(first);
  });

  it('derives again when a field it depends on changes, appears or goes', () => {
    const input: PrincipalInput = { arn: 'arn:aws:sts::111122223333:assumed-role/Reader/app' };
    const first = derived(input);
    expect(first.roleArn).toBe('arn:aws:iam::111122223333:role/Reader');

    input.roleArn = 'arn:aws:iam::111122223333:role/path/Reader';
    const withPath = derived(input);
    expect(withPath).not.toBe(first);
    expect(withPath.roleArn).toBe('arn:aws:iam::111122223333:role/path/Reader');

    delete input.roleArn;
    const again = derived(input);
    expect(again).not.toBe(withPath);
    expect(again.roleArn).toBe('arn:aws:iam::111122223333:role/Reader');

    input.arn = 'arn:aws:sts::111122223333:assumed-role/Writer/app';
    expect(derived(input).roleArn).toBe('arn:aws:iam::111122223333:role/Writer');

    input.sessionName = 'renamed';
    expect(derived(input).sessionName).toBe('renamed');
  });

  it('treats a field set to undefined as absent', () => {
    // Inputs come from JavaScript as well as JSON: a field can be there and hold undefined.
    const input = { arn: 'arn:aws:iam::111122223333:user/ana', account: undefined } as unknown as PrincipalInput;
    const first = derived(input);
    expect(derived(input)).toBe(first);
    expect(first.account).toBe('111122223333');
  });
});
