/**
 * The console lab's runtime: calls are signed as the console user and logged as CLI commands,
 * the pages read the world back through the API, and the state survives a reload (a save and
 * a load through localStorage) until Reset.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  associationOf,
  call,
  callAll,
  clearState,
  listInstances,
  listProfiles,
  listRoles,
  loadState,
  roleDetails,
  saveState,
  startState,
} from '../../../src/components/console/runtime.ts';
import {
  createRoleCalls,
  launchCall,
  modifyRoleCalls,
  useCaseById,
} from '../../../src/components/console/wizard.ts';
import type { UseCase } from '../../../src/components/console/wizard.ts';

const KEY = 'rolelab-console:test';
const ec2 = useCaseById('ec2') as UseCase;

/** A Map-backed stand-in for the browser's localStorage. */
function fakeStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

beforeEach(() => {
  (globalThis as { localStorage?: Storage }).localStorage = fakeStorage();
});
afterEach(() => {
  delete (globalThis as { localStorage?: Storage }).localStorage;
});

describe('console runtime', () => {
  it('creates a role, shows it on its page, and launches an instance with its profile', () => {
    const s = startState();
    expect(listRoles(s)).toEqual([]);
    const created = callAll(
      s,
      createRoleCalls({
        useCase: ec2,
        policyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
        name: 'PhotoReader',
        description: 'Reads photos.',
      }),
    );
    expect(created.ok).toBe(true);
    const d = roleDetails(s, 'PhotoReader');
    if ('code' in d) throw new Error(d.message);
    expect(d.arn).toBe('arn:aws:iam::111122223333:role/PhotoReader');
    expect(d.instanceProfileArns).toEqual([
      'arn:aws:iam::111122223333:instance-profile/PhotoReader',
    ]);
    expect(d.policies).toEqual([
      { name: 'AmazonS3ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' },
    ]);
    expect(d.trustPolicy).toContain('ec2.amazonaws.com');
    expect(listProfiles(s)).toEqual([
      {
        name: 'PhotoReader',
        arn: 'arn:aws:iam::111122223333:instance-profile/PhotoReader',
        role: 'PhotoReader',
      },
    ]);

    expect(
      callAll(s, [
        launchCall({
          name: 'web',
          imageId: 'ami-0abcdef1234567890',
          instanceType: 't2.micro',
          instanceProfile: 'PhotoReader',
          httpTokens: 'required',
        }),
      ]).ok,
    ).toBe(true);
    const rows = listInstances(s);
    if ('code' in rows) throw new Error(rows.message);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: 'web',
      profileArn: 'arn:aws:iam::111122223333:instance-profile/PhotoReader',
      httpTokens: 'required',
    });
    expect(rows[0]?.arn).toMatch(/^arn:aws:ec2:us-east-1:111122223333:instance\/i-[0-9a-f]+$/);
    // Only writes are logged, as CLI commands with their outcome.
    expect(s.calls.map((c) => c.operation)).toEqual([
      'CreateRole',
      'AttachRolePolicy',
      'CreateInstanceProfile',
      'AddRoleToInstanceProfile',
      'RunInstances',
    ]);
    expect(s.calls.every((c) => c.outcome === 'ok')).toBe(true);
  });

  it('stops at the first failing call and reports AWS’s error', () => {
    const s = startState();
    const r = callAll(s, [
      launchCall({
        name: '',
        imageId: 'ami-0abcdef1234567890',
        instanceType: 't2.micro',
        instanceProfile: 'NoSuchProfile',
        httpTokens: 'required',
      }),
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/NoSuchProfile/);
    expect(s.calls.at(-1)?.outcome).not.toBe('ok');
    expect(call(s, { service: 'iam', operation: 'GetRole', params: { RoleName: 'Nope' } }).ok).toBe(
      false,
    );
  });

  it('survives a reload and forgets everything on reset', () => {
    const s = startState();
    callAll(s, createRoleCalls({ useCase: ec2, policyArns: [], name: 'Kept', description: '' }));
    saveState(KEY, s);
    const loaded = loadState(KEY);
    expect(loaded.restored).toBe(true);
    expect(listRoles(loaded.state)).toEqual([
      { name: 'Kept', arn: 'arn:aws:iam::111122223333:role/Kept', description: '' },
    ]);
    expect(loaded.state.calls).toHaveLength(3);
    clearState(KEY);
    const fresh = loadState(KEY);
    expect(fresh.restored).toBe(false);
    expect(listRoles(fresh.state)).toEqual([]);
  });

  it('signed in as developer, Create role is denied and a launch with a role lacks iam:PassRole', () => {
    const s = startState();
    callAll(s, createRoleCalls({ useCase: ec2, policyArns: [], name: 'WebRole', description: '' }));
    s.user = 'developer';
    const create = callAll(
      s,
      createRoleCalls({ useCase: ec2, policyArns: [], name: 'Other', description: '' }),
    );
    expect(create.ok ? '' : create.error.code).toBe('AccessDenied');
    if (!create.ok)
      expect(create.error.message).toBe(
        'User: arn:aws:iam::111122223333:user/developer is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::111122223333:role/Other because no identity-based policy allows the iam:CreateRole action',
      );
    const draft = {
      name: 'web',
      imageId: 'ami-0abcdef1234567890',
      instanceType: 't2.micro',
      httpTokens: 'required' as const,
    };
    const launch = callAll(s, [launchCall({ ...draft, instanceProfile: 'WebRole' })]);
    expect(launch.ok ? '' : launch.error.code).toBe('UnauthorizedOperation');
    if (!launch.ok)
      expect(launch.error.message).toContain(
        'is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role/WebRole',
      );
    // Without a role there is nothing to pass, and the developer may launch.
    expect(callAll(s, [launchCall({ ...draft, instanceProfile: '' })]).ok).toBe(true);
    expect(s.calls.slice(-3).map((c) => `${c.user} ${c.operation} ${c.outcome}`)).toEqual([
      'developer CreateRole AccessDenied',
      'developer RunInstances UnauthorizedOperation',
      'developer RunInstances ok',
    ]);
    // Reading still works for the developer: the console's pages can show the role.
    expect(listRoles(s)).toHaveLength(1);
    saveState(KEY, s);
    expect(loadState(KEY).state.user).toBe('developer');
  });

  it('swaps the role of a running instance: associate, replace, then detach', () => {
    const s = startState();
    for (const name of ['WebRole', 'ReportsRole']) {
      callAll(s, createRoleCalls({ useCase: ec2, policyArns: [], name, description: '' }));
    }
    const draft = {
      name: 'app',
      imageId: 'ami-0abcdef1234567890',
      instanceType: 't2.micro',
      httpTokens: 'required' as const,
    };
    callAll(s, [launchCall({ ...draft, instanceProfile: '' })]);
    const rows = listInstances(s);
    if ('code' in rows) throw new Error(rows.message);
    const id = rows[0]?.id ?? '';
    expect(associationOf(s, id)).toBeUndefined();

    expect(callAll(s, modifyRoleCalls(id, undefined, undefined, 'WebRole')).ok).toBe(true);
    const first = associationOf(s, id);
    if (first === undefined || 'code' in first) throw new Error('no association');
    expect(first.profileName).toBe('WebRole');
    expect(first.associationId).toMatch(/^iip-assoc-/);

    expect(
      callAll(s, modifyRoleCalls(id, first.associationId, first.profileName, 'ReportsRole')).ok,
    ).toBe(true);
    const second = associationOf(s, id);
    if (second === undefined || 'code' in second) throw new Error('no association');
    expect(second.profileName).toBe('ReportsRole');
    const after = listInstances(s);
    if ('code' in after) throw new Error(after.message);
    expect(after[0]?.profileArn).toBe('arn:aws:iam::111122223333:instance-profile/ReportsRole');

    expect(callAll(s, modifyRoleCalls(id, second.associationId, second.profileName, '')).ok).toBe(
      true,
    );
    expect(associationOf(s, id)).toBeUndefined();
    expect(s.calls.slice(-3).map((c) => c.operation)).toEqual([
      'AssociateIamInstanceProfile',
      'ReplaceIamInstanceProfileAssociation',
      'DisassociateIamInstanceProfile',
    ]);
  });

  it('drops a damaged save instead of failing', () => {
    localStorage.setItem(KEY, '{"version":1,"world":"not json","calls":[]}');
    expect(loadState(KEY).restored).toBe(false);
  });
});
