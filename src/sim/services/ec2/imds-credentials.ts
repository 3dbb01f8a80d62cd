/**
 * The role credentials IMDS serves: obtained by EC2 assuming the instance profile's role as
 * `ec2.amazonaws.com` with the instance id as the session name, cached on the instance, and
 * replaced before they expire — "we make new credentials available at least five minutes before
 * the expiration of the old credentials" (EC2 User Guide, "Retrieve security credentials from
 * instance metadata").
 */
import { instanceArn } from '../../world/arns.ts';
import { isoSecondsFromMs } from '../../world/clock.ts';
import type { Ec2Instance } from '../../world/ec2-types.ts';
import type { IamRole, InstanceProfileRecord } from '../../world/iam-types.ts';
import type { World } from '../../world/types.ts';
import { assumeRoleAsService } from '../sts/service-assume.ts';

/** Credentials are replaced when fewer than this many milliseconds of their life remain. */
export const ROTATE_BEFORE_MS = 5 * 60 * 1000;

/** The profile associated with an instance and the role in it (either may be missing). */
export function instanceRole(world: World, instance: Ec2Instance): { profile?: InstanceProfileRecord; role?: IamRole } {
  const a = instance.profile;
  if (a === null) return {};
  const iam = world.accounts[instance.accountId]?.iam;
  const profile = Object.values(iam?.instanceProfiles ?? {}).find((ip) => ip.arn === a.instanceProfileArn);
  const roleName = profile?.roles[0];
  const role = roleName === undefined ? undefined : iam?.roles[roleName];
  return { ...(profile === undefined ? {} : { profile }), ...(role === undefined ? {} : { role }) };
}

/** The JSON document IMDS returns for the role, success or failure. */
export type CredentialDocument = Record<string, string>;

/** Formats JSON the way IMDS does (`"Code" : "Success"`, two-space indent). */
export function imdsJson(doc: Readonly<Record<string, string>>): string {
  return JSON.stringify(doc, null, 2).replace(/^( {2}"[^"]*")(: )/gm, '$1 : ');
}

/**
 * The current credentials for the instance's role, assuming it again when there are none, they
 * are for another role, or they are about to expire. `delivery` records how they were fetched.
 */
export function currentCredentials(world: World, instance: Ec2Instance, role: IamRole, delivery: '1.0' | '2.0'): CredentialDocument {
  const now = world.clock.epochMs;
  const cache = instance.credentials;
  const session = cache === null ? undefined : world.sts.credentials[cache.accessKeyId];
  const fresh = cache !== null && session !== undefined && cache.roleArn === role.arn && now < cache.expirationMs - ROTATE_BEFORE_MS;
  if (!fresh) {
    const assumed = assumeRoleAsService(world, {
      service: 'ec2.amazonaws.com',
      roleArn: role.arn,
      sessionName: instance.instanceId,
      sourceArn: instanceArn(instance.region, instance.accountId, instance.instanceId),
      sourceAccount: instance.accountId,
      region: instance.region,
    });
    if (!assumed.ok) {
      instance.credentials = null;
      // What IMDS reports when the trust policy does not let EC2 in (IAM User Guide,
      // "Troubleshoot IAM and Amazon EC2": iam/info shows AssumeRoleUnauthorizedAccess).
      return {
        Code: 'AssumeRoleUnauthorizedAccess',
        Message: `EC2 cannot assume the role ${role.roleName}.  Please see documentation at https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html#troubleshoot_iam-ec2_errors-info-doc.`,
        LastUpdated: isoSecondsFromMs(now),
      };
    }
    const s = assumed.result.session;
    instance.credentials = { accessKeyId: s.accessKeyId, roleArn: role.arn, roleName: role.roleName, lastUpdatedMs: now, expirationMs: s.expirationMs, ec2RoleDelivery: delivery };
  }
  const c = instance.credentials;
  const s = c === null ? undefined : world.sts.credentials[c.accessKeyId];
  if (c === null || s === undefined) return { Code: 'InternalError', LastUpdated: isoSecondsFromMs(now) };
  c.ec2RoleDelivery = delivery;
  return {
    Code: 'Success',
    LastUpdated: isoSecondsFromMs(c.lastUpdatedMs),
    Type: 'AWS-HMAC',
    AccessKeyId: s.accessKeyId,
    SecretAccessKey: s.secretAccessKey,
    Token: s.sessionToken,
    Expiration: isoSecondsFromMs(s.expirationMs),
  };
}

export { ec2RoleDeliveryFor } from './role-delivery.ts';
