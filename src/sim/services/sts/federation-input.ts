/**
 * The editable forms of a SAML assertion and an OIDC token.
 *
 * Real assertions are signed XML and real tokens signed JWTs; a lesson wants to show the fields
 * that matter and let the learner change them. So the simulator takes a structured object —
 * or the same object as base64 JSON (for the CLI), or, for OIDC, a JWT whose payload it reads.
 * Signatures are not checked: the simulated providers trust what they are given, and the
 * lessons are about what AWS does with the claims.
 */
import { base64Decode, utf8Decode } from './base64.ts';

/** A SAML assertion as a lesson writes it. */
export interface SamlAssertion {
  /** The IdP's entity id; must match the provider's metadata. */
  issuer: string;
  /** Where the assertion is addressed (`SAML:aud`); default `https://signin.aws.amazon.com/saml`. */
  audience?: string;
  /** The subject (NameID). */
  nameId: string;
  /** `persistent`, `transient` or a full NameID format URI (default persistent). */
  nameIdFormat?: string;
  /** ISO time after which the assertion is no longer accepted. */
  notOnOrAfter?: string;
  /** The IdP's status; anything but `Success` is a rejected authentication. */
  status?: string;
  /** Attributes by full name, e.g. `https://aws.amazon.com/SAML/Attributes/Role`. */
  attributes: Record<string, string | string[]>;
}

/** An OIDC ID token's claims as a lesson writes them. */
export type WebIdentityClaims = Record<string, unknown> & { iss?: unknown; aud?: unknown; sub?: unknown; exp?: unknown };

/** Reads a value that is an object, JSON text, or base64 of JSON text. */
function objectFrom(value: unknown): Record<string, unknown> | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const candidates = [text];
  const decoded = base64Decode(text);
  if (decoded !== undefined) candidates.push(utf8Decode(decoded));
  for (const c of candidates) {
    try {
      const parsed: unknown = JSON.parse(c);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // not JSON in this form; try the next one
    }
  }
  return undefined;
}

/** The SAMLAssertion parameter as a structured assertion, or undefined when it is unreadable. */
export function readSamlAssertion(value: unknown): SamlAssertion | undefined {
  const o = objectFrom(value);
  if (o === undefined || typeof o['issuer'] !== 'string' || typeof o['nameId'] !== 'string') return undefined;
  const attrs: Record<string, string | string[]> = {};
  const raw = o['attributes'];
  if (typeof raw === 'object' && raw !== null) {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof v === 'string') attrs[k] = v;
      else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) attrs[k] = v as string[];
    }
  }
  const out: SamlAssertion = { issuer: o['issuer'], nameId: o['nameId'], attributes: attrs };
  for (const k of ['audience', 'nameIdFormat', 'notOnOrAfter', 'status'] as const) {
    const v = o[k];
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** The WebIdentityToken parameter as claims: an object, JSON, base64 JSON, or a JWT. */
export function readWebIdentityToken(value: unknown): WebIdentityClaims | undefined {
  if (typeof value === 'string') {
    const parts = value.trim().split('.');
    if (parts.length === 3 && parts[1] !== undefined) {
      const payload = base64Decode(parts[1]);
      if (payload !== undefined) {
        try {
          const claims: unknown = JSON.parse(utf8Decode(payload));
          if (typeof claims === 'object' && claims !== null && !Array.isArray(claims)) return claims as WebIdentityClaims;
        } catch {
          return undefined;
        }
      }
    }
  }
  return objectFrom(value);
}
