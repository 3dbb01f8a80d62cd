/**
 * Identity providers for federation: SAML 2.0 (CreateSAMLProvider, GetSAMLProvider,
 * ListSAMLProviders, DeleteSAMLProvider) and OpenID Connect (CreateOpenIDConnectProvider,
 * GetOpenIDConnectProvider, ListOpenIDConnectProviders, DeleteOpenIDConnectProvider).
 *
 * The simulator reads one thing from SAML metadata: the IdP's entity id (`entityID="…"`), which
 * assertions must carry as their Issuer. Real metadata also carries signing certificates; the
 * simulated assertions are structured objects, not signed XML, so there is nothing to verify.
 */
import { oidcProviderArn, samlProviderArn } from '../../world/arns.ts';
import { worldNowIso } from '../../world/iam-records.ts';
import { entityAlreadyExists, fail, internalFailure, invalidInput, noSuchEntity, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import { ARN_RULE } from '../params.ts';
import { authorizeIam, callerAccount, mergeTags, tagContext } from './common.ts';

/** The entity id in SAML metadata, or undefined. */
export function samlIssuerFromMetadata(metadata: string): string | undefined {
  return /entityID\s*=\s*"([^"]+)"/.exec(metadata)?.[1];
}

/** OIDC URL as IAM stores it: without `https://` and without a trailing slash. */
export function oidcUrlKey(url: string): string {
  return url.replace(/^https:\/\//i, '').replace(/\/$/, '');
}

const createSamlProvider: Operation = {
  readOnly: false,
  run(env, p) {
    const name = p.string('Name', { required: true, min: 1, max: 128, pattern: /^[\w._-]+$/, patternText: '[\\w._-]+' });
    const metadata = p.string('SAMLMetadataDocument', { required: true, min: 1, max: 10000000 });
    const tags = p.tags();
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    if (name === undefined || metadata === undefined) return fail(internalFailure('parameters missing'));
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const arn = samlProviderArn(account.id, name);
    const denied = authorizeIam(env, 'iam:CreateSAMLProvider', arn, tagContext(tags));
    if (denied !== undefined) return fail(denied);
    if (account.iam.samlProviders[name] !== undefined) return fail(entityAlreadyExists(`SAMLProvider ${name} already exists.`));
    const issuer = samlIssuerFromMetadata(metadata);
    if (issuer === undefined) return fail(invalidInput('Could not parse metadata: no entityID found.'));
    account.iam.samlProviders[name] = {
      name,
      arn,
      issuer,
      metadataDocument: metadata,
      createDate: worldNowIso(env.world),
      validUntil: '2126-01-01T00:00:00Z',
      tags: mergeTags([], tags ?? []),
    };
    return ok({ SAMLProviderArn: arn });
  },
};

const getSamlProvider: Operation = {
  readOnly: true,
  run(env, p) {
    const arn = p.string('SAMLProviderArn', { required: true, ...ARN_RULE });
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:GetSAMLProvider', arn ?? '*');
    if (denied !== undefined) return fail(denied);
    const provider = Object.values(account.iam.samlProviders).find((s) => s.arn === arn);
    if (provider === undefined) return fail(noSuchEntity(`Manifest not found for arn ${arn ?? ''}`));
    return ok({ SAMLMetadataDocument: provider.metadataDocument, CreateDate: provider.createDate, ValidUntil: provider.validUntil });
  },
};

const listSamlProviders: Operation = {
  readOnly: true,
  run(env) {
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:ListSAMLProviders', '*');
    if (denied !== undefined) return fail(denied);
    return ok({ SAMLProviderList: Object.values(account.iam.samlProviders).map((s) => ({ Arn: s.arn, ValidUntil: s.validUntil, CreateDate: s.createDate })) });
  },
};

const deleteSamlProvider: Operation = {
  readOnly: false,
  run(env, p) {
    const arn = p.string('SAMLProviderArn', { required: true, ...ARN_RULE });
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:DeleteSAMLProvider', arn ?? '*');
    if (denied !== undefined) return fail(denied);
    const provider = Object.values(account.iam.samlProviders).find((s) => s.arn === arn);
    if (provider === undefined) return fail(noSuchEntity(`Manifest not found for arn ${arn ?? ''}`));
    delete account.iam.samlProviders[provider.name];
    return ok({});
  },
};

const createOidcProvider: Operation = {
  readOnly: false,
  run(env, p) {
    const url = p.string('Url', { required: true, min: 1, max: 255, pattern: /^https:\/\/\S+$/, patternText: 'https://…' });
    const clientIds = p.stringList('ClientIDList', { maxItems: 100, min: 1, max: 255 }) ?? [];
    const thumbprints = p.stringList('ThumbprintList', { maxItems: 5, min: 40, max: 40 }) ?? [];
    const tags = p.tags();
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    if (url === undefined) return fail(internalFailure('Url missing'));
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const key = oidcUrlKey(url);
    const arn = oidcProviderArn(account.id, key);
    const denied = authorizeIam(env, 'iam:CreateOpenIDConnectProvider', arn, tagContext(tags));
    if (denied !== undefined) return fail(denied);
    if (account.iam.oidcProviders[key] !== undefined) return fail(entityAlreadyExists(`Provider with url https://${key} already exists.`));
    account.iam.oidcProviders[key] = { url: key, arn, clientIds: [...clientIds], thumbprints: [...thumbprints], createDate: worldNowIso(env.world), tags: mergeTags([], tags ?? []) };
    return ok({ OpenIDConnectProviderArn: arn });
  },
};

const getOidcProvider: Operation = {
  readOnly: true,
  run(env, p) {
    const arn = p.string('OpenIDConnectProviderArn', { required: true, ...ARN_RULE });
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:GetOpenIDConnectProvider', arn ?? '*');
    if (denied !== undefined) return fail(denied);
    const provider = Object.values(account.iam.oidcProviders).find((o) => o.arn === arn);
    if (provider === undefined) return fail(noSuchEntity(`OpenIDConnect Provider not found for arn ${arn ?? ''}`));
    return ok({ Url: provider.url, ClientIDList: provider.clientIds, ThumbprintList: provider.thumbprints, CreateDate: provider.createDate });
  },
};

const listOidcProviders: Operation = {
  readOnly: true,
  run(env) {
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:ListOpenIDConnectProviders', '*');
    if (denied !== undefined) return fail(denied);
    return ok({ OpenIDConnectProviderList: Object.values(account.iam.oidcProviders).map((o) => ({ Arn: o.arn })) });
  },
};

const deleteOidcProvider: Operation = {
  readOnly: false,
  run(env, p) {
    const arn = p.string('OpenIDConnectProviderArn', { required: true, ...ARN_RULE });
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:DeleteOpenIDConnectProvider', arn ?? '*');
    if (denied !== undefined) return fail(denied);
    const provider = Object.values(account.iam.oidcProviders).find((o) => o.arn === arn);
    if (provider === undefined) return fail(noSuchEntity(`OpenIDConnect Provider not found for arn ${arn ?? ''}`));
    delete account.iam.oidcProviders[provider.url];
    return ok({});
  },
};

/** The identity-provider operations by name. */
export const PROVIDER_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateSAMLProvider: createSamlProvider,
  GetSAMLProvider: getSamlProvider,
  ListSAMLProviders: listSamlProviders,
  DeleteSAMLProvider: deleteSamlProvider,
  CreateOpenIDConnectProvider: createOidcProvider,
  GetOpenIDConnectProvider: getOidcProvider,
  ListOpenIDConnectProviders: listOidcProviders,
  DeleteOpenIDConnectProvider: deleteOidcProvider,
};
