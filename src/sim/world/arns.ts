/**
 * ARNs of IAM and STS entities, formed as AWS forms them (IAM User Guide, "IAM identifiers").
 * IAM ARNs have an empty region; session ARNs use the `sts` service.
 */

/** `arn:aws:iam::<account>:<type><path><name>` for users, groups, roles, policies, instance profiles. */
export function iamArn(account: string, type: 'user' | 'group' | 'role' | 'policy' | 'instance-profile', path: string, name: string): string {
  return `arn:aws:iam::${account}:${type}${path}${name}`;
}

/** `arn:aws:ec2:<region>:<account>:instance/<id>` (`*` for instances not launched yet). */
export function instanceArn(region: string, account: string, id: string): string {
  return `arn:aws:ec2:${region}:${account}:instance/${id}`;
}

/** The account root user's ARN. */
export function rootArn(account: string): string {
  return `arn:aws:iam::${account}:root`;
}

/**
 * A role session's ARN. It carries the role *name* without the role's path
 * (`role/dev/app` → `assumed-role/app/session`), as STS returns it.
 */
export function assumedRoleArn(account: string, roleName: string, sessionName: string): string {
  return `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`;
}

/** A GetFederationToken session's ARN. */
export function federatedUserArn(account: string, name: string): string {
  return `arn:aws:sts::${account}:federated-user/${name}`;
}

/** A virtual MFA device's serial number. */
export function mfaArn(account: string, path: string, name: string): string {
  return `arn:aws:iam::${account}:mfa${path}${name}`;
}

/** A SAML provider's ARN. */
export function samlProviderArn(account: string, name: string): string {
  return `arn:aws:iam::${account}:saml-provider/${name}`;
}

/** An OIDC provider's ARN; `url` is the issuer without `https://`. */
export function oidcProviderArn(account: string, url: string): string {
  return `arn:aws:iam::${account}:oidc-provider/${url}`;
}

/** The parts of an ARN, or null when the text is not one. */
export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Splits an ARN into its six parts (the resource part may itself contain colons). */
export function parseArn(arn: string): ArnParts | null {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return null;
  const [, partition = '', service = '', region = '', account = ''] = parts;
  if (partition === '' || service === '') return null;
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

/** Splits `role/path/to/Name` into path `/path/to/` and name `Name`. */
export function splitPathName(resource: string, type: string): { path: string; name: string } | null {
  if (!resource.startsWith(type + '/')) return null;
  const rest = resource.slice(type.length);
  const slash = rest.lastIndexOf('/');
  const name = rest.slice(slash + 1);
  if (name === '') return null;
  return { path: rest.slice(0, slash + 1), name };
}
