/**
 * Which statements may or must name a principal, per policy kind: Principal forbidden on the
 * identity side and in SCPs, required in resource-based and trust policies, `"*"` only in RCPs;
 * NotPrincipal only with Deny and never in trust policies, SCPs or RCPs.
 */
import type { WalkContext } from './context.ts';
import { childPath } from './issues.ts';
import { readPrincipal } from './principal.ts';
import type { StatementElements as Elements } from './elements.ts';
import type { PrincipalSpec, SourceRange } from './types.ts';

/** Principal / NotPrincipal with the kind's rules; returns the parsed specs for the AST. */
export function readPrincipals(
  ctx: WalkContext,
  el: Elements,
  path: string,
  effect: 'Allow' | 'Deny' | undefined,
  opening: SourceRange,
): { principal?: PrincipalSpec; notPrincipal?: PrincipalSpec } {
  const { sink, rules } = ctx;
  const p = el.get('Principal');
  const np = el.get('NotPrincipal');
  const pPath = childPath(path, 'Principal');
  const npPath = childPath(path, 'NotPrincipal');
  if (rules.principal === 'forbidden') {
    for (const [e, name, at] of [
      [p, 'Principal', pPath],
      [np, 'NotPrincipal', npPath],
    ] as const) {
      if (e === undefined) continue;
      const why =
        ctx.kind === 'scp'
          ? 'SCPs do not support it'
          : 'the principal is whoever the policy is attached to';
      sink.error(
        e.keyNode,
        'PRINCIPAL_NOT_ALLOWED',
        at,
        `${name} is not allowed in ${rules.label}: ${why}.`,
      );
    }
    return {};
  }
  const out: { principal?: PrincipalSpec; notPrincipal?: PrincipalSpec } = {};
  if (p !== undefined) {
    const spec = readPrincipal(ctx, p.valueNode, pPath, 'Principal');
    if (spec !== undefined) out.principal = spec;
    if (rules.principal === 'star-only' && spec?.kind !== 'any') {
      sink.error(
        p.valueNode,
        'RCP_PRINCIPAL_NOT_STAR',
        pPath,
        'In a resource control policy Principal must be "*"; narrow it with conditions such as aws:PrincipalOrgID.',
      );
    }
    if (ctx.kind === 'role-trust' && effect === 'Allow' && spec !== undefined && isEveryone(spec)) {
      sink.warn(
        p.valueNode,
        'TRUST_WILDCARD_PRINCIPAL',
        pPath,
        'This trust policy lets anyone, in any account, assume the role unless a condition narrows it.',
      );
    }
  }
  if (np !== undefined) {
    if (p !== undefined) {
      sink.error(
        np.keyNode,
        'PRINCIPAL_AND_NOTPRINCIPAL',
        npPath,
        'A statement cannot have both Principal and NotPrincipal.',
      );
    }
    if (!rules.notPrincipal) {
      sink.error(
        np.keyNode,
        'NOTPRINCIPAL_NOT_ALLOWED',
        npPath,
        `NotPrincipal is not supported in ${rules.label}.`,
      );
    } else {
      if (effect === 'Allow') {
        sink.error(
          np.keyNode,
          'NOTPRINCIPAL_WITH_ALLOW',
          npPath,
          'NotPrincipal only works with "Effect": "Deny"; for an Allow, name the principals in Principal.',
        );
      }
      const spec = readPrincipal(ctx, np.valueNode, npPath, 'NotPrincipal');
      if (spec !== undefined) out.notPrincipal = spec;
    }
  }
  if (p === undefined && (np === undefined || !rules.notPrincipal)) {
    sink.add(
      'MISSING_PRINCIPAL',
      'error',
      path,
      opening,
      `${capitalise(rules.label)} needs a Principal in every statement: who is allowed or denied.`,
    );
  }
  return out;
}

/** `{kind:'any'}` or an AWS entry holding `"*"`. */
function isEveryone(spec: PrincipalSpec): boolean {
  return (
    spec.kind === 'any' ||
    spec.entries.some((e) => e.type === 'AWS' && e.values.some((v) => v.value === '*'))
  );
}

/** Upper-cases the first letter. */
function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
