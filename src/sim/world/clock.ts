/**
 * Time in the simulated AWS.
 *
 * The simulator never reads the real clock (lint forbids `Date.now()`): every timestamp comes
 * from a `Clock`. The world keeps its current time as plain data (`world.clock.epochMs`), so a
 * snapshot taken at 10:00 and restored later still thinks it is 10:00, and credentials issued
 * before the snapshot expire at the same simulated moment after it.
 */

/** Reads the current simulated time. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  nowMs(): number;
  /** The same instant as an ISO 8601 string in UTC, e.g. `2026-01-01T09:00:00.000Z`. */
  nowIso(): string;
}

/** A clock that only moves when told to: lessons advance it to make credentials expire. */
export interface ManualClock extends Clock {
  /** Moves time forward (or backward with a negative number) by whole seconds. */
  advanceSeconds(seconds: number): void;
  /** Jumps to an absolute instant. */
  setMs(epochMs: number): void;
}

/** The clock's state as it is stored inside a world. */
export interface ClockState {
  /** Milliseconds since the Unix epoch. */
  epochMs: number;
}

/** ISO 8601 in UTC with milliseconds, as AWS prints timestamps in JSON responses. */
export function isoFromMs(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** ISO 8601 in UTC without milliseconds (`2026-01-01T09:00:00Z`), the form of `aws:CurrentTime`. */
export function isoSecondsFromMs(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Parses an ISO 8601 timestamp; undefined when it is not one. */
export function msFromIso(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  const ms = new Date(text).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * A manual clock over a state object. Given the world's `clock` field, advancing it advances
 * the world; given a fresh object, it is a stand-alone clock for tests.
 */
export function manualClock(state: ClockState): ManualClock {
  return {
    nowMs: () => state.epochMs,
    nowIso: () => isoFromMs(state.epochMs),
    advanceSeconds(seconds: number) {
      if (Number.isFinite(seconds)) state.epochMs += Math.round(seconds * 1000);
    },
    setMs(epochMs: number) {
      if (Number.isFinite(epochMs)) state.epochMs = Math.round(epochMs);
    },
  };
}
