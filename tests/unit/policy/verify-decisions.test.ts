/**
 * Decisions on points where the AWS documentation was unclear, contradictory or changed over
 * time. Each test names the page that decided it; change the test only with a newer page.
 */
import { describe, expect, it } from 'vitest';
import { codes, doc, only, parse, pretty } from './helpers.ts';

describe('SCP syntax (relaxed rules)', () => {
  // AWS Organizations User Guide, "SCP syntax"
  // (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html):
  // the current elements table lists Condition, NotAction, Resource and NotResource with
  // "Allow, Deny"; older versions of the page limited them to Deny. We follow the current page.
  it('accepts Condition, NotAction, Resource and NotResource in Allow statements', () => {
    const scp = doc(
      {
        Effect: 'Allow',
        Action: 's3:*',
        Resource: 'arn:aws:s3:::b/*',
        Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
      },
      { Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:iam::*:role/Admin' },
    );
    expect(parse(scp, 'scp', true).issues).toEqual([]);
  });

  // Same page: Principal and NotPrincipal are not among the elements an SCP can use.
  it('rejects Principal and NotPrincipal', () => {
    const result = parse(
      doc({
        Effect: 'Deny',
        Principal: '*',
        NotPrincipal: { AWS: '123456789012' },
        Action: '*',
        Resource: '*',
      }),
      'scp',
    );
    expect(codes(result)).toEqual(['PRINCIPAL_NOT_ALLOWED', 'PRINCIPAL_NOT_ALLOWED']);
  });

  // Same page, Version element: "Every SCP must include a Version element" with 2012-10-17.
  it('requires Version 2012-10-17', () => {
    expect(
      codes(parse(pretty({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }), 'scp')),
    ).toEqual(['MISSING_VERSION']);
  });
});

describe('policy size counting', () => {
  // SCP and RCP syntax pages, note at the top: "All characters in your SCP count against its
  // maximum size" — white space included. Organizations quotas: 5,120 characters.
  it('counts white space in SCPs', () => {
    const statement = { Effect: 'Deny', Action: ['ec2:RunInstances'], Resource: '*' };
    const compact = JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
    const padded = compact.replace('{', `{${' '.repeat(5120 - compact.length + 1)}`);
    expect(codes(parse(compact, 'scp'))).toEqual([]);
    expect(codes(parse(padded, 'scp'))).toEqual(['POLICY_TOO_LARGE']);
  });

  // IAM API reference, GetAccountSummary: policy size quotas are "in non-whitespace characters";
  // IAM quotas page: managed policies 6,144 characters, role trust policies 2,048.
  it('does not count white space in IAM policies', () => {
    const text = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }).replace(
      '{',
      `{${' '.repeat(10_000)}`,
    );
    expect(codes(parse(text, 'identity'))).toEqual([]);
  });

  it('applies 6,144 to identity policies and boundaries, 2,048 to session and trust policies', () => {
    const resources = Array.from({ length: 200 }, (_, i) => `arn:aws:s3:::bucket-number-${i}/*`);
    const big = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: resources });
    expect(only(parse(big, 'identity'), 'POLICY_TOO_LARGE').message).toContain('6144');
    expect(only(parse(big, 'boundary'), 'POLICY_TOO_LARGE').message).toContain('6144');
    expect(only(parse(big, 'session'), 'POLICY_TOO_LARGE').message).toContain('2048');
    // S3: bucket policies are limited to 20 KB; this one is under it.
    expect(
      codes(
        parse(
          doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: resources }),
          's3-bucket',
        ),
      ),
    ).toEqual([]);
  });
});

describe('resource control policies', () => {
  // AWS Organizations User Guide, "RCP syntax": "The effect of Allow is only supported for the
  // RCPFullAWSAccess policy". The simulator must still represent that managed policy, so exactly
  // its shape (Allow, Principal "*", Action "*", Resource "*", no Condition) is accepted.
  it('accepts RCPFullAWSAccess', () => {
    const full = pretty({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
    });
    expect(parse(full, 'rcp').issues).toEqual([]);
  });

  it('rejects any other Allow statement', () => {
    const conditional = doc({
      Effect: 'Allow',
      Principal: '*',
      Action: '*',
      Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'true' } },
    });
    expect(codes(parse(conditional, 'rcp'))).toEqual(['RCP_ALLOW_NOT_SUPPORTED']);
  });

  // Same page: Principal must be "*" (the condition narrows it); NotAction is not an RCP element.
  it('accepts the documented perimeter pattern', () => {
    const perimeter = doc({
      Effect: 'Deny',
      Principal: '*',
      Action: 'kms:*',
      Resource: '*',
      Condition: {
        StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-exampleorgid' },
        Bool: { 'aws:PrincipalIsAWSService': 'false' },
      },
    });
    expect(parse(perimeter, 'rcp', true).issues).toEqual([]);
  });

  it('requires Principal', () => {
    expect(codes(parse(doc({ Effect: 'Deny', Action: 's3:*', Resource: '*' }), 'rcp'))).toEqual([
      'MISSING_PRINCIPAL',
    ]);
  });
});

