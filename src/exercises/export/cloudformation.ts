/**
 * CloudFormation templates, one per account (a stack lives in one account). JSON, not YAML:
 * the policies are JSON already, JSON.stringify escapes every string correctly, and there are
 * no YAML pitfalls (a `yes`, a `:` or a leading `*` changing meaning). Property names follow the
 * CloudFormation Template Reference (AWS::IAM::Role, AWS::IAM::ManagedPolicy, AWS::IAM::User,
 * AWS::IAM::Group, AWS::IAM::InstanceProfile, AWS::IAM::OIDCProvider, AWS::S3::Bucket,
 * AWS::S3::BucketPolicy, AWS::Lambda::Function, AWS::Lambda::Permission,
 * AWS::Organizations::Policy); CFN_PROPERTIES is the allow-list the tests check against.
 */
import { AWS_MANAGED_POLICIES } from '../../sim/world/managed-catalog.ts';
import type { SeedAccount } from '../../sim/world/seed-schema.ts';
import type { ExportModel } from './model.ts';
import { accountRef, bucketRef, docText, templated } from './model.ts';
import { seedRegion } from './script.ts';
import { cfnDocument, cfnString, inlineList, logicalId, props, tagList } from './cfn-values.ts';
import type { DocReader } from './cfn-values.ts';

export { CFN_PROPERTIES, cfnString } from './cfn-values.ts';

/** A template and the account it is deployed in. */
export interface CfnTemplate {
  /** 1-based account number (Account1Id …). */
  account: number;
  /** The simulator's id of that account. */
  simulatedAccountId: string;
  /** The template itself (JSON-serializable). */
  template: Record<string, unknown>;
}

