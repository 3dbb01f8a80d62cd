/**
 * `curl` against the instance metadata service: `-X PUT`, `-H "Name: value"`, `-s`, `-i`,
 * `-w`, `-f`. Only http://169.254.169.254 answers, and only on an EC2 instance; anything else
 * fails the way curl does when it cannot connect.
 */
import { imdsRequest } from '../../services/ec2/imds.ts';
import { currentHost } from '../session.ts';
import type { CliSession } from '../session.ts';
import type { ShellResult } from './types.ts';

const IMDS_HOSTS = new Set(['169.254.169.254', '[fd00:ec2::254]', 'instance-data', 'instance-data.ec2.internal']);

/** Runs `curl …` on the current host. */
export function curl(session: CliSession, words: readonly string[]): ShellResult {
  let method: string | undefined;
  const headers: Record<string, string> = {};
  let url: string | undefined;
  let include = false;
  let failOnError = false;
  let silent = false;
  for (let i = 1; i < words.length; i++) {
    const w = words[i] ?? '';
    if (w === '-X' || w === '--request') method = words[++i];
    else if (w.startsWith('-X') && w.length > 2) method = w.slice(2);
    else if (w === '-H' || w === '--header') {
      const h = words[++i] ?? '';
      const colon = h.indexOf(':');
      if (colon > 0) headers[h.slice(0, colon).trim()] = h.slice(colon + 1).trim();
    } else if (w === '-i' || w === '--include') include = true;
    else if (w === '-f' || w === '--fail') failOnError = true;
    else if (w === '-s' || w === '--silent' || w === '-S' || w === '-sS' || w === '-L') silent = silent || w.includes('s');
    else if (w === '-w' || w === '-o' || w === '--connect-timeout' || w === '-m') i++;
    else if (w.startsWith('-')) {
      if (!/^-[sSfiLv]+$/.test(w)) return { stdout: '', stderr: `curl: option ${w}: is unknown\n`, exitCode: 2 };
      include = include || w.includes('i');
      failOnError = failOnError || w.includes('f');
    } else url = w;
  }
  if (url === undefined) return { stdout: '', stderr: "curl: try 'curl --help' for more information\n", exitCode: 2 };
  const m = /^(?:https?:\/\/)?(\[[^\]]+\]|[^/:]+)(?::\d+)?(\/.*)?$/.exec(url);
  const host = m?.[1] ?? url;
  const instanceId = currentHost(session).instanceId;
  if (!IMDS_HOSTS.has(host)) return { stdout: '', stderr: `curl: (6) Could not resolve host: ${host}\n`, exitCode: 6 };
  if (instanceId === undefined) {
    // Off EC2 the link-local address goes nowhere: curl waits, then gives up.
    return { stdout: '', stderr: `curl: (28) Failed to connect to ${host} port 80 after 10001 ms: Timeout was reached\n`, exitCode: 28 };
  }
  const r = imdsRequest(session.world, instanceId, { method: method ?? 'GET', path: m?.[2] ?? '/', headers });
  if (r.status === 0) return { stdout: '', stderr: `curl: (28) Operation timed out after 1000 milliseconds with 0 bytes received\n`, exitCode: 28 };
  if (failOnError && r.status >= 400) return { stdout: '', stderr: silent ? '' : `curl: (22) The requested URL returned error: ${r.status}\n`, exitCode: 22 };
  const head = include ? `HTTP/1.1 ${r.status}\r\n${Object.entries(r.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n` : '';
  return { stdout: head + r.body, stderr: '', exitCode: 0 };
}
