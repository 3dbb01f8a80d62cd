/** AssumeRoleWithSAML: a SAML assertion from a provider registered in the role's account. */
import { parseArn } from '../../world/arns.ts';
import type { CallEnv } from '../access.ts';
import { accessDenied, fail, ok } from '../errors.ts';
import type { Operation, TrailNotes } from '../operation.ts';
import { ARN_RULE } from '../params.ts';
import type { Params } from '../params.ts';
import type { AwsResult } from '../types.ts';
import { completeFederatedAssume, expiredIdentityToken, idpRejectedClaim, invalidIdentityToken, isExpired, missing, samlNameQualifier } from './federation.ts';
import { readSamlAssertion } from './federation-input.ts';
import { looksLikeRoleArn, roleByArn } from './roles.ts';
import { readSessionPolicies } from './session.ts';

/** The attribute names AWS reads from a SAML assertion (IAM User Guide, "Configure SAML assertions for the authentication response"). */
export const SAML_ATTRIBUTES = {
  role: 'https://aws.amazon.com/SAML/Attributes/Role',
  roleSessionName: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName',
  sessionDuration: 'https://aws.amazon.com/SAML/Attributes/SessionDuration',
  principalTagPrefix: 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:',
  transitiveTagKeys: 'https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys',
  sourceIdentity: 'https://aws.amazon.com/SAML/Attributes/SourceIdentity',
} as const;

/** AWS's SAML sign-in endpoint, the audience assertions for AWS carry. */
export const AWS_SAML_AUDIENCE = 'https://signin.aws.amazon.com/saml';

function list(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function run(env: CallEnv, p: Params, trail: TrailNotes): AwsResult<unknown> {
  const roleArn = p.string('RoleArn', { required: true, ...ARN_RULE });
  const principalArn = p.string('PrincipalArn', { required: true, ...ARN_RULE });
  const raw = p.value('SAMLAssertion');
  if (raw === undefined || raw === null) p.string('SAMLAssertion', { required: true });
  const duration = p.int('DurationSeconds', { min: 900, max: 43200 });
  const policies = readSessionPolicies(p);
  const invalid = p.error();
  if (invalid !== undefined) return fail(invalid);
  if (roleArn === undefined || principalArn === undefined) return missing('RoleArn');
  const assertion = readSamlAssertion(raw);
  if (assertion === undefined) return fail(invalidIdentityToken('Invalid SAML assertion: it needs at least issuer, nameId and attributes.'));
  if (assertion.status !== undefined && assertion.status !== 'Success') return fail(idpRejectedClaim());
  const provider = parseArn(principalArn);
  const providerName = provider?.resource.startsWith('saml-provider/') === true ? provider.resource.slice('saml-provider/'.length) : undefined;
  const registered = providerName === undefined ? undefined : env.world.accounts[provider?.account ?? '']?.iam.samlProviders[providerName];
  if (registered === undefined || providerName === undefined || provider === null) return fail(invalidIdentityToken('Specified provider doesn\'t exist.'));
  if (registered.issuer !== assertion.issuer) return fail(invalidIdentityToken('Issuer not present in specified provider.'));
  if (isExpired(env.world.clock.epochMs, assertion.notOnOrAfter)) return fail(expiredIdentityToken());

  // The assertion must offer this role with this provider (Role attribute: "role-arn,provider-arn").
  const offered = list(assertion.attributes[SAML_ATTRIBUTES.role]).some((pair) => {
    const parts = pair.split(',').map((s) => s.trim());
    return parts.includes(roleArn) && parts.includes(principalArn);
  });
  const role = looksLikeRoleArn(roleArn) ? roleByArn(env.world, roleArn) : undefined;
  if (!offered || role === undefined || provider.account !== role.arn.split(':')[4]) return fail(accessDenied('Not authorized to perform sts:AssumeRoleWithSAML'));
  // IAM Identity Center's own roles are assumed only through Identity Center: "AssumeRoleWithSAML
  // will not work on IAM Identity Center managed roles" (STS API Reference, AssumeRoleWithSAML).
  if (role.roleName.startsWith('AWSReservedSSO_')) return fail(accessDenied('Not authorized to perform sts:AssumeRoleWithSAML'));
  const sessionName = list(assertion.attributes[SAML_ATTRIBUTES.roleSessionName])[0];
  if (sessionName === undefined || !/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
    return fail(invalidIdentityToken('The RoleSessionName attribute is missing or not 2-64 characters of [\\w+=,.@-].'));
  }
  const audience = assertion.audience ?? AWS_SAML_AUDIENCE;
  const subjectType = assertion.nameIdFormat === undefined ? 'persistent' : assertion.nameIdFormat.slice(assertion.nameIdFormat.lastIndexOf(':') + 1);
  const nameQualifier = samlNameQualifier(assertion.issuer, provider.account, providerName);
  const claims: Record<string, string | string[]> = {
    'SAML:aud': audience,
    'SAML:iss': assertion.issuer,
    'SAML:sub': assertion.nameId,
    'SAML:sub_type': subjectType,
    'SAML:namequalifier': nameQualifier,
    'SAML:doc': `${provider.account}/${providerName}`,
  };
  // Attributes with short names (eduPerson and the like) are exposed as SAML:<name> keys.
  for (const [k, v] of Object.entries(assertion.attributes)) if (/^[A-Za-z][\w.-]*$/.test(k)) claims[`SAML:${k}`] = v;
  const tags = Object.entries(assertion.attributes)
    .filter(([k]) => k.startsWith(SAML_ATTRIBUTES.principalTagPrefix))
    .map(([k, v]) => ({ Key: k.slice(SAML_ATTRIBUTES.principalTagPrefix.length), Value: list(v)[0] ?? '' }));
  const done = completeFederatedAssume(
    env,
    {
      action: 'sts:AssumeRoleWithSAML',
      role,
      principalArn,
      principalType: 'SAML',
      providerName,
      claims,
      sessionName,
      // Only DurationSeconds sets the API session (default one hour); the SessionDuration
      // attribute is for console sign-in (STS API Reference, AssumeRoleWithSAML).
      durationSeconds: duration,
      policies,
      tags,
      transitiveKeys: list(assertion.attributes[SAML_ATTRIBUTES.transitiveTagKeys]),
      sourceIdentity: list(assertion.attributes[SAML_ATTRIBUTES.sourceIdentity])[0],
    },
    trail,
  );
  if (!done.ok) return done;
  trail.userIdentity = { type: 'SAMLUser', principalId: `${nameQualifier}:${assertion.nameId}`, userName: assertion.nameId, identityProvider: principalArn };
  trail.recipientAccountId = provider.account;
  return ok({ ...done.result.result, Subject: assertion.nameId, SubjectType: subjectType, Issuer: assertion.issuer, Audience: audience, NameQualifier: nameQualifier });
}

/** The AssumeRoleWithSAML operation (called without credentials). */
export const ASSUME_ROLE_WITH_SAML: Operation = { readOnly: false, unsigned: true, run };
