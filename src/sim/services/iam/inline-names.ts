/** Inline policy names, which IAM compares case-insensitively. */

/** The stored key of an inline policy name, compared case-insensitively as IAM does. */
export function policyNameOf(inline: Readonly<Record<string, string>>, name: string): string | undefined {
  if (inline[name] !== undefined) return name;
  const lower = name.toLowerCase();
  return Object.keys(inline).find((k) => k.toLowerCase() === lower);
}
