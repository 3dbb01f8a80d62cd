/**
 * S3 ETags for text bodies. S3's ETag of a simple upload is the MD5 of the content in quotes;
 * ours has the same shape (32 hex digits in quotes) from four FNV-1a passes over the text
 * — equal bodies get equal ETags, which is all lessons look at, without an MD5 implementation.
 */

/** The quoted ETag of a text body. */
export function etagOf(body: string): string {
  let out = '';
  for (const seed of [0x811c9dc5, 0x01000193, 0x5bd1e995, 0x27d4eb2f]) {
    let h = seed >>> 0;
    // UTF-16 code units rather than UTF-8 bytes: no TextEncoder without the DOM lib, same purpose.
    for (let i = 0; i < body.length; i++) h = Math.imul(h ^ body.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return `"${out}"`;
}
