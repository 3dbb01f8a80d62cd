/**
 * The cleanup script: everything build.sh made, in reverse dependency order (organization
 * policies detached and deleted, bucket policies removed before buckets are emptied, MFA
 * devices before users). It keeps going when one call fails, so a half-built world is cleaned too.
 */
import type { ExportModel } from './model.ts';
import { bucketRef } from './model.ts';
import { shellWord, singleQuoted } from './shell.ts';
import {
  HOST_ONLY,
  POLICY_DIR,
  iamArn,
  policyArn,
  prelude,
  Script,
  seedRegion,
  targetId,
  useAccount,
} from './script.ts';

/** The cleanup script: everything the build script made, in reverse dependency order. */
export function cleanupScript(model: ExportModel, title: string): string {
  const s = new Script();
  s.lines.push(...prelude(model, title, 'cleanup script', 'cleanup'));
  const current = { n: 0 };
  const org = model.seed.organization;
  const scps = [...(org?.scps ?? []), ...(org?.rcps ?? [])];
  if (org !== undefined && scps.length > 0) {
    s.comment('== Organization policies ==');
    useAccount(s, model, org.managementAccount, current);
    s.raw(`ROOT_ID="$(aws organizations list-roots --query 'Roots[0].Id' --output text)"`);
    for (const p of scps) {
      const id = `"$(aws organizations list-policies --filter ${(org.scps ?? []).includes(p) ? 'SERVICE_CONTROL_POLICY' : 'RESOURCE_CONTROL_POLICY'} --query ${singleQuoted(`Policies[?Name=='${p.name.replace(/'/g, "\\'")}'].Id | [0]`)} --output text)"`;
      s.raw(`POLICY_ID=${id}`);
      // Detached from the targets build.sh attached it to (a policy must be detached to be deleted).
      for (const t of p.targets) {
        const target = targetId(model, t);
        if (target === undefined)
          s.comment(
            `Detach it from the nested OU "${t}": aws organizations detach-policy --policy-id "$POLICY_ID" --target-id <ou id>`,
          );
        else
          s.raw(`aws organizations detach-policy --policy-id "$POLICY_ID" --target-id ${target}`);
      }
      s.raw('aws organizations delete-policy --policy-id "$POLICY_ID"');
    }
  }
  for (const account of [...model.seed.accounts].reverse()) {
    s.blank();
    s.comment(`== Account ${model.accountIndex.get(account.id)} ==`);
    useAccount(s, model, account.id, current);
    const region = seedRegion(model);
    for (const b of account.buckets ?? []) {
      // The bucket policy goes first: a Deny in it can stop even an administrator from emptying
      // the bucket (the account's root user can always delete a bucket policy).
      if (b.policy !== undefined)
        s.aws('s3api', 'delete-bucket-policy', [['--bucket', bucketRef(b.name)]]);
      // A bucket must be empty to be deleted.
      s.raw(`aws s3 rm ${shellWord(`s3://${bucketRef(b.name)}`)} --recursive`);
      s.raw(`aws s3 rb ${shellWord(`s3://${bucketRef(b.name)}`)}`);
    }
    for (const f of account.functions ?? [])
      s.aws('lambda', 'delete-function', [
        ['--function-name', f.name],
        ['--region', f.region ?? region],
      ]);
    for (const role of account.roles ?? []) {
      if (role.serviceLinked === true) continue;
      if (role.instanceProfile !== undefined && role.instanceProfile !== false) {
        const name = role.instanceProfile === true ? role.name : role.instanceProfile;
        s.aws('iam', 'remove-role-from-instance-profile', [
          ['--instance-profile-name', name],
          ['--role-name', role.name],
        ]);
        s.aws('iam', 'delete-instance-profile', [['--instance-profile-name', name]]);
      }
      for (const name of Object.keys(role.inlinePolicies ?? {}))
        s.aws('iam', 'delete-role-policy', [
          ['--role-name', role.name],
          ['--policy-name', name],
        ]);
      for (const ref of role.managedPolicies ?? [])
        s.aws('iam', 'detach-role-policy', [
          ['--role-name', role.name],
          ['--policy-arn', policyArn(model, account, ref)],
        ]);
      s.aws('iam', 'delete-role', [['--role-name', role.name]]);
    }
    for (const u of account.users ?? []) {
      for (const g of u.groups ?? [])
        s.aws('iam', 'remove-user-from-group', [
          ['--group-name', g],
          ['--user-name', u.name],
        ]);
      for (const name of Object.keys(u.inlinePolicies ?? {}))
        s.aws('iam', 'delete-user-policy', [
          ['--user-name', u.name],
          ['--policy-name', name],
        ]);
      for (const ref of u.managedPolicies ?? [])
        s.aws('iam', 'detach-user-policy', [
          ['--user-name', u.name],
          ['--policy-arn', policyArn(model, account, ref)],
        ]);
      if (u.mfa === true) {
        // The device build.sh told you to create, named after the user.
        const serial = iamArn(model, account.id, `mfa/${u.name}`);
        s.aws('iam', 'deactivate-mfa-device', [
          ['--user-name', u.name],
          ['--serial-number', serial],
        ]);
        s.aws('iam', 'delete-virtual-mfa-device', [['--serial-number', serial]]);
      }
      if (u.accessKeys !== undefined || u.password === true)
        s.comment(
          `If you created them, delete ${u.name}'s access keys (aws iam list-access-keys, delete-access-key) and login\nprofile (aws iam delete-login-profile) first, or delete-user fails.`,
        );
      s.aws('iam', 'delete-user', [['--user-name', u.name]]);
    }
    for (const g of account.groups ?? []) {
      for (const name of Object.keys(g.inlinePolicies ?? {}))
        s.aws('iam', 'delete-group-policy', [
          ['--group-name', g.name],
          ['--policy-name', name],
        ]);
      for (const ref of g.managedPolicies ?? [])
        s.aws('iam', 'detach-group-policy', [
          ['--group-name', g.name],
          ['--policy-arn', policyArn(model, account, ref)],
        ]);
      s.aws('iam', 'delete-group', [['--group-name', g.name]]);
    }
    for (const p of account.policies ?? [])
      s.aws('iam', 'delete-policy', [['--policy-arn', policyArn(model, account, p.name)]]);
    for (const p of account.oidcProviders ?? [])
      s.aws('iam', 'delete-open-id-connect-provider', [
        [
          '--open-id-connect-provider-arn',
          iamArn(model, account.id, `oidc-provider/${p.url.replace(/^https:\/\//, '')}`),
        ],
      ]);
    for (const p of account.samlProviders ?? [])
      s.comment(
        `If you created the SAML provider ${p.name}: aws iam delete-saml-provider --saml-provider-arn arn:aws:iam::<account>:saml-provider/${p.name}`,
      );
  }
  s.blank();
  s.raw(`rm -rf ${POLICY_DIR}  ${HOST_ONLY}`);
  return `${s.lines.join('\n')}\n`;
}
