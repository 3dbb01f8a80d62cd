/**
 * readPolicy: the canonical sentences, asserted whole. They are the examples lessons quote, so
 * a wording change here is a deliberate decision.
 */
import { describe, expect, it } from 'vitest';
import { doc, sentences } from './helpers.ts';

const IAMUG = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
const S3UG = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide';

describe('canonical sentences (asserted whole)', () => {
  it('identity: s3:GetObject on objects, limited by source IP', () => {
    const d = doc({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::reports/*',
      Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    });
    expect(sentences(d, 'identity')).toEqual([
      'Allows s3:GetObject on every object in the bucket reports, only when the request comes from 203.0.113.0/24.',
    ]);
  });

  it('identity: Deny NotAction unless MFA', () => {
    const d = doc({
      Effect: 'Deny',
      NotAction: ['iam:ChangePassword', 'sts:GetCallerIdentity'],
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    });
    expect(sentences(d, 'identity')).toEqual([
      'Denies every action except iam:ChangePassword and sts:GetCallerIdentity on every resource unless MFA was used.',
    ]);
  });

  it(`trust: the EC2 service (${IAMUG}/id_roles_create_for-service.html)`, () => {
    const d = doc({
      Effect: 'Allow',
      Principal: { Service: 'ec2.amazonaws.com' },
      Action: 'sts:AssumeRole',
    });
    expect(sentences(d, 'role-trust')).toEqual(['Lets the EC2 service assume this role.']);
  });

  it(`trust: a whole account (${IAMUG}/id_roles_create_for-user.html)`, () => {
    const d = doc({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:root' },
      Action: 'sts:AssumeRole',
    });
    expect(sentences(d, 'role-trust')).toEqual([
      'Lets any principal in account 111122223333 assume this role, if their identity policy also allows it.',
    ]);
    // The short form means the same account principal.
    const short = doc({
      Effect: 'Allow',
      Principal: { AWS: '111122223333' },
      Action: 'sts:AssumeRole',
    });
    expect(sentences(short, 'role-trust')).toEqual(sentences(d, 'role-trust'));
  });

  it(`bucket policy: public read (${S3UG}/example-bucket-policies.html)`, () => {
    const d = doc({
      Sid: 'PublicRead',
      Effect: 'Allow',
      Principal: '*',
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Resource: ['arn:aws:s3:::amzn-s3-demo-bucket/*'],
    });
    expect(sentences(d, 's3-bucket')).toEqual([
      'Allows everyone, including anonymous users, s3:GetObject and s3:GetObjectVersion on every object in the bucket amzn-s3-demo-bucket.',
    ]);
  });

  it('Lets this account when the account is given', () => {
    const d = doc({
      Effect: 'Allow',
      Principal: { AWS: '111122223333' },
      Action: 'sts:AssumeRole',
    });
    expect(sentences(d, 'role-trust', { account: '111122223333' })).toEqual([
      'Lets any principal in this account assume this role, if their identity policy also allows it.',
    ]);
  });
});
