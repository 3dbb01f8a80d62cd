/**
 * Resource/NotResource values: `"*"` or an ARN whose shape is right (IAM User Guide, "Resource"):
 * six colon-separated parts, a known partition, a service without wildcards, and policy
 * variables only in the resource part (after the fifth colon).
 */
import { checkArnShape, PARTITIONS } from './arn.ts';
import type { ArnProblem } from './arn.ts';
import { warnLiteralVariable } from './conditions.ts';
import type { WalkContext } from './context.ts';
import type { ListItem } from './lists.ts';
import { hasVariable, maskVariables, variableSpans } from './variables.ts';

/** A sentence per ARN problem. */
function arnMessage(value: string, problem: ArnProblem): string {
  switch (problem.kind) {
    case 'not-arn':
      return `"${value}" is not an ARN; resources are "*" or ARNs such as arn:aws:s3:::my-bucket/*.`;
    case 'segments':
      return `"${value}" is missing parts; an ARN is arn:partition:service:region:account:resource (region and account may be empty, like arn:aws:s3:::bucket).`;
    case 'partition':
      return `"${problem.partition}" is not a partition; use ${PARTITIONS.slice(0, 3).join(', ')}.`;
    case 'service-empty':
      return `"${value}" has no service; the third part of an ARN names it, like s3 or iam.`;
    case 'service-wildcard':
      return `"${problem.service}": wildcards are not allowed in the service part of an ARN.`;
    case 'resource-empty':
      return `"${value}" has no resource part after the fifth colon; use * to mean every resource.`;
  }
}

/** Checks one Resource/NotResource value, reporting INVALID_ARN, VARIABLE_NOT_ALLOWED or VARIABLES_LITERAL. */
export function checkResource(ctx: WalkContext, item: ListItem): void {
  const { value, node, path } = item;
  if (value === '*') return;
  const withVariables = hasVariable(value);
  // Colons inside ${aws:…} must not count as ARN separators.
  const masked = withVariables ? maskVariables(value) : value;
  const problem = checkArnShape(masked);
  if (problem !== null) {
    ctx.sink.error(node, 'INVALID_ARN', path, arnMessage(value, problem));
    return;
  }
  if (!withVariables) return;
  const resourceStart = nthColon(masked, 5) + 1;
  if (variableSpans(value).some(([start]) => start < resourceStart)) {
    ctx.sink.error(
      node,
      'VARIABLE_NOT_ALLOWED',
      path,
      'Policy variables are only allowed in the resource part of an ARN (after the fifth colon), not in its partition, service, region or account.',
    );
    return;
  }
  if (!ctx.variablesActive) warnLiteralVariable(ctx, node, path);
}

/** Offset of the n-th colon (1-based), or -1. */
function nthColon(text: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(':', at + 1);
    if (at < 0) return -1;
  }
  return at;
}
