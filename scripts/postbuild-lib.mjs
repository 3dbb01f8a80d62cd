// Post-build steps on dist/, as pure functions so tests can run them on small inputs:
//   - a strict Content-Security-Policy in every page, with the hash of each inline script
//   - the service worker that keeps the whole site available offline after the first visit
import { createHash } from 'node:crypto';

/**
 * The policy every page carries. Scripts: only our own files and the inline scripts we hash
 * (no 'unsafe-inline', no eval); 'wasm-unsafe-eval' lets Pagefind's search index (WebAssembly)
 * compile, and nothing else. Styles allow inline because Monaco injects its own <style> elements
 * and Astro scopes component styles inline; style cannot run code. Nothing may be fetched,
 * framed or posted anywhere but this site.
 * `frame-ancestors` is not listed: a <meta> policy cannot carry it, and embedding in a wiki's
 * iframe is a feature (?embed).
 */
export const CSP_DIRECTIVES = [
  ['default-src', "'self'"],
  ['script-src', "'self'", "'wasm-unsafe-eval'"],
  ['style-src', "'self'", "'unsafe-inline'"],
  ['img-src', "'self'", 'data:'],
  ['font-src', "'self'", 'data:'],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** `sha256-…` source of a script's exact text, as CSP hashes it. */
export function scriptHash(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The text of every inline <script> (one without `src`) in a page, in order. */
export function inlineScripts(html) {
  const scripts = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(m[1])) continue;
    // JSON data blocks are not executed, so they need no hash.
    if (/\stype\s*=\s*["']?application\/(ld\+)?json/i.test(m[1])) continue;
    scripts.push(m[2]);
  }
  return scripts;
}

/**
 * Inline event handlers (`onclick="…"`) and `javascript:` URLs cannot be allowed by a hash
 * without 'unsafe-hashes'; the site must not have any. Returns what it found.
 */
export function forbiddenInlineCode(html) {
  const found = [];
  for (const m of html.matchAll(/<[a-z][a-z0-9-]*\b[^>]*>/gi)) {
    const tag = m[0];
    const handler = tag.match(/\son[a-z]+\s*=/i);
    if (handler) found.push(`inline handler ${handler[0].trim()} in ${tag.slice(0, 80)}`);
    if (/\s(?:href|src|action)\s*=\s*["']?\s*javascript:/i.test(tag))
      found.push(`javascript: URL in ${tag.slice(0, 80)}`);
  }
  return found;
}

/**
 * The built assets a script names (`_astro/<file>.css` or `.js`, as the bundler's preload lists
 * write them) that `exists` says are not there. The bundler has shipped a chunk that preloads a
 * stylesheet it merged away; the browser then gets a 404 on every page that loads the chunk.
 * @param {string} script
 * @param {(asset: string) => boolean} exists
 * @returns {string[]}
 */
export function missingAssets(script, exists) {
  const missing = new Set();
  for (const m of script.matchAll(/["'](?:\.\/|\/)?(_astro\/[\w.-]+\.(?:css|js))["']/g))
    if (!exists(m[1])) missing.add(m[1]);
  return [...missing];
}

/** The full policy text for a page whose inline scripts are `scripts`. */
export function policyFor(scripts) {
  const hashes = [...new Set(scripts.map(scriptHash))].sort();
  return CSP_DIRECTIVES.map(([name, ...sources]) =>
    [name, ...sources, ...(name === 'script-src' ? hashes : [])].join(' '),
  ).join('; ');
}

/**
 * The page with its CSP <meta> at the top of <head>, so it governs every script that follows:
 * right after the charset declaration (which must stay within the first 1024 bytes, and a long
 * policy could push it out), or first in <head> when there is none. A page that already carries
 * a policy is refreshed, not doubled.
 */
export function withCsp(html) {
  const policy = policyFor(inlineScripts(html));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const cleaned = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
  const head = /<head\b[^>]*>/i.exec(cleaned);
  if (head === null) throw new Error('page has no <head>');
  const afterHead = head.index + head[0].length;
  const charset = /<meta charset=[^>]*>/i.exec(cleaned.slice(afterHead));
  // Only a charset declaration that comes before any script counts as "the top".
  const firstScript = cleaned.slice(afterHead).search(/<script\b/i);
  const at =
    charset !== null && (firstScript === -1 || charset.index < firstScript)
      ? afterHead + charset.index + charset[0].length
      : afterHead;
  return cleaned.slice(0, at) + meta + cleaned.slice(at);
}

/**
 * The service worker's source. `files` are the site's files relative to the base (directory
 * pages as `lessons/why-roles/`), `version` changes whenever any of them does.
 *
 * Strategy: every file is fetched into a versioned cache when the worker installs, so the whole
 * site works offline after the first visit; old versions are deleted when a new one activates.
 * Pages are fetched from the network first (a learner online always gets the latest lesson) and
 * fall back to the cache; hashed assets come from the cache first. Query strings (?embed,
 * ?instructor) do not change which file a page is, and neither do Vary headers: a server that
 * varies on Origin (Vite's preview does) would otherwise make a module script miss its cached copy.
 */
export function serviceWorkerSource({ base, files, version }) {
  return `// Generated by scripts/postbuild.mjs: the offline copy of Rolelab, version ${version}.
const CACHE = 'rolelab-${version}';
const BASE = ${JSON.stringify(base)};
const FILES = ${JSON.stringify(files)};

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((file) => BASE + file)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('rolelab-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request, { ignoreSearch: true, ignoreVary: true })) ?? (await cache.match(BASE + '404.html'));
}

async function networkFirst(request) {
  try {
    // Reachable server: its answer stands, a 404 included.
    return await fetch(request);
  } catch {
    return (await fromCache(request)) ?? Response.error();
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  event.respondWith(request.mode === 'navigate' ? networkFirst(request) : cacheFirst(request));
});
`;
}

/** A short version string from the contents of every file (sorted by path). */
export function versionOf(entries) {
  const hash = createHash('sha256');
  for (const [path, bytes] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    hash.update(path);
    hash.update('\0');
    hash.update(bytes);
  }
  return hash.digest('hex').slice(0, 12);
}
