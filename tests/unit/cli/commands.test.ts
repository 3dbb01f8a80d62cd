/**
 * Commands against a seeded world: sts, iam, s3 (high level), s3api and ec2, with the
 * service errors printed in the CLI's words.
 */
import { describe, expect, it } from 'vitest';
import { ACCOUNT, BOB_KEY, BOB_SECRET, WITHOUT_ROLE, aliceSession, sh } from './fixtures.ts';

const TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
const READ = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';

function json(text: string): Record<string, unknown> {
  return JSON.parse(text) as Record<string, unknown>;
}

describe('sts', () => {
  it('assume-role returns credentials that work', () => {
    const s = aliceSession();
    const r = json(sh(s, `aws sts assume-role --role-arn arn:aws:iam::${ACCOUNT}:role/Auditor --role-session-name audit`).stdout) as { Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string }; AssumedRoleUser: { Arn: string } };
    expect(r.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/Auditor/audit`);
    sh(s, `export AWS_ACCESS_KEY_ID=${r.Credentials.AccessKeyId} AWS_SECRET_ACCESS_KEY=${r.Credentials.SecretAccessKey} AWS_SESSION_TOKEN=${r.Credentials.SessionToken}`);
    expect(sh(s, 'aws sts get-caller-identity --query Arn --output text').stdout).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/Auditor/audit\n`);
    // The session is read-only: creating a role is denied with IAM's message.
    const denied = sh(s, `aws iam create-role --role-name X --assume-role-policy-document '${TRUST}'`);
    expect(denied.exitCode).toBe(254);
    expect(denied.stderr).toMatch(/^\nAn error occurred \(AccessDenied\) when calling the CreateRole operation: User: arn:aws:sts::111122223333:assumed-role\/Auditor\/audit is not authorized to perform: iam:CreateRole/);
  });

  it('assume-role denied for a user with no permissions', () => {
    const s = aliceSession();
    sh(s, `export AWS_ACCESS_KEY_ID=${BOB_KEY} AWS_SECRET_ACCESS_KEY=${BOB_SECRET}`);
    const r = sh(s, `aws sts assume-role --role-arn arn:aws:iam::${ACCOUNT}:role/Auditor --role-session-name xx`);
    expect(r.exitCode).toBe(254);
    expect(r.stderr).toContain('An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111122223333:user/bob is not authorized to perform: sts:AssumeRole');
  });

  it('get-session-token', () => {
    const r = json(sh(aliceSession(), 'aws sts get-session-token --duration-seconds 900').stdout) as { Credentials: { AccessKeyId: string } };
    expect(r.Credentials.AccessKeyId).toMatch(/^ASIA/);
  });
});

