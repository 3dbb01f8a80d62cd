/**
 * Last-accessed information for access reviews: GenerateServiceLastAccessedDetails and
 * GetServiceLastAccessedDetails (IAM User Guide, "Refining permissions using last accessed
 * information"). For a user, group, role or managed policy, the report lists every service its
 * policies allow and when an entity behind it last used that service — so a learner can see
 * which permissions were never used and remove them.
 *
 * The simulator answers from its own event log: every call it made is there, with who made it.
 */
import { isoFromMs } from '../../world/clock.ts';
import { uuid } from '../../world/ids.ts';
import type { IamState } from '../../world/iam-types.ts';
import type { Account, World, WorldEvent } from '../../world/types.ts';
import { fail, internalFailure, invalidInput, noSuchEntity, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import { ARN_RULE } from '../params.ts';
import { managedPolicyDocument } from '../policy-docs.ts';
import { authorizeIam, callerAccount } from './common.ts';

/** Display names of the simulated services, as the IAM console lists them. */
const SERVICE_NAMES: Readonly<Record<string, string>> = {
  cloudtrail: 'AWS CloudTrail',
  ec2: 'Amazon EC2',
  iam: 'AWS Identity and Access Management',
  lambda: 'AWS Lambda',
  logs: 'Amazon CloudWatch Logs',
  organizations: 'AWS Organizations',
  s3: 'Amazon S3',
  sts: 'AWS Security Token Service',
};

/** The principals (users and roles, by ARN) and documents an entity stands for. */
interface Coverage {
  principals: Set<string>;
  documents: string[];
}

function docsOf(world: World, inline: Readonly<Record<string, string>>, attached: readonly string[]): string[] {
  return [...Object.values(inline), ...attached.map((a) => managedPolicyDocument(world, a)).filter((d): d is string => d !== undefined)];
}

/** Works out who and which policies an ARN covers, or undefined when it names nothing in the account. */
function coverage(world: World, iam: IamState, arn: string): Coverage | undefined {
  const users = Object.values(iam.users);
  const roles = Object.values(iam.roles);
  const groups = Object.values(iam.groups);
  const user = users.find((u) => u.arn === arn);
  if (user !== undefined) {
    const docs = docsOf(world, user.inlinePolicies, user.attachedPolicies);
    for (const g of groups) if (g.members.includes(user.userName)) docs.push(...docsOf(world, g.inlinePolicies, g.attachedPolicies));
    return { principals: new Set([arn]), documents: docs };
  }
  const role = roles.find((r) => r.arn === arn);
  if (role !== undefined) return { principals: new Set([arn]), documents: docsOf(world, role.inlinePolicies, role.attachedPolicies) };
  const group = groups.find((g) => g.arn === arn);
  if (group !== undefined) {
    const members = users.filter((u) => group.members.includes(u.userName)).map((u) => u.arn);
    return { principals: new Set(members), documents: docsOf(world, group.inlinePolicies, group.attachedPolicies) };
  }
  const doc = managedPolicyDocument(world, arn);
  if (doc === undefined) return undefined;
  const principals = new Set<string>();
  for (const u of users) if (u.attachedPolicies.includes(arn)) principals.add(u.arn);
  for (const r of roles) if (r.attachedPolicies.includes(arn)) principals.add(r.arn);
  for (const g of groups) if (g.attachedPolicies.includes(arn)) for (const u of users) if (g.members.includes(u.userName)) principals.add(u.arn);
  return { principals, documents: [doc] };
}

/** The service namespaces a set of documents allows (`*` stands for every simulated service). */
function allowedNamespaces(documents: readonly string[]): string[] {
  const out = new Set<string>();
  for (const text of documents) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      continue;
    }
    const st = (doc as { Statement?: unknown }).Statement;
    for (const s of Array.isArray(st) ? st : [st]) {
      if (typeof s !== 'object' || s === null) continue;
      const { Effect: effect, Action: action } = s as { Effect?: unknown; Action?: unknown };
      if (effect !== 'Allow') continue;
      for (const a of Array.isArray(action) ? action : [action]) {
        if (typeof a !== 'string') continue;
        if (a === '*') Object.keys(SERVICE_NAMES).forEach((n) => out.add(n));
        else if (a.includes(':')) out.add(a.slice(0, a.indexOf(':')).toLowerCase());
      }
    }
  }
  return [...out].sort();
}

