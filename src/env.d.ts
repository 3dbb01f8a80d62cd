/// <reference types="astro/client" />

// Monaco ships no declarations for its language contributions' ESM entry points.
declare module 'monaco-editor/language/json/monaco.contribution.js' {
  import type { languages } from 'monaco-editor/editor/editor.api.js';
  /** JSON language defaults: diagnostics options, schemas and mode configuration. */
  export const jsonDefaults: {
    setDiagnosticsOptions(options: {
      validate?: boolean;
      allowComments?: boolean;
      enableSchemaRequest?: boolean;
      schemas?: { uri: string; fileMatch?: string[]; schema?: unknown }[];
    }): void;
  };
  export type { languages };
}

declare module '@monaco-styles/editor.main.css?inline' {
  /** Monaco's stylesheet as text (alias defined in astro.config.mjs). */
  const css: string;
  export default css;
}
