/**
 * JSON with a canonical key order.
 *
 * `JSON.stringify` writes keys in insertion order, which depends on the history of edits: two
 * equal worlds could serialise differently. Sorting keys (by UTF-16 code units, like
 * `Array.prototype.sort`) makes the text a function of the value alone, so
 * snapshot → restore → snapshot is byte-for-byte stable. Arrays keep their order: order is
 * meaningful there (events, attachments, versions).
 */

/** Serialises a JSON value with sorted object keys. `undefined` members are skipped, as JSON.stringify does. */
export function canonicalJson(value: unknown, indent = 0): string {
  return write(value, indent, '');
}

function write(value: unknown, indent: number, pad: string): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  const inner = indent > 0 ? pad + ' '.repeat(indent) : '';
  const nl = indent > 0 ? '\n' : '';
  const colon = indent > 0 ? ': ' : ':';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => inner + (v === undefined ? 'null' : write(v, indent, inner)));
    return '[' + nl + items.join(',' + nl) + nl + pad + ']';
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined && typeof record[k] !== 'function')
      .sort();
    if (keys.length === 0) return '{}';
    const items = keys.map((k) => inner + JSON.stringify(k) + colon + write(record[k], indent, inner));
    return '{' + nl + items.join(',' + nl) + nl + pad + '}';
  }
  return 'null';
}
