/**
 * The simulator's stand-in for function code: a declarative handler, uploaded where a real
 * deployment package would go (`Code.ZipFile`), e.g.
 *
 * ```json
 * { "steps": [{ "call": "s3:GetObject", "params": { "Bucket": "reports", "Key": "$event.key" } }], "return": "last" }
 * ```
 *
 * Each step is an AWS call the function makes with its execution role's credentials; a string
 * parameter `"$event.<path>"` takes that field of the invocation event (for an S3 notification,
 * `$event.Records.0.s3.object.key`). Parsing never throws: a bad handler is an error message.
 */
export { parseHandlerSpec, MAX_STEPS } from '../../world/lambda-records.ts';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The field of `event` a dotted path names (`Records.0.s3.object.key`), or undefined. */
export function eventField(event: unknown, path: string): unknown {
  let node: unknown = event;
  for (const part of path.split('.')) {
    if (Array.isArray(node) && /^\d+$/.test(part)) node = node[Number(part)];
    else if (isRecord(node)) node = node[part];
    else return undefined;
  }
  return node;
}

/** A step's parameters with every `"$event.<path>"` string replaced from the event (`"$event"` is the whole event). */
export function bindParams(value: unknown, event: unknown): unknown {
  if (typeof value === 'string') {
    if (value === '$event') return event;
    if (value.startsWith('$event.')) return eventField(event, value.slice('$event.'.length));
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => bindParams(v, event));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = bindParams(v, event);
    return out;
  }
  return value;
}
