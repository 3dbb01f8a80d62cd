/**
 * Is a statement with `"*"` as principal really public? Following S3 Block Public Access
 * (spec §22.3): it is not when a condition pins the caller to fixed values of certain keys.
 */
import { parseArn } from '../../policy/index.ts';
import type { ConditionClause, Statement } from '../../policy/index.ts';
import { hasWildcard } from '../text.ts';
import { isPositiveClause } from './helpers.ts';

/**
 * Keys whose fixed values make a `"*"` principal non-public: the S3 Block Public Access list,
 * plus the principal keys IAM Access Analyzer also accepts (aws:PrincipalAccount,
 * aws:PrincipalArn, aws:SourceOrgID, aws:PrincipalOrgPaths).
 */
export const RESTRICTING_KEYS: readonly string[] = [
  'aws:sourceip',
  'aws:sourcearn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceowner',
  'aws:sourceaccount',
  'aws:sourceorgid',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
  'aws:userid',
  's3:dataaccesspointarn',
  's3:dataaccesspointaccount',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  // KMS key policies pin "*" to one account this way ("Allow access through <service> for all
  // principals in the account"); Access Analyzer does not report those statements as public.
  'kms:calleraccount',
];

/** ARN-valued keys: a wildcard in the resource part still pins the account. */
const ARN_KEYS = new Set(['aws:sourcearn', 'aws:principalarn', 's3:dataaccesspointarn']);

/** Whether an IP block is narrow enough to count as fixed (S3: longer than /8 for IPv4, /32 for IPv6). */
function narrowIp(value: string): boolean {
  const [address = '', prefix] = value.split('/');
  const bits = prefix === undefined ? (address.includes(':') ? 128 : 32) : Number(prefix);
  return address.includes(':') ? bits > 32 : bits > 8;
}

/** Whether one condition value pins the caller to something fixed. */
function fixedValue(key: string, value: string): boolean {
  if (key === 'aws:sourceip') return narrowIp(value);
  // `AROAEXAMPLE:*` names all sessions of one role: S3 counts it as fixed.
  if (key === 'aws:userid') return !hasWildcard(value) || /^[A-Z0-9]+:\*$/.test(value);
  if (ARN_KEYS.has(key)) {
    const arn = parseArn(value);
    return arn !== null && /^\d{12}$/.test(arn.account);
  }
  return !hasWildcard(value);
}

/** Whether a clause restricts a public principal. */
function restricts(clause: ConditionClause): boolean {
  const key = clause.key.toLowerCase();
  if (!isPositiveClause(clause) || !RESTRICTING_KEYS.includes(key)) return false;
  if (key === 'aws:sourceip' && clause.operator !== 'IpAddress') return false;
  return clause.values.length > 0 && clause.values.every((v) => fixedValue(key, v.value));
}

/** Whether any condition of the statement pins a `"*"` principal to fixed values. */
export function hasRestrictingCondition(statement: Statement): boolean {
  return statement.conditions.some(restricts);
}
