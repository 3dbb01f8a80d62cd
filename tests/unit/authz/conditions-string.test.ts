import { conditionTable } from './table.ts';

conditionTable('StringEquals / StringNotEquals (case-sensitive, literal *)', [
  { op: 'StringEquals', policy: 'blue', request: 'blue', expect: true },
  { op: 'StringEquals', policy: 'blue', request: 'Blue', expect: false, detail: 'test:Key Blue does not equal blue' },
  { op: 'StringEquals', policy: ['red', 'blue'], request: 'blue', expect: true, detail: 'equals blue' },
  { op: 'StringEquals', policy: 'b*', request: 'blue', expect: false },
  { op: 'StringEquals', policy: 'b*', request: 'b*', expect: true },
  { op: 'StringEquals', policy: 'blue', expect: false, detail: 'is not in the request' },
  { op: 'StringEquals', policy: '', request: '', expect: true },
  { op: 'StringNotEquals', policy: 'blue', request: 'red', expect: true },
  { op: 'StringNotEquals', policy: 'blue', request: 'blue', expect: false, detail: 'so StringNotEquals does not hold' },
  // Multiple values under a negated operator are a NOR (IAM "multiple context keys or values").
  { op: 'StringNotEquals', policy: ['red', 'blue'], request: 'blue', expect: false },
  { op: 'StringNotEquals', policy: ['red', 'blue'], request: 'green', expect: true },
  // Missing key: negated operators are true (condition-operators page, "Important").
  { op: 'StringNotEquals', policy: 'blue', expect: true },
]);

conditionTable('StringEqualsIgnoreCase / StringNotEqualsIgnoreCase', [
  { op: 'StringEqualsIgnoreCase', policy: 'Blue', request: 'bLUE', expect: true },
  { op: 'StringEqualsIgnoreCase', policy: 'Blue', request: 'blues', expect: false },
  { op: 'StringNotEqualsIgnoreCase', policy: 'Blue', request: 'BLUE', expect: false },
  { op: 'StringNotEqualsIgnoreCase', policy: 'Blue', request: 'red', expect: true },
  { op: 'StringNotEqualsIgnoreCase', policy: 'Blue', expect: true },
]);

conditionTable('StringLike / StringNotLike (case-sensitive glob)', [
  { op: 'StringLike', policy: 'home/${aws:username}/*', key: 's3:prefix', request: 'home/alice/docs', expect: true },
  { op: 'StringLike', policy: 'home/*', key: 's3:prefix', request: 'Home/alice', expect: false },
  { op: 'StringLike', policy: 'a?c', request: 'abc', expect: true },
  { op: 'StringLike', policy: 'a?c', request: 'ac', expect: false },
  { op: 'StringLike', policy: '*', request: '', expect: true },
  { op: 'StringLike', policy: 'x:*', request: 'x:y:z/w', expect: true },
  { op: 'StringLike', policy: ['a*', 'b*'], request: 'bee', expect: true },
  { op: 'StringNotLike', policy: ['a*', 'b*'], request: 'bee', expect: false },
  { op: 'StringNotLike', policy: ['a*', 'b*'], request: 'cat', expect: true },
  { op: 'StringNotLike', policy: 'a*', expect: true },
  { op: 'StringLike', policy: 'a*', expect: false },
]);

conditionTable('…IfExists on string operators', [
  { op: 'StringEqualsIfExists', policy: 'blue', expect: true, detail: 'so StringEqualsIfExists holds' },
  { op: 'StringEqualsIfExists', policy: 'blue', request: 'red', expect: false },
  { op: 'StringEqualsIfExists', policy: 'blue', request: 'blue', expect: true },
  { op: 'StringNotEqualsIfExists', policy: 'o-123', expect: true },
  { op: 'StringNotEqualsIfExists', policy: 'o-123', request: 'o-123', expect: false },
  { op: 'StringLikeIfExists', policy: 'a*', request: 'b', expect: false },
]);

conditionTable('condition keys are case-insensitive', [
  { op: 'StringEquals', key: 'AWS:SourceVpc', policy: 'vpc-1', context: { 'aws:sourcevpc': 'vpc-1' }, expect: true },
  { op: 'StringEquals', key: 'aws:sourcevpc', policy: 'vpc-1', context: { 'AWS:SOURCEVPC': 'vpc-1' }, expect: true },
  // …but values are not.
  { op: 'StringEquals', key: 'aws:SourceVpc', policy: 'VPC-1', context: { 'aws:SourceVpc': 'vpc-1' }, expect: false },
]);
