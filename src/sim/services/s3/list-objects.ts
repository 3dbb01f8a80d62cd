/**
 * ListObjectsV2 (Amazon S3 API Reference): keys in UTF-8 binary order, `Prefix`, `Delimiter`
 * rolling keys up into `CommonPrefixes`, `MaxKeys` (default and ceiling 1,000) with
 * continuation tokens. It is authorized as `s3:ListBucket` on the bucket ARN, with the
 * `s3:prefix`, `s3:delimiter` and `s3:max-keys` condition keys present when the request sends
 * those parameters (Service Authorization Reference, Amazon S3 condition keys).
 */
import { fail, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import { base64Decode, base64Encode, utf8Decode, utf8Encode } from '../sts/base64.ts';
import { authorizeS3, bucketArn } from './access.ts';
import { bucketTrail, byteLength, isError, optionalString, withBucket } from './common.ts';
import { invalidArgument } from './errors.ts';

const MAX_KEYS = 1000;

/** Compares keys as S3 sorts them: by their UTF-8 bytes. */
export function compareKeys(a: string, b: string): number {
  const x = utf8Encode(a);
  const y = utf8Encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** One entry of a listing: an object, or a common prefix standing for many. */
type Entry = { kind: 'key'; key: string } | { kind: 'prefix'; prefix: string };

const listObjectsV2: Operation = {
  readOnly: true,
  allowsAnonymous: true,
  run: (env, p, trail) =>
    withBucket(env, p, (bucket) => {
      const prefix = optionalString(p, 'Prefix');
      const delimiter = optionalString(p, 'Delimiter');
      const token = optionalString(p, 'ContinuationToken');
      const startAfter = optionalString(p, 'StartAfter');
      for (const v of [prefix, delimiter, token, startAfter]) if (isError(v)) return fail(v);
      const maxRaw = p.value('MaxKeys');
      const maxKeys = maxRaw === undefined || maxRaw === null ? undefined : Number(maxRaw);
      if (maxKeys !== undefined && (!Number.isInteger(maxKeys) || maxKeys < 0)) return fail(invalidArgument('Provided max-keys not an integer or within integer range'));
      const pre = isError(prefix) ? undefined : prefix;
      const delim = isError(delimiter) ? undefined : delimiter;
      const params: Record<string, unknown> = { 'list-type': '2' };
      const context: Record<string, string> = {};
      if (pre !== undefined) context['s3:prefix'] = params['prefix'] = pre;
      if (delim !== undefined) context['s3:delimiter'] = params['delimiter'] = delim;
      if (maxKeys !== undefined) context['s3:max-keys'] = params['max-keys'] = String(maxKeys);
      bucketTrail(trail, bucket, params);
      const denied = authorizeS3(env, bucket, 's3:ListBucket', bucketArn(bucket.name), context);
      if (denied !== undefined) return fail(denied);

      let after = isError(startAfter) ? undefined : startAfter;
      if (token !== undefined && !isError(token)) {
        const bytes = base64Decode(token);
        if (bytes === undefined) return fail(invalidArgument('The continuation token provided is incorrect'));
        after = utf8Decode(bytes);
      }
      const limit = Math.min(maxKeys ?? MAX_KEYS, MAX_KEYS);
      const keys = Object.keys(bucket.objects)
        .filter((k) => pre === undefined || k.startsWith(pre))
        .sort(compareKeys);
      const entries: Entry[] = [];
      for (const key of keys) {
        const rest = key.slice((pre ?? '').length);
        const cut = delim === undefined || delim === '' ? -1 : rest.indexOf(delim);
        const entry: Entry = cut < 0 ? { kind: 'key', key } : { kind: 'prefix', prefix: (pre ?? '') + rest.slice(0, cut + (delim ?? '').length) };
        const last = entries[entries.length - 1];
        if (entry.kind === 'prefix' && last?.kind === 'prefix' && last.prefix === entry.prefix) continue;
        entries.push(entry);
      }
      const position = (e: Entry): string => (e.kind === 'key' ? e.key : e.prefix);
      const remaining = after === undefined ? entries : entries.filter((e) => compareKeys(position(e), after ?? '') > 0 && !(e.kind === 'prefix' && (after ?? '').startsWith(e.prefix)));
      const page = remaining.slice(0, limit);
      const truncated = remaining.length > page.length;
      const contents = page.flatMap((e) => {
        const o = e.kind === 'key' ? bucket.objects[e.key] : undefined;
        return o === undefined ? [] : [{ Key: o.key, LastModified: o.lastModified, ETag: o.etag, Size: byteLength(o.body), StorageClass: 'STANDARD' }];
      });
      const common = page.flatMap((e) => (e.kind === 'prefix' ? [{ Prefix: e.prefix }] : []));
      const result: Record<string, unknown> = { IsTruncated: truncated, Name: bucket.name, Prefix: pre ?? '', MaxKeys: maxKeys ?? MAX_KEYS, KeyCount: page.length };
      if (contents.length > 0) result['Contents'] = contents;
      if (common.length > 0) result['CommonPrefixes'] = common;
      if (delim !== undefined) result['Delimiter'] = delim;
      if (token !== undefined) result['ContinuationToken'] = token;
      if (startAfter !== undefined) result['StartAfter'] = startAfter;
      const lastEntry = page[page.length - 1];
      if (truncated && lastEntry !== undefined) result['NextContinuationToken'] = base64Encode(utf8Encode(position(lastEntry)));
      return ok(result);
    }),
};

/** ListObjectsV2 by name. */
export const LIST_OPERATIONS: Readonly<Record<string, Operation>> = { ListObjectsV2: listObjectsV2 };
