/**
 * The `test` every spec uses. It fails a test on any console error, uncaught page error, failed
 * request (network failure or HTTP status ≥ 400) or request to another origin, unless the test
 * declares the ones it expects.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export { expect };

interface Problems {
  /** Patterns of problems this test expects (e.g. visiting a missing page on purpose). */
  allow: RegExp[];
  list: string[];
}

export const test = base.extend<{ problems: Problems }>({
  problems: [
    async ({ page, baseURL }, use) => {
      const problems: Problems = { allow: [], list: [] };
      const note = (text: string) => {
        if (!problems.allow.some((re) => re.test(text))) problems.list.push(text);
      };
      page.on('console', (msg) => {
        if (msg.type() === 'error') note(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => note(`page error: ${err.message}`));
      page.on('requestfailed', (req) => {
        const reason = req.failure()?.errorText ?? 'unknown';
        // A reload or navigation cancels requests still in flight: that is the browser, not a fault.
        if (reason === 'net::ERR_ABORTED') return;
        note(`request failed: ${req.url()} (${reason})`);
      });
      // No third-party requests, ever: everything the site needs comes from the site itself.
      const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
      page.on('request', (req) => {
        const url = req.url();
        if (/^(?:data|blob|about):/.test(url)) return;
        if (new URL(url).origin !== origin) note(`third-party request: ${url}`);
      });
      page.on('response', (res) => {
        if (res.status() >= 400) note(`HTTP ${res.status()}: ${res.url()}`);
      });
      await use(problems);
      expect(problems.list, 'the page logged errors or had failed requests').toEqual([]);
    },
    { auto: true },
  ],
});

/** Every page of the built site, as a path relative to the base (`''`, `lessons/why-roles/`, `404.html`). */
export function builtPages(distDir = 'dist'): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== '_astro' && name !== 'pagefind') walk(full);
      } else if (name.endsWith('.html')) {
        const rel = relative(distDir, full).split('\\').join('/');
        pages.push(rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  };
  walk(distDir);
  return pages.sort();
}

/** Applies the stored theme choice before the page loads, as a returning visitor would have it. */
export async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((t) => {
    try {
      localStorage.setItem('rolelab-theme', t);
    } catch {
      // about:blank has no storage; the real page will.
    }
  }, theme);
  await page.emulateMedia({ colorScheme: theme });
}

/**
 * Waits until the island holding `inside` is live: Astro removes `ssr` from <astro-island> once it
 * has hydrated. Until then a server-rendered button looks ready but does nothing.
 */
export async function islandReady(page: Page, inside: Locator): Promise<void> {
  await inside.first().scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]').filter({ has: inside.first() })).toHaveCount(0, { timeout: 15_000 });
}
