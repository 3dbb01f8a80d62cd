import { defineConfig } from '@playwright/test';

/**
 * Browser tests run against the production build (`npm run build` first), served by
 * `astro preview` on a loopback port, in Debian's Chromium (Playwright cannot download its own
 * browser here). ROLELAB_BASE, when set at build time, must be set here too.
 */
const port = Number(process.env.ROLELAB_E2E_PORT ?? 4399);
const base = (process.env.ROLELAB_BASE ?? '/').replace(/\/?$/, '/');

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/artifacts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    trace: 'off',
    // The offline worker would answer requests a test means to intercept with page.route; the
    // one spec about offline use (offline.spec.ts) turns it back on.
    serviceWorkers: 'block',
  },
  webServer: {
    // --ignore-lock: a preview left running (or a stale lock) must not stop the test run.
    command: `npx astro preview --host 127.0.0.1 --port ${port} --ignore-lock`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
