/**
 * EC2 instances and instance-profile associations against the spec (§19).
 * Sources: EC2 API Reference RunInstances / AssociateIamInstanceProfile /
 * ModifyInstanceMetadataOptions (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html);
 * EC2 User Guide, "IAM roles for Amazon EC2" (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html):
 * launching or associating with a role needs iam:PassRole.
 */
import { describe, expect, it } from 'vitest';
import { restore, snapshot } from '../../../src/sim/world/index.ts';
import { callAws } from '../../../src/sim/services/index.ts';
import { caller, codeOf, DEV, expectOk, KEYS } from './fixtures.ts';
import { ec2World, SEEDED } from './ec2-fixtures.ts';

type Launch = { ReservationId: string; OwnerId: string; Instances: { InstanceId: string; State: { Name: string }; IamInstanceProfile?: { Arn: string }; MetadataOptions: { HttpTokens: string } }[] };

describe('RunInstances', () => {
  it('launches with an instance profile by name or ARN and shows it in DescribeInstances', () => {
    const world = ec2World();
    const call = caller(world);
    const r = expectOk<Launch>(call(KEYS.admin, 'ec2', 'RunInstances', { ImageId: 'ami-0123456789abcdef0', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, IamInstanceProfile: { Name: 'S3Reader' }, MetadataOptions: { HttpTokens: 'required' } }));
    const launched = r.Instances[0];
    expect(launched?.InstanceId).toMatch(/^i-[0-9a-f]{17}$/);
    expect(r.ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
    expect(launched).toMatchObject({ State: { Name: 'pending' }, IamInstanceProfile: { Arn: `arn:aws:iam::${DEV}:instance-profile/S3Reader` }, MetadataOptions: { HttpTokens: 'required' } });
    const byArn = expectOk<Launch>(call(KEYS.admin, 'ec2', 'RunInstances', { ImageId: 'ami-0123456789abcdef0', IamInstanceProfile: { Arn: `arn:aws:iam::${DEV}:instance-profile/AdminProfile` } }));
    expect(byArn.Instances[0]?.IamInstanceProfile?.Arn).toBe(`arn:aws:iam::${DEV}:instance-profile/AdminProfile`);
    const d = expectOk<{ Reservations: { Instances: { InstanceId: string; State: { Name: string; Code: number }; PublicIpAddress: string }[] }[] }>(
      call(KEYS.admin, 'ec2', 'DescribeInstances', { InstanceIds: [launched?.InstanceId ?? ''] }),
    );
    expect(d.Reservations[0]?.Instances[0]).toMatchObject({ State: { Name: 'running', Code: 16 }, PublicIpAddress: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/) });
    const all = expectOk<{ Reservations: unknown[] }>(call(KEYS.admin, 'ec2', 'DescribeInstances'));
    expect(all.Reservations).toHaveLength(3);
    const tagged = expectOk<{ Reservations: { Instances: { InstanceId: string }[] }[] }>(call(KEYS.admin, 'ec2', 'DescribeInstances', { Filters: [{ Name: 'tag:Name', Values: ['web'] }] }));
    expect(tagged.Reservations.flatMap((x) => x.Instances.map((i) => i.InstanceId))).toEqual([SEEDED]);
  });

  it('checks iam:PassRole (with iam:PassedToService) for the profile’s role, as UnauthorizedOperation', () => {
    const world = ec2World();
    const call = caller(world);
    expect(call(KEYS.bob, 'ec2', 'RunInstances', { ImageId: 'ami-0123456789abcdef0' }).ok).toBe(true);
    const r = call(KEYS.bob, 'ec2', 'RunInstances', { ImageId: 'ami-0123456789abcdef0', IamInstanceProfile: { Name: 'S3Reader' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'UnauthorizedOperation', httpStatus: 403 } });
    if (!r.ok) expect(r.error.message).toMatch(/^You are not authorized to perform this operation\. .*iam:PassRole/);
    expect(call(KEYS.carol, 'ec2', 'RunInstances', { ImageId: 'ami-0123456789abcdef0', IamInstanceProfile: { Name: 'S3Reader' } }).ok).toBe(true);
    expect(codeOf(call(KEYS.carol, 'ec2', 'RunInstances', { ImageId: 'ami-0123456789abcdef0', IamInstanceProfile: { Name: 'AdminProfile' } }))).toBe('UnauthorizedOperation');
    expect(codeOf(call(KEYS.alice, 'ec2', 'RunInstances', { ImageId: 'ami-0123456789abcdef0' }))).toBe('UnauthorizedOperation');
    // Tags on launch reach the request context as aws:RequestTag/… (a tag-on-create rule).
    const tagRule = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*', Condition: { Null: { 'aws:RequestTag/team': 'true' } } }] });
    expectOk(call(KEYS.admin, 'iam', 'PutUserPolicy', { UserName: 'bob', PolicyName: 'tags', PolicyDocument: tagRule }));
    expect(codeOf(call(KEYS.bob, 'ec2', 'RunInstances', { ImageId: 'ami-0123456789abcdef0' }))).toBe('UnauthorizedOperation');
    const tagged = expectOk<Launch>(call(KEYS.bob, 'ec2', 'RunInstances', { ImageId: 'ami-0123456789abcdef0', TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'team', Value: 'blue' }] }] }));
    expect(world.ec2.instances[tagged.Instances[0]?.InstanceId ?? '']?.tags).toEqual([{ Key: 'team', Value: 'blue' }]);
    // A refused launch leaves no instance behind (3 launched above, plus the seeded one).
    expect(Object.keys(world.ec2.instances)).toHaveLength(4);
  });

  it('answers bad parameters with EC2’s error codes', () => {
    const world = ec2World();
    const call = caller(world);
    expect(call(KEYS.admin, 'ec2', 'RunInstances', { ImageId: 'ami-0123456789abcdef0', IamInstanceProfile: { Name: 'Nope' } })).toMatchObject({
      error: { code: 'InvalidParameterValue', message: 'Value (Nope) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name' },
    });
    expect(codeOf(call(KEYS.admin, 'ec2', 'RunInstances', { ImageId: 'not-an-ami' }))).toBe('InvalidParameterValue');
    expect(codeOf(call(KEYS.admin, 'ec2', 'RunInstances', { ImageId: 'ami-0123456789abcdef0', MetadataOptions: { HttpTokens: 'maybe' } }))).toBe('InvalidParameterValue');
    expect(codeOf(call(KEYS.admin, 'ec2', 'DescribeInstances', { InstanceIds: ['i-0000000000000000f'] }))).toBe('InvalidInstanceID.NotFound');
    expect(codeOf(call(KEYS.admin, 'ec2', 'DescribeInstances', { InstanceIds: ['web'] }))).toBe('InvalidInstanceID.Malformed');
    expect(codeOf(call(null, 'ec2', 'DescribeInstances'))).toBe('MissingAuthenticationToken');
    expect(call(KEYS.admin, 'ec2', 'DescribeInstances', { Filters: [{ Name: 'colour', Values: ['red'] }] })).toMatchObject({ error: { code: 'InvalidParameterValue', message: "The filter 'colour' is invalid" } });
    // Authorization comes before existence: without permission, a missing instance is not revealed.
    expect(codeOf(call(KEYS.alice, 'ec2', 'ModifyInstanceMetadataOptions', { InstanceId: 'i-0000000000000000f', HttpTokens: 'required' }))).toBe('UnauthorizedOperation');
    expect(codeOf(call(KEYS.admin, 'ec2', 'ModifyInstanceMetadataOptions', { InstanceId: 'i-0000000000000000f', HttpTokens: 'required' }))).toBe('InvalidInstanceID.NotFound');
    // Instances are regional: the seeded instance is not in eu-west-1.
    expect(codeOf(callAws(world, KEYS.admin, 'ec2', 'DescribeInstances', { InstanceIds: [SEEDED] }, { region: 'eu-west-1' }))).toBe('InvalidInstanceID.NotFound');
  });
});

