/**
 * The AWS CLI build script. Policies go to files through quoted
 * here-documents (bash expands nothing inside), then `fill` puts the real account ids and the
 * bucket suffix in place of the tokens with sed. Commands are real `aws` CLI v2 syntax
 * (AWS CLI Command Reference: iam create-role, put-role-policy, s3api create-bucket, lambda
 * add-permission, organizations create-policy …).
 */
import type { SeedAccount, SeedRole } from '../../sim/world/seed-schema.ts';
import type { ExportModel } from './model.ts';
import { docText } from './model.ts';
import { shellWord, singleQuoted } from './shell.ts';
import { resourcePhase } from './build-resources.ts';
import { BUILD_MARKER, policyArn, prelude, Script, targetId, useAccount } from './script.ts';

function tagsJson(tags: Readonly<Record<string, string>> | undefined): string | undefined {
  if (tags === undefined || Object.keys(tags).length === 0) return undefined;
  return JSON.stringify(Object.entries(tags).map(([Key, Value]) => ({ Key, Value })));
}

/** Roles ordered so that a role named in another's trust policy is created first. */
function rolesInOrder(model: ExportModel): { account: SeedAccount; role: SeedRole }[] {
  const all = model.seed.accounts.flatMap((account) =>
    (account.roles ?? []).map((role) => ({ account, role })),
  );
  const arnOf = (x: (typeof all)[number]) =>
    `:${x.account.id}:role${x.role.path ?? '/'}${x.role.name}`;
  const out: typeof all = [];
  const pending = [...all];
  while (pending.length > 0) {
    const i = pending.findIndex((x) =>
      pending.every((y) => y === x || !docText(x.role.trustPolicy).includes(`${arnOf(y)}"`)),
    );
    // A cycle cannot be built in this order anyway; take the first and let IAM say which.
    const [next] = pending.splice(i < 0 ? 0 : i, 1);
    if (next !== undefined) out.push(next);
  }
  return out;
}

