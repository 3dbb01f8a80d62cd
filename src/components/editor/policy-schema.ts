/**
 * A JSON Schema of the IAM policy grammar. The editor completes element names, Effect and
 * Version values from it, and it documents the grammar for tools that read JSON Schema.
 * Validation is not done from this schema: the simulator's parser reports every issue with
 * IAM's own rules and exact ranges.
 */
import { OPERATORS } from '../../sim/policy/index.ts';

const stringOrList = (description: string) => ({
  description,
  anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
});

/** The object form of Principal. */
export const principalMapSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    AWS: stringOrList('Account ids, account root ARNs, or ARNs of users, roles, role sessions or federated users.'),
    Service: stringOrList('Service principals such as ec2.amazonaws.com or lambda.amazonaws.com.'),
    Federated: stringOrList('A SAML or OIDC provider ARN, or a web identity provider such as accounts.google.com.'),
    CanonicalUser: stringOrList('An S3 canonical user id.'),
  },
};

const principal = {
  description:
    'Who the statement is about (resource-based and trust policies only): "*" or an object keyed by AWS, Service, Federated or CanonicalUser.',
  anyOf: [{ const: '*' }, principalMapSchema],
};

const operatorNames = Object.keys(OPERATORS).flatMap((op) => (op === 'Null' ? [op] : [op, `${op}IfExists`]));
const conditionBlock = {
  type: 'object',
  description: 'Conditions that must all be true for the statement to apply: { "Operator": { "condition-key": value(s) } }.',
  propertyNames: {
    anyOf: [{ enum: operatorNames }, { pattern: '^For(All|Any)Values?:' }],
  },
  additionalProperties: { type: 'object', additionalProperties: stringOrList('One value, or a list of values (any may match).') },
};

/** One statement. */
export const statementSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['Effect'],
  properties: {
    Sid: { type: 'string', description: 'An optional label for the statement, unique within the policy.' },
    Effect: { enum: ['Allow', 'Deny'] as const, description: 'Allow or Deny (case sensitive). A matching Deny always wins.' },
    Principal: principal,
    NotPrincipal: { ...principal, description: 'Everyone except these principals. Only with Deny; prefer Principal "*" with an ArnNotEquals condition.' },
    Action: stringOrList('The actions, as service:Operation; * and ? are wildcards, case does not matter.'),
    NotAction: stringOrList('Every action except these. With Allow this grants a lot: use with care.'),
    Resource: stringOrList('The resources, as ARNs; * and ? are wildcards, case matters.'),
    NotResource: stringOrList('Every resource except these.'),
    Condition: conditionBlock,
  },
};

/** The schema object registered with Monaco. */
export const policySchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  required: ['Statement'],
  properties: {
    Version: { enum: ['2012-10-17', '2008-10-17'] as const, description: 'Use 2012-10-17: policy variables only work with it.' },
    Id: { type: 'string', description: 'An optional identifier of the policy.' },
    Statement: {
      description: 'One statement, or a list of statements.',
      anyOf: [statementSchema, { type: 'array', items: statementSchema }],
    },
  },
};
