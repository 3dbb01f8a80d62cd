/** The Playground's shared state: saved, restored, reset, and never broken by bad saved data. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, PLAYGROUND_STORAGE_KEY } from '../../../src/components/playground/store.ts';
import { applyDocument, worldDocuments } from '../../../src/components/playground/documents.ts';
import { runLine } from '../../../src/sim/cli/shell/run-line.ts';

/** A Storage in memory, optionally refusing writes like a full quota. */
class MemoryStorage {
  data = new Map<string, string>();
  full = false;
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
}

const TRUST_ID = 'trust:333333333333:ProdAdmin';
const OPEN_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::222222222222:root' },
      Action: 'sts:AssumeRole',
    },
  ],
});
const docText = (store: ReturnType<typeof openStore>, id: string) =>
  worldDocuments(store.get().session.world).find((d) => d.id === id)?.text;

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  (globalThis as { localStorage?: unknown }).localStorage = storage;
});
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('Playground store', () => {
  it('starts a fresh world and saves it where the Playground terminal reads it', () => {
    const store = openStore();
    expect(store.notice()).toBeNull();
    expect(Object.keys(store.get().session.world.accounts)).toEqual([
      '111111111111',
      '222222222222',
      '333333333333',
    ]);
    const saved = JSON.parse(storage.getItem(PLAYGROUND_STORAGE_KEY) ?? 'null') as {
      version: number;
      world: string;
    };
    expect(saved.version).toBe(1);
    expect(saved.world).toContain('OrganizationAccountAccessRole');
  });

  it('keeps an applied document and a CLI change across a reload', () => {
    const store = openStore();
    expect(applyDocument(store.get().session.world, TRUST_ID, OPEN_TRUST)).toEqual({ ok: true });
    store.changed();
    const r = runLine(
      store.get().session,
      'aws iam delete-role-policy --role-name WebServerRole --policy-name read-assets --profile prod',
    );
    expect(r.stderr).toBe('');
    store.changed();
    const again = openStore();
    expect(again.notice()).toBeNull();
    expect(docText(again, TRUST_ID)).toBe(OPEN_TRUST);
    expect(docText(again, 'role-inline:333333333333:WebServerRole:read-assets')).toBeUndefined();
  });

  it('tells subscribers about every change, with a growing revision', () => {
    const store = openStore();
    const seen: number[] = [];
    const stop = store.subscribe((_s, rev) => seen.push(rev));
    store.changed();
    store.adopt(store.get());
    stop();
    store.changed();
    expect(seen).toEqual([1, 2]);
  });

  it('reset brings back the starting world, saves it and bumps the generation', () => {
    const store = openStore();
    applyDocument(store.get().session.world, TRUST_ID, OPEN_TRUST);
    store.changed();
    store.reset();
    expect(store.generation()).toBe(1);
    expect(docText(store, TRUST_ID)).toContain('aws:MultiFactorAuthPresent');
    expect(docText(openStore(), TRUST_ID)).toContain('aws:MultiFactorAuthPresent');
  });

  it('replaces unreadable saved data with a fresh world and a notice', () => {
    storage.setItem(PLAYGROUND_STORAGE_KEY, '{not json');
    const store = openStore();
    expect(store.notice()).toMatch(/could not be read/);
    expect(docText(store, TRUST_ID)).toContain('aws:MultiFactorAuthPresent');
    // The fresh world replaced the bad save, so the terminal finds a good one.
    expect(JSON.parse(storage.getItem(PLAYGROUND_STORAGE_KEY) ?? '{}')).toMatchObject({
      version: 1,
    });
  });

  it('replaces a save from an older version with a fresh world and says so', () => {
    storage.setItem(
      PLAYGROUND_STORAGE_KEY,
      JSON.stringify({ version: 0, world: '{}', session: {}, log: [] }),
    );
    const store = openStore();
    expect(store.notice()).toMatch(/older version/);
    expect(store.get().session.world.organization).not.toBeNull();
  });

  it('replaces a save whose world is not a world snapshot', () => {
    storage.setItem(
      PLAYGROUND_STORAGE_KEY,
      JSON.stringify({ version: 1, world: '{"formatVersion": 99}', session: {}, log: [] }),
    );
    expect(openStore().notice()).toMatch(/could not be read/);
  });

  it('works when the browser refuses to store anything, and says so', () => {
    storage.full = true;
    const store = openStore();
    expect(store.notice()).toMatch(/could not be saved/);
    expect(store.changed()).toMatch(/could not be saved/);
    expect(store.get().session.world.accounts['333333333333']).toBeDefined();
  });
});
