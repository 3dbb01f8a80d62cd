/**
 * Tab completion for the terminal: shell commands first, then `aws` services, their
 * commands and options (global ones too), and file names for `cat`, `ls`, `cd` and
 * `file://` arguments. Returns candidates for the word being typed, sorted.
 */
import { commandNames, findCommand, serviceNames } from './commands/table.ts';
import { listDir, resolvePath } from './fs.ts';
import { currentHost } from './session.ts';
import type { CliSession } from './session.ts';

const SHELL_COMMANDS = ['aws', 'cat', 'cd', 'clear', 'connect', 'curl', 'echo', 'env', 'exit', 'export', 'help', 'history', 'hostname', 'ls', 'mkdir', 'pwd', 'rm', 'ssh', 'unset', 'whoami'];
const GLOBAL_OPTIONS = ['--debug', '--no-cli-pager', '--output', '--profile', '--query', '--region'];

function files(session: CliSession, partial: string, prefix = ''): string[] {
  const h = currentHost(session);
  const slash = partial.lastIndexOf('/');
  const dirPart = slash < 0 ? '' : partial.slice(0, slash + 1);
  const dir = resolvePath(dirPart === '' ? '.' : dirPart, h.cwd, h.home);
  return listDir(h, dir)
    .map((e) => `${prefix}${dirPart}${e}`)
    .filter((c) => c.startsWith(prefix + partial));
}

/**
 * Completion candidates for the last word of `lineBeforeCursor`. Never throws.
 * @returns whole words that start with what was typed (empty when nothing fits)
 */
export function complete(session: CliSession, lineBeforeCursor: string): string[] {
  const words = lineBeforeCursor.split(/\s+/);
  const partial = words[words.length - 1] ?? '';
  const before = words.slice(0, -1).filter((w) => w !== '');
  const starts = (list: readonly string[]): string[] => list.filter((c) => c.startsWith(partial)).sort();
  if (before.length === 0) return starts(SHELL_COMMANDS);
  if (partial.startsWith('file://')) return files(session, partial.slice(7), 'file://');
  if (before[0] === 'connect' || before[0] === 'ssh') {
    const at = partial.includes('@') ? partial.slice(0, partial.indexOf('@') + 1) : '';
    return starts(Object.keys(session.world.ec2.instances).filter((id) => session.world.ec2.instances[id]?.state === 'running').map((id) => at + id));
  }
  if (before[0] !== 'aws') return ['cat', 'ls', 'cd', 'rm'].includes(before[0] ?? '') ? files(session, partial) : [];
  const positional = before.slice(1).filter((w, i, all) => !w.startsWith('-') && !(all[i - 1] ?? '').match(/^--(profile|region|output|query)$/));
  const [service, command] = positional;
  if (partial.startsWith('-')) {
    const spec = service !== undefined && command !== undefined ? findCommand(service, command) : undefined;
    const own = spec === undefined ? [] : spec.params.filter((p) => p.positional !== true).flatMap((p) => (p.type === 'boolean' ? [`--${p.option}`, `--no-${p.option}`] : [`--${p.option}`]));
    return starts([...own, ...GLOBAL_OPTIONS].filter((o) => !before.includes(o)));
  }
  const last = before[before.length - 1];
  if (last === '--output') return starts(['json', 'text', 'table', 'yaml']);
  if (service === undefined) return starts(serviceNames());
  if (command === undefined) return starts([...commandNames(service), 'help']);
  return [];
}
