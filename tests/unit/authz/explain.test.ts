/** The explanation as data: steps in AWS's order, every statement with why it (did not) match. */
import { describe, expect, it } from 'vitest';
import { authorize } from '../../../src/sim/authz/index.ts';
import type { EvaluationStep } from '../../../src/sim/authz/index.ts';
import { allow, deny, doc, FULL_ACCESS, RCP_FULL_ACCESS } from './table.ts';
import { A, alice, B, BUCKET, carolB, OBJECT, readerSession, ROLE_ARN } from './fixtures.ts';

const ORDER: EvaluationStep['step'][] = [
  'explicit-deny',
  'rcp',
  'scp',
  'root',
  'resource-policy',
  'trust-policy',
  'identity',
  'boundary',
  'session',
  'cross-account',
];

const policyText = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadFromOffice",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::demo-bucket/*",
      "Condition": { "IpAddress": { "aws:SourceIp": "203.0.113.0/24" } }
    },
    { "Effect": "Allow", "Action": "ec2:*", "Resource": "*" },
    { "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::other/*" }
  ]
}`;

describe('explanations', () => {
  const result = authorize({
    principal: alice,
    request: {
      action: 's3:GetObject',
      resource: OBJECT,
      context: { 'aws:SourceIp': '198.51.100.7' },
    },
    policies: { identity: [policyText] },
  });

  it('lists every statement with the first part that failed and where it is written', () => {
    expect(result.decision).toBe('ImplicitDeny');
    expect(result.statements.map((s) => s.failedOn)).toEqual(['condition', 'action', 'resource']);
    const [first, second, third] = result.statements;
    expect(first?.sid).toBe('ReadFromOffice');
    expect(first?.detail).toContain('aws:SourceIp 198.51.100.7 is not in 203.0.113.0/24');
    expect(first?.range.startLine).toBe(4);
    expect(first?.failedRange?.startLine).toBe(9);
    expect(second?.detail).toContain('Action does not cover s3:GetObject');
    expect(second?.failedRange?.startLine).toBe(11);
    expect(third?.detail).toContain('Resource does not cover');
    expect(result.deciding).toEqual([]);
  });

  it('gives steps in AWS order ending with the deciding one', () => {
    const ids = result.steps.map((s) => s.step);
    const positions = ids.map((id) => ORDER.indexOf(id));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(result.steps.at(-1)).toMatchObject({ step: 'identity', outcome: 'deny' });
    expect(
      result.steps.slice(0, -1).every((s) => s.outcome === 'continue' || s.outcome === 'skipped'),
    ).toBe(true);
  });

  it('points the summary at the nearest miss', () => {
    expect(result.summary).toBe(
      `Denied: no identity-based policy allows s3:GetObject on ${OBJECT}. Nearest miss, in the identity-based policy #1 (Sid ReadFromOffice): Condition not met: aws:SourceIp 198.51.100.7 is not in 203.0.113.0/24.`,
    );
  });

  it('says why skipped steps were skipped', () => {
    expect(result.steps.find((s) => s.step === 'scp')).toEqual({
      step: 'scp',
      outcome: 'skipped',
      detail: 'No service control policies were given.',
    });
    expect(result.steps.find((s) => s.step === 'resource-policy')).toMatchObject({
      outcome: 'skipped',
    });
  });

  it('is plain JSON: every field, read one by one, survives a round trip in its usual order', () => {
    const fields = {
      decision: result.decision,
      steps: result.steps,
      statements: result.statements,
      deciding: result.deciding,
      summary: result.summary,
      deniedBy: result.deniedBy,
      message: result.message,
    };
    const json = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
    expect(json).toEqual(fields);
    expect(Object.keys(json)).toEqual(['decision', 'steps', 'statements', 'deciding', 'summary', 'deniedBy', 'message']);
  });

  it('names the deciding statements of an Allow', () => {
    const r = authorize({
      principal: readerSession,
      request: { action: 's3:GetObject', resource: OBJECT },
      policies: {
        identity: [doc(allow('s3:GetObject', `${BUCKET}/*`), allow('ec2:*'))],
        boundary: doc(allow('s3:*')),
      },
    });
    expect(r.decision).toBe('Allow');
    expect(r.deciding.map((d) => [d.source, d.statementIndex])).toEqual([
      ['identity', 0],
      ['boundary', 0],
    ]);
    expect(r.steps.at(-1)).toMatchObject({ step: 'session', outcome: 'allow' });
    expect(
      r.statements.find((s) => s.source === 'identity' && s.statementIndex === 0)?.detail,
    ).toBe(`Allows s3:GetObject on ${OBJECT}`);
  });

  it('names every matching Deny of an explicit deny', () => {
    const r = authorize({
      principal: alice,
      request: { action: 's3:GetObject', resource: OBJECT },
      policies: { identity: [doc(allow('*'), deny('s3:*'), deny('*', `${BUCKET}/*`))] },
    });
    expect(r.decision).toBe('ExplicitDeny');
    expect(r.deciding.map((d) => d.statementIndex)).toEqual([1, 2]);
    expect(r.steps).toHaveLength(1);
    expect(r.summary).toContain('explicit deny always wins');
  });

  it('records the cross-account step when both sides allow', () => {
    const r = authorize({
      principal: carolB,
      request: { action: 's3:GetObject', resource: OBJECT, resourceAccount: A },
      policies: {
        identity: [doc(allow('s3:GetObject'))],
        resource: doc({
          Effect: 'Allow',
          Principal: {
            AWS: ROLE_ARN.replace(A, '444455556666').replace('role/Reader', 'user/carol'),
          },
          Action: 's3:GetObject',
          Resource: `${BUCKET}/*`,
        }),
      },
    });
    expect(r.decision).toBe('Allow');
    expect(r.steps.at(-1)).toMatchObject({ step: 'cross-account', outcome: 'allow' });
    expect(r.deciding.map((d) => d.source).sort()).toEqual(['identity', 'resource']);
  });

  it('explains why a resource-policy principal does not match', () => {
    const r = authorize({
      principal: alice,
      request: { action: 's3:GetObject', resource: OBJECT },
      policies: {
        resource: doc({
          Effect: 'Allow',
          Principal: { AWS: ROLE_ARN },
          Action: 's3:GetObject',
          Resource: `${BUCKET}/*`,
        }),
      },
    });
    expect(r.statements[0]).toMatchObject({
      source: 'resource',
      failedOn: 'principal',
      matched: false,
    });
    expect(r.statements[0]?.detail).toContain(`Principal does not name ${alice.arn}`);
  });
});

