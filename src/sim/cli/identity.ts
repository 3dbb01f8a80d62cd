/**
 * `identityOf(session)`: who the next `aws` command would run as, for the terminal's status
 * line — worked out WITHOUT calling anything. Resolving credentials for real may assume a role
 * (a profile with `role_arn`) or mint instance credentials, and both would leave CloudTrail
 * events the learner never caused; this reads the same sources in the same order instead.
 */
import type { World } from '../world/types.ts';
import { assumedRoleArn } from '../world/arns.ts';
import { currentHost } from './session.ts';
import type { CliSession } from './session.ts';
import { profileSettings } from './credentials.ts';

/** The identity the CLI would use, as the status line shows it. */
export interface SessionIdentity {
  /** An ARN (`arn:aws:iam::111122223333:user/alice`), or null when nothing would sign. */
  arn: string | null;
  /** Where the credentials come from, in the CLI's terms. */
  source: 'environment' | 'profile' | 'assume-role profile' | 'instance metadata' | 'none';
  /** The profile in use, when a profile supplies them. */
  profile?: string;
}

/** The ARN behind an access key id: an IAM user's key, or a temporary credential's session. */
export function principalOfKey(world: World, accessKeyId: string): string | null {
  const temp = world.sts.credentials[accessKeyId];
  if (temp !== undefined) {
    if (temp.roleName !== undefined && temp.sessionName !== undefined) return assumedRoleArn(temp.accountId, temp.roleName, temp.sessionName);
    if (temp.kind === 'SessionToken') return temp.userName === undefined ? `arn:aws:iam::${temp.accountId}:root` : `arn:aws:iam::${temp.accountId}:user/${temp.userName}`;
    return null;
  }
  for (const account of Object.values(world.accounts)) {
    for (const user of Object.values(account.iam.users)) {
      if (user.accessKeys.some((k) => k.accessKeyId === accessKeyId)) return user.arn;
    }
  }
  return null;
}

/** The role an instance's profile holds, as an assumed-role ARN with the instance id as session. */
function instanceRoleArn(world: World, instanceId: string): string | null {
  const instance = world.ec2.instances[instanceId];
  const profileArn = instance?.profile?.instanceProfileArn;
  if (instance === undefined || profileArn === undefined) return null;
  for (const account of Object.values(world.accounts)) {
    const profile = Object.values(account.iam.instanceProfiles).find((p) => p.arn === profileArn);
    const role = profile?.roles[0];
    // EC2 names the session after the instance id, as CloudTrail shows for instance roles.
    if (role !== undefined) return assumedRoleArn(account.id, role, instanceId);
  }
  return null;
}

/** Who the next `aws` command would run as (no `--profile`), following the CLI's chain. */
export function identityOf(session: CliSession): SessionIdentity {
  const env = currentHost(session).env;
  const envKey = env['AWS_ACCESS_KEY_ID'];
  if (envKey !== undefined && envKey !== '' && (env['AWS_SECRET_ACCESS_KEY'] ?? '') !== '') {
    return { arn: principalOfKey(session.world, envKey), source: 'environment' };
  }
  const profile = env['AWS_PROFILE'] !== undefined && env['AWS_PROFILE'] !== '' ? env['AWS_PROFILE'] : 'default';
  const settings = profileSettings(session, profile);
  if (settings !== undefined) {
    const roleArn = settings['role_arn'];
    if (roleArn !== undefined && roleArn !== '') return { arn: roleArn, source: 'assume-role profile', profile };
    const key = settings['aws_access_key_id'];
    if (key !== undefined && key !== '') return { arn: principalOfKey(session.world, key), source: 'profile', profile };
  }
  const instanceId = currentHost(session).instanceId;
  if (instanceId !== undefined) {
    const arn = instanceRoleArn(session.world, instanceId);
    if (arn !== null) return { arn, source: 'instance metadata' };
  }
  return { arn: null, source: 'none' };
}
