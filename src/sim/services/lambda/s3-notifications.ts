/**
 * S3 event notifications to Lambda (S3 User Guide, "Amazon S3 Event Notifications",
 * "Event message structure"; S3 API Reference, PutBucketNotificationConfiguration).
 *
 * PutBucketNotificationConfiguration stores `LambdaFunctionConfigurations` on the bucket after
 * checking that S3 could invoke each function — it must exist in the bucket's Region and its
 * policy must let `s3.amazonaws.com` invoke it for this bucket, else "Unable to validate the
 * following destination configurations". Afterwards every matching PutObject/DeleteObject makes
 * S3 invoke the function as the service, with `aws:SourceArn` = the bucket ARN and
 * `aws:SourceAccount` = the bucket owner. S3 bucket ARNs carry no account id, which is why a
 * function policy needs SourceAccount: a bucket of the same name in another account would
 * otherwise match it (the confused deputy).
 */
import { isoFromMs } from '../../world/clock.ts';
import type { BucketNotificationConfiguration, LambdaNotification, S3Bucket } from '../../world/s3-types.ts';
import type { World } from '../../world/types.ts';
import type { CallEnv } from '../access.ts';
import { fail, ok } from '../errors.ts';
import type { Operation, TrailNotes } from '../operation.ts';
import type { Params } from '../params.ts';
import { authorizeS3, bucketArn } from '../s3/access.ts';
import { bucketTrail, withBucket } from '../s3/common.ts';
import { invalidArgument } from '../s3/errors.ts';
import type { AwsResult, CallParams } from '../types.ts';
import { invokeAsService, serviceMayInvoke } from './invoke.ts';
import type { Invoker } from './runtime.ts';

