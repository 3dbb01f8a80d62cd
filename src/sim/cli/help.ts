/**
 * `help` for every command, short and in the CLI's manual-page style: NAME, SYNOPSIS with
 * required options first, OPTIONS with their types, and the available commands of a service.
 */
import { commandNames, findCommand, serviceNames } from './commands/table.ts';
import type { ParamSpec } from './types.ts';

const TYPE_WORDS: Readonly<Record<ParamSpec['type'], string>> = {
  string: 'string',
  integer: 'integer',
  boolean: 'boolean',
  list: 'list',
  structure: 'structure',
  structlist: 'list',
  map: 'map',
  blob: 'blob',
};

/** Custom commands' synopses (`aws s3 …`, `aws configure …`). */
const CUSTOM: Readonly<Record<string, string>> = {
  's3 ls': 'ls\n          [<S3Uri>]\n          [--recursive]\n          [--human-readable]\n          [--summarize]',
  's3 cp': 'cp\n          <LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>\n          [--recursive]\n          [--dryrun]\n          [--quiet]',
  's3 rm': 'rm\n          <S3Uri>\n          [--recursive]\n          [--dryrun]\n          [--quiet]',
  's3 mb': 'mb\n          <S3Uri>',
  's3 rb': 'rb\n          <S3Uri>\n          [--force]',
  'configure set': 'set\n          <varname> <value>\n          [--profile <value>]',
  'configure get': 'get\n          <varname>\n          [--profile <value>]',
  'configure list': 'list\n          [--profile <value>]',
};

function header(title: string): string {
  const t = title.toUpperCase() + '()';
  return `${t}${' '.repeat(Math.max(1, 70 - t.length * 2))}${t}\n\n`;
}

function synopsisLine(p: ParamSpec): string {
  if (p.positional === true) return `<${p.option}>`;
  const v = p.type === 'boolean' ? `--${p.option} | --no-${p.option}` : `--${p.option} <value>`;
  return p.required ? v : `[${v}]`;
}

/** The help text for `aws help`, `aws <service> help` or `aws <service> <command> help`. */
export function helpText(service?: string, command?: string): string {
  if (service === undefined) {
    return `${header('aws')}NAME\n       aws -\n\nDESCRIPTION\n       The  AWS  Command  Line  Interface is a unified tool to manage your AWS\n       services (simulated here: nothing leaves your browser).\n\nSYNOPSIS\n          aws [options] <command> <subcommand> [parameters]\n\nAVAILABLE SERVICES\n${serviceNames().map((s) => `       o ${s}\n`).join('')}`;
  }
  if (command === undefined) {
    return `${header(service)}NAME\n       ${service} -\n\nAVAILABLE COMMANDS\n${commandNames(service).map((c) => `       o ${c}\n`).join('')}`;
  }
  const custom = CUSTOM[`${service} ${command}`];
  if (custom !== undefined) return `${header(command)}NAME\n       ${command} -\n\nSYNOPSIS\n            ${custom}\n`;
  const spec = findCommand(service, command);
  if (spec === undefined) return '';
  const ordered = [...spec.params.filter((p) => p.required), ...spec.params.filter((p) => !p.required)];
  const synopsis = ordered.map((p) => `          ${synopsisLine(p)}\n`).join('');
  const options = ordered
    .map((p) => `       ${p.positional === true ? p.option : `--${p.option}`} (${TYPE_WORDS[p.type]})\n          ${p.required ? '[required] ' : ''}The ${p.name} parameter of ${spec.operation}.\n`)
    .join('\n');
  return `${header(command)}NAME\n       ${command} -\n\nDESCRIPTION\n       Calls the ${spec.operation} operation of ${spec.apiService === 's3' ? 'Amazon S3' : spec.apiService.toUpperCase()}.\n\nSYNOPSIS\n            ${command}\n${synopsis}          [--cli-input-json <value>]\n\nOPTIONS\n${options === '' ? '       None\n' : options}\nGLOBAL OPTIONS\n       --profile, --region, --output (json | text | table | yaml), --query,\n       --debug, --no-cli-pager\n`;
}
