/**
 * The small shell: variables, files, here-documents, redirection, command substitution,
 * curl against IMDS, hosts (connect/exit), history, help, clear, prompts.
 */
import { describe, expect, it } from 'vitest';
import { createSession, promptOf, runLine, runLines } from './imports.ts';
import { WITH_ROLE, WITHOUT_ROLE, aliceSession, seedWorld, sh } from './fixtures.ts';

describe('shell basics', () => {
  it('export, echo with $VAR and ${VAR}, env, unset', () => {
    const s = aliceSession();
    sh(s, 'export GREETING=hello NAME="the world"');
    expect(sh(s, 'echo $GREETING, ${NAME}!').stdout).toBe('hello, the world!\n');
    expect(sh(s, "echo '$GREETING'").stdout).toBe('$GREETING\n');
    expect(sh(s, 'env').stdout).toContain('GREETING=hello\n');
    sh(s, 'unset GREETING');
    expect(sh(s, 'echo [$GREETING]').stdout).toBe('[]\n');
  });

  it('files: redirection, cat, ls, mkdir, cd, pwd, rm', () => {
    const s = aliceSession();
    sh(s, 'mkdir policies');
    sh(s, 'echo one > policies/a.json');
    sh(s, 'echo two >> policies/a.json');
    expect(sh(s, 'cat policies/a.json').stdout).toBe('one\ntwo\n');
    expect(sh(s, 'ls').stdout).toBe('policies/\n');
    expect(sh(s, 'ls -a').stdout).toBe('.aws/  policies/\n');
    sh(s, 'cd policies');
    expect(sh(s, 'pwd').stdout).toBe('/home/alice/policies\n');
    expect(promptOf(s)).toBe('alice@laptop:~/policies$ ');
    expect(sh(s, 'cat nope.json')).toMatchObject({ exitCode: 1, stderr: 'cat: nope.json: No such file or directory\n' });
    expect(sh(s, 'cd /nowhere').stderr).toBe('bash: cd: /nowhere: No such file or directory\n');
    sh(s, 'rm a.json');
    expect(sh(s, 'ls').stdout).toBe('');
  });

  it('here-documents: quoted delimiters keep $ literal, unquoted expand', () => {
    const s = aliceSession();
    sh(s, 'export BUCKET=rolelab-data');
    expect(runLine(s, "cat > p.json <<'EOF'")).toMatchObject({ continuation: true, stdout: '' });
    expect(promptOf(s)).toBe('> ');
    expect(runLine(s, '{"Resource": "arn:aws:s3:::$BUCKET/*"}').continuation).toBe(true);
    expect(runLine(s, 'EOF').continuation).toBe(false);
    expect(sh(s, 'cat p.json').stdout).toBe('{"Resource": "arn:aws:s3:::$BUCKET/*"}\n');
    runLines(s, 'cat > q.json <<EOF\n{"Resource": "arn:aws:s3:::$BUCKET/*"}\nEOF');
    expect(sh(s, 'cat q.json').stdout).toBe('{"Resource": "arn:aws:s3:::rolelab-data/*"}\n');
  });

  it('here-documents stay in the history with their body, so the history replays them', () => {
    const s = aliceSession();
    for (const line of ["cat > p.json <<'EOF'", '{"a": 1}', 'EOF', 'cat p.json']) runLine(s, line);
    expect(s.history).toEqual(["cat > p.json <<'EOF'", '{"a": 1}', 'EOF', 'cat p.json']);
    const again = aliceSession();
    runLines(again, s.history.join('\n'));
    expect(sh(again, 'cat p.json').stdout).toBe('{"a": 1}\n');
  });

  it('&&, ||, ; and command substitution', () => {
    const s = aliceSession();
    expect(sh(s, 'false && echo no; echo yes').stdout).toBe('yes\n');
    expect(sh(s, 'false || echo fallback').stdout).toBe('fallback\n');
    expect(sh(s, 'ARN=$(aws sts get-caller-identity --query Arn --output text) && echo "I am $ARN"').stdout).toBe('I am arn:aws:iam::111122223333:user/alice\n');
    expect(sh(s, 'echo `echo nested`').stdout).toBe('nested\n');
  });

  it('unknown commands, history, help, clear', () => {
    const s = createSession(seedWorld(), { history: ['aws s3 ls'] });
    expect(sh(s, 'vim x')).toMatchObject({ exitCode: 127, stderr: 'bash: vim: command not found\n' });
    expect(sh(s, 'history').stdout).toBe('    1  aws s3 ls\n    2  vim x\n    3  history\n');
    expect(sh(s, 'help').stdout).toContain('connect INSTANCE-ID');
    expect(sh(s, 'clear').clear).toBe(true);
  });
});

describe('hosts and the metadata service', () => {
  it('connect and exit change the prompt; unknown instances time out', () => {
    const s = aliceSession();
    expect(promptOf(s)).toBe('alice@laptop:~$ ');
    expect(sh(s, `ssh ec2-user@${WITH_ROLE}`).exitCode).toBe(0);
    expect(promptOf(s)).toMatch(/^ec2-user@ip-[\d-]+:~\$ $/);
    expect(sh(s, 'ls -a').stdout).toBe('');
    expect(sh(s, 'exit').stdout).toContain('closed.');
    expect(promptOf(s)).toBe('alice@laptop:~$ ');
    expect(sh(s, 'connect i-00000000000000000')).toMatchObject({ exitCode: 255, stderr: 'ssh: connect to host i-00000000000000000 port 22: Connection timed out\n' });
  });

  it('curl with the IMDSv2 token flow', () => {
    const s = aliceSession();
    sh(s, `connect ${WITH_ROLE}`);
    sh(s, 'TOKEN=$(curl -s -X PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")');
    expect(sh(s, 'echo $TOKEN').stdout).toMatch(/^AQAEA[\w-]{51}\n$/);
    expect(sh(s, 'curl -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/iam/security-credentials/').stdout).toBe('S3Reader');
    const creds = JSON.parse(sh(s, 'curl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/iam/security-credentials/S3Reader').stdout) as { Code: string; AccessKeyId: string };
    expect(creds).toMatchObject({ Code: 'Success' });
    expect(creds.AccessKeyId).toMatch(/^ASIA/);
    expect(sh(s, 'curl -H "X-aws-ec2-metadata-token: bad" http://169.254.169.254/latest/meta-data/').stdout).toBe('Unauthorized');
    expect(sh(s, 'curl -X PUT http://169.254.169.254/latest/api/token').stdout).toBe('Missing or Invalid Parameters');
  });

  it('no role: security-credentials is 404', () => {
    const s = aliceSession();
    sh(s, `connect ${WITHOUT_ROLE}`);
    expect(sh(s, 'curl http://169.254.169.254/latest/meta-data/iam/security-credentials/').stdout).toBe('Not Found');
  });

  it('curl off EC2 and to other hosts fails like curl', () => {
    const s = aliceSession();
    expect(sh(s, 'curl http://169.254.169.254/latest/meta-data/')).toMatchObject({ exitCode: 28 });
    expect(sh(s, 'curl https://example.com')).toMatchObject({ exitCode: 6, stderr: 'curl: (6) Could not resolve host: example.com\n' });
  });
});