/** The object event types S3 can send to Lambda that the simulator produces or accepts. */
export const S3_EVENT_TYPES = new Set([
  's3:ObjectCreated:*',
  's3:ObjectCreated:Put',
  's3:ObjectCreated:Post',
  's3:ObjectCreated:Copy',
  's3:ObjectCreated:CompleteMultipartUpload',
  's3:ObjectRemoved:*',
  's3:ObjectRemoved:Delete',
  's3:ObjectRemoved:DeleteMarkerCreated',
]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads one LambdaFunctionConfiguration; the reason it is invalid, or the configuration. */
function readConfiguration(raw: unknown, index: number): LambdaNotification | string {
  if (!isRecord(raw)) return 'Each LambdaFunctionConfiguration must be an object.';
  const arn = raw['LambdaFunctionArn'];
  const events = raw['Events'];
  if (typeof arn !== 'string' || !arn.startsWith('arn:aws:lambda:')) return 'LambdaFunctionArn must be a Lambda function ARN.';
  if (!Array.isArray(events) || events.length === 0 || !events.every((e) => typeof e === 'string')) return 'Events must list at least one event type.';
  const bad = (events as string[]).find((e) => !S3_EVENT_TYPES.has(e));
  if (bad !== undefined) return `The event is not supported for notifications: ${bad}`;
  const out: LambdaNotification = { Id: typeof raw['Id'] === 'string' ? raw['Id'] : `notification-${index + 1}`, LambdaFunctionArn: arn, Events: [...(events as string[])] };
  const rules = isRecord(raw['Filter']) && isRecord(raw['Filter']['Key']) ? raw['Filter']['Key']['FilterRules'] : undefined;
  if (rules !== undefined) {
    if (!Array.isArray(rules) || !rules.every((r) => isRecord(r) && (r['Name'] === 'prefix' || r['Name'] === 'suffix') && typeof r['Value'] === 'string')) {
      return 'FilterRules must be {Name: "prefix" | "suffix", Value} rules.';
    }
    out.Filter = { Key: { FilterRules: (rules as { Name: string; Value: string }[]).map((r) => ({ Name: r.Name, Value: r.Value })) } };
  }
  return out;
}

function putNotification(env: CallEnv, p: Params, trail: TrailNotes): AwsResult<unknown> {
  return withBucket(env, p, (bucket) => {
    const raw = p.value('NotificationConfiguration');
    bucketTrail(trail, bucket, { NotificationConfiguration: raw ?? null });
    const denied = authorizeS3(env, bucket, 's3:PutBucketNotification', bucketArn(bucket.name));
    if (denied !== undefined) return fail(denied);
    if (!isRecord(raw)) return fail(invalidArgument('NotificationConfiguration is required'));
    for (const other of ['TopicConfigurations', 'QueueConfigurations', 'EventBridgeConfiguration']) {
      if (raw[other] !== undefined && !(Array.isArray(raw[other]) && raw[other].length === 0)) return fail(invalidArgument(`${other} are not simulated; use LambdaFunctionConfigurations.`));
    }
    const list = raw['LambdaFunctionConfigurations'] ?? [];
    if (!Array.isArray(list)) return fail(invalidArgument('LambdaFunctionConfigurations must be a list.'));
    const configs: LambdaNotification[] = [];
    for (const [i, item] of list.entries()) {
      const c = readConfiguration(item, i);
      if (typeof c === 'string') return fail(invalidArgument(c));
      configs.push(c);
    }
    // S3 tests each destination before saving (S3 User Guide, "Granting permissions to invoke an AWS Lambda function").
    const who = { service: 's3.amazonaws.com', sourceArn: bucketArn(bucket.name), sourceAccount: bucket.ownerAccountId };
    const unreachable = configs.filter((c) => {
      const fn = env.world.lambda.functions[c.LambdaFunctionArn.replace(/:(\$LATEST)$/, '')];
      return fn === undefined || fn.region !== bucket.region || !serviceMayInvoke(env.world, fn, who);
    });
    if (unreachable.length > 0) return fail(invalidArgument(`Unable to validate the following destination configurations: ${unreachable.map((c) => c.LambdaFunctionArn).join(', ')}`));
    if (configs.length === 0) delete bucket.notificationConfiguration;
    else bucket.notificationConfiguration = { LambdaFunctionConfigurations: configs };
    return ok({});
  });
}

function getNotification(env: CallEnv, p: Params, trail: TrailNotes): AwsResult<unknown> {
  return withBucket(env, p, (bucket) => {
    bucketTrail(trail, bucket, { notification: '' });
    const denied = authorizeS3(env, bucket, 's3:GetBucketNotification', bucketArn(bucket.name));
    if (denied !== undefined) return fail(denied);
    const c: BucketNotificationConfiguration | undefined = bucket.notificationConfiguration;
    return ok(c === undefined ? {} : JSON.parse(JSON.stringify(c)));
  });
}

/** The notification operations, added to S3's table by call.ts. */
export const NOTIFICATION_OPERATIONS: Readonly<Record<string, Operation>> = {
  PutBucketNotificationConfiguration: { readOnly: false, allowsAnonymous: true, run: (env, p, trail) => putNotification(env, p, trail) },
  GetBucketNotificationConfiguration: { readOnly: true, allowsAnonymous: true, run: (env, p, trail) => getNotification(env, p, trail) },
};

/** True when a configured event type (`s3:ObjectCreated:*`) covers the event (`ObjectCreated:Put`). */
function covers(configured: string, eventName: string): boolean {
  const c = configured.replace(/^s3:/, '');
  return c.endsWith(':*') ? eventName.startsWith(c.slice(0, -1)) : c === eventName;
}

function keyMatches(c: LambdaNotification, key: string): boolean {
  return (c.Filter?.Key.FilterRules ?? []).every((r) => (r.Name === 'prefix' ? key.startsWith(r.Value) : key.endsWith(r.Value)));
}

/** The event message S3 sends (version 2.1); keys are shown as written, not URL-encoded. */
function s3EventMessage(world: World, bucket: S3Bucket, key: string, eventName: string, configurationId: string, principalId: string): Record<string, unknown> {
  const object = bucket.objects[key];
  const obj: Record<string, unknown> = { key, sequencer: world.clock.epochMs.toString(16).toUpperCase().padStart(16, '0') };
  if (object !== undefined) {
    obj['size'] = object.body.length;
    obj['eTag'] = object.etag.replaceAll('"', '');
  }
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: bucket.region,
        eventTime: isoFromMs(world.clock.epochMs),
        eventName,
        userIdentity: { principalId },
        s3: { s3SchemaVersion: '1.0', configurationId, bucket: { name: bucket.name, ownerIdentity: { principalId: bucket.ownerAccountId }, arn: bucketArn(bucket.name) }, object: obj },
      },
    ],
  };
}

/**
 * Called by `callAws` after a successful S3 call: a PutObject or DeleteObject on a bucket with
 * matching notifications makes S3 invoke each function. Never throws.
 */
export function afterS3Call(world: World, operation: string, params: CallParams, principalId: string, invoke: Invoker): void {
  const eventName = operation === 'PutObject' ? 'ObjectCreated:Put' : operation === 'DeleteObject' ? 'ObjectRemoved:Delete' : undefined;
  const name = params['Bucket'];
  const key = params['Key'];
  if (eventName === undefined || typeof name !== 'string' || typeof key !== 'string') return;
  const bucket = world.s3.buckets[name];
  const configs = bucket?.notificationConfiguration?.LambdaFunctionConfigurations ?? [];
  if (bucket === undefined) return;
  for (const c of configs) {
    if (!c.Events.some((e) => covers(e, eventName)) || !keyMatches(c, key)) continue;
    const fn = world.lambda.functions[c.LambdaFunctionArn];
    if (fn === undefined) continue;
    const message = s3EventMessage(world, bucket, key, eventName, c.Id, principalId);
    invokeAsService(world, fn, { service: 's3.amazonaws.com', sourceArn: bucketArn(bucket.name), sourceAccount: bucket.ownerAccountId }, message, invoke);
  }
}
