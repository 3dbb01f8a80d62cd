import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../src/sim/world/index.ts';
import { authenticatorCode, checkPassword, totpAt } from '../../../src/sim/services/index.ts';
import { baseWorld, caller, codeOf, DEV, expectOk, KEYS } from './fixtures.ts';

describe('users and groups', () => {
  it('creates users and groups and manages membership', () => {
    const call = caller(baseWorld());
    const u = expectOk<{ User: Record<string, unknown> }>(call(KEYS.admin, 'iam', 'CreateUser', { UserName: 'dave', Path: '/eng/' }));
    expect(u.User).toMatchObject({ UserName: 'dave', Path: '/eng/', Arn: `arn:aws:iam::${DEV}:user/eng/dave` });
    expect(String(u.User['UserId'])).toMatch(/^AIDA/);
    expect(codeOf(call(KEYS.admin, 'iam', 'CreateUser', { UserName: 'DAVE' }))).toBe('EntityAlreadyExists');
    const g = expectOk<{ Group: Record<string, unknown> }>(call(KEYS.admin, 'iam', 'CreateGroup', { GroupName: 'qa' }));
    expect(String(g.Group['GroupId'])).toMatch(/^AGPA/);
    expectOk(call(KEYS.admin, 'iam', 'AddUserToGroup', { GroupName: 'qa', UserName: 'dave' }));
    expect(expectOk<{ Users: { UserName: string }[] }>(call(KEYS.admin, 'iam', 'GetGroup', { GroupName: 'qa' })).Users.map((x) => x.UserName)).toEqual(['dave']);
    expect(expectOk<{ Groups: { GroupName: string }[] }>(call(KEYS.admin, 'iam', 'ListGroupsForUser', { UserName: 'dave' })).Groups.map((x) => x.GroupName)).toEqual(['qa']);
    expect(codeOf(call(KEYS.admin, 'iam', 'AddUserToGroup', { GroupName: 'qa', UserName: 'ghost' }))).toBe('NoSuchEntity');
    expect(call(KEYS.admin, 'iam', 'DeleteGroup', { GroupName: 'qa' })).toMatchObject({ error: { code: 'DeleteConflict' } });
    expect(call(KEYS.admin, 'iam', 'DeleteUser', { UserName: 'dave' })).toMatchObject({ error: { message: 'Cannot delete entity, must remove users from group first.' } });
    expectOk(call(KEYS.admin, 'iam', 'RemoveUserFromGroup', { GroupName: 'qa', UserName: 'dave' }));
    expectOk(call(KEYS.admin, 'iam', 'DeleteUser', { UserName: 'dave' }));
    expectOk(call(KEYS.admin, 'iam', 'DeleteGroup', { GroupName: 'qa' }));
  });

  it('GetUser without a name returns the caller, and needs a name for non-user callers', () => {
    const call = caller(baseWorld());
    expectOk(call(KEYS.admin, 'iam', 'AttachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    expect(expectOk<{ User: { UserName: string } }>(call(KEYS.alice, 'iam', 'GetUser')).User.UserName).toBe('alice');
    expect(expectOk<{ User: { Arn: string } }>(call({ root: DEV }, 'iam', 'GetUser')).User.Arn).toBe(`arn:aws:iam::${DEV}:root`);
    const session = expectOk<{ Credentials: { AccessKeyId: string; SessionToken: string } }>(call(KEYS.bob, 'sts', 'AssumeRole', { RoleArn: `arn:aws:iam::${DEV}:role/DevReader`, RoleSessionName: 'bob' }));
    expect(call({ accessKeyId: session.Credentials.AccessKeyId, sessionToken: session.Credentials.SessionToken }, 'iam', 'GetUser')).toMatchObject({
      error: { code: 'ValidationError', message: 'Must specify userName when calling with non-User credentials' },
    });
    expect(codeOf(call({ root: DEV }, 'iam', 'GetUser', { UserName: 'alice' }))).toBe('OK');
  });
});

describe('access keys', () => {
  it('allows at most two keys per user and they sign calls until deactivated', () => {
    const world = baseWorld();
    const call = caller(world);
    const second = expectOk<{ AccessKey: { AccessKeyId: string; SecretAccessKey: string; Status: string } }>(call(KEYS.admin, 'iam', 'CreateAccessKey', { UserName: 'alice' }));
    expect(second.AccessKey.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(second.AccessKey.SecretAccessKey).toHaveLength(40);
    expect(call(KEYS.admin, 'iam', 'CreateAccessKey', { UserName: 'alice' })).toMatchObject({ error: { code: 'LimitExceeded', message: 'Cannot exceed quota for AccessKeysPerUser: 2' } });
    const creds = { accessKeyId: second.AccessKey.AccessKeyId, secretAccessKey: second.AccessKey.SecretAccessKey };
    expect(expectOk<{ Arn: string }>(call(creds, 'sts', 'GetCallerIdentity')).Arn).toBe(`arn:aws:iam::${DEV}:user/alice`);
    expect(codeOf(call({ ...creds, secretAccessKey: 'x'.repeat(40) }, 'sts', 'GetCallerIdentity'))).toBe('SignatureDoesNotMatch');
    expectOk(call(KEYS.admin, 'iam', 'UpdateAccessKey', { UserName: 'alice', AccessKeyId: creds.accessKeyId, Status: 'Inactive' }));
    expect(call(creds, 'sts', 'GetCallerIdentity')).toMatchObject({ error: { code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' } });
    expectOk(call(KEYS.admin, 'iam', 'DeleteAccessKey', { UserName: 'alice', AccessKeyId: creds.accessKeyId }));
    expect(expectOk<{ AccessKeyMetadata: unknown[] }>(call(KEYS.admin, 'iam', 'ListAccessKeys', { UserName: 'alice' })).AccessKeyMetadata).toHaveLength(1);
    expect(codeOf(call(KEYS.admin, 'iam', 'DeleteAccessKey', { UserName: 'alice', AccessKeyId: creds.accessKeyId }))).toBe('NoSuchEntity');
  });
});

describe('virtual MFA devices', () => {
  it('creates a device, enables it with two consecutive codes from the simulated authenticator', () => {
    const world = baseWorld();
    const call = caller(world);
    const dev = expectOk<{ VirtualMFADevice: { SerialNumber: string; Base32StringSeed: string } }>(call(KEYS.admin, 'iam', 'CreateVirtualMFADevice', { VirtualMFADeviceName: 'alice-phone' }));
    const serial = dev.VirtualMFADevice.SerialNumber;
    expect(serial).toBe(`arn:aws:iam::${DEV}:mfa/alice-phone`);
    const view = authenticatorCode(world, serial);
    expect(view?.code).toMatch(/^\d{6}$/);
    expect(view?.code).toBe(totpAt(dev.VirtualMFADevice.Base32StringSeed, world.clock.epochMs));
    expect(call(KEYS.admin, 'iam', 'EnableMFADevice', { UserName: 'alice', SerialNumber: serial, AuthenticationCode1: '000000', AuthenticationCode2: '111111' })).toMatchObject({
      error: { code: 'InvalidAuthenticationCode', httpStatus: 403 },
    });
    expectOk(call(KEYS.admin, 'iam', 'EnableMFADevice', { UserName: 'alice', SerialNumber: serial, AuthenticationCode1: view?.code, AuthenticationCode2: view?.nextCode }));
    expect(expectOk<{ MFADevices: { SerialNumber: string }[] }>(call(KEYS.admin, 'iam', 'ListMFADevices', { UserName: 'alice' })).MFADevices.map((d) => d.SerialNumber)).toEqual([serial]);
    expect(codeOf(call(KEYS.admin, 'iam', 'DeleteVirtualMFADevice', { SerialNumber: serial }))).toBe('DeleteConflict');
  });

  it('shows a code that changes every 30 seconds of simulated time', () => {
    const world = baseWorld();
    const serial = `arn:aws:iam::${DEV}:mfa/carol`;
    const first = authenticatorCode(world, serial);
    manualClock(world.clock).advanceSeconds(first?.secondsRemaining ?? 30);
    expect(authenticatorCode(world, serial)?.code).toBe(first?.nextCode);
    expect(authenticatorCode(world, 'arn:aws:iam::1:mfa/none')).toBeUndefined();
  });
});

describe('password policy', () => {
  it('says which rule a password breaks, with AWS’s default when no policy is set', () => {
    expect(checkPassword(null, 'short').map((p) => p.rule)).toEqual(['MinimumPasswordLength', 'DefaultCharacterTypes']);
    expect(checkPassword(null, 'Longer-pass1')).toEqual([]);
    const world = baseWorld();
    const call = caller(world);
    expectOk(call(KEYS.admin, 'iam', 'UpdateAccountPasswordPolicy', { MinimumPasswordLength: 12, RequireSymbols: true, RequireNumbers: true }));
    const policy = expectOk<{ PasswordPolicy: Record<string, unknown> }>(call(KEYS.admin, 'iam', 'GetAccountPasswordPolicy')).PasswordPolicy;
    expect(policy).toMatchObject({ MinimumPasswordLength: 12, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: false, ExpirePasswords: false });
    expect(checkPassword(world.accounts[DEV]?.iam.passwordPolicy ?? null, 'longpassword').map((p) => p.rule)).toEqual(['RequireSymbols', 'RequireNumbers']);
    expect(call(KEYS.admin, 'iam', 'CreateLoginProfile', { UserName: 'alice', Password: 'longpassword' })).toMatchObject({ error: { code: 'PasswordPolicyViolation' } });
    expect(codeOf(call(KEYS.admin, 'iam', 'CreateLoginProfile', { UserName: 'alice', Password: 'longpassword1!' }))).toBe('OK');
    expect(codeOf(call(KEYS.admin, 'iam', 'UpdateAccountPasswordPolicy', { MinimumPasswordLength: 5 }))).toBe('ValidationError');
    expectOk(call(KEYS.admin, 'iam', 'DeleteAccountPasswordPolicy'));
    expect(call(KEYS.admin, 'iam', 'GetAccountPasswordPolicy')).toMatchObject({ error: { code: 'NoSuchEntity', message: `The Password Policy with domain name ${DEV} cannot be found.` } });
  });
});
