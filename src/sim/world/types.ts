/**
 * The state of a simulated AWS: plain JSON-serialisable data and nothing else.
 *
 * No classes, no Maps, no functions, no `undefined` values: a world can be snapshotted,
 * stored, sent and restored without losing anything. Services are functions over this data.
 *
 * S3 buckets (a global namespace) and EC2 instances (globally unique ids, each recording its
 * account and region) are world-level maps; Lambda functions slot in the same way. An older
 * snapshot without them restores with empty maps.
 */
import type { ClockState } from './clock.ts';
import type { IdState } from './ids.ts';
import type { IamState } from './iam-types.ts';
import type { Organization } from './org-types.ts';
import type { StsState } from './sts-types.ts';
import type { S3State } from './s3-types.ts';
import type { Ec2State } from './ec2-types.ts';
import type { LambdaState } from './lambda-types.ts';

/** The snapshot format this code writes. */
export const WORLD_FORMAT_VERSION = 1;

/** One AWS account. */
export interface Account {
  /** The 12-digit account id. */
  id: string;
  /** The account alias (sign-in URL name), or null when none is set. */
  alias: string | null;
  /** A display name, as AWS Organizations shows accounts. */
  name: string;
  /** IAM entities of the account. */
  iam: IamState;
}

/** Who made a call, as a CloudTrail `userIdentity` element shows it. */
export interface EventUserIdentity {
  /** `AWSAccount` is the role owner's copy of a cross-account AssumeRole (CloudTrail userIdentity element). */
  type: 'Root' | 'IAMUser' | 'AssumedRole' | 'FederatedUser' | 'AWSService' | 'AWSAccount' | 'SAMLUser' | 'WebIdentityUser' | 'Unknown';
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  invokedBy?: string;
  /** For SAMLUser and WebIdentityUser: the provider ARN or name. */
  identityProvider?: string;
  sessionContext?: {
    attributes: { mfaAuthenticated: 'true' | 'false'; creationDate: string };
    sessionIssuer?: { type: 'Role' | 'IAMUser' | 'Root'; principalId: string; arn: string; accountId: string; userName?: string };
    sourceIdentity?: string;
    /** For EC2 instance-profile credentials: `1.0` fetched with IMDSv1, `2.0` with IMDSv2. */
    ec2RoleDelivery?: '1.0' | '2.0';
  };
}

/** A value that can be stored in an event (JSON). */
export type EventValue = string | number | boolean | null | EventValue[] | { [key: string]: EventValue };

/**
 * One API call as it would reach CloudTrail: appended for every call, allowed or denied. The
 * CloudTrail service (a later slice) turns these into full records and answers LookupEvents.
 */
export interface WorldEvent {
  eventID: string;
  eventTime: string;
  /** `iam.amazonaws.com`, `sts.amazonaws.com`, … */
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  userIdentity: EventUserIdentity;
  requestParameters: EventValue;
  /** Null for reads and failures; secrets are never stored here. */
  responseElements: EventValue;
  errorCode?: string;
  errorMessage?: string;
  readOnly: boolean;
  /** The account whose trail receives the event. */
  recipientAccountId: string;
  /** `Data` for S3 object-level calls (logged only by trails with data-event selectors); absent means `Management`. */
  eventCategory?: 'Management' | 'Data';
  /** The resources the call touched, as CloudTrail lists them (`AWS::S3::Object`, `AWS::S3::Bucket`, …). */
  resources?: { ARN: string; accountId?: string; type: string }[];
  /**
   * Set on both copies of an event delivered to two accounts (a cross-account AssumeRole): the
   * caller's copy and the role owner's copy share it, each keeping its own eventID.
   */
  sharedEventID?: string;
  /** The request id when it is not derived from the eventID (the copies of one request share it). */
  requestID?: string;
}

/** A whole simulated AWS. */
export interface World {
  formatVersion: typeof WORLD_FORMAT_VERSION;
  /** `aws` (the simulator does not model the China or GovCloud partitions). */
  partition: 'aws';
  /** The region calls go to unless they say otherwise. */
  defaultRegion: string;
  clock: ClockState;
  ids: IdState;
  /** Accounts by id. */
  accounts: Record<string, Account>;
  organization: Organization | null;
  sts: StsState;
  /** S3 buckets (one global namespace) and account-level Block Public Access. */
  s3: S3State;
  /** EC2 instances (ids are unique across accounts and regions). */
  ec2: Ec2State;
  /** Lambda functions (keyed by ARN: names are unique per account and Region). */
  lambda: LambdaState;
  /** Every call, in order. */
  events: WorldEvent[];
}
