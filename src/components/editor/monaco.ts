/**
 * Monaco, set up for IAM policy JSON. This module is the lazy chunk: PolicyEditor imports it
 * only when an editor scrolls into view or gets focus, so a lesson page stays light until then.
 *
 * It wires the worker, the two themes that follow the site's, a light JSON grammar, and the IAM
 * language features (completion of elements, actions, ARNs, operators and keys) from the catalog.
 */
import * as monaco from 'monaco-editor/editor/editor.api.js';
// Only the editor features a policy editor needs (the full set would double the download).
import 'monaco-editor/features/suggest/register.js';
import 'monaco-editor/features/find/register.js';
import 'monaco-editor/features/folding/register.js';
import 'monaco-editor/features/bracketMatching/register.js';
import 'monaco-editor/features/snippet/register.js';
import 'monaco-editor/features/gotoError/register.js';
import 'monaco-editor/features/format/register.js';
import 'monaco-editor/features/codicon/register.js';
import 'monaco-editor/features/toggleTabFocusMode/register.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
// Monaco's styles travel inside this lazy chunk and are added when the editor loads, so pages
// without an open editor never download them (a stylesheet link would block every lesson).
import monacoCss from '@monaco-styles/editor.main.css?inline';
import { registerIamLanguageFeatures } from './iam-language.ts';
import { registerJsonLanguage } from './json-tokens.ts';

export { monaco };

declare global {
  // Monaco looks the worker factory up on the global object.
  var MonacoEnvironment: monaco.Environment | undefined;
}

if (!document.getElementById('rolelab-monaco-css')) {
  const style = document.createElement('style');
  style.id = 'rolelab-monaco-css';
  style.textContent = monacoCss;
  document.head.append(style);
}

globalThis.MonacoEnvironment = {
  getWorker() {
    return new EditorWorker();
  },
};

/** Colours in step with src/styles/global.css (light-dark pairs). */
monaco.editor.defineTheme('rolelab-light', {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'string.key.json', foreground: '0a6b66' },
    { token: 'string.value.json', foreground: '7a3e00' },
  ],
  colors: {
    'editor.background': '#ffffff',
    'editor.foreground': '#1b2230',
    'editorLineNumber.foreground': '#5b6474',
    'editorLineNumber.activeForeground': '#1b2230',
    'editor.lineHighlightBackground': '#f2f0ea',
    'editorCursor.foreground': '#0a6b66',
    'editor.selectionBackground': '#bfe3df',
  },
});
monaco.editor.defineTheme('rolelab-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'string.key.json', foreground: '5fd4c8' },
    { token: 'string.value.json', foreground: 'f3c969' },
  ],
  colors: {
    'editor.background': '#161c26',
    'editor.foreground': '#e6e9ef',
    'editorLineNumber.foreground': '#9aa3b4',
    'editorLineNumber.activeForeground': '#e6e9ef',
    'editor.lineHighlightBackground': '#1c2330',
    'editorCursor.foreground': '#5fd4c8',
    'editor.selectionBackground': '#1f4a47',
  },
});

registerJsonLanguage(monaco);
registerIamLanguageFeatures(monaco);

/** The site theme in force: the learner's choice on <html data-theme>, else the system's. */
export function siteTheme(): 'rolelab-light' | 'rolelab-dark' {
  const chosen = document.documentElement.dataset['theme'];
  const dark = chosen ? chosen === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;
  return dark ? 'rolelab-dark' : 'rolelab-light';
}

let themeWatcher: MutationObserver | undefined;

/** Keeps every editor's theme in step with the site's toggle and the system setting. */
export function followSiteTheme(): void {
  monaco.editor.setTheme(siteTheme());
  if (themeWatcher) return;
  themeWatcher = new MutationObserver(() => monaco.editor.setTheme(siteTheme()));
  themeWatcher.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => monaco.editor.setTheme(siteTheme()));
}
