/**
 * The policy cache: a document (text or object) is parsed once per kind, and a document used in
 * two roles keeps one result per kind, whichever kind was asked first.
 */
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../src/sim/authz/policies.ts';
import { authorize } from '../../../src/sim/index.ts';

/** A bucket policy: valid as a resource policy, rejected as an identity policy (it has a Principal). */
function bucketPolicy(sid: string): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: sid, Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
  };
}

describe('loadPolicy', () => {
  for (const form of ['text', 'object'] as const) {
    const make = (sid: string): unknown => (form === 'text' ? JSON.stringify(bucketPolicy(sid)) : bucketPolicy(sid));

    it(`parses a document given as ${form} once and hands back the same result`, () => {
      const doc = make(`once-${form}`);
      const first = loadPolicy(doc, 's3-bucket');
      expect(first.ok).toBe(true);
      expect(loadPolicy(doc, 's3-bucket')).toBe(first);
    });

    it(`keeps one result per kind for a ${form} document used in two roles`, () => {
      const doc = make(`two-roles-${form}`);
      const asIdentity = loadPolicy(doc, 'identity');
      const asBucket = loadPolicy(doc, 's3-bucket');
      const asTrust = loadPolicy(doc, 'role-trust');
      expect(asIdentity.ok).toBe(false);
      expect(asIdentity.errors.map((e) => e.code)).toContain('PRINCIPAL_NOT_ALLOWED');
      expect(asBucket.ok).toBe(true);
      expect([asIdentity.kind, asBucket.kind, asTrust.kind]).toEqual(['identity', 's3-bucket', 'role-trust']);
      // Each kind is found again, in any order, without parsing anew.
      expect(loadPolicy(doc, 'role-trust')).toBe(asTrust);
      expect(loadPolicy(doc, 'identity')).toBe(asIdentity);
      expect(loadPolicy(doc, 's3-bucket')).toBe(asBucket);
    });
  }

  it('finds a text by its content, not by the string object', () => {
    const text = JSON.stringify(bucketPolicy('by-content'));
    const first = loadPolicy(text, 's3-bucket');
    expect(loadPolicy(`${text.slice(0, 10)}${text.slice(10)}`, 's3-bucket')).toBe(first);
  });

  it('decides the same with a document given as text and as an object', () => {
    const doc = bucketPolicy('same-decision');
    const input = (resource: unknown) =>
      authorize({
        principal: { arn: 'arn:aws:iam::444455556666:user/ana' },
        request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', resourceAccount: '111122223333' },
        policies: { identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }], resource: resource as never },
      });
    const fromText = input(JSON.stringify(doc));
    const fromObject = input(doc);
    expect(fromText.decision).toBe('ImplicitDeny');
    expect(fromObject.decision).toBe(fromText.decision);
    expect(fromObject.deniedBy).toBe(fromText.deniedBy);
  });
});
