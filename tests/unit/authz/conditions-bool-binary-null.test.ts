import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../../src/sim/authz/conditions/binary.ts';
import { conditionTable } from './table.ts';

const MFA = 'aws:MultiFactorAuthPresent';

conditionTable('Bool', [
  { op: 'Bool', key: MFA, policy: 'true', request: 'true', expect: true },
  { op: 'Bool', key: MFA, policy: 'true', request: 'false', expect: false, detail: 'aws:MultiFactorAuthPresent false is not true' },
  { op: 'Bool', key: MFA, policy: 'TRUE', request: 'True', expect: true },
  // The MFA idioms (global keys page, aws:MultiFactorAuthPresent): long-term keys carry no MFA key.
  { op: 'Bool', key: MFA, policy: 'false', expect: false },
  { op: 'BoolIfExists', key: MFA, policy: 'false', expect: true },
  { op: 'BoolIfExists', key: MFA, policy: 'true', expect: true },
  { op: 'Bool', key: MFA, policy: 'maybe', request: 'true', expect: false },
  // Variables in Bool: the condition-operators page allows them (the variables page disagrees);
  // we follow the operator page.
  { op: 'Bool', key: 'aws:SecureTransport', policy: '${test:Flag}', request: 'true', context: { 'test:Flag': 'true' }, expect: true },
]);

conditionTable('BinaryEquals', [
  { op: 'BinaryEquals', policy: 'QmluYXJ5VmFsdWU=', request: 'QmluYXJ5VmFsdWU=', expect: true },
  { op: 'BinaryEquals', policy: 'QmluYXJ5VmFsdWU=', request: 'QmluYXJ5VmFsdWU', expect: true },
  { op: 'BinaryEquals', policy: 'QmluYXJ5VmFsdWU=', request: 'T3RoZXI=', expect: false },
  { op: 'BinaryEquals', policy: 'QmluYXJ5VmFsdWU=', expect: false },
  { op: 'BinaryEqualsIfExists', policy: 'QmluYXJ5VmFsdWU=', expect: true },
  { op: 'BinaryEquals', policy: 'not base64!', request: 'not base64!', expect: false },
]);

conditionTable('Null (key existence)', [
  { op: 'Null', key: 'aws:TokenIssueTime', policy: 'true', expect: true, detail: 'absent from the request' },
  { op: 'Null', key: 'aws:TokenIssueTime', policy: 'true', request: '2026-01-01T00:00:00Z', expect: false },
  { op: 'Null', key: 'aws:TokenIssueTime', policy: 'false', request: '2026-01-01T00:00:00Z', expect: true },
  { op: 'Null', key: 'aws:TokenIssueTime', policy: 'false', expect: false },
  // An empty multivalued key is present (the decision API: `[]` is present but empty).
  { op: 'Null', key: 'aws:TagKeys', policy: 'false', request: [], expect: true },
  { op: 'Null', key: 'aws:TagKeys', policy: ['true', 'false'], expect: true },
  { op: 'Null', key: 'aws:TagKeys', policy: 'yes', expect: false },
  // Principal-derived keys are present even when the case does not give them.
  { op: 'Null', key: 'aws:PrincipalArn', policy: 'false', expect: true },
]);

describe('decodeBase64', () => {
  it('decodes with or without padding and rejects other text', () => {
    expect(decodeBase64('aGk=')).toBe('hi');
    expect(decodeBase64('aGk')).toBe('hi');
    expect(decodeBase64('')).toBe('');
    expect(decodeBase64('a')).toBeNull();
    expect(decodeBase64('a*b=')).toBeNull();
  });
});
