/**
 * `aws configure set|get|list`, editing `~/.aws/credentials` and `~/.aws/config` of the
 * current host as the real command does: keys and tokens go to the credentials file,
 * everything else to the config file; `profile.NAME.key` and `--profile` pick the profile.
 */
import { resolveCredentials, sharedFiles, profileSettings } from './credentials.ts';
import { success, usageError } from './errors.ts';
import { writeFile } from './fs.ts';
import { configSection, writeIni } from './ini.ts';
import { currentHost, promptSetting } from './session.ts';
import type { CliSession } from './session.ts';
import type { CliResult, GlobalOptions } from './types.ts';

const CREDENTIAL_KEYS = new Set(['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token']);

/** `profile.dev.region` → (dev, region); `default.region` → (default, region). */
function splitName(name: string, profile: string): { profile: string; key: string } {
  const parts = name.split('.');
  if (parts[0] === 'profile' && parts.length >= 3) return { profile: parts[1] ?? profile, key: parts.slice(2).join('.') };
  if (parts[0] === 'default' && parts.length >= 2) return { profile: 'default', key: parts.slice(1).join('.') };
  return { profile, key: name };
}

function set(session: CliSession, name: string, value: string, profileName: string): CliResult {
  const { profile, key } = splitName(name, profileName);
  const h = currentHost(session);
  const files = sharedFiles(session);
  if (CREDENTIAL_KEYS.has(key)) {
    files.credentials[profile] = { ...files.credentials[profile], [key]: value };
    writeFile(h, `${h.home}/.aws/credentials`, writeIni(files.credentials));
  } else {
    const section = configSection(profile);
    files.config[section] = { ...files.config[section], [key]: value };
    writeFile(h, `${h.home}/.aws/config`, writeIni(files.config));
  }
  return success('');
}

function mask(v: string): string {
  return `****************${v.slice(-4)}`;
}

function list(session: CliSession, globals: GlobalOptions): CliResult {
  const h = currentHost(session);
  const profile = globals.profile ?? h.env['AWS_PROFILE'];
  const row = (name: string, value: string, type: string, location: string): string => `${name.padStart(10)} ${value.padStart(24)} ${type.padStart(16)}    ${location}`.trimEnd();
  const lines = [row('Name', 'Value', 'Type', 'Location'), row('----', '-----', '----', '--------')];
  lines.push(profile === undefined ? row('profile', '<not set>', 'None', 'None') : row('profile', profile, globals.profile !== undefined ? 'manual' : 'env', globals.profile !== undefined ? '--profile' : 'AWS_PROFILE'));
  const c = resolveCredentials(session, globals.profile);
  if (c.ok) {
    const type = c.source === 'env' ? 'env' : c.source === 'iam-role' ? 'iam-role' : c.source === 'assume-role' ? 'assume-role' : c.source;
    lines.push(row('access_key', mask(c.credentials.accessKeyId), type, ''));
    lines.push(row('secret_key', mask(c.credentials.secretAccessKey ?? ''), type, ''));
  } else {
    lines.push(row('access_key', '<not set>', 'None', 'None'), row('secret_key', '<not set>', 'None', 'None'));
  }
  const envRegion = h.env['AWS_REGION'] ?? h.env['AWS_DEFAULT_REGION'];
  const fileRegion = profileSettings(session, profile ?? 'default')?.['region'];
  if (globals.region !== undefined) lines.push(row('region', globals.region, 'manual', '--region'));
  else if (envRegion !== undefined) lines.push(row('region', envRegion, 'env', h.env['AWS_REGION'] !== undefined ? 'AWS_REGION' : 'AWS_DEFAULT_REGION'));
  else if (fileRegion !== undefined) lines.push(row('region', fileRegion, 'config-file', '~/.aws/config'));
  else lines.push(row('region', '<not set>', 'None', 'None'));
  return success(`${lines.join('\n')}\n`);
}

/** Runs `aws configure <command> …`. */
export function runConfigure(session: CliSession, command: string, args: readonly string[], globals: GlobalOptions): CliResult {
  const profile = globals.profile ?? currentHost(session).env['AWS_PROFILE'] ?? 'default';
  if (command === 'set') {
    const [name, value] = args;
    if (name === undefined || value === undefined) return usageError('the following arguments are required: varname, value');
    return set(session, name, value, profile);
  }
  if (command === 'get') {
    const [name] = args;
    if (name === undefined) return usageError('the following arguments are required: varname');
    const { profile: p, key } = splitName(name, profile);
    const v = profileSettings(session, p)?.[key];
    return v === undefined ? { stdout: '', stderr: '', exitCode: 1 } : success(`${v}\n`);
  }
  if (command === 'list') return list(session, globals);
  // Plain `aws configure` asks four questions; the next lines typed answer them (runLine).
  session.prompt = { kind: 'configure', profile, step: 0 };
  return success('');
}

/**
 * Answers the question `aws configure` is asking: an empty answer keeps the current value.
 * Returns true while more questions follow.
 */
export function answerConfigure(session: CliSession, answer: string): boolean {
  const p = session.prompt;
  if (p === undefined) return false;
  const setting = promptSetting(p.step);
  const value = answer.trim();
  if (setting !== undefined && value !== '') set(session, setting, value, p.profile);
  p.step++;
  if (promptSetting(p.step) === undefined) {
    delete session.prompt;
    return false;
  }
  return true;
}
