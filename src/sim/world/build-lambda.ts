/**
 * Building the Lambda part of a seed: functions (with their execution role and function policy)
 * and the buckets' notifications to them. Runs after every account's IAM and buckets exist,
 * since a function names a role and a notification names a function that may live elsewhere.
 *
 * A seed describes a start state, so the checks a call would make (PassRole, the destination
 * test of PutBucketNotificationConfiguration) are not made here: an exercise may well start
 * from a misconfiguration. Only references that cannot be resolved are reported.
 */
import { functionArn, newFunction, parseHandlerSpec, permissionStatement, principalElement } from './lambda-records.ts';
import type { SeedAccount } from './seed-schema.ts';
import type { World } from './types.ts';

/** Adds an account's functions to the world. */
export function buildFunctions(world: World, a: SeedAccount, where: string, issues: string[]): void {
  (a.functions ?? []).forEach((f, i) => {
    const at = `${where}.functions.${i}`;
    const region = f.region ?? world.defaultRegion;
    const role = f.role.startsWith('arn:') ? f.role : world.accounts[a.id]?.iam.roles[f.role]?.arn;
    if (role === undefined) issues.push(`${at}.role: role ${f.role} is not declared in account ${a.id}`);
    const spec = parseHandlerSpec(f.handler);
    if (typeof spec === 'string') issues.push(`${at}.handler: ${spec}`);
    const arn = functionArn(region, a.id, f.name);
    if (world.lambda.functions[arn] !== undefined) issues.push(`${at}: function ${f.name} is declared twice`);
    if (role === undefined || typeof spec === 'string' || world.lambda.functions[arn] !== undefined) return;
    const fn = newFunction(world, {
      name: f.name,
      accountId: a.id,
      region,
      role,
      runtime: f.runtime ?? 'nodejs22.x',
      handler: 'index.handler',
      description: f.description ?? '',
      timeout: 3,
      memorySize: 128,
      environment: f.environment ?? {},
      spec,
      codeText: typeof f.handler === 'string' ? f.handler : JSON.stringify(f.handler),
    });
    (f.permissions ?? []).forEach((p, j) => {
      const principal = principalElement(p.principal);
      if (principal === undefined) {
        issues.push(`${at}.permissions.${j}.principal: ${p.principal} is not an account id, an IAM ARN, a service principal or *`);
        return;
      }
      fn.policy.push(
        permissionStatement(
          {
            sid: p.sid,
            action: p.action ?? 'lambda:InvokeFunction',
            principal,
            ...(p.sourceArn === undefined ? {} : { sourceArn: p.sourceArn }),
            ...(p.sourceAccount === undefined ? {} : { sourceAccount: p.sourceAccount }),
            ...(p.principalOrgId === undefined ? {} : { principalOrgId: p.principalOrgId }),
          },
          fn.functionArn,
        ),
      );
    });
    world.lambda.functions[arn] = fn;
  });
}

/** Adds the Lambda notifications of an account's buckets (after every function exists). */
export function buildNotifications(world: World, a: SeedAccount, where: string, issues: string[]): void {
  (a.buckets ?? []).forEach((b, i) => {
    const bucket = world.s3.buckets[b.name];
    if (bucket === undefined || bucket.ownerAccountId !== a.id || b.lambdaNotifications === undefined) return;
    const configs = b.lambdaNotifications.flatMap((n, j) => {
      const arn = n.function.startsWith('arn:') ? n.function : functionArn(bucket.region, a.id, n.function);
      if (world.lambda.functions[arn] === undefined) {
        issues.push(`${where}.buckets.${i}.lambdaNotifications.${j}.function: function ${n.function} is not declared`);
        return [];
      }
      const rules = [...(n.prefix === undefined ? [] : [{ Name: 'prefix', Value: n.prefix }]), ...(n.suffix === undefined ? [] : [{ Name: 'suffix', Value: n.suffix }])];
      return [{ Id: `notification-${j + 1}`, LambdaFunctionArn: arn, Events: n.events ?? ['s3:ObjectCreated:*'], ...(rules.length === 0 ? {} : { Filter: { Key: { FilterRules: rules } } }) }];
    });
    if (configs.length > 0) bucket.notificationConfiguration = { LambdaFunctionConfigurations: configs };
  });
}
