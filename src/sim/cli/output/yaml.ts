/**
 * `--output yaml`: block YAML as the CLI prints it (keys in response order, lists as `- `
 * items, strings quoted only when YAML would misread them).
 */

function quote(s: string): string {
  const plain = /^[A-Za-z0-9_./:@+-][A-Za-z0-9_ ./:@+=,()-]*$/.test(s) && !/^(true|false|null|yes|no|on|off|~|[-+]?\d[\d.eE+-]*)$/i.test(s) && !s.endsWith(' ') && !s.includes(': ');
  return plain ? s : `'${s.replaceAll("'", "''")}'`;
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v.includes('\n') ? `|-\n${v.split('\n').map((l) => `  ${l}`).join('\n')}` : quote(v);
  return String(v);
}

function lines(v: unknown, indent: string): string[] {
  if (Array.isArray(v)) {
    if (v.length === 0) return ['[]'];
    return v.flatMap((item) => {
      const inner = lines(item, `${indent}  `);
      const [first = '', ...rest] = typeof item === 'object' && item !== null ? inner : [scalar(item)];
      return [`${indent}- ${first.trimStart()}`, ...rest];
    });
  }
  if (typeof v === 'object' && v !== null) {
    const entries = Object.entries(v);
    if (entries.length === 0) return ['{}'];
    return entries.flatMap(([k, x]) => {
      if (typeof x === 'object' && x !== null && (Array.isArray(x) ? x.length > 0 : Object.keys(x).length > 0)) {
        return [`${indent}${quote(k)}:`, ...lines(x, Array.isArray(x) ? indent : `${indent}  `)];
      }
      const s = typeof x === 'object' && x !== null ? (Array.isArray(x) ? '[]' : '{}') : scalar(x);
      return [`${indent}${quote(k)}: ${s.replaceAll('\n', `\n${indent}`)}`];
    });
  }
  return [`${indent}${scalar(v)}`];
}

/** Formats a value as YAML. */
export function formatYaml(value: unknown): string {
  return `${lines(value, '').join('\n')}\n`;
}
