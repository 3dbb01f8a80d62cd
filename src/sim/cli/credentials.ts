/**
 * The CLI's credential chain (AWS CLI User Guide, "Configuration and credential file
 * settings", "Using an IAM role in the AWS CLI"; SDK reference "Standardized credential
 * providers"), in its order:
 * 1. `--profile` names a profile: that profile, nothing else.
 * 2. `AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY` (+ `AWS_SESSION_TOKEN`).
 * 3. The profile `AWS_PROFILE` names, or `default`: keys in `~/.aws/credentials` or
 *    `~/.aws/config`, or `role_arn` with `source_profile` / `credential_source`, which the CLI
 *    assumes for you (asking for an MFA code when `mfa_serial` is set) and caches.
 * 4. On an EC2 instance, the instance metadata service (IMDSv2: token, then role credentials).
 */
import { callAws } from '../services/call.ts';
// A command may call any service at any moment: every one is registered up front.
import '../services/all.ts';
import { imdsRequest } from '../services/ec2/imds.ts';
import type { AccessKeyCredentials } from '../services/types.ts';
import { msFromIso } from '../world/clock.ts';
import { serviceErrorText, NO_CREDENTIALS } from './errors.ts';
import { configSection, parseIni } from './ini.ts';
import type { Ini } from './ini.ts';
import { currentHost } from './session.ts';
import type { CachedCredentials, CliSession } from './session.ts';

/** Where the credentials came from (`aws configure list` shows it). */
export type CredentialSource = 'env' | 'shared-credentials-file' | 'config-file' | 'assume-role' | 'iam-role';

/** Found credentials, or the CLI's error text and exit code. */
export type CredentialResult = { ok: true; credentials: AccessKeyCredentials; source: CredentialSource; profile?: string } | { ok: false; message: string; exitCode: number };

/** The two shared files of the current host. */
export function sharedFiles(session: CliSession): { credentials: Ini; config: Ini } {
  const h = currentHost(session);
  return { credentials: parseIni(h.files[`${h.home}/.aws/credentials`] ?? ''), config: parseIni(h.files[`${h.home}/.aws/config`] ?? '') };
}

/** A profile's settings: the config file's section overlaid by the credentials file's. */
export function profileSettings(session: CliSession, profile: string): Record<string, string> | undefined {
  const { credentials, config } = sharedFiles(session);
  const c = config[configSection(profile)];
  const k = credentials[profile];
  return c === undefined && k === undefined ? undefined : { ...c, ...k };
}

/** Credentials from the instance metadata service (IMDSv2), as the SDK fetches them. */
export function imdsCredentials(session: CliSession): CredentialResult | undefined {
  const id = currentHost(session).instanceId;
  if (id === undefined) return undefined;
  const world = session.world;
  const token = imdsRequest(world, id, { method: 'PUT', path: '/latest/api/token', headers: { 'X-aws-ec2-metadata-token-ttl-seconds': '21600' } });
  // The SDK falls back to IMDSv1 when the token request fails (and IMDSv1 is allowed).
  const headers: Record<string, string> = token.status === 200 ? { 'X-aws-ec2-metadata-token': token.body } : {};
  const list = imdsRequest(world, id, { method: 'GET', path: '/latest/meta-data/iam/security-credentials/', headers });
  const role = list.status === 200 ? list.body.split('\n')[0] : undefined;
  if (role === undefined || role === '') return undefined;
  const creds = imdsRequest(world, id, { method: 'GET', path: `/latest/meta-data/iam/security-credentials/${role}`, headers });
  if (creds.status !== 200) return undefined;
  try {
    const j = JSON.parse(creds.body) as { AccessKeyId?: string; SecretAccessKey?: string; Token?: string };
    if (j.AccessKeyId === undefined) return undefined;
    const c: AccessKeyCredentials = { accessKeyId: j.AccessKeyId };
    if (j.SecretAccessKey !== undefined) c.secretAccessKey = j.SecretAccessKey;
    if (j.Token !== undefined) c.sessionToken = j.Token;
    return { ok: true, credentials: c, source: 'iam-role' };
  } catch {
    return undefined;
  }
}

function staticKeys(s: Record<string, string>): AccessKeyCredentials | undefined {
  const id = s['aws_access_key_id'];
  const secret = s['aws_secret_access_key'];
  if (id === undefined || id === '' || secret === undefined) return undefined;
  const c: AccessKeyCredentials = { accessKeyId: id, secretAccessKey: secret };
  const token = s['aws_session_token'];
  if (token !== undefined && token !== '') c.sessionToken = token;
  return c;
}

function envKeys(env: Readonly<Record<string, string>>): AccessKeyCredentials | undefined {
  const id = env['AWS_ACCESS_KEY_ID'];
  const secret = env['AWS_SECRET_ACCESS_KEY'];
  if (id === undefined || id === '' || secret === undefined || secret === '') return undefined;
  const c: AccessKeyCredentials = { accessKeyId: id, secretAccessKey: secret };
  const token = env['AWS_SESSION_TOKEN'];
  if (token !== undefined && token !== '') c.sessionToken = token;
  return c;
}

