/**
 * The CLI's shorthand syntax (AWS CLI User Guide, "Using shorthand syntax"):
 * `Key=Value,Key2=Value2`, lists in brackets `Key=[a,b]`, nested structures in braces
 * `Tags=[{Key=a,Value=b}]`, quoted values `Name="a,b"`, and a value list continued after a
 * comma (`Values=a,b,c`). Errors carry the CLI's "Expected: '=', received: …" text.
 */

/** A shorthand value: a string, a list, or a structure. */
export type ShorthandValue = string | ShorthandValue[] | { [key: string]: ShorthandValue };

/** The outcome of parsing: a value, or the CLI's message with the position it failed at. */
export type ShorthandResult = { ok: true; value: { [key: string]: ShorthandValue } } | { ok: false; message: string };

class ShorthandError {
  constructor(
    readonly expected: string,
    readonly received: string,
    readonly index: number,
  ) {}
}

/** A recursive-descent parser over one argument. */
class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  private peek(): string | undefined {
    return this.s[this.i];
  }

  private fail(expected: string): never {
    throw new ShorthandError(expected, this.peek() ?? 'EOF', this.i);
  }

  private skipSpaces(): void {
    while (this.peek() === ' ') this.i++;
  }

  parseTop(): { [key: string]: ShorthandValue } {
    const out = this.parseParams(undefined);
    if (this.i < this.s.length) this.fail(',');
    return out;
  }

  /** `key=value,key=value` until `end` (or the end of input). */
  private parseParams(end: string | undefined): { [key: string]: ShorthandValue } {
    const out: { [key: string]: ShorthandValue } = {};
    let last: string | undefined;
    for (;;) {
      this.skipSpaces();
      if (this.peek() === end || this.peek() === undefined) return out;
      const start = this.i;
      const key = this.readUntil(/[=,{}[\]]/).trim();
      if (this.peek() !== '=') {
        // `Values=a,b,c`: a bare word after a comma extends the previous key into a list.
        if (last !== undefined && key !== '' && (this.peek() === ',' || this.peek() === end || this.peek() === undefined)) {
          const prev = out[last];
          out[last] = Array.isArray(prev) ? [...prev, key] : [prev ?? '', key];
        } else {
          this.i = start + key.length;
          this.fail('=');
        }
      } else {
        if (key === '') this.fail('key');
        this.i++;
        out[key] = this.parseValue(end);
        last = key;
      }
      this.skipSpaces();
      if (this.peek() === ',') this.i++;
      else if (this.peek() !== end && this.peek() !== undefined) this.fail(',');
    }
  }

  private parseValue(end: string | undefined): ShorthandValue {
    this.skipSpaces();
    const c = this.peek();
    if (c === '[') {
      this.i++;
      const list: ShorthandValue[] = [];
      for (;;) {
        this.skipSpaces();
        if (this.peek() === ']') break;
        if (this.peek() === undefined) this.fail(']');
        list.push(this.parseValue(']'));
        this.skipSpaces();
        if (this.peek() === ',') this.i++;
        else if (this.peek() !== ']') this.fail(']');
      }
      this.i++;
      return list;
    }
    if (c === '{') {
      this.i++;
      const obj = this.parseParams('}');
      if (this.peek() !== '}') this.fail('}');
      this.i++;
      return obj;
    }
    if (c === '"' || c === "'") return this.quoted(c);
    const stop = end === undefined ? /,/ : end === ']' ? /[,\]]/ : /[,}]/;
    return this.readUntil(stop).trim();
  }

  private quoted(q: string): string {
    this.i++;
    let out = '';
    while (this.peek() !== q) {
      const c = this.peek();
      if (c === undefined) this.fail(q);
      if (c === '\\' && this.s[this.i + 1] === q) this.i++;
      out += this.s[this.i] ?? '';
      this.i++;
    }
    this.i++;
    return out;
  }

  private readUntil(stop: RegExp): string {
    const start = this.i;
    while (this.i < this.s.length && !stop.test(this.s[this.i] ?? '')) this.i++;
    return this.s.slice(start, this.i);
  }
}

/** Parses one shorthand argument into a structure. Never throws. */
export function parseShorthand(text: string): ShorthandResult {
  try {
    return { ok: true, value: new Parser(text).parseTop() };
  } catch (e) {
    if (e instanceof ShorthandError) {
      return { ok: false, message: `Expected: '${e.expected}', received: '${e.received}' for input:\n${text}\n${' '.repeat(e.index)}^` };
    }
    return { ok: false, message: `Invalid shorthand: ${text}` };
  }
}

/** Writes a flat structure back as shorthand (used by tests and by help examples). */
export function toShorthand(value: Readonly<Record<string, string | readonly string[]>>): string {
  return Object.entries(value)
    .map(([k, v]) => (typeof v === 'string' ? `${k}=${v}` : `${k}=[${v.join(',')}]`))
    .join(',');
}