describe('NotPrincipal', () => {
  // IAM User Guide, "AWS JSON policy elements: NotPrincipal" (2025): "NotPrincipal must be used
  // with "Effect":"Deny". Using it with "Effect":"Allow" is not supported." The 2023 text only
  // recommended against it; the newer text makes it an error.
  it('is an error with Allow and fine with Deny in resource-based policies', () => {
    const np = { AWS: ['arn:aws:iam::444455556666:root'] };
    expect(
      codes(
        parse(
          doc({
            Effect: 'Allow',
            NotPrincipal: np,
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::b/*',
          }),
          's3-bucket',
        ),
      ),
    ).toEqual(['NOTPRINCIPAL_WITH_ALLOW']);
    expect(
      codes(
        parse(
          doc({ Effect: 'Deny', NotPrincipal: np, Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }),
          's3-bucket',
        ),
      ),
    ).toEqual([]);
  });
});

describe('Id element', () => {
  // IAM User Guide, "IAM JSON policy elements: Id": "ID is allowed in resource-based policies,
  // but not in identity-based policies" — yet the page's own example is identity-shaped (no
  // Principal). We warn instead of failing, since IAM's acceptance is not documented as an error.
  it('warns in identity policies and is silent in resource-based policies', () => {
    const identity = pretty({
      Version: '2012-10-17',
      Id: 'cd3ad3d9-2776-4ef1-a904-4c229d1642ee',
      Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }],
    });
    expect(only(parse(identity), 'ID_NOT_SUPPORTED').severity).toBe('warning');
    const queue = pretty({
      Version: '2012-10-17',
      Id: 'Queue1_Policy_UUID',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: '111122223333' },
          Action: 'sqs:SendMessage',
          Resource: 'arn:aws:sqs:us-east-2:444455556666:queue1',
        },
      ],
    });
    expect(parse(queue, 'sqs-queue').issues).toEqual([]);
  });
});

describe('trust policies', () => {
  // IAM User Guide: "Roles terms and concepts" says a trust policy cannot use "*" as principal,
  // while "AWS JSON policy elements: Principal" says it can be changed to "*" after creation.
  // Decision: valid, with a warning.
  it('accepts Principal "*" with a warning', () => {
    const result = parse(
      doc({
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } },
      }),
      'role-trust',
    );
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([
      ['TRUST_WILDCARD_PRINCIPAL', 'warning'],
    ]);
  });

  // IAM rejects Resource in a trust policy ("Has prohibited field Resource").
  it('rejects Resource', () => {
    expect(
      codes(
        parse(
          doc({
            Effect: 'Allow',
            Principal: { Service: 'ec2.amazonaws.com' },
            Action: 'sts:AssumeRole',
            Resource: '*',
          }),
          'role-trust',
        ),
      ),
    ).toEqual(['RESOURCE_NOT_ALLOWED']);
  });
});

describe('condition values', () => {
  // IAM User Guide, "Condition operators" (2025): policy variables are supported with Bool
  // (the variables page says otherwise; the operators page is newer and more specific).
  it('accepts a variable in Bool', () => {
    expect(
      codes(
        parse(
          doc({
            Effect: 'Allow',
            Action: '*',
            Resource: '*',
            Condition: { Bool: { 'aws:SecureTransport': '${aws:ViaAWSService}' } },
          }),
        ),
      ),
    ).toEqual([]);
  });

  // Same page: "…IfExists (append to any condition operator except the Null condition)".
  it('rejects NullIfExists', () => {
    expect(
      codes(
        parse(
          doc({
            Effect: 'Allow',
            Action: '*',
            Resource: '*',
            Condition: { NullIfExists: { 'aws:TokenIssueTime': 'true' } },
          }),
        ),
      ),
    ).toEqual(['IFEXISTS_ON_NULL']);
  });

  // AWS examples write booleans and numbers as JSON literals ("Bool": {"aws:MultiFactorAuthPresent": true});
  // both are accepted and kept as their text.
  it('accepts JSON booleans and numbers', () => {
    const result = parse(
      doc({
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: {
          Bool: { 'aws:MultiFactorAuthPresent': true },
          NumericGreaterThan: { 'aws:MultiFactorAuthAge': 3600 },
        },
      }),
    );
    expect(result.issues).toEqual([]);
    expect(result.policy?.statements[0]?.conditions.map((c) => c.values[0]?.value)).toEqual([
      'true',
      '3600',
    ]);
  });

  // Operator names are written exactly as the operators page spells them; a wrong case is
  // reported with the right spelling rather than silently accepted.
  it('treats operator names as case-sensitive', () => {
    const issue = only(
      parse(
        doc({
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: { stringequals: { 'aws:username': 'a' } },
        }),
      ),
      'UNKNOWN_CONDITION_OPERATOR',
    );
    expect(issue.message).toContain('Did you mean StringEquals?');
  });
});

describe('policy variables and Version', () => {
  // IAM User Guide, "IAM JSON policy elements: Version": with 2008-10-17 or no Version,
  // ${aws:username} is treated as literal text.
  it('warns that variables are literal without Version 2012-10-17', () => {
    const statement = {
      Effect: 'Allow',
      Action: 's3:*',
      Resource: 'arn:aws:s3:::b/home/${aws:username}/*',
      Condition: { StringLike: { 's3:prefix': 'home/${aws:username}/' } },
    };
    expect(codes(parse(pretty({ Version: '2008-10-17', Statement: [statement] })))).toEqual([
      'VARIABLES_LITERAL',
      'VARIABLES_LITERAL',
    ]);
    expect(codes(parse(pretty({ Statement: [statement] })))).toEqual([
      'VARIABLES_LITERAL',
      'VARIABLES_LITERAL',
    ]);
    expect(codes(parse(pretty({ Version: '2012-10-17', Statement: [statement] })))).toEqual([]);
  });
});
