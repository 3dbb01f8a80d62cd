/**
 * Helpers the EC2 operations share: instance ARNs, authorization with EC2's error, reading the
 * `IamInstanceProfile` parameter, finding instances and associations of the caller's account in
 * the requested region, and the shapes DescribeInstances returns.
 */
import { instanceArn } from '../../world/arns.ts';
import type { Ec2Instance } from '../../world/ec2-types.ts';
import type { InstanceProfileRecord } from '../../world/iam-types.ts';
import type { CallEnv } from '../access.ts';
import { checkAccess, requestedRegion } from '../access.ts';
import { checkPassRole } from '../iam/pass-role.ts';
import type { Params } from '../params.ts';
import type { AwsError } from '../types.ts';
import { instanceNotFound, invalidParameterValue, malformedInstanceId, missingParameter, unauthorizedOperation } from './errors.ts';

// Defined with the other ARNs so that code reading instance credentials need not load EC2.
export { instanceArn };

/** The caller's account (EC2 calls are always signed, so never anonymous here). */
export function callerAccountId(env: CallEnv): string {
  return env.caller.kind === 'anonymous' ? '' : env.caller.accountId;
}

/** Authorizes an EC2 action; UnauthorizedOperation with the decision's sentence, or undefined. */
export function authorizeEc2(env: CallEnv, action: string, resource: string, context: Record<string, string | string[]> = {}): AwsError | undefined {
  const outcome = checkAccess(env, { action, resource, context });
  return outcome.allowed ? undefined : unauthorizedOperation(outcome.error?.message);
}

/** iam:PassRole for the profile's role, answered as EC2 answers it (UnauthorizedOperation). */
export function passProfileRole(env: CallEnv, profile: InstanceProfileRecord): AwsError | undefined {
  const roleName = profile.roles[0];
  if (roleName === undefined) return undefined;
  const role = env.world.accounts[callerAccountId(env)]?.iam.roles[roleName];
  if (role === undefined) return undefined;
  // EC2 checks that the caller may pass the role to EC2 (EC2 User Guide, "IAM roles for Amazon EC2").
  const denied = checkPassRole(env, role.arn, 'ec2.amazonaws.com');
  return denied === undefined ? undefined : unauthorizedOperation(denied.message);
}

/** A required string parameter. */
export function requiredParam(p: Params, name: string): string | AwsError {
  const v = p.value(name);
  if (v === undefined || v === null || v === '') return missingParameter(name);
  if (typeof v !== 'string') return invalidParameterValue(`Invalid value for parameter ${name}`);
  return v;
}

/** True for errors (as opposed to values) returned by the readers here. */
export function isError(v: unknown): v is AwsError {
  return typeof v === 'object' && v !== null && 'code' in v && 'httpStatus' in v;
}

/** `IamInstanceProfile` ({Name} or {Arn}) resolved in the caller's account. */
export function readProfileSpec(p: Params, required: boolean): { name?: string; arn?: string } | undefined | AwsError {
  const raw = p.value('IamInstanceProfile');
  if (raw === undefined || raw === null) return required ? missingParameter('IamInstanceProfile') : undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) return invalidParameterValue('Invalid value for parameter IamInstanceProfile');
  const { Name, Arn } = raw as { Name?: unknown; Arn?: unknown };
  const out: { name?: string; arn?: string } = {};
  if (typeof Name === 'string' && Name !== '') out.name = Name;
  if (typeof Arn === 'string' && Arn !== '') out.arn = Arn;
  if (out.name === undefined && out.arn === undefined) return missingParameter('IamInstanceProfile.Name or IamInstanceProfile.Arn');
  return out;
}

/** Finds the instance profile a spec names, with EC2's message when there is none. */
export function findProfile(env: CallEnv, spec: { name?: string; arn?: string }): InstanceProfileRecord | AwsError {
  const profiles = Object.values(env.world.accounts[callerAccountId(env)]?.iam.instanceProfiles ?? {});
  if (spec.arn !== undefined) {
    const byArn = profiles.find((ip) => ip.arn === spec.arn);
    if (byArn === undefined || (spec.name !== undefined && byArn.instanceProfileName !== spec.name)) {
      return invalidParameterValue(`Value (${spec.arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN`);
    }
    return byArn;
  }
  const byName = profiles.find((ip) => ip.instanceProfileName === spec.name);
  return byName ?? invalidParameterValue(`Value (${spec.name ?? ''}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name`);
}

