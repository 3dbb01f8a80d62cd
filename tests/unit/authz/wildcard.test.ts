import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob, globMatch, matchesWildcard } from '../../../src/sim/authz/index.ts';

/** The oracle: the same glob as a regular expression (`*` → `.*`, `?` → `.`). */
function oracle(pattern: string, value: string): boolean {
  const source = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 's').test(value);
}

describe('glob matching', () => {
  it.each([
    ['*', '', true],
    ['*', 'anything:at/all', true],
    ['s3:Get*', 's3:GetObject', true],
    ['s3:Get*', 's3:PutObject', false],
    ['iam:*AccessKey*', 'iam:CreateAccessKey', true],
    ['iam:*AccessKey*', 'iam:ListAccessKeys', true],
    ['iam:*AccessKey*', 'iam:ListUsers', false],
    ['a?c', 'abc', true],
    ['a?c', 'abbc', false],
    ['*.amazonaws.com', 'ec2.amazonaws.com', true],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'aXbY', false],
    ['ab', 'AB', false],
  ])('%s vs %s → %s', (pattern, value, expected) => {
    expect(globMatch(pattern, value)).toBe(expected);
    expect(compileGlob(pattern)(value)).toBe(expected);
  });

  it('ignores case only when asked (actions: iam:ListAccessKeys ≡ IAM:listaccesskeys)', () => {
    expect(matchesWildcard('IAM:listaccesskeys', 'iam:ListAccessKeys', true)).toBe(true);
    expect(matchesWildcard('IAM:listaccesskeys', 'iam:ListAccessKeys')).toBe(false);
  });

  it('agrees with a regular-expression oracle', () => {
    const alphabet = fc.constantFrom('a', 'b', ':', '/', '*', '?');
    const valueAlphabet = fc.constantFrom('a', 'b', ':', '/', '*', '?', '');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 8 }), fc.array(valueAlphabet, { maxLength: 10 }), (p, v) => {
        const pattern = p.join('');
        const value = v.join('');
        expect(compileGlob(pattern)(value)).toBe(oracle(pattern, value));
        expect(globMatch(pattern, value)).toBe(oracle(pattern, value));
      }),
      { numRuns: 3000 },
    );
  });
});
