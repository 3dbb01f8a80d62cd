/**
 * Cross-account requests (IAM "Cross-account policy evaluation logic"): the caller's account and
 * the resource's account must both allow. A resource policy naming the other account delegates to
 * it; that account's root user needs nothing more (IAM "How roles differ from resource-based policies").
 */
import { allow, decisionTable, deny, doc, FULL_ACCESS } from './table.ts';
import { A, B, B_ROLE_ARN, BUCKET, carolB, CAROL_B_ARN, OBJECT, partnerSession, ROOT_B } from './fixtures.ts';

const get = { action: 's3:GetObject', resource: OBJECT, resourceAccount: A };
const readAll = doc(allow('s3:GetObject', `${BUCKET}/*`));
const bucketFor = (principal: unknown) => doc({ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: `${BUCKET}/*` });

decisionTable('cross-account access needs both sides', [
  { name: 'bucket policy names the account + identity Allow', input: { principal: carolB, request: get, policies: { identity: [readAll], resource: bucketFor({ AWS: B }) } }, expect: 'Allow', summary: 'crosses accounts, and both sides allow it' },
  { name: 'bucket policy names the user + identity Allow', input: { principal: carolB, request: get, policies: { identity: [readAll], resource: bucketFor({ AWS: CAROL_B_ARN }) } }, expect: 'Allow' },
  {
    name: 'bucket policy names the user, but no identity Allow',
    input: { principal: carolB, request: get, policies: { resource: bucketFor({ AWS: CAROL_B_ARN }) } },
    expect: 'ImplicitDeny',
    deniedBy: 'identity-based policy',
    summary: 'crosses accounts, so your own account must allow it too',
  },
  {
    name: 'identity Allow but the bucket policy names another account',
    input: { principal: partnerSession, request: get, policies: { identity: [readAll], resource: bucketFor({ AWS: '999988887777' }) } },
    expect: 'ImplicitDeny',
    deniedBy: 'resource-based policy',
    summary: 'Denied: the request crosses accounts, and the bucket policy has no statement that names your role',
  },
  { name: 'identity Allow but no bucket policy at all', input: { principal: carolB, request: get, policies: { identity: [readAll] } }, expect: 'ImplicitDeny', deniedBy: 'resource-based policy' },
  { name: 'bucket policy names the role of the session', input: { principal: partnerSession, request: get, policies: { identity: [readAll], resource: bucketFor({ AWS: B_ROLE_ARN }) } }, expect: 'Allow' },
  {
    name: 'the session policy limits the identity side',
    input: { principal: partnerSession, request: get, policies: { identity: [readAll], resource: bucketFor({ AWS: B }), session: doc(allow('ec2:*')) } },
    expect: 'ImplicitDeny',
    deniedBy: 'session policy',
  },
  {
    name: 'the boundary limits the identity side',
    input: { principal: carolB, request: get, policies: { identity: [readAll], resource: bucketFor({ AWS: B }), boundary: doc(allow('ec2:*')) } },
    expect: 'ImplicitDeny',
    deniedBy: 'permissions boundary',
  },
  {
    name: 'the identity policy must cover the specific resource',
    input: { principal: carolB, request: get, policies: { identity: [doc(allow('s3:GetObject', 'arn:aws:s3:::other-bucket/*'))], resource: bucketFor({ AWS: B }) } },
    expect: 'ImplicitDeny',
    deniedBy: 'identity-based policy',
  },
  { name: 'the other account’s root user needs no identity policy', input: { principal: ROOT_B, request: get, policies: { resource: bucketFor({ AWS: B }) } }, expect: 'Allow', summary: 'as its root user you need no identity-based policy' },
  { name: 'the other account’s root user is not covered by a grant to one of its users', input: { principal: ROOT_B, request: get, policies: { resource: bucketFor({ AWS: CAROL_B_ARN }) } }, expect: 'ImplicitDeny', deniedBy: 'resource-based policy' },
  {
    name: 'an explicit deny in the bucket policy wins',
    input: {
      principal: carolB,
      request: get,
      policies: { identity: [readAll], resource: doc({ Effect: 'Allow', Principal: { AWS: B }, Action: 's3:*', Resource: `${BUCKET}/*` }, { Effect: 'Deny', Principal: { AWS: CAROL_B_ARN }, Action: 's3:GetObject', Resource: `${BUCKET}/*` }) },
    },
    expect: 'ExplicitDeny',
    deniedBy: 'resource-based policy',
  },
  {
    name: 'no delegation across partitions',
    input: { principal: carolB, request: get, policies: { identity: [readAll], resource: bucketFor({ AWS: `arn:aws-cn:iam::${B}:root` }) } },
    expect: 'ImplicitDeny',
    deniedBy: 'resource-based policy',
  },
  {
    name: 'SCPs of the resource owner do not restrict outside principals',
    input: { principal: carolB, request: get, policies: { identity: [readAll], resource: bucketFor({ AWS: B }), scp: [doc(deny('s3:*'))], scpAccount: A } },
    expect: 'Allow',
    check: (r) => {
      if (r.steps.find((s) => s.step === 'scp')?.outcome !== 'skipped') throw new Error('SCP step should be skipped');
    },
  },
  {
    name: 'the caller account’s SCPs do restrict it',
    input: { principal: carolB, request: get, policies: { identity: [readAll], resource: bucketFor({ AWS: B }), scp: [FULL_ACCESS, doc(allow('ec2:*'))] } },
    expect: 'ImplicitDeny',
    deniedBy: 'service control policy',
  },
]);
