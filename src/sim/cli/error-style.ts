/**
 * Two ways of printing errors. `classic` is the wording most documentation and tutorials show
 * (`An error occurred (AccessDenied) when calling …`, argparse's usage banner first).
 * `current` follows AWS CLI v2 releases from 2025 on, seen in public logs: every error starts
 * `aws: [ERROR]: An error occurred (Code): …`, command-line errors carry the code
 * `ParamValidation` with the usage banner after the message, an invalid choice lists only the
 * close matches (aws/aws-cli#9457), and missing credentials point at `aws login`.
 * The current style is rebuilt from the classic text, so both always say the same thing.
 */
import { NO_CREDENTIALS, USAGE } from './errors.ts';
import type { InvalidChoiceResult } from './errors.ts';
import type { CliResult } from './types.ts';

/** Which error wording a session prints. */
export type ErrorStyle = 'classic' | 'current';

const PREFIX = 'aws: [ERROR]: An error occurred';

function usageMessage(result: CliResult, message: string): string {
  if (!('choice' in result)) return `${PREFIX} (ParamValidation): ${message}`;
  const { argument, word, close } = (result as InvalidChoiceResult).choice;
  const what = `${PREFIX} (ParamValidation): argument ${argument}: Found invalid choice '${word}'`;
  return close.length === 0 ? what : `${what}\n\nMaybe you meant:\n\n${close.map((c) => `  * ${c}`).join('\n')}`;
}

/** Rewrites a classic error result in the current style (results without errors pass through). */
export function styleErrors(result: CliResult, style: ErrorStyle): CliResult {
  if (style === 'classic' || result.exitCode === 0 || result.stderr === '') return result;
  const s = result.stderr;
  let stderr = s;
  const banner = `${USAGE}\naws: error: `;
  if (s.startsWith(banner)) {
    stderr = `\n${usageMessage(result, s.slice(banner.length).replace(/\n$/, ''))}\n\n\nusage: ${USAGE.slice('usage: '.length)}`;
  } else if (s === `\n${NO_CREDENTIALS}\n`) {
    stderr = `\n${PREFIX} (NoCredentials): Unable to locate credentials. You can configure credentials by running "aws login".\n`;
  } else if (s.startsWith('\nAn error occurred (')) {
    stderr = `\naws: [ERROR]: ${s.slice(1)}`;
  } else if (s.startsWith('\nError parsing parameter ') || s.startsWith('\nParameter validation failed')) {
    stderr = `\n${PREFIX} (ParamValidation): ${s.slice(1)}`;
  }
  return { ...result, stderr };
}