/** An instance id as EC2 checks its format. */
export function validInstanceId(id: string): boolean {
  return /^i-([0-9a-f]{8}|[0-9a-f]{17})$/.test(id);
}

/** The caller's instances in the requested region. */
export function visibleInstances(env: CallEnv): Ec2Instance[] {
  const account = callerAccountId(env);
  const region = requestedRegion(env);
  return Object.values(env.world.ec2.instances).filter((i) => i.accountId === account && i.region === region);
}

/**
 * The instance's tags as condition keys, `aws:ResourceTag/<key>` and `ec2:ResourceTag/<key>`
 * (Service Authorization Reference for Amazon EC2: instance actions support both).
 */
export function instanceTagContext(instance: Ec2Instance | undefined): Record<string, string> {
  const ctx: Record<string, string> = {};
  for (const { Key, Value } of instance?.tags ?? []) {
    ctx[`aws:ResourceTag/${Key}`] = Value;
    ctx[`ec2:ResourceTag/${Key}`] = Value;
  }
  return ctx;
}

/**
 * Authorizes `action` on the instance a request names, then finds it: authorization comes
 * first, so a caller without permission learns nothing about which instances exist. The
 * instance's tags are in the request context, so tag conditions work.
 */
export function authorizedInstance(env: CallEnv, id: string, action: string, context: Record<string, string | string[]> = {}): Ec2Instance | AwsError {
  if (!validInstanceId(id)) return malformedInstanceId(id);
  const existing = visibleInstances(env).find((i) => i.instanceId === id);
  const denied = authorizeEc2(env, action, instanceArn(requestedRegion(env), callerAccountId(env), id), { ...instanceTagContext(existing), ...context });
  return denied ?? findInstance(env, id);
}

/** Finds an instance of the caller's account in the requested region. */
export function findInstance(env: CallEnv, id: string): Ec2Instance | AwsError {
  if (!validInstanceId(id)) return malformedInstanceId(id);
  return visibleInstances(env).find((i) => i.instanceId === id) ?? instanceNotFound(id);
}

const STATE_CODES: Record<Ec2Instance['state'], number> = { pending: 0, running: 16, terminated: 48, stopped: 80 };

/** `{Code, Name}` of an instance state. */
export function stateShape(state: Ec2Instance['state']): { Code: number; Name: string } {
  return { Code: STATE_CODES[state], Name: state };
}

/** The metadata options as the API shows them. */
export function metadataOptionsShape(i: Ec2Instance, state: 'applied' | 'pending'): Record<string, unknown> {
  return { State: state, ...i.metadataOptions, HttpProtocolIpv6: 'disabled', InstanceMetadataTags: 'disabled' };
}

/** An instance as DescribeInstances shows it. */
export function instanceShape(i: Ec2Instance): Record<string, unknown> {
  const out: Record<string, unknown> = {
    InstanceId: i.instanceId,
    ImageId: i.imageId,
    InstanceType: i.instanceType,
    State: stateShape(i.state),
    LaunchTime: i.launchTime,
    Placement: { AvailabilityZone: `${i.region}a`, Tenancy: 'default' },
    PrivateIpAddress: i.privateIpAddress,
    PrivateDnsName: `ip-${i.privateIpAddress.replaceAll('.', '-')}.ec2.internal`,
    MetadataOptions: metadataOptionsShape(i, 'applied'),
  };
  if (i.state !== 'terminated') out['PublicIpAddress'] = i.publicIpAddress;
  if (i.profile !== null) out['IamInstanceProfile'] = { Arn: i.profile.instanceProfileArn, Id: i.profile.instanceProfileId };
  if (i.tags.length > 0) out['Tags'] = i.tags.map((t) => ({ ...t }));
  return out;
}
