/**
 * The instance metadata service as a function: `imdsRequest(world, instanceId, request)` answers
 * what `http://169.254.169.254` would answer on that instance (EC2 User Guide, "Use the Instance
 * Metadata Service to access instance metadata", "Instance metadata categories").
 *
 * - `PUT /latest/api/token` with `X-aws-ec2-metadata-token-ttl-seconds: 1..21600` → a session
 *   token (IMDSv2); a bad or missing TTL is 400, a PUT carrying `X-Forwarded-For` is refused.
 * - `GET` with `X-aws-ec2-metadata-token` → metadata; without a token only when HttpTokens is
 *   `optional` (IMDSv1). An invalid or expired token is 401 either way.
 * - 403 when the endpoint is disabled, 404 for anything that is not there (no role → no `iam/`).
 * - The token PUT response travels `hops` network hops (1 from the instance itself, 2 from a
 *   container behind a bridge); beyond HttpPutResponseHopLimit it never arrives (status 0).
 *
 * Everything is text/plain. The world changes only as IMDS itself would change it: tokens are
 * remembered, and role credentials are fetched (an AssumeRole event) and cached.
 */
import { isoSecondsFromMs } from '../../world/clock.ts';
import type { Ec2Instance } from '../../world/ec2-types.ts';
import { nextUint32 } from '../../world/ids.ts';
import type { World } from '../../world/types.ts';
import { currentCredentials, imdsJson, instanceRole } from './imds-credentials.ts';

/** An HTTP request to IMDS. Header names are case-insensitive. */
export interface ImdsRequest {
  method: string;
  path: string;
  headers?: Readonly<Record<string, string>>;
  /** Network hops between the caller and the instance (default 1). */
  hops?: number;
}

/** IMDS's answer. `status` 0 means no response arrived (the hop limit dropped it). */
export interface ImdsResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The longest a token may live: six hours. */
export const IMDS_MAX_TOKEN_TTL = 21600;

const TEXT = { 'Content-Type': 'text/plain' } as const;
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function reply(status: number, body: string, headers: Record<string, string> = {}): ImdsResponse {
  return { status, headers: { ...TEXT, ...headers }, body };
}

const STATUS_TEXT: Record<number, string> = { 400: 'Missing or Invalid Parameters', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed' };

function error(status: number): ImdsResponse {
  return reply(status, STATUS_TEXT[status] ?? '');
}

/** A new token: `AQAEA` and 51 URL-safe characters, the shape of real IMDSv2 tokens. */
function newToken(world: World): string {
  let out = 'AQAEA';
  for (let i = 0; i < 51; i++) out += URL_SAFE[nextUint32(world.ids) % URL_SAFE.length];
  return out;
}

/** The metadata tree of an instance: a directory is a map, a leaf is a function giving its text. */
type Node = { [name: string]: Node | (() => string | ImdsResponse) };

/** The `/latest/meta-data/` tree of an instance. */
function tree(world: World, instance: Ec2Instance, delivery: '1.0' | '2.0'): Node {
  const hostname = `ip-${instance.privateIpAddress.replaceAll('.', '-')}.ec2.internal`;
  const node: Node = {
    'ami-id': () => instance.imageId,
    hostname: () => hostname,
    'instance-id': () => instance.instanceId,
    'instance-type': () => instance.instanceType,
    'local-hostname': () => hostname,
    'local-ipv4': () => instance.privateIpAddress,
    'public-ipv4': () => instance.publicIpAddress,
    placement: { 'availability-zone': () => `${instance.region}a`, region: () => instance.region },
    services: { domain: () => 'amazonaws.com', partition: () => 'aws' },
  };
  const { profile, role } = instanceRole(world, instance);
  // The iam/ category exists only while an instance profile is associated.
  if (instance.profile !== null) {
    const association = instance.profile;
    const creds: Node = {};
    if (role !== undefined) creds[role.roleName] = () => imdsJson(currentCredentials(world, instance, role, delivery));
    node['iam'] = {
      info: () => {
        const lastUpdated = instance.credentials?.lastUpdatedMs ?? world.clock.epochMs;
        return imdsJson({ Code: 'Success', LastUpdated: isoSecondsFromMs(lastUpdated), InstanceProfileArn: profile?.arn ?? association.instanceProfileArn, InstanceProfileId: association.instanceProfileId });
      },
      'security-credentials': creds,
    };
  }
  return node;
}

/** `/latest/dynamic/`: the instance identity document (EC2 User Guide, "Instance identity documents"). */
function dynamicTree(instance: Ec2Instance): Node {
  const document = {
    accountId: instance.accountId,
    architecture: 'x86_64',
    availabilityZone: `${instance.region}a`,
    imageId: instance.imageId,
    instanceId: instance.instanceId,
    instanceType: instance.instanceType,
    pendingTime: instance.launchTime.replace(/\.\d{3}Z$/, 'Z'),
    privateIp: instance.privateIpAddress,
    region: instance.region,
    version: '2017-09-30',
  };
  return { 'instance-identity': { document: () => imdsJson(document) } };
}

/** Lists a directory as IMDS does: one entry a line, sub-directories with a trailing slash. */
function listing(dir: Node): string | ImdsResponse {
  const names = Object.keys(dir).map((k) => (typeof dir[k] === 'function' ? k : `${k}/`));
  // An empty directory (security-credentials/ with no role) is not there at all.
  return names.length === 0 ? error(404) : names.join('\n');
}

function lookup(root: Node, parts: readonly string[], wantsDir: boolean): string | ImdsResponse {
  let node: Node | (() => string | ImdsResponse) = root;
  for (const part of parts) {
    if (typeof node === 'function') return error(404);
    const next: Node | (() => string | ImdsResponse) | undefined = Object.prototype.hasOwnProperty.call(node, part) ? node[part] : undefined;
    if (next === undefined) return error(404);
    node = next;
  }
  if (typeof node === 'function') return wantsDir ? error(404) : node();
  return listing(node);
}

function header(req: ImdsRequest, name: string): string | undefined {
  for (const [k, v] of Object.entries(req.headers ?? {})) if (k.toLowerCase() === name) return v;
  return undefined;
}

function putToken(world: World, instance: Ec2Instance, req: ImdsRequest): ImdsResponse {
  if (header(req, 'x-forwarded-for') !== undefined) return error(403);
  const ttlText = header(req, 'x-aws-ec2-metadata-token-ttl-seconds');
  const ttl = ttlText !== undefined && /^\d+$/.test(ttlText.trim()) ? Number(ttlText.trim()) : NaN;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > IMDS_MAX_TOKEN_TTL) return error(400);
  if ((req.hops ?? 1) > instance.metadataOptions.HttpPutResponseHopLimit) return { status: 0, headers: {}, body: '' };
  const now = world.clock.epochMs;
  for (const [t, exp] of Object.entries(instance.imdsTokens)) if (exp <= now) delete instance.imdsTokens[t];
  const token = newToken(world);
  instance.imdsTokens[token] = now + ttl * 1000;
  return reply(200, token, { 'X-aws-ec2-metadata-token-ttl-seconds': String(ttl) });
}

