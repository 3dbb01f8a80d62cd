/**
 * The command-line parser: `aws [global options] <service> <operation> [options]`, as AWS CLI
 * v2 reads it. Global options may appear anywhere; `--option=value` works like argparse;
 * values for lists run until the next `--option`. Every problem comes back as the CLI's
 * message and exit code, never as an exception.
 */
import { findCommand, commandNames, serviceNames } from './commands/table.ts';
import { invalidChoice, usageError } from './errors.ts';
import { closeMatches } from './names.ts';
import type { CliResult, CommandSpec, GlobalOptions, ParamSpec } from './types.ts';
import { convertValue, loadParamFile, parseJsonParam } from './values.ts';
import type { ReadFile } from './values.ts';

/** Global options taking a value (the rest are flags). */
const GLOBAL_VALUE = new Set(['profile', 'region', 'output', 'query', 'endpoint-url', 'color', 'cli-read-timeout', 'cli-connect-timeout', 'ca-bundle', 'cli-binary-format']);
const GLOBAL_FLAGS = new Set(['debug', 'no-cli-pager', 'no-verify-ssl', 'no-paginate', 'no-sign-request', 'no-cli-auto-prompt', 'cli-auto-prompt']);
const OUTPUTS = ['json', 'text', 'table', 'yaml', 'yaml-stream'] as const;

/** What a command line asks for. */
export type ParsedLine =
  | { kind: 'help'; service?: string; command?: string; globals: GlobalOptions }
  | { kind: 'api'; spec: CommandSpec; params: Record<string, unknown>; globals: GlobalOptions }
  | { kind: 'custom'; service: 's3' | 'configure'; command: string; positionals: string[]; options: Record<string, string | true>; globals: GlobalOptions };

/** Splits global options out of the words; the rest keep their order. */
function takeGlobals(argv: readonly string[]): { globals: GlobalOptions; rest: string[] } | CliResult {
  const globals: GlobalOptions = { debug: false, noCliPager: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(word);
    const name = m?.[1] ?? '';
    if (m !== null && GLOBAL_FLAGS.has(name)) {
      if (name === 'debug') globals.debug = true;
      if (name === 'no-cli-pager') globals.noCliPager = true;
      continue;
    }
    if (m === null || !GLOBAL_VALUE.has(name)) {
      rest.push(word);
      continue;
    }
    let value = m[2];
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return usageError(`argument --${name}: expected one argument`);
      value = next;
      i++;
    }
    if (name === 'profile') globals.profile = value;
    else if (name === 'region') globals.region = value;
    else if (name === 'query') globals.query = value;
    else if (name === 'endpoint-url') globals.endpointUrl = value;
    else if (name === 'cli-binary-format') {
      if (value !== 'base64' && value !== 'raw-in-base64-out') return usageError(`argument --cli-binary-format: Invalid choice, valid choices are:\n\nbase64 | raw-in-base64-out\n`);
      globals.binaryFormat = value;
    }
    else if (name === 'output') {
      const out = OUTPUTS.find((o) => o === value);
      if (out === undefined) return usageError(`argument --output: Invalid choice, valid choices are:\n\n${OUTPUTS.join(' | ')}\n`);
      globals.output = out;
    }
  }
  return { globals, rest };
}

/** Options of a custom command: flags that take no value. */
const CUSTOM_FLAGS = new Set(['recursive', 'dryrun', 'quiet', 'human-readable', 'summarize', 'force', 'only-show-errors']);

function parseCustom(service: 's3' | 'configure', command: string, words: readonly string[], globals: GlobalOptions): ParsedLine | CliResult {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (!w.startsWith('--')) {
      positionals.push(w);
      continue;
    }
    const name = w.slice(2);
    if (CUSTOM_FLAGS.has(name)) options[name] = true;
    else {
      const v = words[i + 1];
      if (v === undefined) return usageError(`argument --${name}: expected one argument`);
      options[name] = v;
      i++;
    }
  }
  return { kind: 'custom', service, command, positionals, options, globals };
}

/** Where the raw `--cli-input-json` text waits until the options are all read. */
const INPUT_JSON = '\u0000cli-input-json';

/**
 * `--cli-input-json`: parameters as one JSON object in the API's names; options given on
 * the command line win over it, as in the CLI. Fills `params` in place; returns an error or nothing.
 */
