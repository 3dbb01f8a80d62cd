import { conditionTable } from './table.ts';

const SRC = 'aws:SourceArn';

conditionTable('ArnEquals / ArnLike / ArnNotEquals / ArnNotLike', [
  { op: 'ArnLike', key: SRC, policy: 'arn:aws:s3:::my-bucket', request: 'arn:aws:s3:::my-bucket', expect: true },
  { op: 'ArnEquals', key: SRC, policy: 'arn:aws:sns:*:111122223333:topic-*', request: 'arn:aws:sns:us-east-1:111122223333:topic-a', expect: true },
  { op: 'ArnEquals', key: SRC, policy: 'arn:aws:sns:*:111122223333:topic-*', request: 'arn:aws:sns:us-east-1:999999999999:topic-a', expect: false },
  // Case-sensitive.
  { op: 'ArnLike', key: SRC, policy: 'arn:aws:iam::111122223333:user/Bob', request: 'arn:aws:iam::111122223333:user/bob', expect: false },
  // The condition-operators page example: ArnLike matches component by component, StringLike
  // lets the first `*` eat colons.
  {
    op: 'ArnLike',
    key: SRC,
    policy: 'arn:aws:someservice:*:111122223333:finance/*',
    request: 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt',
    expect: false,
  },
  {
    op: 'StringLike',
    key: SRC,
    policy: 'arn:aws:someservice:*:111122223333:finance/*',
    request: 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt',
    expect: true,
  },
  { op: 'ArnLike', key: SRC, policy: 'arn:aws:lambda:us-east-1:111122223333:function:f*', request: 'arn:aws:lambda:us-east-1:111122223333:function:fn:alias', expect: true },
  { op: 'ArnLike', key: SRC, policy: 'arn:aws:s3:::b?cket', request: 'arn:aws:s3:::bucket', expect: true },
  // A value that is not an ARN never matches a six-part pattern.
  { op: 'ArnLike', key: SRC, policy: 'arn:aws:s3:::*', request: 'my-bucket', expect: false },
  // "*" alone (fewer than six components) means any ARN.
  { op: 'ArnLike', key: SRC, policy: '*', request: 'arn:aws:s3:::my-bucket', expect: true },
  { op: 'ArnNotEquals', key: 'aws:PrincipalArn', policy: 'arn:aws:iam::111122223333:user/alice', expect: false },
  { op: 'ArnNotLike', key: 'aws:PrincipalArn', policy: ['arn:aws:iam::*:role/admin', 'arn:aws:iam::*:user/bob'], expect: true },
  { op: 'ArnNotLike', key: SRC, policy: 'arn:aws:s3:::*', expect: true },
  { op: 'ArnLike', key: SRC, policy: 'arn:aws:s3:::*', expect: false },
  // Variables are substituted in ARN operators.
  { op: 'ArnEquals', key: 'aws:PrincipalArn', policy: 'arn:aws:iam::111122223333:user/${aws:username}', expect: true },
]);
