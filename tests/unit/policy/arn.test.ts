/** parseArn (lenient splitting, used by the evaluator) and checkArnShape (strict, for Resource). */
import { describe, expect, it } from 'vitest';
import { checkArnShape, parseArn } from '../../../src/sim/policy/index.ts';

describe('parseArn', () => {
  // Formats from the IAM User Guide, "IAM identifiers" (reference_identifiers.html).
  it.each([
    [
      'arn:aws:iam::123456789012:root',
      { partition: 'aws', service: 'iam', region: '', account: '123456789012', resource: 'root' },
    ],
    [
      'arn:aws:iam::123456789012:user/division_abc/JaneDoe',
      {
        partition: 'aws',
        service: 'iam',
        region: '',
        account: '123456789012',
        resource: 'user/division_abc/JaneDoe',
      },
    ],
    [
      'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      {
        partition: 'aws',
        service: 'iam',
        region: '',
        account: 'aws',
        resource: 'policy/service-role/AWSLambdaBasicExecutionRole',
      },
    ],
    [
      'arn:aws:sts::123456789012:assumed-role/Accounting-Role/JaneDoe',
      {
        partition: 'aws',
        service: 'sts',
        region: '',
        account: '123456789012',
        resource: 'assumed-role/Accounting-Role/JaneDoe',
      },
    ],
    [
      'arn:aws:s3:::my-bucket/key/with:colon',
      {
        partition: 'aws',
        service: 's3',
        region: '',
        account: '',
        resource: 'my-bucket/key/with:colon',
      },
    ],
    [
      'arn:aws-cn:lambda:cn-north-1:123456789012:function:f:prod',
      {
        partition: 'aws-cn',
        service: 'lambda',
        region: 'cn-north-1',
        account: '123456789012',
        resource: 'function:f:prod',
      },
    ],
    ['arn:*:s3:::*', { partition: '*', service: 's3', region: '', account: '', resource: '*' }],
    ['arn:aws:s3:::', { partition: 'aws', service: 's3', region: '', account: '', resource: '' }],
  ])('splits %s', (text, expected) => {
    expect(parseArn(text)).toEqual(expected);
  });

  it.each([
    '',
    '*',
    'arn',
    'arn:aws:s3',
    'arn:aws:s3::',
    'ARN:aws:s3:::b',
    'my-bucket',
    ' arn:aws:s3:::b',
  ])('rejects %j', (text) => {
    expect(parseArn(text)).toBeNull();
  });
});

describe('checkArnShape', () => {
  it.each([
    'arn:aws:s3:::b/*',
    'arn:aws-us-gov:ec2:*:*:instance/*',
    'arn:*:iam::*:role/*',
    'arn:aws*:s3:::b',
    'arn:aws:s3:::b/${aws:username}',
  ])('accepts %s', (text) => {
    expect(checkArnShape(text)).toBeNull();
  });

  it.each([
    ['bucket', 'not-arn'],
    ['arn:aws:s3:b', 'segments'],
    ['arn:amazon:s3:::b', 'partition'],
    ['arn:x*:s3:::b', 'partition'],
    ['arn:aws::::b', 'service-empty'],
    ['arn:aws:s?:::b', 'service-wildcard'],
    ['arn:aws:s3:::', 'resource-empty'],
  ])('rejects %s (%s)', (text, kind) => {
    expect(checkArnShape(text)?.kind).toBe(kind);
  });
});
