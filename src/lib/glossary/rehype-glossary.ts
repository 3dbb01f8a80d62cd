/**
 * A rehype plugin that turns the FIRST mention of each glossary term in a lesson into an
 * accessible term with its definition as a tooltip:
 *
 *   <span class="gloss-term" tabindex="0" aria-describedby="gloss-tip-role" data-term="role">roles
 *     <span role="tooltip" id="gloss-tip-role" class="gloss-tip">An IAM identity …</span></span>
 *
 * The tooltip is hidden by CSS until the term is hovered or focused (so a keyboard or a tap
 * reaches it too); Escape dismisses it (script in src/layouts/Lesson.astro). Because it sits
 * inside the term, moving the pointer onto the tooltip keeps it open (WCAG 1.4.13, hoverable).
 *
 * Matching rules (pinned by tests/unit/lib/rehype-glossary.test.ts):
 * - only prose: never inside headings, code, links, buttons, summaries, SVG, or MDX components
 *   (whose props and children are the component's business);
 * - whole words only: "role" does not match inside "roles", "PassRole" or "role-based"; plurals
 *   and other forms are listed as aliases in the glossary instead of guessed;
 * - a spelling written in lowercase matches any capitalisation ("Role" starting a sentence), one
 *   with capitals matches exactly (so "SCP" is not found in "scp" of a file name);
 * - the longest spelling at a position wins ("trust policy" rather than "policy"), and the text
 *   it covers is not searched again for shorter terms;
 * - once per term per page.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type { GlossaryTerm } from './data.ts';

/** Options of {@link rehypeGlossary}. */
export interface GlossaryPluginOptions {
  /** The glossary terms to mark. */
  terms: readonly GlossaryTerm[];
  /** Which files to process, by path; all files when omitted. */
  include?: (path: string | undefined) => boolean;
}

/** A spelling prepared for matching. */
interface Spelling {
  lower: string;
  exact: string;
  anyCase: boolean;
  term: GlossaryTerm;
}

/** Elements whose text is never marked. */
const SKIP_ELEMENTS = new Set([
  'a',
  'abbr',
  'button',
  'code',
  'dfn',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'kbd',
  'label',
  'math',
  'option',
  'pre',
  'samp',
  'script',
  'select',
  'style',
  'summary',
  'svg',
  'textarea',
  'title',
  'var',
]);

/** Characters that continue a word: a match must not be preceded or followed by one. */
const WORD_CHAR = /[\p{L}\p{N}_-]/u;

/** The element id of a term's tooltip. */
export function tooltipId(termId: string): string {
  return `gloss-tip-${termId}`;
}

