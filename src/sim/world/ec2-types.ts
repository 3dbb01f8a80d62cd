/**
 * Amazon EC2 state: instances with their instance-profile association, their metadata options
 * and what their instance metadata service (IMDS) holds — session tokens and the cached role
 * credentials EC2 rotates (EC2 User Guide, "Instance metadata and user data", "IAM roles for
 * Amazon EC2"). Instance ids are unique across the world, so one world-level map holds them all.
 */

/** The instance metadata options (ModifyInstanceMetadataOptions). */
export interface InstanceMetadataOptions {
  /** `required` means IMDSv2 only: a session token is needed for every GET. */
  HttpTokens: 'optional' | 'required';
  /** `disabled` turns the metadata service off: every request gets 403. */
  HttpEndpoint: 'enabled' | 'disabled';
  /** How many network hops the token PUT response may travel (1–64, default 1). */
  HttpPutResponseHopLimit: number;
}

/** An instance's association with an instance profile. */
export interface InstanceProfileAssociation {
  /** `iip-assoc-` + 17 hex digits. */
  associationId: string;
  instanceProfileArn: string;
  instanceProfileId: string;
}

/** Role credentials EC2 obtained for the instance and serves through IMDS until it rotates them. */
export interface ImdsCredentialCache {
  /** The STS access key id (the session itself lives in `world.sts.credentials`). */
  accessKeyId: string;
  roleArn: string;
  roleName: string;
  /** When IMDS last refreshed them (`LastUpdated`). */
  lastUpdatedMs: number;
  expirationMs: number;
  /**
   * How the credentials were last fetched: `1.0` without a token (IMDSv1), `2.0` with one. CloudTrail
   * shows it as `sessionContext.ec2RoleDelivery` on calls made with them.
   */
  ec2RoleDelivery: '1.0' | '2.0';
}

/** One EC2 instance. */
export interface Ec2Instance {
  instanceId: string;
  /** The reservation (one RunInstances call) the instance was launched in: `r-…`. */
  reservationId: string;
  accountId: string;
  region: string;
  imageId: string;
  instanceType: string;
  state: 'pending' | 'running' | 'stopped' | 'terminated';
  launchTime: string;
  privateIpAddress: string;
  /** The public IP: `aws:SourceIp` of calls made from the instance. */
  publicIpAddress: string;
  tags: { Key: string; Value: string }[];
  profile: InstanceProfileAssociation | null;
  metadataOptions: InstanceMetadataOptions;
  /** IMDSv2 session tokens issued to this instance: token → expiry (ms). */
  imdsTokens: Record<string, number>;
  credentials: ImdsCredentialCache | null;
}

/** All of EC2 in a world. */
export interface Ec2State {
  /** Instances by id. */
  instances: Record<string, Ec2Instance>;
}

/** An empty EC2. */
export function emptyEc2State(): Ec2State {
  return { instances: {} };
}

/** The metadata options an instance gets when the launch does not say (EC2 API Reference, InstanceMetadataOptionsRequest). */
export function defaultMetadataOptions(): InstanceMetadataOptions {
  return { HttpTokens: 'optional', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 };
}
