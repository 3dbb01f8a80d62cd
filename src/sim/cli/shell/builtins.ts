/**
 * The shell's small built-ins: echo, env, export, unset, cat, ls, pwd, cd, mkdir, rm,
 * history, whoami, hostname, help. Messages follow bash and coreutils.
 */
import { isDir, listDir, resolvePath } from '../fs.ts';
import { currentHost } from '../session.ts';
import type { CliSession } from '../session.ts';
import type { ShellResult } from './types.ts';

const ok = (stdout: string): ShellResult => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string, exitCode = 1): ShellResult => ({ stdout: '', stderr, exitCode });

/** The help text of the shell. */
export const SHELL_HELP = `Commands in this terminal:
  aws …                      the AWS CLI (try: aws help, aws sts get-caller-identity)
  export NAME=value, unset NAME, env, echo $NAME
  cat FILE, cat > FILE <<'EOF' … EOF (write a file), ls, cd, pwd, mkdir, rm
  curl http://169.254.169.254/…   the instance metadata service (on an EC2 instance)
  connect INSTANCE-ID (or ssh), exit          move between your laptop and instances
  history, clear, whoami, hostname, help
`;

function names(words: readonly string[]): string[] {
  return words.slice(1).filter((w) => !w.startsWith('-'));
}

/** Runs a built-in; undefined when `name` is not one. */
export function builtin(session: CliSession, words: readonly string[], stdin: string | undefined): ShellResult | undefined {
  const h = currentHost(session);
  const path = (p: string): string => resolvePath(p, h.cwd, h.home);
  const [name = ''] = words;
  switch (name) {
    case 'echo': {
      const noNewline = words[1] === '-n';
      const text = words.slice(noNewline ? 2 : 1).join(' ');
      return ok(noNewline ? text : `${text}\n`);
    }
    case 'env':
    case 'printenv':
      return ok(Object.entries(h.env).map(([k, v]) => `${k}=${v}\n`).join(''));
    case 'export':
      for (const w of words.slice(1)) {
        const eq = w.indexOf('=');
        if (eq > 0) h.env[w.slice(0, eq)] = w.slice(eq + 1);
        else if (!/^[A-Za-z_]\w*$/.test(w)) return err(`bash: export: \`${w}': not a valid identifier\n`);
      }
      return ok('');
    case 'unset':
      for (const w of words.slice(1)) delete h.env[w];
      return ok('');
    case 'pwd':
      return ok(`${h.cwd}\n`);
    case 'whoami':
      return ok(`${h.user}\n`);
    case 'hostname':
      return ok(`${h.hostname}\n`);
    case 'cd': {
      const target = path(words[1] ?? '~');
      if (!isDir(session.hosts[session.current] ?? h, target)) return err(`bash: cd: ${words[1] ?? '~'}: No such file or directory\n`);
      h.cwd = target;
      return ok('');
    }
    case 'mkdir':
      for (const n of names(words)) if (!h.dirs.includes(path(n))) h.dirs.push(path(n));
      return ok('');
    case 'cat': {
      const files = names(words);
      if (files.length === 0) return ok(stdin ?? '');
      let out = '';
      for (const f of files) {
        const text = h.files[path(f)];
        if (text === undefined) return { stdout: out, stderr: `cat: ${f}: ${isDir(h, path(f)) ? 'Is a directory' : 'No such file or directory'}\n`, exitCode: 1 };
        out += text;
      }
      return ok(out);
    }
    case 'ls': {
      const all = words.includes('-a') || words.includes('-la') || words.includes('-al');
      const targets = names(words);
      const out: string[] = [];
      for (const t of targets.length === 0 ? ['.'] : targets) {
        const p = path(t);
        if (h.files[p] !== undefined) out.push(t);
        else if (isDir(h, p)) out.push(...listDir(h, p).filter((e) => all || !e.startsWith('.')));
        else return err(`ls: cannot access '${t}': No such file or directory\n`, 2);
      }
      return ok(out.length === 0 ? '' : `${out.join('  ')}\n`);
    }
    case 'rm':
      for (const n of names(words)) {
        if (h.files[path(n)] === undefined) return err(`rm: cannot remove '${n}': No such file or directory\n`);
        delete h.files[path(n)];
      }
      return ok('');
    case 'history':
      return ok(session.history.map((l, i) => `${String(i + 1).padStart(5)}  ${l}\n`).join(''));
    case 'help':
      return ok(SHELL_HELP);
    case 'clear':
      return { ...ok(''), clear: true };
    case 'true':
      return ok('');
    case 'false':
      return err('');
    default:
      return undefined;
  }
}
