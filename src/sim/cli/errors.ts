/**
 * The CLI's own error texts and exit codes (AWS CLI User Guide, "Return codes"):
 * 252 command syntax, 253 environment or configuration (no credentials), 254 the service
 * answered with an error, 255 anything else.
 */
import type { AwsError } from '../services/types.ts';
import type { CliResult } from './types.ts';

/** Exit codes of AWS CLI v2. */
export const EXIT = { ok: 0, usage: 252, config: 253, service: 254, other: 255 } as const;

/** The usage banner printed above argument errors. */
export const USAGE = `usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
To see help text, you can run:

  aws help
  aws <command> help
  aws <command> <subcommand> help
`;

/** A successful result. */
export function success(stdout: string): CliResult {
  return { stdout, stderr: '', exitCode: EXIT.ok };
}

/** An argparse-style error: the usage banner, then `aws: error: …` (exit 252). */
export function usageError(message: string): CliResult {
  return { stdout: '', stderr: `${USAGE}\naws: error: ${message}\n`, exitCode: EXIT.usage };
}

/** A parameter error printed without the banner (`Error parsing parameter …`, exit 252). */
export function paramError(message: string): CliResult {
  return { stdout: '', stderr: `\n${message}\n`, exitCode: EXIT.usage };
}

/** The missing-credentials error (exit 253). */
export const NO_CREDENTIALS = 'Unable to locate credentials. You can configure credentials by running "aws configure".';

/** A configuration error (no credentials, a broken profile; exit 253). */
export function configError(message: string): CliResult {
  return { stdout: '', stderr: `\n${message}\n`, exitCode: EXIT.config };
}

/** A service error in the CLI's words (exit 254). */
export function serviceError(operation: string, error: AwsError): CliResult {
  return { stdout: '', stderr: `\n${serviceErrorText(operation, error)}\n`, exitCode: EXIT.service };
}

/** HTTP reason phrases: all a HEAD error response carries. */
const HTTP_REASON: Readonly<Record<number, string>> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict' };

/**
 * `An error occurred (Code) when calling the Op operation: message`. HEAD requests have no
 * body, so the CLI can only show the status: `An error occurred (404) when calling the
 * HeadObject operation: Not Found`.
 */
export function serviceErrorText(operation: string, error: AwsError): string {
  if (operation.startsWith('Head')) return `An error occurred (${error.httpStatus}) when calling the ${operation} operation: ${HTTP_REASON[error.httpStatus] ?? error.message}`;
  return `An error occurred (${error.code}) when calling the ${operation} operation: ${error.message}`;
}

/** An invalid choice, with what was typed kept for the other error style. */
export interface InvalidChoiceResult extends CliResult {
  choice: { argument: 'command' | 'operation'; word: string; close: readonly string[] };
}

/** The "Invalid choice" error with the valid choices in two columns and close matches. */
export function invalidChoice(argument: 'command' | 'operation', word: string, choices: readonly string[], close: readonly string[]): InvalidChoiceResult {
  // awscli/argparser.py: two choices a line, each padded to 40 characters ('%-40s').
  const rows: string[] = [];
  for (let i = 0; i < choices.length; i += 2) rows.push(choices.slice(i, i + 2).map((c) => c.padEnd(40)).join(' | '));
  let text = `argument ${argument}: Invalid choice, valid choices are:\n\n${rows.join('\n')}\n`;
  if (close.length > 0) text += `\n\nInvalid choice: '${word}', maybe you meant:\n\n${close.map((c) => `  * ${c}`).join('\n')}`;
  return { ...usageError(text), choice: { argument, word, close } };
}
