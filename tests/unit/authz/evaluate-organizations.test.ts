/**
 * AWS Organizations: SCPs limit principals of member accounts level by level (root user included;
 * not the management account, not service-linked roles); RCPs limit resources of member accounts
 * for every caller, outside principals included (Organizations SCP and RCP pages; IAM
 * enforcement-code page).
 */
import { allow, decisionTable, deny, doc, FULL_ACCESS, RCP_FULL_ACCESS } from './table.ts';
import { A, alice, B, BUCKET, carolB, OBJECT, readerSession, ROOT_A } from './fixtures.ts';

const get = { action: 's3:GetObject', resource: OBJECT };
const readAll = doc(allow('s3:GetObject', `${BUCKET}/*`));
const onlyEc2 = doc(allow('ec2:*'));
const denyS3 = doc(allow('*'), deny('s3:*'));

/** The perimeter RCP from the KMS RCP page, applied to S3. */
const perimeter = doc({
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: '*',
  Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-mine' }, Bool: { 'aws:PrincipalIsAWSService': 'false' } },
});

decisionTable('service control policies', [
  { name: 'every level allows', input: { principal: alice, request: get, policies: { identity: [readAll], scp: [FULL_ACCESS, FULL_ACCESS, FULL_ACCESS] } }, expect: 'Allow' },
  {
    name: 'one level without an Allow denies (implicitly)',
    input: { principal: alice, request: get, policies: { identity: [readAll], scp: [FULL_ACCESS, onlyEc2, FULL_ACCESS] } },
    expect: 'ImplicitDeny',
    deniedBy: 'service control policy',
    summary: 'level 2',
  },
  { name: 'a Deny at any level', input: { principal: alice, request: get, policies: { identity: [readAll], scp: [FULL_ACCESS, denyS3] } }, expect: 'ExplicitDeny', deniedBy: 'service control policy' },
  { name: 'SCPs never grant', input: { principal: alice, request: get, policies: { scp: [FULL_ACCESS] } }, expect: 'ImplicitDeny', deniedBy: 'identity-based policy' },
  { name: 'limits role sessions', input: { principal: readerSession, request: get, policies: { identity: [readAll], scp: [onlyEc2] } }, expect: 'ImplicitDeny', deniedBy: 'service control policy' },
  { name: 'limits the root user of a member account', input: { principal: ROOT_A, request: get, policies: { scp: [FULL_ACCESS, denyS3] } }, expect: 'ExplicitDeny', deniedBy: 'service control policy' },
  { name: 'the member root user is limited by a missing Allow too', input: { principal: ROOT_A, request: get, policies: { scp: [onlyEc2] } }, expect: 'ImplicitDeny', deniedBy: 'service control policy' },
  { name: 'no effect on the management account', input: { principal: { ...alice, isManagementAccount: true }, request: get, policies: { identity: [readAll], scp: [denyS3] } }, expect: 'Allow' },
  { name: 'no effect on the management account root user', input: { principal: { ...ROOT_A, isManagementAccount: true }, request: get, policies: { scp: [denyS3] } }, expect: 'Allow' },
  {
    name: 'no effect on service-linked roles',
    input: {
      principal: { arn: `arn:aws:sts::${A}:assumed-role/AWSServiceRoleForSupport/s`, isServiceLinkedRole: true },
      request: get,
      policies: { identity: [readAll], scp: [denyS3] },
    },
    expect: 'Allow',
  },
  {
    name: 'an SCP with a condition',
    input: {
      principal: alice,
      request: { ...get, context: { 'aws:RequestedRegion': 'eu-west-1' } },
      policies: { identity: [readAll], scp: [doc(allow('*'), deny('*', '*', { Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1'] } } }))] },
    },
    expect: 'ExplicitDeny',
    deniedBy: 'service control policy',
  },
]);

const bucketForB = doc({ Effect: 'Allow', Principal: { AWS: B }, Action: 's3:GetObject', Resource: `${BUCKET}/*` });

decisionTable('resource control policies', [
  { name: 'RCPFullAWSAccess at every level', input: { principal: alice, request: get, policies: { identity: [readAll], rcp: [RCP_FULL_ACCESS, RCP_FULL_ACCESS] } }, expect: 'Allow' },
  {
    // Customer RCPs may only Deny, so a level lacks an Allow when RCPFullAWSAccess is left out.
    name: 'a level without an Allow denies (implicitly)',
    input: { principal: alice, request: get, policies: { identity: [readAll], rcp: [RCP_FULL_ACCESS, doc({ Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: '*' })] } },
    expect: 'ImplicitDeny',
    deniedBy: 'resource control policy',
  },
  {
    name: 'the perimeter denies a caller with no organization (aws:PrincipalOrgID absent, IfExists)',
    input: { principal: alice, request: get, policies: { identity: [readAll], rcp: [doc(...(RCP_FULL_ACCESS.Statement as Record<string, unknown>[]), ...(perimeter.Statement as Record<string, unknown>[]))] } },
    expect: 'ExplicitDeny',
    deniedBy: 'resource control policy',
  },
  {
    name: 'the perimeter denies principals outside the organization',
    input: { principal: carolB, request: { ...get, resourceAccount: A, context: { 'aws:PrincipalOrgID': 'o-other' } }, policies: { identity: [readAll], resource: bucketForB, rcp: [RCP_FULL_ACCESS, doc(...(RCP_FULL_ACCESS.Statement as Record<string, unknown>[]), ...(perimeter.Statement as Record<string, unknown>[]))] } },
    expect: 'ExplicitDeny',
    deniedBy: 'resource control policy',
  },
  {
    name: 'the perimeter lets organization principals through',
    input: { principal: carolB, request: { ...get, resourceAccount: A, context: { 'aws:PrincipalOrgID': 'o-mine' } }, policies: { identity: [readAll], resource: bucketForB, rcp: [doc(...(RCP_FULL_ACCESS.Statement as Record<string, unknown>[]), ...(perimeter.Statement as Record<string, unknown>[]))] } },
    expect: 'Allow',
  },
  {
    name: 'the perimeter lets AWS services through',
    input: {
      principal: { arn: 'cloudtrail.amazonaws.com' },
      request: { action: 's3:PutObject', resource: OBJECT, resourceAccount: A },
      policies: { resource: doc({ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `${BUCKET}/*` }), rcp: [doc(...(RCP_FULL_ACCESS.Statement as Record<string, unknown>[]), ...(perimeter.Statement as Record<string, unknown>[]))] },
    },
    expect: 'Allow',
  },
  {
    name: 'RCPs do not apply to resources of the management account',
    input: { principal: { ...alice, isManagementAccount: true }, request: get, policies: { identity: [readAll], rcp: [perimeter] } },
    expect: 'Allow',
  },
  {
    name: 'RCPs do not apply when the case says the resource is in the management account',
    input: { principal: carolB, request: { ...get, resourceAccount: A, resourceInManagementAccount: true }, policies: { identity: [readAll], resource: bucketForB, rcp: [perimeter] } },
    expect: 'Allow',
  },
  {
    name: 'RCPs do not apply to AWS managed KMS keys',
    input: {
      principal: alice,
      request: { action: 'kms:Decrypt', resource: `arn:aws:kms:us-east-1:${A}:key/1234`, awsManagedKey: true },
      policies: { identity: [doc(allow('kms:Decrypt'))], resource: doc({ Effect: 'Allow', Principal: { AWS: A }, Action: 'kms:*', Resource: '*' }), rcp: [doc({ Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*' })] },
    },
    expect: 'Allow',
  },
  {
    name: 'RCPs do not cover services outside their list (EC2)',
    input: { principal: alice, request: { action: 'ec2:StartInstances', resource: `arn:aws:ec2:us-east-1:${A}:instance/i-1` }, policies: { identity: [doc(allow('ec2:*'))], rcp: [perimeter] } },
    expect: 'Allow',
  },
]);
