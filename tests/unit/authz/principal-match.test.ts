/** Principal and NotPrincipal matching, every form of the IAM "Principal" element page. */
import { describe, expect, it } from 'vitest';
import { matchPrincipal, notPrincipalApplies } from '../../../src/sim/authz/index.ts';
import type { PrincipalInput } from '../../../src/sim/authz/index.ts';
import type { PrincipalSpec, PrincipalType } from '../../../src/sim/policy/index.ts';
import { caller } from './table.ts';
import { A, ALICE_ARN, B, FEDERATED_ARN, ROLE_ARN, SESSION_ARN } from './fixtures.ts';

const R = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
const any: PrincipalSpec = { kind: 'any', range: R };
function spec(type: PrincipalType, ...values: string[]): PrincipalSpec {
  return { kind: 'map', range: R, entries: [{ type, values: values.map((value) => ({ value, range: R })) }] };
}

const user: PrincipalInput = { arn: ALICE_ARN, canonicalUserId: '79a59df900b949e5' };
const session: PrincipalInput = { arn: SESSION_ARN };
const fed: PrincipalInput = { arn: FEDERATED_ARN, federatingUserArn: ALICE_ARN };
const root: PrincipalInput = { arn: `arn:aws:iam::${A}:root` };
const service: PrincipalInput = { arn: 'ec2.amazonaws.com' };
const anon: PrincipalInput = { arn: 'anonymous' };
const oidc: PrincipalInput = { arn: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com` };

describe('matchPrincipal', () => {
  it.each<[string, PrincipalSpec, PrincipalInput, string | null]>([
    ['"*" names everyone, anonymous included', any, anon, 'any'],
    ['{"AWS": "*"} ≡ "*"', spec('AWS', '*'), service, 'any'],
    ['account id names the account', spec('AWS', A), user, 'account'],
    ['root ARN ≡ account id (not just the root user)', spec('AWS', `arn:aws:iam::${A}:root`), session, 'account'],
    ['account covers its root user', spec('AWS', A), root, 'account'],
    ['another account', spec('AWS', B), user, null],
    ['account does not cover services', spec('AWS', A), service, null],
    ['account does not cover anonymous', spec('AWS', A), anon, null],
    ['user ARN names the user', spec('AWS', ALICE_ARN), user, 'user'],
    ['user ARN names the federated session it created', spec('AWS', ALICE_ARN), fed, 'federating-user'],
    ['role ARN names its sessions', spec('AWS', ROLE_ARN), session, 'role'],
    ['session ARN names that session', spec('AWS', SESSION_ARN), session, 'session'],
    ['another session of the same role', spec('AWS', `arn:aws:sts::${A}:assumed-role/Reader/other`), session, null],
    ['federated-user ARN', spec('AWS', FEDERATED_ARN), fed, 'federated-user'],
    ['no partial wildcards in principals', spec('AWS', `arn:aws:iam::${A}:user/al*`), user, null],
    ['unique ids of deleted principals match nobody', spec('AWS', 'AIDAEXAMPLE'), user, null],
    ['Service', spec('Service', 'ec2.amazonaws.com'), service, 'service'],
    ['Service "*" is not allowed', spec('Service', '*'), service, null],
    ['Federated', spec('Federated', oidc.arn), oidc, 'federated'],
    ['CanonicalUser', spec('CanonicalUser', '79a59df900b949e5'), user, 'canonical'],
    ['the strongest form wins', { kind: 'map', range: R, entries: [{ type: 'AWS', values: [{ value: A, range: R }, { value: ROLE_ARN, range: R }, { value: SESSION_ARN, range: R }] }] }, session, 'session'],
  ])('%s', (_name, s, principal, expected) => {
    expect(matchPrincipal(s, caller(principal))).toBe(expected);
  });
});

describe('notPrincipalApplies (Deny applies unless every identity of the caller is listed)', () => {
  it.each<[string, PrincipalSpec, PrincipalInput, boolean, boolean]>([
    ['user + account listed', spec('AWS', ALICE_ARN, A), user, false, false],
    ['user listed without its account', spec('AWS', ALICE_ARN), user, false, true],
    ['session, role and account listed', spec('AWS', SESSION_ARN, ROLE_ARN, `arn:aws:iam::${A}:root`), session, false, false],
    ['session and account, not the role', spec('AWS', SESSION_ARN, A), session, false, true],
    ['root listed by account', spec('AWS', A), root, false, false],
    ['"*" excludes everyone', spec('AWS', '*'), session, false, false],
    ['a boundary means always denied', spec('AWS', ALICE_ARN, A), user, true, true],
    ['a service listed', spec('Service', 'ec2.amazonaws.com'), service, false, false],
    ['a service not listed', spec('AWS', A), service, false, true],
  ])('%s', (_name, s, principal, boundary, expected) => {
    expect(notPrincipalApplies(s, caller(principal), boundary)).toBe(expected);
  });
});
