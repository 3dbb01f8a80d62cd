/**
 * Known, accepted disagreements between our `authorize()` and iam-simulate.
 *
 * An entry may only be listed when the AWS documentation sides with OUR engine: each entry
 * carries the page and the sentence that decides. A disagreement where the documentation
 * sides with iam-simulate is a bug in our engine and must be fixed, never listed here.
 */
import type { AuthorizeInput, Decision } from '../../src/sim/authz/types.ts';
import { principalKind } from './adapter.ts';
import {
  ABSENT_KEY,
  NEVER_MATCHES,
  NO_RESOURCE,
  dateKeys,
  epochToIso,
  mapConditions,
  mapContext,
  mapStatements,
} from './rewrite.ts';
import {
  awsPrincipals,
  baseOperator,
  callerIdentities,
  conditions,
  hasUnresolvedVariable,
  isSession,
  normalisePrincipal,
  requestValue,
  statements,
  asList,
} from './inspect.ts';

export interface Divergence {
  id: string;
  /** What differs, precisely enough to recognise the affected cases by hand. */
  description: string;
  /** Recognises an affected case (input plus both engines' decisions). */
  matches: (input: AuthorizeInput, ours: Decision, oracle: Decision) => boolean;
  /** The engine AWS documentation sides with. Only `ours` may be listed. */
  sidesWith: 'ours';
  citation: { page: string; url: string; quote: string };
  /**
   * Removes the divergent feature while keeping, by the cited rule, the same decision. A case is
   * only put down to this divergence when, after the rewrite, our decision is unchanged and
   * iam-simulate agrees with it (see harness.ts).
   */
  neutralize: (input: AuthorizeInput) => AuthorizeInput;
}

const IAMUG = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/';

/** Resource-side documents: the resource policy and the role trust policy. */
function resourceSideAllows(input: AuthorizeInput, test: (principals: string[]) => boolean): boolean {
  return statements(input).some(
    (s) =>
      (s.source === 'resource' || s.source === 'trust') &&
      s.statement['Effect'] === 'Allow' &&
      test(awsPrincipals(s.statement['Principal'])),
  );
}

const hasSessionPolicy = (input: AuthorizeInput): boolean =>
  input.policies.session !== undefined && input.policies.session !== null;

const isEpoch = (v: string): boolean => /^\d+$/.test(v.trim());

