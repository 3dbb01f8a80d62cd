// Runs after `astro build` and Pagefind (see package.json "build"):
//   1. puts a strict Content-Security-Policy <meta> into every page, hashing its inline scripts,
//      and fails the build if a page has inline event handlers or javascript: URLs;
//   2. fails the build if a script names an asset (`_astro/….css`) the build did not write;
//   3. writes dist/sw.js, the service worker that keeps the site available offline.
// The functions live in postbuild-lib.mjs, where tests/unit/postbuild.test.ts checks them.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  forbiddenInlineCode,
  missingAssets,
  serviceWorkerSource,
  versionOf,
  withCsp,
} from './postbuild-lib.mjs';

const dist = process.env.ROLELAB_OUT_DIR ?? 'dist';
const base = (process.env.ROLELAB_BASE ?? '/').replace(/^\/*/, '/').replace(/\/*$/, '/');

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const problems = [];
const files = walk(dist).filter((f) => !f.endsWith('.map') && relative(dist, f) !== 'sw.js');
for (const file of files.filter((f) => f.endsWith('.html'))) {
  const html = readFileSync(file, 'utf8');
  for (const p of forbiddenInlineCode(html)) problems.push(`${relative(dist, file)}: ${p}`);
  writeFileSync(file, withCsp(html));
}
if (problems.length) {
  console.error(
    `The Content-Security-Policy forbids inline code; remove it:\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}

const dangling = [];
for (const file of files.filter((f) => f.endsWith('.js'))) {
  const missing = missingAssets(readFileSync(file, 'utf8'), (asset) => existsSync(join(dist, asset)));
  for (const asset of missing) dangling.push(`${relative(dist, file)} names ${asset}`);
}
if (dangling.length) {
  console.error(`Built scripts name assets the build did not write:\n  ${dangling.join('\n  ')}`);
  process.exit(1);
}

// Directory pages are fetched as `lessons/why-roles/`, the way links point at them.
const urlOf = (file) => {
  const rel = relative(dist, file).split('\\').join('/');
  return rel.endsWith('/index.html')
    ? rel.slice(0, -'index.html'.length)
    : rel === 'index.html'
      ? ''
      : rel;
};
const version = versionOf(files.map((f) => [relative(dist, f), readFileSync(f)]));
writeFileSync(
  join(dist, 'sw.js'),
  serviceWorkerSource({ base, files: files.map(urlOf).sort(), version }),
);
console.log(
  `postbuild: CSP in ${files.filter((f) => f.endsWith('.html')).length} pages; sw.js version ${version} caches ${files.length} files.`,
);
