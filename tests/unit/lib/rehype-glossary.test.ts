/**
 * The lesson tooltip plugin on small hast trees: first mention only, prose only, whole words,
 * case rules, longest spelling first, and the accessible markup it produces.
 */
import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent, Root } from 'hast';
import {
  markGlossaryTerms,
  rehypeGlossary,
  tooltipId,
} from '../../../src/lib/glossary/rehype-glossary.ts';
import { GLOSSARY, type GlossaryTerm } from '../../../src/lib/glossary/data.ts';

const term = (id: string, name: string, aliases: string[] = []): GlossaryTerm => ({
  id,
  term: name,
  aliases,
  definition: `Definition of ${name}, long enough to read as a sentence.`,
  related: [],
});

const TERMS: GlossaryTerm[] = [
  term('role', 'Role', ['role', 'roles']),
  term('trust-policy', 'Trust policy', ['trust policy']),
  term('policy', 'Policy', ['policy', 'policies']),
  term('scp', 'SCP', ['SCPs']),
  term('pass-role', 'iam:PassRole', ['PassRole']),
];

const text = (value: string): ElementContent => ({ type: 'text', value });
const el = (
  tagName: string,
  children: ElementContent[],
  properties: Element['properties'] = {},
): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const root = (...children: Root['children']): Root => ({ type: 'root', children });

/** The terms marked in a tree, as [term id, words] in document order. */
function marked(tree: Root): [string, string][] {
  const found: [string, string][] = [];
  const walk = (node: { children?: unknown[] }) => {
    for (const child of (node.children ?? []) as (
      Element | { type: string; children?: unknown[] }
    )[]) {
      if (child.type === 'element' && (child as Element).properties.dataTerm !== undefined) {
        const words = (child as Element).children[0];
        found.push([
          String((child as Element).properties.dataTerm),
          words?.type === 'text' ? words.value : '',
        ]);
        continue;
      }
      walk(child as { children?: unknown[] });
    }
  };
  walk(tree);
  return found;
}

describe('rehypeGlossary', () => {
  it('marks only the first mention of each term on the page', () => {
    const tree = root(
      el('p', [text('A role is assumed. The role has a session.')]),
      el('p', [text('Every role again.')]),
    );
    markGlossaryTerms(tree, TERMS);
    expect(marked(tree)).toEqual([['role', 'role']]);
    expect(toHtml(tree)).toContain('The role has a session.');
  });

  it('counts any spelling of a term as its mention', () => {
    const tree = root(el('p', [text('Roles are identities. A role is one.')]));
    markGlossaryTerms(tree, TERMS);
    expect(marked(tree)).toEqual([['role', 'Roles']]);
  });

  it('skips headings, code, links, summaries and SVG, and marks the prose after them', () => {
    const tree = root(
      el('h2', [text('Why a role')]),
      el('p', [
        el('code', [text('role')]),
        text(' and '),
        el('a', [text('a role link')], { href: '#x' }),
      ]),
      el('pre', [el('code', [text('aws iam create-role # role')])]),
      el('svg', [el('text', [text('role')])]),
      el('details', [el('summary', [text('Which role?')]), el('p', [text('This role answers.')])]),
    );
    markGlossaryTerms(tree, TERMS);
    expect(marked(tree)).toEqual([['role', 'role']]);
    const details = tree.children[4] as Element;
    expect(toHtml(details.children[0] as Element)).toBe('<summary>Which role?</summary>');
    expect(toHtml(details.children[1] as Element)).toContain('data-term="role"');
  });

  it('does not look inside MDX components, but does inside MDX <details>', () => {
    const component = {
      type: 'mdxJsxFlowElement',
      name: 'DecideFlow',
      attributes: [],
      children: [el('p', [text('role in a component')])],
    };
    const details = {
      type: 'mdxJsxFlowElement',
      name: 'details',
      attributes: [],
      children: [el('p', [text('a role here')])],
    };
    const tree = root(component as unknown as Element, details as unknown as Element);
    markGlossaryTerms(tree, TERMS);
    expect(marked(tree)).toEqual([['role', 'role']]);
    expect(toHtml(component.children[0] as Element)).toBe('<p>role in a component</p>');
  });

  it('matches whole words only: no "role" inside "PassRole", "roleplay" or "role-based"', () => {
    const tree = root(
      el('p', [text('roleplay, role-based, AssumeRole, xrole and then the role.')]),
    );
    markGlossaryTerms(tree, TERMS);
    expect(marked(tree)).toEqual([['role', 'role']]);
    expect(toHtml(tree)).toContain('roleplay, role-based, AssumeRole, xrole and then the ');
  });

  it('treats lowercase spellings as any case and capitalised ones as exact', () => {
    const tree = root(el('p', [text('Role first. scps are not SCPs, but SCPs are.')]));
    markGlossaryTerms(tree, TERMS);
    expect(marked(tree)).toEqual([
      ['role', 'Role'],
      ['scp', 'SCPs'],
    ]);
    expect(toHtml(tree)).toContain('scps are not ');
  });

  it('prefers the longest spelling and does not search the words it covers again', () => {
    const tree = root(el('p', [text('A trust policy. Another trust policy. Then a policy.')]));
    markGlossaryTerms(tree, TERMS);
    expect(marked(tree)).toEqual([
      ['trust-policy', 'trust policy'],
      ['policy', 'policy'],
    ]);
  });

  it('matches spellings with punctuation such as iam:PassRole', () => {
    const tree = root(el('p', [text('Grant iam:PassRole on the role.')]));
    markGlossaryTerms(tree, TERMS);
    expect(marked(tree)).toEqual([
      ['pass-role', 'iam:PassRole'],
      ['role', 'role'],
    ]);
  });

  it('produces a focusable term described by a hidden-until-shown tooltip', () => {
    const tree = root(el('p', [text('A role.')]));
    markGlossaryTerms(tree, TERMS);
    expect(toHtml(tree)).toBe(
      '<p>A <span class="gloss-term" tabindex="0" aria-describedby="gloss-tip-role" data-term="role">role' +
        '<span role="tooltip" id="gloss-tip-role" class="gloss-tip" data-pagefind-ignore="all">' +
        'Definition of Role, long enough to read as a sentence.</span></span>.</p>',
    );
    expect(tooltipId('role')).toBe('gloss-tip-role');
  });

  it('only processes the files it is told to', () => {
    const plugin = rehypeGlossary({
      terms: TERMS,
      include: (path) => path?.includes('/content/lessons/') === true,
    });
    const lesson = root(el('p', [text('a role')]));
    const other = root(el('p', [text('a role')]));
    plugin(lesson, { path: '/site/content/lessons/01-why-roles.mdx' });
    plugin(other, { path: '/site/src/pages/about.md' });
    expect(marked(lesson)).toHaveLength(1);
    expect(marked(other)).toHaveLength(0);
  });

  it('works with the real glossary: each term once, definitions from the file', () => {
    const tree = root(
      el('p', [
        text(
          'A role has a trust policy and a permissions policy; a role session gets temporary credentials.',
        ),
      ]),
      el('p', [
        text('Then SCPs, RCPs, a permissions boundary and a session policy limit the role.'),
      ]),
    );
    markGlossaryTerms(tree, GLOSSARY);
    expect(marked(tree).map(([id]) => id)).toEqual([
      'role',
      'trust-policy',
      'permissions-policy',
      'session',
      'temporary-credentials',
      'scp',
      'rcp',
      'permissions-boundary',
      'session-policy',
    ]);
  });
});
