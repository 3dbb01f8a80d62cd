/**
 * Names used in explanations and messages: AWS's names for policy types (as AccessDenied messages
 * spell them), friendly names for resource policies, and how to address the caller.
 */
import type { Caller } from './caller.ts';
import type { ResourceSideKind } from './case.ts';
import type { PolicySource } from './types.ts';

/** The policy type as AWS names it in AccessDenied messages (IAM "Troubleshoot access denied"). */
export const POLICY_TYPE: Readonly<Record<PolicySource, string>> = {
  scp: 'service control policy',
  rcp: 'resource control policy',
  resource: 'resource-based policy',
  trust: 'role trust policy',
  identity: 'identity-based policy',
  boundary: 'permissions boundary',
  session: 'session policy',
};

/** What learners call the resource's policy: "bucket policy", "key policy", "trust policy"… */
export function sideName(kind: ResourceSideKind): string {
  switch (kind) {
    case 's3-bucket':
      return 'bucket policy';
    case 'kms-key':
      return 'key policy';
    case 'role-trust':
      return 'trust policy';
    case 'lambda-function':
      return 'function policy';
    case 'sqs-queue':
      return 'queue policy';
    default:
      return 'resource-based policy';
  }
}

/** How to refer to the caller as an object ("names your role"). */
export function callerObject(caller: Caller): string {
  switch (caller.type) {
    case 'IAMUser':
      return 'your user';
    case 'AssumedRole':
      return 'your role';
    case 'FederatedUser':
      return 'your federated user';
    case 'Root':
      return 'your account';
    case 'AWSService':
      return `the service ${caller.arn}`;
    case 'Anonymous':
      return 'anonymous callers';
    default:
      return `your identity provider (${caller.arn})`;
  }
}

/** Where a statement trace comes from, as a phrase ("the identity-based policy #2"). */
export function whereText(source: PolicySource, policyIndex: number, sid: string | undefined, side: ResourceSideKind): string {
  const sidText = sid === undefined ? '' : ` (Sid ${sid})`;
  switch (source) {
    case 'identity':
      return `the identity-based policy #${policyIndex + 1}${sidText}`;
    case 'scp':
      return `the service control policy at level ${policyIndex + 1}${sidText}`;
    case 'rcp':
      return `the resource control policy at level ${policyIndex + 1}${sidText}`;
    case 'resource':
    case 'trust':
      return `the ${sideName(side)}${sidText}`;
    case 'boundary':
      return `the permissions boundary${sidText}`;
    case 'session':
      return `the session policy${sidText}`;
  }
}
