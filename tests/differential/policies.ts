/**
 * Builders for random-but-valid policy documents: statements, condition blocks, principal
 * elements, and the SCP/RCP shapes AWS Organizations accepts.
 */
import type { Rng } from './rng.ts';
import {
  ACTIONS,
  ACTION_PATTERNS,
  HOME,
  HOME_PRINCIPALS,
  OTHER,
  OTHER_PRINCIPALS,
  FEDERATED,
  KEY_BY_NAME,
  RESOURCE_PATTERNS,
  SERVICE_PRINCIPALS,
  type ActionSpec,
  type KeySpec,
} from './vocab.ts';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type Statement = { [key: string]: Json };
export type ConditionBlock = { [operator: string]: { [key: string]: string | string[] } };

/** What a statement builder needs to know about the request it is written against. */
export interface StatementContext {
  rng: Rng;
  spec: ActionSpec;
  service: string;
  /** The request's resource ARN (or `*`). */
  resource: string;
  /** Condition keys statements may test. */
  keyPool: readonly string[];
}

export function serviceOf(action: string): string {
  return action.slice(0, action.indexOf(':'));
}

function randomCase(rng: Rng, s: string): string {
  if (!rng.chance(0.15)) return s;
  return rng.chance(0.5) ? s.toLowerCase() : s.toUpperCase();
}

/** One entry for Action/NotAction: often related to the request, sometimes not. */
function actionEntry(ctx: StatementContext, targeted = false): string {
  const { rng } = ctx;
  const r = targeted ? rng.next() * 0.68 : rng.next();
  if (r < 0.3) {
    const [svc, op] = ctx.spec.action.split(':');
    return `${svc}:${randomCase(rng, op ?? '')}`;
  }
  if (r < 0.62) return rng.pick(ACTION_PATTERNS[ctx.service] ?? ['*']);
  if (r < 0.68) return '*';
  if (r < 0.85) return rng.pick(ACTIONS.filter((a) => serviceOf(a.action) === ctx.service)).action;
  const other = rng.pick(Object.keys(ACTION_PATTERNS));
  return rng.chance(0.5) ? rng.pick(ACTION_PATTERNS[other] ?? ['*']) : rng.pick(ACTIONS).action;
}

export function actionElement(ctx: StatementContext, targeted = false): string | string[] {
  const n = ctx.rng.weighted([
    [6, 1],
    [3, 2],
    [1, 3],
  ] as const);
  const entries = [...new Set(Array.from({ length: n }, (_, i) => actionEntry(ctx, targeted && i === 0)))];
  return entries.length === 1 && ctx.rng.chance(0.7) ? (entries[0] ?? '*') : entries;
}

function familyOf(ctx: StatementContext): string {
  return ctx.spec.kind === 'sts-role' ? 'sts' : ctx.service;
}

function resourceEntry(ctx: StatementContext, family: string, targeted = false): string {
  const { rng } = ctx;
  const r = targeted ? rng.next() * 0.5 : rng.next();
  if (ctx.resource !== '*' && r < 0.25) return ctx.resource;
  if (r < 0.35) return '*';
  if (r < 0.9) return rng.pick(RESOURCE_PATTERNS[family] ?? ['*']);
  return rng.pick(RESOURCE_PATTERNS[rng.pick(Object.keys(RESOURCE_PATTERNS))] ?? ['*']);
}

export function resourceElement(ctx: StatementContext, family = familyOf(ctx), targeted = false): string | string[] {
  const n = ctx.rng.weighted([
    [6, 1],
    [3, 2],
    [1, 3],
  ] as const);
  const entries = [...new Set(Array.from({ length: n }, (_, i) => resourceEntry(ctx, family, targeted && i === 0)))];
  return entries.length === 1 && ctx.rng.chance(0.7) ? (entries[0] ?? '*') : entries;
}

// ---------------------------------------------------------------------------------------------
// Conditions

const STRING_OPS = ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike'];
const ARN_OPS = ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'StringLike', 'StringEquals'];
const NUMERIC_OPS = ['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals'];
const DATE_OPS = ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals'];

function baseOperator(rng: Rng, spec: KeySpec): string {
  switch (spec.type) {
    case 'String':
      return rng.pick(STRING_OPS);
    case 'Arn':
      return rng.pick(ARN_OPS);
    case 'Numeric':
      return rng.pick(NUMERIC_OPS);
    case 'Date':
      return rng.pick(DATE_OPS);
    case 'Bool':
      return 'Bool';
    case 'Ip':
      return rng.pick(['IpAddress', 'NotIpAddress']);
  }
}

