/**
 * Turning a check's actor into credentials in the world.
 *
 * - user: the root user of its account creates a fresh access key for it (CreateAccessKey), so
 *   the user's own policies decide — as when alice signs with her keys. With `mfa`, the key
 *   then calls GetSessionToken with the code of the user's MFA device, and the check signs with
 *   that session (aws:MultiFactorAuthPresent true).
 * - role with `via: {service}`: the service assumes the role through `assumeRoleAsService`,
 *   so the role's (possibly learner-written) trust policy must let it.
 * - role with `via: {user}`: that user's fresh key calls sts:AssumeRole, so both the user's
 *   identity policy and the trust policy must allow it (with `mfa`, the AssumeRole call carries
 *   the user's MFA device serial and current code; when the exercise has a session policy for
 *   the role, the call passes it as `Policy`).
 * - role without `via`: the grader asks for a session as EC2 would, after trusting EC2 for that
 *   one moment and restoring the role's trust policy straight after. The check then tests what
 *   the role may do, whatever its trust says; trust is tested by checks of their own.
 * - root: `{ root: accountId }`; anonymous: null credentials.
 * - service: no credentials; the grader runs its AssumeRole through `assumeRoleAsService`.
 */
// callAws alone, not the services barrel: the barrel loads every service (see prepareGrading).
import { callAws } from '../sim/services/call.ts';
import { actorTool } from './actor-tools.ts';
import type { AuthorizeResult, AwsError, Credentials, World } from '../sim/index.ts';
import { explainCall, explainServiceAssume } from './explain.ts';
import { accountFor } from './install.ts';
import type { Actor } from './schema.ts';

/** The session name the grader's role sessions get (shows in ARNs and explanations). */
export const GRADER_SESSION = 'rolelab-check';

/** A trust policy that lets EC2 in, used for the moment the grader takes a session. */
const EC2_TRUST =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';

/** Credentials for an actor, or why there are none (with the decision that refused the session, when there was one). */
export type ActorCredentials =
  | { ok: true; credentials: Credentials }
  | { ok: false; reason: string; error?: AwsError; explanation?: AuthorizeResult };

/** Adds the decision behind a refused session to a failure. */
function withExplanation(
  failure: ActorCredentials & { ok: false },
  explanation: AuthorizeResult | undefined,
): ActorCredentials {
  return explanation === undefined ? failure : { ...failure, explanation };
}

/**
 * Session policies the exercise passes, by `account/role`: a user assuming that role sends the
 * text as the inline `Policy` of sts:AssumeRole.
 */
export type SessionPolicies = ReadonlyMap<string, string>;

/** Long-term keys already taken, by `account/user`: a user has at most two keys. */
export type KeyRing = Map<string, ActorCredentials>;

/**
 * A long-term key of the user: a fresh one created by its account's root user, or — when the
 * user already holds the two keys IAM allows — one of its active keys from the world.
 */
function userKey(world: World, account: string, user: string, ring: KeyRing): ActorCredentials {
  const cached = ring.get(`${account}/${user}`);
  if (cached !== undefined) return cached;
  const r = callAws(world, { root: account }, 'iam', 'CreateAccessKey', { UserName: user });
  let out: ActorCredentials;
  if (r.ok) {
    const key = (r.result as { AccessKey: { AccessKeyId: string; SecretAccessKey: string } })
      .AccessKey;
    out = {
      ok: true,
      credentials: { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey },
    };
  } else {
    const existing = world.accounts[account]?.iam.users[user]?.accessKeys.find(
      (k) => k.status === 'Active',
    );
    out =
      existing === undefined
        ? {
            ok: false,
            reason: `Could not create an access key for ${user}: ${r.error.message}`,
            error: r.error,
          }
        : {
            ok: true,
            credentials: {
              accessKeyId: existing.accessKeyId,
              secretAccessKey: existing.secretAccessKey,
            },
          };
  }
  ring.set(`${account}/${user}`, out);
  return out;
}

/** SerialNumber and TokenCode of the user's first MFA device, as a signed-in user would type them. */
function mfaParams(
  world: World,
  account: string,
  user: string,
): { SerialNumber: string; TokenCode: string } | undefined {
  const serial = world.accounts[account]?.iam.users[user]?.mfaDevices[0];
  const view = serial === undefined ? undefined : actorTool('authenticatorCode')(world, serial);
  return view === undefined ? undefined : { SerialNumber: view.serialNumber, TokenCode: view.code };
}

/** A user's GetSessionToken session signed in with MFA. */
function mfaSession(
  world: World,
  account: string,
  user: string,
  key: Credentials,
): ActorCredentials {
  const mfa = mfaParams(world, account, user);
  if (mfa === undefined)
    return {
      ok: false,
      reason: `${user} has no MFA device (give the user "mfa": true in the world).`,
    };
  const r = callAws(world, key, 'sts', 'GetSessionToken', mfa);
  if (!r.ok)
    return {
      ok: false,
      reason: `${user} could not sign in with MFA: ${r.error.message}`,
      error: r.error,
    };
  return {
    ok: true,
    credentials: sessionCredentials(
      (r.result as { Credentials: Record<string, string> }).Credentials,
    ),
  };
}

