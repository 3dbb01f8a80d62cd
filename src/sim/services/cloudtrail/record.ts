/**
 * From a logged call (`WorldEvent`) to the record CloudTrail delivers, with the fields and the
 * field order of the CloudTrail User Guide, "CloudTrail record contents for management, data,
 * and network activity events" (eventVersion 1.08). Also the summary fields LookupEvents shows
 * beside the record (Username, Resources), which AWS derives from the record.
 */
import { hashText, idStateFromSeed, uuid } from '../../world/ids.ts';
import type { EventValue, WorldEvent } from '../../world/types.ts';

export { hashText } from '../../world/ids.ts';

/** One resource of an event as LookupEvents lists it. */
export interface LookupResource {
  ResourceType: string;
  ResourceName: string;
}

/** The request id of an event: given, or derived from the (shared) event id so it never changes. */
export function requestIdOf(event: WorldEvent): string {
  if (event.requestID !== undefined) return event.requestID;
  return uuid(idStateFromSeed(hashText(`request:${event.sharedEventID ?? event.eventID}`)));
}

/** True unless the event is a data event (S3 object calls, Lambda Invoke). */
export function isManagementEvent(event: WorldEvent): boolean {
  return event.eventCategory !== 'Data';
}

function str(v: EventValue | undefined): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * The resources of an event: those the service noted, or for AssumeRole the role (CloudTrail
 * User Guide, "AWS STS API calls": `resources [{ARN, accountId, type: "AWS::IAM::Role"}]`).
 */
export function resourcesOf(event: WorldEvent): { ARN: string; accountId?: string; type: string }[] | undefined {
  if (event.resources !== undefined) return event.resources;
  const params = event.requestParameters;
  if (event.eventSource === 'sts.amazonaws.com' && event.eventName.startsWith('AssumeRole') && params !== null && typeof params === 'object' && !Array.isArray(params)) {
    const arn = str(params['roleArn']);
    const account = arn?.split(':')[4];
    if (arn !== undefined) return [{ ARN: arn, ...(account === undefined || account === '' ? {} : { accountId: account }), type: 'AWS::IAM::Role' }];
  }
  return undefined;
}

/** Request parameters that name a resource, and the resource type each names (for Event history's Resources). */
const NAMED_PARAMS: readonly (readonly [string, string])[] = [
  ['roleName', 'AWS::IAM::Role'],
  ['userName', 'AWS::IAM::User'],
  ['groupName', 'AWS::IAM::Group'],
  ['policyArn', 'AWS::IAM::Policy'],
  ['instanceProfileName', 'AWS::IAM::InstanceProfile'],
  ['functionName', 'AWS::Lambda::Function'],
  ['policyId', 'AWS::Organizations::Policy'],
];

/**
 * The Resources LookupEvents lists for an event: the record's resources, plus the resources its
 * parameters name (Event history shows an IAM user or role by name).
 */
export function lookupResources(event: WorldEvent): LookupResource[] {
  const out: LookupResource[] = (resourcesOf(event) ?? []).map((r) => ({ ResourceType: r.type, ResourceName: r.ARN }));
  const params = event.requestParameters;
  if (params !== null && typeof params === 'object' && !Array.isArray(params)) {
    for (const [key, type] of NAMED_PARAMS) {
      const name = str(params[key]);
      if (name !== undefined && !out.some((r) => r.ResourceType === type && r.ResourceName === name)) out.push({ ResourceType: type, ResourceName: name });
    }
  }
  return out;
}

/**
 * The user name Event history shows: the IAM user's name, `root`, or the session name of a role
 * session or federated user; absent for services and other accounts.
 */
export function usernameOf(event: WorldEvent): string | undefined {
  const id = event.userIdentity;
  switch (id.type) {
    case 'IAMUser':
    case 'SAMLUser':
    case 'WebIdentityUser':
      return id.userName;
    case 'Root':
      return 'root';
    case 'AssumedRole':
    case 'FederatedUser':
      return id.arn?.slice(id.arn.lastIndexOf('/') + 1);
    default:
      return undefined;
  }
}

/** The TLS details CloudTrail records: the host the client sent the request to. */
function tlsDetails(event: WorldEvent): Record<string, string> | undefined {
  if (event.userIdentity.type === 'AWSService' || event.userIdentity.type === 'AWSAccount') return undefined;
  const service = event.eventSource.replace(/\.amazonaws\.com$/, '');
  const global = service === 'iam' || service === 'organizations';
  return { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: global ? event.eventSource : `${service}.${event.awsRegion}.amazonaws.com` };
}

/** The full CloudTrail record of an event, as a plain object in CloudTrail's field order. */
export function cloudTrailRecord(event: WorldEvent): Record<string, unknown> {
  const record: Record<string, unknown> = {
    eventVersion: '1.08',
    userIdentity: event.userIdentity,
    eventTime: event.eventTime,
    eventSource: event.eventSource,
    eventName: event.eventName,
    awsRegion: event.awsRegion,
    sourceIPAddress: event.sourceIPAddress,
    userAgent: event.userAgent,
  };
  if (event.errorCode !== undefined) record['errorCode'] = event.errorCode;
  if (event.errorMessage !== undefined) record['errorMessage'] = event.errorMessage;
  record['requestParameters'] = event.requestParameters;
  record['responseElements'] = event.responseElements;
  record['requestID'] = requestIdOf(event);
  record['eventID'] = event.eventID;
  record['readOnly'] = event.readOnly;
  const resources = resourcesOf(event);
  if (resources !== undefined) record['resources'] = resources;
  record['eventType'] = 'AwsApiCall';
  record['managementEvent'] = isManagementEvent(event);
  record['recipientAccountId'] = event.recipientAccountId;
  if (event.sharedEventID !== undefined) record['sharedEventID'] = event.sharedEventID;
  record['eventCategory'] = event.eventCategory ?? 'Management';
  const tls = tlsDetails(event);
  if (tls !== undefined) record['tlsDetails'] = tls;
  return record;
}