describe('instance-profile associations and metadata options', () => {
  it('associates, replaces and disassociates, one association per instance', () => {
    const world = ec2World();
    const call = caller(world);
    const bare = expectOk<Launch>(call(KEYS.admin, 'ec2', 'RunInstances', { ImageId: 'ami-0123456789abcdef0' })).Instances[0]?.InstanceId ?? '';
    const a = expectOk<{ IamInstanceProfileAssociation: { AssociationId: string; State: string } }>(call(KEYS.admin, 'ec2', 'AssociateIamInstanceProfile', { InstanceId: bare, IamInstanceProfile: { Name: 'S3Reader' } }));
    expect(a.IamInstanceProfileAssociation).toMatchObject({ AssociationId: expect.stringMatching(/^iip-assoc-[0-9a-f]{17}$/), State: 'associating' });
    expect(call(KEYS.admin, 'ec2', 'AssociateIamInstanceProfile', { InstanceId: bare, IamInstanceProfile: { Name: 'AdminProfile' } })).toMatchObject({ error: { code: 'IncorrectState', message: `There is an existing association for instance ${bare}` } });
    expect(codeOf(call(KEYS.bob, 'ec2', 'ReplaceIamInstanceProfileAssociation', { AssociationId: a.IamInstanceProfileAssociation.AssociationId, IamInstanceProfile: { Name: 'AdminProfile' } }))).toBe('UnauthorizedOperation');
    const r = expectOk<{ IamInstanceProfileAssociation: { AssociationId: string; IamInstanceProfile: { Arn: string } } }>(
      call(KEYS.admin, 'ec2', 'ReplaceIamInstanceProfileAssociation', { AssociationId: a.IamInstanceProfileAssociation.AssociationId, IamInstanceProfile: { Name: 'AdminProfile' } }),
    );
    expect(r.IamInstanceProfileAssociation.IamInstanceProfile.Arn).toBe(`arn:aws:iam::${DEV}:instance-profile/AdminProfile`);
    expect(codeOf(call(KEYS.admin, 'ec2', 'DisassociateIamInstanceProfile', { AssociationId: a.IamInstanceProfileAssociation.AssociationId }))).toBe('InvalidAssociationID.NotFound');
    expect(expectOk(call(KEYS.admin, 'ec2', 'DisassociateIamInstanceProfile', { AssociationId: r.IamInstanceProfileAssociation.AssociationId }))).toMatchObject({ IamInstanceProfileAssociation: { State: 'disassociating' } });
    expect(world.ec2.instances[bare]?.profile).toBeNull();
    const list = expectOk<{ IamInstanceProfileAssociations: unknown[] }>(call(KEYS.admin, 'ec2', 'DescribeIamInstanceProfileAssociations'));
    expect(list.IamInstanceProfileAssociations).toHaveLength(1);
  });

  it('modifies metadata options with ec2:Metadata* condition keys', () => {
    const world = ec2World();
    const call = caller(world);
    expect(expectOk(call(KEYS.admin, 'ec2', 'ModifyInstanceMetadataOptions', { InstanceId: SEEDED, HttpTokens: 'optional', HttpPutResponseHopLimit: 2 }))).toMatchObject({
      InstanceId: SEEDED,
      InstanceMetadataOptions: { State: 'pending', HttpTokens: 'optional', HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled' },
    });
    expect(codeOf(call(KEYS.admin, 'ec2', 'ModifyInstanceMetadataOptions', { InstanceId: SEEDED, HttpPutResponseHopLimit: 65 }))).toBe('InvalidParameterValue');
    const requireV2 = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'ec2:ModifyInstanceMetadataOptions', Resource: '*', Condition: { StringNotEquals: { 'ec2:MetadataHttpTokens': 'required' } } }] });
    expectOk(call(KEYS.admin, 'iam', 'PutUserPolicy', { UserName: 'carol', PolicyName: 'v2only', PolicyDocument: requireV2 }));
    expect(codeOf(call(KEYS.carol, 'ec2', 'ModifyInstanceMetadataOptions', { InstanceId: SEEDED, HttpTokens: 'optional' }))).toBe('UnauthorizedOperation');
    expect(call(KEYS.carol, 'ec2', 'ModifyInstanceMetadataOptions', { InstanceId: SEEDED, HttpTokens: 'required' }).ok).toBe(true);
    expect(world.ec2.instances[SEEDED]?.metadataOptions).toEqual({ HttpTokens: 'required', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 2 });
  });

  it('terminates instances, and snapshots with instances round-trip byte for byte', () => {
    const world = ec2World();
    const call = caller(world);
    expect(expectOk(call(KEYS.admin, 'ec2', 'TerminateInstances', { InstanceIds: [SEEDED] }))).toEqual({ TerminatingInstances: [{ InstanceId: SEEDED, PreviousState: { Code: 16, Name: 'running' }, CurrentState: { Code: 32, Name: 'shutting-down' } }] });
    expect(world.ec2.instances[SEEDED]?.state).toBe('terminated');
    const text = snapshot(world);
    expect(snapshot(restore(text))).toBe(text);
    expect(world.events.every((e) => e.eventSource === 'ec2.amazonaws.com')).toBe(true);
  });
});

