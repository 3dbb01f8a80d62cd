// Build-size budgets (CONTRIBUTING.md, "Budgets"), checked on dist/ after `npm run build`:
//   - JavaScript a lesson page runs before any interaction ≤ 40 KB gzip
//   - the simulator chunks an editor or exercise loads (policy checking, review) ≤ 60 KB gzip
//   - the grader and the simulator it loads with it ≤ 60 KB gzip
//   - Monaco as loaded by the editor ≤ 900 KB gzip (its worker is listed apart: Monaco starts it
//     only for features the policy editor turns off, so a learner never downloads it)
// Prints a table and exits 1 when a budget is exceeded.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = 'dist';
if (!existsSync(dist)) {
  console.error('No dist/: run `npm run build` first.');
  process.exit(1);
}
const assets = join(dist, '_astro');
const gz = (text) => gzipSync(text, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** A chunk and everything it imports statically, each counted once. */
function withStaticImports(file, seen = new Set()) {
  if (seen.has(file) || !existsSync(join(assets, file))) return seen;
  seen.add(file);
  const code = readFileSync(join(assets, file), 'utf8');
  for (const m of code.matchAll(
    /(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g,
  ))
    withStaticImports(m[1], seen);
  return seen;
}

function lessonPages(dir = join(dist, 'lessons')) {
  const pages = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory() && existsSync(join(full, 'index.html')))
      pages.push(join(full, 'index.html'));
  }
  return pages;
}

const rows = [];
let failed = false;
const budget = (what, bytes, limit, note = '') => {
  const ok = bytes <= limit;
  if (!ok) failed = true;
  rows.push([what, kb(bytes), kb(limit), ok ? 'ok' : 'OVER', note]);
};

for (const page of lessonPages()) {
  const html = readFileSync(page, 'utf8');
  let bytes = 0;
  // Inline scripts run at once; module scripts with src load at once with their static imports.
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g))
    bytes += gz(m[1]);
  const files = new Set();
  for (const m of html.matchAll(/<script[^>]*\bsrc="[^"]*\/_astro\/([^"]+\.js)"/g))
    withStaticImports(m[1], files);
  for (const f of files) bytes += gz(readFileSync(join(assets, f)));
  budget(
    `JS before interaction: ${page.replace(/^dist\//, '').replace(/index\.html$/, '')}`,
    bytes,
    40 * 1024,
  );
}

const chunks = readdirSync(assets).filter((f) => f.endsWith('.js'));
const sizeOf = (pattern) =>
  chunks.filter((f) => pattern.test(f)).reduce((n, f) => n + gz(readFileSync(join(assets, f))), 0);
budget('simulator chunks (policy, review)', sizeOf(/^(policy|review)\.[\w-]+\.js$/), 60 * 1024);
// The grader chunk and every chunk it imports statically: the simulator core (world, authorization,
// policy parser, callAws). The services an exercise calls, the MFA authenticator and the review
// are fetched on demand (prepareGrading in src/exercises/grade.ts), so they are not counted here.
const graderChunk = chunks.find((f) => /^grade\.[\w-]+\.js$/.test(f));
if (graderChunk === undefined) {
  // Otherwise the line would measure nothing and pass.
  console.error('No grade.*.js chunk in dist/_astro: the grader budget cannot be measured.');
  process.exit(1);
}
const graderFiles = [...withStaticImports(graderChunk)];
const graderBytes = graderFiles.reduce((n, f) => n + gz(readFileSync(join(assets, f))), 0);
budget('grader with the simulator it loads', graderBytes, 60 * 1024);
budget(
  'Monaco as loaded',
  sizeOf(/^monaco\.[\w-]+\.js$/),
  900 * 1024,
  `worker on demand only: ${kb(sizeOf(/^editor\.worker/))}`,
);

const width = rows.reduce((w, r) => Math.max(w, r[0].length), 0);
for (const [what, got, limit, verdict, note] of rows)
  console.log(
    `${what.padEnd(width)}  ${got.padStart(10)} / ${limit.padStart(9)}  ${verdict}${note ? `  (${note})` : ''}`,
  );
process.exit(failed ? 1 : 0);
