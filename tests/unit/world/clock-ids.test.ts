import { describe, expect, it } from 'vitest';
import {
  accountId,
  idStateFromSeed,
  instanceId,
  isoFromMs,
  isoSecondsFromMs,
  manualClock,
  mfaSeed,
  msFromIso,
  secretAccessKey,
  sessionToken,
  uniqueId,
  uuid,
} from '../../../src/sim/world/index.ts';

describe('manual clock', () => {
  it('reads and advances the state it is given', () => {
    const state = { epochMs: Date.UTC(2026, 0, 1, 9) };
    const clock = manualClock(state);
    expect(clock.nowIso()).toBe('2026-01-01T09:00:00.000Z');
    clock.advanceSeconds(3600);
    expect(state.epochMs).toBe(Date.UTC(2026, 0, 1, 10));
    clock.setMs(0);
    expect(clock.nowMs()).toBe(0);
  });

  it('ignores non-finite moves rather than corrupting the world', () => {
    const state = { epochMs: 5 };
    manualClock(state).advanceSeconds(Number.NaN);
    expect(state.epochMs).toBe(5);
  });

  it('formats aws:CurrentTime without milliseconds and parses only ISO text', () => {
    expect(isoSecondsFromMs(Date.UTC(2026, 0, 1, 9, 0, 0, 999))).toBe('2026-01-01T09:00:00Z');
    expect(isoFromMs(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(msFromIso('2026-01-01T09:00:00Z')).toBe(Date.UTC(2026, 0, 1, 9));
    expect(msFromIso('yesterday')).toBeUndefined();
  });
});

describe('id source', () => {
  it('produces AWS-format identifiers', () => {
    const ids = idStateFromSeed(7);
    for (const prefix of ['AIDA', 'AROA', 'AGPA', 'AIPA', 'ANPA'] as const) {
      expect(uniqueId(ids, prefix)).toMatch(new RegExp(`^${prefix}[A-Z2-7]{17}$`));
    }
    expect(uniqueId(ids, 'AKIA')).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(uniqueId(ids, 'ASIA')).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(secretAccessKey(ids)).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(sessionToken(ids)).toMatch(/^IQoJb3JpZ2luX2Vj/);
    expect(instanceId(ids)).toMatch(/^i-[0-9a-f]{17}$/);
    expect(mfaSeed(ids)).toMatch(/^[A-Z2-7]{64}$/);
    expect(uuid(ids)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(accountId(ids)).toMatch(/^[1-9]\d{11}$/);
  });

  it('is deterministic per seed and differs between seeds', () => {
    const a = idStateFromSeed(1);
    const b = idStateFromSeed(1);
    const c = idStateFromSeed(2);
    const seq = (s: typeof a) => [uniqueId(s, 'AROA'), uniqueId(s, 'AKIA'), instanceId(s)];
    expect(seq(a)).toEqual(seq(b));
    expect(seq(idStateFromSeed(1))).not.toEqual(seq(c));
  });

  it('continues the same sequence from a copied state', () => {
    const a = idStateFromSeed(3);
    uniqueId(a, 'AIDA');
    const copy = JSON.parse(JSON.stringify(a)) as typeof a;
    expect(uniqueId(copy, 'AROA')).toBe(uniqueId(a, 'AROA'));
    expect(copy.drawn).toBe(a.drawn);
  });
});
