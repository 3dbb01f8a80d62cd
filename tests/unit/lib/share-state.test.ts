/** Exercise state in a link: round trip, and every malformed link refused in words. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeState, encodeState } from '../../../src/lib/share-state.ts';

describe('share links', () => {
  it('round-trips any documents for the exercise', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('trust', 'permissions'), fc.string({ maxLength: 500 })), async (documents) => {
        const hash = `#${await encodeState({ exercise: 'ec2-trust-policy', documents })}`;
        expect(await decodeState(hash, 'ec2-trust-policy', ['trust', 'permissions'])).toEqual({ documents });
      }),
      { numRuns: 50 },
    );
  });

  it('compresses a policy to a link shorter than its JSON', async () => {
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 6 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket-${i}/*` })) }, null, 2);
    const hash = await encodeState({ exercise: 'x', documents: { p: policy } });
    expect(hash.length).toBeLessThan(policy.length);
  });

  it('ignores a link without state and a link for another exercise', async () => {
    expect(await decodeState('#why-roles', 'x', ['p'])).toBeNull();
    const other = await encodeState({ exercise: 'other', documents: { p: '{}' } });
    expect(await decodeState(`#${other}`, 'x', ['p'])).toBeNull();
  });

  it('refuses documents the exercise does not have, damaged and oversized links', async () => {
    const extra = await encodeState({ exercise: 'x', documents: { p: '{}', script: '<script>alert(1)</script>' } });
    expect(await decodeState(`#${extra}`, 'x', ['p'])).toEqual({ problem: 'The shared link names a document "script" this exercise does not have, so it was ignored.' });
    expect(await decodeState('#state=!!!', 'x', ['p'])).toEqual({ problem: 'The shared link is damaged (it is not valid base64), so it was ignored.' });
    expect(await decodeState('#state=AAAA', 'x', ['p'])).toMatchObject({ problem: expect.stringContaining('damaged') });
    expect(await decodeState(`#state=${'A'.repeat(70_000)}`, 'x', ['p'])).toMatchObject({ problem: expect.stringContaining('too long') });
  });

  it('never throws on arbitrary fragments', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (junk) => {
        await decodeState(`#state=${junk}`, 'x', ['p']);
      }),
      { numRuns: 200 },
    );
  });
});
