import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AWS_MANAGED_POLICIES,
  canonicalJson,
  checkSeed,
  createWorld,
  createWorldUnchecked,
  worldSeedSchema,
  restore,
  snapshot,
  uniqueId,
  WorldRestoreError,
  WorldSeedError,
} from '../../../src/sim/world/index.ts';
import type { WorldSeed } from '../../../src/sim/world/index.ts';

const TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

const SEED: WorldSeed = {
  time: '2026-03-01T12:00:00Z',
  idSeed: 42,
  accounts: [
    {
      id: '111122223333',
      alias: 'dev',
      policies: [{ name: 'ReadLogs', path: '/team/', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:Get*', Resource: '*' }] } }],
      groups: [{ name: 'ops', managedPolicies: ['ReadLogs'] }],
      users: [{ name: 'alice', path: '/staff/', groups: ['ops'], tags: { team: 'blue' }, accessKeys: [{}], mfa: true, boundary: 'AmazonS3FullAccess' }],
      roles: [{ name: 'web', path: '/app/', trustPolicy: TRUST, managedPolicies: ['AmazonS3FullAccess'], instanceProfile: true, maxSessionDuration: 7200 }],
      passwordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true },
      samlProviders: [{ name: 'Okta', issuer: 'http://www.okta.com/abc' }],
      oidcProviders: [{ url: 'https://token.actions.githubusercontent.com', clientIds: ['sts.amazonaws.com'] }],
    },
    { id: '444455556666' },
  ],
  organization: {
    managementAccount: '111122223333',
    ous: [{ name: 'Workloads', accounts: ['444455556666'] }, { name: 'Prod', parent: 'Workloads' }],
    scps: [{ name: 'DenyLeave', document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] }, targets: ['Workloads'] }],
  },
};

