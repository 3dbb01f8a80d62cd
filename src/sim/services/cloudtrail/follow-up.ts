/**
 * What CloudTrail does with an event after the call is logged, before anyone looks it up:
 *
 * - A cross-account AssumeRole is delivered to both accounts. The caller's account keeps the
 *   event as logged; the role owner's account receives a copy whose `userIdentity` is of type
 *   `AWSAccount` (the calling account and principal id), and both copies carry the same
 *   `sharedEventID` (CloudTrail User Guide, "CloudTrail userIdentity element", AWSAccount;
 *   "CloudTrail record contents", sharedEventID: "events delivered to multiple accounts").
 * - Lambda's management events carry the API version in their name, as CloudTrail shows them
 *   (Lambda Developer Guide, "Logging AWS Lambda API calls using AWS CloudTrail":
 *   `CreateFunction20150331`, `AddPermission20150331v2`, …).
 */
import { hashText, idStateFromSeed, uuid } from '../../world/ids.ts';
import type { World, WorldEvent } from '../../world/types.ts';

/** Lambda operations whose CloudTrail event name carries the API version. */
export const LAMBDA_EVENT_NAMES: Readonly<Record<string, string>> = {
  CreateFunction: 'CreateFunction20150331',
  GetFunction: 'GetFunction20150331v2',
  GetFunctionConfiguration: 'GetFunctionConfiguration20150331v2',
  DeleteFunction: 'DeleteFunction20150331',
  ListFunctions: 'ListFunctions20150331',
  AddPermission: 'AddPermission20150331v2',
  RemovePermission: 'RemovePermission20150331v2',
  GetPolicy: 'GetPolicy20150331v2',
};

/** The account of the role an AssumeRole event names, when it names one. */
function roleAccountOf(event: WorldEvent): string | undefined {
  const p = event.requestParameters;
  if (p === null || typeof p !== 'object' || Array.isArray(p)) return undefined;
  const arn = p['roleArn'];
  if (typeof arn !== 'string') return undefined;
  const account = arn.split(':')[4];
  return account === undefined || !/^\d{12}$/.test(account) ? undefined : account;
}

/**
 * Applies CloudTrail's delivery rules to an event just logged by `callAws`; may append the role
 * owner's copy of a cross-account AssumeRole.
 */
export function trailFollowUp(world: World, event: WorldEvent): void {
  if (event.eventSource === 'lambda.amazonaws.com') event.eventName = LAMBDA_EVENT_NAMES[event.eventName] ?? event.eventName;
  if (event.eventSource !== 'sts.amazonaws.com' || event.eventName !== 'AssumeRole') return;
  const owner = roleAccountOf(event);
  if (owner === undefined || owner === event.recipientAccountId || world.accounts[owner] === undefined || event.recipientAccountId === '') return;
  const shared = uuid(idStateFromSeed(hashText(`shared:${event.eventID}`)));
  event.sharedEventID = shared;
  const caller = event.userIdentity;
  const copy: WorldEvent = {
    ...event,
    eventID: uuid(idStateFromSeed(hashText(`copy:${event.eventID}`))),
    userIdentity: { type: 'AWSAccount', ...(caller.principalId === undefined ? {} : { principalId: caller.principalId }), ...(caller.accountId === undefined ? {} : { accountId: caller.accountId }) },
    recipientAccountId: owner,
    sharedEventID: shared,
  };
  world.events.push(JSON.parse(JSON.stringify(copy)) as WorldEvent);
}
