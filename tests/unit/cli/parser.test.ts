/**
 * The command-line parser: the CLI's error texts and exit codes (golden), option forms, and
 * properties: no line ever throws, every failure is a CLI-style message, shorthand round-trips.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession, parseAws, parseShorthand, runLine, toShorthand, kebab, USAGE_FOR_TESTS } from './imports.ts';
import { aliceSession, seedWorld, sh } from './fixtures.ts';

const noFiles = (): undefined => undefined;

describe('CLI errors in the CLI’s own words', () => {
  it('missing required options (exit 252)', () => {
    const r = sh(aliceSession(), 'aws sts assume-role --role-session-name s');
    expect(r.exitCode).toBe(252);
    expect(r.stderr).toBe(`${USAGE_FOR_TESTS}\naws: error: the following arguments are required: --role-arn\n`);
  });

  it('lists every missing option', () => {
    expect(sh(aliceSession(), 'aws sts assume-role').stderr).toContain('aws: error: the following arguments are required: --role-arn, --role-session-name');
  });

  it('unknown options', () => {
    const r = sh(aliceSession(), 'aws iam get-role --role-name a --bogus 1');
    expect(r.exitCode).toBe(252);
    expect(r.stderr).toContain('aws: error: Unknown options: --bogus, 1');
  });

  it('unknown service, with a suggestion', () => {
    const r = sh(aliceSession(), 'aws iamm list-roles');
    expect(r.exitCode).toBe(252);
    expect(r.stderr).toContain('aws: error: argument command: Invalid choice, valid choices are:');
    expect(r.stderr).toContain("Invalid choice: 'iamm', maybe you meant:\n\n  * iam");
  });

  it('unknown operation, with a suggestion', () => {
    const r = sh(aliceSession(), 'aws sts get-caler-identity');
    expect(r.stderr).toContain('aws: error: argument operation: Invalid choice, valid choices are:');
    expect(r.stderr).toContain(`${'assume-role'.padEnd(40)} | ${'assume-role-with-saml'.padEnd(40)}\n`);
    expect(r.stderr).toContain("Invalid choice: 'get-caler-identity', maybe you meant:\n\n  * get-caller-identity");
  });

  it('no suggestion when nothing is close', () => {
    expect(sh(aliceSession(), 'aws sts zzzzzzzzzzzzzz').stderr).not.toContain('maybe you meant');
  });

  it('a missing file:// (exit 252)', () => {
    const r = sh(aliceSession(), 'aws iam create-role --role-name a --assume-role-policy-document file://nope.json');
    expect(r.exitCode).toBe(252);
    expect(r.stderr).toBe("\nError parsing parameter '--assume-role-policy-document': Unable to load paramfile file://nope.json: [Errno 2] No such file or directory: 'nope.json'\n");
  });

  it('invalid JSON for a structure', () => {
    const r = sh(aliceSession(), `aws s3api put-public-access-block --bucket rolelab-data --public-access-block-configuration '{"BlockPublicAcls": tru}'`);
    expect(r.exitCode).toBe(252);
    expect(r.stderr).toMatch(/^\nError parsing parameter '--public-access-block-configuration': Invalid JSON: .*line 1 column \d+ \(char \d+\)\nJSON received: \{"BlockPublicAcls": tru\}\n$/);
  });

  it('bad shorthand shows where it failed', () => {
    const r = sh(aliceSession(), 'aws ec2 associate-iam-instance-profile --instance-id i-0123456789abcdef0 --iam-instance-profile Name');
    expect(r.stderr).toBe("\nError parsing parameter '--iam-instance-profile': Expected: '=', received: 'EOF' for input:\nName\n    ^\n");
  });

  it('a non-integer for an integer option', () => {
    expect(sh(aliceSession(), 'aws sts get-session-token --duration-seconds soon').stderr).toContain("Error parsing parameter '--duration-seconds': invalid literal for int() with base 10: 'soon'");
  });

  it('an option without its value', () => {
    expect(sh(aliceSession(), 'aws iam get-role --role-name').stderr).toContain('aws: error: argument --role-name: expected one argument');
  });

  it('a bad --output', () => {
    expect(sh(aliceSession(), 'aws sts get-caller-identity --output xml').stderr).toContain('aws: error: argument --output: Invalid choice');
  });

  it('a service error (exit 254)', () => {
    const r = sh(aliceSession(), 'aws iam get-role --role-name Nobody');
    expect(r.exitCode).toBe(254);
    expect(r.stderr).toBe('\nAn error occurred (NoSuchEntity) when calling the GetRole operation: The role with name Nobody cannot be found.\n');
  });

  it('aws alone', () => {
    expect(sh(aliceSession(), 'aws').stderr).toContain('aws: error: the following arguments are required: command');
  });
});

describe('option forms', () => {
  it('--option=value, globals anywhere, booleans and --no- forms', () => {
    const p = parseAws(['iam', 'create-policy-version', '--policy-arn=arn:aws:iam::111122223333:policy/p', '--policy-document', '{}', '--no-set-as-default', '--region', 'eu-west-1'], noFiles);
    expect(p).toMatchObject({ kind: 'api', params: { PolicyArn: 'arn:aws:iam::111122223333:policy/p', PolicyDocument: '{}', SetAsDefault: false }, globals: { region: 'eu-west-1' } });
  });

  it('lists: space separated or JSON; a comma is no separator for lists of strings', () => {
    const a = parseAws(['ec2', 'describe-instances', '--instance-ids', 'i-1', 'i-2'], noFiles);
    const b = parseAws(['ec2', 'describe-instances', '--instance-ids', '["i-1","i-2"]'], noFiles);
    for (const p of [a, b]) expect(p).toMatchObject({ params: { InstanceIds: ['i-1', 'i-2'] } });
    expect(parseAws(['ec2', 'describe-instances', '--instance-ids', 'i-1,i-2'], noFiles)).toMatchObject({ params: { InstanceIds: ['i-1,i-2'] } });
    expect(parseAws(['iam', 'simulate-custom-policy', '--action-names', 'a', '--policy-input-list', '{"a":1,"b":2}'], noFiles)).toMatchObject({ params: { PolicyInputList: ['{"a":1,"b":2}'] } });
  });

  it('tags as shorthand structures and as JSON', () => {
    const a = parseAws(['iam', 'tag-role', '--role-name', 'r', '--tags', 'Key=team,Value=blue', 'Key=env,Value=dev'], noFiles);
    const b = parseAws(['iam', 'tag-role', '--role-name', 'r', '--tags', '[{"Key":"team","Value":"blue"},{"Key":"env","Value":"dev"}]'], noFiles);
    for (const p of [a, b]) expect(p).toMatchObject({ params: { Tags: [{ Key: 'team', Value: 'blue' }, { Key: 'env', Value: 'dev' }] } });
  });

  it('nested shorthand', () => {
    const p = parseAws(['ec2', 'run-instances', '--tag-specifications', 'ResourceType=instance,Tags=[{Key=Name,Value=web}]'], noFiles);
    expect(p).toMatchObject({ params: { TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }] } });
  });

  it('context entries become lists where the shape has lists', () => {
    const p = parseAws(['iam', 'simulate-custom-policy', '--policy-input-list', '{}', '--action-names', 's3:GetObject', '--context-entries', 'ContextKeyName=aws:SourceIp,ContextKeyValues=10.0.0.1,ContextKeyType=ip'], noFiles);
    expect(p).toMatchObject({ params: { ContextEntries: [{ ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['10.0.0.1'], ContextKeyType: 'ip' }] } });
  });

  it('--cli-input-json, from text or file://, with options winning', () => {
    const s = aliceSession();
    sh(s, `echo '{"RoleName": "Auditor"}' > in.json`);
    expect(sh(s, 'aws iam get-role --cli-input-json file://in.json --query Role.RoleName --output text').stdout).toBe('Auditor\n');
    expect(sh(s, `aws iam get-role --cli-input-json '{"RoleName": "Nobody"}' --role-name Auditor --query Role.RoleName --output text`).stdout).toBe('Auditor\n');
    expect(sh(s, `aws iam get-role --cli-input-json '{"Bogus": 1}'`).stderr).toContain('Unknown parameter in input: "Bogus", must be one of: RoleName');
  });

  it('--debug is accepted and says where the log is', () => {
    const r = sh(aliceSession(), 'aws sts get-caller-identity --debug --no-cli-pager --query Account --output text');
    expect(r).toMatchObject({ exitCode: 0, stdout: '111122223333\n' });
    expect(r.stderr).toContain('[debug]');
  });

  it('help for every command', () => {
    const s = aliceSession();
    expect(sh(s, 'aws sts assume-role help').stdout).toContain('--role-arn <value>');
    expect(sh(s, 'aws iam help').stdout).toContain('o create-role');
    expect(sh(s, 'aws help').stdout).toContain('o s3api');
    expect(sh(s, 'aws s3 cp help').stdout).toContain('<LocalPath> <S3Uri>');
    expect(sh(s, 'aws s3api get-object help').stdout).toContain('<outfile>');
  });

  it('xform_name like botocore', () => {
    expect(kebab('CreateVirtualMFADevice')).toBe('create-virtual-mfa-device');
    expect(kebab('ListObjectsV2')).toBe('list-objects-v2');
    expect(kebab('AssumeRoleWithSAML')).toBe('assume-role-with-saml');
    expect(kebab('AuthenticationCode1')).toBe('authentication-code1');
    expect(kebab('ClientIDList')).toBe('client-id-list');
  });
});

describe('properties', () => {
  it('runLine never throws and failures are messages', () => {
    const world = seedWorld();
    const words = fc.constantFrom('aws', 'iam', 'sts', 's3', 's3api', 'ec2', 'get-role', 'create-role', 'ls', 'cp', '--role-name', '--query', '--output', 'json', 'text', "'", '"', '$HOME', '$(echo x)', '`', '<<', '>', '&&', ';', '||', 'file://x', '{', '[', 'Key=a,Value=b', 'help', '--no-set-as-default');
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string()), { maxLength: 8 }), (parts) => {
        const session = createSession(world);
        const r = runLine(session, parts.join(' '));
        expect(typeof r.stdout).toBe('string');
        expect(r.stderr).not.toContain('internal error');
      }),
      { numRuns: 300 },
    );
  });

  it('parseAws never throws on any argv', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 6 }), (argv) => {
        const p = parseAws(argv, noFiles);
        if ('exitCode' in p) expect(p.stderr).toMatch(/aws: error: |Error parsing parameter/);
      }),
      { numRuns: 300 },
    );
  });

  it('shorthand round-trips generated maps and lists', () => {
    const key = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/);
    const value = fc.stringMatching(/^[A-Za-z0-9:/._-]{1,12}$/);
    fc.assert(
      fc.property(fc.dictionary(key, fc.oneof(value, fc.array(value, { minLength: 1, maxLength: 3 })), { minKeys: 1, maxKeys: 5 }), (map) => {
        const r = parseShorthand(toShorthand(map));
        expect(r).toEqual({ ok: true, value: map });
      }),
    );
  });

  it('shorthand never throws', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseShorthand(s);
        if (!r.ok) expect(r.message).toMatch(/Expected: '.+', received: /);
      }),
    );
  });
});
