/**
 * Building a world from a seed that has already been validated (no zod here): the browser can
 * build exercise worlds with this alone, since the content checks validate every seed at build
 * time, and the schema library stays out of the simulator's chunk.
 */
import { msFromIso } from './clock.ts';
import { idStateFromSeed } from './ids.ts';
import {
  DEFAULT_MAX_SESSION_DURATION,
  defaultPasswordPolicy,
  emptyIamState,
  newAccessKey,
  newGroup,
  newInstanceProfile,
  newManagedPolicy,
  newRole,
  newUser,
  newVirtualMfaDevice,
  tagList,
  worldNowIso,
} from './iam-records.ts';
import { AWS_MANAGED_POLICIES, awsManagedPolicyByArn } from './managed-catalog.ts';
import { buildOrganization } from './create-org.ts';
import { buildResources } from './build-resources.ts';
import { buildFunctions, buildNotifications } from './build-lambda.ts';
import { oidcProviderArn, samlProviderArn } from './arns.ts';
import type { ParsedWorldSeed, SeedAccount } from './seed-schema.ts';
import { emptyS3State } from './s3-types.ts';
import { emptyEc2State } from './ec2-types.ts';
import { emptyLambdaState } from './lambda-types.ts';
import { WORLD_FORMAT_VERSION } from './types.ts';
import type { Account, World } from './types.ts';

/** The default start time of a world: a fixed instant, so lessons read the same dates everywhere. */
export const DEFAULT_WORLD_TIME = '2026-01-01T09:00:00Z';

/** A policy document from a seed: text stays as written, a JSON value is pretty-printed. */
export function documentText(doc: string | Record<string, unknown>): string {
  return typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2);
}

/**
 * Builds the world a validated seed describes; cross-reference problems (unknown groups,
 * policies, OUs) are appended to `issues`, and the world is built as far as it can be.
 */
export function buildFromParsed(seed: ParsedWorldSeed, issues: string[]): World {
  const world: World = {
    formatVersion: WORLD_FORMAT_VERSION,
    partition: 'aws',
    defaultRegion: seed.region ?? 'us-east-1',
    clock: { epochMs: msFromIso(seed.time ?? DEFAULT_WORLD_TIME) ?? 0 },
    ids: idStateFromSeed(seed.idSeed ?? 1),
    accounts: {},
    organization: null,
    sts: { credentials: {} },
    s3: emptyS3State(),
    ec2: emptyEc2State(),
    lambda: emptyLambdaState(),
    events: [],
  };
  seed.accounts.forEach((a, i) => {
    if (world.accounts[a.id] !== undefined) issues.push(`accounts.${i}.id: account ${a.id} is declared twice`);
    else world.accounts[a.id] = buildAccount(world, a, `accounts.${i}`, issues);
  });
  // Buckets and instances after all IAM, so instance profiles resolve and bucket names clash globally.
  seed.accounts.forEach((a, i) => buildResources(world, a, `accounts.${i}`, issues));
  // Functions after roles; notifications after every function, since they may point across accounts.
  seed.accounts.forEach((a, i) => buildFunctions(world, a, `accounts.${i}`, issues));
  seed.accounts.forEach((a, i) => buildNotifications(world, a, `accounts.${i}`, issues));
  if (seed.organization !== undefined) world.organization = buildOrganization(world, seed.organization, issues);
  return world;
}

/** Resolves a managed-policy reference of a seed to an ARN. */
function resolvePolicy(account: Account, ref: string, where: string, issues: string[]): string | undefined {
  if (ref.startsWith('arn:')) {
    if (awsManagedPolicyByArn(ref) !== undefined) return ref;
    if (Object.values(account.iam.policies).some((p) => p.arn === ref)) return ref;
    issues.push(`${where}: policy ${ref} does not exist in account ${account.id}`);
    return undefined;
  }
  const own = account.iam.policies[ref];
  if (own !== undefined) return own.arn;
  const aws = AWS_MANAGED_POLICIES[ref];
  if (aws !== undefined) return aws.arn;
  issues.push(`${where}: no customer managed policy or AWS managed policy is named ${ref}`);
  return undefined;
}

function resolveAll(account: Account, refs: readonly string[] | undefined, where: string, issues: string[]): string[] {
  const out: string[] = [];
  (refs ?? []).forEach((ref, i) => {
    const arn = resolvePolicy(account, ref, `${where}.${i}`, issues);
    if (arn !== undefined && !out.includes(arn)) out.push(arn);
  });
  return out;
}

function inline(policies: Record<string, string | Record<string, unknown>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(policies ?? {})) out[k] = documentText(v);
  return out;
}