function keyNameVariant(rng: Rng, key: string): string {
  if (!rng.chance(0.05)) return key;
  return rng.chance(0.5) ? key.toLowerCase() : key.replace(/^aws:/, 'AWS:');
}

/** One `operator → key → values` entry for the given key. */
export function conditionEntry(rng: Rng, spec: KeySpec): [string, string, string | string[]] {
  if (rng.chance(0.08)) return ['Null', spec.key, rng.pick(['true', 'false'])];
  let op = baseOperator(rng, spec);
  if (spec.multi) {
    // Set operators are what AWS documents for multivalued keys.
    op = `${rng.pick(['ForAnyValue', 'ForAllValues'])}:${op}`;
  } else if (rng.chance(0.04) && (spec.type === 'String' || spec.type === 'Arn')) {
    op = `${rng.pick(['ForAnyValue', 'ForAllValues'])}:${op}`;
  } else if (rng.chance(0.22)) {
    op = `${op}IfExists`;
  }
  const values = rng.oneOrMany(spec.policyValues, 3);
  return [op, keyNameVariant(rng, spec.key), values];
}

export function conditionBlock(rng: Rng, keyPool: readonly string[], maxEntries = 3): ConditionBlock {
  const block: ConditionBlock = {};
  const n = rng.weighted([
    [6, 1],
    [3, 2],
    [1, maxEntries],
  ] as const);
  for (let i = 0; i < n; i++) {
    const spec = KEY_BY_NAME.get(rng.pick(keyPool));
    if (!spec) continue;
    const [op, key, values] = conditionEntry(rng, spec);
    const forOp = (block[op] ??= {});
    if (Object.keys(forOp).some((k) => k.toLowerCase() === key.toLowerCase())) continue;
    forOp[key] = values;
  }
  return block;
}

// ---------------------------------------------------------------------------------------------
// Statements and documents

/**
 * A statement. `targeted` statements name the request's action and resource (or wildcards
 * covering them) in their first entries, so that Allows actually happen.
 */
export function identityStatement(ctx: StatementContext, effect: 'Allow' | 'Deny', conditionRate = 0.45, targeted = false): Statement {
  const { rng } = ctx;
  const st: Statement = {};
  if (rng.chance(0.3)) st['Sid'] = `S${rng.int(1_000_000)}`;
  st['Effect'] = effect;
  if (!targeted && rng.chance(0.12)) st['NotAction'] = actionElement(ctx);
  else st['Action'] = actionElement(ctx, targeted);
  if (!targeted && rng.chance(0.1)) st['NotResource'] = resourceElement(ctx);
  else st['Resource'] = resourceElement(ctx, familyOf(ctx), targeted);
  if (rng.chance(targeted ? conditionRate * 0.6 : conditionRate)) {
    const block = conditionBlock(rng, ctx.keyPool);
    if (Object.keys(block).length > 0) st['Condition'] = block;
  }
  return st;
}

/** Drops repeated Sids (a policy's Sids must be unique) and repeated template statements. */
function uniqueSids(statements: Statement[]): Statement[] {
  const seen = new Set<string>();
  return statements.filter((st) => {
    const sid = st['Sid'];
    if (typeof sid !== 'string') return true;
    if (seen.has(sid)) return false;
    seen.add(sid);
    return true;
  });
}

export function documentOf(rng: Rng, rawStatements: Statement[], versionVariants = true): { [key: string]: Json } {
  const statements = uniqueSids(rawStatements);
  const doc: { [key: string]: Json } = {};
  const v = versionVariants ? rng.next() : 0;
  if (v < 0.96) doc['Version'] = '2012-10-17';
  else if (v < 0.98) doc['Version'] = '2008-10-17';
  const single = statements.length === 1 && rng.chance(0.2);
  doc['Statement'] = single ? (statements[0] ?? {}) : statements;
  return doc;
}

export function identityPolicy(ctx: StatementContext, allowShare = 0.78, targetedRate = 0.6): { [key: string]: Json } {
  const n = ctx.rng.weighted([
    [5, 1],
    [3, 2],
    [2, 3],
  ] as const);
  const targeted = ctx.rng.chance(targetedRate);
  const statements = Array.from({ length: n }, (_, i) =>
    i === 0 && targeted
      ? identityStatement(ctx, 'Allow', 0.45, true)
      : identityStatement(ctx, ctx.rng.chance(allowShare) ? 'Allow' : 'Deny'),
  );
  return documentOf(ctx.rng, statements);
}

