/**
 * content/glossary.json: valid, big enough to cover the course, every "learn more" link points at
 * a heading that exists in that lesson, and bad entries are refused in words.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import GithubSlugger from 'github-slugger';
import { GLOSSARY, parseGlossary, sortedGlossary } from '../../../src/lib/glossary/data.ts';

const LESSONS_DIR = new URL('../../../content/lessons/', import.meta.url);

/** Heading ids of each lesson, as rehypeHeadingIds makes them (plus the layout's own ids). */
function lessonAnchors(): Map<string, Set<string>> {
  const anchors = new Map<string, Set<string>>();
  for (const file of readdirSync(LESSONS_DIR).filter((f) => f.endsWith('.mdx'))) {
    const slug = file.replace(/\.mdx$/, '').replace(/^\d+-/, '');
    const slugger = new GithubSlugger();
    const ids = new Set(['you-will', 'practice']);
    let fenced = false;
    for (const line of readFileSync(new URL(file, LESSONS_DIR), 'utf8').split('\n')) {
      if (/^\s*```/.test(line)) fenced = !fenced;
      const heading = fenced ? null : /^#{1,6}\s+(.+?)\s*$/.exec(line);
      if (heading?.[1] !== undefined) ids.add(slugger.slug(heading[1].replace(/`/g, '')));
    }
    anchors.set(slug, ids);
  }
  return anchors;
}

describe('the glossary', () => {
  it('has 40 to 70 terms covering what the lessons teach', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(40);
    expect(GLOSSARY.length).toBeLessThanOrEqual(70);
    const ids = new Set(GLOSSARY.map((t) => t.id));
    for (const needed of [
      'role',
      'trust-policy',
      'principal',
      'session',
      'temporary-credentials',
      'assume-role',
      'instance-profile',
      'imdsv2',
      'permissions-boundary',
      'scp',
      'rcp',
      'session-policy',
      'explicit-deny',
      'implicit-deny',
      'external-id',
      'confused-deputy',
      'role-chaining',
      'saml',
      'oidc',
      'web-identity',
      'permission-set',
      'session-tags',
      'pass-role',
      'service-principal',
      'resource-based-policy',
      'source-arn',
      'condition-key',
      'arn',
      'managed-policy',
      'inline-policy',
      'service-linked-role',
      'least-privilege',
      'cloudtrail',
      'last-accessed',
      'mfa',
    ]) {
      expect(ids, needed).toContain(needed);
    }
  });

  it('links every term to a heading that exists in its lesson', () => {
    const anchors = lessonAnchors();
    for (const t of GLOSSARY) {
      if (t.learn === undefined) continue;
      const ids = anchors.get(t.learn.lesson);
      expect(ids, `${t.id}: lesson ${t.learn.lesson}`).toBeDefined();
      expect(ids?.has(t.learn.section), `${t.id}: #${t.learn.section} in ${t.learn.lesson}`).toBe(
        true,
      );
    }
  });

  it('sorts A–Z ignoring case', () => {
    const names = sortedGlossary().map((t) => t.term);
    expect(names.slice(0, 2)).toEqual(['Access control list (ACL)', 'AccessDenied']);
    expect(names.indexOf('aws:SourceAccount')).toBeLessThan(names.indexOf('CloudTrail'));
    expect(names).toHaveLength(GLOSSARY.length);
  });

  it('refuses a duplicated id, an unknown related term and a spelling shared by two terms', () => {
    const base = {
      definition: 'A definition long enough to pass the minimum length check.',
      aliases: [],
    };
    expect(() =>
      parseGlossary([
        { ...base, id: 'a', term: 'Alpha', related: ['b'] },
        { ...base, id: 'a', term: 'Beta' },
        { ...base, id: 'c', term: 'Gamma', aliases: ['alpha'] },
      ]),
    ).toThrow(
      /\[0\.related\.0\]: no glossary term has the id "b"[\s\S]*\[1\.id\]: the id "a" is used twice[\s\S]*\[2\.aliases\]: "alpha" is already a spelling of "a"/,
    );
  });

  it('names the entry and field of a malformed term', () => {
    expect(() =>
      parseGlossary([{ id: 'Bad Id', term: 'X', aliases: [], definition: 'short' }]),
    ).toThrow(/\[0\.id\]/);
  });
});
