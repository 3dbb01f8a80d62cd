/**
 * Is a bucket policy "public" in the sense of S3 Block Public Access? (S3 User Guide, "Blocking
 * public access", "The meaning of public".) A policy is public when one of its Allow statements
 * grants to everyone (`"*"`) without pinning the request to fixed values of certain keys.
 * `RestrictPublicBuckets` then limits the whole policy to AWS services and the bucket owner's
 * account.
 */
import type { ConditionClause, Policy, Statement } from '../policy/types.ts';
import { parseCidr } from './conditions/ip.ts';

/**
 * Keys that make a grant non-public when fixed to specific values. The S3 page's list, plus the
 * principal keys (`aws:PrincipalArn`, `aws:PrincipalAccount`), which fix the principal exactly as
 * a named principal would — the page's general rule is "not restricted to fixed values of the
 * principal or of one of these keys".
 */
const FIXING_KEYS = new Set([
  'aws:sourceip',
  'aws:sourcearn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceowner',
  'aws:sourceaccount',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
  'aws:userid',
  's3:dataaccesspointarn',
  's3:dataaccesspointaccount',
  'aws:principalorgid',
  'aws:principalarn',
  'aws:principalaccount',
]);

const FIXING_OPERATORS = new Set(['StringEquals', 'StringEqualsIgnoreCase', 'StringLike', 'ArnEquals', 'ArnLike', 'IpAddress']);

/** True when one value pins the key (no wildcard; an IP block narrower than /8 or /32). */
function fixedValue(key: string, value: string): boolean {
  if (key === 'aws:sourceip') {
    const cidr = parseCidr(value);
    return cidr !== null && cidr.prefix > (cidr.v6 ? 32 : 8);
  }
  if (key === 'aws:userid' && /^AROA[A-Z0-9]+:\*$/.test(value)) return true;
  return !value.includes('*') && !value.includes('?');
}

/** True when a clause restricts the request to fixed values of a fixing key. */
function fixes(clause: ConditionClause): boolean {
  const key = clause.key.toLowerCase();
  if (!FIXING_KEYS.has(key) || !FIXING_OPERATORS.has(clause.operator)) return false;
  // IfExists and ForAllValues hold when the key is missing, so they pin nothing.
  if (clause.ifExists || clause.qualifier === 'ForAllValues') return false;
  return clause.values.length > 0 && clause.values.every((v) => fixedValue(key, v.value));
}

/** True when the statement opens access to everyone. */
function opensToEveryone(st: Statement): boolean {
  if (st.effect !== 'Allow') return false;
  if (st.notPrincipal !== undefined) return true;
  const p = st.principal;
  if (p === undefined) return false;
  if (p.kind === 'any') return true;
  return p.entries.some((e) => e.values.some((v) => v.value === '*' || (e.type === 'AWS' && v.value.includes('*'))));
}

const verdicts = new WeakMap<Policy, boolean>();

/**
 * True when the policy is public: some statement grants to everyone without a fixing condition.
 * Worked out once per parsed policy (parsed policies are never changed): with Block Public
 * Access on, every request from outside the account asks it again.
 */
export function isPublicPolicy(policy: Policy): boolean {
  let verdict = verdicts.get(policy);
  if (verdict === undefined) {
    verdict = policy.statements.some((st) => opensToEveryone(st) && !st.conditions.some(fixes));
    verdicts.set(policy, verdict);
  }
  return verdict;
}
