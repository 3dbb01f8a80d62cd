/**
 * Builders for Lambda records, shared by `createWorld` (seeds) and the Lambda service (API
 * calls), so a function made either way looks the same: the declarative handler's parser, the
 * function policy statements AddPermission builds, and a fresh function.
 */
import { isoFromMs } from './clock.ts';
import { uuid } from './ids.ts';
import type { FunctionPolicyStatement, HandlerSpec, HandlerStep, LambdaFunction } from './lambda-types.ts';
import type { World } from './types.ts';

/** The most steps one handler may have (keeps invocations small and finite). */
export const MAX_STEPS = 10;

const CALL = /^[a-z0-9-]+:[A-Za-z0-9]+$/;
const RETURNS = new Set(['last', 'all', 'event', 'none']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses a handler from `Code.ZipFile` (JSON text or a value); the spec or why it is not one. */
export function parseHandlerSpec(raw: unknown): HandlerSpec | string {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return 'The handler must be JSON: {"steps": [{"call": "s3:GetObject", "params": {…}}], "return": "last"}.';
    }
  }
  if (!isRecord(value) || !Array.isArray(value['steps'])) return 'The handler must be an object with a "steps" list.';
  const rawSteps = value['steps'] as unknown[];
  if (rawSteps.length > MAX_STEPS) return `A handler has at most ${MAX_STEPS} steps.`;
  const steps: HandlerStep[] = [];
  for (const [i, s] of rawSteps.entries()) {
    if (!isRecord(s) || typeof s['call'] !== 'string' || !CALL.test(s['call'])) return `steps[${i}].call must look like "s3:GetObject".`;
    if (s['params'] !== undefined && !isRecord(s['params'])) return `steps[${i}].params must be an object of parameters.`;
    steps.push(s['params'] === undefined ? { call: s['call'] } : { call: s['call'], params: JSON.parse(JSON.stringify(s['params'])) as Record<string, unknown> });
  }
  const ret = value['return'];
  if (ret !== undefined && (typeof ret !== 'string' || !RETURNS.has(ret))) return 'return must be "last", "all", "event" or "none".';
  return ret === undefined ? { steps } : { steps, return: ret as NonNullable<HandlerSpec['return']> };
}

/** `arn:aws:lambda:<region>:<account>:function:<name>`. */
export function functionArn(region: string, account: string, name: string): string {
  return `arn:aws:lambda:${region}:${account}:function:${name}`;
}

const SERVICE_PRINCIPAL = /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/;
const IAM_ARN = /^arn:aws:(iam|sts)::\d{12}:.+$/;

/** The statement's Principal for AddPermission's `Principal` parameter, or undefined when it is not one. */
export function principalElement(principal: string): FunctionPolicyStatement['Principal'] | undefined {
  if (principal === '*') return '*';
  if (/^\d{12}$/.test(principal)) return { AWS: `arn:aws:iam::${principal}:root` };
  if (IAM_ARN.test(principal)) return { AWS: principal };
  if (SERVICE_PRINCIPAL.test(principal)) return { Service: principal };
  return undefined;
}

/** AddPermission's parameters, already validated. */
export interface PermissionFields {
  sid: string;
  action: string;
  principal: FunctionPolicyStatement['Principal'];
  sourceArn?: string;
  sourceAccount?: string;
  principalOrgId?: string;
  functionUrlAuthType?: string;
}

/**
 * The statement AddPermission adds, in AWS's shape (Lambda Developer Guide, "Using
 * resource-based policies for Lambda"): SourceAccount, PrincipalOrgID and FunctionUrlAuthType
 * become `StringEquals`, SourceArn `ArnLike`.
 */
export function permissionStatement(f: PermissionFields, fnArn: string): FunctionPolicyStatement {
  const statement: FunctionPolicyStatement = { Sid: f.sid, Effect: 'Allow', Principal: f.principal, Action: f.action, Resource: fnArn };
  const equals: Record<string, string> = {};
  if (f.sourceAccount !== undefined) equals['AWS:SourceAccount'] = f.sourceAccount;
  if (f.principalOrgId !== undefined) equals['aws:PrincipalOrgID'] = f.principalOrgId;
  if (f.functionUrlAuthType !== undefined) equals['lambda:FunctionUrlAuthType'] = f.functionUrlAuthType;
  const condition: Record<string, Record<string, string>> = {};
  if (Object.keys(equals).length > 0) condition['StringEquals'] = equals;
  if (f.sourceArn !== undefined) condition['ArnLike'] = { 'AWS:SourceArn': f.sourceArn };
  if (Object.keys(condition).length > 0) statement.Condition = condition;
  return statement;
}

/** Lambda's timestamp format: `2026-01-01T09:00:00.000+0000`. */
export function lambdaTime(iso: string): string {
  return iso.replace(/Z$/, '+0000');
}

/** UTF-8 byte length of a text (no TextEncoder: the simulator's lib has no DOM). */
function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * `CodeSha256`-shaped text: 32 bytes in base64, derived from the code with eight seeded FNV-1a
 * hashes (not SHA-256: only the shape and the stability matter here).
 */
function codeDigest(text: string): string {
  const bytes: number[] = [];
  for (let seed = 0; seed < 8; seed++) {
    let h = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b9)) >>> 0;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    bytes.push(h >>> 24, (h >>> 16) & 255, (h >>> 8) & 255, h & 255);
  }
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = bytes.slice(i, i + 3);
    const n = (a << 16) | (b << 8) | c;
    out += alphabet[(n >> 18) & 63] ?? '';
    out += alphabet[(n >> 12) & 63] ?? '';
    out += i + 1 < bytes.length ? (alphabet[(n >> 6) & 63] ?? '') : '=';
    out += i + 2 < bytes.length ? (alphabet[n & 63] ?? '') : '=';
  }
  return out;
}

/** What a new function is made of. */
export interface NewFunctionFields {
  name: string;
  accountId: string;
  region: string;
  role: string;
  runtime: string;
  handler: string;
  description: string;
  timeout: number;
  memorySize: number;
  environment: Record<string, string>;
  spec: HandlerSpec;
  /** The code as uploaded (its size and digest are reported). */
  codeText: string;
}

/** A fresh function with no policy and no credentials yet. */
export function newFunction(world: World, f: NewFunctionFields): LambdaFunction {
  return {
    functionName: f.name,
    functionArn: functionArn(f.region, f.accountId, f.name),
    accountId: f.accountId,
    region: f.region,
    role: f.role,
    runtime: f.runtime,
    handler: f.handler,
    description: f.description,
    timeout: f.timeout,
    memorySize: f.memorySize,
    lastModified: lambdaTime(isoFromMs(world.clock.epochMs)),
    codeSha256: codeDigest(f.codeText),
    codeSize: utf8Length(f.codeText),
    revisionId: uuid(world.ids),
    environment: { ...f.environment },
    tags: {},
    spec: f.spec,
    policy: [],
    credentials: null,
  };
}
