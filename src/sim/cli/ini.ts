/**
 * The INI files `~/.aws/credentials` and `~/.aws/config`: sections of `key = value` lines,
 * comments with `#` or `;`. In the config file a named profile's section is `[profile name]`
 * (but `[default]`); in the credentials file it is just `[name]`.
 */

/** Sections by name, each a map of keys. */
export type Ini = Record<string, Record<string, string>>;

/** Parses INI text; lines it cannot read are skipped, as botocore skips them. */
export function parseIni(text: string): Ini {
  const out: Ini = {};
  let section: Record<string, string> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const head = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (head !== null) {
      const name = head[1] ?? '';
      section = out[name] ?? {};
      out[name] = section;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0 && section !== undefined) section[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}

/** Writes INI text, sections and keys in their order. */
export function writeIni(ini: Ini): string {
  return Object.entries(ini)
    .map(([name, keys]) => `[${name}]\n${Object.entries(keys).map(([k, v]) => `${k} = ${v}\n`).join('')}`)
    .join('\n');
}

/** The config file's section name of a profile. */
export function configSection(profile: string): string {
  return profile === 'default' ? 'default' : `profile ${profile}`;
}