describe('a trust policy that names the caller but whose condition fails', () => {
  it('says which condition the statement that trusts the caller is waiting for', () => {
    const trust = doc({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${A}:root` },
      Action: 'sts:AssumeRole',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    });
    const r = authorize({
      principal: alice,
      request: { action: 'sts:AssumeRole', resource: ROLE_ARN },
      policies: { identity: [doc(allow('sts:AssumeRole', '*'))], trust },
    });
    expect(r.decision).toBe('ImplicitDeny');
    expect(r.summary).toBe(
      'Denied: to assume a role, its trust policy must trust you, and no statement in the trust policy allows sts:AssumeRole for your user. Nearest miss, in the trust policy: Condition not met: aws:MultiFactorAuthPresent is not in the request, so Bool cannot hold.',
    );
  });
});

describe('why organization policies were not evaluated', () => {
  /** The detail of the skipped `scp` or `rcp` step for a request with one level of each. */
  function skipped(step: 'scp' | 'rcp', principal: Record<string, unknown>, request: Record<string, unknown> = {}, policies: Record<string, unknown> = {}): string | undefined {
    const result = authorize({
      principal: { arn: alice.arn, ...principal },
      request: { action: 's3:GetObject', resource: OBJECT, ...request },
      policies: { identity: [FULL_ACCESS], scp: [FULL_ACCESS], rcp: [RCP_FULL_ACCESS], ...policies },
    } as Parameters<typeof authorize>[0]);
    const found = result.steps.find((s) => s.step === step);
    return found?.outcome === 'skipped' ? found.detail : undefined;
  }

  it('says it for SCPs, one sentence per reason', () => {
    expect(skipped('scp', {}, {}, { scp: [] })).toBe('No service control policies were given.');
    expect(skipped('scp', { arn: 'arn:aws:iam::111122223333:root' }, {}, { identity: [] })).toBeUndefined();
    expect(skipped('scp', { isManagementAccount: true })).toBe("SCPs do not apply to the organization's management account.");
    expect(skipped('scp', { arn: readerSession.arn, isServiceLinkedRole: true })).toBe('SCPs do not apply to service-linked roles.');
    expect(skipped('scp', {}, {}, { scpAccount: B })).toBe(
      `The SCPs are attached to account ${B}, not to your account, and SCPs only limit principals of the accounts they are attached to.`,
    );
    expect(skipped('scp', { arn: 's3.amazonaws.com' })).toBe('SCPs apply only to IAM users, roles and the root user of member accounts, not to this caller.');
  });

  it('says it for RCPs, one sentence per reason', () => {
    expect(skipped('rcp', {}, {}, { rcp: [] })).toBe('No resource control policies were given.');
    expect(skipped('rcp', {}, { resourceInManagementAccount: true })).toBe("RCPs do not apply to resources in the organization's management account.");
    expect(skipped('rcp', {}, { action: 'kms:Decrypt', resource: `arn:aws:kms:us-east-1:${A}:key/1`, awsManagedKey: true }, { resource: doc(allow('kms:*', '*', { Principal: { AWS: alice.arn } })) })).toBe(
      'RCPs do not apply to AWS managed KMS keys.',
    );
    expect(skipped('rcp', {}, { action: 'ec2:StartInstances', resource: '*' })).toBe('RCPs do not cover ec2 resources.');
  });
});

