import { describe, expect, it } from 'vitest';
import { createWorld, manualClock } from '../../../src/sim/world/index.ts';
import type { World } from '../../../src/sim/world/index.ts';
import { AWS_SAML_AUDIENCE, base64Encode, callAws, SAML_ATTRIBUTES, samlNameQualifier, utf8Encode } from '../../../src/sim/services/index.ts';
import type { SamlAssertion } from '../../../src/sim/services/index.ts';
import { codeOf, expectOk } from './fixtures.ts';

const ACCT = '123456789012';
const SAML_PROVIDER = `arn:aws:iam::${ACCT}:saml-provider/Okta`;
const GITHUB = `arn:aws:iam::${ACCT}:oidc-provider/token.actions.githubusercontent.com`;

function world(): World {
  return createWorld({
    accounts: [
      {
        id: ACCT,
        samlProviders: [{ name: 'Okta', issuer: 'http://www.okta.com/exk1' }],
        oidcProviders: [{ url: 'https://token.actions.githubusercontent.com', clientIds: ['sts.amazonaws.com'] }],
        roles: [
          {
            name: 'SamlAdmin',
            trustPolicy: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { Federated: SAML_PROVIDER }, Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'], Condition: { StringEquals: { 'SAML:aud': AWS_SAML_AUDIENCE } } }],
            },
          },
          {
            name: 'GitHubDeploy',
            trustPolicy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { Federated: GITHUB },
                  Action: 'sts:AssumeRoleWithWebIdentity',
                  Condition: {
                    StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
                    StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:ref:refs/heads/main' },
                  },
                },
              ],
            },
          },
          {
            name: 'GoogleUser',
            trustPolicy: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { Federated: 'accounts.google.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'accounts.google.com:aud': 'my-client.apps.googleusercontent.com' } } }],
            },
          },
          {
            name: 'CognitoGuest',
            trustPolicy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { Federated: 'cognito-identity.amazonaws.com' },
                  Action: 'sts:AssumeRoleWithWebIdentity',
                  Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool' }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' } },
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

const assertion = (over: Partial<SamlAssertion> = {}): SamlAssertion => ({
  issuer: 'http://www.okta.com/exk1',
  nameId: 'jane@example.com',
  attributes: {
    [SAML_ATTRIBUTES.role]: `arn:aws:iam::${ACCT}:role/SamlAdmin,${SAML_PROVIDER}`,
    [SAML_ATTRIBUTES.roleSessionName]: 'jane',
    [`${SAML_ATTRIBUTES.principalTagPrefix}team`]: 'blue',
  },
  ...over,
});

describe('AssumeRoleWithSAML', () => {
  it('assumes the role from an editable assertion, without credentials', () => {
    const w = world();
    const r = expectOk<Record<string, unknown>>(callAws(w, null, 'sts', 'AssumeRoleWithSAML', { RoleArn: `arn:aws:iam::${ACCT}:role/SamlAdmin`, PrincipalArn: SAML_PROVIDER, SAMLAssertion: assertion() }));
    expect(r['AssumedRoleUser']).toMatchObject({ Arn: `arn:aws:sts::${ACCT}:assumed-role/SamlAdmin/jane` });
    expect(r).toMatchObject({ Subject: 'jane@example.com', SubjectType: 'persistent', Issuer: 'http://www.okta.com/exk1', Audience: AWS_SAML_AUDIENCE });
    expect(r['NameQualifier']).toBe(samlNameQualifier('http://www.okta.com/exk1', ACCT, 'Okta'));
    const keyId = (r['Credentials'] as { AccessKeyId: string }).AccessKeyId;
    expect(w.sts.credentials[keyId]?.tags).toEqual({ team: 'blue' });
    expect(w.events.at(-1)?.userIdentity).toMatchObject({ type: 'SAMLUser', userName: 'jane@example.com' });
    // The same assertion as base64 JSON, as the CLI would pass it.
    const b64 = base64Encode(utf8Encode(JSON.stringify(assertion())));
    expect(codeOf(callAws(w, null, 'sts', 'AssumeRoleWithSAML', { RoleArn: `arn:aws:iam::${ACCT}:role/SamlAdmin`, PrincipalArn: SAML_PROVIDER, SAMLAssertion: b64 }))).toBe('OK');
  });

  it('answers with the federation errors AWS uses', () => {
    const w = world();
    const call = (a: unknown, principal = SAML_PROVIDER) => callAws(w, null, 'sts', 'AssumeRoleWithSAML', { RoleArn: `arn:aws:iam::${ACCT}:role/SamlAdmin`, PrincipalArn: principal, SAMLAssertion: a });
    expect(codeOf(call('garbage'))).toBe('InvalidIdentityToken');
    expect(codeOf(call(assertion({ issuer: 'http://evil.example' })))).toBe('InvalidIdentityToken');
    expect(codeOf(call(assertion(), `arn:aws:iam::${ACCT}:saml-provider/Nope`))).toBe('InvalidIdentityToken');
    expect(codeOf(call(assertion({ status: 'AuthnFailed' })))).toBe('IDPRejectedClaim');
    expect(codeOf(call(assertion({ notOnOrAfter: '2025-12-31T00:00:00Z' })))).toBe('ExpiredTokenException');
    expect(call(assertion({ audience: 'https://example.com/acs' }))).toMatchObject({ error: { code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithSAML' } });
    expect(codeOf(call(assertion({ attributes: { [SAML_ATTRIBUTES.roleSessionName]: 'jane' } })))).toBe('AccessDenied');
  });

  // STS API Reference, AssumeRoleWithSAML: sessions last one hour unless DurationSeconds says
  // otherwise; the SessionDuration attribute is for console sign-in, not for this API.
  it('lasts one hour by default, whatever the SessionDuration attribute says', () => {
    const w = world();
    const a = assertion();
    a.attributes[SAML_ATTRIBUTES.sessionDuration] = '1800';
    const r = expectOk<{ Credentials: { Expiration: string } }>(callAws(w, null, 'sts', 'AssumeRoleWithSAML', { RoleArn: `arn:aws:iam::${ACCT}:role/SamlAdmin`, PrincipalArn: SAML_PROVIDER, SAMLAssertion: a }));
    expect(Date.parse(r.Credentials.Expiration) - w.clock.epochMs).toBe(3600 * 1000);
    const longer = expectOk<{ Credentials: { Expiration: string } }>(callAws(w, null, 'sts', 'AssumeRoleWithSAML', { RoleArn: `arn:aws:iam::${ACCT}:role/SamlAdmin`, PrincipalArn: SAML_PROVIDER, SAMLAssertion: a, DurationSeconds: 2700 }));
    expect(Date.parse(longer.Credentials.Expiration) - w.clock.epochMs).toBe(2700 * 1000);
  });

  // Same page: "AssumeRoleWithSAML will not work on IAM Identity Center managed roles."
  it('does not work on IAM Identity Center roles (AWSReservedSSO_…)', () => {
    const w = world();
    const acct = w.accounts[ACCT];
    const admin = acct?.iam.roles['SamlAdmin'];
    if (acct === undefined || admin === undefined) throw new Error('seed');
    acct.iam.roles['AWSReservedSSO_Admin_0123456789abcdef'] = { ...admin, roleName: 'AWSReservedSSO_Admin_0123456789abcdef', arn: `arn:aws:iam::${ACCT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef` };
    const a = assertion({ attributes: { [SAML_ATTRIBUTES.role]: `arn:aws:iam::${ACCT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef,${SAML_PROVIDER}`, [SAML_ATTRIBUTES.roleSessionName]: 'jane' } });
    const r = callAws(w, null, 'sts', 'AssumeRoleWithSAML', { RoleArn: `arn:aws:iam::${ACCT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef`, PrincipalArn: SAML_PROVIDER, SAMLAssertion: a });
    expect(r).toMatchObject({ error: { code: 'AccessDenied' } });
  });
});

const jwt = (claims: Record<string, unknown>) => {
  const part = (o: unknown) => base64Encode(utf8Encode(JSON.stringify(o))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
};

describe('AssumeRoleWithWebIdentity', () => {
  const gh = (sub: string, aud = 'sts.amazonaws.com') => ({ iss: 'https://token.actions.githubusercontent.com', aud, sub, exp: Date.UTC(2026, 0, 1, 10) / 1000 });
  const assume = (w: World, role: string, token: unknown) => callAws(w, null, 'sts', 'AssumeRoleWithWebIdentity', { RoleArn: `arn:aws:iam::${ACCT}:role/${role}`, RoleSessionName: 'ci-run', WebIdentityToken: token });

  it('lets a GitHub Actions run on main assume the deploy role, from a JWT', () => {
    const w = world();
    const r = expectOk<Record<string, unknown>>(assume(w, 'GitHubDeploy', jwt(gh('repo:acme/app:ref:refs/heads/main'))));
    expect(r).toMatchObject({ SubjectFromWebIdentityToken: 'repo:acme/app:ref:refs/heads/main', Provider: GITHUB, Audience: 'sts.amazonaws.com' });
    expect(w.events.at(-1)?.userIdentity).toMatchObject({ type: 'WebIdentityUser', identityProvider: 'token.actions.githubusercontent.com' });
  });

  it('denies other branches and other repositories through the trust condition', () => {
    const w = world();
    expect(assume(w, 'GitHubDeploy', gh('repo:acme/app:ref:refs/heads/feature'))).toMatchObject({ error: { code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' } });
    expect(codeOf(assume(w, 'GitHubDeploy', gh('repo:evil/app:ref:refs/heads/main')))).toBe('AccessDenied');
  });

  it('checks the audience, the provider, the subject and the expiry', () => {
    const w = world();
    expect(assume(w, 'GitHubDeploy', gh('repo:acme/app:ref:refs/heads/main', 'other'))).toMatchObject({ error: { code: 'InvalidIdentityToken', message: 'Incorrect token audience' } });
    expect(assume(w, 'GitHubDeploy', { ...gh('x'), iss: 'https://gitlab.example.com' })).toMatchObject({ error: { code: 'InvalidIdentityToken', message: 'No OpenIDConnect provider found in your account for https://gitlab.example.com' } });
    expect(codeOf(assume(w, 'GitHubDeploy', { ...gh('x'), sub: '' }))).toBe('IDPRejectedClaim');
    manualClock(w.clock).advanceSeconds(3600);
    expect(codeOf(assume(w, 'GitHubDeploy', gh('repo:acme/app:ref:refs/heads/main')))).toBe('ExpiredTokenException');
    expect(codeOf(assume(w, 'GitHubDeploy', 'not-a-token'))).toBe('InvalidIdentityToken');
  });

  it('uses Google’s azp as the aud key and Cognito’s amr as a multivalued key', () => {
    const w = world();
    const google = { iss: 'https://accounts.google.com', aud: 'other-audience', azp: 'my-client.apps.googleusercontent.com', sub: '1234567890' };
    expect(codeOf(assume(w, 'GoogleUser', google))).toBe('OK');
    expect(codeOf(assume(w, 'GoogleUser', { ...google, azp: 'someone-else' }))).toBe('AccessDenied');
    const cognito = { iss: 'cognito-identity.amazonaws.com', aud: 'us-east-1:pool', sub: 'us-east-1:identity', amr: ['unauthenticated'] };
    expect(codeOf(assume(w, 'CognitoGuest', cognito))).toBe('OK');
    expect(codeOf(assume(w, 'CognitoGuest', { ...cognito, amr: ['authenticated', 'cognito-idp.us-east-1.amazonaws.com/pool'] }))).toBe('AccessDenied');
  });
});
