// Lighthouse on every lesson page, as a phone sees it (Lighthouse's default mobile emulation and
// simulated slow-4G throttling), in Debian's Chromium. Needs a build (`npm run build`).
// Fails when a page scores below the floor in CONTRIBUTING.md ("Budgets"): performance 95, accessibility 100.
//   npm run lighthouse                 all lesson pages
//   npm run lighthouse -- lessons/why-roles/ exercises/ec2-trust-policy/   chosen pages
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const port = Number(process.env.ROLELAB_LH_PORT ?? 4397);
const origin = `http://127.0.0.1:${port}`;
const floors = { performance: 95, accessibility: 100 };

const chosen = process.argv.slice(2);
const pages = chosen.length
  ? chosen
  : readdirSync('dist/lessons', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `lessons/${d.name}/`);

const server = spawn(
  'npx',
  ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'],
  { stdio: 'ignore', detached: true },
);
const stopServer = () => {
  try {
    process.kill(-server.pid);
  } catch {
    // already gone
  }
};

async function waitForServer() {
  for (let i = 0; i < 120; i += 1) {
    try {
      if ((await fetch(`${origin}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`astro preview did not answer on ${origin}`);
}

let failed = false;
let chrome;
try {
  await waitForServer();
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const rows = [];
  for (const page of pages) {
    const result = await lighthouse(`${origin}/${page}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${page}`);
    if (lhr.runtimeError) throw new Error(`${page}: ${lhr.runtimeError.message}`);
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const perf = score('performance');
    const a11y = score('accessibility');
    const ok = perf >= floors.performance && a11y >= floors.accessibility;
    if (!ok) failed = true;
    const metric = (id) => lhr.audits[id]?.displayValue ?? '';
    rows.push({
      page,
      performance: perf,
      accessibility: a11y,
      LCP: metric('largest-contentful-paint'),
      TBT: metric('total-blocking-time'),
      CLS: metric('cumulative-layout-shift'),
      ok: ok ? 'yes' : 'NO',
    });
    if (a11y < 100) {
      for (const audit of Object.values(lhr.audits)) {
        if (
          audit.score === 0 &&
          lhr.categories.accessibility.auditRefs.some((ref) => ref.id === audit.id)
        )
          console.log(`  ${page}: accessibility audit failed: ${audit.id} — ${audit.title}`);
      }
    }
  }
  console.table(rows);
  console.log(
    `Floors: performance ≥ ${floors.performance}, accessibility ≥ ${floors.accessibility}.`,
  );
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  failed = true;
} finally {
  chrome?.kill();
  stopServer();
}
process.exit(failed ? 1 : 0);
