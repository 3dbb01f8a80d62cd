// The site must work when a team hosts it under a prefix (ROLELAB_BASE). This builds a second copy
// under /learn/iam/ into dist-base/, then
//   1. checks every internal link, script, stylesheet and image of every page: it must start with
//      the base and name a file that exists, and a #fragment must name an id on the target page;
//   2. runs the browser specs that walk the site (pages, lessons, an exercise, search, offline)
//      against that copy.
// Exits 1 on the first failing step. Run by `npm test` after the main build's tests.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const base = '/learn/iam/';
const outDir = 'dist-base';
const env = {
  ...process.env,
  ROLELAB_BASE: base,
  ROLELAB_OUT_DIR: outDir,
  ROLELAB_E2E_PORT: '4398',
};
const run = (command) => execSync(command, { stdio: 'inherit', env });

rmSync(outDir, { recursive: true, force: true });
run('npx astro build --silent');
run(`npx pagefind --site ${outDir} --output-subdir pagefind --silent`);
run('node scripts/postbuild.mjs');

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (name.endsWith('.html')) out.push(full);
  }
  return out;
}

/** The file a site path names, or null: `/learn/iam/lessons/x/` → dist-base/lessons/x/index.html. */
function fileFor(path) {
  if (!path.startsWith(base)) return null;
  const rest = decodeURIComponent(path.slice(base.length));
  const candidate = join(outDir, rest);
  if (rest === '' || rest.endsWith('/'))
    return existsSync(join(candidate, 'index.html')) ? join(candidate, 'index.html') : null;
  return existsSync(candidate) && statSync(candidate).isFile() ? candidate : null;
}

const ids = new Map();
const idsOf = (file) => {
  if (!ids.has(file))
    ids.set(
      file,
      new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])),
    );
  return ids.get(file);
};

const problems = [];
const pages = walk(outDir);
let links = 0;
for (const page of pages) {
  const html = readFileSync(page, 'utf8');
  for (const m of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
    const value = m[2].replaceAll('&amp;', '&');
    if (/^(?:[a-z]+:|\/\/|#|$)/i.test(value)) continue; // external, protocol-relative, same-page or empty
    links += 1;
    const where = `${relative(outDir, page)}: ${m[1]}="${value}"`;
    if (!value.startsWith('/')) {
      problems.push(`${where} is relative; links go through href() so they carry the base`);
      continue;
    }
    const [pathAndQuery, fragment] = value.split('#');
    const path = pathAndQuery.split('?')[0];
    const target = fileFor(path);
    if (!target) problems.push(`${where} names nothing under ${base}`);
    else if (
      fragment &&
      target.endsWith('.html') &&
      !idsOf(target).has(decodeURIComponent(fragment))
    )
      problems.push(`${where}: no id "${fragment}" there`);
  }
}
const sw = readFileSync(join(outDir, 'sw.js'), 'utf8');
if (!sw.includes(`const BASE = ${JSON.stringify(base)}`))
  problems.push('sw.js does not cache under the base');

if (problems.length) {
  console.error(
    `Under base ${base}, ${problems.length} broken reference(s):\n  ${problems.slice(0, 50).join('\n  ')}`,
  );
  process.exit(1);
}
console.log(
  `Base path ${base}: ${links} internal references in ${pages.length} pages all resolve.`,
);

run(
  'npx playwright test tests/e2e/shell.spec.ts tests/e2e/exercise.spec.ts tests/e2e/search.spec.ts tests/e2e/offline.spec.ts',
);
