import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/sim/authz/conditions/date.ts';
import { conditionTable } from './table.ts';

const KEY = 'aws:CurrentTime';

conditionTable('Date operators', [
  { op: 'DateGreaterThan', key: KEY, policy: '2026-01-01T00:00:00Z', request: '2026-06-01T12:00:00Z', expect: true },
  { op: 'DateGreaterThan', key: KEY, policy: '2026-01-01T00:00:00Z', request: '2025-12-31T23:59:59Z', expect: false, detail: 'is not after' },
  { op: 'DateLessThan', key: KEY, policy: '2026-01-01', request: '2025-12-31T23:59:59Z', expect: true },
  { op: 'DateLessThanEquals', key: KEY, policy: '2026-01-01T00:00:00Z', request: '2026-01-01T00:00:00.000Z', expect: true },
  { op: 'DateGreaterThanEquals', key: KEY, policy: '2026-01-01T00:00:00Z', request: '2025-12-31T23:00:00-01:00', expect: true },
  { op: 'DateEquals', key: KEY, policy: '2026-01-01T01:00:00+01:00', request: '2026-01-01T00:00:00Z', expect: true },
  // Epoch seconds compare with ISO dates (aws:EpochTime is epoch seconds).
  { op: 'DateEquals', key: 'aws:EpochTime', policy: '2026-01-01T00:00:00Z', request: '1767225600', expect: true },
  { op: 'DateLessThan', key: 'aws:TokenIssueTime', policy: '1767225600', request: '2025-06-01T00:00:00Z', expect: true },
  { op: 'DateNotEquals', key: KEY, policy: '2026-01-01T00:00:00Z', request: '2026-01-02T00:00:00Z', expect: true },
  { op: 'DateNotEquals', key: KEY, policy: ['2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'], request: '2026-01-02T00:00:00Z', expect: false },
  // Missing key: DateNotEquals holds (general rule), DateLessThan does not.
  { op: 'DateNotEquals', key: 'aws:TokenIssueTime', policy: '2026-01-01T00:00:00Z', expect: true },
  { op: 'DateLessThan', key: 'aws:TokenIssueTime', policy: '2026-01-01T00:00:00Z', expect: false },
  { op: 'DateLessThanIfExists', key: 'aws:TokenIssueTime', policy: '2026-01-01T00:00:00Z', expect: true },
  { op: 'DateEquals', key: KEY, policy: 'tomorrow', request: '2026-01-01T00:00:00Z', expect: false },
]);

describe('parseDate', () => {
  it('reads ISO 8601 in UTC, with offsets, and epoch seconds', () => {
    expect(parseDate('2026-01-01')).toBe(Date.UTC(2026, 0, 1));
    expect(parseDate('2026-01-01T10:20:30Z')).toBe(Date.UTC(2026, 0, 1, 10, 20, 30));
    expect(parseDate('2026-01-01T10:20:30.5Z')).toBe(Date.UTC(2026, 0, 1, 10, 20, 30, 500));
    expect(parseDate('2026-01-01T10:20:30+02:00')).toBe(Date.UTC(2026, 0, 1, 8, 20, 30));
    expect(parseDate('1767225600')).toBe(Date.UTC(2026, 0, 1));
  });
  it('treats a time without a zone as UTC, never as local time', () => {
    expect(parseDate('2026-01-01T00:00:00')).toBe(Date.UTC(2026, 0, 1));
  });
  it('rejects impossible dates and other text', () => {
    expect(parseDate('2026-02-31')).toBeNull();
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('01/02/2026')).toBeNull();
    expect(parseDate('')).toBeNull();
  });
});
