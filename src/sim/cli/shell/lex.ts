/**
 * The shell's lexer: splits a line into commands (`;`, `&&`, `||`), each into words with
 * quotes removed and `$VAR`, `${VAR}`, `$(command)` and backticks expanded, plus `>`/`>>`
 * redirection and a `<<EOF` / `<<'EOF'` here-document. Like bash, single quotes keep
 * everything literal and an unquoted expansion that comes out empty is no word at all.
 */

/** One simple command after expansion. */
export interface Command {
  words: string[];
  redirect?: { append: boolean; path: string };
  heredoc?: { delimiter: string; expand: boolean };
}

/** A line split into commands with the operator that joins each to the one before. */
export interface Pipeline {
  commands: { op: ';' | '&&' | '||'; text: string }[];
}

/** Expands a command substitution by running it; returns its standard output. */
export type Substitute = (command: string) => string;

/** Splits on `;`, `&&`, `||` outside quotes and substitutions. */
export function splitCommands(line: string): Pipeline {
  const commands: Pipeline['commands'] = [];
  let op: ';' | '&&' | '||' = ';';
  let start = 0;
  let quote: string | null = null;
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote !== null) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '\\') i++;
    else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '$' && line[i + 1] === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0 && (c === ';' || (c === '&' && line[i + 1] === '&') || (c === '|' && line[i + 1] === '|'))) {
      commands.push({ op, text: line.slice(start, i) });
      op = c === ';' ? ';' : c === '&' ? '&&' : '||';
      if (c !== ';') i++;
      start = i + 1;
    }
  }
  commands.push({ op, text: line.slice(start) });
  return { commands: commands.filter((c) => c.text.trim() !== '') };
}

/** The end of a `$(…)` starting at `open` (the index of `(`), or -1. */
function closingParen(s: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (quote !== null) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Expands `$…` at `i` in `s`: the text and the index after it. */
function dollar(s: string, i: number, env: Readonly<Record<string, string>>, sub: Substitute): { text: string; next: number } {
  const next = s[i + 1];
  if (next === '(') {
    const end = closingParen(s, i + 1);
    if (end < 0) return { text: '', next: s.length };
    return { text: sub(s.slice(i + 2, end)).replace(/\n+$/, ''), next: end + 1 };
  }
  if (next === '{') {
    const end = s.indexOf('}', i);
    if (end < 0) return { text: '$', next: i + 1 };
    return { text: env[s.slice(i + 2, end)] ?? '', next: end + 1 };
  }
  if (next === '?') return { text: env['?'] ?? '0', next: i + 2 };
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1));
  if (m === null) return { text: '$', next: i + 1 };
  return { text: env[m[0]] ?? '', next: i + 1 + m[0].length };
}

/** Lexes one command into words, expanding as bash would. Never throws. */
export function lexCommand(text: string, env: Readonly<Record<string, string>>, sub: Substitute): Command {
  const words: string[] = [];
  const cmd: Command = { words };
  let word = '';
  let quoted = false;
  let pending: 'redirect' | 'append' | 'heredoc' | null = null;
  const finish = (): void => {
    if (word === '' && !quoted) return;
    if (pending === 'redirect' || pending === 'append') cmd.redirect = { append: pending === 'append', path: word };
    else if (pending === 'heredoc') cmd.heredoc = { delimiter: word, expand: !quoted };
    else words.push(word);
    pending = null;
    word = '';
    quoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === ' ' || c === '\t' || c === '\n') finish();
    else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      word += text.slice(i + 1, end < 0 ? text.length : end);
      quoted = true;
      i = end < 0 ? text.length : end;
    } else if (c === '"') {
      quoted = true;
      for (i++; i < text.length && text[i] !== '"'; i++) {
        const d = text[i] ?? '';
        if (d === '\\' && /["\\$`]/.test(text[i + 1] ?? '')) word += text[++i] ?? '';
        else if (d === '$') {
          const x = dollar(text, i, env, sub);
          word += x.text;
          i = x.next - 1;
        } else if (d === '`') {
          const end = text.indexOf('`', i + 1);
          word += sub(text.slice(i + 1, end < 0 ? text.length : end)).replace(/\n+$/, '');
          i = end < 0 ? text.length : end;
        } else word += d;
      }
    } else if (c === '\\') word += text[++i] ?? '';
    else if (c === '$') {
      const x = dollar(text, i, env, sub);
      word += x.text;
      i = x.next - 1;
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      word += sub(text.slice(i + 1, end < 0 ? text.length : end)).replace(/\n+$/, '');
      i = end < 0 ? text.length : end;
    } else if (c === '>' && word === '' && !quoted) {
      finish();
      pending = text[i + 1] === '>' ? 'append' : 'redirect';
      if (pending === 'append') i++;
    } else if (c === '<' && text[i + 1] === '<' && word === '' && !quoted) {
      finish();
      pending = 'heredoc';
      i++;
      if (text[i + 1] === '-') i++;
    } else word += c;
  }
  finish();
  return cmd;
}
