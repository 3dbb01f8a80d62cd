/**
 * The simulated filesystem of one host: files as text by absolute path, plus directories.
 * Paths resolve as a shell resolves them: `~` is the home, relative paths start at the
 * working directory, `.` and `..` are folded.
 */

/** A host's files. */
export interface SimFs {
  /** Absolute path → contents. */
  files: Record<string, string>;
  /** Absolute paths of directories that exist (parents of files exist implicitly). */
  dirs: string[];
}

/** Resolves `path` against the working directory and home. */
export function resolvePath(path: string, cwd: string, home: string): string {
  let p = path;
  if (p === '~' || p.startsWith('~/')) p = home + p.slice(1);
  if (!p.startsWith('/')) p = `${cwd}/${p}`;
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** True when `path` is a directory (declared, or a parent of some file). */
export function isDir(fs: SimFs, path: string): boolean {
  if (path === '/') return true;
  if (fs.dirs.includes(path)) return true;
  const prefix = `${path}/`;
  return Object.keys(fs.files).some((f) => f.startsWith(prefix)) || fs.dirs.some((d) => d.startsWith(prefix));
}

/** The entries directly inside a directory, sorted; directories end with `/`. */
export function listDir(fs: SimFs, path: string): string[] {
  const prefix = path === '/' ? '/' : `${path}/`;
  const names = new Set<string>();
  for (const p of [...Object.keys(fs.files), ...fs.dirs]) {
    if (!p.startsWith(prefix) || p === path) continue;
    const rest = p.slice(prefix.length);
    const slash = rest.indexOf('/');
    names.add(slash < 0 && p in fs.files ? rest : `${slash < 0 ? rest : rest.slice(0, slash)}/`);
  }
  return [...names].sort();
}

/** Writes a file, creating its directory. */
export function writeFile(fs: SimFs, path: string, text: string): void {
  fs.files[path] = text;
  const dir = path.slice(0, path.lastIndexOf('/'));
  if (dir !== '' && !fs.dirs.includes(dir)) fs.dirs.push(dir);
}
