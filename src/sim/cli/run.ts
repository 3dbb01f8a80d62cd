/**
 * `aws …`: parse, then help, `configure`, the high-level `s3` commands, or one API call.
 * The few API commands the real CLI customises are adapted here: `s3api get-object` writes
 * the body to its `outfile`, `s3api put-object --body` names a file, `ec2 run-instances
 * --count` sets MinCount and MaxCount, `lambda create-function --zip-file` fills Code.ZipFile and
 * `lambda invoke` writes the returned payload to its outfile. Blob parameters follow
 * `--cli-binary-format`: CLI v2 reads text as base64 unless it is `raw-in-base64-out`.
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
import type { CliResult, CommandSpec, GlobalOptions } from './types.ts';
import type { BlobValue } from './values.ts';
import { base64Decode, utf8Decode } from '../services/sts/base64.ts';

/** Operations botocore sends without signing. */
const UNSIGNED = new Set(['AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity']);

/** Reads a file of the current host by the path the user typed. */
export function readHostFile(session: CliSession, path: string): string | undefined {
  const h = currentHost(session);
  return h.files[resolvePath(path, h.cwd, h.home)];
}

function isBlob(v: unknown): v is BlobValue {
  return typeof v === 'object' && v !== null && 'blob' in v && 'raw' in v;
}

/** A blob's bytes (as text) under the binary format, or the CLI's error for bad base64. */
function blobBytes(v: BlobValue, globals: GlobalOptions): { bytes: string } | { error: CliResult } {
  if (v.raw || globals.binaryFormat === 'raw-in-base64-out') return { bytes: v.blob };
  const bytes = base64Decode(v.blob.replace(/\s+/g, ''));
  if (bytes !== undefined) return { bytes: utf8Decode(bytes) };
  // CLI v2 takes blobs as base64 by default; raw JSON needs --cli-binary-format raw-in-base64-out.
  return { error: { stdout: '', stderr: `\nInvalid base64: "${v.blob}"\n`, exitCode: 255 } };
}

function adapt(session: CliSession, spec: CommandSpec, params: Record<string, unknown>, globals: GlobalOptions): { params: Record<string, unknown>; error?: CliResult } {
  const p = { ...params };
  for (const [name, value] of Object.entries(p)) {
    if (!isBlob(value)) continue;
    const decoded = blobBytes(value, globals);
    if ('error' in decoded) return { params: p, error: decoded.error };
    p[name] = decoded.bytes;
  }
  if (spec.apiService === 'lambda' && spec.operation === 'CreateFunction' && typeof p['ZipFile'] === 'string') {
    // --zip-file is the CLI's shortcut for Code.ZipFile (the simulator's stand-in is a handler spec).
    p['Code'] = { ...(typeof p['Code'] === 'object' && p['Code'] !== null ? p['Code'] : {}), ZipFile: p['ZipFile'] };
    delete p['ZipFile'];
  }
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
  const adapted = adapt(session, spec, parsed.params, globals);
  if (adapted.error !== undefined) return adapted.error;
  const outfile = parsed.params['Outfile'];
  return callAndPrint(session, globals, spec.apiService, spec.operation, adapted.params, UNSIGNED.has(spec.operation), (result) => {
    if (typeof outfile !== 'string' || typeof result !== 'object' || result === null) return result;
    // get-object's body and invoke's payload go to the file; the rest of the response is printed.
    const field = spec.operation === 'Invoke' ? 'Payload' : 'Body';
    const { [field]: content, ...rest } = result as Record<string, unknown>;
    const h = currentHost(session);
    writeFile(h, resolvePath(outfile, h.cwd, h.home), typeof content === 'string' ? content : '');
    return rest;
  });
}