/** The template of one account: its IAM entities, functions, buckets and (management account) organization policies. */
function templateFor(model: ExportModel, account: SeedAccount, title: string): CfnTemplate {
  const n = model.accountIndex.get(account.id) ?? 1;
  const used = new Set<string>();
  const resources: Record<string, Record<string, unknown>> = {};
  const notes: string[] = [];
  const policyIds = new Map<string, string>();
  const read: DocReader = (what, text) => {
    const doc = cfnDocument(model, text);
    if (doc === undefined)
      notes.push(
        `${what} is not valid JSON, so it is left out of the template; fix it and export again.`,
      );
    return doc;
  };
  const add = (
    id: string,
    type: string,
    properties: Record<string, unknown>,
    dependsOn?: string[],
  ) => {
    resources[id] = props({
      Type: type,
      DependsOn: dependsOn !== undefined && dependsOn.length > 0 ? dependsOn : undefined,
      Properties: props(properties),
    });
  };
  const arnOf = (ref: string): unknown => {
    const own = policyIds.get(ref);
    if (own !== undefined) return { Ref: own };
    if (ref.startsWith('arn:')) return cfnString(templated(model, ref));
    const aws = AWS_MANAGED_POLICIES[ref];
    return aws !== undefined
      ? aws.arn
      : cfnString(`arn:aws:iam::${accountRef(model, account.id)}:policy/${ref}`);
  };
  for (const p of account.oidcProviders ?? [])
    add(logicalId(used, 'Oidc', p.url.replace(/^https:\/\//, '')), 'AWS::IAM::OIDCProvider', {
      Url: p.url,
      ClientIdList: p.clientIds,
      ThumbprintList: p.thumbprints,
    });
  for (const p of account.samlProviders ?? [])
    notes.push(
      `SAML provider ${p.name} (issuer ${p.issuer}) is not in the template: AWS::IAM::SAMLProvider needs your identity provider's real metadata XML. Create it before deploying.`,
    );
  for (const p of account.policies ?? []) {
    const id = logicalId(used, 'Policy', p.name);
    policyIds.set(p.name, id);
    add(id, 'AWS::IAM::ManagedPolicy', {
      ManagedPolicyName: p.name,
      Path: p.path,
      Description: p.description,
      PolicyDocument: read(`Managed policy ${p.name}`, docText(p.document)),
    });
  }
  const groupIds = new Map<string, string>();
  for (const g of account.groups ?? []) {
    const id = logicalId(used, 'Group', g.name);
    groupIds.set(g.name, id);
    add(id, 'AWS::IAM::Group', {
      GroupName: g.name,
      Path: g.path,
      Policies: inlineList(read, `group ${g.name}`, g.inlinePolicies),
      ManagedPolicyArns: g.managedPolicies?.map(arnOf),
    });
  }
  const userIds: string[] = [];
  for (const u of account.users ?? []) {
    const id = logicalId(used, 'User', u.name);
    userIds.push(id);
    add(id, 'AWS::IAM::User', {
      UserName: u.name,
      Path: u.path,
      Groups: u.groups?.map((g) => (groupIds.has(g) ? { Ref: groupIds.get(g) } : g)),
      Policies: inlineList(read, `user ${u.name}`, u.inlinePolicies),
      ManagedPolicyArns: u.managedPolicies?.map(arnOf),
      PermissionsBoundary: u.boundary === undefined ? undefined : arnOf(u.boundary),
      Tags: tagList(u.tags),
    });
    if (u.mfa === true || u.accessKeys !== undefined)
      notes.push(
        `User ${u.name}: MFA devices and access keys are not created by the template; make them yourself if you need them.`,
      );
  }
  const roleIds: string[] = [];
  for (const r of account.roles ?? []) {
    if (r.serviceLinked === true) {
      notes.push(
        `Role ${r.name} is service-linked: its service creates it, so it is not in the template.`,
      );
      continue;
    }
    const id = logicalId(used, 'Role', r.name);
    // A trust policy naming a user or role of this stack needs it to exist first.
    const dependsOn = [
      ...userIds,
      ...roleIds.filter((x) =>
        docText(r.trustPolicy).includes(
          `role/${resources[x]?.['Properties'] !== undefined ? String((resources[x]['Properties'] as { RoleName: string }).RoleName) : ''}"`,
        ),
      ),
    ];
    add(
      id,
      'AWS::IAM::Role',
      {
        RoleName: r.name,
        Path: r.path,
        AssumeRolePolicyDocument: read(
          `The trust policy of role ${r.name}`,
          docText(r.trustPolicy),
        ),
        Description: r.description,
        MaxSessionDuration: r.maxSessionDuration,
        ManagedPolicyArns: r.managedPolicies?.map(arnOf),
        Policies: inlineList(read, `role ${r.name}`, r.inlinePolicies),
        PermissionsBoundary: r.boundary === undefined ? undefined : arnOf(r.boundary),
        Tags: tagList(r.tags),
      },
      dependsOn,
    );
    roleIds.push(id);
    if (r.instanceProfile !== undefined && r.instanceProfile !== false)
      add(logicalId(used, 'InstanceProfile', r.name), 'AWS::IAM::InstanceProfile', {
        InstanceProfileName: r.instanceProfile === true ? r.name : r.instanceProfile,
        Roles: [{ Ref: id }],
      });
  }
  const region = seedRegion(model);
  const fnIds = new Map<string, string>();
  for (const f of account.functions ?? []) {
    const id = logicalId(used, 'Function', f.name);
    fnIds.set(f.name, id);
    const roleId = roleIds.find(
      (x) =>
        (resources[x]?.['Properties'] as { RoleName?: string } | undefined)?.RoleName === f.role,
    );
    const runtime = f.runtime ?? 'nodejs22.x';
    add(id, 'AWS::Lambda::Function', {
      FunctionName: f.name,
      Role:
        roleId !== undefined
          ? { 'Fn::GetAtt': [roleId, 'Arn'] }
          : cfnString(
              f.role.startsWith('arn:')
                ? templated(model, f.role)
                : `arn:aws:iam::${accountRef(model, account.id)}:role/${f.role}`,
            ),
      Runtime: runtime,
      Handler: 'index.handler',
      Code: {
        ZipFile: runtime.startsWith('python')
          ? 'def handler(event, context):\n    return {}\n'
          : 'exports.handler = async () => ({});\n',
      },
      Description: f.description,
      Environment: f.environment === undefined ? undefined : { Variables: f.environment },
    });
    if ((f.region ?? region) !== region)
      notes.push(`Function ${f.name} lives in ${f.region ?? region}: deploy its stack there.`);
    for (const p of f.permissions ?? [])
      add(logicalId(used, 'Permission', f.name, p.sid), 'AWS::Lambda::Permission', {
        FunctionName: { Ref: id },
        Action: p.action ?? 'lambda:InvokeFunction',
        Principal: cfnString(templated(model, p.principal)),
        SourceArn: p.sourceArn === undefined ? undefined : cfnString(templated(model, p.sourceArn)),
        SourceAccount:
          p.sourceAccount === undefined ? undefined : cfnString(accountRef(model, p.sourceAccount)),
        PrincipalOrgID: p.principalOrgId,
      });
    for (const lp of model.lambdaPolicies.filter(
      (x) => x.account === account.id && x.functionName === f.name,
    )) {
      let statements: Record<string, unknown>[] = [];
      try {
        const doc = JSON.parse(templated(model, lp.text)) as { Statement?: unknown };
        statements = (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]) as Record<
          string,
          unknown
        >[];
      } catch {
        notes.push(
          `The function policy of ${f.name} is not valid JSON and is not in the template.`,
        );
      }
      statements.forEach((st, i) => {
        const principal = st['Principal'];
        const p =
          typeof principal === 'object' && principal !== null
            ? Object.values(principal as Record<string, unknown>)[0]
            : principal;
        const action = Array.isArray(st['Action']) ? st['Action'][0] : st['Action'];
        const cond = (st['Condition'] ?? {}) as Record<string, Record<string, unknown>>;
        const flat: Record<string, unknown> = {};
        for (const block of Object.values(cond))
          for (const [k, v] of Object.entries(block))
            flat[k.toLowerCase()] = Array.isArray(v) ? v[0] : v;
        if (typeof p !== 'string' || typeof action !== 'string' || st['Effect'] !== 'Allow') {
          notes.push(
            `Statement ${i + 1} of the function policy of ${f.name} cannot be an AWS::Lambda::Permission (one Allow, one principal, one action); add it by hand.`,
          );
          return;
        }
        add(
          logicalId(used, 'Permission', f.name, String(st['Sid'] ?? `Statement${i + 1}`)),
          'AWS::Lambda::Permission',
          {
            FunctionName: { Ref: id },
            Action: action,
            Principal: cfnString(p),
            SourceArn:
              typeof flat['aws:sourcearn'] === 'string'
                ? cfnString(flat['aws:sourcearn'])
                : undefined,
            SourceAccount:
              typeof flat['aws:sourceaccount'] === 'string'
                ? cfnString(flat['aws:sourceaccount'])
                : undefined,
            PrincipalOrgID:
              typeof flat['aws:principalorgid'] === 'string'
                ? flat['aws:principalorgid']
                : undefined,
          },
        );
      });
    }
  }
  for (const b of account.buckets ?? []) {
    const id = logicalId(used, 'Bucket', b.name);
    const pab = b.publicAccessBlock;
    add(
      id,
      'AWS::S3::Bucket',
      {
        BucketName: cfnString(bucketRef(b.name)),
        PublicAccessBlockConfiguration:
          pab === undefined
            ? undefined
            : pab === false
              ? {
                  BlockPublicAcls: false,
                  IgnorePublicAcls: false,
                  BlockPublicPolicy: false,
                  RestrictPublicBuckets: false,
                }
              : {
                  BlockPublicAcls: pab.BlockPublicAcls === true,
                  IgnorePublicAcls: pab.IgnorePublicAcls === true,
                  BlockPublicPolicy: pab.BlockPublicPolicy === true,
                  RestrictPublicBuckets: pab.RestrictPublicBuckets === true,
                },
        OwnershipControls:
          b.objectOwnership === undefined
            ? undefined
            : { Rules: [{ ObjectOwnership: b.objectOwnership }] },
        NotificationConfiguration:
          b.lambdaNotifications === undefined
            ? undefined
            : {
                LambdaConfigurations: b.lambdaNotifications.flatMap((nt) =>
                  (nt.events ?? ['s3:ObjectCreated:*']).map((Event) => {
                    const fnId = fnIds.get(nt.function);
                    const rules = [
                      ...(nt.prefix === undefined ? [] : [{ Name: 'prefix', Value: nt.prefix }]),
                      ...(nt.suffix === undefined ? [] : [{ Name: 'suffix', Value: nt.suffix }]),
                    ];
                    return props({
                      Event,
                      Function:
                        fnId !== undefined
                          ? { 'Fn::GetAtt': [fnId, 'Arn'] }
                          : cfnString(templated(model, nt.function)),
                      Filter: rules.length === 0 ? undefined : { S3Key: { Rules: rules } },
                    });
                  }),
                ),
              },
      },
      b.lambdaNotifications === undefined
        ? undefined
        : Object.keys(resources).filter(
            (k) => resources[k]?.['Type'] === 'AWS::Lambda::Permission',
          ),
    );
    if ((b.region ?? region) !== region)
      notes.push(
        `Bucket ${b.name} lives in ${b.region ?? region}: deploy this stack in that Region.`,
      );
    if (Object.keys(b.objects ?? {}).length > 0)
      notes.push(
        `Bucket ${b.name}: objects are not created by CloudFormation; upload them with the CLI script's put-object lines.`,
      );
    if (b.policy !== undefined)
      add(
        logicalId(used, 'BucketPolicy', b.name),
        'AWS::S3::BucketPolicy',
        {
          Bucket: { Ref: id },
          PolicyDocument: read(`The policy of bucket ${b.name}`, docText(b.policy)),
        },
        [...userIds, ...roleIds],
      );
  }
  for (const i of account.instances ?? [])
    notes.push(
      `EC2 instance ${i.id ?? ''} is not in the template (it costs money and needs an AMI and a subnet); launch one with the instance profile if you want to try it.`,
    );
  const org = model.seed.organization;
  if (org !== undefined && org.managementAccount === account.id) {
    const kinds: [
      readonly { name: string; document: string | Record<string, unknown>; targets: string[] }[],
      string,
    ][] = [
      [org.scps ?? [], 'SERVICE_CONTROL_POLICY'],
      [org.rcps ?? [], 'RESOURCE_CONTROL_POLICY'],
    ];
    for (const [list, type] of kinds)
      for (const p of list)
        add(logicalId(used, 'OrgPolicy', p.name), 'AWS::Organizations::Policy', {
          Name: p.name,
          Type: type,
          Description: 'Written in a Rolelab exercise',
          Content: read(`The organization policy ${p.name}`, docText(p.document)),
          TargetIds: p.targets.map((t) =>
            t === 'Root'
              ? { Ref: 'OrganizationRootId' }
              : /^\d{12}$/.test(t)
                ? cfnString(accountRef(model, t))
                : { Ref: logicalId(new Set(), 'Ou', t, 'Id') },
          ),
        });
    notes.push(
      'The Organizations policies need this stack in the management account of an organization with the other accounts as members; the organization itself is not created.',
    );
  }
  const parameters: Record<string, unknown> = {};
  for (const [id, k] of model.accountIndex)
    parameters[`Account${k}Id`] = {
      Type: 'String',
      AllowedPattern: '^\\d{12}$',
      Description: `Real account id standing for the simulated account ${id}`,
    };
  parameters['BucketSuffix'] = {
    Type: 'String',
    AllowedPattern: '^(-[a-z0-9-]{1,20})?$',
    Description:
      'Appended to every bucket name to make it globally unique, e.g. -123456789012 (the same as BUCKET_SUFFIX in the CLI script)',
  };
  const templ = JSON.stringify(resources);
  if (templ.includes('"OrganizationRootId"'))
    parameters['OrganizationRootId'] = {
      Type: 'String',
      AllowedPattern: '^r-[0-9a-z]{4,32}$',
      Description: 'The root id of your organization (aws organizations list-roots)',
    };
  for (const ou of org?.ous ?? []) {
    const key = logicalId(new Set(), 'Ou', ou.name, 'Id');
    if (templ.includes(`"${key}"`))
      parameters[key] = {
        Type: 'String',
        AllowedPattern: '^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$',
        Description: `The id of your OU standing for "${ou.name}"`,
      };
  }
  if (Object.keys(resources).length === 0)
    notes.push('This account has nothing to create in the exported world.');
  return {
    account: n,
    simulatedAccountId: account.id,
    template: {
      AWSTemplateFormatVersion: '2010-09-09',
      Description: `Rolelab: ${title} (account ${n}, simulated ${account.id}). Creates real IAM resources; delete the stack to clean up.`,
      Metadata: { 'Rolelab::Notes': notes },
      Parameters: parameters,
      Resources: resources,
    },
  };
}

/** One template per account of the world. */
export function cloudFormationTemplates(model: ExportModel, title: string): CfnTemplate[] {
  return model.seed.accounts.map((a) => templateFor(model, a, title));
}
