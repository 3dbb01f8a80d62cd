/**
 * A function-policy statement as `aws lambda add-permission` arguments: the Lambda API has no
 * "put policy", so both an exercise's function policy (build-resources.ts) and a Playground edit
 * (components/playground/export.ts) are set one statement at a time. Imports nothing heavy: the
 * Playground's runtime chunk loads it without the generator.
 */

/**
 * The add-permission arguments of one function-policy statement, or why it has none. `template`
 * turns a value that may hold simulator account ids or bucket names into the script's.
 */
export function addPermissionArgs(
  st: Record<string, unknown>,
  template: (text: string) => string,
): (readonly [string, string])[] | string {
  const principal = st['Principal'];
  let who: string | undefined;
  if (principal === '*') who = '*';
  else if (typeof principal === 'object' && principal !== null) {
    const p = principal as Record<string, unknown>;
    const keys = Object.keys(p);
    const value = p[keys[0] ?? ''];
    if (keys.length === 1 && typeof value === 'string') who = value;
  }
  if (who === undefined) return 'its Principal is not one service, account, ARN or "*"';
  if (st['Effect'] !== 'Allow') return 'add-permission only adds Allow statements';
  const action =
    Array.isArray(st['Action']) && st['Action'].length === 1 ? st['Action'][0] : st['Action'];
  if (typeof action !== 'string' || action.includes('*'))
    return 'add-permission takes exactly one action, without wildcards';
  const args: (readonly [string, string])[] = [
    ['--statement-id', typeof st['Sid'] === 'string' ? st['Sid'] : 'rolelab'],
    ['--action', action],
    ['--principal', template(who)],
  ];
  const cond = (st['Condition'] ?? {}) as Record<string, Record<string, unknown>>;
  for (const [op, block] of Object.entries(cond)) {
    for (const [key, raw] of Object.entries(block)) {
      const value = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
      if (typeof value !== 'string') return `its condition ${op} ${key} has several values`;
      const k = key.toLowerCase();
      if (k === 'aws:sourcearn' && (op === 'ArnLike' || op === 'ArnEquals'))
        args.push(['--source-arn', template(value)]);
      else if (k === 'aws:sourceaccount' && op === 'StringEquals')
        args.push(['--source-account', template(value)]);
      else if (k === 'aws:principalorgid' && op === 'StringEquals')
        args.push(['--principal-org-id', value]);
      else if (k === 'lambda:functionurlauthtype' && op === 'StringEquals' && (value === 'NONE' || value === 'AWS_IAM'))
        args.push(['--function-url-auth-type', value]);
      else return `add-permission cannot express the condition ${op} ${key}`;
    }
  }
  return args;
}

/** The MANUAL STEP comment for statement `n` (from 1) that add-permission cannot add, and why. */
export function cannotAddComment(n: number, why: string, st: unknown): string {
  return `MANUAL STEP: statement ${n} cannot be added with add-permission (${why}):\n${JSON.stringify(st, null, 2)}`;
}
