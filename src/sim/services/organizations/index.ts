/**
 * The simulated AWS Organizations: the tree (root, OUs, accounts), SCPs and RCPs with their
 * attachments, and the policies in force for an account that `access.ts` hands to `authorize()`.
 */
import type { ServiceDefinition } from '../operation.ts';
import { ATTACHMENT_OPERATIONS } from './attachments.ts';
import { POLICY_OPERATIONS } from './policies.ts';
import { STRUCTURE_OPERATIONS } from './structure.ts';

/**
 * Organizations: every operation the simulator implements. Its endpoint is global, so its
 * events are in us-east-1.
 */
export const ORGANIZATIONS_SERVICE: ServiceDefinition = {
  eventSource: 'organizations.amazonaws.com',
  operations: { ...STRUCTURE_OPERATIONS, ...POLICY_OPERATIONS, ...ATTACHMENT_OPERATIONS },
};

export { rcpsFor, policiesByLevel, orgLevels } from './effective.ts';
export { checkOrgPolicyContent } from './policies.ts';
export { MAX_POLICIES_PER_TARGET } from './attachments.ts';
