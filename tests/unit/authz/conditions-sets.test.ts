import { conditionTable } from './table.ts';

const TAGS = 'aws:TagKeys';

// IAM "Multivalued context key examples": a Deny with ForAllValues:StringNotLike "key1*".
conditionTable('ForAllValues (documented table: Deny ForAllValues:StringNotLike key1*)', [
  { op: 'ForAllValues:StringNotLike', key: TAGS, policy: 'key1*', request: ['key1'], expect: false },
  { op: 'ForAllValues:StringNotLike', key: TAGS, policy: 'key1*', request: ['key1', 'key1b'], expect: false },
  { op: 'ForAllValues:StringNotLike', key: TAGS, policy: 'key1*', request: ['key2'], expect: true },
  // "It also returns true if there are no keys in the request" (single- vs multivalued keys page).
  { op: 'ForAllValues:StringNotLike', key: TAGS, policy: 'key1*', expect: true, detail: 'is not in the request' },
  { op: 'ForAllValues:StringNotLike', key: TAGS, policy: 'key1*', request: [], expect: true, detail: 'has no values' },
  { op: 'ForAllValues:StringEquals', key: TAGS, policy: ['a', 'b'], request: ['a', 'b'], expect: true },
  { op: 'ForAllValues:StringEquals', key: TAGS, policy: ['a', 'b'], request: ['a', 'c'], expect: false, detail: 'aws:TagKeys c does not equal any of a, b' },
  { op: 'ForAllValues:StringEquals', key: TAGS, policy: ['a', 'b'], expect: true },
]);

// Same page: Deny with ForAnyValue:StringEquals "webserver".
conditionTable('ForAnyValue (documented table: Deny ForAnyValue:StringEquals webserver)', [
  { op: 'ForAnyValue:StringEquals', key: TAGS, policy: 'webserver', request: ['webserver'], expect: true },
  { op: 'ForAnyValue:StringEquals', key: TAGS, policy: 'webserver', request: ['environment', 'webserver', 'test'], expect: true },
  { op: 'ForAnyValue:StringEquals', key: TAGS, policy: 'webserver', request: ['environment', 'test'], expect: false },
  { op: 'ForAnyValue:StringEquals', key: TAGS, policy: 'webserver', expect: false },
  { op: 'ForAnyValue:StringEquals', key: TAGS, policy: 'webserver', request: [], expect: false },
  // Negated under ForAnyValue: at least one request value matches none of the policy values.
  { op: 'ForAnyValue:StringNotEquals', key: TAGS, policy: ['a', 'b'], request: ['a', 'z'], expect: true },
  { op: 'ForAnyValue:StringNotEquals', key: TAGS, policy: ['a', 'b'], request: ['a', 'b'], expect: false },
]);

conditionTable('set operators with IfExists and with single-valued keys', [
  // [VERIFY] decided: IfExists does not rescue ForAnyValue on an absent key. The single- vs
  // multivalued keys page says ForAnyValue "returns false" when the key is absent, and a
  // re:Post report (repost.aws/questions/QU9HFmDzP0QGuU-fd7rS6B7w) shows
  // ForAnyValue:StringEqualsIfExists on an absent aws:TagKeys denying ListQueues.
  { op: 'ForAnyValue:StringEqualsIfExists', key: TAGS, policy: 'team', expect: false },
  { op: 'ForAllValues:StringEqualsIfExists', key: TAGS, policy: 'team', expect: true },
  // [VERIFY] decided: a set operator on a single-valued key treats the value as a one-element
  // set (the page warns against the combination but does not define it; this is the reading
  // under which its "overly permissive" warning holds).
  { op: 'ForAnyValue:StringEquals', key: 'aws:RequestTag/team', policy: 'blue', request: 'blue', expect: true },
  { op: 'ForAllValues:StringEquals', key: 'aws:RequestTag/team', policy: 'blue', request: 'red', expect: false },
  // "…or if the key values resolve to a null data set, such as an empty string".
  { op: 'ForAllValues:StringEquals', key: 'aws:RequestTag/team', policy: 'blue', request: '', expect: true },
  { op: 'ForAnyValue:StringEquals', key: 'aws:RequestTag/team', policy: 'blue', request: '', expect: false },
]);

conditionTable('multivalued key without a set operator (judgement: compared as a set)', [
  { op: 'StringEquals', key: TAGS, policy: 'a', request: ['a', 'b'], expect: true },
  { op: 'StringEquals', key: TAGS, policy: 'c', request: ['a', 'b'], expect: false },
  { op: 'StringNotEquals', key: TAGS, policy: 'a', request: ['a', 'b'], expect: false },
  { op: 'StringNotEquals', key: TAGS, policy: 'c', request: ['a', 'b'], expect: true },
  { op: 'StringEquals', key: TAGS, policy: 'c', request: [], expect: false },
  { op: 'StringNotEquals', key: TAGS, policy: 'c', request: [], expect: true },
]);
