/**
 * Reading and checking call parameters the way AWS's request validation does: every violated
 * constraint is collected, then reported in one `ValidationError`:
 * `1 validation error detected: Value 'x' at 'roleName' failed to satisfy constraint: …`
 * (the format the AWS query APIs use; member names are the camelCase form of the parameter).
 */
import { validationError } from './errors.ts';
import type { AwsError, CallParams } from './types.ts';

/** Constraints on a string parameter (from the API's shape definitions). */
export interface StringRule {
  required?: boolean;
  min?: number;
  max?: number;
  /** The pattern the whole value must match. */
  pattern?: RegExp;
  /** The pattern as AWS prints it in the message. */
  patternText?: string;
}

/** Constraints on an integer parameter. */
export interface IntRule {
  required?: boolean;
  min?: number;
  max?: number;
}

/** IAM's name pattern (users, roles, groups, policies, instance profiles). */
export const NAME_PATTERN = { pattern: /^[\w+=,.@-]+$/, patternText: '[\\w+=,.@-]+' } as const;
/** IAM's path pattern. */
export const PATH_PATTERN = { pattern: /^(?:\/|\/[\u0021-\u007E]+\/)$/, patternText: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)' } as const;
/** AWS's pattern for ARN parameters (20–2048 characters). */
export const ARN_RULE = { min: 20, max: 2048, pattern: /^[\t\n\r\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD]+$/, patternText: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+' } as const;
/** The character set of policy documents (tab, LF, CR, U+0020–U+00FF). */
export const POLICY_TEXT_RULE = { min: 1, max: 131072, pattern: /^[\t\n\r\u0020-\u00FF]+$/, patternText: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+' } as const;

/** A parameter's member name in messages: `RoleName` → `roleName`. */
function member(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Quotes a value for a message, shortened when long. */
function shown(value: string): string {
  return value.length > 100 ? `${value.slice(0, 100)}…` : value;
}

/** Collects parameter values and their constraint violations. */
export class Params {
  private readonly problems: string[] = [];

  constructor(private readonly raw: CallParams) {}

  /** True when the parameter was given (not undefined or null). */
  has(name: string): boolean {
    const v = this.raw[name];
    return v !== undefined && v !== null;
  }

  /** Records a violation in AWS's words. */
  violation(name: string, value: string | null, constraint: string): void {
    const v = value === null ? 'null' : `'${shown(value)}'`;
    this.problems.push(`Value ${v} at '${member(name)}' failed to satisfy constraint: ${constraint}`);
  }

  /** A string parameter. */
  string(name: string, rule: StringRule = {}): string | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) {
      if (rule.required === true) this.violation(name, null, 'Member must not be null');
      return undefined;
    }
    if (typeof v !== 'string') {
      this.violation(name, String(JSON.stringify(v)), 'Member must be a string');
      return undefined;
    }
    const before = this.problems.length;
    this.checkString(name, v, rule);
    return this.problems.length === before ? v : undefined;
  }

  private checkString(name: string, v: string, rule: StringRule): void {
    if (rule.min !== undefined && v.length < rule.min) this.violation(name, v, `Member must have length greater than or equal to ${rule.min}`);
    if (rule.max !== undefined && v.length > rule.max) this.violation(name, v, `Member must have length less than or equal to ${rule.max}`);
    if (rule.pattern !== undefined && v.length > 0 && !rule.pattern.test(v)) {
      this.violation(name, v, `Member must satisfy regular expression pattern: ${rule.patternText ?? rule.pattern.source}`);
    }
  }

  /** An integer parameter (numbers, or numeric strings as the CLI passes them). */
  int(name: string, rule: IntRule = {}): number | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) {
      if (rule.required === true) this.violation(name, null, 'Member must not be null');
      return undefined;
    }
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
    if (!Number.isInteger(n)) {
      this.violation(name, String(typeof v === 'string' ? v : JSON.stringify(v)), 'Member must be an integer');
      return undefined;
    }
    if (rule.min !== undefined && n < rule.min) {
      this.violation(name, String(n), `Member must have value greater than or equal to ${rule.min}`);
      return undefined;
    }
    if (rule.max !== undefined && n > rule.max) {
      this.violation(name, String(n), `Member must have value less than or equal to ${rule.max}`);
      return undefined;
    }
    return n;
  }

  /** A boolean parameter (also `"true"`/`"false"`). */
  bool(name: string): boolean | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    this.violation(name, String(JSON.stringify(v)), 'Member must be a boolean');
    return undefined;
  }

  /** A list of strings. */
  stringList(name: string, rule: StringRule & { maxItems?: number } = {}): string[] | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) {
      if (rule.required === true) this.violation(name, null, 'Member must not be null');
      return undefined;
    }
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
      this.violation(name, String(JSON.stringify(v)), 'Member must be a list of strings');
      return undefined;
    }
    const list = v as string[];
    if (rule.maxItems !== undefined && list.length > rule.maxItems) {
      this.violation(name, `[${list.join(', ')}]`, `Member must have length less than or equal to ${rule.maxItems}`);
      return undefined;
    }
    const before = this.problems.length;
    for (const item of list) this.checkString(name, item, { ...rule, required: false });
    return this.problems.length === before ? list : undefined;
  }

  /** A list of `{Key, Value}` tags (Tags parameter). */
  tags(name = 'Tags', maxItems = 50): { Key: string; Value: string }[] | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    const list = Array.isArray(v) ? v : [];
    const out: { Key: string; Value: string }[] = [];
    const good =
      Array.isArray(v) &&
      list.every((t: unknown) => {
        if (typeof t !== 'object' || t === null) return false;
        const { Key, Value } = t as { Key?: unknown; Value?: unknown };
        if (typeof Key !== 'string' || typeof Value !== 'string') return false;
        out.push({ Key, Value });
        return true;
      });
    if (!good) {
      this.violation(name, String(JSON.stringify(v)), 'Member must be a list of {Key, Value} tags');
      return undefined;
    }
    if (out.length > maxItems) {
      this.violation(name, `${out.length} tags`, `Member must have length less than or equal to ${maxItems}`);
      return undefined;
    }
    for (const t of out) {
      if (t.Key.length < 1) this.violation(`${name}.member.key`, t.Key, 'Member must have length greater than or equal to 1');
      else if (t.Key.length > 128) this.violation(`${name}.member.key`, t.Key, 'Member must have length less than or equal to 128');
      else if (!/^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u.test(t.Key)) this.violation(`${name}.member.key`, t.Key, 'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+');
      if (t.Value.length > 256) this.violation(`${name}.member.value`, t.Value, 'Member must have length less than or equal to 256');
      else if (!/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(t.Value)) this.violation(`${name}.member.value`, t.Value, 'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*');
    }
    return out;
  }

  /** The raw value, for parameters with a structure of their own (SAML assertions, tokens). */
  value(name: string): unknown {
    return this.raw[name];
  }

  /** The collected violations as one ValidationError, or undefined when there are none. */
  error(): AwsError | undefined {
    const n = this.problems.length;
    if (n === 0) return undefined;
    return validationError(`${n} validation error${n === 1 ? '' : 's'} detected: ${this.problems.join('; ')}`);
  }
}
