/**
 * Simulator helpers that only some actors need, fetched with the exercises whose actors use
 * them (prepareGrading → loadActorTools) rather than carried in the grader's own chunk: the MFA
 * authenticator (TOTP over HMAC-SHA-1) for an actor that signs in with MFA, and STS's
 * service-principal AssumeRole for a service actor or a role session taken without a user. Both
 * are IAM and STS code, which grading loads anyway; apart, they keep the grader chunk small.
 */
import type { authenticatorCode } from '../sim/services/iam/totp.ts';
import type { assumeRoleAsService } from '../sim/services/sts/service-assume.ts';
import type { Actor } from './schema.ts';

/** The helpers, by name. */
export interface ActorTools {
  authenticatorCode: typeof authenticatorCode;
  assumeRoleAsService: typeof assumeRoleAsService;
}

// Loaded once for the page (or the Node process); a helper never changes once loaded.
const loaded: Partial<ActorTools> = {};

/** True when the actor signs in with an MFA device (directly, or as the user assuming a role). */
function signsInWithMfa(actor: Actor): boolean {
  if (actor === 'anonymous' || 'root' in actor || 'service' in actor) return false;
  if ('user' in actor) return actor.mfa === true;
  return actor.via !== undefined && 'user' in actor.via && actor.via.mfa === true;
}

/** True when the actor's session comes from a service principal's AssumeRole (see actors.ts). */
function takesServiceSession(actor: Actor): boolean {
  if (actor === 'anonymous' || 'root' in actor || 'user' in actor) return false;
  if ('service' in actor) return true;
  // A role without `via` gets its session as EC2 would take it, whatever the trust policy says.
  return actor.via === undefined || 'service' in actor.via;
}

/** Loads the helpers these actors need (none when no actor needs one). */
export async function loadActorTools(actors: readonly Actor[]): Promise<void> {
  const pending: Promise<void>[] = [];
  if (loaded.authenticatorCode === undefined && actors.some(signsInWithMfa))
    pending.push(
      import('../sim/services/iam/totp.ts').then((m) => {
        loaded.authenticatorCode = m.authenticatorCode;
      }),
    );
  if (loaded.assumeRoleAsService === undefined && actors.some(takesServiceSession))
    pending.push(
      import('../sim/services/sts/service-assume.ts').then((m) => {
        loaded.assumeRoleAsService = m.assumeRoleAsService;
      }),
    );
  await Promise.all(pending);
}

/**
 * A helper loadActorTools has loaded. Throws when it has not — a caller that skipped
 * prepareGrading — which the grader reports as a failed grading, never as a wrong answer.
 */
export function actorTool<K extends keyof ActorTools>(name: K): ActorTools[K] {
  const tool = loaded[name];
  if (tool === undefined) throw new Error(`${name} is not loaded (await prepareGrading first).`);
  return tool as ActorTools[K];
}
