/**
 * A terminal session: the simulated world it talks to, the hosts it can be on (a laptop with
 * an IAM user's credentials file, EC2 instances with nothing but their metadata service),
 * each host's environment and files, the command history, and the credentials the CLI has
 * cached after assuming roles for profiles. Plain data, changed in place by `runLine`.
 */
import type { World } from '../world/types.ts';
import { writeFile } from './fs.ts';
import type { SimFs } from './fs.ts';
import type { ErrorStyle } from './error-style.ts';

/** One machine the session can be on. */
export interface CliHost extends SimFs {
  /** The prompt's host name: `laptop`, or `ip-10-0-1-23` on an instance. */
  hostname: string;
  /** The prompt's user name. */
  user: string;
  /** Set when the host is an EC2 instance: its metadata service supplies credentials. */
  instanceId?: string;
  home: string;
  cwd: string;
  /** Environment variables (`export` sets them). */
  env: Record<string, string>;
}

/** Role credentials the CLI got for a profile, reused until they expire. */
export interface CachedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expirationMs: number;
}

/** A here-document being typed: the lines so far go to `target` when `delimiter` arrives. */
export interface PendingHeredoc {
  delimiter: string;
  /** The command line that opened it (`cat > trust.json <<'EOF'`). */
  command: string;
  lines: string[];
}

/** `aws configure` asking its four questions, one line each. */
export interface PendingPrompt {
  kind: 'configure';
  profile: string;
  /** 0 key id, 1 secret, 2 region, 3 output. */
  step: number;
}

/** The whole terminal session. */
export interface CliSession {
  world: World;
  /** Hosts by key: `laptop`, or an instance id. */
  hosts: Record<string, CliHost>;
  /** The key of the host the session is on. */
  current: string;
  /** The hosts left by `connect`, so `exit` goes back. */
  stack: string[];
  history: string[];
  /** Profile credentials the CLI assumed, by host and profile. */
  cache: Record<string, CachedCredentials>;
  pending: PendingHeredoc | null;
  /** A command waiting for an answer (`aws configure`); the next line answers it. */
  prompt?: PendingPrompt;
  /**
   * Answers the CLI's MFA prompt (`Enter MFA code for arn:…:`) for profiles with
   * `mfa_serial`; the Terminal island can ask the learner. Undefined means no answer.
   */
  mfaCode?: (serial: string) => string | undefined;
  /** How errors are worded: `classic` (the default) or `current` (AWS CLI v2 from 2025 on). */
  errorStyle?: ErrorStyle;
}

/** What a new session starts with; everything is optional. */
export interface SessionOptions {
  /** The laptop user's name (default `learner`). */
  user?: string;
  /** Files on the laptop, by path (`~/.aws/credentials`, `~/trust.json`). */
  files?: Record<string, string>;
  env?: Record<string, string>;
  history?: string[];
  /**
   * Writes a `[default]` profile with these keys to `~/.aws/credentials` (and the region to
   * `~/.aws/config`), as `aws configure` would have.
   */
  credentials?: { accessKeyId: string; secretAccessKey: string; region?: string };
  /** Start on this EC2 instance instead of the laptop. */
  instanceId?: string;
  mfaCode?: (serial: string) => string | undefined;
  errorStyle?: ErrorStyle;
}

/** What `aws configure` asks for, in order. */
const QUESTIONS = ['aws_access_key_id', 'aws_secret_access_key', 'region', 'output'] as const;

/** The setting `aws configure` asks for at a step, or undefined past the last. */
export function promptSetting(step: number): string | undefined {
  return QUESTIONS[step];
}

/** A laptop host. */
function laptop(user: string): CliHost {
  const home = `/home/${user}`;
  return { hostname: 'laptop', user, home, cwd: home, env: { HOME: home, USER: user }, files: {}, dirs: [home] };
}

/** The host for an instance (ec2-user, empty home, no credentials files). */
export function instanceHost(world: World, instanceId: string): CliHost {
  const ip = world.ec2.instances[instanceId]?.privateIpAddress ?? '10.0.0.1';
  const home = '/home/ec2-user';
  return { hostname: `ip-${ip.replaceAll('.', '-')}`, user: 'ec2-user', instanceId, home, cwd: home, env: { HOME: home, USER: 'ec2-user' }, files: {}, dirs: [home] };
}

/** Creates a session on a laptop (or an instance) over `world`. */
export function createSession(world: World, opts: SessionOptions = {}): CliSession {
  const host = laptop(opts.user ?? 'learner');
  Object.assign(host.env, opts.env ?? {});
  for (const [path, text] of Object.entries(opts.files ?? {})) writeFile(host, path.startsWith('~') ? host.home + path.slice(1) : path, text);
  if (opts.credentials !== undefined) {
    const c = opts.credentials;
    // Files given in `files` (say, a config with role profiles) are kept: the default profile is
    // added in front of them unless they already define one.
    const addDefault = (path: string, section: string): void => {
      const existing = host.files[path];
      if (existing === undefined) writeFile(host, path, section);
      else if (!/^\s*\[default\]/m.test(existing)) writeFile(host, path, `${section}\n${existing}`);
    };
    addDefault(`${host.home}/.aws/credentials`, `[default]\naws_access_key_id = ${c.accessKeyId}\naws_secret_access_key = ${c.secretAccessKey}\n`);
    addDefault(`${host.home}/.aws/config`, `[default]\nregion = ${c.region ?? world.defaultRegion}\noutput = json\n`);
  }
  const session: CliSession = { world, hosts: { laptop: host }, current: 'laptop', stack: [], history: [...(opts.history ?? [])], cache: {}, pending: null };
  if (opts.mfaCode !== undefined) session.mfaCode = opts.mfaCode;
  if (opts.errorStyle !== undefined) session.errorStyle = opts.errorStyle;
  if (opts.instanceId !== undefined) {
    session.hosts[opts.instanceId] = instanceHost(world, opts.instanceId);
    session.current = opts.instanceId;
  }
  return session;
}

/** The host the session is on. */
export function currentHost(session: CliSession): CliHost {
  const h = session.hosts[session.current];
  if (h !== undefined) return h;
  // A session whose current key was lost falls back to a fresh laptop rather than failing.
  const fresh = laptop('learner');
  session.hosts[session.current] = fresh;
  return fresh;
}
