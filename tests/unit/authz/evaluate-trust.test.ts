/**
 * Role trust policies (STS AssumeRole / AssumeRoleWithSAML / AssumeRoleWithWebIdentity): the trust
 * policy must allow the caller itself; in the same account a trust policy naming the caller needs
 * no identity policy, one naming the account does; across accounts both sides must allow.
 */
import { allow, decisionTable, deny, doc } from './table.ts';
import { A, alice, ALICE_ARN, B, carolB, CAROL_B_ARN, readerSession, ROLE_ARN, ROOT_A } from './fixtures.ts';

const TARGET = `arn:aws:iam::${A}:role/Admin`;
const assume = { action: 'sts:AssumeRole', resource: TARGET };
const mayAssume = doc(allow('sts:AssumeRole', TARGET));
const trustFor = (principal: unknown, extra: Record<string, unknown> = {}) => doc({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra });

decisionTable('sts:AssumeRole in the same account', [
  { name: 'trust names the user: no identity policy needed', input: { principal: alice, request: assume, policies: { trust: trustFor({ AWS: ALICE_ARN }) } }, expect: 'Allow' },
  { name: 'trust names the account: identity Allow needed', input: { principal: alice, request: assume, policies: { trust: trustFor({ AWS: A }) } }, expect: 'ImplicitDeny', deniedBy: 'identity-based policy' },
  { name: 'trust names the account + identity Allow', input: { principal: alice, request: assume, policies: { trust: trustFor({ AWS: A }), identity: [mayAssume] } }, expect: 'Allow' },
  {
    name: 'identity Allow alone is not enough',
    input: { principal: alice, request: assume, policies: { trust: trustFor({ Service: 'ec2.amazonaws.com' }), identity: [mayAssume] } },
    expect: 'ImplicitDeny',
    deniedBy: 'role trust policy',
    check: (r) => {
      if (r.message !== `User: ${ALICE_ARN} is not authorized to perform: sts:AssumeRole on resource: ${TARGET} because no role trust policy allows the sts:AssumeRole action`) throw new Error(r.message);
    },
  },
  { name: 'a role assumed without any trust policy in the case is denied', input: { principal: alice, request: assume, policies: { identity: [mayAssume] } }, expect: 'ImplicitDeny', deniedBy: 'role trust policy' },
  {
    name: 'a role does not trust itself implicitly (role chaining into the same role)',
    input: { principal: readerSession, request: { action: 'sts:AssumeRole', resource: ROLE_ARN }, policies: { trust: trustFor({ Service: 'ec2.amazonaws.com' }), identity: [doc(allow('sts:AssumeRole', ROLE_ARN))] } },
    expect: 'ImplicitDeny',
    deniedBy: 'role trust policy',
  },
  { name: 'trust names the caller’s role', input: { principal: readerSession, request: assume, policies: { trust: trustFor({ AWS: ROLE_ARN }) } }, expect: 'Allow' },
  { name: 'an explicit deny in the trust policy', input: { principal: alice, request: assume, policies: { trust: doc({ Effect: 'Allow', Principal: { AWS: A }, Action: 'sts:AssumeRole' }, { Effect: 'Deny', Principal: { AWS: ALICE_ARN }, Action: 'sts:AssumeRole' }), identity: [mayAssume] } }, expect: 'ExplicitDeny', deniedBy: 'role trust policy' },
  {
    name: 'external id required by the trust policy',
    input: { principal: alice, request: { ...assume, context: { 'sts:ExternalId': 'wrong' } }, policies: { trust: trustFor({ AWS: ALICE_ARN }, { Condition: { StringEquals: { 'sts:ExternalId': 'Unique-1' } } }) } },
    expect: 'ImplicitDeny',
    deniedBy: 'role trust policy',
  },
  {
    name: 'external id given',
    input: { principal: alice, request: { ...assume, context: { 'sts:ExternalId': 'Unique-1' } }, policies: { trust: trustFor({ AWS: ALICE_ARN }, { Condition: { StringEquals: { 'sts:ExternalId': 'Unique-1' } } }) } },
    expect: 'Allow',
  },
  { name: 'the root user still needs the trust policy', input: { principal: ROOT_A, request: assume, policies: { trust: trustFor({ Service: 'ec2.amazonaws.com' }) } }, expect: 'ImplicitDeny', deniedBy: 'role trust policy' },
]);

