/**
 * The console lab's rules: the trust policy the IAM console writes, the wizard's checks, the
 * calls Create role and Launch instance make, and that those calls change the simulated world
 * the way the lesson says (the same world the CLI sees).
 */
import { describe, expect, it } from 'vitest';
import { AWS_MANAGED_POLICIES, callAws, createWorld, parsePolicy } from '../../../src/sim/index.ts';
import { CONSOLE_ACCESS_KEY, CONSOLE_SEED } from '../../../src/components/console/seed.ts';
import {
  USE_CASES,
  cliEquivalent,
  consoleTrustPolicy,
  createRoleCalls,
  descriptionProblem,
  filterPolicies,
  instanceNameProblem,
  launchCall,
  modifyRoleCalls,
  roleNameProblem,
  useCaseById,
} from '../../../src/components/console/wizard.ts';
import type { UseCase } from '../../../src/components/console/wizard.ts';

const ec2 = useCaseById('ec2') as UseCase;
const lambda = useCaseById('lambda') as UseCase;
const admin = { accessKeyId: CONSOLE_ACCESS_KEY };

describe('the generated trust policy', () => {
  it('is the console’s text for EC2, four-space indented with one-element lists', () => {
    expect(consoleTrustPolicy(ec2)).toBe(
      [
        '{',
        '    "Version": "2012-10-17",',
        '    "Statement": [',
        '        {',
        '            "Effect": "Allow",',
        '            "Action": [',
        '                "sts:AssumeRole"',
        '            ],',
        '            "Principal": {',
        '                "Service": [',
        '                    "ec2.amazonaws.com"',
        '                ]',
        '            }',
        '        }',
        '    ]',
        '}',
      ].join('\n'),
    );
  });

  it('names the chosen service and is a valid trust policy for every use case', () => {
    for (const u of USE_CASES) {
      const text = consoleTrustPolicy(u);
      expect(text).toContain(`"${u.principal}"`);
      const parsed = parsePolicy(text, 'role-trust');
      expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
    }
    expect(consoleTrustPolicy(lambda)).not.toContain('ec2.amazonaws.com');
  });
});

describe('the wizard’s checks', () => {
  it('accepts good role names and refuses empty, long, odd-character and duplicate ones', () => {
    expect(roleNameProblem('S3ReadForWebApp')).toBeUndefined();
    expect(roleNameProblem('a+b=c,d.e@f_g-h')).toBeUndefined();
    expect(roleNameProblem('')).toMatch(/Enter a role name/);
    expect(roleNameProblem('x'.repeat(64))).toBeUndefined();
    expect(roleNameProblem('x'.repeat(65))).toMatch(/up to 64 characters; this one has 65/);
    expect(roleNameProblem('web app')).toMatch(/a space/);
    expect(roleNameProblem('web/app')).toMatch(/“\/”/);
    expect(roleNameProblem('WebApp', ['webapp'])).toMatch(/already exists.*regardless of case/);
  });

  it('accepts the default descriptions and refuses long or non-Latin-1 text', () => {
    for (const u of USE_CASES) expect(descriptionProblem(u.description)).toBeUndefined();
    expect(descriptionProblem('')).toBeUndefined();
    expect(descriptionProblem('x'.repeat(1001))).toMatch(/up to 1000/);
    expect(descriptionProblem('reads photos 📷')).toMatch(/cannot contain/);
    expect(instanceNameProblem('web-1')).toBeUndefined();
    expect(instanceNameProblem('x'.repeat(257))).toMatch(/256/);
  });

  it('filters the managed-policy catalog by every word, case-insensitively', () => {
    const catalog = Object.values(AWS_MANAGED_POLICIES);
    expect(filterPolicies(catalog, 's3').map((p) => p.policyName)).toEqual([
      'AmazonS3FullAccess',
      'AmazonS3ReadOnlyAccess',
    ]);
    expect(filterPolicies(catalog, 'S3 read').map((p) => p.policyName)).toEqual([
      'AmazonS3ReadOnlyAccess',
    ]);
    expect(filterPolicies(catalog, '')).toHaveLength(catalog.length);
    expect(filterPolicies(catalog, 'no-such-policy')).toEqual([]);
  });
});

