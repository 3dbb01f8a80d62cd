import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arnLike, resourceMatches, splitArn } from '../../../src/sim/authz/index.ts';

describe('Resource matching (IAM Resource element page, wildcards)', () => {
  const pattern = 'arn:aws:s3:::amzn-s3-demo-bucket/*/test/*';
  it.each([
    'arn:aws:s3:::amzn-s3-demo-bucket/1/2/test/3/object.jpg',
    'arn:aws:s3:::amzn-s3-demo-bucket/1///test///object.jpg',
    'arn:aws:s3:::amzn-s3-demo-bucket//test/object.jpg',
    'arn:aws:s3:::amzn-s3-demo-bucket/1/test/',
  ])('B/*/test/* matches %s', (resource) => {
    expect(resourceMatches(pattern, resource)).toBe(true);
  });
  it.each([
    'arn:aws:s3:::amzn-s3-demo-bucket/test/object.jpg',
    'arn:aws:s3:::amzn-s3-demo-bucket/1-test/object.jpg',
    'arn:aws:s3:::amzn-s3-demo-bucket/1/2/test.jpg',
  ])('B/*/test/* does not match %s', (resource) => {
    expect(resourceMatches(pattern, resource)).toBe(false);
  });

  it('is case-sensitive ("the IAM user name is case sensitive")', () => {
    expect(resourceMatches('arn:aws:iam::111122223333:user/Bob', 'arn:aws:iam::111122223333:user/bob')).toBe(false);
  });

  it('keeps bucket and object ARNs apart', () => {
    expect(resourceMatches('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket')).toBe(false);
    expect(resourceMatches('arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/key')).toBe(false);
    expect(resourceMatches('arn:aws:s3:::bucket*', 'arn:aws:s3:::bucket/key')).toBe(true);
  });

  it('lets a `*` inside a segment stay in it, and a trailing `*` run past colons', () => {
    // Mid-segment `*` in the Region does not swallow the account.
    expect(resourceMatches('arn:aws:sqs:us-*1:111122223333:q', 'arn:aws:sqs:us-east-1:111122223333:q')).toBe(true);
    expect(resourceMatches('arn:aws:sqs:u*t:111122223333:q', 'arn:aws:sqs:us:x:111122223333:q')).toBe(false);
    // A segment's last character `*` may expand past the colon (2025 text).
    expect(resourceMatches('arn:aws:ec2:*', 'arn:aws:ec2:us-east-1:111122223333:instance/i-1')).toBe(true);
    expect(resourceMatches('arn:aws:ec2:*:*:instance/*', 'arn:aws:ec2:us-east-1:111122223333:instance/i-1')).toBe(true);
    expect(resourceMatches('arn:aws:lambda:*:*:function:f*', 'arn:aws:lambda:us-east-1:1:function:fn:alias')).toBe(true);
    expect(resourceMatches('arn:aws:iam::111122223333:user/?ob', 'arn:aws:iam::111122223333:user/Bob')).toBe(true);
  });

  it('matches "*" against anything and an action without resource only with "*"', () => {
    expect(resourceMatches('*', 'arn:aws:s3:::b')).toBe(true);
    expect(resourceMatches('*', '*')).toBe(true);
    expect(resourceMatches('arn:aws:s3:::*', '*')).toBe(false);
  });

  it('agrees with a glob on the resource part when the ARN prefix is fixed', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab/*?]{0,6}$/), fc.stringMatching(/^[ab/:]{0,8}$/), (p, v) => {
        const glob = new RegExp(`^${[...p].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c)).join('')}$`, 's');
        expect(resourceMatches(`arn:aws:s3:::${p}`, `arn:aws:s3:::${v}`)).toBe(glob.test(v));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('ArnLike (six components, each matched separately)', () => {
  it('splits at the first five colons only', () => {
    expect(splitArn('arn:aws:lambda:us-east-1:1:function:f:alias')).toEqual(['arn', 'aws', 'lambda', 'us-east-1', '1', 'function:f:alias']);
    expect(splitArn('arn:aws:s3')).toBeNull();
  });
  it('reproduces the ArnLike vs StringLike example', () => {
    const value = 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt';
    expect(arnLike('arn:aws:someservice:*:111122223333:finance/*', value)).toBe(false);
    expect(arnLike('arn:aws:someservice:*:999999999999:*', value)).toBe(true);
  });
});