/** Session credentials from an AssumeRole answer. */
function sessionCredentials(c: Record<string, string>): Credentials {
  const accessKeyId = c['AccessKeyId'] ?? '';
  const out: { accessKeyId: string; secretAccessKey?: string; sessionToken?: string } = {
    accessKeyId,
  };
  if (c['SecretAccessKey'] !== undefined) out.secretAccessKey = c['SecretAccessKey'];
  if (c['SessionToken'] !== undefined) out.sessionToken = c['SessionToken'];
  return out;
}

/** A session of a role whatever its trust policy says (see the module comment). */
function directSession(world: World, account: string, roleName: string): ActorCredentials {
  const role = world.accounts[account]?.iam.roles[roleName];
  if (role === undefined)
    return { ok: false, reason: `There is no role ${roleName} in account ${account}.` };
  const trust = role.assumeRolePolicyDocument;
  role.assumeRolePolicyDocument = EC2_TRUST;
  const r = actorTool('assumeRoleAsService')(world, {
    service: 'ec2.amazonaws.com',
    roleArn: role.arn,
    sessionName: GRADER_SESSION,
  });
  role.assumeRolePolicyDocument = trust;
  if (!r.ok)
    return {
      ok: false,
      reason: `Could not take a session of ${roleName}: ${r.error.message}`,
      error: r.error,
    };
  return { ok: true, credentials: sessionCredentials(r.result.credentials) };
}

/**
 * Resolves an actor to credentials in `world` (which it may change: keys, sessions, events).
 * Pass the same `ring` for every actor of one grading so a user's key is created once.
 */
export function actorCredentials(
  world: World,
  actor: Exclude<Actor, { service: string }>,
  ring: KeyRing = new Map(),
  sessionPolicies: SessionPolicies = new Map(),
): ActorCredentials {
  if (actor === 'anonymous') return { ok: true, credentials: null };
  if ('root' in actor) return { ok: true, credentials: { root: actor.root } };
  const account = accountFor(world, actor.account);
  if ('user' in actor) {
    const key = userKey(world, account, actor.user, ring);
    return actor.mfa === true && key.ok
      ? mfaSession(world, account, actor.user, key.credentials)
      : key;
  }
  const via = actor.via;
  if (via === undefined) return directSession(world, account, actor.role);
  const roleArn =
    world.accounts[account]?.iam.roles[actor.role]?.arn ??
    `arn:aws:iam::${account}:role/${actor.role}`;
  if ('service' in via) {
    const explanation = explainServiceAssume(world, via.service, roleArn, {
      'sts:RoleSessionName': GRADER_SESSION,
    });
    const r = actorTool('assumeRoleAsService')(world, {
      service: via.service,
      roleArn,
      sessionName: GRADER_SESSION,
    });
    if (!r.ok)
      return withExplanation(
        {
          ok: false,
          reason: `${via.service} could not assume ${actor.role}: ${r.error.message}`,
          error: r.error,
        },
        explanation,
      );
    return { ok: true, credentials: sessionCredentials(r.result.credentials) };
  }
  const key = userKey(world, account, via.user, ring);
  if (!key.ok) return key;
  const mfa = via.mfa === true ? mfaParams(world, account, via.user) : undefined;
  if (via.mfa === true && mfa === undefined)
    return {
      ok: false,
      reason: `${via.user} has no MFA device (give the user "mfa": true in the world).`,
    };
  const explanation = explainCall(
    world,
    key.credentials,
    'sts',
    { action: 'sts:AssumeRole', resource: roleArn, roleArn },
    {},
  );
  const policy = sessionPolicies.get(`${account}/${actor.role}`);
  const r = callAws(world, key.credentials, 'sts', 'AssumeRole', {
    RoleArn: roleArn,
    RoleSessionName: GRADER_SESSION,
    ...mfa,
    ...(policy === undefined ? {} : { Policy: policy }),
  });
  if (!r.ok)
    return withExplanation(
      {
        ok: false,
        reason: `${via.user} could not assume ${actor.role}: ${r.error.message}`,
        error: r.error,
      },
      explanation,
    );
  return {
    ok: true,
    credentials: sessionCredentials(
      (r.result as { Credentials: Record<string, string> }).Credentials,
    ),
  };
}

/** The actor in words, for the results table. */
export function actorText(actor: Actor): string {
  if (actor === 'anonymous') return 'anonymous (unsigned request)';
  if ('root' in actor) return `root user of ${actor.root}`;
  if ('service' in actor) return `${actor.service} (AWS service)`;
  if ('user' in actor)
    return `${actor.user} (IAM user${actor.mfa === true ? ', signed in with MFA' : ''})`;
  if (actor.via === undefined) return `a session of role ${actor.role}`;
  if ('service' in actor.via) return `role ${actor.role}, assumed by ${actor.via.service}`;
  return `role ${actor.role}, assumed by ${actor.via.user}${actor.via.mfa === true ? ' with MFA' : ''}`;
}
