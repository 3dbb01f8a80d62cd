/**
 * The typed command table: every `aws <service> <command>` the emulator knows, decoded from
 * the compact `API_TABLE`, plus the names of the hand-written commands (`aws s3 …`,
 * `aws configure …`) so that help, errors and completion see one list.
 */
import { kebab } from '../names.ts';
import type { CommandSpec, ParamSpec, ParamType } from '../types.ts';
import { API_TABLE } from './api-table.ts';

/** The CLI's service names and the simulator service behind each. */
const CLI_SERVICES: Readonly<Record<string, string>> = { iam: 'iam', sts: 'sts', s3api: 's3', s3control: 's3control', ec2: 'ec2', lambda: 'lambda', organizations: 'organizations', cloudtrail: 'cloudtrail' };

/** The high-level `aws s3` commands (customisations in the real CLI, not API operations). */
export const S3_COMMANDS: readonly string[] = ['cp', 'ls', 'mb', 'rb', 'rm'];

/** The `aws configure` sub-commands. */
export const CONFIGURE_COMMANDS: readonly string[] = ['get', 'list', 'set'];

const TYPES: Readonly<Record<string, ParamType>> = { i: 'integer', b: 'boolean', l: 'list', o: 'structure', L: 'structlist', t: 'structlist', m: 'map', B: 'blob' };

/** Decodes `RoleName! MaxSessionDuration:i`. */
function decode(line: string): ParamSpec[] {
  return line
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => {
      const required = w.endsWith('!');
      const [name = '', code = ''] = (required ? w.slice(0, -1) : w).split(':');
      const spec: ParamSpec = { name, option: kebab(name), type: TYPES[code] ?? 'string', required };
      if (code === 'p') spec.positional = true;
      return spec;
    });
}

let cache: Map<string, Map<string, CommandSpec>> | undefined;

function table(): Map<string, Map<string, CommandSpec>> {
  if (cache !== undefined) return cache;
  const out = new Map<string, Map<string, CommandSpec>>();
  for (const [service, apiService] of Object.entries(CLI_SERVICES)) {
    const commands = new Map<string, CommandSpec>();
    for (const [operation, line] of Object.entries(API_TABLE[apiService] ?? {})) {
      const command = kebab(operation);
      commands.set(command, { service, command, apiService, operation, params: decode(line) });
    }
    out.set(service, commands);
  }
  cache = out;
  return out;
}

/** Every service name `aws` accepts, sorted (API services, `s3`, `configure`). */
export function serviceNames(): string[] {
  return [...table().keys(), 's3', 'configure'].sort();
}

/** The command names of a service, sorted; empty for an unknown service. */
export function commandNames(service: string): string[] {
  if (service === 's3') return [...S3_COMMANDS];
  if (service === 'configure') return [...CONFIGURE_COMMANDS];
  return [...(table().get(service)?.keys() ?? [])].sort();
}

/** The spec of an API command, or undefined. */
export function findCommand(service: string, command: string): CommandSpec | undefined {
  return table().get(service)?.get(command);
}
