// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { unified, rehypeHeadingIds } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import { GLOSSARY } from './src/lib/glossary/data.ts';
import { rehypeGlossary } from './src/lib/glossary/rehype-glossary.ts';

/**
 * A team can host the site under any prefix: `ROLELAB_BASE=/learn/iam npm run build`.
 * `ROLELAB_SITE` sets the absolute origin used in Open Graph tags and the canonical link.
 */
const base = process.env.ROLELAB_BASE ?? '/';
const site = process.env.ROLELAB_SITE ?? 'https://rolelab.example';
/** Where the build goes; the base-path test builds a second copy beside the usual one. */
const outDir = process.env.ROLELAB_OUT_DIR ?? './dist';

/**
 * Text of a hast node, for the anchor's accessible name.
 * @param {{ type: string, value?: string, children?: unknown[] }} node
 * @returns {string}
 */
function textOf(node) {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map((child) => textOf(/** @type {typeof node} */ (child))).join('');
}

/**
 * Every h2/h3 gets a visible "#" link to itself; its accessible name says what it does.
 * A click copies the link (script in src/layouts/Base.astro).
 * @type {[typeof rehypeAutolinkHeadings, import('rehype-autolink-headings').Options]}
 */
const headingAnchors = [
  rehypeAutolinkHeadings,
  {
    behavior: 'append',
    test: ['h2', 'h3'],
    properties: (heading) => ({
      className: ['heading-anchor'],
      // The '#' is a control, not content: keep it out of search excerpts and section titles.
      dataPagefindIgnore: 'all',
      ariaLabel: `Copy link to section: ${textOf(heading)}`,
    }),
    content: {
      type: 'element',
      tagName: 'span',
      properties: { ariaHidden: 'true' },
      children: [{ type: 'text', value: '#' }],
    },
  },
];

/**
 * Wide tables scroll sideways on a phone. A scrolling region must be reachable by keyboard and
 * have a name (axe: scrollable-region-focusable), so each table is wrapped in a focusable,
 * labelled region named after its first header cell.
 */
function rehypeScrollableTables() {
  /** @param {{ type: string, tagName?: string, children?: any[], properties?: Record<string, unknown> }} node */
  const visit = (node) => {
    if (!node.children) return;
    node.children = node.children.map((child) => {
      if (child.type === 'element' && child.tagName === 'table') {
        const firstHeader =
          textOf(child)
            .trim()
            .split(/\s{2,}|\n/)[0] ?? '';
        return {
          type: 'element',
          tagName: 'div',
          properties: {
            className: ['table-scroll'],
            tabIndex: 0,
            role: 'region',
            ariaLabel: `Table: ${firstHeader}`.slice(0, 80),
          },
          children: [child],
        };
      }
      visit(child);
      return child;
    });
  };
  return visit;
}

/**
 * The first mention of each glossary term in a lesson gets its definition as a tooltip
 * (content/glossary.json; see src/lib/glossary/rehype-glossary.ts). Lessons only: other pages
 * are not prose a learner reads for the first time.
 * @type {[typeof rehypeGlossary, import('./src/lib/glossary/rehype-glossary.ts').GlossaryPluginOptions]}
 */
const glossaryTerms = [
  rehypeGlossary,
  { terms: GLOSSARY, include: (path) => path !== undefined && /[\\/]content[\\/]lessons[\\/]/.test(path) },
];

export default defineConfig({
  site,
  base,
  outDir,
  trailingSlash: 'always',
  output: 'static',
  integrations: [mdx(), preact()],
  markdown: {
    shikiConfig: {
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
    },
    // Ids first, so the anchors have something to point at.
    processor: unified({ rehypePlugins: [rehypeHeadingIds, headingAnchors, rehypeScrollableTables, glossaryTerms] }),
  },
  build: { format: 'directory' },
  vite: {
    resolve: {
      alias: {
        // Monaco's stylesheet is not in its package exports; the editor chunk imports it inline.
        '@monaco-styles': fileURLToPath(
          new URL('./node_modules/monaco-editor/min/vs/editor', import.meta.url),
        ),
      },
    },
  },
  devToolbar: { enabled: false },
});
