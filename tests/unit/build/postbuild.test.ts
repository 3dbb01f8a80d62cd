/** The post-build steps: the Content-Security-Policy each page carries and the offline worker. */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  forbiddenInlineCode,
  inlineScripts,
  missingAssets,
  policyFor,
  scriptHash,
  serviceWorkerSource,
  versionOf,
  withCsp,
} from '../../../scripts/postbuild-lib.mjs';

const page = (body: string, head = '') =>
  `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('Content-Security-Policy', () => {
  it('hashes each inline script exactly as the browser does (SHA-256 of the text, base64)', () => {
    const text = "document.documentElement.dataset.theme = 'dark';";
    const expected = createHash('sha256').update(text).digest('base64');
    expect(scriptHash(text)).toBe(`'sha256-${expected}'`);
  });

  it('finds inline scripts but not external ones or JSON data blocks', () => {
    const html = page(
      '<script>a()</script><script type="module" src="/x.js"></script><script type="application/json">{"a":1}</script><script type="module">b()</script>',
    );
    expect(inlineScripts(html)).toEqual(['a()', 'b()']);
  });

  it('allows only this site and the hashed inline scripts: no unsafe-inline or eval for scripts', () => {
    const policy = policyFor(['a()']);
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src')) ?? '';
    expect(scriptSrc).toContain(scriptHash('a()'));
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/https?:/);
  });

  it('puts the policy right after the charset declaration, before every script, once, even when run twice', () => {
    const html = page('<script>b()</script>', '<script>a()</script>');
    const once = withCsp(html);
    const twice = withCsp(once);
    expect(twice).toBe(once);
    const at = once.indexOf('Content-Security-Policy');
    expect(at).toBeGreaterThan(once.indexOf('<meta charset'));
    expect(at).toBeLessThan(once.indexOf('<script>'));
    expect(once.match(/Content-Security-Policy/g)).toHaveLength(1);
    // Without a charset declaration it goes first in <head>.
    expect(withCsp('<html><head><title>x</title></head></html>')).toMatch(
      /^<html><head><meta http-equiv="Content-Security-Policy"/,
    );
  });

  it('reports inline event handlers and javascript: URLs, which no hash can allow', () => {
    expect(forbiddenInlineCode(page('<button onclick="go()">Go</button>'))).toHaveLength(1);
    expect(forbiddenInlineCode(page('<a href="javascript:go()">Go</a>'))).toHaveLength(1);
    expect(
      forbiddenInlineCode(
        page('<a href="/lessons/" data-online="yes">Lessons</a><meta content="one">'),
      ),
    ).toEqual([]);
  });
});

describe('service worker', () => {
  it('names its cache after the version and precaches every file under the base', () => {
    const source = serviceWorkerSource({
      base: '/learn/',
      files: ['', 'lessons/why-roles/', '_astro/a.js'],
      version: 'abc123',
    });
    expect(source).toContain("const CACHE = 'rolelab-abc123'");
    expect(source).toContain('const BASE = "/learn/"');
    expect(source).toContain('["","lessons/why-roles/","_astro/a.js"]');
    // It parses as JavaScript.
    expect(() => new Function(source)).not.toThrow();
  });

  it('changes version when any file changes, and not when the listing order does', () => {
    const a = versionOf([
      ['a.html', Buffer.from('1')],
      ['b.js', Buffer.from('2')],
    ]);
    const reordered = versionOf([
      ['b.js', Buffer.from('2')],
      ['a.html', Buffer.from('1')],
    ]);
    const changed = versionOf([
      ['a.html', Buffer.from('1')],
      ['b.js', Buffer.from('3')],
    ]);
    expect(reordered).toBe(a);
    expect(changed).not.toBe(a);
  });
});

describe('assets the built scripts name', () => {
  const script =
    'const d=["_astro/jsxRuntime.module.Bfdc-KV3.js","_astro/PolicyEditor.R9H44Xbl.css"];import("./_astro/x.js");const s="site.css";';
  it('lists those the build did not write, once each', () => {
    const have = new Set(['_astro/jsxRuntime.module.Bfdc-KV3.js', '_astro/x.js']);
    expect(missingAssets(script + script, (a) => have.has(a))).toEqual(['_astro/PolicyEditor.R9H44Xbl.css']);
  });
  it('is empty when every named asset exists, and ignores strings that are not build assets', () => {
    expect(missingAssets(script, () => true)).toEqual([]);
  });
});