function mergeInputJson(spec: CommandSpec, params: Record<string, unknown>, read: ReadFile): CliResult | undefined {
  const raw = params[INPUT_JSON];
  if (typeof raw !== 'string') return undefined;
  delete params[INPUT_JSON];
  const loaded = loadParamFile('cli-input-json', raw, read);
  if (!loaded.ok) return { stdout: '', stderr: `\n${loaded.message}\n`, exitCode: 252 };
  const parsed = parseJsonParam('cli-input-json', String(loaded.value));
  if (!parsed.ok) return { stdout: '', stderr: `\n${parsed.message}\n`, exitCode: 252 };
  const input = parsed.value;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { stdout: '', stderr: '\nInvalid type for parameter --cli-input-json, value must be a JSON object\n', exitCode: 252 };
  for (const [k, v] of Object.entries(input)) {
    if (!spec.params.some((p) => p.name === k)) return { stdout: '', stderr: `\nParameter validation failed:\nUnknown parameter in input: "${k}", must be one of: ${spec.params.map((p) => p.name).join(', ')}\n`, exitCode: 252 };
    if (!(k in params)) params[k] = v;
  }
  return undefined;
}

/** Finds the spec for `--name` (or its `--no-name` form for booleans). */
function optionFor(spec: CommandSpec, name: string): { param: ParamSpec; negated: boolean } | undefined {
  const direct = spec.params.find((p) => p.option === name);
  if (direct !== undefined) return { param: direct, negated: false };
  const neg = name.startsWith('no-') ? spec.params.find((p) => p.type === 'boolean' && p.option === name.slice(3)) : undefined;
  return neg === undefined ? undefined : { param: neg, negated: true };
}

function parseApi(spec: CommandSpec, words: readonly string[], globals: GlobalOptions, read: ReadFile): ParsedLine | CliResult {
  const params: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(w);
    if (m?.[1] === 'cli-input-json') {
      const value = m[2] ?? words[++i];
      if (value === undefined) return usageError('argument --cli-input-json: expected one argument');
      params[INPUT_JSON] = value;
      continue;
    }
    const found = m === null ? undefined : optionFor(spec, m[1] ?? '');
    const positional = spec.params.find((p) => p.positional === true && !(p.name in params));
    if (m === null && positional !== undefined) {
      params[positional.name] = w;
      continue;
    }
    if (m === null || found === undefined) {
      unknown.push(w);
      continue;
    }
    const { param, negated } = found;
    if (param.type === 'boolean') {
      params[param.name] = !negated;
      continue;
    }
    const values: string[] = [];
    if (m[2] !== undefined) values.push(m[2]);
    else {
      const many = param.type === 'list' || param.type === 'structlist';
      while (i + 1 < words.length && !(words[i + 1] ?? '').startsWith('--')) {
        values.push(words[i + 1] ?? '');
        i++;
        if (!many) break;
      }
    }
    if (values.length === 0) return usageError(`argument --${param.option}: expected ${param.type === 'list' || param.type === 'structlist' ? 'at least one argument' : 'one argument'}`);
    const converted = convertValue(param, values, read);
    if (!converted.ok) return { stdout: '', stderr: `\n${converted.message}\n`, exitCode: 252 };
    params[param.name] = converted.value;
  }
  const inputError = mergeInputJson(spec, params, read);
  if (inputError !== undefined) return inputError;
  const missing = spec.params.filter((p) => p.required && !(p.name in params)).map((p) => (p.positional === true ? p.option : `--${p.option}`));
  if (missing.length > 0) return usageError(`the following arguments are required: ${missing.join(', ')}`);
  if (unknown.length > 0) return usageError(`Unknown options: ${unknown.join(', ')}`);
  return { kind: 'api', spec, params, globals };
}

/**
 * Parses the words after `aws` (already split by the shell).
 * @param read reads `file://` paths from the simulated filesystem
 */
export function parseAws(argv: readonly string[], read: ReadFile): ParsedLine | CliResult {
  const g = takeGlobals(argv);
  if ('exitCode' in g) return g;
  const { globals, rest } = g;
  const [service, command, ...words] = rest;
  if (service === undefined) return usageError('the following arguments are required: command');
  if (service === 'help') return { kind: 'help', globals };
  const services = serviceNames();
  if (!services.includes(service)) return invalidChoice('command', service, services, closeMatches(service, services));
  if (service === 'configure' && (command === undefined || command.startsWith('--'))) return parseCustom('configure', '', rest.slice(1), globals);
  if (command === undefined) return usageError('the following arguments are required: operation');
  if (command === 'help') return { kind: 'help', service, globals };
  const commands = commandNames(service);
  if (!commands.includes(command)) return invalidChoice('operation', command, commands, closeMatches(command, commands));
  if (words[words.length - 1] === 'help') return { kind: 'help', service, command, globals };
  if (service === 's3' || service === 'configure') return parseCustom(service, command, words, globals);
  const spec = findCommand(service, command);
  if (spec === undefined) return invalidChoice('operation', command, commands, []);
  return parseApi(spec, words, globals, read);
}
