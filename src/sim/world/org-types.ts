/**
 * AWS Organizations' state: the tree of OUs, which account sits where, and the policies
 * (SCPs, RCPs) attached to each node. The Organizations service (a later slice) edits it; IAM
 * and STS read it to find the SCPs that apply to a caller.
 */

/** The Organizations policy types the simulator knows. */
export type OrgPolicyType = 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';

/** An organizational unit. */
export interface OrganizationalUnit {
  id: string;
  name: string;
  arn: string;
  /** The root id or another OU's id. */
  parentId: string;
}

/** An SCP or RCP. */
export interface OrgPolicy {
  id: string;
  name: string;
  type: OrgPolicyType;
  /** The document text. */
  content: string;
  /** True for FullAWSAccess / RCPFullAWSAccess, which AWS manages. */
  awsManaged: boolean;
  /** The description given to CreatePolicy (absent in older snapshots: read as ""). */
  description?: string;
}

/** An organization. */
export interface Organization {
  id: string;
  arn: string;
  managementAccountId: string;
  rootId: string;
  ous: Record<string, OrganizationalUnit>;
  /** Account id → the id of its parent (root or OU). Every member account appears here. */
  accountParents: Record<string, string>;
  policies: Record<string, OrgPolicy>;
  /** Target id (root, OU or account) → attached policy ids. */
  attachments: Record<string, string[]>;
  /** Policy types enabled on the root; SCPs apply only when enabled. */
  enabledPolicyTypes: OrgPolicyType[];
}
