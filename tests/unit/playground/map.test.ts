/**
 * The Playground map's edges are the simulator's decisions: they follow trust policies, identity
 * policies, bucket policies, SCPs and conditions, and change when any of them changes.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/world/create.ts';
import type { World } from '../../../src/sim/world/types.ts';
import { sessionFromSetup } from '../../../src/sim/cli/setup.ts';
import { runLine } from '../../../src/sim/cli/shell/run-line.ts';
import { externalIdsIn, worldMap } from '../../../src/components/playground/map.ts';
import type { MapEdge } from '../../../src/components/playground/map.ts';
import { applyDocument } from '../../../src/components/playground/documents.ts';
import { PLAYGROUND_SETUP, PLAYGROUND_WORLD } from '../../../src/components/playground/world.ts';

const ALICE = 'user:222222222222:alice';
const BOB = 'user:222222222222:bob';
const OLIVIA = 'user:111111111111:olivia';
const PROD_ADMIN = 'role:333333333333:ProdAdmin';
const DEPLOY = 'role:333333333333:DeployRole';
const WEB_ROLE = 'role:333333333333:WebServerRole';
const ASSETS = 'bucket:acme-prod-assets';
const REPORTS = 'bucket:acme-prod-reports';

const fresh = (): World => createWorld(PLAYGROUND_WORLD);
const edge = (w: World, kind: MapEdge['kind'], from: string, to: string) =>
  worldMap(w).edges.find((e) => e.kind === kind && e.from === from && e.to === to);
const doc = (statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

describe('the Playground map', () => {
  it('lays out the organization: management account first, then the members, each with its nodes', () => {
    const m = worldMap(fresh());
    expect(m.organization).toMatch(/^o-/);
    expect(m.accounts.map((a) => [a.name, a.management, a.inOrganization])).toEqual([
      ['acme-management', true, true],
      ['acme-dev', false, true],
      ['acme-prod', false, true],
    ]);
    expect(m.accounts[2]?.nodes.map((n) => n.kind)).toEqual([
      'role',
      'role',
      'role',
      'role',
      'role',
      'bucket',
      'bucket',
      'instance',
      'function',
    ]);
  });

  it('finds who can assume which role, with what the caller must bring', () => {
    const w = fresh();
    expect(edge(w, 'assume', ALICE, PROD_ADMIN)?.condition).toBe('with MFA');
    // bob is trusted by the account but has no identity policy allowing the call, and no MFA.
    expect(edge(w, 'assume', BOB, PROD_ADMIN)).toBeUndefined();
    expect(edge(w, 'assume', ALICE, DEPLOY)?.condition).toBe('with ExternalId acme-deploy-7f3a91');
    expect(
      edge(w, 'assume', OLIVIA, 'role:333333333333:OrganizationAccountAccessRole')?.condition,
    ).toBe('');
    expect(edge(w, 'assume', 'instance:i-0a1b2c3d4e5f60718', WEB_ROLE)?.condition).toBe(
      'through its instance profile',
    );
    expect(
      edge(
        w,
        'assume',
        'function:arn:aws:lambda:us-east-1:333333333333:function:monthly-report',
        'role:333333333333:ReportsFunctionRole',
      ),
    ).toBeDefined();
  });

  it('finds who can read which bucket, across accounts only where both sides allow', () => {
    const w = fresh();
    expect(edge(w, 'reach', WEB_ROLE, ASSETS)).toBeDefined();
    expect(edge(w, 'reach', ALICE, REPORTS)).toBeDefined();
    expect(edge(w, 'reach', BOB, REPORTS)).toBeUndefined();
    expect(edge(w, 'reach', WEB_ROLE, REPORTS)).toBeUndefined();
  });

  it('follows a trust policy edit: dropping the ExternalId condition makes the edge unconditional', () => {
    const w = fresh();
    const trust = doc([
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::222222222222:root' },
        Action: 'sts:AssumeRole',
      },
    ]);
    expect(applyDocument(w, 'trust:333333333333:DeployRole', trust)).toEqual({ ok: true });
    expect(edge(w, 'assume', ALICE, DEPLOY)?.condition).toBe('');
  });

  it('decides, not string-matches: a trust policy naming alice with a condition she cannot meet gives no edge', () => {
    const w = fresh();
    const trust = doc([
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::222222222222:user/alice' },
        Action: 'sts:AssumeRole',
        Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
      },
    ]);
    expect(applyDocument(w, 'trust:333333333333:ProdAdmin', trust)).toEqual({ ok: true });
    expect(edge(w, 'assume', ALICE, PROD_ADMIN)).toBeUndefined();
  });

  it('follows an SCP: denying sts:AssumeRole in the member accounts removes their edges, not the management account’s', () => {
    const w = fresh();
    const scpId =
      Object.values(w.organization?.policies ?? {}).find((p) => p.name === 'WorkloadGuardrails')
        ?.id ?? '';
    expect(
      applyDocument(
        w,
        `org:${scpId}`,
        doc([{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }]),
      ),
    ).toEqual({ ok: true });
    expect(edge(w, 'assume', ALICE, PROD_ADMIN)).toBeUndefined();
    expect(edge(w, 'assume', ALICE, DEPLOY)).toBeUndefined();
    expect(
      edge(w, 'assume', OLIVIA, 'role:333333333333:OrganizationAccountAccessRole'),
    ).toBeDefined();
  });

  it('follows a bucket policy Deny', () => {
    const w = fresh();
    const policy = doc([
      {
        Effect: 'Deny',
        Principal: { AWS: 'arn:aws:iam::333333333333:role/WebServerRole' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::acme-prod-assets/*',
      },
    ]);
    expect(applyDocument(w, 'bucket:acme-prod-assets', policy)).toEqual({ ok: true });
    expect(edge(w, 'reach', WEB_ROLE, ASSETS)).toBeUndefined();
    expect(edge(w, 'reach', 'role:333333333333:DeployRole', ASSETS)).toBeDefined();
  });

  it('follows the terminal: deleting the instance role’s policy removes its reach edge', () => {
    const w = fresh();
    const session = sessionFromSetup(w, PLAYGROUND_SETUP);
    const r = runLine(
      session,
      'aws iam delete-role-policy --role-name WebServerRole --policy-name read-assets --profile prod',
    );
    expect(r.stderr).toBe('');
    expect(edge(w, 'reach', WEB_ROLE, ASSETS)).toBeUndefined();
    // And creating a role with a trust policy adds an assume edge.
    runLine(
      session,
      `aws iam create-role --role-name Auditor --assume-role-policy-document '${doc([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:user/olivia' }, Action: 'sts:AssumeRole' }])}' --profile prod`,
    );
    expect(edge(w, 'assume', OLIVIA, 'role:333333333333:Auditor')?.condition).toBe('');
  });

  it('reads ExternalId values from any condition operator, ignoring other keys', () => {
    const trust = doc([
      {
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'sts:ExternalId': ['b', 'a'], 'aws:SourceAccount': 'x' },
          StringLike: { 'STS:EXTERNALID': 'c' },
        },
      },
    ]);
    expect(externalIdsIn(trust)).toEqual(['a', 'b', 'c']);
    expect(externalIdsIn('not json')).toEqual([]);
  });
});
