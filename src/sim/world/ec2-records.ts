/**
 * New EC2 records, shared by the seed builder and RunInstances so a seeded instance and a
 * launched one look alike. Addresses are deterministic: public IPs come from the documentation
 * ranges (TEST-NET-2, then TEST-NET-1), private ones from the default VPC's 172.31.0.0/16.
 */
import { isoFromMs } from './clock.ts';
import { defaultMetadataOptions } from './ec2-types.ts';
import type { Ec2Instance, InstanceMetadataOptions, InstanceProfileAssociation } from './ec2-types.ts';
import type { InstanceProfileRecord } from './iam-types.ts';
import { instanceId } from './ids.ts';
import type { IdState } from './ids.ts';
import type { World } from './types.ts';

/** The image instances launch from when nobody says (an Amazon Linux 2023 AMI id). */
export const DEFAULT_IMAGE_ID = 'ami-0453ec754f44f9a4a';
/** The instance type RunInstances uses when InstanceType is left out. */
export const DEFAULT_INSTANCE_TYPE = 'm1.small';

/** An id of the `<prefix>-` + 17 hex digits family (`iip-assoc-…`, `r-…`). */
export function hexId(ids: IdState, prefix: string): string {
  return prefix + instanceId(ids).slice(2);
}

/** A profile association record for `profile`. */
export function newAssociation(world: World, profile: InstanceProfileRecord): InstanceProfileAssociation {
  return { associationId: hexId(world.ids, 'iip-assoc-'), instanceProfileArn: profile.arn, instanceProfileId: profile.instanceProfileId };
}

/** What a new instance is made of; everything else is generated. */
export interface NewInstanceFields {
  accountId: string;
  region: string;
  id?: string;
  reservationId?: string;
  imageId?: string;
  instanceType?: string;
  profile?: InstanceProfileRecord | null;
  metadataOptions?: Partial<InstanceMetadataOptions>;
  tags?: { Key: string; Value: string }[];
}

/** Creates a running instance and adds it to the world. */
export function newInstance(world: World, f: NewInstanceFields): Ec2Instance {
  const n = Object.keys(world.ec2.instances).length;
  const id = f.id ?? instanceId(world.ids);
  const instance: Ec2Instance = {
    instanceId: id,
    reservationId: f.reservationId ?? hexId(world.ids, 'r-'),
    accountId: f.accountId,
    region: f.region,
    imageId: f.imageId ?? DEFAULT_IMAGE_ID,
    instanceType: f.instanceType ?? DEFAULT_INSTANCE_TYPE,
    state: 'running',
    launchTime: isoFromMs(world.clock.epochMs).replace(/\.\d{3}Z$/, '.000Z'),
    privateIpAddress: `172.31.${16 + Math.floor(n / 250)}.${10 + (n % 250)}`,
    publicIpAddress: n < 240 ? `198.51.100.${10 + n}` : `192.0.2.${10 + (n % 240)}`,
    tags: [...(f.tags ?? [])],
    profile: f.profile === undefined || f.profile === null ? null : newAssociation(world, f.profile),
    metadataOptions: { ...defaultMetadataOptions(), ...f.metadataOptions },
    imdsTokens: {},
    credentials: null,
  };
  world.ec2.instances[id] = instance;
  return instance;
}