function identityPhase(s: Script, model: ExportModel, current: { n: number }): void {
  for (const account of model.seed.accounts) {
    s.blank();
    s.comment(
      `== Identities of account ${model.accountIndex.get(account.id)} (simulated ${account.id}) ==`,
    );
    useAccount(s, model, account.id, current);
    if (account.alias !== undefined)
      s.comment(
        `The simulated account has the alias "${account.alias}". Aliases are globally unique, so this script does not\nset one; to set your own: aws iam create-account-alias --account-alias <your-alias>`,
      );
    for (const p of account.oidcProviders ?? []) {
      const args: (readonly [string, string] | string)[] = [['--url', p.url]];
      args.push(`--client-id-list ${p.clientIds.map((c) => shellWord(c)).join(' ')}`);
      if (p.thumbprints !== undefined && p.thumbprints.length > 0)
        args.push(`--thumbprint-list ${p.thumbprints.map((t) => shellWord(t)).join(' ')}`);
      s.aws('iam', 'create-open-id-connect-provider', args);
    }
    for (const p of account.samlProviders ?? []) {
      s.comment(
        `MANUAL STEP: SAML provider "${p.name}" (issuer ${p.issuer}) needs the real metadata XML of your identity\nprovider, which Rolelab cannot make up. Create it before the roles below trust it:\n  aws iam create-saml-provider --name ${p.name} --saml-metadata-document file://your-idp-metadata.xml`,
      );
    }
    for (const p of account.policies ?? []) {
      const file = s.policyFile(`policy-${p.name}`, docText(p.document), model);
      const args: (readonly [string, string] | string)[] = [['--policy-name', p.name]];
      if (p.path !== undefined && p.path !== '/') args.push(['--path', p.path]);
      if (p.description !== undefined) args.push(['--description', p.description]);
      args.push(['--policy-document', file]);
      s.aws('iam', 'create-policy', args);
    }
    if (account.passwordPolicy !== undefined) {
      const pp = account.passwordPolicy;
      const args: string[] = [];
      const flag = (name: string, v: boolean | undefined) => {
        if (v !== undefined) args.push(v ? `--${name}` : `--no-${name}`);
      };
      if (pp.MinimumPasswordLength !== undefined)
        args.push(`--minimum-password-length ${pp.MinimumPasswordLength}`);
      flag('require-symbols', pp.RequireSymbols);
      flag('require-numbers', pp.RequireNumbers);
      flag('require-uppercase-characters', pp.RequireUppercaseCharacters);
      flag('require-lowercase-characters', pp.RequireLowercaseCharacters);
      flag('allow-users-to-change-password', pp.AllowUsersToChangePassword);
      if (pp.MaxPasswordAge !== undefined) args.push(`--max-password-age ${pp.MaxPasswordAge}`);
      if (pp.PasswordReusePrevention !== undefined)
        args.push(`--password-reuse-prevention ${pp.PasswordReusePrevention}`);
      flag('hard-expiry', pp.HardExpiry);
      s.comment(
        'This replaces the account password policy (cleanup.sh does not restore the old one).',
      );
      s.aws('iam', 'update-account-password-policy', args);
    }
    for (const g of account.groups ?? []) {
      const args: (readonly [string, string] | string)[] = [['--group-name', g.name]];
      if (g.path !== undefined && g.path !== '/') args.push(['--path', g.path]);
      s.aws('iam', 'create-group', args);
      for (const [name, doc] of Object.entries(g.inlinePolicies ?? {}))
        s.aws('iam', 'put-group-policy', [
          ['--group-name', g.name],
          ['--policy-name', name],
          ['--policy-document', s.policyFile(`group-${g.name}-${name}`, docText(doc), model)],
        ]);
      for (const ref of g.managedPolicies ?? [])
        s.aws('iam', 'attach-group-policy', [
          ['--group-name', g.name],
          ['--policy-arn', policyArn(model, account, ref)],
        ]);
    }
    for (const u of account.users ?? []) {
      const args: (readonly [string, string] | string)[] = [['--user-name', u.name]];
      if (u.path !== undefined && u.path !== '/') args.push(['--path', u.path]);
      if (u.boundary !== undefined)
        args.push(['--permissions-boundary', policyArn(model, account, u.boundary)]);
      const tags = tagsJson(u.tags);
      if (tags !== undefined) args.push(`--tags ${singleQuoted(tags)}`);
      s.aws('iam', 'create-user', args);
      for (const g of u.groups ?? [])
        s.aws('iam', 'add-user-to-group', [
          ['--group-name', g],
          ['--user-name', u.name],
        ]);
      for (const [name, doc] of Object.entries(u.inlinePolicies ?? {}))
        s.aws('iam', 'put-user-policy', [
          ['--user-name', u.name],
          ['--policy-name', name],
          ['--policy-document', s.policyFile(`user-${u.name}-${name}`, docText(doc), model)],
        ]);
      for (const ref of u.managedPolicies ?? [])
        s.aws('iam', 'attach-user-policy', [
          ['--user-name', u.name],
          ['--policy-arn', policyArn(model, account, ref)],
        ]);
      if (u.mfa === true)
        s.comment(
          `MANUAL STEP: the simulated ${u.name} has a virtual MFA device. Create one and enable it with two codes\nfrom your authenticator app:\n  aws iam create-virtual-mfa-device --virtual-mfa-device-name ${u.name} --outfile ${u.name}-qr.png --bootstrap-method QRCodePNG\n  aws iam enable-mfa-device --user-name ${u.name} --serial-number arn:aws:iam::$ACCOUNT_1:mfa/${u.name} --authentication-code1 <code> --authentication-code2 <next code>`,
        );
      if (u.accessKeys !== undefined && u.accessKeys.length > 0)
        s.comment(
          `To act as ${u.name}, create an access key (keep it secret, delete it afterwards):\n  aws iam create-access-key --user-name ${u.name}`,
        );
      if (u.password === true)
        s.comment(
          `The simulated ${u.name} has a console password; if you need one:\n  aws iam create-login-profile --user-name ${u.name} --password '<a strong password>' --password-reset-required`,
        );
    }
  }
}

function rolePhase(s: Script, model: ExportModel, current: { n: number }): void {
  const roles = rolesInOrder(model);
  if (roles.length === 0) return;
  s.blank();
  s.comment('== Roles (in an order where every role a trust policy names exists first) ==');
  for (const { account, role } of roles) {
    useAccount(s, model, account.id, current);
    if (role.serviceLinked === true) {
      s.comment(
        `MANUAL STEP: ${role.name} is a service-linked role: only its service creates it (aws iam create-service-linked-role\n--aws-service-name <service>.amazonaws.com), so it is not built here.`,
      );
      continue;
    }
    const args: (readonly [string, string] | string)[] = [['--role-name', role.name]];
    if (role.path !== undefined && role.path !== '/') args.push(['--path', role.path]);
    args.push([
      '--assume-role-policy-document',
      s.policyFile(`role-${role.name}-trust`, docText(role.trustPolicy), model),
    ]);
    if (role.description !== undefined) args.push(['--description', role.description]);
    if (role.maxSessionDuration !== undefined)
      args.push(`--max-session-duration ${role.maxSessionDuration}`);
    if (role.boundary !== undefined)
      args.push(['--permissions-boundary', policyArn(model, account, role.boundary)]);
    const tags = tagsJson(role.tags);
    if (tags !== undefined) args.push(`--tags ${singleQuoted(tags)}`);
    s.aws('iam', 'create-role', args);
    for (const [name, doc] of Object.entries(role.inlinePolicies ?? {}))
      s.aws('iam', 'put-role-policy', [
        ['--role-name', role.name],
        ['--policy-name', name],
        ['--policy-document', s.policyFile(`role-${role.name}-${name}`, docText(doc), model)],
      ]);
    for (const ref of role.managedPolicies ?? [])
      s.aws('iam', 'attach-role-policy', [
        ['--role-name', role.name],
        ['--policy-arn', policyArn(model, account, ref)],
      ]);
    if (role.instanceProfile !== undefined && role.instanceProfile !== false) {
      const name = role.instanceProfile === true ? role.name : role.instanceProfile;
      s.aws('iam', 'create-instance-profile', [['--instance-profile-name', name]]);
      s.aws('iam', 'add-role-to-instance-profile', [
        ['--instance-profile-name', name],
        ['--role-name', role.name],
      ]);
    }
  }
}

