/**
 * Building blocks of the CloudFormation templates: the property allow-list (from the
 * CloudFormation Template Reference), template strings as `Fn::Sub`, logical ids, tags and
 * inline policy lists.
 */
import type { ExportModel } from './model.ts';
import { docText, templated, TOKEN_PATTERN } from './model.ts';

/** Resource types the templates use, with the properties each may have (from the docs). */
export const CFN_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'AWS::IAM::Role': [
    'RoleName',
    'Path',
    'AssumeRolePolicyDocument',
    'Description',
    'MaxSessionDuration',
    'ManagedPolicyArns',
    'Policies',
    'PermissionsBoundary',
    'Tags',
  ],
  'AWS::IAM::ManagedPolicy': [
    'ManagedPolicyName',
    'Path',
    'Description',
    'PolicyDocument',
    'Groups',
    'Roles',
    'Users',
  ],
  'AWS::IAM::User': [
    'UserName',
    'Path',
    'Groups',
    'ManagedPolicyArns',
    'Policies',
    'PermissionsBoundary',
    'Tags',
    'LoginProfile',
  ],
  'AWS::IAM::Group': ['GroupName', 'Path', 'ManagedPolicyArns', 'Policies'],
  'AWS::IAM::InstanceProfile': ['InstanceProfileName', 'Path', 'Roles'],
  'AWS::IAM::OIDCProvider': ['Url', 'ClientIdList', 'ThumbprintList', 'Tags'],
  'AWS::S3::Bucket': [
    'BucketName',
    'PublicAccessBlockConfiguration',
    'OwnershipControls',
    'NotificationConfiguration',
    'Tags',
  ],
  'AWS::S3::BucketPolicy': ['Bucket', 'PolicyDocument'],
  'AWS::Lambda::Function': [
    'FunctionName',
    'Role',
    'Runtime',
    'Handler',
    'Code',
    'Description',
    'Environment',
  ],
  'AWS::Lambda::Permission': [
    'FunctionName',
    'Action',
    'Principal',
    'SourceArn',
    'SourceAccount',
    'PrincipalOrgID',
    'EventSourceToken',
    'FunctionUrlAuthType',
  ],
  'AWS::Organizations::Policy': ['Name', 'Type', 'Content', 'Description', 'TargetIds', 'Tags'],
};

/**
 * A CloudFormation value for a template string: plain when it has no token, else `Fn::Sub`
 * with tokens as parameters. A literal `${` (a policy variable) is written `${!` so Fn::Sub
 * leaves it as it is.
 */
export function cfnString(template: string): unknown {
  if (!new RegExp(TOKEN_PATTERN.source).test(template)) return template;
  const escaped = template.replace(/\$\{/g, '${!');
  return {
    'Fn::Sub': escaped.replace(new RegExp(TOKEN_PATTERN.source, 'g'), (_, name: string) =>
      name === 'BUCKET_SUFFIX'
        ? '${BucketSuffix}'
        : `\${Account${name.slice('ACCOUNT_'.length)}Id}`,
    ),
  };
}

/** Every string of a JSON value through cfnString. */
export function cfnDeep(value: unknown): unknown {
  if (typeof value === 'string') return cfnString(value);
  if (Array.isArray(value)) return value.map(cfnDeep);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cfnDeep(v)]));
  return value;
}

/** A policy document (text) as a CloudFormation value; undefined when it is not JSON. */
export function cfnDocument(model: ExportModel, text: string): unknown {
  try {
    return cfnDeep(JSON.parse(templated(model, text)));
  } catch {
    return undefined;
  }
}

/** A logical id from a name (letters and digits only), unique in the template. */
export function logicalId(used: Set<string>, ...parts: string[]): string {
  const base =
    parts
      .map((p) => p.replace(/[^A-Za-z0-9]/g, '').replace(/^./, (c) => c.toUpperCase()))
      .join('') || 'Resource';
  let id = base;
  for (let i = 2; used.has(id); i++) id = `${base}${i}`;
  used.add(id);
  return id;
}

export function tagList(
  tags: Readonly<Record<string, string>> | undefined,
): { Key: string; Value: string }[] | undefined {
  return tags === undefined
    ? undefined
    : Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/** Reads a document for the template; undefined (and a note) when it is not JSON. */
export type DocReader = (what: string, text: string) => unknown;

/** The Policies property of a role, user or group; documents that are not JSON are left out. */
export function inlineList(
  read: DocReader,
  owner: string,
  policies: Readonly<Record<string, string | Record<string, unknown>>> | undefined,
): unknown {
  if (policies === undefined || Object.keys(policies).length === 0) return undefined;
  const list = Object.entries(policies)
    .map(([PolicyName, doc]) => ({
      PolicyName,
      PolicyDocument: read(`Inline policy ${PolicyName} of ${owner}`, docText(doc)),
    }))
    .filter((p) => p.PolicyDocument !== undefined);
  return list.length === 0 ? undefined : list;
}

/** Drops undefined properties so the template holds only what is set. */
export function props(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
