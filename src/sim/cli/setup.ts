/**
 * A terminal's start state, as lessons and exercises describe it: who is signed in on the
 * laptop (an IAM user whose access key is in `~/.aws/credentials`), which host the session
 * starts on, and the files, variables and history already there. Shared by the Terminal island
 * and by the exercise grader, which replays a learner's commands from the same start.
 */
import type { World } from '../world/types.ts';
import { newAccessKey } from '../world/iam-records.ts';
import { createSession } from './session.ts';
import type { CliSession, SessionOptions } from './session.ts';

/** How a terminal starts (everything optional). */
export interface SessionSetup {
  /** The laptop's local user name in the prompt (default `learner`). */
  localUser?: string | undefined;
  /**
   * The IAM user whose access key is in `~/.aws/credentials`, as if `aws configure` had been
   * run; a key is created when the user has none. Absent: no credentials on the laptop.
   */
  signedInAs?: { user: string; account?: string | undefined } | undefined;
  /** Start on this EC2 instance instead of the laptop. */
  onInstance?: string | undefined;
  /** Files in the laptop's home, by path (`~/trust.json`). */
  files?: Record<string, string> | undefined;
  /** Environment variables on the laptop. */
  env?: Record<string, string> | undefined;
  /** Earlier commands, reachable with the up arrow. */
  history?: string[] | undefined;
}

/** A session on `world` as `setup` describes (changes `world`: it may add an access key). */
export function sessionFromSetup(world: World, setup: SessionSetup): CliSession {
  const opts: SessionOptions = { user: setup.localUser ?? 'learner', files: setup.files ?? {}, env: setup.env ?? {}, history: setup.history ?? [] };
  if (setup.signedInAs !== undefined) {
    const { user: name, account } = setup.signedInAs;
    const user = world.accounts[account ?? Object.keys(world.accounts)[0] ?? '']?.iam.users[name];
    if (user !== undefined) {
      // The learner "ran aws configure" before the lesson: give the user a key when it has none.
      let key = user.accessKeys.find((k) => k.status === 'Active');
      if (key === undefined) {
        key = newAccessKey(world);
        user.accessKeys.push(key);
      }
      opts.credentials = { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
    }
  }
  if (setup.onInstance !== undefined) opts.instanceId = setup.onInstance;
  return createSession(world, opts);
}
