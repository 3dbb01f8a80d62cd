/**
 * Same-account decisions: identity policies alone, and the resource-policy principal forms of
 * IAM "Policy evaluation logic" (resource-based policies) — which forms an implicit deny in the
 * identity policy, the permissions boundary or the session policy can still limit.
 */
import { allow, decisionTable, deny, doc } from './table.ts';
import { A, ALICE_ARN, alice, BUCKET, federatedBob, FEDERATED_ARN, OBJECT, readerSession, ROLE_ARN, SESSION_ARN } from './fixtures.ts';

const get = { action: 's3:GetObject', resource: OBJECT };
const readAll = doc(allow('s3:GetObject', 'arn:aws:s3:::demo-bucket/*'));
const nothingUseful = doc(allow('ec2:DescribeInstances'));
const bucketFor = (principal: unknown, extra: Record<string, unknown> = {}) =>
  doc({ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: `${BUCKET}/*`, ...extra });

decisionTable('identity-based policies alone', [
  { name: 'an Allow grants', input: { principal: alice, request: get, policies: { identity: [readAll] } }, expect: 'Allow', summary: 'Allowed: an identity-based policy allows' },
  { name: 'no policy: implicit deny', input: { principal: alice, request: get, policies: {} }, expect: 'ImplicitDeny', deniedBy: 'identity-based policy' },
  { name: 'an unrelated Allow: implicit deny', input: { principal: alice, request: get, policies: { identity: [nothingUseful] } }, expect: 'ImplicitDeny', deniedBy: 'identity-based policy' },
  {
    name: 'a matching Deny beats any Allow',
    input: { principal: alice, request: get, policies: { identity: [readAll, doc(deny('s3:*'))] } },
    expect: 'ExplicitDeny',
    deniedBy: 'identity-based policy',
  },
  { name: 'actions are case-insensitive', input: { principal: alice, request: { action: 'S3:getobject', resource: OBJECT }, policies: { identity: [readAll] } }, expect: 'Allow' },
  {
    name: 'NotAction with Allow allows everything not listed',
    input: { principal: alice, request: get, policies: { identity: [doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })] } },
    expect: 'Allow',
  },
  {
    name: 'NotAction with Allow does not allow the listed action',
    input: { principal: alice, request: { action: 'iam:CreateUser', resource: '*' }, policies: { identity: [doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })] } },
    expect: 'ImplicitDeny',
  },
  {
    name: 'NotAction with Deny denies everything else but grants nothing',
    input: { principal: alice, request: get, policies: { identity: [readAll, doc({ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' })] } },
    expect: 'ExplicitDeny',
  },
  {
    name: 'NotResource with Deny spares the listed resource',
    input: { principal: alice, request: get, policies: { identity: [readAll, doc({ Effect: 'Deny', Action: 's3:*', NotResource: `${BUCKET}/reports/*` })] } },
    expect: 'Allow',
  },
  {
    name: 'NotResource with Deny hits other resources',
    input: { principal: alice, request: { action: 's3:GetObject', resource: `${BUCKET}/private/x` }, policies: { identity: [readAll, doc({ Effect: 'Deny', Action: 's3:*', NotResource: `${BUCKET}/reports/*` })] } },
    expect: 'ExplicitDeny',
  },
  {
    name: '${aws:username} in Resource (Version 2012-10-17)',
    input: { principal: alice, request: { action: 's3:GetObject', resource: `${BUCKET}/home/alice/a` }, policies: { identity: [doc(allow('s3:GetObject', `${BUCKET}/home/\${aws:username}/*`))] } },
    expect: 'Allow',
  },
  {
    name: "${aws:username} does not reach another user's folder",
    input: { principal: alice, request: { action: 's3:GetObject', resource: `${BUCKET}/home/bob/a` }, policies: { identity: [doc(allow('s3:GetObject', `${BUCKET}/home/\${aws:username}/*`))] } },
    expect: 'ImplicitDeny',
  },
  {
    name: 'a variable is literal text without Version 2012-10-17',
    input: { principal: alice, request: { action: 's3:GetObject', resource: `${BUCKET}/home/alice/a` }, policies: { identity: [{ Statement: [allow('s3:GetObject', `${BUCKET}/home/\${aws:username}/*`)] }] } },
    expect: 'ImplicitDeny',
  },
  {
    name: 'a variable with no value (role sessions have no aws:username) matches no resource',
    input: { principal: readerSession, request: { action: 's3:GetObject', resource: `${BUCKET}/home/app/a` }, policies: { identity: [doc(allow('s3:GetObject', `${BUCKET}/home/\${aws:username}/*`))] } },
    expect: 'ImplicitDeny',
    check: (r) => {
      if (!r.statements[0]?.detail.includes('${aws:username} has no value')) throw new Error(r.statements[0]?.detail);
    },
  },
]);

decisionTable('resource-based policy naming the user ARN: identity, boundary do not limit', [
  { name: 'no identity policy needed', input: { principal: alice, request: get, policies: { resource: bucketFor({ AWS: ALICE_ARN }) } }, expect: 'Allow', summary: 'names your user directly' },
  { name: 'a boundary that does not allow it does not limit it', input: { principal: alice, request: get, policies: { resource: bucketFor({ AWS: ALICE_ARN }), boundary: doc(allow('ec2:*')) } }, expect: 'Allow' },
  { name: 'an explicit deny in the identity policy still wins', input: { principal: alice, request: get, policies: { resource: bucketFor({ AWS: ALICE_ARN }), identity: [doc(deny('s3:GetObject'))] } }, expect: 'ExplicitDeny', deniedBy: 'identity-based policy' },
  { name: 'user names are case-sensitive', input: { principal: alice, request: get, policies: { resource: bucketFor({ AWS: `arn:aws:iam::${A}:user/Alice` }) } }, expect: 'ImplicitDeny', deniedBy: 'identity-based policy' },
]);

decisionTable('resource-based policy naming the role ARN: boundary and session policy limit, identity does not', [
  { name: 'no identity policy needed', input: { principal: readerSession, request: get, policies: { resource: bucketFor({ AWS: ROLE_ARN }) } }, expect: 'Allow', summary: 'grants s3:GetObject on' },
  { name: 'limited by the permissions boundary', input: { principal: readerSession, request: get, policies: { resource: bucketFor({ AWS: ROLE_ARN }), boundary: doc(allow('ec2:*')) } }, expect: 'ImplicitDeny', deniedBy: 'permissions boundary' },
  { name: 'limited by the session policy', input: { principal: readerSession, request: get, policies: { resource: bucketFor({ AWS: ROLE_ARN }), session: doc(allow('ec2:*')) } }, expect: 'ImplicitDeny', deniedBy: 'session policy' },
  { name: 'allowed when boundary and session policy allow', input: { principal: readerSession, request: get, policies: { resource: bucketFor({ AWS: ROLE_ARN }), boundary: readAll, session: readAll } }, expect: 'Allow' },
]);

decisionTable('resource-based policy naming the session ARN or federated-user ARN: nothing limits', [
  { name: 'session ARN: boundary and session policy do not limit', input: { principal: readerSession, request: get, policies: { resource: bucketFor({ AWS: SESSION_ARN }), boundary: doc(allow('ec2:*')), session: doc(allow('ec2:*')) } }, expect: 'Allow', summary: 'names your role directly' },
  { name: 'federated-user ARN: no session policy needed', input: { principal: federatedBob, request: get, policies: { resource: bucketFor({ AWS: FEDERATED_ARN }) } }, expect: 'Allow' },
]);

decisionTable('resource-based policy naming the IAM user who called GetFederationToken', [
  { name: 'limited by the session policy', input: { principal: federatedBob, request: get, policies: { resource: bucketFor({ AWS: ALICE_ARN }), session: doc(allow('ec2:*')) } }, expect: 'ImplicitDeny', deniedBy: 'session policy' },
  { name: 'allowed when the session policy allows', input: { principal: federatedBob, request: get, policies: { resource: bucketFor({ AWS: ALICE_ARN }), session: readAll } }, expect: 'Allow' },
  { name: 'limited by the boundary', input: { principal: federatedBob, request: get, policies: { resource: bucketFor({ AWS: ALICE_ARN }), session: readAll, boundary: doc(allow('ec2:*')) } }, expect: 'ImplicitDeny', deniedBy: 'permissions boundary' },
]);

decisionTable('resource-based policy naming the account: only delegation', [
  { name: 'account id: identity policy still required', input: { principal: alice, request: get, policies: { resource: bucketFor({ AWS: A }) } }, expect: 'ImplicitDeny', deniedBy: 'identity-based policy', summary: 'trusts your whole account' },
  { name: 'root ARN: identity policy still required', input: { principal: alice, request: get, policies: { resource: bucketFor({ AWS: `arn:aws:iam::${A}:root` }) } }, expect: 'ImplicitDeny', deniedBy: 'identity-based policy' },
  { name: 'with an identity Allow', input: { principal: alice, request: get, policies: { resource: bucketFor({ AWS: A }), identity: [readAll] } }, expect: 'Allow' },
  { name: 'limited by the boundary', input: { principal: alice, request: get, policies: { resource: bucketFor({ AWS: A }), identity: [readAll], boundary: doc(allow('ec2:*')) } }, expect: 'ImplicitDeny', deniedBy: 'permissions boundary' },
  { name: 'limited by the session policy', input: { principal: readerSession, request: get, policies: { resource: bucketFor({ AWS: A }), identity: [readAll], session: doc(allow('ec2:*')) } }, expect: 'ImplicitDeny', deniedBy: 'session policy' },
]);

decisionTable('resource-based policy with Principal "*"', [
  { name: '"*": same-account users need nothing more', input: { principal: alice, request: get, policies: { resource: bucketFor('*') } }, expect: 'Allow', summary: 'for everyone (Principal "*")' },
  { name: '{"AWS": "*"} is the same', input: { principal: readerSession, request: get, policies: { resource: bucketFor({ AWS: '*' }) } }, expect: 'Allow' },
  {
    name: '"*" with aws:PrincipalArn naming the role: boundary and session policy do not limit',
    input: {
      principal: readerSession,
      request: get,
      policies: { resource: bucketFor('*', { Condition: { ArnEquals: { 'aws:PrincipalArn': ROLE_ARN } } }), boundary: doc(allow('ec2:*')), session: doc(allow('ec2:*')) },
    },
    expect: 'Allow',
  },
  {
    name: '"*" with aws:PrincipalArn naming another role does not apply',
    input: { principal: readerSession, request: get, policies: { resource: bucketFor('*', { Condition: { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/Other` } } }) } },
    expect: 'ImplicitDeny',
    deniedBy: 'identity-based policy',
  },
]);

decisionTable('boundaries and session policies on the identity path', [
  { name: 'identity ∩ boundary: boundary must allow', input: { principal: alice, request: get, policies: { identity: [readAll], boundary: doc(allow('ec2:*')) } }, expect: 'ImplicitDeny', deniedBy: 'permissions boundary', summary: 'permissions boundary does not' },
  { name: 'a boundary alone grants nothing', input: { principal: alice, request: get, policies: { boundary: readAll } }, expect: 'ImplicitDeny', deniedBy: 'identity-based policy' },
  { name: 'a Deny in the boundary is explicit', input: { principal: alice, request: get, policies: { identity: [readAll], boundary: doc(allow('*'), deny('s3:GetObject')) } }, expect: 'ExplicitDeny', deniedBy: 'permissions boundary' },
  { name: 'role session without a session policy: role permissions apply', input: { principal: readerSession, request: get, policies: { identity: [readAll] } }, expect: 'Allow' },
  { name: 'role session: the session policy must allow', input: { principal: readerSession, request: get, policies: { identity: [readAll], session: doc(allow('ec2:*')) } }, expect: 'ImplicitDeny', deniedBy: 'session policy' },
  { name: 'a session policy cannot grant more than the role', input: { principal: readerSession, request: get, policies: { identity: [nothingUseful], session: readAll } }, expect: 'ImplicitDeny', deniedBy: 'identity-based policy' },
  { name: 'GetFederationToken session without a session policy has no permissions', input: { principal: federatedBob, request: get, policies: { identity: [readAll] } }, expect: 'ImplicitDeny', deniedBy: 'session policy', summary: 'without a session policy' },
  { name: 'GetFederationToken session with a session policy', input: { principal: federatedBob, request: get, policies: { identity: [readAll], session: readAll } }, expect: 'Allow' },
  { name: 'a session policy is ignored for an IAM user (no session)', input: { principal: alice, request: get, policies: { identity: [readAll], session: doc(allow('ec2:*')) } }, expect: 'Allow' },
]);
