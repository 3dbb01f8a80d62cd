/**
 * Finding policy documents: managed policies by ARN (customer or AWS managed, default version),
 * and several documents folded into one when the decision API wants one per slot.
 */
import { parseArn } from '../world/arns.ts';
import { awsManagedPolicyByArn } from '../world/managed-catalog.ts';
import type { CustomerManagedPolicy } from '../world/iam-types.ts';
import type { World } from '../world/types.ts';

/** A customer managed policy by ARN, in the account the ARN names. */
export function customerPolicyByArn(world: World, arn: string): CustomerManagedPolicy | undefined {
  const parts = parseArn(arn);
  if (parts === null || parts.service !== 'iam' || !parts.resource.startsWith('policy/')) return undefined;
  const name = parts.resource.slice(parts.resource.lastIndexOf('/') + 1);
  const policy = world.accounts[parts.account]?.iam.policies[name];
  return policy !== undefined && policy.arn === arn ? policy : undefined;
}

/** The default version's document of a managed policy, or undefined when the policy does not exist. */
export function managedPolicyDocument(world: World, arn: string): string | undefined {
  const aws = awsManagedPolicyByArn(arn);
  if (aws !== undefined) return aws.document;
  const own = customerPolicyByArn(world, arn);
  if (own === undefined) return undefined;
  return own.versions.find((v) => v.versionId === own.defaultVersionId)?.document;
}

/** True when a managed policy with this ARN exists. */
export function managedPolicyExists(world: World, arn: string): boolean {
  return awsManagedPolicyByArn(arn) !== undefined || customerPolicyByArn(world, arn) !== undefined;
}

/**
 * Several documents of one slot (all session policies, all SCPs at one level) as one document:
 * within a slot any Allow grants and any Deny denies, which is exactly one document holding all
 * the statements. A single document is passed through untouched, so the explanation can point
 * into the text its author wrote.
 */
export function foldDocuments(texts: readonly string[]): string | null {
  if (texts.length === 0) return null;
  if (texts.length === 1) return texts[0] ?? null;
  const statements: unknown[] = [];
  for (const text of texts) {
    try {
      const doc: unknown = JSON.parse(text);
      const st = typeof doc === 'object' && doc !== null ? (doc as { Statement?: unknown }).Statement : undefined;
      if (Array.isArray(st)) statements.push(...(st as unknown[]));
      else if (st !== undefined) statements.push(st);
    } catch {
      // Stored documents were validated when they were saved; an unreadable one adds nothing.
    }
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}
