/**
 * One-paragraph explanations of condition operators, for hover and completion in the editor
 * and for the reference pages. Written from the IAM User Guide's "Condition operators" page.
 */
import { splitOperator } from '../../sim/policy/index.ts';

const BASE: Record<string, string> = {
  StringEquals: 'Exact, case-sensitive string match. Several values: any may match.',
  StringNotEquals: 'True when the value matches none of the listed strings (case-sensitive). True when the key is missing.',
  StringEqualsIgnoreCase: 'Exact string match ignoring case.',
  StringNotEqualsIgnoreCase: 'True when the value matches none of the listed strings, ignoring case.',
  StringLike: 'Case-sensitive match with wildcards: * for any run of characters, ? for one.',
  StringNotLike: 'True when the value matches none of the wildcard patterns. True when the key is missing.',
  NumericEquals: 'Number equal to the value (numbers may be written as strings, e.g. "10").',
  NumericNotEquals: 'Number different from every listed value.',
  NumericLessThan: 'Number below the value.',
  NumericLessThanEquals: 'Number at most the value.',
  NumericGreaterThan: 'Number above the value.',
  NumericGreaterThanEquals: 'Number at least the value.',
  DateEquals: 'Date equal to the value (ISO 8601, e.g. 2026-01-31T00:00:00Z, or epoch seconds).',
  DateNotEquals: 'Date different from every listed value.',
  DateLessThan: 'Date before the value: with aws:CurrentTime, "until".',
  DateLessThanEquals: 'Date at or before the value.',
  DateGreaterThan: 'Date after the value: with aws:CurrentTime, "from".',
  DateGreaterThanEquals: 'Date at or after the value.',
  Bool: 'Boolean match: "true" or "false", e.g. aws:MultiFactorAuthPresent or aws:SecureTransport.',
  BinaryEquals: 'Byte-for-byte match with a base-64 encoded value.',
  IpAddress: 'The address is inside one of the CIDR ranges (IPv4 or IPv6; a bare address means /32 or /128).',
  NotIpAddress: 'The address is inside none of the CIDR ranges. True when the key is missing.',
  ArnEquals: 'ARN match, component by component, with * and ? wildcards (same as ArnLike).',
  ArnLike: 'ARN match, component by component, with * and ? wildcards: a * never runs across the colons.',
  ArnNotEquals: 'The ARN matches none of the patterns (same as ArnNotLike). True when the key is missing.',
  ArnNotLike: 'The ARN matches none of the patterns. True when the key is missing.',
  Null: '"true": the key must be absent from the request. "false": it must be present.',
};

/** Markdown explaining an operator as written, qualifier and IfExists included. */
export function describeOperator(text: string): string {
  const { qualifier, base, ifExists } = splitOperator(text);
  const main = BASE[base];
  if (!main) return `**${text}** is not a condition operator IAM knows.`;
  const parts = [`**${text}** — ${main}`];
  if (ifExists) parts.push('**IfExists**: when the key is missing from the request, this condition is true; when present, it is checked as usual.');
  if (qualifier === 'ForAllValues')
    parts.push('**ForAllValues**: every value in the request must match. Also true when the key is missing or empty — pair it with a Null check when you Allow.');
  if (qualifier === 'ForAnyValue') parts.push('**ForAnyValue**: at least one value in the request must match. False when the key is missing or empty.');
  return parts.join('\n\n');
}