function buildAccount(world: World, a: SeedAccount, where: string, issues: string[]): Account {
  const account: Account = { id: a.id, alias: a.alias ?? null, name: a.name ?? a.alias ?? a.id, iam: emptyIamState() };
  const iam = account.iam;
  (a.policies ?? []).forEach((p, i) => {
    if (iam.policies[p.name] !== undefined) issues.push(`${where}.policies.${i}: policy ${p.name} is declared twice`);
    iam.policies[p.name] = newManagedPolicy(world, a.id, p.name, p.path ?? '/', documentText(p.document), p.description ?? '', []);
  });
  (a.groups ?? []).forEach((g, i) => {
    const group = newGroup(world, a.id, g.name, g.path ?? '/');
    group.inlinePolicies = inline(g.inlinePolicies);
    group.attachedPolicies = resolveAll(account, g.managedPolicies, `${where}.groups.${i}.managedPolicies`, issues);
    iam.groups[g.name] = group;
  });
  (a.users ?? []).forEach((u, i) => {
    const at = `${where}.users.${i}`;
    const user = newUser(world, a.id, u.name, u.path ?? '/', tagList(u.tags));
    user.inlinePolicies = inline(u.inlinePolicies);
    user.attachedPolicies = resolveAll(account, u.managedPolicies, `${at}.managedPolicies`, issues);
    if (u.boundary !== undefined) user.permissionsBoundary = resolvePolicy(account, u.boundary, `${at}.boundary`, issues) ?? null;
    user.accessKeys = (u.accessKeys ?? []).map((k) => newAccessKey(world, k));
    user.hasPassword = u.password ?? false;
    (u.groups ?? []).forEach((g, j) => {
      const group = iam.groups[g];
      if (group === undefined) issues.push(`${at}.groups.${j}: group ${g} is not declared in account ${a.id}`);
      else group.members.push(u.name);
    });
    if (u.mfa === true) {
      const device = newVirtualMfaDevice(world, a.id, '/', u.name, []);
      device.userName = u.name;
      device.enableDate = worldNowIso(world);
      iam.mfaDevices[device.serialNumber] = device;
      user.mfaDevices.push(device.serialNumber);
    }
    if (iam.users[u.name] !== undefined) issues.push(`${at}: user ${u.name} is declared twice`);
    iam.users[u.name] = user;
  });
  (a.roles ?? []).forEach((r, i) => {
    const at = `${where}.roles.${i}`;
    const role = newRole(world, a.id, r.name, {
      path: r.path ?? '/',
      trust: documentText(r.trustPolicy),
      description: r.description ?? '',
      maxSessionDuration: r.maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION,
      tags: tagList(r.tags),
      permissionsBoundary: r.boundary === undefined ? null : (resolvePolicy(account, r.boundary, `${at}.boundary`, issues) ?? null),
      serviceLinked: r.serviceLinked ?? false,
    });
    role.inlinePolicies = inline(r.inlinePolicies);
    role.attachedPolicies = resolveAll(account, r.managedPolicies, `${at}.managedPolicies`, issues);
    if (iam.roles[r.name] !== undefined) issues.push(`${at}: role ${r.name} is declared twice`);
    iam.roles[r.name] = role;
    if (r.instanceProfile !== undefined && r.instanceProfile !== false) {
      const profileName = r.instanceProfile === true ? r.name : r.instanceProfile;
      const profile = newInstanceProfile(world, a.id, profileName, r.path ?? '/', []);
      profile.roles.push(r.name);
      iam.instanceProfiles[profileName] = profile;
    }
  });
  if (a.passwordPolicy !== undefined) {
    const p = { ...defaultPasswordPolicy() };
    for (const [k, v] of Object.entries(a.passwordPolicy)) if (v !== undefined) Object.assign(p, { [k]: v });
    iam.passwordPolicy = p;
  }
  const now = worldNowIso(world);
  for (const s of a.samlProviders ?? []) {
    iam.samlProviders[s.name] = {
      name: s.name,
      arn: samlProviderArn(a.id, s.name),
      issuer: s.issuer,
      metadataDocument: s.metadataDocument ?? `<EntityDescriptor entityID="${s.issuer}"/>`,
      createDate: now,
      validUntil: '2126-01-01T00:00:00Z',
      tags: [],
    };
  }
  for (const o of a.oidcProviders ?? []) {
    const url = o.url.replace(/^https:\/\//, '').replace(/\/$/, '');
    iam.oidcProviders[url] = { url, arn: oidcProviderArn(a.id, url), clientIds: [...o.clientIds], thumbprints: o.thumbprints ?? [], createDate: now, tags: [] };
  }
  return account;
}
