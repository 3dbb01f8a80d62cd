/** The progress record: versioned, migrated from the first format, never crashing on bad storage. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { $progressNotice, exerciseProgress, loadProgress, markAttempt, markLessonVisit, mergeProgress, parseProgress, PROGRESS_KEY, resetProgressForTests } from '../../../src/stores/progress.ts';
import { progressFile, readProgressFile } from '../../../src/lib/progress-file.ts';

/** A Storage in memory, optionally refusing writes like a full quota. */
class MemoryStorage {
  data = new Map<string, string>();
  full = false;
  get length(): number {
    return this.data.size;
  }
  key(i: number): string | null {
    return [...this.data.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    this.data.set(k, v);
  }
  removeItem(k: string): void {
    this.data.delete(k);
  }
  clear(): void {
    this.data.clear();
  }
}

let store: MemoryStorage;
beforeEach(() => {
  store = new MemoryStorage();
  (globalThis as { localStorage?: unknown }).localStorage = store;
  resetProgressForTests();
});
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('progress store', () => {
  it('counts attempts, keeps the first solve time, and survives a reload', () => {
    markAttempt('a', false, new Date('2026-01-01T10:00:00Z'));
    markAttempt('a', true, new Date('2026-01-01T10:05:00Z'));
    markAttempt('a', false, new Date('2026-01-01T10:09:00Z'));
    resetProgressForTests();
    expect(exerciseProgress('a')).toEqual({ attempts: 3, solvedAt: '2026-01-01T10:05:00.000Z', lastAt: '2026-01-01T10:09:00.000Z' });
    expect(JSON.parse(store.getItem(PROGRESS_KEY) ?? '')).toMatchObject({ version: 1 });
  });

  it('migrates the first format (one key per exercise) and removes its keys', () => {
    store.setItem('rolelab:progress:ec2-trust-policy', '{"attempts":2,"solvedAt":"2026-02-01T00:00:00.000Z"}');
    store.setItem('rolelab:progress:broken', 'not json');
    expect(loadProgress().exercises).toEqual({ 'ec2-trust-policy': { attempts: 2, solvedAt: '2026-02-01T00:00:00.000Z' } });
    expect(store.getItem('rolelab:progress:broken')).toBeNull();
    expect($progressNotice.get()).toBeNull();
  });

  it('a corrupt record is set aside with a visible notice, not a crash', () => {
    store.setItem(PROGRESS_KEY, '{"version":1,"exercises":');
    expect(loadProgress().exercises).toEqual({});
    expect($progressNotice.get()).toMatch(/could not be read/);
    expect(store.getItem(`${PROGRESS_KEY}.unreadable`)).toBe('{"version":1,"exercises":');
  });

  it('a record from another version is reset with a notice that says so', () => {
    store.setItem(PROGRESS_KEY, '{"version":99,"exercises":{}}');
    loadProgress();
    expect($progressNotice.get()).toMatch(/another version.*format 99/);
  });

  it('a full storage keeps progress in memory and says it was not saved', () => {
    loadProgress();
    store.full = true;
    markAttempt('a', true);
    expect(exerciseProgress('a').attempts).toBe(1);
    expect($progressNotice.get()).toMatch(/could not be saved/);
  });

  it('remembers the last lesson', () => {
    markLessonVisit('why-roles', new Date('2026-03-01T00:00:00Z'));
    resetProgressForTests();
    expect(loadProgress().lastLesson).toEqual({ slug: 'why-roles', at: '2026-03-01T00:00:00.000Z' });
  });

  it('drops invalid exercise records field by field', () => {
    const parsed = parseProgress('{"version":1,"exercises":{"ok":{"attempts":1},"bad":{"attempts":-1},"worse":"x"}}');
    expect(parsed).toEqual({ progress: { version: 1, exercises: { ok: { attempts: 1 } } } });
  });
});

describe('merging an import', () => {
  it('keeps the earliest solve, the most attempts and the latest visit', () => {
    const merged = mergeProgress(
      { version: 1, exercises: { a: { attempts: 2, solvedAt: '2026-01-02T00:00:00Z' }, b: { attempts: 1 } }, lastLesson: { slug: 'x', at: '2026-01-01T00:00:00Z' } },
      { version: 1, exercises: { a: { attempts: 5, solvedAt: '2026-01-01T00:00:00Z' }, c: { attempts: 1, solvedAt: '2026-01-03T00:00:00Z' } }, lastLesson: { slug: 'y', at: '2026-01-05T00:00:00Z' } },
    );
    expect(merged).toEqual({
      version: 1,
      exercises: { a: { attempts: 5, solvedAt: '2026-01-01T00:00:00Z' }, b: { attempts: 1 }, c: { attempts: 1, solvedAt: '2026-01-03T00:00:00Z' } },
      lastLesson: { slug: 'y', at: '2026-01-05T00:00:00Z' },
    });
  });
});

describe('the export file', () => {
  it('round-trips progress and documents', () => {
    const file = progressFile({ version: 1, exercises: { a: { attempts: 1 } } }, { 'a/policy': '{}', gone: undefined }, new Date('2026-04-01T00:00:00Z'));
    const read = readProgressFile(JSON.stringify(file));
    expect(read).toEqual({ file: { format: 'rolelab-progress', version: 1, exportedAt: '2026-04-01T00:00:00.000Z', progress: { exercises: { a: { attempts: 1 } } }, documents: { 'a/policy': '{}' } } });
  });

  it('refuses files that are not exports, naming the first problem', () => {
    expect(readProgressFile('hello')).toEqual({ error: 'That file is not JSON, so it is not a Rolelab progress export.' });
    const wrong = readProgressFile(JSON.stringify({ format: 'rolelab-progress', version: 1, exportedAt: 'yesterday', progress: { exercises: {} }, documents: {} }));
    expect('error' in wrong && wrong.error).toMatch(/exportedAt/);
    const extra = readProgressFile(JSON.stringify({ format: 'rolelab-progress', version: 1, exportedAt: '2026-01-01T00:00:00Z', progress: { exercises: {} }, documents: {}, script: '<script>' }));
    expect('error' in extra).toBe(true);
  });
});
