/**
 * Building the S3 and EC2 parts of a seed: buckets (global names, so duplicates across accounts
 * are reported), account-level Block Public Access, and running instances with their instance
 * profiles. Runs after every account's IAM is built, since instances name instance profiles.
 */
import { hasErrors, parsePolicy } from '../policy/index.ts';
import { isoFromMs } from './clock.ts';
import { newInstance } from './ec2-records.ts';
import { etagOf } from './etag.ts';
import type { PublicAccessBlockConfig } from './s3-types.ts';
import { allBlocked } from './s3-types.ts';
import type { SeedAccount } from './seed-schema.ts';
import type { World } from './types.ts';

/** The seed's partial settings as a full configuration (settings left out are off). */
function blockConfig(c: Partial<Record<keyof PublicAccessBlockConfig, boolean | undefined>>): PublicAccessBlockConfig {
  return {
    BlockPublicAcls: c.BlockPublicAcls ?? false,
    IgnorePublicAcls: c.IgnorePublicAcls ?? false,
    BlockPublicPolicy: c.BlockPublicPolicy ?? false,
    RestrictPublicBuckets: c.RestrictPublicBuckets ?? false,
  };
}

/** Adds an account's buckets, account-level BPA and instances to the world. */
export function buildResources(world: World, a: SeedAccount, where: string, issues: string[]): void {
  if (a.publicAccessBlock !== undefined) world.s3.accountPublicAccessBlock[a.id] = blockConfig(a.publicAccessBlock);
  const now = isoFromMs(world.clock.epochMs);
  (a.buckets ?? []).forEach((b, i) => {
    if (world.s3.buckets[b.name] !== undefined) {
      issues.push(`${where}.buckets.${i}: bucket ${b.name} already exists (bucket names are global)`);
      return;
    }
    const policy = b.policy === undefined ? null : typeof b.policy === 'string' ? b.policy : JSON.stringify(b.policy, null, 2);
    // A broken bucket policy would silently deny everything; S3 would have refused to store it.
    if (policy !== null) {
      const parsed = parsePolicy(policy, 's3-bucket');
      const first = hasErrors(parsed) ? parsed.issues.find((x) => x.severity === 'error') : undefined;
      if (first !== undefined) issues.push(`${where}.buckets.${i}.policy: ${first.message}`);
    }
    const objects: World['s3']['buckets'][string]['objects'] = {};
    for (const [key, body] of Object.entries(b.objects ?? {})) {
      objects[key] = { key, body, ownerAccountId: a.id, lastModified: now, etag: etagOf(body), contentType: 'text/plain' };
    }
    world.s3.buckets[b.name] = {
      name: b.name,
      ownerAccountId: a.id,
      region: b.region ?? world.defaultRegion,
      creationDate: now,
      policy,
      publicAccessBlock: b.publicAccessBlock === undefined ? allBlocked() : b.publicAccessBlock === false ? null : blockConfig(b.publicAccessBlock),
      objectOwnership: b.objectOwnership ?? 'BucketOwnerEnforced',
      objects,
    };
  });
  (a.instances ?? []).forEach((s, i) => {
    const at = `${where}.instances.${i}`;
    if (s.id !== undefined && world.ec2.instances[s.id] !== undefined) {
      issues.push(`${at}: instance ${s.id} is declared twice`);
      return;
    }
    const profile = s.instanceProfile === undefined ? null : world.accounts[a.id]?.iam.instanceProfiles[s.instanceProfile];
    if (profile === undefined) issues.push(`${at}.instanceProfile: instance profile ${s.instanceProfile ?? ''} is not declared in account ${a.id}`);
    const metadataOptions: Partial<World['ec2']['instances'][string]['metadataOptions']> = {};
    if (s.httpTokens !== undefined) metadataOptions.HttpTokens = s.httpTokens;
    if (s.httpEndpoint !== undefined) metadataOptions.HttpEndpoint = s.httpEndpoint;
    if (s.hopLimit !== undefined) metadataOptions.HttpPutResponseHopLimit = s.hopLimit;
    newInstance(world, {
      accountId: a.id,
      region: s.region ?? world.defaultRegion,
      ...(s.id === undefined ? {} : { id: s.id }),
      ...(s.imageId === undefined ? {} : { imageId: s.imageId }),
      ...(s.instanceType === undefined ? {} : { instanceType: s.instanceType }),
      profile: profile ?? null,
      metadataOptions,
      tags: Object.entries(s.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
    });
  });
}
