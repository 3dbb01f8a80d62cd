/** Properties of authorize over generated cases (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorize } from '../../../src/sim/authz/index.ts';
import type { AuthorizeInput, PrincipalInput } from '../../../src/sim/authz/index.ts';
import { A, B } from './fixtures.ts';

const principals: PrincipalInput[] = [
  { arn: `arn:aws:iam::${A}:user/alice`, tags: { team: 'blue' } },
  { arn: `arn:aws:iam::${B}:user/carol` },
  { arn: `arn:aws:sts::${A}:assumed-role/Reader/app` },
  { arn: `arn:aws:sts::${B}:assumed-role/Partner/job` },
  { arn: `arn:aws:sts::${A}:federated-user/bob`, federatingUserArn: `arn:aws:iam::${A}:user/alice` },
  { arn: `arn:aws:iam::${A}:root` },
  { arn: `arn:aws:iam::${B}:root`, isManagementAccount: true },
];
const outsiders: PrincipalInput[] = [{ arn: 'anonymous' }, { arn: 's3.amazonaws.com' }];

const requests = [
  { action: 's3:GetObject', resource: 'arn:aws:s3:::demo/reports/a.csv', resourceAccount: A },
  { action: 's3:ListBucket', resource: 'arn:aws:s3:::demo', resourceAccount: A },
  { action: 's3:PutObject', resource: 'arn:aws:s3:::demo/in/x', resourceAccount: B },
  { action: 'ec2:StartInstances', resource: `arn:aws:ec2:us-east-1:${A}:instance/i-1` },
  { action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-east-1:${A}:queue` },
  { action: 'iam:ListUsers', resource: '*' },
];

const actionPattern = fc.constantFrom('*', 's3:*', 's3:Get*', 's3:GetObject', 'S3:getobject', 'ec2:*', 'sqs:Send*', 'iam:List?sers', 's3:?utObject');
const resourcePattern = fc.constantFrom('*', 'arn:aws:s3:::demo/*', 'arn:aws:s3:::demo', 'arn:aws:s3:::demo*', `arn:aws:ec2:*:${A}:instance/*`, 'arn:aws:sqs:*:*:queue', 'arn:aws:s3:::demo/${aws:username}/*', 'arn:aws:s3:::other/*');
const condition = fc.option(
  fc.constantFrom<Record<string, unknown>>(
    { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
    { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    { Bool: { 'aws:SecureTransport': 'true' } },
    { 'ForAnyValue:StringLike': { 'aws:TagKeys': 'env*' } },
    { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } },
    { Null: { 'aws:TokenIssueTime': 'true' } },
    { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${A}:*` } },
  ),
  { nil: undefined },
);
const context = fc.record(
  {
    'aws:SourceIp': fc.constantFrom('203.0.113.9', '198.51.100.7'),
    'aws:SecureTransport': fc.constantFrom('true', 'false'),
    'aws:TagKeys': fc.constantFrom<string[]>([], ['env'], ['env', 'owner']),
  },
  { requiredKeys: [] },
);

const identityStatement = fc
  .record({
    Effect: fc.constantFrom('Allow', 'Deny'),
    not: fc.boolean(),
    action: fc.array(actionPattern, { minLength: 1, maxLength: 3 }),
    resource: fc.array(resourcePattern, { minLength: 1, maxLength: 2 }),
    notResource: fc.boolean(),
    Condition: condition,
  })
  .map((s) => ({
    Effect: s.Effect,
    [s.not ? 'NotAction' : 'Action']: s.action,
    [s.notResource ? 'NotResource' : 'Resource']: s.resource,
    ...(s.Condition === undefined ? {} : { Condition: s.Condition }),
  }));

const principalValue = fc.constantFrom<unknown>('*', { AWS: A }, { AWS: B }, { AWS: `arn:aws:iam::${A}:user/alice` }, { AWS: `arn:aws:iam::${A}:role/Reader` }, { AWS: `arn:aws:iam::${B}:root` }, { Service: 's3.amazonaws.com' });
const resourceStatement = fc
  .record({ Effect: fc.constantFrom('Allow', 'Deny'), Principal: principalValue, action: actionPattern, resource: resourcePattern, Condition: condition })
  .map((s) => ({ Effect: s.Effect, Principal: s.Principal, Action: s.action, Resource: s.resource, ...(s.Condition === undefined ? {} : { Condition: s.Condition }) }));

const policyDoc = (statement: fc.Arbitrary<Record<string, unknown>>) => fc.array(statement, { minLength: 1, maxLength: 3 }).map((Statement) => ({ Version: '2012-10-17', Statement }));

const caseArb: fc.Arbitrary<AuthorizeInput> = fc
  .record({
    principal: fc.constantFrom(...principals, ...outsiders),
    request: fc.constantFrom(...requests),
    context,
    identity: fc.array(policyDoc(identityStatement), { maxLength: 2 }),
    resource: fc.option(policyDoc(resourceStatement), { nil: undefined }),
    boundary: fc.option(policyDoc(identityStatement), { nil: undefined }),
    session: fc.option(policyDoc(identityStatement), { nil: undefined }),
    scp: fc.option(fc.array(policyDoc(identityStatement), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  })
  .map((g) => ({
    principal: g.principal,
    request: { ...g.request, context: g.context },
    policies: {
      identity: g.identity,
      ...(g.resource === undefined ? {} : { resource: g.resource }),
      ...(g.boundary === undefined ? {} : { boundary: g.boundary }),
      ...(g.session === undefined ? {} : { session: g.session }),
      ...(g.scp === undefined ? {} : { scp: g.scp }),
    },
  }));

const isIam = (p: PrincipalInput) => !p.arn.endsWith(':root') && p.arn.startsWith('arn:');

describe('authorize properties', () => {
  it('never throws, whatever the input, and always returns a decision or errors', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), caseArb, fc.record({ principal: fc.anything(), request: fc.anything(), policies: fc.anything() })), (input) => {
        const result = authorize(input as AuthorizeInput);
        expect(Array.isArray(result.steps)).toBe(true);
        expect(typeof result.summary).toBe('string');
        expect(result.decision === undefined).toBe((result.errors?.length ?? 0) > 0);
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on policies full of garbage', () => {
    fc.assert(
      fc.property(fc.constantFrom(...principals), fc.array(fc.oneof(fc.string(), fc.jsonValue(), fc.object())), (principal, identity) => {
        const result = authorize({ principal, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, policies: { identity } });
        expect(result.decision !== undefined || result.errors !== undefined).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a matching Deny always wins', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        fc.pre(isIam(input.principal));
        const withDeny: AuthorizeInput = {
          ...input,
          policies: { ...input.policies, identity: [...(input.policies.identity ?? []), { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: input.request.action, Resource: '*' }] }] },
        };
        const result = authorize(withDeny);
        fc.pre(result.errors === undefined);
        expect(result.decision).toBe('ExplicitDeny');
      }),
      { numRuns: 1000 },
    );
  });

  it('adding an Allow statement never turns Allow into a denial', () => {
    fc.assert(
      fc.property(caseArb, identityStatement, resourceStatement, (input, extra, extraResource) => {
        const before = authorize(input);
        fc.pre(before.decision === 'Allow');
        const allowOnly = { ...extra, Effect: 'Allow' };
        const moreIdentity = authorize({ ...input, policies: { ...input.policies, identity: [...(input.policies.identity ?? []), { Version: '2012-10-17', Statement: [allowOnly] }] } });
        if (moreIdentity.errors === undefined) expect(moreIdentity.decision).toBe('Allow');
        const resource = input.policies.resource as { Version: string; Statement: unknown[] } | undefined;
        const withResource = { Version: '2012-10-17', Statement: [...(resource?.Statement ?? []), { ...extraResource, Effect: 'Allow' }] };
        const moreResource = authorize({ ...input, policies: { ...input.policies, resource: withResource } });
        if (moreResource.errors === undefined) expect(moreResource.decision).toBe('Allow');
      }),
      { numRuns: 1500 },
    );
  });

  it('is deterministic: the same input gives deep-equal output, cached or not', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        // Results explain themselves on first read; JSON is how they are compared and stored.
        const json = (r: unknown): unknown => JSON.parse(JSON.stringify(r));
        const first = json(authorize(input));
        expect(json(authorize(input))).toEqual(first);
        expect(json(authorize(structuredClone(input)))).toEqual(first);
      }),
      { numRuns: 500 },
    );
  });

  it('generates mostly decidable cases (the generators stay meaningful)', () => {
    const samples = fc.sample(caseArb, { numRuns: 300, seed: 42 });
    const decided = samples.map((s) => authorize(s)).filter((r) => r.decision !== undefined);
    expect(decided.length).toBeGreaterThan(200);
    const kinds = new Set(decided.map((r) => r.decision));
    expect(kinds).toEqual(new Set(['Allow', 'ImplicitDeny', 'ExplicitDeny']));
  });
});
