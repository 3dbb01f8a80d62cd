/**
 * Workshop mode, read from the link an instructor hands out:
 *
 * - `?instructor` shows the instructor notes and hand-out links on a workshop page;
 * - `?nosolutions` (optionally `?nosolutions=<reason>`) hides **Show solution** on every
 *   exercise. It is kept in sessionStorage, so it holds while a participant moves between
 *   lesson and exercise pages in that tab, and ends when the tab closes;
 * - `?solutions` lifts it again in the tab (the "with solutions" link carries it).
 *
 * The parsing is pure and takes the storage as an argument, so it is tested without a browser.
 */

/** Where the hidden-solutions flag lives for the tab (sessionStorage). */
export const NOSOLUTIONS_KEY = 'rolelab:workshop:nosolutions';
/** What the banner says when the instructor gave no reason. */
export const DEFAULT_REASON = 'Your instructor will go through the solutions with the group.';
/** A reason longer than this is cut: it is a banner line, not a letter. */
export const REASON_MAX = 200;

/** The workshop mode of a page. */
export interface WorkshopMode {
  /** The page was opened with `?instructor`. */
  instructor: boolean;
  /** Show solution is hidden in this tab. */
  solutionsHidden: boolean;
  /** Why, in the instructor's words (or the default), when hidden. */
  reason: string | null;
}

/** The part of Storage this module uses (sessionStorage in the browser, a Map in tests). */
export type ModeStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A reason as the banner shows it: one line, no control characters, at most REASON_MAX long. */
export function cleanReason(raw: string | null): string {
  // Control characters (newlines, tabs, escapes) become spaces: the reason is one line of text.
  const printable = Array.from(raw ?? '', (c) =>
    c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c,
  ).join('');
  const text = printable.replace(/\s+/g, ' ').trim();
  if (text === '') return DEFAULT_REASON;
  return text.length > REASON_MAX ? `${text.slice(0, REASON_MAX - 1)}…` : text;
}

/**
 * Reads the mode from a query string and the tab's storage, and records a `?nosolutions` or
 * `?solutions` found in the query so the next page of the tab knows. Storage that throws
 * (blocked, full) is treated as absent: the query alone then decides, for this page.
 */
export function resolveWorkshopMode(search: string, storage: ModeStorage | null): WorkshopMode {
  const params = new URLSearchParams(search);
  const instructor = params.has('instructor');
  const attempt = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch {
      return fallback;
    }
  };
  if (params.has('nosolutions')) {
    const reason = cleanReason(params.get('nosolutions'));
    attempt(() => storage?.setItem(NOSOLUTIONS_KEY, JSON.stringify({ reason })), undefined);
    return { instructor, solutionsHidden: true, reason };
  }
  if (params.has('solutions')) {
    attempt(() => storage?.removeItem(NOSOLUTIONS_KEY), undefined);
    return { instructor, solutionsHidden: false, reason: null };
  }
  const stored = attempt(() => storage?.getItem(NOSOLUTIONS_KEY) ?? null, null);
  if (stored === null) return { instructor, solutionsHidden: false, reason: null };
  // Something set the flag; if it cannot be read, keep solutions hidden rather than reveal them.
  let reason = DEFAULT_REASON;
  try {
    const value = JSON.parse(stored) as unknown;
    if (
      value !== null &&
      typeof value === 'object' &&
      typeof (value as { reason?: unknown }).reason === 'string'
    )
      reason = cleanReason((value as { reason: string }).reason);
  } catch {
    reason = DEFAULT_REASON;
  }
  return { instructor, solutionsHidden: true, reason };
}

/** The tab's sessionStorage, or null where there is none or it is blocked. */
function sessionStore(): ModeStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** The workshop mode of the current page (no instructor, solutions shown, outside a browser). */
export function currentWorkshopMode(): WorkshopMode {
  if (typeof location === 'undefined')
    return { instructor: false, solutionsHidden: false, reason: null };
  return resolveWorkshopMode(location.search, sessionStore());
}

/** True when a workshop link asked to hide Show solution in this tab. */
export function solutionsHiddenByWorkshop(): boolean {
  return currentWorkshopMode().solutionsHidden;
}

/**
 * A site link with the workshop parameters of `search` carried over: `nosolutions` (with its
 * reason) and `embed`, so a participant who follows the link keeps the same mode. The link's
 * own query and hash are kept; `instructor` is never carried (notes stay on the workshop page).
 */
export function carryWorkshopParams(link: string, search: string): string {
  const from = new URLSearchParams(search);
  const hashAt = link.indexOf('#');
  const hash = hashAt === -1 ? '' : link.slice(hashAt);
  const beforeHash = hashAt === -1 ? link : link.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const path = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? '' : beforeHash.slice(queryAt + 1));
  if (from.has('nosolutions')) params.set('nosolutions', from.get('nosolutions') ?? '');
  if (from.has('embed')) params.set('embed', from.get('embed') ?? '');
  // `embed=` and `nosolutions=` read better as bare flags.
  const query = params.toString().replace(/=(?=&|$)/g, '');
  return `${path}${query === '' ? '' : `?${query}`}${hash}`;
}

/**
 * The two links an instructor hands out for a workshop page URL: one that lifts any earlier
 * "no solutions" in the tab, one that hides solutions with the given reason.
 */
export function handoutLinks(
  pageUrl: string,
  reason: string,
): { withSolutions: string; withoutSolutions: string } {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  const base = url.href;
  const trimmed = reason.replace(/\s+/g, ' ').trim();
  const params = new URLSearchParams();
  params.set('nosolutions', trimmed);
  const hidden = trimmed === '' ? 'nosolutions' : params.toString();
  return { withSolutions: `${base}?solutions`, withoutSolutions: `${base}?${hidden}` };
}