function organizationPhase(s: Script, model: ExportModel, current: { n: number }): void {
  const org = model.seed.organization;
  if (org === undefined) return;
  const kinds = [
    { list: org.scps ?? [], type: 'SERVICE_CONTROL_POLICY', label: 'SCP' },
    { list: org.rcps ?? [], type: 'RESOURCE_CONTROL_POLICY', label: 'RCP' },
  ].filter((k) => k.list.length > 0);
  s.blank();
  s.comment(
    `== Organization ==\nMANUAL STEP: this part needs an AWS Organization whose management account is account ${model.accountIndex.get(org.managementAccount)}\n(simulated ${org.managementAccount}); the other accounts must be members. Creating one is not scripted here:\nit changes billing and account ownership. In the management account: aws organizations create-organization\n--feature-set ALL, then invite the member accounts (aws organizations invite-account-to-organization).`,
  );
  for (const ou of org.ous ?? [])
    s.comment(
      `MANUAL STEP: OU "${ou.name}" under ${ou.parent ?? 'the root'}${ou.accounts === undefined ? '' : ` holding ${ou.accounts.map((a) => `account ${model.accountIndex.get(a) ?? a}`).join(', ')}`}:\n  aws organizations create-organizational-unit --parent-id <parent id> --name ${singleQuoted(ou.name)}\n  aws organizations move-account --account-id <id> --source-parent-id <root id> --destination-parent-id <ou id>`,
    );
  if (kinds.length === 0) return;
  useAccount(s, model, org.managementAccount, current);
  s.raw(`ROOT_ID="$(aws organizations list-roots --query 'Roots[0].Id' --output text)"`);
  let n = 0;
  for (const k of kinds) {
    s.raw(
      `aws organizations enable-policy-type --root-id "$ROOT_ID" --policy-type ${k.type} || echo "${k.label}s are already enabled"`,
    );
    for (const p of k.list) {
      n += 1;
      const file = s.policyFile(`${k.label.toLowerCase()}-${p.name}`, docText(p.document), model);
      s.raw(
        `POLICY_ID_${n}="$(aws organizations create-policy --name ${shellWord(p.name)} --type ${k.type} --description ${singleQuoted('Written in a Rolelab exercise')} --content ${shellWord(file)} --query Policy.PolicySummary.Id --output text)"`,
      );
      for (const t of p.targets) {
        const id = targetId(model, t);
        if (id === undefined)
          s.comment(
            `MANUAL STEP: attach it to the nested OU "${t}": aws organizations attach-policy --policy-id "$POLICY_ID_${n}" --target-id <ou id>`,
          );
        else
          s.raw(`aws organizations attach-policy --policy-id "$POLICY_ID_${n}" --target-id ${id}`);
      }
    }
  }
}

/** The build script. */
export function buildScript(model: ExportModel, title: string): string {
  const s = new Script();
  s.lines.push(...prelude(model, title, 'build script', 'build'));
  const current = { n: 0 };
  identityPhase(s, model, current);
  rolePhase(s, model, current);
  resourcePhase(s, model, current);
  organizationPhase(s, model, current);
  s.blank();
  s.raw('echo "Built. Check the decisions with simulate.sh; delete everything with cleanup.sh."');
  // Organization, root and OU ids are made up by the simulator too; they cannot be guessed here.
  const orgIds = [
    ...new Set(
      s.lines
        .join('\n')
        .match(/\b(o-[a-z0-9]{10,32}|ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32})\b/g) ?? [],
    ),
  ];
  if (orgIds.length > 0) {
    const at = s.lines.indexOf(BUILD_MARKER) + 1;
    s.lines.splice(
      at,
      0,
      `# MANUAL STEP: the documents name the simulated organization ids ${orgIds.join(', ')}. Replace them with your`,
      '# own (aws organizations describe-organization / list-roots / list-organizational-units-for-parent) before running.',
    );
  }
  return `${s.lines.join('\n')}\n`;
}
