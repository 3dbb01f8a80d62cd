/**
 * The resources part of build.sh: account-level Block Public Access, Lambda functions (a
 * placeholder handler, their permissions and the learner's function policy as add-permission
 * calls), S3 buckets (settings, objects, policy, notifications) and EC2 instances as a MANUAL STEP.
 */
import type { ExportModel } from './model.ts';
import { accountRef, bucketRef, docText, fileSlug, templated } from './model.ts';
import { HOST_ONLY, POLICY_DIR, iamArn, Script, seedRegion, useAccount } from './script.ts';
import { addPermissionArgs, cannotAddComment } from './function-policy.ts';
import { statementIds } from '../../sim/services/lambda/statement-ids.ts';

/** Buckets, functions and instances of every account. */
export function resourcePhase(s: Script, model: ExportModel, current: { n: number }): void {
  const region = seedRegion(model);
  for (const account of model.seed.accounts) {
    const fns = account.functions ?? [];
    const buckets = account.buckets ?? [];
    const instances = account.instances ?? [];
    if (
      fns.length + buckets.length + instances.length === 0 &&
      account.publicAccessBlock === undefined
    )
      continue;
    s.blank();
    s.comment(`== Resources of account ${model.accountIndex.get(account.id)} ==`);
    useAccount(s, model, account.id, current);
    if (account.publicAccessBlock !== undefined) {
      const pab = account.publicAccessBlock;
      s.comment(
        'Account-level Block Public Access (replaces your account setting; cleanup.sh does not restore it).',
      );
      s.aws('s3control', 'put-public-access-block', [
        ['--account-id', accountRef(model, account.id)],
        [
          '--public-access-block-configuration',
          `BlockPublicAcls=${pab.BlockPublicAcls === true},IgnorePublicAcls=${pab.IgnorePublicAcls === true},BlockPublicPolicy=${pab.BlockPublicPolicy === true},RestrictPublicBuckets=${pab.RestrictPublicBuckets === true}`,
        ],
      ]);
    }
    if (fns.length > 0) {
      s.comment(
        'Lambda functions. Rolelab runs a declarative handler; the real function gets a tiny placeholder that\nreturns an empty result, which is enough to test who may invoke it and what its role may do.\nIAM is eventually consistent: give a new role a few seconds before Lambda can assume it.',
      );
      s.raw(`sleep 10  ${HOST_ONLY}`);
    }
    for (const f of fns) {
      const runtime = f.runtime ?? 'nodejs22.x';
      const python = runtime.startsWith('python');
      const zip = `${POLICY_DIR}/${fileSlug('function', f.name)}.zip`;
      if (python)
        s.raw(
          `printf '%s\\n' 'def handler(event, context):' '    return {}' > ${POLICY_DIR}/index.py  ${HOST_ONLY}`,
        );
      else
        s.raw(
          `printf '%s\\n' 'export const handler = async () => ({});' > ${POLICY_DIR}/index.mjs  ${HOST_ONLY}`,
        );
      s.raw(
        `(cd ${POLICY_DIR} && zip -q ${zip.slice(POLICY_DIR.length + 1)} ${python ? 'index.py' : 'index.mjs'})  ${HOST_ONLY}`,
      );
      const roleArn = f.role.startsWith('arn:')
        ? templated(model, f.role)
        : iamArn(
            model,
            account.id,
            `role/${(account.roles ?? []).find((r) => r.name === f.role)?.path?.slice(1) ?? ''}${f.role}`,
          );
      const args: (readonly [string, string] | string)[] = [
        ['--function-name', f.name],
        ['--runtime', runtime],
        ['--role', roleArn],
        ['--handler', 'index.handler'],
        ['--zip-file', `fileb://${zip}`],
        ['--region', f.region ?? region],
      ];
      if (f.description !== undefined) args.push(['--description', f.description]);
      if (f.environment !== undefined && Object.keys(f.environment).length > 0)
        args.push(['--environment', JSON.stringify({ Variables: f.environment })]);
      s.aws('lambda', 'create-function', args);
      for (const p of f.permissions ?? []) {
        const pa: (readonly [string, string])[] = [
          ['--function-name', f.name],
          ['--statement-id', p.sid],
          ['--action', p.action ?? 'lambda:InvokeFunction'],
          ['--principal', templated(model, p.principal)],
        ];
        if (p.sourceArn !== undefined) pa.push(['--source-arn', templated(model, p.sourceArn)]);
        if (p.sourceAccount !== undefined)
          pa.push(['--source-account', accountRef(model, p.sourceAccount)]);
        if (p.principalOrgId !== undefined) pa.push(['--principal-org-id', p.principalOrgId]);
        pa.push(['--region', f.region ?? region]);
        s.aws('lambda', 'add-permission', pa);
      }
      for (const lp of model.lambdaPolicies.filter(
        (x) => x.account === account.id && x.functionName === f.name,
      )) {
        s.comment(
          'Your function policy, one add-permission per statement (the Lambda API has no "put policy").',
        );
        let doc: { Statement?: unknown };
        try {
          doc = JSON.parse(lp.text) as { Statement?: unknown };
        } catch {
          s.comment(
            'MANUAL STEP: your function policy is not valid JSON, so it could not be turned into commands.',
          );
          continue;
        }
        const list = (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]) as Record<
          string,
          unknown
        >[];
        const ids = statementIds(list);
        list.forEach((st, i) => {
          const args2 = addPermissionArgs({ Sid: ids[i], ...st }, (t) => templated(model, t));
          if (typeof args2 === 'string') s.comment(cannotAddComment(i + 1, args2, st));
          else
            s.aws('lambda', 'add-permission', [
              ['--function-name', f.name],
              ...args2,
              ['--region', f.region ?? region],
            ]);
        });
      }
    }
    for (const b of buckets) {
      const bRegion = b.region ?? region;
      const args: (readonly [string, string] | string)[] = [
        ['--bucket', bucketRef(b.name)],
        ['--region', bRegion],
      ];
      if (bRegion !== 'us-east-1')
        args.push(['--create-bucket-configuration', `LocationConstraint=${bRegion}`]);
      s.aws('s3api', 'create-bucket', args);
      if (b.publicAccessBlock === false)
        s.aws('s3api', 'delete-public-access-block', [['--bucket', bucketRef(b.name)]]);
      else if (b.publicAccessBlock !== undefined) {
        const p = b.publicAccessBlock;
        s.aws('s3api', 'put-public-access-block', [
          ['--bucket', bucketRef(b.name)],
          [
            '--public-access-block-configuration',
            `BlockPublicAcls=${p.BlockPublicAcls === true},IgnorePublicAcls=${p.IgnorePublicAcls === true},BlockPublicPolicy=${p.BlockPublicPolicy === true},RestrictPublicBuckets=${p.RestrictPublicBuckets === true}`,
          ],
        ]);
      }
      if (b.objectOwnership !== undefined && b.objectOwnership !== 'BucketOwnerEnforced')
        s.aws('s3api', 'put-bucket-ownership-controls', [
          ['--bucket', bucketRef(b.name)],
          ['--ownership-controls', `Rules=[{ObjectOwnership=${b.objectOwnership}}]`],
        ]);
      for (const [key, body] of Object.entries(b.objects ?? {})) {
        const file = s
          .policyFile(`object-${b.name}-${key}`, body, model, 'txt')
          .replace(/^file:\/\//, '');
        s.aws('s3api', 'put-object', [
          ['--bucket', bucketRef(b.name)],
          ['--key', key],
          ['--body', file],
        ]);
      }
      if (b.policy !== undefined)
        s.aws('s3api', 'put-bucket-policy', [
          ['--bucket', bucketRef(b.name)],
          ['--policy', s.policyFile(`bucket-${b.name}-policy`, docText(b.policy), model)],
        ]);
      if (b.lambdaNotifications !== undefined && b.lambdaNotifications.length > 0) {
        const config = {
          LambdaFunctionConfigurations: b.lambdaNotifications.map((n) => {
            const arn = n.function.startsWith('arn:')
              ? n.function
              : `arn:aws:lambda:${bRegion}:${account.id}:function:${n.function}`;
            const rules = [
              ...(n.prefix === undefined ? [] : [{ Name: 'prefix', Value: n.prefix }]),
              ...(n.suffix === undefined ? [] : [{ Name: 'suffix', Value: n.suffix }]),
            ];
            return {
              LambdaFunctionArn: arn,
              Events: n.events ?? ['s3:ObjectCreated:*'],
              ...(rules.length === 0 ? {} : { Filter: { Key: { FilterRules: rules } } }),
            };
          }),
        };
        s.aws('s3api', 'put-bucket-notification-configuration', [
          ['--bucket', bucketRef(b.name)],
          [
            '--notification-configuration',
            s.policyFile(`bucket-${b.name}-notifications`, JSON.stringify(config, null, 2), model),
          ],
        ]);
      }
    }
    for (const i of instances) {
      const opts = [
        `HttpTokens=${i.httpTokens ?? 'optional'}`,
        `HttpEndpoint=${i.httpEndpoint ?? 'enabled'}`,
        `HttpPutResponseHopLimit=${i.hopLimit ?? 1}`,
      ];
      s.comment(
        `MANUAL STEP: the simulated EC2 instance ${i.id ?? ''} is not launched here (it costs money and needs an AMI,\na subnet and a key of yours). To try it, launch one with the same instance profile and metadata options:\n  aws ec2 run-instances --image-id <an AMI of ${i.region ?? region}> --instance-type ${i.instanceType ?? 't3.micro'}${i.instanceProfile === undefined ? '' : ` --iam-instance-profile Name=${i.instanceProfile}`} --metadata-options ${opts.join(',')} --region ${i.region ?? region}\nand terminate it when done: aws ec2 terminate-instances --instance-ids <id>`,
      );
    }
  }
}
