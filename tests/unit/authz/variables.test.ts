import { describe, expect, it } from 'vitest';
import { parseResourceTemplate, parseTemplate, resolveTemplate, resourceMatches } from '../../../src/sim/authz/index.ts';
import { LITERAL_QUESTION, LITERAL_STAR, unmarkLiterals } from '../../../src/sim/authz/wildcard.ts';
import type { Template } from '../../../src/sim/authz/index.ts';
import { conditionTable } from './table.ts';

const lookup = (values: Record<string, string>) => ({ single: (k: string) => values[k] });

function template(text: string): Template {
  const t = parseTemplate(text);
  if (typeof t === 'string') throw new Error(`no variable in ${text}`);
  return t;
}

describe('policy variable templates', () => {
  it('returns plain text unchanged when there is no variable', () => {
    expect(parseTemplate('arn:aws:s3:::bucket/*')).toBe('arn:aws:s3:::bucket/*');
  });
  it('substitutes keys case-insensitively', () => {
    expect(resolveTemplate(template('home/${AWS:UserName}/*'), lookup({ 'aws:username': 'alice' }))).toBe('home/alice/*');
  });
  it('uses the default when the key has no value (VARS, "Specifying default values")', () => {
    const t = template("${aws:PrincipalTag/team, 'company-wide'}/x");
    expect(resolveTemplate(t, lookup({}))).toBe('company-wide/x');
    expect(resolveTemplate(t, lookup({ 'aws:principaltag/team': 'blue' }))).toBe('blue/x');
  });
  it('resolves to nothing when a key is missing and has no default', () => {
    expect(resolveTemplate(template('home/${aws:username}/*'), lookup({}))).toBeNull();
  });
  it('turns ${*} ${?} ${$} into characters without special meaning', () => {
    expect(parseTemplate('a${*}b${?}c${$}d')).toBe(`a${LITERAL_STAR}b${LITERAL_QUESTION}c$d`);
    expect(unmarkLiterals(resolveTemplate(template('${*}${aws:username}'), lookup({ 'aws:username': 'x' })) ?? '')).toBe('*x');
  });
  it('matches ${*} and ${?} only against a literal * and ? (IAM variables page, "Special characters")', () => {
    const star = parseResourceTemplate('arn:aws:s3:::b/data${*}.csv');
    if (typeof star !== 'string') throw new Error('expected plain text');
    expect(resourceMatches(star, 'arn:aws:s3:::b/data*.csv')).toBe(true);
    expect(resourceMatches(star, 'arn:aws:s3:::b/dataX.csv')).toBe(false);
    const mixed = parseResourceTemplate('arn:aws:s3:::b/*${?}');
    if (typeof mixed !== 'string') throw new Error('expected plain text');
    expect(resourceMatches(mixed, 'arn:aws:s3:::b/any/thing?')).toBe(true);
    expect(resourceMatches(mixed, 'arn:aws:s3:::b/any/thingX')).toBe(false);
  });
  it('keeps an unterminated ${ literally', () => {
    expect(parseTemplate('a${b')).toBe('a${b');
  });
  it('substitutes only in the resource part of an ARN (VARS: not in service, Region or account)', () => {
    expect(parseResourceTemplate('arn:aws:s3:::${aws:username}')).not.toBe('arn:aws:s3:::${aws:username}');
    expect(parseResourceTemplate('arn:aws:iam::${aws:PrincipalAccount}:user/x')).toBe('arn:aws:iam::${aws:PrincipalAccount}:user/x');
  });
});

conditionTable('variables in conditions (missing key: positive false, negated true)', [
  { op: 'StringEquals', key: 'aws:ResourceTag/team', policy: '${aws:PrincipalTag/team}', request: 'blue', expect: true },
  { op: 'StringEquals', key: 'aws:ResourceTag/team', policy: '${aws:PrincipalTag/dept}', request: 'blue', expect: false, detail: '(no value in this request)' },
  { op: 'StringNotEquals', key: 'aws:ResourceTag/team', policy: '${aws:PrincipalTag/dept}', request: 'blue', expect: true },
  { op: 'StringLike', key: 'aws:ResourceTag/team', policy: '${aws:PrincipalTag/dept}*', request: 'blue', expect: false },
  { op: 'StringNotLike', key: 'aws:ResourceTag/team', policy: '${aws:PrincipalTag/dept}*', request: 'blue', expect: true },
  { op: 'StringEquals', key: 'aws:ResourceTag/team', policy: "${aws:PrincipalTag/dept, 'blue'}", request: 'blue', expect: true },
  // Without Version 2012-10-17 the text is literal (IAM Version element page).
  { op: 'StringEquals', key: 'aws:ResourceTag/team', policy: '${aws:PrincipalTag/team}', request: 'blue', variables: false, expect: false },
  { op: 'StringEquals', key: 'aws:ResourceTag/team', policy: '${aws:PrincipalTag/team}', request: '${aws:PrincipalTag/team}', variables: false, expect: true },
  // ${*} and ${?} are literal characters in every operator that takes variables.
  { op: 'StringEquals', policy: 'a${*}', request: 'a*', expect: true },
  { op: 'StringLike', policy: 'a${*}', request: 'ab', expect: false },
  { op: 'StringLike', policy: '*${?}', request: 'why?', expect: true },
  { op: 'StringLike', policy: '*${?}', request: 'why!', expect: false, detail: 'does not match *${?}' },
  { op: 'ArnLike', policy: 'arn:aws:s3:::b${*}', request: 'arn:aws:s3:::bX', expect: false },
  // Multivalued keys cannot be variables.
  { op: 'StringEquals', key: 'aws:ResourceTag/team', policy: '${aws:TagKeys}', context: { 'aws:TagKeys': ['blue'] }, request: 'blue', expect: false },
]);
