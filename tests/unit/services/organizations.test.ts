/**
 * AWS Organizations against the API Reference and the Organizations User Guide:
 * - https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreatePolicy.html (and AttachPolicy, DetachPolicy, …)
 * - https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
 *   (SCPs never grant; every level must allow; no effect on the management account)
 * - https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
 *   (RCPFullAWSAccess everywhere and not detachable; customer RCPs deny only, Principal "*")
 * - https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html (5 per target, 5,120 characters)
 */
import { describe, expect, it } from 'vitest';
import { createWorld, snapshot } from '../../../src/sim/world/index.ts';
import type { World, WorldSeed } from '../../../src/sim/world/index.ts';
import { callAws } from '../../../src/sim/services/index.ts';
import { codeOf, expectOk } from './fixtures.ts';

const MGMT = '111111111111';
const PROD = '222222222222';
const SANDBOX = '333333333333';
const OUTSIDE = '444444444444';
const K = {
  mgmt: { accessKeyId: 'AKIAMGMTMGMTMGMTMGM1' },
  prod: { accessKeyId: 'AKIAPRODPRODPRODPRO1' },
  sandbox: { accessKeyId: 'AKIASANDSANDSANDSAN1' },
  outside: { accessKeyId: 'AKIAOUTSOUTSOUTSOUT1' },
};
const admin = (key: { accessKeyId: string }) => ({ name: 'admin', managedPolicies: ['AdministratorAccess'], accessKeys: [key] });
const doc = (st: Record<string, unknown>[]): string => JSON.stringify({ Version: '2012-10-17', Statement: st });
const DENY_S3 = doc([{ Effect: 'Deny', Action: 's3:*', Resource: '*' }]);

