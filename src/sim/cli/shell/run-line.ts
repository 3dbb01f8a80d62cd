/**
 * `runLine(session, line)`: the terminal's one entry point. A line may hold several commands
 * (`;`, `&&`, `||`), variable assignments, `> file` redirection and a here-document, whose
 * body arrives in the following lines: while one is open, each line is collected (and the
 * result says so with `continuation`) until the delimiter line ends it. `aws configure`
 * likewise takes its four answers from the next lines; `promptOf` shows each question.
 */
import { answerConfigure } from '../configure.ts';
import { runAws } from '../run.ts';
import { resolvePath, writeFile } from '../fs.ts';
import { currentHost, instanceHost } from '../session.ts';
import type { CliSession } from '../session.ts';
import { builtin } from './builtins.ts';
import { curl } from './curl.ts';
import { lexCommand, splitCommands } from './lex.ts';
import type { Command } from './lex.ts';
import type { ShellResult } from './types.ts';

/** A line's result; `continuation` is true while a here-document is still being typed. */
export interface LineResult extends ShellResult {
  continuation: boolean;
}

const EMPTY: ShellResult = { stdout: '', stderr: '', exitCode: 0 };

function connect(session: CliSession, target: string | undefined): ShellResult {
  const id = (target ?? '').replace(/^[\w.-]+@/, '');
  const instance = session.world.ec2.instances[id];
  if (instance === undefined || instance.state !== 'running') {
    return { stdout: '', stderr: `ssh: connect to host ${id === '' ? '(none)' : id} port 22: Connection timed out\n`, exitCode: 255 };
  }
  if (session.current === id) return EMPTY;
  session.hosts[id] ??= instanceHost(session.world, id);
  session.stack.push(session.current);
  session.current = id;
  return { stdout: `Connected to ${id} (${instance.instanceType}, ${instance.region}). Type exit to go back.\n`, stderr: '', exitCode: 0 };
}

function exit(session: CliSession): ShellResult {
  const back = session.stack.pop();
  if (back === undefined) return { stdout: 'logout\n', stderr: '', exitCode: 0 };
  const from = currentHost(session).hostname;
  session.current = back;
  return { stdout: `logout\nConnection to ${from} closed.\n`, stderr: '', exitCode: 0 };
}

function expandHeredoc(text: string, env: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g, (_, a: string | undefined, b: string | undefined) => env[a ?? b ?? ''] ?? '');
}

/** Runs one lexed command with optional standard input. */
function execute(session: CliSession, cmd: Command, stdin: string | undefined): ShellResult {
  const h = currentHost(session);
  let words = cmd.words;
  // Leading NAME=value words set variables (bash would scope them to the command; close enough).
  while (words.length > 0 && /^[A-Za-z_]\w*=/.test(words[0] ?? '')) {
    const w = words[0] ?? '';
    const eq = w.indexOf('=');
    h.env[w.slice(0, eq)] = w.slice(eq + 1);
    words = words.slice(1);
  }
  const [name] = words;
  let result: ShellResult;
  if (name === undefined) result = EMPTY;
  else if (name === 'aws') result = runAws(session, words.slice(1));
  else if (name === 'curl') result = curl(session, words);
  else if (name === 'connect' || name === 'ssh') result = connect(session, words.filter((w) => !w.startsWith('-')).slice(1).pop());
  else if (name === 'exit' || name === 'logout') result = exit(session);
  else result = builtin(session, words, stdin) ?? { stdout: '', stderr: `bash: ${name}: command not found\n`, exitCode: 127 };
  if (cmd.redirect !== undefined) {
    const path = resolvePath(cmd.redirect.path, h.cwd, h.home);
    writeFile(h, path, (cmd.redirect.append ? (h.files[path] ?? '') : '') + result.stdout);
    result = { ...result, stdout: '' };
  }
  return result;
}

/** Runs the commands of a line in order, honouring `&&` and `||`. */
function runCommands(session: CliSession, line: string, depth: number): ShellResult {
  let out = '';
  let errText = '';
  let code = 0;
  let clear = false;
  // Command substitution runs the inner line and captures its output (errors still show).
  const sub = (inner: string): string => {
    if (depth > 3) return '';
    const r = runCommands(session, inner, depth + 1);
    errText += r.stderr;
    return r.stdout;
  };
  for (const { op, text } of splitCommands(line).commands) {
    if ((op === '&&' && code !== 0) || (op === '||' && code === 0)) continue;
    const cmd = lexCommand(text, currentHost(session).env, sub);
    if (cmd.heredoc !== undefined && depth === 0) {
      session.pending = { delimiter: cmd.heredoc.delimiter, command: cmd.heredoc.expand ? text : `${text}\u0000noexpand`, lines: [] };
      break;
    }
    const r = execute(session, cmd, undefined);
    out += r.stdout;
    errText += r.stderr;
    code = r.exitCode;
    clear = clear || r.clear === true;
  }
  return clear ? { stdout: out, stderr: errText, exitCode: code, clear } : { stdout: out, stderr: errText, exitCode: code };
}

/**
 * Runs one line typed at the prompt. Never throws: a simulator bug becomes a message.
 */
export function runLine(session: CliSession, line: string): LineResult {
  try {
    if (session.prompt !== undefined) {
      // An answer to `aws configure`: never kept in the history (it may be a secret).
      const more = answerConfigure(session, line);
      return { ...EMPTY, continuation: more };
    }
    const pending = session.pending;
    if (pending !== null) {
      // The body and the closing delimiter go into the history line by line, as bash keeps them
      // with `cmdhist` off: the history then replays the whole here-document (an export of the
      // terminal's commands relies on it), and ↑ still recalls one line at a time.
      session.history.push(line);
      if (line.trim() !== pending.delimiter) {
        pending.lines.push(line);
        return { ...EMPTY, continuation: true };
      }
      session.pending = null;
      const noExpand = pending.command.endsWith('\u0000noexpand');
      const text = noExpand ? pending.command.slice(0, -'\u0000noexpand'.length) : pending.command;
      const body = pending.lines.length === 0 ? '' : `${pending.lines.join('\n')}\n`;
      const cmd = lexCommand(text, currentHost(session).env, () => '');
      const r = execute(session, { ...cmd, words: cmd.words }, noExpand ? body : expandHeredoc(body, currentHost(session).env));
      return { ...r, continuation: false };
    }
    if (line.trim() !== '') session.history.push(line);
    const r = runCommands(session, line, 0);
    return { ...r, continuation: session.pending !== null || session.prompt !== undefined };
  } catch (e) {
    return { stdout: '', stderr: `rolelab: internal error: ${e instanceof Error ? e.message : String(e)}\n`, exitCode: 70, continuation: false };
  }
}

/** Runs several lines (a script, or a here-document typed at once); the outputs concatenated. */
export function runLines(session: CliSession, text: string): ShellResult {
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const line of text.split('\n')) {
    const r = runLine(session, line);
    stdout += r.stdout;
    stderr += r.stderr;
    if (!r.continuation) exitCode = r.exitCode;
  }
  return { stdout, stderr, exitCode };
}