describe('iam', () => {
  it('roles, policies and instance profiles, table-driven', () => {
    const s = aliceSession();
    sh(s, `cat > trust.json <<'EOF'\n${TRUST}\nEOF`.split('\n')[0] ?? '');
    sh(s, TRUST);
    sh(s, 'EOF');
    const steps: [string, number][] = [
      ['aws iam create-role --role-name App --assume-role-policy-document file://trust.json --description "app role"', 0],
      ['aws iam update-assume-role-policy --role-name App --policy-document file://trust.json', 0],
      [`aws iam put-role-policy --role-name App --policy-name read --policy-document '${READ}'`, 0],
      ['aws iam attach-role-policy --role-name App --policy-arn arn:aws:iam::aws:policy/AmazonS3FullAccess', 0],
      [`aws iam create-policy --policy-name Reader --policy-document '${READ}'`, 0],
      [`aws iam create-policy-version --policy-arn arn:aws:iam::${ACCOUNT}:policy/Reader --policy-document '${READ}' --set-as-default`, 0],
      [`aws iam get-policy-version --policy-arn arn:aws:iam::${ACCOUNT}:policy/Reader --version-id v2`, 0],
      ['aws iam create-instance-profile --instance-profile-name App', 0],
      ['aws iam add-role-to-instance-profile --instance-profile-name App --role-name App', 0],
      ['aws iam create-user --user-name carol', 0],
      ['aws iam create-group --group-name devs', 0],
      ['aws iam add-user-to-group --user-name carol --group-name devs', 0],
      ['aws iam attach-user-policy --user-name carol --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess', 0],
      [`aws iam put-user-policy --user-name carol --policy-name read --policy-document '${READ}'`, 0],
      ['aws iam create-access-key --user-name carol', 0],
      ['aws iam delete-role --role-name App', 254],
    ];
    for (const [line, code] of steps) expect([line, sh(s, line).exitCode]).toEqual([line, code]);
    expect(sh(s, 'aws iam list-attached-role-policies --role-name App --query "AttachedPolicies[].PolicyName" --output text').stdout).toBe('AmazonS3FullAccess\n');
    expect(sh(s, 'aws iam get-role-policy --role-name App --policy-name read --query PolicyDocument.Statement[0].Action --output text').stdout).toBe('s3:GetObject\n');
    expect(sh(s, 'aws iam list-access-keys --user-name carol --query "length(AccessKeyMetadata)"').stdout).toBe('1\n');
    expect(sh(s, 'aws iam delete-role --role-name App').stderr).toContain('An error occurred (DeleteConflict) when calling the DeleteRole operation');
  });

  it('simulate-principal-policy and simulate-custom-policy', () => {
    const s = aliceSession();
    expect(sh(s, `aws iam simulate-principal-policy --policy-source-arn arn:aws:iam::${ACCOUNT}:user/alice --action-names s3:GetObject iam:CreateRole --query "EvaluationResults[].EvalDecision" --output text`).stdout).toBe('allowed\tallowed\n');
    expect(sh(s, `aws iam simulate-custom-policy --policy-input-list '${READ}' --action-names s3:PutObject --query "EvaluationResults[0].EvalDecision" --output text`).stdout).toBe('implicitDeny\n');
  });

  it('password policy with boolean flags and --no- forms', () => {
    const s = aliceSession();
    expect(sh(s, 'aws iam update-account-password-policy --minimum-password-length 14 --require-symbols --no-require-numbers').exitCode).toBe(0);
    expect(json(sh(s, 'aws iam get-account-password-policy').stdout)).toMatchObject({ PasswordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: false } });
  });
});

describe('s3', () => {
  it('ls, cp both ways, rm, mb', () => {
    const s = aliceSession();
    expect(sh(s, 'aws s3 ls').stdout).toBe('2026-01-01 09:00:00 rolelab-data\n');
    expect(sh(s, 'aws s3 ls s3://rolelab-data').stdout).toBe('                           PRE logs/\n2026-01-01 09:00:00          6 report.txt\n');
    expect(sh(s, 'aws s3 ls s3://rolelab-data --recursive').stdout).toContain('logs/a.log');
    sh(s, 'echo hi > up.txt');
    expect(sh(s, 'aws s3 cp up.txt s3://rolelab-data/up/').stdout).toBe('upload: up.txt to s3://rolelab-data/up/up.txt\n');
    expect(sh(s, 'aws s3 cp s3://rolelab-data/up/up.txt -').stdout).toBe('hi\n');
    expect(sh(s, 'aws s3 cp s3://rolelab-data/report.txt copy.txt').stdout).toBe('download: s3://rolelab-data/report.txt to copy.txt\n');
    expect(sh(s, 'cat copy.txt').stdout).toBe('hello\n');
    expect(sh(s, 'aws s3 rm s3://rolelab-data/up/up.txt').stdout).toBe('delete: s3://rolelab-data/up/up.txt\n');
    expect(sh(s, 'aws s3 mb s3://fresh-bucket-42').stdout).toBe('make_bucket: fresh-bucket-42\n');
    expect(sh(s, 'aws s3 rb s3://fresh-bucket-42').stdout).toBe('remove_bucket: fresh-bucket-42\n');
    expect(sh(s, 'aws s3 rb s3://rolelab-data')).toMatchObject({ exitCode: 1 });
    expect(sh(s, 'aws s3 cp s3://rolelab-data/missing.txt x').stderr).toBe('fatal error: An error occurred (404) when calling the HeadObject operation: Not Found\n');
  });

  it('access denied in the CLI’s words', () => {
    const s = aliceSession();
    sh(s, `export AWS_ACCESS_KEY_ID=${BOB_KEY} AWS_SECRET_ACCESS_KEY=${BOB_SECRET}`);
    // Same account: S3 names the caller, the action and the policy type (S3 User Guide,
    // "Troubleshoot access denied (403 Forbidden) errors"), the resource ARN in quotes.
    expect(sh(s, 'aws s3 ls s3://rolelab-data')).toMatchObject({ exitCode: 254, stderr: '\nAn error occurred (AccessDenied) when calling the ListObjectsV2 operation: User: arn:aws:iam::111122223333:user/bob is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::rolelab-data" because no identity-based policy allows the s3:ListBucket action\n' });
    expect(sh(s, 'aws s3api get-object --bucket rolelab-data --key report.txt out.txt').stderr).toBe('\nAn error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:iam::111122223333:user/bob is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::rolelab-data/report.txt" because no identity-based policy allows the s3:GetObject action\n');
  });
});