// Service Authorization Reference for Amazon EC2: TerminateInstances supports aws:ResourceTag/${TagKey}
// and ec2:ResourceTag/${TagKey} on the instance resource.
describe('tag conditions on instance actions', () => {
  it('lets a team terminate only the instances tagged for it', async () => {
    const { createWorld } = await import('../../../src/sim/world/index.ts');
    const ACCT = '123456789012';
    const world = createWorld({
      accounts: [
        {
          id: ACCT,
          users: [
            {
              name: 'blue-ops',
              accessKeys: [{ accessKeyId: 'AKIABLUEOPSBLUEOPS01', secretAccessKey: 'x'.repeat(40) }],
              inlinePolicies: {
                'own-instances': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:TerminateInstances', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' } } }] },
              },
            },
          ],
          instances: [
            { id: 'i-0aaaaaaaaaaaaaaa1', tags: { team: 'blue' } },
            { id: 'i-0bbbbbbbbbbbbbbb2', tags: { team: 'red' } },
          ],
        },
      ],
    });
    const key = { accessKeyId: 'AKIABLUEOPSBLUEOPS01' };
    expect(codeOf(callAws(world, key, 'ec2', 'TerminateInstances', { InstanceIds: ['i-0bbbbbbbbbbbbbbb2'] }))).toBe('UnauthorizedOperation');
    expect(callAws(world, key, 'ec2', 'TerminateInstances', { InstanceIds: ['i-0aaaaaaaaaaaaaaa1'] }).ok).toBe(true);
  });
});
