/**
 * What one `aws` invocation runs with: credentials from the chain, region, output format and
 * where the call comes from (an instance's public IP when the session is on one).
 */
import { callAws } from '../services/call.ts';
// A command may call any service at any moment: every one is registered up front.
import '../services/all.ts';
import { instanceCallOptions } from '../services/ec2/imds.ts';
import type { AwsResult, CallOptions } from '../services/types.ts';
import { resolveCredentials, resolveRegion, profileSettings } from './credentials.ts';
import { configError, serviceError, success } from './errors.ts';
import { printResponse } from './output/index.ts';
import { currentHost } from './session.ts';
import type { CliSession } from './session.ts';
import type { CliResult, GlobalOptions } from './types.ts';

/** A policy document's JSON, whether IAM sent it plain or URL-encoded; the text when neither parses. */
function parseDocument(text: string): unknown {
  for (const candidate of [text, text.includes('%') ? safeDecode(text) : undefined]) {
    if (candidate === undefined) continue;
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // Not JSON in this form: try the next one.
    }
  }
  return text;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * botocore decodes the policy documents IAM returns URL-encoded (`json_decode_policies`), so
 * the CLI prints them as JSON objects rather than strings.
 */
export function decodePolicies(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodePolicies);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if ((k === 'AssumeRolePolicyDocument' || k === 'PolicyDocument') && typeof v === 'string') {
      out[k] = parseDocument(v);
    } else out[k] = decodePolicies(v);
  }
  return out;
}

/**
 * Timestamps as the CLI prints them: botocore parses them and the CLI writes ISO 8601 with
 * `+00:00` (`cli_timestamp_format = iso8601`), with microseconds only when there are any.
 */
export function cliTimestamps(value: unknown): unknown {
  if (typeof value === 'string') {
    const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?Z$/.exec(value);
    if (m === null) return value;
    const frac = (m[2] ?? '').padEnd(6, '0');
    return `${m[1] ?? ''}${/^0*$/.test(frac) ? '' : `.${frac}`}+00:00`;
  }
  if (Array.isArray(value)) return value.map(cliTimestamps);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = cliTimestamps(v);
  return out;
}

/** The call options (region, source IP, user agent) of the current host. */
export function callOptions(session: CliSession, globals: GlobalOptions): CallOptions {
  const h = currentHost(session);
  const fromInstance = h.instanceId === undefined ? undefined : instanceCallOptions(session.world, h.instanceId);
  const opts: CallOptions = { region: resolveRegion(session, globals.region, globals.profile), userAgent: fromInstance?.userAgent ?? 'aws-cli/2' };
  if (fromInstance !== undefined) opts.sourceIp = fromInstance.sourceIp;
  return opts;
}

/** The output format: option, `AWS_DEFAULT_OUTPUT`, the profile's `output`, json. */
export function outputFormat(session: CliSession, globals: GlobalOptions): NonNullable<GlobalOptions['output']> {
  if (globals.output !== undefined) return globals.output;
  const h = currentHost(session);
  const pick = (v: string | undefined): NonNullable<GlobalOptions['output']> | undefined => (v === 'json' || v === 'text' || v === 'table' || v === 'yaml' || v === 'yaml-stream' ? v : undefined);
  return pick(h.env['AWS_DEFAULT_OUTPUT']) ?? pick(profileSettings(session, globals.profile ?? h.env['AWS_PROFILE'] ?? 'default')?.['output']) ?? 'json';
}

/**
 * Makes one API call through the credential chain and prints the result as the CLI would.
 * @param unsigned true for operations that need no credentials (AssumeRoleWithSAML/WebIdentity)
 */
export function callAndPrint(
  session: CliSession,
  globals: GlobalOptions,
  service: string,
  operation: string,
  params: Record<string, unknown>,
  unsigned = false,
  shape: (result: unknown) => unknown = (r) => r,
): CliResult {
  const r = signedCall(session, globals, service, operation, params, unsigned);
  if ('exitCode' in r) return r;
  if (!r.ok) return serviceError(operation, r.error);
  const printed = printResponse(cliTimestamps(shape(service === 'iam' ? decodePolicies(r.result) : r.result)), outputFormat(session, globals), globals.query, operation);
  return printed.ok ? success(printed.text) : { stdout: '', stderr: `\n${printed.message}\n`, exitCode: 255 };
}

/** One API call with the chain's credentials: the result, or the CLI's error when there are no credentials. */
export function signedCall(session: CliSession, globals: GlobalOptions, service: string, operation: string, params: Record<string, unknown>, unsigned = false): AwsResult<unknown> | CliResult {
  let credentials = null;
  if (!unsigned) {
    const c = resolveCredentials(session, globals.profile);
    if (!c.ok) return c.exitCode === 253 ? configError(c.message) : { stdout: '', stderr: `\n${c.message}\n`, exitCode: c.exitCode };
    credentials = c.credentials;
  }
  return callAws(session.world, credentials, service, operation, params, callOptions(session, globals));
}