describe('Create role', () => {
  const draft = {
    useCase: ec2,
    policyArns: ['arn:aws:iam::aws:policy/AmazonS3FullAccess'],
    name: 'S3AccessRole',
    description: ec2.description,
  };

  it('makes the console’s calls: an EC2 role gets a same-named instance profile, a Lambda role does not', () => {
    expect(createRoleCalls(draft).map((c) => c.operation)).toEqual([
      'CreateRole',
      'AttachRolePolicy',
      'CreateInstanceProfile',
      'AddRoleToInstanceProfile',
    ]);
    expect(
      createRoleCalls({ ...draft, useCase: lambda, policyArns: [] }).map((c) => c.operation),
    ).toEqual(['CreateRole']);
    expect(createRoleCalls({ ...draft, description: '' })[0]?.params).not.toHaveProperty(
      'Description',
    );
  });

  it('changes the world the CLI sees: the role, its policy and its instance profile, and EC2 may assume it', () => {
    const world = createWorld(CONSOLE_SEED);
    for (const c of createRoleCalls(draft))
      expect(callAws(world, admin, c.service, c.operation, c.params).ok).toBe(true);
    const profile = callAws(world, admin, 'iam', 'GetInstanceProfile', {
      InstanceProfileName: 'S3AccessRole',
    });
    expect(profile.ok && JSON.stringify(profile.result)).toContain('"RoleName":"S3AccessRole"');
    const policies = callAws(world, admin, 'iam', 'ListAttachedRolePolicies', {
      RoleName: 'S3AccessRole',
    });
    expect(policies.ok && JSON.stringify(policies.result)).toContain('AmazonS3FullAccess');

    const launch = launchCall({
      name: 'web',
      imageId: 'ami-0abcdef1234567890',
      instanceType: 't3.micro',
      instanceProfile: 'S3AccessRole',
      httpTokens: 'required',
    });
    const run = callAws(world, admin, launch.service, launch.operation, launch.params);
    expect(run.ok).toBe(true);
    const instance = Object.values(world.ec2.instances)[0];
    expect(instance?.profile?.instanceProfileArn).toBe(
      'arn:aws:iam::111122223333:instance-profile/S3AccessRole',
    );
    expect(instance?.metadataOptions.HttpTokens).toBe('required');
    expect(instance?.tags).toEqual([{ Key: 'Name', Value: 'web' }]);
  });

  it('stops with AWS’s error when the name is taken', () => {
    const world = createWorld(CONSOLE_SEED);
    const [create] = createRoleCalls(draft);
    if (create === undefined) throw new Error('no CreateRole call');
    expect(callAws(world, admin, create.service, create.operation, create.params).ok).toBe(true);
    const again = callAws(world, admin, create.service, create.operation, create.params);
    expect(again.ok ? '' : again.error.code).toBe('EntityAlreadyExists');
  });

  it('shows each call as the AWS CLI command that does the same', () => {
    const cli = createRoleCalls(draft).map(cliEquivalent);
    expect(cli[0]).toMatch(
      /^aws iam create-role --role-name S3AccessRole --assume-role-policy-document file:\/\/trust-policy\.json/,
    );
    expect(cli[3]).toBe(
      'aws iam add-role-to-instance-profile --instance-profile-name S3AccessRole --role-name S3AccessRole',
    );
    const launch = launchCall({
      name: "Bob's box",
      imageId: 'ami-0abcdef1234567890',
      instanceType: 't2.micro',
      instanceProfile: '',
      httpTokens: 'optional',
    });
    expect(cliEquivalent(launch)).not.toContain('--iam-instance-profile');
    expect(cliEquivalent(launch)).toContain('HttpTokens=optional');
    expect(cliEquivalent(launch)).toContain("Value=Bob'\\''s box}]'");
    expect(launch.params).not.toHaveProperty('IamInstanceProfile');
  });
});

describe('Modify IAM role', () => {
  const I = 'i-0123456789abcdef0';
  const A = 'iip-assoc-0123456789abcdef0';

  it('associates, replaces, disassociates, or does nothing, as the EC2 console does', () => {
    expect(modifyRoleCalls(I, undefined, undefined, 'WebRole')).toEqual([
      {
        service: 'ec2',
        operation: 'AssociateIamInstanceProfile',
        params: { InstanceId: I, IamInstanceProfile: { Name: 'WebRole' } },
      },
    ]);
    expect(modifyRoleCalls(I, A, 'WebRole', 'ReportsRole')).toEqual([
      {
        service: 'ec2',
        operation: 'ReplaceIamInstanceProfileAssociation',
        params: { AssociationId: A, IamInstanceProfile: { Name: 'ReportsRole' } },
      },
    ]);
    expect(modifyRoleCalls(I, A, 'WebRole', '')).toEqual([
      { service: 'ec2', operation: 'DisassociateIamInstanceProfile', params: { AssociationId: A } },
    ]);
    expect(modifyRoleCalls(I, A, 'WebRole', 'WebRole')).toEqual([]);
    expect(modifyRoleCalls(I, undefined, undefined, '')).toEqual([]);
  });

  it('shows them as the CLI commands of the lesson', () => {
    const [replace] = modifyRoleCalls(I, A, 'WebRole', 'ReportsRole');
    if (replace === undefined) throw new Error('no call');
    expect(cliEquivalent(replace)).toBe(
      `aws ec2 replace-iam-instance-profile-association --association-id ${A} --iam-instance-profile Name=ReportsRole`,
    );
    const [associate] = modifyRoleCalls(I, undefined, undefined, 'WebRole');
    if (associate === undefined) throw new Error('no call');
    expect(cliEquivalent(associate)).toBe(
      `aws ec2 associate-iam-instance-profile --instance-id ${I} --iam-instance-profile Name=WebRole`,
    );
  });
});