const SEED: WorldSeed = {
  accounts: [
    { id: MGMT, alias: 'corp-mgmt', users: [admin(K.mgmt)] },
    { id: PROD, alias: 'corp-prod', users: [admin(K.prod)], buckets: [{ name: 'prod-data', objects: { 'a.txt': 'hi' }, policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OUTSIDE}:root` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::prod-data/*' }] } }] },
    { id: SANDBOX, alias: 'corp-sandbox', users: [admin(K.sandbox)] },
    { id: OUTSIDE, alias: 'partner', users: [admin(K.outside)] },
  ],
  organization: {
    managementAccount: MGMT,
    members: [PROD, SANDBOX],
    ous: [{ name: 'Workloads' }, { name: 'Prod', parent: 'Workloads', accounts: [PROD] }, { name: 'Sandbox', accounts: [SANDBOX] }],
    scpEnabled: true,
  },
};

function world(): World {
  return createWorld(SEED);
}

function org(w: World, op: string, params: Record<string, unknown> = {}, key = K.mgmt): ReturnType<typeof callAws> {
  return callAws(w, key, 'organizations', op, params);
}

function ouId(w: World, name: string): string {
  return Object.values(w.organization?.ous ?? {}).find((o) => o.name === name)?.id ?? '';
}

function createScp(w: World, name: string, content: string, type = 'SERVICE_CONTROL_POLICY'): string {
  return expectOk<{ Policy: { PolicySummary: { Id: string } } }>(org(w, 'CreatePolicy', { Name: name, Description: '', Content: content, Type: type })).Policy.PolicySummary.Id;
}

describe('Organizations: the tree', () => {
  it('lists the root, OUs and accounts for the management account', () => {
    const w = world();
    const roots = expectOk<{ Roots: { Id: string; Name: string; PolicyTypes: unknown[] }[] }>(org(w, 'ListRoots')).Roots;
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ Name: 'Root', PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }] });
    const top = expectOk<{ OrganizationalUnits: { Name: string }[] }>(org(w, 'ListOrganizationalUnitsForParent', { ParentId: roots[0]?.Id }));
    expect(top.OrganizationalUnits.map((o) => o.Name).sort()).toEqual(['Sandbox', 'Workloads']);
    const nested = expectOk<{ OrganizationalUnits: { Name: string; Arn: string }[] }>(org(w, 'ListOrganizationalUnitsForParent', { ParentId: ouId(w, 'Workloads') }));
    expect(nested.OrganizationalUnits.map((o) => o.Name)).toEqual(['Prod']);
    expect(nested.OrganizationalUnits[0]?.Arn).toMatch(new RegExp(`^arn:aws:organizations::${MGMT}:ou/o-[a-z0-9]{10}/ou-[a-z0-9]{4}-[a-z0-9]{8}$`));
    const accounts = expectOk<{ Accounts: { Id: string; Status: string }[] }>(org(w, 'ListAccounts')).Accounts;
    expect(accounts.map((a) => a.Id)).toEqual([MGMT, PROD, SANDBOX]);
    expect(expectOk<{ Accounts: { Id: string }[] }>(org(w, 'ListAccountsForParent', { ParentId: ouId(w, 'Prod') })).Accounts.map((a) => a.Id)).toEqual([PROD]);
    expect(expectOk<{ Parents: { Id: string; Type: string }[] }>(org(w, 'ListParents', { ChildId: PROD })).Parents).toEqual([{ Id: ouId(w, 'Prod'), Type: 'ORGANIZATIONAL_UNIT' }]);
  });

  it('answers member accounts with AccessDeniedException and outsiders with AWSOrganizationsNotInUseException', () => {
    const w = world();
    expect(org(w, 'ListAccounts', {}, K.prod)).toMatchObject({ error: { code: 'AccessDeniedException', message: "You don't have permissions to access this resource." } });
    expect(org(w, 'CreatePolicy', { Name: 'x', Description: '', Content: DENY_S3, Type: 'SERVICE_CONTROL_POLICY' }, K.prod)).toMatchObject({ error: { code: 'AccessDeniedException' } });
    expect(org(w, 'ListRoots', {}, K.outside)).toMatchObject({ error: { code: 'AWSOrganizationsNotInUseException', message: 'Your account is not a member of an organization.' } });
    // Any member may describe its organization.
    expect(expectOk<{ Organization: { MasterAccountId: string } }>(org(w, 'DescribeOrganization', {}, K.prod)).Organization.MasterAccountId).toBe(MGMT);
  });

  it('checks IAM permissions of the management account’s own users', () => {
    const w = createWorld({ ...SEED, accounts: [{ id: MGMT, users: [{ name: 'intern', accessKeys: [K.mgmt] }] }, ...SEED.accounts.slice(1)] });
    const r = org(w, 'ListAccounts');
    expect(r).toMatchObject({ error: { code: 'AccessDeniedException' } });
    if (!r.ok) expect(r.error.message).toContain('organizations:ListAccounts');
  });
});

describe('Organizations: policies', () => {
  it('has FullAWSAccess attached everywhere by default', () => {
    const w = world();
    for (const target of [w.organization?.rootId ?? '', ouId(w, 'Prod'), PROD]) {
      const list = expectOk<{ Policies: { Id: string; Name: string; AwsManaged: boolean; Arn: string }[] }>(org(w, 'ListPoliciesForTarget', { TargetId: target, Filter: 'SERVICE_CONTROL_POLICY' })).Policies;
      expect(list).toEqual([expect.objectContaining({ Id: 'p-FullAWSAccess', Name: 'FullAWSAccess', AwsManaged: true, Arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess' })]);
    }
  });

  it('creates, describes, updates, lists and deletes an SCP', () => {
    const w = world();
    const id = createScp(w, 'DenyS3', DENY_S3);
    expect(id).toMatch(/^p-[a-z0-9]{8}$/);
    const d = expectOk<{ Policy: { PolicySummary: Record<string, unknown>; Content: string } }>(org(w, 'DescribePolicy', { PolicyId: id }));
    expect(d.Policy.PolicySummary).toMatchObject({ Name: 'DenyS3', Type: 'SERVICE_CONTROL_POLICY', AwsManaged: false, Arn: expect.stringMatching(new RegExp(`^arn:aws:organizations::${MGMT}:policy/o-[a-z0-9]{10}/service_control_policy/${id}$`)) });
    expect(d.Policy.Content).toBe(DENY_S3);
    expectOk(org(w, 'UpdatePolicy', { PolicyId: id, Name: 'NoS3' }));
    expect(expectOk<{ Policies: { Name: string }[] }>(org(w, 'ListPolicies', { Filter: 'SERVICE_CONTROL_POLICY' })).Policies.map((p) => p.Name)).toEqual(['FullAWSAccess', 'NoS3']);
    expectOk(org(w, 'AttachPolicy', { PolicyId: id, TargetId: SANDBOX }));
    expect(codeOf(org(w, 'DeletePolicy', { PolicyId: id }))).toBe('PolicyInUseException');
    expectOk(org(w, 'DetachPolicy', { PolicyId: id, TargetId: SANDBOX }));
    expectOk(org(w, 'DeletePolicy', { PolicyId: id }));
    expect(codeOf(org(w, 'DescribePolicy', { PolicyId: id }))).toBe('PolicyNotFoundException');
  });

  it('validates content with the SCP and RCP grammars', () => {
    const w = world();
    const call = (content: string, type = 'SERVICE_CONTROL_POLICY', name = 'p'): string => codeOf(org(w, 'CreatePolicy', { Name: name, Description: 'd', Content: content, Type: type }));
    expect(call('{not json')).toBe('MalformedPolicyDocumentException');
    // SCPs have no Principal.
    expect(call(doc([{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }]))).toBe('MalformedPolicyDocumentException');
    // Customer RCPs only deny, and name Principal "*".
    expect(call(doc([{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }]), 'RESOURCE_CONTROL_POLICY')).toBe('MalformedPolicyDocumentException');
    expect(call(doc([{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }]), 'RESOURCE_CONTROL_POLICY')).toBe('OK');
    expect(call(doc([{ Effect: 'Deny', Action: 's3:*', Resource: '*', Sid: 'x'.repeat(5200) }]), 'SERVICE_CONTROL_POLICY', 'big')).toBe('ConstraintViolationException');
    expect(call(DENY_S3, 'TAG_POLICY', 't')).toBe('InvalidInputException');
    expect(codeOf(org(w, 'CreatePolicy', { Name: 'n', Content: DENY_S3, Type: 'SERVICE_CONTROL_POLICY' }))).toBe('InvalidInputException');
    createScp(w, 'Dup', DENY_S3);
    expect(call(DENY_S3, 'SERVICE_CONTROL_POLICY', 'Dup')).toBe('DuplicatePolicyException');
  });

  it('refuses bad attachments as AWS does', () => {
    const w = world();
    const id = createScp(w, 'DenyS3', DENY_S3);
    expect(codeOf(org(w, 'AttachPolicy', { PolicyId: id, TargetId: '999999999999' }))).toBe('TargetNotFoundException');
    expect(codeOf(org(w, 'AttachPolicy', { PolicyId: id, TargetId: 'nonsense' }))).toBe('InvalidInputException');
    expect(codeOf(org(w, 'AttachPolicy', { PolicyId: 'p-zzzzzzzz', TargetId: PROD }))).toBe('PolicyNotFoundException');
    expectOk(org(w, 'AttachPolicy', { PolicyId: id, TargetId: PROD }));
    expect(codeOf(org(w, 'AttachPolicy', { PolicyId: id, TargetId: PROD }))).toBe('DuplicatePolicyAttachmentException');
    expect(codeOf(org(w, 'DetachPolicy', { PolicyId: id, TargetId: SANDBOX }))).toBe('PolicyNotAttachedException');
    // The last SCP of a target stays.
    expect(codeOf(org(w, 'DetachPolicy', { PolicyId: 'p-FullAWSAccess', TargetId: SANDBOX }))).toBe('ConstraintViolationException');
    for (let i = 0; i < 3; i++) expectOk(org(w, 'AttachPolicy', { PolicyId: createScp(w, `extra${i}`, DENY_S3), TargetId: PROD }));
    expect(codeOf(org(w, 'AttachPolicy', { PolicyId: createScp(w, 'sixth', DENY_S3), TargetId: PROD }))).toBe('ConstraintViolationException');
    // RCPs cannot be attached before the type is enabled.
    const rcp = createScp(w, 'R', doc([{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }]), 'RESOURCE_CONTROL_POLICY');
    expect(codeOf(org(w, 'AttachPolicy', { PolicyId: rcp, TargetId: PROD }))).toBe('PolicyTypeNotEnabledException');
  });

  it('never half-changes the world when a call fails', () => {
    const w = world();
    const before = snapshot({ ...w, events: [] });
    expect(codeOf(org(w, 'CreatePolicy', { Name: 'x', Description: '', Content: '{', Type: 'SERVICE_CONTROL_POLICY' }))).toBe('MalformedPolicyDocumentException');
    expect(snapshot({ ...w, events: [] })).toBe(before);
  });
});

describe('Organizations: SCPs and RCPs in every decision', () => {
  it('applies an SCP attached to an OU to accounts below it, level by level, but never to the management account', () => {
    const w = world();
    expect(codeOf(callAws(w, K.prod, 's3', 'ListBuckets'))).toBe('OK');
    const id = createScp(w, 'DenyS3', DENY_S3);
    expectOk(org(w, 'AttachPolicy', { PolicyId: id, TargetId: ouId(w, 'Workloads') }));
    const denied = callAws(w, K.prod, 's3', 'ListBuckets');
    expect(codeOf(denied)).toBe('AccessDenied');
    expect(codeOf(callAws(w, K.sandbox, 's3', 'ListBuckets'))).toBe('OK');
    // Attached to the root, it still spares the management account.
    expectOk(org(w, 'AttachPolicy', { PolicyId: id, TargetId: w.organization?.rootId }));
    expect(codeOf(callAws(w, K.mgmt, 's3', 'ListBuckets'))).toBe('OK');
    expect(codeOf(callAws(w, K.sandbox, 's3', 'ListBuckets'))).toBe('AccessDenied');
    expectOk(org(w, 'DetachPolicy', { PolicyId: id, TargetId: w.organization?.rootId }));
    expectOk(org(w, 'DetachPolicy', { PolicyId: id, TargetId: ouId(w, 'Workloads') }));
    expect(codeOf(callAws(w, K.prod, 's3', 'ListBuckets'))).toBe('OK');
  });

  it('blocks what an allow-list SCP at one level leaves out, even for administrators', () => {
    const w = world();
    const iamOnly = createScp(w, 'IamOnly', doc([{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]));
    expectOk(org(w, 'AttachPolicy', { PolicyId: iamOnly, TargetId: ouId(w, 'Prod') }));
    expectOk(org(w, 'DetachPolicy', { PolicyId: 'p-FullAWSAccess', TargetId: ouId(w, 'Prod') }));
    expect(codeOf(callAws(w, K.prod, 'iam', 'ListRoles'))).toBe('OK');
    const r = callAws(w, K.prod, 's3', 'ListBuckets');
    expect(codeOf(r)).toBe('AccessDenied');
  });

  it('enables RCPs (RCPFullAWSAccess everywhere, never detachable) and applies them to outsiders reaching member resources', () => {
    const w = world();
    const enabled = expectOk<{ Root: { PolicyTypes: { Type: string }[] } }>(org(w, 'EnablePolicyType', { RootId: w.organization?.rootId, PolicyType: 'RESOURCE_CONTROL_POLICY' }));
    expect(enabled.Root.PolicyTypes.map((t) => t.Type)).toEqual(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY']);
    expect(codeOf(org(w, 'EnablePolicyType', { RootId: w.organization?.rootId, PolicyType: 'RESOURCE_CONTROL_POLICY' }))).toBe('PolicyTypeAlreadyEnabledException');
    expect(codeOf(org(w, 'DetachPolicy', { PolicyId: 'p-RCPFullAWSAccess', TargetId: PROD }))).toBe('ConstraintViolationException');
    // The partner account, outside the organization, reads through the bucket policy.
    expect(codeOf(callAws(w, K.outside, 's3', 'GetObject', { Bucket: 'prod-data', Key: 'a.txt' }))).toBe('OK');
    const orgId = w.organization?.id ?? '';
    const perimeter = createScp(
      w,
      'DataPerimeter',
      doc([{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': orgId }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } } }]),
      'RESOURCE_CONTROL_POLICY',
    );
    expectOk(org(w, 'AttachPolicy', { PolicyId: perimeter, TargetId: w.organization?.rootId }));
    expect(codeOf(callAws(w, K.outside, 's3', 'GetObject', { Bucket: 'prod-data', Key: 'a.txt' }))).toBe('AccessDenied');
    // Principals of the organization are inside the perimeter.
    expect(codeOf(callAws(w, K.prod, 's3', 'GetObject', { Bucket: 'prod-data', Key: 'a.txt' }))).toBe('OK');
    // DisablePolicyType detaches every RCP.
    expectOk(org(w, 'DisablePolicyType', { RootId: w.organization?.rootId, PolicyType: 'RESOURCE_CONTROL_POLICY' }));
    expect(codeOf(callAws(w, K.outside, 's3', 'GetObject', { Bucket: 'prod-data', Key: 'a.txt' }))).toBe('OK');
  });

  it('builds RCPs from a seed', () => {
    const w = createWorld({
      ...SEED,
      organization: { ...SEED.organization, managementAccount: MGMT, rcps: [{ name: 'NoS3', document: doc([{ Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: '*' }]), targets: ['Prod'] }] },
    });
    expect(w.organization?.enabledPolicyTypes).toContain('RESOURCE_CONTROL_POLICY');
    expect(codeOf(callAws(w, K.prod, 's3', 'GetObject', { Bucket: 'prod-data', Key: 'a.txt' }))).toBe('AccessDenied');
  });
});

// API_LeaveOrganization: only a member account can leave; the management account gets
// MasterCannotLeaveOrganizationException; an SCP can deny organizations:LeaveOrganization.
describe('LeaveOrganization', () => {
  it('lets a member account leave, unless an SCP denies it; never the management account', () => {
    const w = world();
    expect(codeOf(org(w, 'LeaveOrganization', {}, K.mgmt))).toBe('MasterCannotLeaveOrganizationException');
    const guard = createScp(w, 'StayInTheOrg', doc([{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }]));
    expectOk(org(w, 'AttachPolicy', { PolicyId: guard, TargetId: ouId(w, 'Sandbox') }));
    expect(codeOf(org(w, 'LeaveOrganization', {}, K.sandbox))).toBe('AccessDeniedException');
    expect(w.organization?.accountParents[SANDBOX]).toBeDefined();
    expectOk(org(w, 'LeaveOrganization', {}, K.prod));
    expect(w.organization?.accountParents[PROD]).toBeUndefined();
    // Gone from the organization: the SCPs no longer apply, and Organizations says so.
    expect(codeOf(org(w, 'DescribeOrganization', {}, K.prod))).toBe('AWSOrganizationsNotInUseException');
    expect(codeOf(org(w, 'LeaveOrganization', {}, K.outside))).toBe('AWSOrganizationsNotInUseException');
  });
});
