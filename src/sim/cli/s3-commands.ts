/**
 * The high-level `aws s3` commands (ls, cp, rm, mb, rb) with the real CLI's output lines
 * (`upload: ./a.txt to s3://b/a.txt`, `make_bucket: b`, `PRE photos/`) and failure lines.
 * Each is built on the same S3 API calls the real command makes, so the world's event log
 * and the authorization are exactly those of the API.
 */
import type { AwsError, AwsResult } from '../services/types.ts';
import { signedCall } from './context.ts';
import { serviceError, serviceErrorText, success, usageError } from './errors.ts';
import { resolvePath, writeFile } from './fs.ts';
import { currentHost } from './session.ts';
import type { CliSession } from './session.ts';
import type { CliResult, GlobalOptions } from './types.ts';

type Call = (operation: string, params: Record<string, unknown>) => AwsResult<unknown> | CliResult;

/** `s3://bucket/key` → parts; undefined for a local path. */
function s3Uri(text: string): { bucket: string; key: string } | undefined {
  const m = /^s3:\/\/([^/]*)\/?(.*)$/s.exec(text);
  return m === null ? undefined : { bucket: m[1] ?? '', key: m[2] ?? '' };
}

/** `2026-01-01T09:00:00.000Z` → `2026-01-01 09:00:00`, as `aws s3 ls` prints times. */
function stamp(iso: unknown): string {
  return typeof iso === 'string' ? iso.slice(0, 19).replace('T', ' ') : '';
}

function field<T>(r: unknown, name: string): T | undefined {
  return typeof r === 'object' && r !== null ? ((r as Record<string, unknown>)[name] as T | undefined) : undefined;
}

function ls(call: Call, args: readonly string[], recursive: boolean): CliResult {
  const target = args[0];
  if (target === undefined) {
    const r = call('ListBuckets', {});
    if ('exitCode' in r) return r;
    if (!r.ok) return serviceError('ListBuckets', r.error);
    const buckets = field<{ Name: string; CreationDate: string }[]>(r.result, 'Buckets') ?? [];
    return success(buckets.map((b) => `${stamp(b.CreationDate)} ${b.Name}\n`).join(''));
  }
  const uri = s3Uri(target) ?? { bucket: target, key: '' };
  const params: Record<string, unknown> = { Bucket: uri.bucket, Prefix: uri.key };
  if (!recursive) params['Delimiter'] = '/';
  const r = call('ListObjectsV2', params);
  if ('exitCode' in r) return r;
  if (!r.ok) return serviceError('ListObjectsV2', r.error);
  const prefixes = field<{ Prefix: string }[]>(r.result, 'CommonPrefixes') ?? [];
  const contents = field<{ Key: string; LastModified: string; Size: number }[]>(r.result, 'Contents') ?? [];
  const cut = recursive ? 0 : uri.key.lastIndexOf('/') + 1;
  const lines = [...prefixes.map((p) => `${'PRE'.padStart(30)} ${p.Prefix.slice(cut)}\n`), ...contents.map((o) => `${stamp(o.LastModified)} ${String(o.Size).padStart(10)} ${o.Key.slice(cut)}\n`)];
  // An empty listing of a prefix is exit code 1 in the real CLI.
  return { stdout: lines.join(''), stderr: '', exitCode: lines.length === 0 && uri.key !== '' ? 1 : 0 };
}

