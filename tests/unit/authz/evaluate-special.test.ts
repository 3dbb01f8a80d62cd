/**
 * Callers and resources with their own rules: the root user, anonymous callers, service
 * principals, KMS key policies, S3 Block Public Access, NotPrincipal, and principal-derived keys.
 */
import { allow, decisionTable, deny, doc } from './table.ts';
import { A, alice, ALICE_ARN, B, BUCKET, carolB, OBJECT, readerSession, ROLE_ARN, ROOT_A, SESSION_ARN, anonymous } from './fixtures.ts';

const get = { action: 's3:GetObject', resource: OBJECT };
const readAll = doc(allow('s3:GetObject', `${BUCKET}/*`));
const publicRead = doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/*` });
const KEY = `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const decrypt = { action: 'kms:Decrypt', resource: KEY };
const enableIam = doc({ Sid: 'EnableIAMPolicies', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' });

decisionTable('the root user', [
  { name: 'full access to its own account without policies', input: { principal: ROOT_A, request: get, policies: {} }, expect: 'Allow', summary: 'root user' },
  { name: 'still subject to an explicit deny in a resource policy', input: { principal: ROOT_A, request: get, policies: { resource: doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: `${BUCKET}/*` }) } }, expect: 'ExplicitDeny', deniedBy: 'resource-based policy' },
  { name: 'not to a KMS key whose policy does not allow it', input: { principal: ROOT_A, request: decrypt, policies: { resource: doc({ Effect: 'Allow', Principal: { AWS: ALICE_ARN }, Action: 'kms:*', Resource: '*' }) } }, expect: 'ImplicitDeny', deniedBy: 'resource-based policy' },
  { name: 'to a KMS key whose policy trusts the account', input: { principal: ROOT_A, request: decrypt, policies: { resource: enableIam } }, expect: 'Allow' },
  { name: 'aws:PrincipalArn of the root user is the root ARN', input: { principal: ROOT_A, request: get, policies: { resource: doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: `${BUCKET}/*`, Condition: { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${A}:root` } } }) } }, expect: 'ExplicitDeny' },
]);

decisionTable('anonymous callers', [
  { name: 'allowed by Principal "*"', input: { principal: anonymous, request: get, policies: { resource: publicRead } }, expect: 'Allow' },
  { name: 'not covered by an account principal', input: { principal: anonymous, request: get, policies: { resource: doc({ Effect: 'Allow', Principal: { AWS: A }, Action: 's3:GetObject', Resource: `${BUCKET}/*` }) } }, expect: 'ImplicitDeny', deniedBy: 'resource-based policy' },
  { name: 'nothing without a resource policy', input: { principal: anonymous, request: get, policies: {} }, expect: 'ImplicitDeny', deniedBy: 'resource-based policy', summary: 'there is no bucket policy' },
  { name: 'identity policies are ignored for anonymous callers', input: { principal: anonymous, request: get, policies: { identity: [readAll] } }, expect: 'ImplicitDeny' },
  {
    name: 'aws:PrincipalType is Anonymous',
    input: { principal: anonymous, request: get, policies: { resource: doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/*`, Condition: { StringEquals: { 'aws:PrincipalType': 'Anonymous' } } }) } },
    expect: 'Allow',
  },
]);

const fn = `arn:aws:lambda:us-east-1:${A}:function:thumbnailer`;
const invokeBySource = doc({
  Effect: 'Allow',
  Principal: { Service: 's3.amazonaws.com' },
  Action: 'lambda:InvokeFunction',
  Resource: fn,
  Condition: { StringEquals: { 'AWS:SourceAccount': A }, ArnLike: { 'AWS:SourceArn': BUCKET } },
});

decisionTable('service principals', [
  { name: 'S3 invokes a function on behalf of the right bucket', input: { principal: { arn: 's3.amazonaws.com' }, request: { action: 'lambda:InvokeFunction', resource: fn, context: { 'aws:SourceArn': BUCKET, 'aws:SourceAccount': A } }, policies: { resource: invokeBySource } }, expect: 'Allow' },
  { name: 'confused deputy: another bucket', input: { principal: { arn: 's3.amazonaws.com' }, request: { action: 'lambda:InvokeFunction', resource: fn, context: { 'aws:SourceArn': 'arn:aws:s3:::evil', 'aws:SourceAccount': B } }, policies: { resource: invokeBySource } }, expect: 'ImplicitDeny', deniedBy: 'resource-based policy' },
  { name: 'no source keys in the request', input: { principal: { arn: 's3.amazonaws.com' }, request: { action: 'lambda:InvokeFunction', resource: fn }, policies: { resource: invokeBySource } }, expect: 'ImplicitDeny' },
  { name: 'service names compare without case', input: { principal: { arn: 'S3.amazonaws.com' }, request: { action: 'lambda:InvokeFunction', resource: fn, context: { 'aws:SourceArn': BUCKET, 'aws:SourceAccount': A } }, policies: { resource: invokeBySource } }, expect: 'Allow' },
]);

decisionTable('KMS key policies must allow', [
  { name: 'key policy enables IAM policies + identity Allow', input: { principal: alice, request: decrypt, policies: { resource: enableIam, identity: [doc(allow('kms:Decrypt', KEY))] } }, expect: 'Allow' },
  { name: 'key policy enables IAM policies, no identity Allow', input: { principal: alice, request: decrypt, policies: { resource: enableIam } }, expect: 'ImplicitDeny', deniedBy: 'identity-based policy' },
  { name: 'identity Allow without key policy permission', input: { principal: alice, request: decrypt, policies: { resource: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:user/admin` }, Action: 'kms:*', Resource: '*' }), identity: [doc(allow('kms:*'))] } }, expect: 'ImplicitDeny', deniedBy: 'resource-based policy', summary: 'key policy' },
  { name: 'no key policy in the case at all', input: { principal: alice, request: decrypt, policies: { identity: [doc(allow('kms:*'))] } }, expect: 'ImplicitDeny', deniedBy: 'resource-based policy' },
  { name: 'key policy names the user directly', input: { principal: alice, request: decrypt, policies: { resource: doc({ Effect: 'Allow', Principal: { AWS: ALICE_ARN }, Action: 'kms:Decrypt', Resource: '*' }) } }, expect: 'Allow' },
  {
    name: 'cross-account: the key policy names the other account + identity Allow there',
    input: { principal: carolB, request: decrypt, policies: { resource: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: 'kms:Decrypt', Resource: '*' }), identity: [doc(allow('kms:Decrypt', KEY))] } },
    expect: 'Allow',
  },
  {
    name: 'cross-account: the key policy does not name the other account',
    input: { principal: carolB, request: decrypt, policies: { resource: enableIam, identity: [doc(allow('kms:Decrypt', KEY))] } },
    expect: 'ImplicitDeny',
    deniedBy: 'resource-based policy',
  },
  { name: 'an IAM Deny still applies', input: { principal: alice, request: decrypt, policies: { resource: doc({ Effect: 'Allow', Principal: { AWS: ALICE_ARN }, Action: 'kms:Decrypt', Resource: '*' }), identity: [doc(deny('kms:*'))] } }, expect: 'ExplicitDeny', deniedBy: 'identity-based policy' },
]);

const bpa = { RestrictPublicBuckets: true };
decisionTable('S3 Block Public Access: RestrictPublicBuckets', [
  { name: 'anonymous access through a public policy is blocked', input: { principal: anonymous, request: get, policies: { resource: publicRead, s3PublicAccessBlock: bpa } }, expect: 'ImplicitDeny', deniedBy: 'resource-based policy', summary: 'Block Public Access' },
  {
    name: 'cross-account access through a public policy is blocked, even for a named account',
    input: { principal: carolB, request: { ...get, resourceAccount: A }, policies: { identity: [readAll], resource: doc(...(publicRead.Statement as Record<string, unknown>[]), { Effect: 'Allow', Principal: { AWS: B }, Action: 's3:GetObject', Resource: `${BUCKET}/*` }), s3PublicAccessBlock: bpa } },
    expect: 'ImplicitDeny',
    deniedBy: 'resource-based policy',
  },
  { name: 'the bucket owner’s own users are not blocked', input: { principal: alice, request: get, policies: { resource: publicRead, s3PublicAccessBlock: bpa } }, expect: 'Allow' },
  { name: 'a non-public policy naming an account is not affected', input: { principal: carolB, request: { ...get, resourceAccount: A }, policies: { identity: [readAll], resource: doc({ Effect: 'Allow', Principal: { AWS: B }, Action: 's3:GetObject', Resource: `${BUCKET}/*` }), s3PublicAccessBlock: bpa } }, expect: 'Allow' },
  {
    name: 'a "*" grant fixed to an organization is not public',
    input: { principal: carolB, request: { ...get, resourceAccount: A, context: { 'aws:PrincipalOrgID': 'o-mine' } }, policies: { identity: [readAll], resource: doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/*`, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-mine' } } }), s3PublicAccessBlock: bpa } },
    expect: 'Allow',
  },
  { name: 'without the setting a public policy works', input: { principal: anonymous, request: get, policies: { resource: publicRead, s3PublicAccessBlock: { RestrictPublicBuckets: false } } }, expect: 'Allow' },
]);

const protectedBucket = (notPrincipal: unknown) =>
  doc({ Effect: 'Allow', Principal: { AWS: A }, Action: 's3:*', Resource: `${BUCKET}/*` }, { Effect: 'Deny', NotPrincipal: notPrincipal, Action: 's3:*', Resource: `${BUCKET}/*` });

decisionTable('NotPrincipal with Deny (NotPrincipal element page)', [
  {
    name: 'the session, its role and the account all listed: not denied',
    input: { principal: readerSession, request: get, policies: { identity: [readAll], resource: protectedBucket({ AWS: [SESSION_ARN, ROLE_ARN, `arn:aws:iam::${A}:root`] }) } },
    expect: 'Allow',
  },
  {
    name: 'only the session listed: the role and account are not, so denied',
    input: { principal: readerSession, request: get, policies: { identity: [readAll], resource: protectedBucket({ AWS: SESSION_ARN }) } },
    expect: 'ExplicitDeny',
    deniedBy: 'resource-based policy',
  },
  { name: 'a user and its account listed (account as a bare id)', input: { principal: alice, request: get, policies: { identity: [readAll], resource: protectedBucket({ AWS: [ALICE_ARN, A] }) } }, expect: 'Allow' },
  { name: 'another user is denied', input: { principal: { arn: `arn:aws:iam::${A}:user/mallory` }, request: get, policies: { identity: [readAll], resource: protectedBucket({ AWS: [ALICE_ARN, A] }) } }, expect: 'ExplicitDeny' },
  {
    name: 'a principal with a permissions boundary is always denied',
    input: { principal: alice, request: get, policies: { identity: [readAll], boundary: readAll, resource: protectedBucket({ AWS: [ALICE_ARN, A] }) } },
    expect: 'ExplicitDeny',
  },
]);

decisionTable('actions that need no permission (STS API reference, GetCallerIdentity)', [
  { name: 'sts:GetCallerIdentity with no policy at all', input: { principal: alice, request: { action: 'sts:GetCallerIdentity', resource: '*' }, policies: {} }, expect: 'Allow', summary: 'needs no permission' },
  {
    name: 'sts:GetCallerIdentity under an explicit Deny of everything ("you can still perform this operation")',
    input: { principal: readerSession, request: { action: 'sts:GetCallerIdentity', resource: '*' }, policies: { identity: [doc(deny('*'))], scp: [doc(allow('*'), deny('sts:*'))] } },
    expect: 'Allow',
    check: (r) => {
      if (r.steps.length !== 1 || r.steps[0]?.step !== 'always-allowed') throw new Error(JSON.stringify(r.steps));
    },
  },
]);

decisionTable('principal-derived context keys', [
  {
    name: 'aws:PrincipalArn of a role session is the role ARN',
    input: { principal: readerSession, request: get, policies: { identity: [doc(allow('s3:GetObject', '*', { Condition: { ArnEquals: { 'aws:PrincipalArn': ROLE_ARN } } }))] } },
    expect: 'Allow',
  },
  {
    name: 'aws:PrincipalTag/* from principal tags, keys without case',
    input: { principal: { ...alice, tags: { Team: 'blue' } }, request: { ...get, context: { 'aws:ResourceTag/team': 'blue' } }, policies: { identity: [doc(allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/TEAM}' } } }))] } },
    expect: 'Allow',
  },
  {
    name: 'aws:userid of a role session is <role id>:<session>',
    input: { principal: { ...readerSession, uniqueId: 'AROAEXAMPLE' }, request: get, policies: { identity: [doc(allow('s3:GetObject', '*', { Condition: { StringLike: { 'aws:userid': 'AROAEXAMPLE:*' } } }))] } },
    expect: 'Allow',
  },
  {
    name: 'a given context key wins over the derived one',
    input: { principal: alice, request: { ...get, context: { 'aws:PrincipalAccount': B } }, policies: { identity: [doc(allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:PrincipalAccount': A } } }))] } },
    expect: 'ImplicitDeny',
  },
  {
    name: 'aws:PrincipalType of an IAM user is User',
    input: { principal: alice, request: get, policies: { identity: [doc(allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:PrincipalType': 'User', 'aws:username': 'alice', 'aws:PrincipalAccount': A } } }))] } },
    expect: 'Allow',
  },
  {
    name: 'MFA idiom: Deny BoolIfExists MultiFactorAuthPresent false denies long-term keys (key absent)',
    input: { principal: alice, request: get, policies: { identity: [readAll, doc(deny('*', '*', { Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }))] } },
    expect: 'ExplicitDeny',
  },
  {
    name: 'MFA idiom: Deny Bool false does not deny long-term keys',
    input: { principal: alice, request: get, policies: { identity: [readAll, doc(deny('*', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }))] } },
    expect: 'Allow',
  },
  {
    name: 'IfExists + Deny + negated operator still denies when the key is absent',
    input: { principal: alice, request: get, policies: { identity: [readAll, doc(deny('*', '*', { Condition: { StringNotEqualsIfExists: { 'aws:SourceVpce': 'vpce-1' } } }))] } },
    expect: 'ExplicitDeny',
  },
]);
