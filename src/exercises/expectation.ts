/**
 * What a check expects, in words and as a test: allowed, a given AWS error, or an allowed call
 * whose response holds given values. The last one grades state that no allowed-or-denied call
 * can show, such as a password policy's expiry period or reuse limit, which IAM only applies
 * later in time.
 */
import type { Check } from './schema.ts';
import type { Outcome } from './result.ts';

/** A check's expectation. */
type Expectation = Check['expect'];

/** Whether the check expects the call to be allowed (with or without values in the response). */
export function expectsAllowed(expect: Expectation): boolean {
  return expect === 'allowed' || 'returns' in expect;
}

/** A response value as the results show it: strings quoted, like JSON. */
function valueText(value: unknown): string {
  return value === undefined ? 'absent' : JSON.stringify(value);
}

/** "allowed", "error AccessDenied", or "allowed, with PasswordPolicy.MaxPasswordAge = 90". */
export function expectedText(expect: Expectation): string {
  if (expect === 'allowed') return 'allowed';
  if ('error' in expect) return `error ${expect.error}`;
  const values = Object.entries(expect.returns).map(([path, v]) => `${path} = ${valueText(v)}`);
  return `allowed, with ${values.join(', ')}`;
}

/** The value at a dotted path of a response, or undefined when any step is missing. */
export function valueAt(response: unknown, path: string): unknown {
  let here: unknown = response;
  for (const step of path.split('.')) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<string, unknown>)[step];
  }
  return here;
}

/**
 * The values the response does not hold, one sentence each ("PasswordPolicy.MaxPasswordAge is
 * 180, not 90."); empty when the expectation holds or names no values.
 */
export function responseMismatches(expect: Expectation, response: unknown): string[] {
  if (expect === 'allowed' || !('returns' in expect)) return [];
  const out: string[] = [];
  for (const [path, wanted] of Object.entries(expect.returns)) {
    const got = valueAt(response, path);
    if (got !== wanted) out.push(`${path} is ${valueText(got)}, not ${valueText(wanted)}.`);
  }
  return out;
}

/** Whether what came back is what the check expects (values in the response aside). */
export function outcomeMatches(expect: Expectation, got: Outcome): boolean {
  if (expectsAllowed(expect)) return got.outcome === 'allowed';
  return got.outcome === 'error' && got.code === (expect as { error: string }).error;
}