/** Spellings grouped by their first lowercase character, longest first within a group. */
function prepareSpellings(terms: readonly GlossaryTerm[]): Map<string, Spelling[]> {
  const byFirst = new Map<string, Spelling[]>();
  for (const term of terms) {
    for (const exact of new Set([term.term, ...term.aliases])) {
      const lower = exact.toLowerCase();
      const spelling: Spelling = { lower, exact, anyCase: exact === lower, term };
      const first = lower[0] ?? '';
      byFirst.set(first, [...(byFirst.get(first) ?? []), spelling]);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.lower.length - a.lower.length);
  return byFirst;
}

/** The longest spelling that matches `text` at `index` as a whole word, with the right case. */
function spellingAt(
  text: string,
  lower: string,
  index: number,
  byFirst: Map<string, Spelling[]>,
): Spelling | undefined {
  const candidates = byFirst.get(lower[index] ?? '');
  if (candidates === undefined) return undefined;
  for (const s of candidates) {
    if (!lower.startsWith(s.lower, index)) continue;
    const end = index + s.lower.length;
    if (end < text.length && WORD_CHAR.test(text[end] ?? '')) continue;
    if (!s.anyCase && text.slice(index, end) !== s.exact) continue;
    return s;
  }
  return undefined;
}

/** The marked-up term: the words as written, with the tooltip inside. */
function termElement(words: string, term: GlossaryTerm): Element {
  const id = tooltipId(term.id);
  return {
    type: 'element',
    tagName: 'span',
    properties: {
      className: ['gloss-term'],
      tabIndex: 0,
      ariaDescribedBy: [id],
      dataTerm: term.id,
    },
    children: [
      { type: 'text', value: words },
      {
        type: 'element',
        tagName: 'span',
        // Search excerpts should quote the lesson, not the glossary.
        properties: { role: 'tooltip', id, className: ['gloss-tip'], dataPagefindIgnore: 'all' },
        children: [{ type: 'text', value: term.definition }],
      },
    ],
  };
}

/**
 * Splits one text node around the first mentions of terms not yet used, or returns undefined when
 * it holds none.
 */
function markText(
  node: Text,
  byFirst: Map<string, Spelling[]>,
  used: Set<string>,
): ElementContent[] | undefined {
  const text = node.value;
  const lower = text.toLowerCase();
  const out: ElementContent[] = [];
  let copiedTo = 0;
  let i = 0;
  while (i < text.length) {
    const startsWord = i === 0 || !WORD_CHAR.test(text[i - 1] ?? '');
    const spelling = startsWord ? spellingAt(text, lower, i, byFirst) : undefined;
    if (spelling === undefined) {
      i += 1;
      continue;
    }
    const end = i + spelling.lower.length;
    if (!used.has(spelling.term.id)) {
      used.add(spelling.term.id);
      if (i > copiedTo) out.push({ type: 'text', value: text.slice(copiedTo, i) });
      out.push(termElement(text.slice(i, end), spelling.term));
      copiedTo = end;
    }
    i = end;
  }
  if (copiedTo === 0) return undefined;
  if (copiedTo < text.length) out.push({ type: 'text', value: text.slice(copiedTo) });
  return out;
}

/** An MDX JSX element as it appears in the hast tree of an .mdx file. */
interface MdxJsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  children: RootContent[];
}

/** True for nodes whose children are prose worth searching. */
function descendInto(node: RootContent): node is Element | (RootContent & MdxJsxElement) {
  if (node.type === 'element') {
    const classes = node.properties.className;
    const isTerm = Array.isArray(classes) && classes.includes('gloss-term');
    return !SKIP_ELEMENTS.has(node.tagName) && !isTerm && node.properties.ariaHidden !== 'true';
  }
  const type = node.type as string;
  if (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') {
    // `<details>` written in MDX is plain HTML; a capitalised name is a component (a diagram, an
    // editor, a terminal) whose content is not lesson prose.
    const name = (node as unknown as MdxJsxElement).name;
    return name !== null && /^[a-z]/.test(name) && !SKIP_ELEMENTS.has(name);
  }
  return false;
}

/** Marks the first mention of each term in a tree, in reading order. Exported for tests. */
export function markGlossaryTerms(tree: Root, terms: readonly GlossaryTerm[]): void {
  const byFirst = prepareSpellings(terms);
  const used = new Set<string>();
  const visit = (parent: { children: RootContent[] }): void => {
    const next: RootContent[] = [];
    for (const child of parent.children) {
      if (child.type === 'text') {
        const marked = markText(child, byFirst, used);
        if (marked === undefined) next.push(child);
        else next.push(...marked);
        continue;
      }
      if (descendInto(child)) visit(child as { children: RootContent[] });
      next.push(child);
    }
    parent.children = next;
  };
  visit(tree);
}

/** The rehype plugin; add it after the heading-id plugins so headings already carry their ids. */
export function rehypeGlossary(options: GlossaryPluginOptions) {
  return (tree: Root, file: { path?: string }): void => {
    if (options.include !== undefined && !options.include(file.path)) return;
    markGlossaryTerms(tree, options.terms);
  };
}