describe('s3api', () => {
  it('get-object writes the outfile; put-object reads --body from a file', () => {
    const s = aliceSession();
    const r = json(sh(s, 'aws s3api get-object --bucket rolelab-data --key report.txt out.txt').stdout);
    expect(r['ContentLength']).toBe(6);
    expect(r['Body']).toBeUndefined();
    expect(sh(s, 'cat out.txt').stdout).toBe('hello\n');
    expect(sh(s, 'aws s3api get-object --bucket rolelab-data --key report.txt').stderr).toContain('the following arguments are required: outfile');
    sh(s, 'echo data > d.txt');
    expect(sh(s, 'aws s3api put-object --bucket rolelab-data --key d.txt --body d.txt').exitCode).toBe(0);
    expect(sh(s, 'aws s3api list-objects-v2 --bucket rolelab-data --prefix d --query "Contents[].Key" --output text').stdout).toBe('d.txt\n');
  });

  it('bucket policies and public access block', () => {
    const s = aliceSession();
    const policy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${ACCOUNT}:user/bob"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::rolelab-data/*"}]}`;
    expect(sh(s, `aws s3api put-bucket-policy --bucket rolelab-data --policy '${policy}'`).exitCode).toBe(0);
    expect(json(sh(s, 'aws s3api get-bucket-policy --bucket rolelab-data').stdout)['Policy']).toContain('s3:GetObject');
    expect(sh(s, 'aws s3api delete-bucket-policy --bucket rolelab-data').exitCode).toBe(0);
    expect(sh(s, 'aws s3api get-bucket-policy --bucket rolelab-data').stderr).toContain('An error occurred (NoSuchBucketPolicy) when calling the GetBucketPolicy operation');
    expect(sh(s, 'aws s3api put-public-access-block --bucket rolelab-data --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true').exitCode).toBe(0);
    expect(sh(s, 'aws s3api get-public-access-block --bucket rolelab-data --query PublicAccessBlockConfiguration.BlockPublicPolicy').stdout).toBe('true\n');
  });
});

describe('ec2', () => {
  it('run-instances with a profile, describe-instances, associate-iam-instance-profile', () => {
    const s = aliceSession();
    const id = sh(s, 'aws ec2 run-instances --image-id ami-0abcdef1234567890 --count 1 --instance-type t3.micro --iam-instance-profile Name=S3Reader --query "Instances[0].InstanceId" --output text').stdout.trim();
    expect(id).toMatch(/^i-[0-9a-f]{17}$/);
    expect(sh(s, `aws ec2 describe-instances --instance-ids ${id} --query "Reservations[0].Instances[0].IamInstanceProfile.Arn" --output text`).stdout).toBe(`arn:aws:iam::${ACCOUNT}:instance-profile/S3Reader\n`);
    expect(sh(s, `aws ec2 associate-iam-instance-profile --instance-id ${WITHOUT_ROLE} --iam-instance-profile Name=S3Reader --query IamInstanceProfileAssociation.State --output text`).stdout).toBe('associating\n');
  });
});
