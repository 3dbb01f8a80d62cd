/** Malformed input gets errors and no decision — never an exception. */
import { describe, expect, it } from 'vitest';
import { authorize } from '../../../src/sim/authz/index.ts';
import type { AuthorizeInput } from '../../../src/sim/authz/index.ts';
import { alice, OBJECT } from './fixtures.ts';
import { allow, doc } from './table.ts';

const bad = (input: unknown) => authorize(input as AuthorizeInput);

describe('malformed input', () => {
  it.each([
    ['null', null],
    ['a string', 'hello'],
    ['no principal', { request: { action: 's3:GetObject', resource: OBJECT }, policies: {} }],
    ['no request', { principal: alice, policies: {} }],
    ['a role ARN as the caller', { principal: { arn: 'arn:aws:iam::111122223333:role/R' }, request: { action: 's3:GetObject', resource: OBJECT }, policies: {} }],
    ['an unknown principal type', { principal: { arn: 'x', type: 'Wizard' }, request: { action: 's3:GetObject', resource: OBJECT }, policies: {} }],
    ['an action without a service', { principal: alice, request: { action: 'GetObject', resource: OBJECT }, policies: {} }],
    ['an empty resource', { principal: alice, request: { action: 's3:GetObject', resource: '' }, policies: {} }],
    ['identity not an array', { principal: alice, request: { action: 's3:GetObject', resource: OBJECT }, policies: { identity: doc(allow('*')) } }],
    ['broken policy JSON', { principal: alice, request: { action: 's3:GetObject', resource: OBJECT }, policies: { identity: ['{"Version": "2012-10-17", "Statement": ['] } }],
    ['a policy that AWS would reject', { principal: alice, request: { action: 's3:GetObject', resource: OBJECT }, policies: { identity: [doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' })] } }],
    ['a context that is not an object', { principal: alice, request: { action: 's3:GetObject', resource: OBJECT, context: 'x' }, policies: {} }],
  ])('%s', (_name, input) => {
    const result = bad(input);
    expect(result.decision).toBeUndefined();
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.summary).toMatch(/^Cannot decide: /);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('points at the bad policy and carries the parser issues', () => {
    const result = bad({ principal: alice, request: { action: 's3:GetObject', resource: OBJECT }, policies: { identity: [doc(allow('*')), '{'] } });
    expect(result.errors?.[0]).toMatchObject({ code: 'INVALID_POLICY', path: 'policies.identity[1]' });
    expect(result.errors?.[0]?.issues?.length).toBeGreaterThan(0);
  });

  it('accepts policies as JSON text and as objects alike', () => {
    const policy = doc(allow('s3:GetObject'));
    const asObject = authorize({ principal: alice, request: { action: 's3:GetObject', resource: OBJECT }, policies: { identity: [policy] } });
    const asText = authorize({ principal: alice, request: { action: 's3:GetObject', resource: OBJECT }, policies: { identity: [JSON.stringify(policy, null, 2)] } });
    expect(asText).toEqual(asObject);
  });
});