export const DIVERGENCES: readonly Divergence[] = [
  {
    id: 'federated-user-without-session-policy',
    description:
      'A GetFederationToken session (principal type FederatedUser) created without a session policy: iam-simulate ' +
      "evaluates the federating user's identity policies as if they applied; we deny unless a resource-based policy " +
      'names the federated-user session itself.',
    matches: (input, ours, oracle) =>
      principalKind(input.principal) === 'FederatedUser' && !hasSessionPolicy(input) && ours === 'ImplicitDeny' && oracle === 'Allow',
    sidesWith: 'ours',
    citation: {
      page: 'AWS STS API Reference: GetFederationToken (Policy / PolicyArns parameters)',
      url: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html',
      quote:
        'Though the session policy parameters are optional, if you do not pass a policy, then the resulting federated user ' +
        'session has no permissions. The only exception is when the credentials are used to access a resource that has a ' +
        'resource-based policy that specifically references the federated user session in the Principal element of the policy.',
    },
    // "No permissions" is a session policy that allows nothing.
    neutralize: (input) => ({
      ...input,
      policies: {
        ...input.policies,
        session: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:DecodeAuthorizationMessage', Resource: '*' }] },
      },
    }),
  },
  {
    id: 'session-policy-does-not-limit-session-arn-grant',
    description:
      'A role session or federated-user session with a session policy that does not allow the action, and a same-account ' +
      'resource-based (or trust) policy that allows the session ARN itself: iam-simulate lets the session policy deny; we allow.',
    matches: (input, ours, oracle) =>
      isSession(input) &&
      hasSessionPolicy(input) &&
      ours === 'Allow' &&
      oracle === 'ImplicitDeny' &&
      resourceSideAllows(input, (ps) => ps.includes(input.principal.arn)),
    sidesWith: 'ours',
    citation: {
      page: 'How AWS enforcement code logic evaluates requests to allow or deny access (Resource-based policies: IAM role session)',
      url: `${IAMUG}reference_policies_evaluation-logic_policy-eval-denyallow.html`,
      quote:
        'Within the same account, resource-based policies that grant permissions to an IAM role session ARN grant permissions ' +
        'directly to the assumed role session. Permissions granted directly to a session are not limited by an implicit deny in ' +
        'an identity-based policy, a permissions boundary, or session policy.',
    },
    // The direct grant is not limited by the session policy, so the decision cannot depend on it.
    neutralize: (input) => ({ ...input, policies: { ...input.policies, session: null } }),
  },
  {
    id: 'session-policy-does-not-limit-wildcard-principal-grant',
    description:
      'A role session with a session policy that does not allow the action, and a same-account resource-based (or trust) policy ' +
      'whose Allow names Principal "*" (or {"AWS": "*"}): iam-simulate lets the session policy deny; we allow, treating the ' +
      'wildcard as a grant that reaches the session principal directly.',
    // Role sessions only: for a federated-user session "*" does not name the session
    // (wildcard-principal-does-not-name-federated-session).
    matches: (input, ours, oracle) =>
      principalKind(input.principal) === 'AssumedRole' &&
      hasSessionPolicy(input) &&
      ours === 'Allow' &&
      oracle === 'ImplicitDeny' &&
      resourceSideAllows(input, (ps) => ps.includes('*')),
    sidesWith: 'ours',
    citation: {
      page: 'How AWS enforcement code logic evaluates requests to allow or deny access (Resource-based policies: IAM role)',
      url: `${IAMUG}reference_policies_evaluation-logic_policy-eval-denyallow.html`,
      quote:
        'Permissions boundaries and session policies do not limit permissions granted using the aws:PrincipalArn condition key ' +
        'with a wildcard(*) in the Principal element, unless the identity-based policies contain an explicit deny.',
    },
    neutralize: (input) => ({ ...input, policies: { ...input.policies, session: null } }),
  },
  {
    id: 'wildcard-principal-does-not-name-federated-session',
    description:
      'A GetFederationToken session (principal type FederatedUser) and a same-account resource-based policy whose Allow ' +
      'names Principal "*" (or {"AWS": "*"}), not the federated-user session ARN, while the session policy (or its absence) ' +
      "or the federating user's permissions boundary does not allow the request: iam-simulate lets the wildcard grant " +
      'stand alone; we treat it as a grant to the federating user, which the boundary and the session policy limit.',
    matches: (input, ours, oracle) =>
      principalKind(input.principal) === 'FederatedUser' &&
      typeof input.principal.federatingUserArn === 'string' &&
      ours === 'ImplicitDeny' &&
      oracle === 'Allow' &&
      // (A grant naming the session ARN that covered the request would have allowed it.)
      resourceSideAllows(input, (ps) => ps.includes('*')),
    sidesWith: 'ours',
    citation: {
      page: 'Permissions for GetFederationToken',
      url: `${IAMUG}id_credentials_temp_control-access_getfederationtoken.html`,
      quote:
        'The permissions assigned to an AWS STS federated user session are defined in one of two places: … The session ' +
        'policies passed as a parameter of the GetFederationToken API call … A resource-based policy that explicitly names ' +
        'the AWS STS federated user session in the Principal element of the policy.',
    },
    // Name the federating user where the policy says "*": by the cited rule the same grant, limited alike.
    neutralize: (input) => {
      const user = input.principal.federatingUserArn ?? input.principal.arn;
      const named = (p: unknown): unknown => {
        if (p === '*') return { AWS: user };
        if (p === null || typeof p !== 'object' || Array.isArray(p)) return p;
        const map = p as Record<string, unknown>;
        if (!('AWS' in map)) return p;
        const aws = asList(map['AWS']).map((v) => (v === '*' ? user : v));
        return { ...map, AWS: aws.length === 1 ? aws[0] : aws };
      };
      const side = mapStatements({ ...input, policies: { resource: input.policies.resource, trust: input.policies.trust } }, (st) =>
        st['Effect'] === 'Allow' && 'Principal' in st ? { ...st, Principal: named(st['Principal']) } : st,
      );
      return { ...input, policies: { ...input.policies, resource: side.policies.resource, trust: side.policies.trust } };
    },
  },
  {
    id: 'date-epoch-vs-iso8601',
    description:
      'A Date* condition where one side is epoch seconds and the other an ISO 8601 date (e.g. policy "1767225600" vs request ' +
      'aws:CurrentTime "2025-12-31T23:59:59Z"): iam-simulate compares epoch seconds with milliseconds; we compare instants.',
    matches: (input) =>
      conditions(input).some((c) => {
        if (!/^Date/i.test(baseOperator(c.operator))) return false;
        const rv = requestValue(input, c.key);
        if (typeof rv !== 'string') return false;
        return c.values.some((v) => isEpoch(v) !== isEpoch(rv));
      }),
    sidesWith: 'ours',
    citation: {
      page: 'IAM JSON policy elements: Condition operators (Date condition operators)',
      url: `${IAMUG}reference_policies_elements_condition_operators.html#Conditions_Date`,
      quote:
        'You must specify date/time values with one of the W3C implementations of the ISO 8601 date formats or in epoch (UNIX) time.',
    },
    // The same instants, all written in ISO 8601.
    neutralize: (input) =>
      mapContext(
        mapConditions(input, (op, _key, values) => (/^Date/i.test(baseOperator(op)) ? values.map(epochToIso) : values)),
        dateKeys(input),
        epochToIso,
      ),
  },
  {
    id: 'notipaddress-bare-address-other-family',
    description:
      'NotIpAddress with a bare address (no /prefix) of one IP family and a request aws:SourceIp of the other family ' +
      '(e.g. policy "203.0.113.7", request "2001:db8::1"): iam-simulate says the condition is false; we say true.',
    matches: (input) =>
      conditions(input).some((c) => {
        if (baseOperator(c.operator).toLowerCase() !== 'notipaddress') return false;
        const rv = requestValue(input, c.key);
        if (typeof rv !== 'string') return false;
        return c.values.some((v) => !v.includes('/') && v.includes(':') !== rv.includes(':'));
      }),
    sidesWith: 'ours',
    citation: {
      page: 'IAM JSON policy elements: Condition operators (IP address condition operators)',
      url: `${IAMUG}reference_policies_elements_condition_operators.html#Conditions_IPAddress`,
      quote:
        'If you specify an IP address without the associated routing prefix, IAM uses the default prefix value of /32. ' +
        '[…] NotIpAddress: All IP addresses except the specified IP address or range.',
    },
    // A bare address means /32 (IPv4) or /128 (IPv6).
    neutralize: (input) =>
      mapConditions(input, (op, _key, values) =>
        /ipaddress$/i.test(baseOperator(op)) ? values.map((v) => (v.includes('/') ? v : `${v}/${v.includes(':') ? 128 : 32}`)) : values,
      ),
  },
  {
    id: 'unresolved-variable-in-negated-condition',
    description:
      'A negated string/ARN condition (StringNot*, ArnNot*, with or without IfExists) whose value holds a policy variable ' +
      'the request cannot resolve (e.g. ${aws:username} for a role session, ${aws:PrincipalTag/team} for an untagged ' +
      'caller): iam-simulate treats the value as failing to match; we treat the negated comparison as true.',
    matches: (input) =>
      conditions(input).some(
        (c) =>
          /^(StringNot|ArnNot)/i.test(baseOperator(c.operator)) &&
          c.values.some((v) => hasUnresolvedVariable(input, v, c.version)),
      ),
    sidesWith: 'ours',
    citation: {
      page: 'IAM policy elements: Variables and tags (Policy variables with no value)',
      url: `${IAMUG}reference_policies_variables.html#policy-vars-no-value`,
      quote:
        'Inverted condition operators like StringNotEquals or StringNotLike do match against a null value, as the value of the ' +
        'condition key they are testing against is not equal to or like the effectively null value.',
    },
    // A variable with no value equals nothing, like a literal no request carries.
    neutralize: (input) =>
      mapConditions(input, (op, _key, values, version) =>
        /^(StringNot|ArnNot)/i.test(baseOperator(op))
          ? values.map((v) => (hasUnresolvedVariable(input, v, version) ? NEVER_MATCHES : v))
          : values,
      ),
  },
  {
    id: 'unresolved-variable-in-notresource',
    description:
      'A NotResource entry holding a policy variable the request cannot resolve (e.g. user/${aws:username} for a role ' +
      'session): iam-simulate treats the NotResource element as not matching; we treat the entry as matching no resource, so ' +
      'the statement applies to the request.',
    matches: (input) =>
      statements(input).some((s) =>
        asList(s.statement['NotResource']).some((r) => hasUnresolvedVariable(input, String(r), s.version)),
      ),
    sidesWith: 'ours',
    citation: {
      page: 'IAM policy elements: Variables and tags (Policy variables with no value)',
      url: `${IAMUG}reference_policies_variables.html#policy-vars-no-value`,
      quote:
        'If a variable that has no value in the authorization context is used as part of the Resource or NotResource element ' +
        'of a policy, the resource that includes a policy variable with no value will not match any resource.',
    },
    // The entry matches no resource, like an ARN of a bucket that does not exist.
    neutralize: (input) =>
      mapStatements(input, (st, version) => {
        if (st['NotResource'] === undefined) return st;
        st['NotResource'] = asList(st['NotResource']).map((r) =>
          hasUnresolvedVariable(input, String(r), version) ? NO_RESOURCE : String(r),
        );
        return st;
      }),
  },
  {
    id: 'variables-need-version-2012-10-17',
    description:
      'A policy without "Version": "2012-10-17" (no Version element, or 2008-10-17) that writes ${…} in Resource, ' +
      'NotResource or a condition value: iam-simulate substitutes the variable; we compare the text literally.',
    matches: (input) =>
      statements(input).some(
        (s) =>
          s.version !== '2012-10-17' &&
          JSON.stringify([s.statement['Resource'], s.statement['NotResource'], s.statement['Condition']]).includes('${'),
      ),
    sidesWith: 'ours',
    citation: {
      page: 'IAM policy elements: Variables and tags (Introduction)',
      url: `${IAMUG}reference_policies_variables.html`,
      quote:
        "If you don't include the Version element and set it to an appropriate version date, variables like ${aws:username} " +
        'are treated as literal strings in the policy.',
    },
    // Literal text: "${" becomes "{", which no request value contains either.
    neutralize: (input) =>
      mapStatements(input, (st, version) => {
        if (version === '2012-10-17') return st;
        const lit = (v: unknown): unknown => JSON.parse(JSON.stringify(v ?? null).split('${').join('{'));
        for (const k of ['Resource', 'NotResource', 'Condition']) if (st[k] !== undefined) st[k] = lit(st[k]);
        return st;
      }),
  },
  {
    id: 'set-operator-on-empty-string',
    description:
      'A ForAllValues:* or ForAnyValue:* condition on a key whose request value is the empty string "": iam-simulate ' +
      'tests the one-element set [""]; we treat "" as a null data set, for which ForAllValues is true and ForAnyValue false.',
    matches: (input) =>
      conditions(input).some((c) => /^For(All|Any)Values?:/i.test(c.operator) && requestValue(input, c.key) === ''),
    sidesWith: 'ours',
    citation: {
      page: 'Condition set operators / Conditions with multiple context keys or values',
      url: `${IAMUG}reference_policies_multi-value-conditions.html`,
      quote:
        '[ForAllValues] It also returns true if there are no keys in the request, or if the key values resolve to a null data ' +
        'set, such as an empty string. […] [ForAnyValue] For no matching key or a null dataset, the condition returns false.',
    },
    // ForAllValues over a null data set is true (the entry can go); ForAnyValue is false, like on an absent key.
    neutralize: (input) =>
      mapStatements(input, (st) => {
        const block = st['Condition'];
        if (block === null || typeof block !== 'object' || Array.isArray(block)) return st;
        const next: Record<string, unknown> = {};
        for (const [op, byKey] of Object.entries(block)) {
          if (byKey === null || typeof byKey !== 'object' || Array.isArray(byKey)) continue;
          const entries: Record<string, unknown> = {};
          for (const [key, values] of Object.entries(byKey)) {
            const empty = requestValue(input, key) === '';
            if (empty && /^ForAllValues:/i.test(op)) continue;
            entries[empty && /^ForAnyValue:/i.test(op) ? ABSENT_KEY : key] = values;
          }
          if (Object.keys(entries).length > 0) next[op] = entries;
        }
        if (Object.keys(next).length > 0) st['Condition'] = next;
        else delete st['Condition'];
        return st;
      }),
  },
  {
    id: 'notprincipal-must-list-every-identity',
    description:
      'A Deny with NotPrincipal that lists some but not all of the identities AWS checks for the caller (its account, its ' +
      'role for a session, and the user/session/federated-user ARN), e.g. only the account, or only the user: iam-simulate ' +
      'exempts the caller when any one of them is listed; we deny unless every one is listed.',
    matches: (input, ours) => {
      if (ours !== 'ExplicitDeny') return false;
      const ids = callerIdentities(input).map(normalisePrincipal);
      return statements(input).some((s) => {
        if (s.statement['Effect'] !== 'Deny' || s.statement['NotPrincipal'] === undefined) return false;
        const listed = awsPrincipals(s.statement['NotPrincipal']).map(normalisePrincipal);
        const hits = ids.filter((id) => listed.includes(id)).length;
        return hits > 0 && hits < ids.length;
      });
    },
    sidesWith: 'ours',
    citation: {
      page: 'AWS JSON policy elements: NotPrincipal',
      url: `${IAMUG}reference_policies_elements_notprincipal.html`,
      quote:
        'When you use NotPrincipal, you must also specify the account ARN of the not-denied principal. Otherwise, the policy ' +
        'might deny access to the entire account containing the principal. Depending on the service that you include in your ' +
        'policy, AWS might validate the account first and then the user. If an assumed-role user (someone who is using a role) ' +
        'is being evaluated, AWS might validate the account first, then the role, and then the assumed-role user.',
    },
    // Listing only some of the caller's identities excepts nobody: list none of them.
    neutralize: (input) => {
      const ids = callerIdentities(input).map(normalisePrincipal);
      return mapStatements(input, (st) => {
        if (st['Effect'] !== 'Deny' || st['NotPrincipal'] === undefined) return st;
        const listed = awsPrincipals(st['NotPrincipal']).map(normalisePrincipal);
        const hits = ids.filter((id) => listed.includes(id)).length;
        if (hits > 0 && hits < ids.length) st['NotPrincipal'] = { AWS: 'arn:aws:iam::999999999999:root' };
        return st;
      });
    },
  },
];
