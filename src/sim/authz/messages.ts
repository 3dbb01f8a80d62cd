/**
 * AccessDenied messages in AWS's shape (IAM "Troubleshoot access denied error messages"):
 * `User: <arn> is not authorized to perform: <action> on resource: <arn> because no <type>
 * allows the <action> action` or `… with an explicit deny in a <type>`. For role sessions the ARN
 * is the assumed-role session ARN, which is what the caller's `arn` already is.
 */
import type { Decision } from './types.ts';

/**
 * Builds the message for a denial. `deniedBy` is the policy type as AWS names it
 * (`service control policy`, `permissions boundary`, `identity-based policy`…). The resource
 * part is left out for actions that take no resource (`*`), as AWS does; `quoteResource` writes
 * it in double quotes, as S3 does.
 */
export function accessDeniedMessage(callerArn: string, action: string, resource: string, decision: Decision, deniedBy: string, quoteResource = false): string {
  // S3 puts the resource ARN in double quotes (S3 User Guide, "Troubleshoot access denied").
  const on = resource === '*' ? '' : ` on resource: ${quoteResource ? `"${resource}"` : resource}`;
  // "in an identity-based policy", "in a service control policy": the article follows the sound.
  const article = /^[aeiou]/i.test(deniedBy) ? 'an' : 'a';
  const why = decision === 'ExplicitDeny' ? `with an explicit deny in ${article} ${deniedBy}` : `because no ${deniedBy} allows the ${action} action`;
  return `User: ${callerArn} is not authorized to perform: ${action}${on} ${why}`;
}