/** Answers one IMDS request made on `instanceId`. Never throws. */
export function imdsRequest(world: World, instanceId: string, req: ImdsRequest): ImdsResponse {
  const instance = world.ec2.instances[instanceId];
  // Only a running instance has a metadata service to talk to.
  if (instance === undefined || instance.state !== 'running') return error(404);
  if (instance.metadataOptions.HttpEndpoint === 'disabled') return error(403);
  // Requests may come from untyped callers (the terminal's curl): never throw on odd input.
  const path = ((typeof req.path === 'string' ? req.path : '').split('?')[0] ?? '').replace(/\/{2,}/g, '/');
  const method = typeof req.method === 'string' ? req.method.toUpperCase() : '';
  if (method === 'PUT') return path === '/latest/api/token' ? putToken(world, instance, req) : error(405);
  if (method !== 'GET' && method !== 'HEAD') return error(405);
  const token = header(req, 'x-aws-ec2-metadata-token');
  let delivery: '1.0' | '2.0' = '1.0';
  if (token !== undefined) {
    const exp = instance.imdsTokens[token];
    if (exp === undefined || exp <= world.clock.epochMs) return error(401);
    delivery = '2.0';
  } else if (instance.metadataOptions.HttpTokens === 'required') return error(401);
  if (path === '/' || path === '') return reply(200, 'latest');
  if (path === '/latest' || path === '/latest/') return reply(200, 'dynamic\nmeta-data');
  if (path.startsWith('/latest/dynamic')) {
    const out = lookup(dynamicTree(instance), path.slice('/latest/dynamic'.length).split('/').filter((x) => x !== ''), path.endsWith('/'));
    return typeof out === 'string' ? reply(200, method === 'HEAD' ? '' : out) : out;
  }
  if (!path.startsWith('/latest/meta-data')) return error(404);
  const rest = path.slice('/latest/meta-data'.length);
  if (rest !== '' && !rest.startsWith('/')) return error(404);
  const parts = rest.split('/').filter((x) => x !== '');
  const out = lookup(tree(world, instance, delivery), parts, rest.endsWith('/') && parts.length > 0);
  if (typeof out !== 'string') return out;
  return method === 'HEAD' ? reply(200, '') : reply(200, out);
}

/**
 * Where calls made from the instance come from: its public IP (`aws:SourceIp`) and its region,
 * to pass as `callAws` options.
 */
export function instanceCallOptions(world: World, instanceId: string): { sourceIp: string; region: string; userAgent: string } | undefined {
  const i = world.ec2.instances[instanceId];
  return i === undefined ? undefined : { sourceIp: i.publicIpAddress, region: i.region, userAgent: 'aws-cli/2 md/ec2' };
}
