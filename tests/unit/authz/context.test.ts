/**
 * The request context: keys are case-insensitive, of several keys that fold to the same one the
 * last with a usable value wins, and principal keys are derived from the caller when the case
 * does not give them. A small context is searched in place and a large one folded into a Map:
 * both must answer as the plain fold below does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCaller, RequestContext } from '../../../src/sim/authz/index.ts';
import type { Caller } from '../../../src/sim/authz/index.ts';

function caller(arn: string, extra: Record<string, unknown> = {}): Caller {
  const c = normalizeCaller({ arn, ...extra });
  if (typeof c === 'string') throw new Error(c);
  return c;
}

/** The reference: every key lowercased into a Map in order, unusable values skipped. */
function folded(raw: Record<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === 'string') out.set(k.toLowerCase(), v);
    else if (typeof v === 'number' || typeof v === 'boolean') out.set(k.toLowerCase(), String(v));
    else if (Array.isArray(v)) {
      out.set(
        k.toLowerCase(),
        v.filter((x) => ['string', 'number', 'boolean'].includes(typeof x)).map(String),
      );
    }
  }
  return out;
}

const user = caller('arn:aws:iam::111122223333:user/ana', { uniqueId: 'AIDAEXAMPLE', tags: { Team: 'blue' } });

describe('RequestContext', () => {
  it('answers like a plain lowercase fold, for small and large contexts alike', () => {
    const key = fc.stringMatching(/^[a-cA-C:]{1,4}$/);
    const value = fc.oneof(
      fc.string({ maxLength: 3 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant({ nested: true }),
      fc.array(fc.oneof(fc.string({ maxLength: 2 }), fc.integer(), fc.constant(null)), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 40 }), fc.array(key, { minLength: 1, maxLength: 6 }), (entries, asked) => {
        const raw: Record<string, unknown> = {};
        for (const [k, v] of entries) raw[k] = v;
        const ctx = new RequestContext(raw, user);
        const expected = folded(raw);
        for (const k of asked) expect(ctx.get(k.toLowerCase())).toEqual(expected.get(k.toLowerCase()));
      }),
      { numRuns: 400 },
    );
  });

  it('lets the last usable spelling of a key win', () => {
    const ctx = new RequestContext({ 'aws:SourceIp': '10.0.0.1', 'AWS:SOURCEIP': '10.0.0.2', 'aws:sourceip': { bad: 1 } }, user);
    expect(ctx.get('aws:sourceip')).toBe('10.0.0.2');
  });

  it('hands over an array of strings as given, and keeps only the usable members of a mixed one', () => {
    const tags = ['a', 'b'];
    const ctx = new RequestContext({ 'aws:TagKeys': tags, 'aws:CalledVia': ['x', 3, null] }, user);
    expect(ctx.get('aws:tagkeys')).toBe(tags);
    expect(ctx.get('aws:calledvia')).toEqual(['x', '3']);
  });

  it('derives principal keys from the caller unless the case gives them', () => {
    const ctx = new RequestContext({}, user);
    expect(ctx.get('aws:principalarn')).toBe('arn:aws:iam::111122223333:user/ana');
    expect(ctx.get('aws:username')).toBe('ana');
    expect(ctx.get('aws:userid')).toBe('AIDAEXAMPLE');
    expect(ctx.get('aws:principaltag/team')).toBe('blue');
    expect(ctx.get('aws:principaltag/other')).toBeUndefined();
    expect(new RequestContext({ 'aws:PrincipalArn': 'given' }, user).get('aws:principalarn')).toBe('given');
  });

  it('derives the unique id again when the principal input changes it', () => {
    const input = { arn: 'arn:aws:iam::111122223333:user/bo', uniqueId: 'AIDAFIRST' };
    const first = normalizeCaller(input) as Caller;
    expect(new RequestContext(undefined, first).get('aws:userid')).toBe('AIDAFIRST');
    input.uniqueId = 'AIDASECOND';
    const again = normalizeCaller(input) as Caller;
    expect(new RequestContext(undefined, again).get('aws:userid')).toBe('AIDASECOND');
  });
});

describe('case folding of context keys', () => {
  it('relies on U+0130 being the only code point whose lowercase form is longer', () => {
    // context.ts rules out a key of another length unless it holds U+0130.
    const longer: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (ch.toLowerCase().length !== ch.length) longer.push(cp);
    }
    expect(longer).toEqual([0x130]);
  });

  it('folds keys with non-ASCII letters as toLowerCase does', () => {
    const key = fc.stringMatching(/^(?:[a-zA-Z:\u0130\u212a\u00df\u00c5]|i\u0307){1,6}$/);
    fc.assert(
      fc.property(key, key, (given, asked) => {
        const ctx = new RequestContext({ [given]: 'v' }, user);
        expect(ctx.get(asked.toLowerCase())).toBe(given.toLowerCase() === asked.toLowerCase() ? 'v' : undefined);
      }),
      { numRuns: 500 },
    );
    expect(new RequestContext({ 'aws:\u0130d': 'dotted' }, user).get('aws:i\u0307d')).toBe('dotted');
    expect(new RequestContext({ 'aws:\u212aey': 'kelvin' }, user).get('aws:key')).toBe('kelvin');
  });
});
