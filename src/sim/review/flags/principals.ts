/**
 * Checks on who a resource or trust policy lets in: NotPrincipal, public principals, trusts of
 * other accounts without an external ID, and service principals without a confused-deputy guard.
 */
import type { PolicyKind, Statement } from '../../policy/index.ts';
import { principalRefs } from '../principals.ts';
import type { ReviewFlag, ReviewOptions } from '../types.ts';
import { actionMatching, flag, positiveClauses, RESOURCE_KINDS } from './helpers.ts';
import { hasRestrictingCondition } from './public.ts';

/** Condition keys that tie a service principal to the resource (or account) it acts for. */
const DEPUTY_KEYS = [
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:sourceowner',
];

/** Checks the principals of one statement. */
export function principalFlags(
  statement: Statement,
  kind: PolicyKind,
  options: ReviewOptions,
): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  if (statement.notPrincipal !== undefined)
    flags.push(flag('NOT_PRINCIPAL', statement, statement.notPrincipal.range));
  if (statement.effect !== 'Allow' || statement.principal === undefined) return flags;
  const refs = principalRefs(statement.principal);
  const everyone = refs.find((r) => r.category === 'everyone');
  if (everyone !== undefined && !hasRestrictingCondition(statement)) {
    if (kind === 'role-trust')
      flags.push(flag('TRUST_PUBLIC_PRINCIPAL', statement, everyone.range));
    else if (RESOURCE_KINDS.has(kind)) flags.push(flag('PUBLIC_ACCESS', statement, everyone.range));
  }
  if (
    kind === 'role-trust' &&
    options.account !== undefined &&
    actionMatching(statement, 'sts:AssumeRole')
  ) {
    // Only account principals look like a third party's: a named role of a partner is already narrow.
    const other = refs.find((r) => r.category === 'account' && r.account !== options.account);
    const guarded =
      positiveClauses(statement, ['sts:externalid', 'aws:principalorgid', 'aws:principalorgpaths'])
        .length > 0;
    if (other !== undefined && !guarded)
      flags.push(flag('CROSS_ACCOUNT_NO_EXTERNAL_ID', statement, other.range));
  }
  if (RESOURCE_KINDS.has(kind)) {
    const service = refs.find((r) => r.category === 'service');
    if (service !== undefined && positiveClauses(statement, DEPUTY_KEYS).length === 0) {
      flags.push(flag('CONFUSED_DEPUTY', statement, service.range));
    }
  }
  return flags;
}