/** Assumes a profile's role with the source credentials, or reuses the cached session. */
function assumeForProfile(session: CliSession, profile: string, s: Record<string, string>, depth: number): CredentialResult {
  const roleArn = s['role_arn'] ?? '';
  const key = `${session.current}:${profile}`;
  const cached = session.cache[key];
  const now = session.world.clock.epochMs;
  // botocore refreshes a cached role session when less than 15 minutes are left.
  if (cached !== undefined && cached.expirationMs - now > 15 * 60 * 1000) {
    return { ok: true, credentials: { accessKeyId: cached.accessKeyId, secretAccessKey: cached.secretAccessKey, sessionToken: cached.sessionToken }, source: 'assume-role', profile };
  }
  let source: CredentialResult;
  const sourceProfile = s['source_profile'];
  const credentialSource = s['credential_source'];
  if (sourceProfile !== undefined) {
    source = sourceProfile === profile ? staticOnly(session, profile) : fromProfile(session, sourceProfile, depth + 1);
  } else if (credentialSource === 'Ec2InstanceMetadata') {
    source = imdsCredentials(session) ?? { ok: false, message: NO_CREDENTIALS, exitCode: 253 };
  } else if (credentialSource === 'Environment') {
    const e = envKeys(currentHost(session).env);
    source = e === undefined ? { ok: false, message: NO_CREDENTIALS, exitCode: 253 } : { ok: true, credentials: e, source: 'env' };
  } else {
    return { ok: false, message: `The profile "${profile}" must specify either source_profile or credential_source.`, exitCode: 255 };
  }
  if (!source.ok) return source;
  const params: Record<string, unknown> = { RoleArn: roleArn, RoleSessionName: s['role_session_name'] ?? `botocore-session-${Math.floor(now / 1000)}` };
  if (s['external_id'] !== undefined) params['ExternalId'] = s['external_id'];
  if (s['duration_seconds'] !== undefined) params['DurationSeconds'] = Number(s['duration_seconds']);
  const serial = s['mfa_serial'];
  if (serial !== undefined) {
    const code = session.mfaCode?.(serial);
    if (code === undefined) return { ok: false, message: `Enter MFA code for ${serial}: \nMFA code required: run the command again with the code (the terminal asks for it).`, exitCode: 255 };
    params['SerialNumber'] = serial;
    params['TokenCode'] = code;
  }
  const r = callAws(session.world, source.credentials, 'sts', 'AssumeRole', params, { userAgent: 'aws-cli/2' });
  if (!r.ok) return { ok: false, message: serviceErrorText('AssumeRole', r.error), exitCode: 254 };
  const c = (r.result as { Credentials?: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: string } }).Credentials;
  if (c === undefined) return { ok: false, message: NO_CREDENTIALS, exitCode: 253 };
  const entry: CachedCredentials = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expirationMs: msFromIso(c.Expiration) ?? now };
  session.cache[key] = entry;
  return { ok: true, credentials: { accessKeyId: entry.accessKeyId, secretAccessKey: entry.secretAccessKey, sessionToken: entry.sessionToken }, source: 'assume-role', profile };
}

/** A profile's own static keys (a `source_profile` pointing at itself). */
function staticOnly(session: CliSession, profile: string): CredentialResult {
  const s = profileSettings(session, profile) ?? {};
  const k = staticKeys(s);
  return k === undefined ? { ok: false, message: NO_CREDENTIALS, exitCode: 253 } : { ok: true, credentials: k, source: 'shared-credentials-file', profile };
}

/** Credentials of a named profile. */
function fromProfile(session: CliSession, profile: string, depth = 0): CredentialResult {
  if (depth > 5) return { ok: false, message: `Infinite loop in credential configuration detected. Attempting to load from profile ${profile}.`, exitCode: 255 };
  const s = profileSettings(session, profile);
  if (s === undefined) return { ok: false, message: `The config profile (${profile}) could not be found`, exitCode: 255 };
  if (s['role_arn'] !== undefined) return assumeForProfile(session, profile, s, depth);
  const k = staticKeys(s);
  if (k !== undefined) {
    const inCreds = sharedFiles(session).credentials[profile]?.['aws_access_key_id'] !== undefined;
    return { ok: true, credentials: k, source: inCreds ? 'shared-credentials-file' : 'config-file', profile };
  }
  return { ok: false, message: NO_CREDENTIALS, exitCode: 253 };
}

/**
 * Finds the credentials a command runs with, walking the chain. Assuming a profile's role
 * is a real AssumeRole call: it shows in the world's event log, as it would in CloudTrail.
 */
export function resolveCredentials(session: CliSession, profileOption: string | undefined): CredentialResult {
  if (profileOption !== undefined) return fromProfile(session, profileOption);
  const env = currentHost(session).env;
  const e = envKeys(env);
  if (e !== undefined) return { ok: true, credentials: e, source: 'env' };
  const named = env['AWS_PROFILE'];
  if (named !== undefined && named !== '') return fromProfile(session, named);
  const fromDefault = profileSettings(session, 'default') === undefined ? undefined : fromProfile(session, 'default');
  if (fromDefault !== undefined && (fromDefault.ok || fromDefault.message !== NO_CREDENTIALS)) return fromDefault;
  return imdsCredentials(session) ?? { ok: false, message: NO_CREDENTIALS, exitCode: 253 };
}

/** The region a command goes to: option, environment, profile, the instance's region, the world's default. */
export function resolveRegion(session: CliSession, regionOption: string | undefined, profileOption: string | undefined): string {
  if (regionOption !== undefined) return regionOption;
  const h = currentHost(session);
  const fromEnv = h.env['AWS_REGION'] ?? h.env['AWS_DEFAULT_REGION'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const profile = profileOption ?? h.env['AWS_PROFILE'] ?? 'default';
  const fromProfileRegion = profileSettings(session, profile)?.['region'];
  if (fromProfileRegion !== undefined) return fromProfileRegion;
  const instance = h.instanceId === undefined ? undefined : session.world.ec2.instances[h.instanceId];
  return instance?.region ?? session.world.defaultRegion;
}
