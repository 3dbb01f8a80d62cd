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
import {
  entityAlreadyExists,
  fail,
  internalFailure,
  invalidInput,
  noSuchEntity,
  ok,
} from '../errors.ts';
import type { CallEnv } from '../access.ts';
import type { Operation } from '../operation.ts';
import { ARN_RULE } from '../params.ts';
import type { Params } from '../params.ts';
import type { AwsError } from '../types.ts';
import type { Account } from '../../world/types.ts';
import type { OidcProviderRecord, SamlProviderRecord } from '../../world/iam-types.ts';
import { authorizeIam, callerAccount, mergeTags, tagContext } from './common.ts';

/** The entity id in SAML metadata, or undefined. */
export function samlIssuerFromMetadata(metadata: string): string | undefined {
  return /entityID\s*=\s*"([^"]+)"/.exec(metadata)?.[1];
}

/** OIDC URL as IAM stores it: without `https://` and without a trailing slash. */
export function oidcUrlKey(url: string): string {
  return url.replace(/^https:\/\//i, '').replace(/\/$/, '');
}

/** How an operation on one existing provider (by ARN) finds it. */
interface ProviderLookup<T> {
  /** The request parameter holding the ARN. */
  param: 'SAMLProviderArn' | 'OpenIDConnectProviderArn';
  /** The account's providers of this kind. */
  providers: (account: Account) => Readonly<Record<string, T>>;
  /** IAM's NoSuchEntity message for an ARN that names no provider. */
  notFound: (arn: string) => string;
}

const SAML: ProviderLookup<SamlProviderRecord> = {
  param: 'SAMLProviderArn',
  providers: (account) => account.iam.samlProviders,
  notFound: (arn) => `Manifest not found for arn ${arn}`,
};

const OIDC: ProviderLookup<OidcProviderRecord> = {
  param: 'OpenIDConnectProviderArn',
  providers: (account) => account.iam.oidcProviders,
  notFound: (arn) => `OpenIDConnect Provider not found for arn ${arn}`,
};

/**
 * The common start of Get/Delete on a provider: validate the ARN parameter, find the caller's
 * account, authorize `action` on the ARN (before saying whether it exists), then find it.
 */
function existingProvider<T extends { arn: string }>(
  env: CallEnv,
  p: Params,
  kind: ProviderLookup<T>,
  action: string,
): { account: Account; provider: T } | AwsError {
  const arn = p.string(kind.param, { required: true, ...ARN_RULE });
  const invalid = p.error();
  if (invalid !== undefined) return invalid;
  const account = callerAccount(env);
  if ('code' in account) return account;
  const denied = authorizeIam(env, action, arn ?? '*');
  if (denied !== undefined) return denied;
  const provider = Object.values(kind.providers(account)).find(
    (candidate) => candidate.arn === arn,
  );
  if (provider === undefined) return noSuchEntity(kind.notFound(arn ?? ''));
  return { account, provider };
}

const createSamlProvider: Operation = {
  readOnly: false,
  run(env, p) {
    const name = p.string('Name', {
      required: true,
      min: 1,
      max: 128,
      pattern: /^[\w._-]+$/,
      patternText: '[\\w._-]+',
    });
    const metadata = p.string('SAMLMetadataDocument', { required: true, min: 1, max: 10000000 });
    const tags = p.tags();
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    if (name === undefined || metadata === undefined)
      return fail(internalFailure('parameters missing'));
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const arn = samlProviderArn(account.id, name);
    const denied = authorizeIam(env, 'iam:CreateSAMLProvider', arn, tagContext(tags));
    if (denied !== undefined) return fail(denied);
    if (account.iam.samlProviders[name] !== undefined)
      return fail(entityAlreadyExists(`SAMLProvider ${name} already exists.`));
    const issuer = samlIssuerFromMetadata(metadata);
    if (issuer === undefined)
      return fail(invalidInput('Could not parse metadata: no entityID found.'));
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
    const found = existingProvider(env, p, SAML, 'iam:GetSAMLProvider');
    if ('code' in found) return fail(found);
    const { provider } = found;
    return ok({
      SAMLMetadataDocument: provider.metadataDocument,
      CreateDate: provider.createDate,
      ValidUntil: provider.validUntil,
    });
  },
};

const listSamlProviders: Operation = {
  readOnly: true,
  run(env) {
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:ListSAMLProviders', '*');
    if (denied !== undefined) return fail(denied);
    return ok({
      SAMLProviderList: Object.values(account.iam.samlProviders).map((s) => ({
        Arn: s.arn,
        ValidUntil: s.validUntil,
        CreateDate: s.createDate,
      })),
    });
  },
};

const deleteSamlProvider: Operation = {
  readOnly: false,
  run(env, p) {
    const found = existingProvider(env, p, SAML, 'iam:DeleteSAMLProvider');
    if ('code' in found) return fail(found);
    delete found.account.iam.samlProviders[found.provider.name];
    return ok({});
  },
};

const createOidcProvider: Operation = {
  readOnly: false,
  run(env, p) {
    const url = p.string('Url', {
      required: true,
      min: 1,
      max: 255,
      pattern: /^https:\/\/\S+$/,
      patternText: 'https://…',
    });
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
    if (account.iam.oidcProviders[key] !== undefined)
      return fail(entityAlreadyExists(`Provider with url https://${key} already exists.`));
    account.iam.oidcProviders[key] = {
      url: key,
      arn,
      clientIds: [...clientIds],
      thumbprints: [...thumbprints],
      createDate: worldNowIso(env.world),
      tags: mergeTags([], tags ?? []),
    };
    return ok({ OpenIDConnectProviderArn: arn });
  },
};

const getOidcProvider: Operation = {
  readOnly: true,
  run(env, p) {
    const found = existingProvider(env, p, OIDC, 'iam:GetOpenIDConnectProvider');
    if ('code' in found) return fail(found);
    const { provider } = found;
    return ok({
      Url: provider.url,
      ClientIDList: provider.clientIds,
      ThumbprintList: provider.thumbprints,
      CreateDate: provider.createDate,
    });
  },
};

const listOidcProviders: Operation = {
  readOnly: true,
  run(env) {
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:ListOpenIDConnectProviders', '*');
    if (denied !== undefined) return fail(denied);
    return ok({
      OpenIDConnectProviderList: Object.values(account.iam.oidcProviders).map((o) => ({
        Arn: o.arn,
      })),
    });
  },
};

const deleteOidcProvider: Operation = {
  readOnly: false,
  run(env, p) {
    const found = existingProvider(env, p, OIDC, 'iam:DeleteOpenIDConnectProvider');
    if ('code' in found) return fail(found);
    delete found.account.iam.oidcProviders[found.provider.url];
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