function failed(what: string, operation: string, error: AwsError): CliResult {
  return { stdout: '', stderr: `${what} ${serviceErrorText(operation, error)}\n`, exitCode: 1 };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function cp(session: CliSession, call: Call, args: readonly string[]): CliResult {
  const [from, to] = args;
  if (from === undefined || to === undefined) return usageError('the following arguments are required: paths');
  const src = s3Uri(from);
  const dst = s3Uri(to);
  const h = currentHost(session);
  // The paths are shown as typed (AWS CLI reference, `s3 cp` examples: `upload: test.txt to s3://…`).
  const show = (p: string): string => p;
  if (src === undefined && dst !== undefined) {
    const body = h.files[resolvePath(from, h.cwd, h.home)];
    if (body === undefined) return { stdout: '', stderr: `\nThe user-provided path ${from} does not exist.\n`, exitCode: 255 };
    const key = dst.key === '' || dst.key.endsWith('/') ? dst.key + baseName(from) : dst.key;
    const r = call('PutObject', { Bucket: dst.bucket, Key: key, Body: body });
    if ('exitCode' in r) return r;
    const line = `${show(from)} to s3://${dst.bucket}/${key}`;
    return r.ok ? success(`upload: ${line}\n`) : failed(`upload failed: ${line}`, 'PutObject', r.error);
  }
  if (src === undefined || src.key === '') return usageError(`Invalid argument type`);
  const head = call('HeadObject', { Bucket: src.bucket, Key: src.key });
  if ('exitCode' in head) return head;
  if (!head.ok) return { stdout: '', stderr: `fatal error: ${serviceErrorText('HeadObject', head.error)}\n`, exitCode: 1 };
  const got = call('GetObject', { Bucket: src.bucket, Key: src.key });
  if ('exitCode' in got) return got;
  if (!got.ok) return failed(`download failed: s3://${src.bucket}/${src.key} to ${to}`, 'GetObject', got.error);
  const body = field<string>(got.result, 'Body') ?? '';
  if (dst !== undefined) {
    const key = dst.key === '' || dst.key.endsWith('/') ? dst.key + baseName(src.key) : dst.key;
    const put = call('PutObject', { Bucket: dst.bucket, Key: key, Body: body });
    if ('exitCode' in put) return put;
    const line = `s3://${src.bucket}/${src.key} to s3://${dst.bucket}/${key}`;
    return put.ok ? success(`copy: ${line}\n`) : failed(`copy failed: ${line}`, 'PutObject', put.error);
  }
  if (to === '-') return success(body);
  let path = resolvePath(to, h.cwd, h.home);
  if (to.endsWith('/') || to === '.' || path === h.cwd) path = `${path === '/' ? '' : path}/${baseName(src.key)}`;
  writeFile(h, path, body);
  return success(`download: s3://${src.bucket}/${src.key} to ${show(to.endsWith('/') || to === '.' ? `${to.replace(/\/$/, '')}/${baseName(src.key)}` : to)}\n`);
}

function rm(call: Call, args: readonly string[], recursive: boolean): CliResult {
  const uri = s3Uri(args[0] ?? '');
  if (uri === undefined) return usageError('the following arguments are required: paths');
  let keys = [uri.key];
  if (recursive) {
    const list = call('ListObjectsV2', { Bucket: uri.bucket, Prefix: uri.key });
    if ('exitCode' in list) return list;
    if (!list.ok) return serviceError('ListObjectsV2', list.error);
    keys = (field<{ Key: string }[]>(list.result, 'Contents') ?? []).map((o) => o.Key);
  }
  let out = '';
  for (const key of keys) {
    const r = call('DeleteObject', { Bucket: uri.bucket, Key: key });
    if ('exitCode' in r) return r;
    if (!r.ok) return { ...failed(`delete failed: s3://${uri.bucket}/${key}`, 'DeleteObject', r.error), stdout: out };
    out += `delete: s3://${uri.bucket}/${key}\n`;
  }
  return success(out);
}

function bucketCommand(call: Call, args: readonly string[], operation: 'CreateBucket' | 'DeleteBucket', label: string): CliResult {
  const uri = s3Uri(args[0] ?? '');
  if (uri === undefined || uri.bucket === '') return usageError('the following arguments are required: path');
  const r = call(operation, { Bucket: uri.bucket });
  if ('exitCode' in r) return r;
  return r.ok ? success(`${label}: ${uri.bucket}\n`) : failed(`${label} failed: s3://${uri.bucket}`, operation, r.error);
}

/** Runs `aws s3 <command> …`. */
export function runS3(session: CliSession, command: string, args: readonly string[], options: Readonly<Record<string, string | true>>, globals: GlobalOptions): CliResult {
  const call: Call = (operation, params) => signedCall(session, globals, 's3', operation, params);
  const recursive = options['recursive'] === true;
  switch (command) {
    case 'ls':
      return ls(call, args, recursive);
    case 'cp':
      return cp(session, call, args);
    case 'rm':
      return rm(call, args, recursive);
    case 'mb':
      return bucketCommand(call, args, 'CreateBucket', 'make_bucket');
    default:
      return bucketCommand(call, args, 'DeleteBucket', 'remove_bucket');
  }
}
