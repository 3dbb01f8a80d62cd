/** Finding the role an STS call targets, and the context keys describing it. */
import { parseArn } from '../../world/arns.ts';
import type { IamRole } from '../../world/iam-types.ts';
import type { World } from '../../world/types.ts';
import { resourceTagContext } from '../iam/common.ts';

/** The role an ARN names, when it exists with exactly that ARN (path included). */
export function roleByArn(world: World, arn: string): IamRole | undefined {
  const parts = parseArn(arn);
  if (parts === null || parts.service !== 'iam' || !parts.resource.startsWith('role/')) return undefined;
  const name = parts.resource.slice(parts.resource.lastIndexOf('/') + 1);
  const role = world.accounts[parts.account]?.iam.roles[name];
  return role !== undefined && role.arn === arn ? role : undefined;
}

/** The account id in a role ARN. */
export function roleAccount(arn: string): string {
  return parseArn(arn)?.account ?? '';
}

/** True when the text has the shape of a role ARN. */
export function looksLikeRoleArn(arn: string): boolean {
  return /^arn:aws[a-z-]*:iam::\d{12}:role\/([\x21-\x7e]+\/)?[\w+=,.@-]+$/.test(arn);
}

/** The tags of the target role as the trust evaluation sees them. */
export function targetRoleContext(role: IamRole): Record<string, string> {
  return resourceTagContext(role.tags);
}
