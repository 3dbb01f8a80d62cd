/**
 * The seed guide's walkthrough, typed as CLI lines: give an EC2 instance a role that reads S3,
 * connect to it (the guide uses PuTTY), and list buckets with no keys on the instance. An
 * instance launched without a profile has no credentials at all.
 */
import { describe, expect, it } from 'vitest';
import { createSession, promptOf, runLine } from '../../src/sim/cli/index.ts';
import { createWorld } from '../../src/sim/index.ts';

const ACCOUNT = '111122223333';

function run(session: ReturnType<typeof createSession>, line: string): { stdout: string; stderr: string; exitCode: number } {
  return runLine(session, line);
}

describe('seed guide: an EC2 instance reads S3 through a role', () => {
  const world = createWorld({
    accounts: [
      {
        id: ACCOUNT,
        users: [{ name: 'admin', managedPolicies: ['AdministratorAccess'], accessKeys: [{ accessKeyId: 'AKIAADMIN00000000001', secretAccessKey: 'x'.repeat(40) }] }],
        buckets: [{ name: 'guide-photos', objects: { 'cat.jpg': 'meow' } }],
      },
    ],
  });
  const session = createSession(world, { user: 'admin', credentials: { accessKeyId: 'AKIAADMIN00000000001', secretAccessKey: 'x'.repeat(40) } });
  const ok = (line: string): string => {
    const r = run(session, line);
    expect({ line, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ line, stderr: '', exitCode: 0 });
    return r.stdout;
  };

  it('writes the trust policy with a here-document', () => {
    for (const line of ["cat > ec2-trust.json <<'EOF'", '{', '  "Version": "2012-10-17",', '  "Statement": [{', '    "Effect": "Allow",', '    "Principal": { "Service": "ec2.amazonaws.com" },', '    "Action": "sts:AssumeRole"', '  }]', '}', 'EOF']) run(session, line);
    expect(JSON.parse(ok('cat ec2-trust.json'))).toMatchObject({ Statement: [{ Principal: { Service: 'ec2.amazonaws.com' } }] });
  });

  it('creates the role, attaches AmazonS3FullAccess, wraps it in an instance profile', () => {
    expect(ok('aws iam create-role --role-name S3Access --assume-role-policy-document file://ec2-trust.json --query Role.Arn --output text')).toBe(`arn:aws:iam::${ACCOUNT}:role/S3Access\n`);
    ok('aws iam attach-role-policy --role-name S3Access --policy-arn arn:aws:iam::aws:policy/AmazonS3FullAccess');
    ok('aws iam create-instance-profile --instance-profile-name S3Access');
    ok('aws iam add-role-to-instance-profile --instance-profile-name S3Access --role-name S3Access');
    expect(ok('aws iam get-instance-profile --instance-profile-name S3Access --query "InstanceProfile.Roles[0].RoleName" --output text')).toBe('S3Access\n');
  });

  let withRole = '';
  let withoutRole = '';
  it('launches one instance with the profile and one without', () => {
    withRole = ok('aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --iam-instance-profile Name=S3Access --query "Instances[0].InstanceId" --output text').trim();
    withoutRole = ok('aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --query "Instances[0].InstanceId" --output text').trim();
    expect(withRole).toMatch(/^i-/);
  });

  it('on the instance with the role, aws s3 ls works with no keys', () => {
    ok(`connect ${withRole}`);
    expect(promptOf(session)).toMatch(/^ec2-user@/);
    expect(ok('ls -a ~')).toBe('');
    expect(ok('env')).not.toContain('AWS_ACCESS_KEY_ID');
    expect(ok('aws s3 ls')).toBe('2026-01-01 09:00:00 guide-photos\n');
    expect(ok('aws s3 cp s3://guide-photos/cat.jpg -')).toBe('meow');
    expect(ok('aws sts get-caller-identity --query Arn --output text')).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/S3Access/${withRole}\n`);
    // The calls were made with instance-profile credentials, as CloudTrail shows.
    expect(world.events.at(-1)?.userIdentity.sessionContext?.ec2RoleDelivery).toBe('2.0');
    ok('exit');
  });

  it('on the instance without a profile: Unable to locate credentials', () => {
    ok(`connect ${withoutRole}`);
    expect(run(session, 'aws s3 ls')).toEqual({ stdout: '', stderr: '\nUnable to locate credentials. You can configure credentials by running "aws configure".\n', exitCode: 253, continuation: false });
    ok('exit');
  });

  it('attaching the profile later fixes it, as the guide says for running instances', () => {
    ok(`aws ec2 associate-iam-instance-profile --instance-id ${withoutRole} --iam-instance-profile Name=S3Access`);
    ok(`connect ${withoutRole}`);
    expect(ok('aws s3 ls')).toContain('guide-photos');
  });
});