// ---------------------------------------------------------------------------------------------
// Principal elements (resource-based and trust policies)

const ALL_AWS_PRINCIPAL_VALUES: readonly string[] = [
  HOME,
  `arn:aws:iam::${HOME}:root`,
  OTHER,
  `arn:aws:iam::${OTHER}:root`,
  ...[...HOME_PRINCIPALS, ...OTHER_PRINCIPALS].flatMap((p) => [p.input.arn, ...(p.input.roleArn ? [p.input.roleArn] : [])]),
  FEDERATED.input.arn,
  `arn:aws:iam::${HOME}:role/Deployer`,
];

/** Principal values that name the caller in some way (account, user, role, session, federating user). */
export function callerPrincipalValues(caller: { arn: string; account?: string; roleArn?: string; federatingUserArn?: string }): string[] {
  const out = [caller.arn];
  if (caller.account) out.push(caller.account, `arn:aws:iam::${caller.account}:root`);
  if (caller.roleArn) out.push(caller.roleArn);
  if (caller.federatingUserArn) out.push(caller.federatingUserArn);
  return out;
}

export function principalElement(rng: Rng, callerValues: readonly string[], service?: string, targeted = false): Json {
  if (service !== undefined && rng.chance(targeted ? 0.8 : 0.5)) return { Service: service };
  if (targeted && callerValues.length > 0 && rng.chance(0.6)) return { AWS: rng.pick(callerValues) };
  const r = rng.next();
  if (r < 0.1) return '*';
  if (r < 0.16) return { AWS: '*' };
  if (r < 0.24) return { Service: service ?? rng.pick(SERVICE_PRINCIPALS) };
  const pool = rng.chance(0.6) && callerValues.length > 0 ? callerValues : ALL_AWS_PRINCIPAL_VALUES;
  if (rng.chance(0.75)) return { AWS: rng.pick(pool) };
  return { AWS: [...new Set([rng.pick(pool), rng.pick(ALL_AWS_PRINCIPAL_VALUES)])] };
}

/** NotPrincipal values for a Deny: names the caller's identities (and account) or others. */
export function notPrincipalElement(rng: Rng, callerValues: readonly string[]): Json {
  const pool = rng.chance(0.6) && callerValues.length > 0 ? callerValues : ALL_AWS_PRINCIPAL_VALUES;
  return { AWS: rng.sample(pool, rng.between(1, 3)) };
}

export interface ResourcePolicyOptions {
  callerValues: readonly string[];
  /** `trust` policies have no Resource element. */
  withResource: boolean;
  family: string;
  service?: string;
}

export function resourcePolicy(ctx: StatementContext, opts: ResourcePolicyOptions): { [key: string]: Json } {
  const { rng } = ctx;
  const n = rng.weighted([
    [5, 1],
    [3, 2],
    [2, 3],
  ] as const);
  const statements: Statement[] = [];
  const targetedFirst = rng.chance(0.6);
  for (let i = 0; i < n; i++) {
    const targeted = i === 0 && targetedFirst;
    const effect = targeted || rng.chance(0.72) ? 'Allow' : 'Deny';
    const st: Statement = {};
    if (rng.chance(0.3)) st['Sid'] = `R${i}`;
    st['Effect'] = effect;
    // NotPrincipal: Deny only, and never in a role trust policy (IAM rejects it there).
    if (effect === 'Deny' && opts.withResource && rng.chance(0.12)) st['NotPrincipal'] = notPrincipalElement(rng, opts.callerValues);
    else st['Principal'] = principalElement(rng, opts.callerValues, opts.service, targeted);
    if (opts.withResource) {
      if (!targeted && rng.chance(0.08)) st['NotAction'] = actionElement(ctx);
      else st['Action'] = actionElement(ctx, targeted);
      st['Resource'] = resourceElement(ctx, opts.family, targeted);
    } else {
      st['Action'] = rng.pick(['sts:AssumeRole', ['sts:AssumeRole', 'sts:TagSession'], 'sts:*', 'sts:TagSession']);
    }
    if (rng.chance(0.45)) {
      const block = conditionBlock(rng, ctx.keyPool);
      if (Object.keys(block).length > 0) st['Condition'] = block;
    }
    statements.push(st);
  }
  return documentOf(rng, statements);
}

