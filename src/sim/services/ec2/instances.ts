/**
 * Instances: RunInstances, DescribeInstances, TerminateInstances, ModifyInstanceMetadataOptions
 * (Amazon EC2 API Reference). Launching with an instance profile needs iam:PassRole for the
 * profile's role (EC2 User Guide, "IAM roles for Amazon EC2", "Permissions required to launch").
 */
import { DEFAULT_IMAGE_ID, DEFAULT_INSTANCE_TYPE, hexId, newInstance } from '../../world/ec2-records.ts';
import type { InstanceProfileRecord } from '../../world/iam-types.ts';
import { requestedRegion } from '../access.ts';
import { fail, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import { authorizedInstance, authorizeEc2, callerAccountId, findInstance, findProfile, instanceArn, instanceShape, isError, metadataOptionsShape, passProfileRole, readProfileSpec, requiredParam, stateShape, visibleInstances } from './common.ts';
import { incorrectState, invalidParameterValue } from './errors.ts';
import { metadataContext, readMetadataOptions } from './metadata-options.ts';

/** At most this many instances per RunInstances call in the simulator. */
const MAX_LAUNCH = 20;

/** MinCount / MaxCount: 1 when left out (as the CLI sends), else 1–MAX_LAUNCH. */
function count(raw: unknown): number | undefined {
  if (raw === undefined || raw === null) return 1;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= MAX_LAUNCH ? n : undefined;
}

const runInstances: Operation = {
  readOnly: false,
  run(env, p) {
    const imageRaw = p.value('ImageId');
    const imageId = typeof imageRaw === 'string' && imageRaw !== '' ? imageRaw : DEFAULT_IMAGE_ID;
    if (!/^ami-([0-9a-f]{8}|[0-9a-f]{17})$/.test(imageId)) return fail(invalidParameterValue(`Invalid id: "${imageId}" (expecting "ami-...")`));
    const typeRaw = p.value('InstanceType');
    const instanceType = typeof typeRaw === 'string' && typeRaw !== '' ? typeRaw : DEFAULT_INSTANCE_TYPE;
    const min = count(p.value('MinCount'));
    const max = count(p.value('MaxCount'));
    if (min === undefined || max === undefined || min > max) return fail(invalidParameterValue(`MinCount and MaxCount must be between 1 and ${MAX_LAUNCH}, with MinCount ≤ MaxCount.`));
    const options = readMetadataOptions(p.value('MetadataOptions'));
    if (isError(options)) return fail(options);
    const spec = readProfileSpec(p, false);
    if (isError(spec)) return fail(spec);
    const account = callerAccountId(env);
    const region = requestedRegion(env);
    const found = spec === undefined ? undefined : findProfile(env, spec);
    const tags = instanceTags(p.value('TagSpecifications'));
    const context: Record<string, string | string[]> = { 'ec2:InstanceType': instanceType, ...metadataContext(options) };
    if (tags.length > 0) context['aws:TagKeys'] = tags.map((t) => t.Key);
    for (const t of tags) context[`aws:RequestTag/${t.Key}`] = t.Value;
    const profileArn = found !== undefined && !isError(found) ? found.arn : spec?.arn;
    if (profileArn !== undefined) context['ec2:InstanceProfile'] = profileArn;
    // Authorization first; only then does EC2 say whether the profile exists, and check PassRole.
    const denied = authorizeEc2(env, 'ec2:RunInstances', instanceArn(region, account, '*'), context) ?? authorizeEc2(env, 'ec2:RunInstances', `arn:aws:ec2:${region}::image/${imageId}`, context);
    if (denied !== undefined) return fail(denied);
    if (isError(found)) return fail(found);
    const profile: InstanceProfileRecord | undefined = found;
    const passDenied = profile === undefined ? undefined : passProfileRole(env, profile);
    if (passDenied !== undefined) return fail(passDenied);
    const reservationId = hexId(env.world.ids, 'r-');
    const launched = Array.from({ length: max }, () =>
      newInstance(env.world, { accountId: account, region, reservationId, imageId, instanceType, profile: profile ?? null, metadataOptions: options, tags }),
    );
    // The response shows the instances as pending; DescribeInstances will find them running.
    const instances = launched.map((i) => ({ ...instanceShape(i), State: stateShape('pending'), MetadataOptions: metadataOptionsShape(i, 'pending') }));
    return ok({ ReservationId: reservationId, OwnerId: account, Groups: [], Instances: instances });
  },
};

/** The DescribeInstances filters the simulator understands (besides `tag:<key>`). */
const KNOWN_FILTERS = new Set(['instance-state-name', 'instance-id', 'iam-instance-profile.arn']);

/** `TagSpecifications` entries for instances, as a tag list. */
function instanceTags(raw: unknown): { Key: string; Value: string }[] {
  if (!Array.isArray(raw)) return [];
  const out: { Key: string; Value: string }[] = [];
  for (const spec of raw as { ResourceType?: unknown; Tags?: unknown }[]) {
    if (spec.ResourceType !== 'instance' || !Array.isArray(spec.Tags)) continue;
    for (const t of spec.Tags as { Key?: unknown; Value?: unknown }[]) if (typeof t.Key === 'string') out.push({ Key: t.Key, Value: typeof t.Value === 'string' ? t.Value : '' });
  }
  return out;
}

const describeInstances: Operation = {
  readOnly: true,
  run(env, p) {
    const ids = p.value('InstanceIds');
    const wanted = Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
    const denied = authorizeEc2(env, 'ec2:DescribeInstances', '*');
    if (denied !== undefined) return fail(denied);
    for (const id of wanted) {
      const found = findInstance(env, id);
      if (isError(found)) return fail(found);
    }
    const filters = Array.isArray(p.value('Filters')) ? (p.value('Filters') as { Name?: unknown; Values?: unknown }[]) : [];
    const unknown = filters.find((f) => typeof f.Name !== 'string' || !(KNOWN_FILTERS.has(f.Name) || f.Name.startsWith('tag:')));
    if (unknown !== undefined) return fail(invalidParameterValue(`The filter '${String(unknown.Name)}' is invalid`));
    const matches = visibleInstances(env)
      .filter((i) => wanted.length === 0 || wanted.includes(i.instanceId))
      .filter((i) =>
        filters.every((f) => {
          const values = Array.isArray(f.Values) ? f.Values.map(String) : [];
          if (f.Name === 'instance-state-name') return values.includes(i.state);
          if (f.Name === 'instance-id') return values.includes(i.instanceId);
          if (f.Name === 'iam-instance-profile.arn') return i.profile !== null && values.includes(i.profile.instanceProfileArn);
          if (typeof f.Name === 'string' && f.Name.startsWith('tag:')) return i.tags.some((t) => t.Key === String(f.Name).slice(4) && values.includes(t.Value));
          return true;
        }),
      );
    const reservations: Record<string, unknown>[] = [];
    for (const i of matches) {
      let r = reservations.find((x) => x['ReservationId'] === i.reservationId);
      if (r === undefined) {
        r = { ReservationId: i.reservationId, OwnerId: i.accountId, Groups: [], Instances: [] };
        reservations.push(r);
      }
      (r['Instances'] as unknown[]).push(instanceShape(i));
    }
    return ok({ Reservations: reservations });
  },
};

const terminateInstances: Operation = {
  readOnly: false,
  run(env, p) {
    const ids = p.value('InstanceIds');
    if (!Array.isArray(ids) || ids.length === 0) return fail(invalidParameterValue('The request must contain the parameter InstanceIds'));
    const out: Record<string, unknown>[] = [];
    for (const id of ids) {
      const found = authorizedInstance(env, String(id), 'ec2:TerminateInstances');
      if (isError(found)) return fail(found);
      out.push({ InstanceId: found.instanceId, PreviousState: stateShape(found.state), CurrentState: { Code: 32, Name: 'shutting-down' } });
      found.state = 'terminated';
      found.profile = null;
      found.credentials = null;
      found.imdsTokens = {};
    }
    return ok({ TerminatingInstances: out });
  },
};

const modifyInstanceMetadataOptions: Operation = {
  readOnly: false,
  run(env, p) {
    const id = requiredParam(p, 'InstanceId');
    if (isError(id)) return fail(id);
    const options = readMetadataOptions({ HttpTokens: p.value('HttpTokens') ?? undefined, HttpEndpoint: p.value('HttpEndpoint') ?? undefined, HttpPutResponseHopLimit: p.value('HttpPutResponseHopLimit') ?? undefined });
    if (isError(options)) return fail(options);
    const instance = authorizedInstance(env, id, 'ec2:ModifyInstanceMetadataOptions', metadataContext(options));
    if (isError(instance)) return fail(instance);
    if (instance.state === 'terminated') return fail(incorrectState(`The instance '${instance.instanceId}' is not in a valid state for this operation.`));
    instance.metadataOptions = { ...instance.metadataOptions, ...options };
    // Tokens issued before IMDS was turned off do not survive it.
    if (instance.metadataOptions.HttpEndpoint === 'disabled') instance.imdsTokens = {};
    return ok({ InstanceId: instance.instanceId, InstanceMetadataOptions: metadataOptionsShape(instance, 'pending') });
  },
};

/** The instance operations by name. */
export const INSTANCE_OPERATIONS: Readonly<Record<string, Operation>> = {
  RunInstances: runInstances,
  DescribeInstances: describeInstances,
  TerminateInstances: terminateInstances,
  ModifyInstanceMetadataOptions: modifyInstanceMetadataOptions,
};