describe('createWorld', () => {
  const world = createWorld(SEED);
  const iam = world.accounts['111122223333']?.iam;

  it('builds entities with AWS ARNs, ids and the seed time', () => {
    const alice = iam?.users['alice'];
    expect(alice?.arn).toBe('arn:aws:iam::111122223333:user/staff/alice');
    expect(alice?.userId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(alice?.createDate).toBe('2026-03-01T12:00:00.000Z');
    expect(alice?.accessKeys[0]?.accessKeyId).toMatch(/^AKIA/);
    expect(alice?.permissionsBoundary).toBe(AWS_MANAGED_POLICIES['AmazonS3FullAccess']?.arn);
    expect(iam?.groups['ops']?.members).toEqual(['alice']);
    expect(iam?.groups['ops']?.attachedPolicies).toEqual(['arn:aws:iam::111122223333:policy/team/ReadLogs']);
    expect(iam?.roles['web']?.arn).toBe('arn:aws:iam::111122223333:role/app/web');
    expect(iam?.roles['web']?.maxSessionDuration).toBe(7200);
    expect(iam?.instanceProfiles['web']?.roles).toEqual(['web']);
    expect(iam?.passwordPolicy?.MinimumPasswordLength).toBe(14);
    expect(iam?.passwordPolicy?.RequireNumbers).toBe(false);
    expect(iam?.oidcProviders['token.actions.githubusercontent.com']?.arn).toBe('arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com');
  });

  it('enables a virtual MFA device for users marked mfa', () => {
    const serial = 'arn:aws:iam::111122223333:mfa/alice';
    expect(iam?.users['alice']?.mfaDevices).toEqual([serial]);
    expect(iam?.mfaDevices[serial]?.userName).toBe('alice');
    expect(iam?.mfaDevices[serial]?.base32StringSeed).toMatch(/^[A-Z2-7]{64}$/);
  });

  it('builds the organization with OUs and SCPs (FullAWSAccess everywhere)', () => {
    const org = world.organization;
    expect(org?.managementAccountId).toBe('111122223333');
    expect(org?.id).toMatch(/^o-[a-z0-9]{10}$/);
    const ous = Object.values(org?.ous ?? {});
    expect(ous.map((o) => o.name)).toEqual(['Workloads', 'Prod']);
    const workloads = ous[0];
    expect(org?.accountParents['444455556666']).toBe(workloads?.id);
    expect(ous[1]?.parentId).toBe(workloads?.id);
    expect(org?.attachments[workloads?.id ?? '']).toHaveLength(2);
    expect(org?.enabledPolicyTypes).toEqual(['SERVICE_CONTROL_POLICY']);
  });

  it('reports every broken reference of a seed at once', () => {
    const bad = {
      accounts: [{ id: '111122223333', users: [{ name: 'x', groups: ['nope'], managedPolicies: ['NotAPolicy'] }] }],
      organization: { managementAccount: '999999999999' },
    };
    const issues = checkSeed(bad);
    expect(issues).toHaveLength(3);
    expect(() => createWorld(bad)).toThrow(WorldSeedError);
    expect(checkSeed({ accounts: [{ id: '12' }] })[0]).toMatch(/accounts\.0\.id/);
    expect(checkSeed(SEED)).toEqual([]);
  });

  it('builds the same world from a seed validated elsewhere, without the schema', () => {
    expect(snapshot(createWorldUnchecked(worldSeedSchema.parse(SEED)))).toBe(snapshot(createWorld(SEED)));
  });
});

describe('snapshot and restore', () => {
  it('is byte-for-byte stable through restore', () => {
    const text = snapshot(createWorld(SEED));
    expect(snapshot(restore(text))).toBe(text);
  });

  it('sorts keys so equal worlds have equal snapshots', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it('keeps the id sequence and the time going after a restore', () => {
    const a = createWorld(SEED);
    const b = restore(snapshot(a));
    expect(uniqueId(b.ids, 'AROA')).toBe(uniqueId(a.ids, 'AROA'));
    expect(b.clock.epochMs).toBe(a.clock.epochMs);
  });

  it('refuses text that is not a snapshot', () => {
    expect(() => restore('{')).toThrow(WorldRestoreError);
    expect(() => restore('{"formatVersion": 99}')).toThrow(/unsupported snapshot format/);
    expect(() => restore('[]')).toThrow(WorldRestoreError);
  });

  it('round-trips random seeds identically (property)', () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_+=,.@-]{0,20}$/);
    const tags = fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.string({ maxLength: 12 }), { maxKeys: 3 });
    const seedArb = fc.record({
      idSeed: fc.integer(),
      time: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
      users: fc.uniqueArray(fc.record({ name, tags, keys: fc.integer({ min: 0, max: 2 }), mfa: fc.boolean() }), { selector: (u) => u.name.toLowerCase(), maxLength: 4 }),
      roles: fc.uniqueArray(fc.record({ name, profile: fc.boolean(), max: fc.integer({ min: 3600, max: 43200 }) }), { selector: (r) => r.name.toLowerCase(), maxLength: 4 }),
    });
    fc.assert(
      fc.property(seedArb, (s) => {
        const seed: WorldSeed = {
          idSeed: s.idSeed,
          time: s.time,
          accounts: [
            {
              id: '123456789012',
              users: s.users.map((u) => ({ name: u.name, tags: u.tags, accessKeys: Array.from({ length: u.keys }, () => ({})), mfa: u.mfa })),
              roles: s.roles.map((r) => ({ name: r.name, trustPolicy: TRUST, instanceProfile: r.profile, maxSessionDuration: r.max })),
            },
          ],
        };
        const text = snapshot(createWorld(seed));
        expect(snapshot(restore(text))).toBe(text);
        expect(snapshot(createWorld(seed))).toBe(text);
      }),
      { numRuns: 60 },
    );
  });
});

describe('restoring older snapshots', () => {
  it('fills state maps that did not exist when the snapshot was written', () => {
    const old = JSON.parse(snapshot(createWorld(SEED))) as { accounts: Record<string, { iam: Record<string, unknown> }> };
    for (const a of Object.values(old.accounts)) delete a.iam['lastAccessedJobs'];
    const world = restore(JSON.stringify(old));
    expect(world.accounts['111122223333']?.iam.lastAccessedJobs).toEqual({});
  });
});