/** The user or role behind an event, by ARN (role sessions count for their role). */
function eventPrincipal(e: WorldEvent): string | undefined {
  return e.userIdentity.sessionContext?.sessionIssuer?.type === 'Role' ? e.userIdentity.sessionContext.sessionIssuer.arn : e.userIdentity.arn;
}

const generate: Operation = {
  readOnly: false,
  run(env, p) {
    const arn = p.string('Arn', { required: true, ...ARN_RULE });
    const granularity = p.string('Granularity', { pattern: /^(SERVICE_LEVEL|ACTION_LEVEL)$/, patternText: '[SERVICE_LEVEL, ACTION_LEVEL]' }) ?? 'SERVICE_LEVEL';
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    if (arn === undefined) return fail(internalFailure('Arn missing'));
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:GenerateServiceLastAccessedDetails', arn);
    if (denied !== undefined) return fail(denied);
    if (coverage(env.world, account.iam, arn) === undefined) return fail(noSuchEntity(`The entity ${arn} cannot be found.`));
    const jobId = uuid(env.world.ids);
    account.iam.lastAccessedJobs[jobId] = { arn, granularity: granularity === 'ACTION_LEVEL' ? 'ACTION_LEVEL' : 'SERVICE_LEVEL', createDate: isoFromMs(env.world.clock.epochMs) };
    return ok({ JobId: jobId });
  },
};

/** The report of a job, computed from events up to the job's creation. */
function report(world: World, account: Account, jobId: string): Record<string, unknown> | undefined {
  const job = account.iam.lastAccessedJobs[jobId];
  if (job === undefined) return undefined;
  const cover = coverage(world, account.iam, job.arn) ?? { principals: new Set<string>(), documents: [] };
  const services = allowedNamespaces(cover.documents).map((ns) => {
    const used = world.events.filter((e) => e.eventSource === `${ns}.amazonaws.com` && e.eventTime <= job.createDate.replace(/\.\d{3}Z$/, 'Z') && cover.principals.has(eventPrincipal(e) ?? ''));
    const entry: Record<string, unknown> = { ServiceName: SERVICE_NAMES[ns] ?? ns, ServiceNamespace: ns, TotalAuthenticatedEntities: new Set(used.map(eventPrincipal)).size };
    const last = used.at(-1);
    if (last !== undefined) {
      entry['LastAuthenticated'] = last.eventTime;
      entry['LastAuthenticatedRegion'] = last.awsRegion;
      const who = eventPrincipal(last);
      if (who !== undefined && who !== job.arn) entry['LastAuthenticatedEntity'] = who;
    }
    return entry;
  });
  return { JobStatus: 'COMPLETED', JobType: job.granularity, JobCreationDate: job.createDate, JobCompletionDate: job.createDate, ServicesLastAccessed: services, IsTruncated: false };
}

const get: Operation = {
  readOnly: true,
  run(env, p) {
    const jobId = p.string('JobId', { required: true, min: 36, max: 36 });
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:GetServiceLastAccessedDetails', '*');
    if (denied !== undefined) return fail(denied);
    const out = report(env.world, account, jobId ?? '');
    return out === undefined ? fail(invalidInput(`Job ${jobId ?? ''} not found.`)) : ok(out);
  },
};

/** The last-accessed operations by name. */
export const LAST_ACCESSED_OPERATIONS: Readonly<Record<string, Operation>> = {
  GenerateServiceLastAccessedDetails: generate,
  GetServiceLastAccessedDetails: get,
};
