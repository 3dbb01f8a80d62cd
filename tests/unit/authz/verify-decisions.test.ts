/**
 * Every [VERIFY] point of the behavioural specification that touches evaluation, and every other
 * judgement call the evaluator makes, pinned with the source that decided it. Operator-level
 * decisions are pinned next to their tables (conditions-*.test.ts) and repeated here end to end.
 */
import { describe, expect, it } from 'vitest';
import { authorize } from '../../../src/sim/authz/index.ts';
import { allow, decisionTable, deny, doc, FULL_ACCESS } from './table.ts';
import { A, alice, B, BUCKET, carolB, OBJECT, readerSession } from './fixtures.ts';

const get = { action: 's3:GetObject', resource: OBJECT };

decisionTable('[VERIFY] decisions about evaluation', [
  {
    // Spec §24.1. IAM "How AWS enforcement code logic evaluates requests" (2024+): an SCP without
    // an Allow gives "a final decision of Deny", and the AccessDenied text reads "because no
    // service control policy allows" — the implicit-deny form. Recorded as ImplicitDeny.
    name: 'an SCP level without an Allow is an implicit deny',
    input: { principal: alice, request: get, policies: { identity: [doc(allow('*'))], scp: [FULL_ACCESS, doc(allow('ec2:*'))] } },
    expect: 'ImplicitDeny',
    deniedBy: 'service control policy',
  },
  {
    // Spec §11.2. Condition-operators page, "Important": an absent key makes the negated
    // operators true for "all condition operators except …IfExists and Null" — NotIpAddress,
    // NumericNotEquals and DateNotEquals included.
    name: 'Deny with NotIpAddress applies when aws:SourceIp is absent (VPC endpoint)',
    input: { principal: alice, request: get, policies: { identity: [doc(allow('*'), deny('*', '*', { Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }))] } },
    expect: 'ExplicitDeny',
  },
  {
    // Spec §12. Single- vs multivalued keys page ("ForAnyValue … returns false if there are no
    // keys") and repost.aws QU9HFmDzP0QGuU-fd7rS6B7w (ForAnyValue:StringEqualsIfExists on an
    // absent aws:TagKeys denied ListQueues): IfExists does not rescue ForAnyValue.
    name: 'ForAnyValue:StringEqualsIfExists on an absent key does not hold',
    input: { principal: alice, request: { action: 'sqs:ListQueues', resource: '*' }, policies: { identity: [doc(allow('sqs:*', '*', { Condition: { 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': ['team'] } } }))] } },
    expect: 'ImplicitDeny',
  },
  {
    // Spec §12. The page says not to use set operators with single-valued keys without defining
    // the result; treating the value as a one-element set is the reading under which its
    // "overly permissive" warning holds.
    name: 'a set operator on a single-valued key sees a one-element set',
    input: { principal: alice, request: { ...get, context: { 'aws:RequestTag/env': 'prod' } }, policies: { identity: [doc(allow('*', '*', { Condition: { 'ForAllValues:StringEquals': { 'aws:RequestTag/env': ['prod', 'dev'] } } }))] } },
    expect: 'Allow',
  },
  {
    // Spec §24.4. IAM "Roles terms and concepts" forbids "*" in a trust policy, the Principal
    // page (2025) describes it as possible. The parser warns; the evaluator honours it.
    name: 'a trust policy with Principal "*" (and a condition) is honoured',
    input: {
      principal: carolB,
      request: { action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/Shared`, context: { 'aws:PrincipalOrgID': 'o-1' } },
      policies: { identity: [doc(allow('sts:AssumeRole'))], trust: doc({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } }) },
    },
    expect: 'Allow',
  },
  {
    // Spec §15 / §24.10. Service Authorization Reference: assumed-role ARNs carry the role name
    // without its path. When the case gives roleArn (with a path) it is used for matching;
    // otherwise the role ARN is rebuilt from the session ARN without a path.
    name: 'a role with a path is matched through principal.roleArn',
    input: {
      principal: { arn: `arn:aws:sts::${A}:assumed-role/Reader/app`, roleArn: `arn:aws:iam::${A}:role/team/Reader` },
      request: get,
      policies: { resource: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:role/team/Reader` }, Action: 's3:GetObject', Resource: `${BUCKET}/*` }) },
    },
    expect: 'Allow',
  },
  {
    // Spec §4 table, row '"*" (no condition)': "For IAM users and role principals within your
    // account, no other permissions are required" (Principal page). The boundary and session
    // columns are unspecified; we treat "*" like a direct grant, as for "*" + aws:PrincipalArn.
    name: 'Principal "*" is a direct grant for a same-account session with a restrictive session policy',
    input: { principal: readerSession, request: get, policies: { resource: doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/*` }), session: doc(allow('ec2:*')) } },
    expect: 'Allow',
  },
  {
    // Spec §22.3. S3 Block Public Access: a policy is public unless its "*" grants are pinned to
    // fixed values; aws:PrincipalAccount fixes the principal as a named account would.
    name: 'RestrictPublicBuckets: "*" pinned by aws:PrincipalAccount is not public',
    input: {
      principal: carolB,
      request: { ...get, resourceAccount: A },
      policies: { identity: [doc(allow('s3:*'))], resource: doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/*`, Condition: { StringEquals: { 'aws:PrincipalAccount': B } } }), s3PublicAccessBlock: { RestrictPublicBuckets: true } },
    },
    expect: 'Allow',
  },
  {
    // Spec §24.3 is about the resource a caller passes: the evaluator compares literally, so a
    // request for "*" (ListAllMyBuckets) is covered by Resource "*" only (NotAction page).
    name: 'a request on "*" is not covered by arn:aws:s3:::*',
    input: { principal: alice, request: { action: 's3:ListAllMyBuckets', resource: '*' }, policies: { identity: [doc(allow('s3:ListAllMyBuckets', 'arn:aws:s3:::*'))] } },
    expect: 'ImplicitDeny',
  },
]);

describe('[VERIFY] NotPrincipal with Allow (spec §24.2)', () => {
  it('is rejected as a malformed policy (NotPrincipal page, 2025: "not supported")', () => {
    const result = authorize({ principal: alice, request: get, policies: { resource: doc({ Effect: 'Allow', NotPrincipal: { AWS: B }, Action: 's3:*', Resource: `${BUCKET}/*` }) } });
    expect(result.decision).toBeUndefined();
    expect(result.errors?.[0]?.code).toBe('INVALID_POLICY');
  });
});
