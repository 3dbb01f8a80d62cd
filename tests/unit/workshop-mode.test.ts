import { describe, expect, it } from 'vitest';
import {
  carryWorkshopParams,
  cleanReason,
  DEFAULT_REASON,
  handoutLinks,
  NOSOLUTIONS_KEY,
  REASON_MAX,
  resolveWorkshopMode,
} from '../../src/lib/workshop-mode.ts';
import type { ModeStorage } from '../../src/lib/workshop-mode.ts';

/** A sessionStorage stand-in that remembers across "pages" of one tab. */
function tab(): ModeStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

/** Storage that refuses everything, as in some privacy modes. */
const blocked: ModeStorage = {
  getItem: () => {
    throw new Error('blocked');
  },
  setItem: () => {
    throw new Error('blocked');
  },
  removeItem: () => {
    throw new Error('blocked');
  },
};

describe('resolveWorkshopMode', () => {
  it('shows solutions and no instructor view by default', () => {
    expect(resolveWorkshopMode('', tab())).toEqual({
      instructor: false,
      solutionsHidden: false,
      reason: null,
    });
  });

  it('reads ?instructor', () => {
    expect(resolveWorkshopMode('?instructor', tab()).instructor).toBe(true);
    expect(resolveWorkshopMode('?x=1&instructor=', tab()).instructor).toBe(true);
  });

  it('hides solutions with the given reason and remembers it for the next page of the tab', () => {
    const store = tab();
    const first = resolveWorkshopMode('?nosolutions=We+review+together+at+15%3A00', store);
    expect(first).toEqual({
      instructor: false,
      solutionsHidden: true,
      reason: 'We review together at 15:00',
    });
    // The next page has no parameter at all: the tab remembers.
    expect(resolveWorkshopMode('', store)).toEqual({
      instructor: false,
      solutionsHidden: true,
      reason: 'We review together at 15:00',
    });
    expect(store.map.has(NOSOLUTIONS_KEY)).toBe(true);
  });

  it('uses the default reason for a bare ?nosolutions', () => {
    const store = tab();
    expect(resolveWorkshopMode('?nosolutions', store).reason).toBe(DEFAULT_REASON);
    expect(resolveWorkshopMode('', store).reason).toBe(DEFAULT_REASON);
  });

  it('lifts the flag with ?solutions', () => {
    const store = tab();
    resolveWorkshopMode('?nosolutions', store);
    expect(resolveWorkshopMode('?solutions', store).solutionsHidden).toBe(false);
    expect(resolveWorkshopMode('', store).solutionsHidden).toBe(false);
  });

  it('does not leak from one tab to another', () => {
    resolveWorkshopMode('?nosolutions', tab());
    expect(resolveWorkshopMode('', tab()).solutionsHidden).toBe(false);
  });

  it('keeps solutions hidden when the stored flag is unreadable', () => {
    const store = tab();
    store.setItem(NOSOLUTIONS_KEY, '{not json');
    expect(resolveWorkshopMode('', store)).toEqual({
      instructor: false,
      solutionsHidden: true,
      reason: DEFAULT_REASON,
    });
  });

  it('still honours the query when storage is blocked or missing', () => {
    expect(resolveWorkshopMode('?nosolutions=x', blocked).solutionsHidden).toBe(true);
    expect(resolveWorkshopMode('', blocked).solutionsHidden).toBe(false);
    expect(resolveWorkshopMode('?nosolutions', null).solutionsHidden).toBe(true);
  });
});

describe('cleanReason', () => {
  it('flattens control characters and whitespace and cuts long reasons', () => {
    expect(cleanReason('  line one\n\tline two ')).toBe('line one line two');
    const long = cleanReason('a'.repeat(500));
    expect(long.length).toBe(REASON_MAX);
    expect(long.endsWith('…')).toBe(true);
    expect(cleanReason('   ')).toBe(DEFAULT_REASON);
  });
});

describe('carryWorkshopParams', () => {
  it('carries nosolutions and embed, keeps the hash, and never carries instructor', () => {
    expect(
      carryWorkshopParams(
        '/learn/lessons/why-roles/#trust-a-named-user',
        '?instructor&nosolutions=Later&embed',
      ),
    ).toBe('/learn/lessons/why-roles/?nosolutions=Later&embed#trust-a-named-user');
  });

  it('leaves a link alone when the page has no workshop parameters', () => {
    expect(carryWorkshopParams('/exercises/x/', '?instructor')).toBe('/exercises/x/');
  });

  it('keeps the link own query', () => {
    expect(carryWorkshopParams('/search/?q=role', '?nosolutions')).toBe(
      '/search/?q=role&nosolutions',
    );
  });
});

describe('handoutLinks', () => {
  it('builds the two links from the page URL, dropping its own query and hash', () => {
    const links = handoutLinks(
      'https://example.org/learn/workshops/intro-90/?instructor#notes',
      'Solutions at the end',
    );
    expect(links.withSolutions).toBe('https://example.org/learn/workshops/intro-90/?solutions');
    expect(links.withoutSolutions).toBe(
      'https://example.org/learn/workshops/intro-90/?nosolutions=Solutions+at+the+end',
    );
    expect(handoutLinks('https://example.org/workshops/x/', '  ').withoutSolutions).toBe(
      'https://example.org/workshops/x/?nosolutions',
    );
  });
});
