/**
 * Turning one option's words into the API's value, by parameter type: `file://` loading,
 * integers, JSON or shorthand for structures, space-separated lists. Errors use the CLI's
 * "Error parsing parameter" wording.
 */
import { parseShorthand } from './shorthand.ts';
import type { ShorthandValue } from './shorthand.ts';
import type { ParamSpec } from './types.ts';

/** Reads a file of the simulated filesystem; undefined when it is not there. */
export type ReadFile = (path: string) => string | undefined;

/** A converted value, or the message the CLI prints (exit 252). */
/** A blob parameter's value before `--cli-binary-format` is applied (run.ts decodes it). */
export interface BlobValue {
  blob: string;
  /** True when it came from `fileb://` (bytes as they are, never base64-decoded). */
  raw: boolean;
}

export type ValueResult = { ok: true; value: unknown } | { ok: false; message: string };

/** Keys whose shorthand value is always a list, as their shapes say (one value becomes `[value]`). */
const LIST_KEYS = new Set(['ContextKeyValues', 'Values', 'Tags', 'TransitiveTagKeys']);

/** Makes a shorthand value fit the shape: lists where lists are expected. */
function fitShape(v: ShorthandValue, key?: string): ShorthandValue {
  if (Array.isArray(v)) return v.map((x) => fitShape(x));
  if (typeof v === 'object') {
    const out: { [key: string]: ShorthandValue } = {};
    for (const [k, x] of Object.entries(v)) out[k] = fitShape(x, k);
    return out;
  }
  return key !== undefined && LIST_KEYS.has(key) ? [v] : v;
}

/** Loads `file://path` (and `fileb://`) from the simulated filesystem, as the CLI's paramfile. */
export function loadParamFile(option: string, raw: string, read: ReadFile): ValueResult {
  const m = /^(fileb?):\/\/(.*)$/s.exec(raw);
  if (m === null) return { ok: true, value: raw };
  const path = m[2] ?? '';
  const text = read(path);
  if (text === undefined) {
    return { ok: false, message: `Error parsing parameter '--${option}': Unable to load paramfile ${raw}: [Errno 2] No such file or directory: '${path}'` };
  }
  return { ok: true, value: text };
}

/** Where in `text` a JSON parse error happened, in Python's words (`line 1 column 5 (char 4)`). */
function jsonPosition(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  const at = m === null ? text.length : Number(m[1]);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line} column ${column} (char ${at})`;
}

/** Parses JSON for a parameter, or the CLI's "Invalid JSON" message. */
export function parseJsonParam(option: string, text: string): ValueResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const what = text.trim() === '' ? 'Expecting value' : msg.replace(/ in JSON at position.*$/, '').replace(/ \(line \d+ column \d+\)$/, '').replace(/, "[^"]*" is not valid JSON$/, '');
    return { ok: false, message: `Error parsing parameter '--${option}': Invalid JSON: ${what}: ${jsonPosition(text, msg)}\nJSON received: ${text}` };
  }
}

function structure(option: string, text: string): ValueResult {
  if (/^\s*[{[]/.test(text)) return parseJsonParam(option, text);
  const r = parseShorthand(text);
  return r.ok ? { ok: true, value: fitShape(r.value) } : { ok: false, message: `Error parsing parameter '--${option}': ${r.message}` };
}

/**
 * Converts the words given after `--option` into the value the API takes.
 * @param words the words after the option (one for scalars, any number for lists)
 */
export function convertValue(spec: ParamSpec, words: readonly string[], read: ReadFile): ValueResult {
  const loaded: string[] = [];
  for (const w of words) {
    const r = loadParamFile(spec.option, w, read);
    if (!r.ok) return r;
    loaded.push(String(r.value));
  }
  const first = loaded[0] ?? '';
  switch (spec.type) {
    case 'string':
      return { ok: true, value: first };
    case 'blob': {
      // fileb:// hands over raw bytes; anything else is text that --cli-binary-format decides on.
      const value: BlobValue = { blob: first, raw: /^fileb:\/\//.test(words[0] ?? '') };
      return { ok: true, value };
    }
    case 'integer':
      return /^\s*[+-]?\d+\s*$/.test(first) ? { ok: true, value: Number(first.trim()) } : { ok: false, message: `Error parsing parameter '--${spec.option}': invalid literal for int() with base 10: '${first}'` };
    case 'boolean':
      return { ok: true, value: true };
    case 'list': {
      if (loaded.length === 1 && /^\s*\[/.test(first)) return parseJsonParam(spec.option, first);
      // Lists of scalars are never shorthand (awscli's _should_parse_as_shorthand): `a,b` is one item.
      return { ok: true, value: loaded };
    }
    case 'structure':
    case 'map':
      return structure(spec.option, first);
    case 'structlist': {
      if (loaded.length === 1 && /^\s*\[/.test(first)) return parseJsonParam(spec.option, first);
      const out: unknown[] = [];
      for (const w of loaded) {
        const r = structure(spec.option, w);
        if (!r.ok) return r;
        out.push(r.value);
      }
      return { ok: true, value: out };
    }
  }
}
