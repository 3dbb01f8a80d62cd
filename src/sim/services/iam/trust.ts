/**
 * Saving a trust policy: the grammar checks of a role-trust document, and IAM's check that
 * every IAM user or role a trust policy names exists. IAM resolves those principals to unique
 * ids when the policy is saved, so naming a user or role that does not exist fails with
 * `MalformedPolicyDocument: Invalid principal in policy` (we check accounts the world holds;
 * principals of accounts outside the world are accepted, as we cannot know them).
 *
 * A `Federated` principal that is an IAM provider ARN must name a SAML or OIDC provider that
 * exists: IAM refuses the document with `MalformedPolicyDocument: Federated principals must be
 * valid domain names or SAML metadata ARNs` (what a role for an EKS or GitHub OIDC provider gets
 * when the provider has not been created yet in that account). Domain names such as
 * `cognito-identity.amazonaws.com` or `accounts.google.com` are not ARNs and are accepted.
 */
import { parseArn } from '../../world/arns.ts';
import type { World } from '../../world/types.ts';
import { malformedPolicy } from '../errors.ts';
import type { AwsError } from '../types.ts';
import { findByName, validateDocument } from './common.ts';

/** Every string under `Principal.<key>` in a trust document. */
function principalsOf(text: string, key: 'AWS' | 'Federated'): string[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  const statements = (doc as { Statement?: unknown }).Statement;
  const list = Array.isArray(statements) ? statements : [statements];
  const out: string[] = [];
  for (const s of list) {
    const principal =
      typeof s === 'object' && s !== null ? (s as { Principal?: unknown }).Principal : undefined;
    const named =
      typeof principal === 'object' && principal !== null
        ? (principal as Record<string, unknown>)[key]
        : undefined;
    for (const v of Array.isArray(named) ? named : [named]) if (typeof v === 'string') out.push(v);
  }
  return out;
}

/** Validates a trust policy for saving; the error or undefined. */
export function validateTrustPolicy(world: World, text: string): AwsError | undefined {
  const grammar = validateDocument(text, 'role-trust');
  if (grammar !== undefined) return grammar;
  for (const principal of principalsOf(text, 'AWS')) {
    const arn = parseArn(principal);
    if (arn === null || arn.service !== 'iam') continue;
    const account = world.accounts[arn.account];
    if (account === undefined) continue;
    const name = arn.resource.slice(arn.resource.lastIndexOf('/') + 1);
    const exists = arn.resource.startsWith('user/')
      ? findByName(account.iam.users, name)?.arn === principal
      : arn.resource.startsWith('role/')
        ? findByName(account.iam.roles, name)?.arn === principal
        : true;
    if (!exists) return malformedPolicy(`Invalid principal in policy: "AWS":"${principal}"`);
  }
  for (const principal of principalsOf(text, 'Federated')) {
    const arn = parseArn(principal);
    if (arn === null || arn.service !== 'iam') continue;
    const account = world.accounts[arn.account];
    if (account === undefined) continue;
    const providers = arn.resource.startsWith('oidc-provider/')
      ? Object.values(account.iam.oidcProviders)
      : arn.resource.startsWith('saml-provider/')
        ? Object.values(account.iam.samlProviders)
        : [];
    if (!providers.some((p) => p.arn === principal))
      return malformedPolicy(
        'Federated principals must be valid domain names or SAML metadata ARNs',
      );
  }
  return undefined;
}
