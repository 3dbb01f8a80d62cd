/**
 * The `aws` CLI emulator and the small shell around it: the public API the Terminal island
 * and the exercise grader use. Pure: no DOM, no real clock, no randomness.
 */
export type { CliResult, CommandSpec, ParamSpec, ParamType, GlobalOptions } from './types.ts';
export type { CliSession, CliHost, SessionOptions, CachedCredentials, PendingHeredoc, PendingPrompt } from './session.ts';
export { createSession, currentHost, instanceHost } from './session.ts';
export { promptOf } from './prompt.ts';
export { runAws } from './run.ts';
export { parseAws } from './args.ts';
export type { ParsedLine } from './args.ts';
export { runLine, runLines } from './shell/run-line.ts';
export type { LineResult } from './shell/run-line.ts';
export type { ShellResult } from './shell/types.ts';
export { complete } from './complete.ts';
export { serviceNames, commandNames, findCommand } from './commands/table.ts';
export { helpText } from './help.ts';
export { resolveCredentials, resolveRegion } from './credentials.ts';
export type { CredentialResult, CredentialSource } from './credentials.ts';
export { parseShorthand, toShorthand } from './shorthand.ts';
export type { ShorthandValue, ShorthandResult } from './shorthand.ts';
export { printResponse, formatJson } from './output/index.ts';
export { formatText } from './output/text.ts';
export { formatTable } from './output/table.ts';
export { formatYaml } from './output/yaml.ts';
export { EXIT, NO_CREDENTIALS, serviceErrorText } from './errors.ts';
export { kebab } from './names.ts';
export { cliTimestamps, decodePolicies } from './context.ts';
export { styleErrors } from './error-style.ts';
export type { ErrorStyle } from './error-style.ts';
export { identityOf, principalOfKey } from './identity.ts';
export type { SessionIdentity } from './identity.ts';
export { sessionFromSetup } from './setup.ts';
export type { SessionSetup } from './setup.ts';
