/**
 * The account password policy (UpdateAccountPasswordPolicy, GetAccountPasswordPolicy,
 * DeleteAccountPasswordPolicy) and a checker that says which rule a password breaks.
 *
 * Without a custom policy AWS applies its default (IAM User Guide, "Set an account password
 * policy for IAM users"): at least 8 characters, at least three of the four character types
 * (upper case, lower case, digits, symbols), and not the same as the account name or e-mail
 * (we check the user name, the name the simulator knows).
 */
import { defaultPasswordPolicy } from '../../world/iam-records.ts';
import type { PasswordPolicyRecord } from '../../world/iam-types.ts';
import { fail, noSuchEntity, ok } from '../errors.ts';
import type { Operation } from '../operation.ts';
import { authorizeIam, callerAccount } from './common.ts';

/** The symbols IAM counts as non-alphanumeric characters. */
export const PASSWORD_SYMBOLS = "!@#$%^&*()_+-=[]{}|'";

/** A rule a password breaks. */
export interface PasswordProblem {
  /** The policy field behind the rule, or `Default…` for AWS's default policy. */
  rule:
    | 'MinimumPasswordLength'
    | 'MaximumPasswordLength'
    | 'RequireSymbols'
    | 'RequireNumbers'
    | 'RequireUppercaseCharacters'
    | 'RequireLowercaseCharacters'
    | 'DefaultCharacterTypes'
    | 'DefaultNotUserName';
  message: string;
}

/** Which rules of the policy (or of AWS's default when `policy` is null) the password breaks. */
export function checkPassword(policy: PasswordPolicyRecord | null, password: string, userName?: string): PasswordProblem[] {
  const out: PasswordProblem[] = [];
  const hasUpper = /[A-Z]/.test(password);
  const hasLower = /[a-z]/.test(password);
  const hasDigit = /[0-9]/.test(password);
  const hasSymbol = [...password].some((c) => PASSWORD_SYMBOLS.includes(c));
  const min = policy?.MinimumPasswordLength ?? 8;
  if (password.length < min) out.push({ rule: 'MinimumPasswordLength', message: `It must be at least ${min} characters long (it has ${password.length}).` });
  if (password.length > 128) out.push({ rule: 'MaximumPasswordLength', message: 'It must be at most 128 characters long.' });
  if (policy === null) {
    const types = [hasUpper, hasLower, hasDigit, hasSymbol].filter(Boolean).length;
    if (types < 3) out.push({ rule: 'DefaultCharacterTypes', message: `It must mix at least three of: upper-case letters, lower-case letters, digits and symbols (${PASSWORD_SYMBOLS}); it has ${types}.` });
    if (userName !== undefined && password.toLowerCase() === userName.toLowerCase()) out.push({ rule: 'DefaultNotUserName', message: 'It must not be the same as the user name.' });
    return out;
  }
  if (policy.RequireSymbols && !hasSymbol) out.push({ rule: 'RequireSymbols', message: `It must contain at least one symbol (${PASSWORD_SYMBOLS}).` });
  if (policy.RequireNumbers && !hasDigit) out.push({ rule: 'RequireNumbers', message: 'It must contain at least one digit (0-9).' });
  if (policy.RequireUppercaseCharacters && !hasUpper) out.push({ rule: 'RequireUppercaseCharacters', message: 'It must contain at least one upper-case letter (A-Z).' });
  if (policy.RequireLowercaseCharacters && !hasLower) out.push({ rule: 'RequireLowercaseCharacters', message: 'It must contain at least one lower-case letter (a-z).' });
  return out;
}

const updateAccountPasswordPolicy: Operation = {
  readOnly: false,
  run(env, p) {
    const policy = defaultPasswordPolicy();
    const min = p.int('MinimumPasswordLength', { min: 6, max: 128 });
    const flags = ['RequireSymbols', 'RequireNumbers', 'RequireUppercaseCharacters', 'RequireLowercaseCharacters', 'AllowUsersToChangePassword', 'HardExpiry'] as const;
    const values = flags.map((f) => p.bool(f));
    const maxAge = p.int('MaxPasswordAge', { min: 1, max: 1095 });
    const reuse = p.int('PasswordReusePrevention', { min: 1, max: 24 });
    const invalid = p.error();
    if (invalid !== undefined) return fail(invalid);
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:UpdateAccountPasswordPolicy', '*');
    if (denied !== undefined) return fail(denied);
    // Fields left out go back to their defaults (IAM API Reference, UpdateAccountPasswordPolicy).
    if (min !== undefined) policy.MinimumPasswordLength = min;
    flags.forEach((f, i) => {
      const v = values[i];
      if (v !== undefined) policy[f] = v;
    });
    if (maxAge !== undefined) policy.MaxPasswordAge = maxAge;
    if (reuse !== undefined) policy.PasswordReusePrevention = reuse;
    account.iam.passwordPolicy = policy;
    return ok({});
  },
};

const getAccountPasswordPolicy: Operation = {
  readOnly: true,
  run(env) {
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:GetAccountPasswordPolicy', '*');
    if (denied !== undefined) return fail(denied);
    const policy = account.iam.passwordPolicy;
    if (policy === null) return fail(noSuchEntity(`The Password Policy with domain name ${account.id} cannot be found.`));
    return ok({ PasswordPolicy: { ...policy, ExpirePasswords: policy.MaxPasswordAge !== undefined } });
  },
};

const deleteAccountPasswordPolicy: Operation = {
  readOnly: false,
  run(env) {
    const account = callerAccount(env);
    if ('code' in account) return fail(account);
    const denied = authorizeIam(env, 'iam:DeleteAccountPasswordPolicy', '*');
    if (denied !== undefined) return fail(denied);
    if (account.iam.passwordPolicy === null) return fail(noSuchEntity(`The account policy with name PasswordPolicy cannot be found.`));
    account.iam.passwordPolicy = null;
    return ok({});
  },
};

/** The password-policy operations by name. */
export const PASSWORD_POLICY_OPERATIONS: Readonly<Record<string, Operation>> = {
  UpdateAccountPasswordPolicy: updateAccountPasswordPolicy,
  GetAccountPasswordPolicy: getAccountPasswordPolicy,
  DeleteAccountPasswordPolicy: deleteAccountPasswordPolicy,
};