// ---------------------------------------------------------------------------------------------
// Organizations policies

export const FULL_AWS_ACCESS: Statement = { Effect: 'Allow', Action: '*', Resource: '*' };
export const RCP_FULL_AWS_ACCESS: Statement = { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' };

const SCP_DENY_TEMPLATES: readonly Statement[] = [
  {
    Sid: 'DenyOutsideRegions',
    Effect: 'Deny',
    NotAction: ['iam:*', 'sts:*', 's3:ListAllMyBuckets'],
    Resource: '*',
    Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
  },
  { Sid: 'DenyIamWithoutMfa', Effect: 'Deny', Action: 'iam:*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
  {
    Sid: 'ProtectAdminRole',
    Effect: 'Deny',
    Action: ['iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:PassRole', 'sts:AssumeRole'],
    Resource: 'arn:aws:iam::*:role/Admin',
    Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Admin' } },
  },
  {
    Sid: 'SmallInstancesOnly',
    Effect: 'Deny',
    Action: 'ec2:RunInstances',
    Resource: 'arn:aws:ec2:*:*:instance/*',
    Condition: { StringNotLike: { 'ec2:InstanceType': ['t3.*', 'm5.*'] } },
  },
  { Sid: 'NoBucketDeletion', Effect: 'Deny', Action: ['s3:DeleteBucket', 's3:PutBucketPolicy'], Resource: '*' },
  { Sid: 'RequireOrg', Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123def4' } } },
];

export function scpLevel(ctx: StatementContext): { [key: string]: Json } {
  const { rng } = ctx;
  const shape = rng.weighted([
    [4, 'full'],
    [4, 'full+deny'],
    [2, 'allowlist'],
  ] as const);
  const statements: Statement[] = [];
  if (shape === 'allowlist') {
    const allowed = rng.sample(['s3:*', 'ec2:*', 'iam:*', 'lambda:*', 'sts:*', 'ec2:Describe*', 's3:Get*', 'iam:Get*', 'iam:List*'], rng.between(1, 4));
    const allow: Statement = { Effect: 'Allow', Action: allowed, Resource: '*' };
    if (rng.chance(0.2)) allow['Condition'] = conditionBlock(rng, ctx.keyPool, 1);
    statements.push(allow);
  } else {
    statements.push({ ...FULL_AWS_ACCESS });
  }
  if (shape !== 'full') {
    const n = rng.between(1, 2);
    for (let i = 0; i < n; i++) {
      statements.push(rng.chance(0.5) ? { ...rng.pick(SCP_DENY_TEMPLATES) } : identityStatement(ctx, 'Deny', 0.6));
    }
  }
  return documentOf(rng, statements, false);
}

const RCP_DENY_TEMPLATES: readonly Statement[] = [
  {
    Sid: 'EnforceTls',
    Effect: 'Deny',
    Principal: '*',
    Action: ['s3:*', 'sts:*'],
    Resource: '*',
    Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
  },
  {
    Sid: 'DataPerimeter',
    Effect: 'Deny',
    Principal: '*',
    Action: ['s3:*', 'sts:AssumeRole'],
    Resource: '*',
    Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123def4' }, 'ForAllValues:StringNotLike': { 'aws:CalledVia': '*.amazonaws.com' } },
  },
];

export function rcpLevel(ctx: StatementContext): { [key: string]: Json } {
  const { rng } = ctx;
  const statements: Statement[] = [{ ...RCP_FULL_AWS_ACCESS }];
  const n = rng.between(0, 2);
  for (let i = 0; i < n; i++) {
    if (rng.chance(0.5)) {
      statements.push({ ...rng.pick(RCP_DENY_TEMPLATES) });
    } else {
      const st: Statement = {
        Effect: 'Deny',
        Principal: '*',
        Action: rng.sample(['s3:GetObject', 's3:PutObject', 's3:*', 's3:List*', 'sts:AssumeRole', 'sts:*', 's3:Delete*'], rng.between(1, 2)),
        Resource: resourceElement(ctx),
      };
      const block = conditionBlock(rng, ctx.keyPool, 2);
      if (Object.keys(block).length > 0) st['Condition'] = block;
      statements.push(st);
    }
  }
  return { Version: '2012-10-17', Statement: uniqueSids(statements) };
}