decisionTable('sts:AssumeRole across accounts', [
  { name: 'trust names the account and the caller may assume', input: { principal: carolB, request: assume, policies: { trust: trustFor({ AWS: B }), identity: [mayAssume] } }, expect: 'Allow' },
  { name: 'trust names the account, caller lacks identity Allow', input: { principal: carolB, request: assume, policies: { trust: trustFor({ AWS: B }) } }, expect: 'ImplicitDeny', deniedBy: 'identity-based policy' },
  { name: 'trust names the user, caller lacks identity Allow (both sides needed)', input: { principal: carolB, request: assume, policies: { trust: trustFor({ AWS: CAROL_B_ARN }) } }, expect: 'ImplicitDeny', deniedBy: 'identity-based policy' },
  { name: 'trust does not name the caller', input: { principal: carolB, request: assume, policies: { trust: trustFor({ AWS: A }), identity: [mayAssume] } }, expect: 'ImplicitDeny', deniedBy: 'role trust policy' },
  { name: 'explicit deny in the caller’s identity policy', input: { principal: carolB, request: assume, policies: { trust: trustFor({ AWS: B }), identity: [mayAssume, doc(deny('sts:*'))] } }, expect: 'ExplicitDeny', deniedBy: 'identity-based policy' },
]);

decisionTable('services and identity providers assuming roles', [
  { name: 'EC2 assumes its instance role', input: { principal: { arn: 'ec2.amazonaws.com' }, request: assume, policies: { trust: trustFor({ Service: 'ec2.amazonaws.com' }) } }, expect: 'Allow', summary: 'the service ec2.amazonaws.com' },
  { name: 'Lambda cannot assume an EC2-only role', input: { principal: { arn: 'lambda.amazonaws.com' }, request: assume, policies: { trust: trustFor({ Service: 'ec2.amazonaws.com' }) } }, expect: 'ImplicitDeny', deniedBy: 'role trust policy' },
  {
    name: 'web identity with the right audience (no identity policy exists for the caller)',
    input: {
      principal: { arn: 'cognito-identity.amazonaws.com' },
      request: { action: 'sts:AssumeRoleWithWebIdentity', resource: TARGET, context: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool', 'cognito-identity.amazonaws.com:amr': ['unauthenticated'] } },
      policies: {
        trust: doc({
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool' }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' } },
        }),
      },
    },
    expect: 'Allow',
  },
  {
    name: 'web identity with the wrong audience',
    input: {
      principal: { arn: 'cognito-identity.amazonaws.com' },
      request: { action: 'sts:AssumeRoleWithWebIdentity', resource: TARGET, context: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:other' } },
      policies: { trust: doc({ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool' } } }) },
    },
    expect: 'ImplicitDeny',
    deniedBy: 'role trust policy',
  },
  {
    name: 'SAML federation',
    input: {
      principal: { arn: `arn:aws:iam::${A}:saml-provider/Corp` },
      request: { action: 'sts:AssumeRoleWithSAML', resource: TARGET, context: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
      policies: { trust: doc({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${A}:saml-provider/Corp` }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } }) },
    },
    expect: 'Allow',
  },
  {
    name: 'the trust must allow the exact assume action',
    input: { principal: { arn: `arn:aws:iam::${A}:saml-provider/Corp` }, request: { action: 'sts:AssumeRoleWithSAML', resource: TARGET }, policies: { trust: trustFor({ Federated: `arn:aws:iam::${A}:saml-provider/Corp` }) } },
    expect: 'ImplicitDeny',
    deniedBy: 'role trust policy',
  },
]);
