/**
 * The explanation of a check: the services do not hand back the decision behind a call, so the
 * grader rebuilds the same decision input (through the services' own builders) just before the
 * call and runs `authorize()` on it. The result carries the evaluation steps and the deciding
 * statements the UI shows.
 */
import { authorize } from '../sim/authz/index.ts';
import { authorizeInput } from '../sim/services/access.ts';
import { resolveCaller } from '../sim/services/caller.ts';
import { s3AuthorizeInput } from '../sim/services/s3/authorize-input.ts';
import type { AuthorizeResult, CallEnv, CallOptions, Credentials, World } from '../sim/index.ts';
import type { RequestTarget } from './request.ts';

/** Where an ARN's account sits (`arn:aws:iam::123456789012:role/x`). */
function arnAccount(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account === undefined || account === '' ? undefined : account;
}

/** The decision for a signed or unsigned call, or undefined when there is none to show (root, unknown keys). */
export function explainCall(
  world: World,
  credentials: Credentials,
  service: string,
  target: RequestTarget,
  opts: CallOptions,
): AuthorizeResult | undefined {
  const who = resolveCaller(world, credentials);
  if (!who.ok || who.result.kind === 'root') return undefined;
  const env: CallEnv = { world, caller: who.result, opts, service };
  if (target.bucket !== undefined) {
    const bucket = world.s3.buckets[target.bucket];
    return bucket === undefined
      ? undefined
      : authorize(s3AuthorizeInput(env, bucket, target.action, target.resource));
  }
  const input =
    target.roleArn === undefined
      ? authorizeInput(env, { action: target.action, resource: target.resource })
      : authorizeInput(env, {
          action: target.action,
          resource: target.resource,
          ...trustOf(world, target.roleArn),
        });
  return input === undefined ? undefined : authorize(input);
}

/** The trust policy and owner account of a role, for AssumeRole decisions. */
function trustOf(
  world: World,
  roleArn: string,
): { trust: string | null; resourceAccount?: string } {
  const account = arnAccount(roleArn);
  const name = roleArn.split('/').pop() ?? '';
  const role = account === undefined ? undefined : world.accounts[account]?.iam.roles[name];
  return account === undefined
    ? { trust: role?.assumeRolePolicyDocument ?? null }
    : { trust: role?.assumeRolePolicyDocument ?? null, resourceAccount: account };
}

/** The trust-policy decision when a service assumes a role. */
export function explainServiceAssume(
  world: World,
  servicePrincipal: string,
  roleArn: string,
  context: Record<string, string>,
): AuthorizeResult | undefined {
  const { trust, resourceAccount } = trustOf(world, roleArn);
  if (trust === null) return undefined;
  return authorize({
    principal: { arn: servicePrincipal, type: 'AWSService' },
    request: {
      action: 'sts:AssumeRole',
      resource: roleArn,
      ...(resourceAccount === undefined ? {} : { resourceAccount }),
      context,
    },
    policies: { trust },
  });
}
