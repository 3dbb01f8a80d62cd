/**
 * `aws …`: parse, then help, `configure`, the high-level `s3` commands, or one API call.
 * The few API commands the real CLI customises are adapted here: `s3api get-object` writes
 * the body to its `outfile`, `s3api put-object --body` names a file, `ec2 run-instances
 * --count` sets MinCount and MaxCount.
 */
import { parseAws } from './args.ts';
import type { ParsedLine } from './args.ts';
import { runConfigure } from './configure.ts';
import { styleErrors } from './error-style.ts';
import { callAndPrint } from './context.ts';
import { success } from './errors.ts';
import { resolvePath, writeFile } from './fs.ts';
import { helpText } from './help.ts';
import { runS3 } from './s3-commands.ts';
import { currentHost } from './session.ts';
import type { CliSession } from './session.ts';
import type { CliResult, CommandSpec } from './types.ts';

/** Operations botocore sends without signing. */
const UNSIGNED = new Set(['AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity']);

/** Reads a file of the current host by the path the user typed. */
export function readHostFile(session: CliSession, path: string): string | undefined {
  const h = currentHost(session);
  return h.files[resolvePath(path, h.cwd, h.home)];
}

function adapt(session: CliSession, spec: CommandSpec, params: Record<string, unknown>): { params: Record<string, unknown>; error?: CliResult } {
  const p = { ...params };
  if (spec.apiService === 's3' && spec.operation === 'PutObject' && typeof p['Body'] === 'string') {
    const body = readHostFile(session, p['Body']);
    if (body === undefined) return { params: p, error: { stdout: '', stderr: `\nError parsing parameter '--body': Blob values must be a path to a file.\n`, exitCode: 252 } };
    p['Body'] = body;
  }
  if (spec.apiService === 'ec2' && spec.operation === 'RunInstances' && typeof p['Count'] === 'string') {
    const [min = '', max = min] = p['Count'].split(':');
    p['MinCount'] = Number(min);
    p['MaxCount'] = Number(max);
    delete p['Count'];
  }
  delete p['Outfile'];
  return { params: p };
}

/**
 * Runs the words after `aws` on the session's current host. Never throws.
 */
export function runAws(session: CliSession, argv: readonly string[]): CliResult {
  const parsed = parseAws(argv, (path) => readHostFile(session, path));
  if ('exitCode' in parsed) return styleErrors(parsed, session.errorStyle ?? 'classic');
  const result = styleErrors(dispatch(session, parsed), session.errorStyle ?? 'classic');
  // --debug prints botocore's log in the real CLI; here there is none to show, so say where to look.
  return parsed.globals.debug ? { ...result, stderr: `[debug] The simulated CLI keeps no debug log; every call is in the world's event log (CloudTrail).\n${result.stderr}` } : result;
}

function dispatch(session: CliSession, parsed: ParsedLine): CliResult {
  if (parsed.kind === 'help') return success(helpText(parsed.service, parsed.command));
  if (parsed.kind === 'custom') {
    return parsed.service === 's3' ? runS3(session, parsed.command, parsed.positionals, parsed.options, parsed.globals) : runConfigure(session, parsed.command, parsed.positionals, parsed.globals);
  }
  const { spec, globals } = parsed;
  const adapted = adapt(session, spec, parsed.params);
  if (adapted.error !== undefined) return adapted.error;
  const outfile = parsed.params['Outfile'];
  return callAndPrint(session, globals, spec.apiService, spec.operation, adapted.params, UNSIGNED.has(spec.operation), (result) => {
    if (typeof outfile !== 'string' || typeof result !== 'object' || result === null) return result;
    // get-object: the body goes to the file, the rest of the response is printed.
    const { Body, ...rest } = result as Record<string, unknown>;
    const h = currentHost(session);
    writeFile(h, resolvePath(outfile, h.cwd, h.home), typeof Body === 'string' ? Body : '');
    return rest;
  });
}
