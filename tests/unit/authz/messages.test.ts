/**
 * AccessDenied messages in AWS's shape, one per policy type and kind of denial
 * (IAM "Troubleshoot access denied error messages").
 */
import { describe, expect, it } from 'vitest';
import { accessDeniedMessage, authorize } from '../../../src/sim/authz/index.ts';
import type { AuthorizeInput, PoliciesInput } from '../../../src/sim/authz/index.ts';
import { allow, deny, doc, FULL_ACCESS, RCP_FULL_ACCESS } from './table.ts';
import { A, B, BUCKET, CAROL_B_ARN, OBJECT, ROLE_ARN, SESSION_ARN } from './fixtures.ts';

const TARGET = `arn:aws:iam::${A}:role/Admin`;
const get = { action: 's3:GetObject', resource: OBJECT };
const readAll = doc(allow('s3:GetObject', `${BUCKET}/*`));
const bucketAllowsRole = doc({ Effect: 'Allow', Principal: { AWS: ROLE_ARN }, Action: 's3:GetObject', Resource: `${BUCKET}/*` });
const session = { arn: SESSION_ARN };

const explicit = (policies: PoliciesInput, request = get): AuthorizeInput => ({ principal: session, request, policies: { identity: [readAll], ...policies } });

interface Row {
  type: string;
  input: AuthorizeInput;
  explicit: boolean;
  arn?: string;
  action?: string;
  resource?: string;
}

const rows: Row[] = [
  { type: 'service control policy', explicit: true, input: explicit({ scp: [FULL_ACCESS, doc(allow('*'), deny('s3:*'))] }) },
  { type: 'service control policy', explicit: false, input: explicit({ scp: [doc(allow('ec2:*'))] }) },
  { type: 'resource control policy', explicit: true, input: explicit({ rcp: [doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }, { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: '*' })] }) },
  { type: 'resource control policy', explicit: false, input: explicit({ rcp: [RCP_FULL_ACCESS, doc({ Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: '*' })] }) },
  { type: 'permissions boundary', explicit: true, input: explicit({ boundary: doc(allow('*'), deny('s3:GetObject')) }) },
  { type: 'permissions boundary', explicit: false, input: explicit({ boundary: doc(allow('ec2:*')) }) },
  { type: 'session policy', explicit: true, input: explicit({ session: doc(allow('*'), deny('s3:GetObject')) }) },
  { type: 'session policy', explicit: false, input: explicit({ session: doc(allow('ec2:*')) }) },
  { type: 'resource-based policy', explicit: true, input: explicit({ resource: doc({ Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/*` }) }) },
  {
    type: 'resource-based policy',
    explicit: false,
    arn: CAROL_B_ARN,
    input: { principal: { arn: CAROL_B_ARN }, request: { ...get, resourceAccount: A }, policies: { identity: [readAll], resource: bucketAllowsRole } },
  },
  {
    type: 'role trust policy',
    explicit: true,
    action: 'sts:AssumeRole',
    resource: TARGET,
    input: explicit({ identity: [doc(allow('sts:AssumeRole'))], trust: doc({ Effect: 'Allow', Principal: { AWS: A }, Action: 'sts:AssumeRole' }, { Effect: 'Deny', Principal: { AWS: ROLE_ARN }, Action: 'sts:AssumeRole' }) }, { action: 'sts:AssumeRole', resource: TARGET }),
  },
  {
    type: 'role trust policy',
    explicit: false,
    action: 'sts:AssumeRole',
    resource: TARGET,
    input: explicit({ identity: [doc(allow('sts:AssumeRole'))], trust: doc({ Effect: 'Allow', Principal: { AWS: B }, Action: 'sts:AssumeRole' }) }, { action: 'sts:AssumeRole', resource: TARGET }),
  },
  { type: 'identity-based policy', explicit: true, input: explicit({ identity: [readAll, doc(deny('s3:*'))] }) },
  { type: 'identity-based policy', explicit: false, input: explicit({ identity: [doc(allow('ec2:*'))] }) },
];

describe('AccessDenied messages, one per policy type', () => {
  for (const row of rows) {
    it(`${row.explicit ? 'explicit deny in' : 'no allow in'} a ${row.type}`, () => {
      const result = authorize(row.input);
      const action = row.action ?? 's3:GetObject';
      const resource = row.resource ?? OBJECT;
      const arn = row.arn ?? SESSION_ARN;
      expect(result.decision).toBe(row.explicit ? 'ExplicitDeny' : 'ImplicitDeny');
      expect(result.deniedBy).toBe(row.type);
      const why = row.explicit ? `with an explicit deny in ${row.type.startsWith('i') ? 'an' : 'a'} ${row.type}` : `because no ${row.type} allows the ${action} action`;
      expect(result.message).toBe(`User: ${arn} is not authorized to perform: ${action} on resource: ${resource} ${why}`);
    });
  }

  it('leaves out "on resource" for actions without a resource', () => {
    expect(accessDeniedMessage('arn:aws:iam::1:user/u', 's3:ListAllMyBuckets', '*', 'ImplicitDeny', 'identity-based policy')).toBe(
      'User: arn:aws:iam::1:user/u is not authorized to perform: s3:ListAllMyBuckets because no identity-based policy allows the s3:ListAllMyBuckets action',
    );
  });

  it('has no message when allowed', () => {
    const result = authorize(explicit({}));
    expect(result.decision).toBe('Allow');
    expect(result.message).toBeUndefined();
    expect(result.deniedBy).toBeUndefined();
  });
});
