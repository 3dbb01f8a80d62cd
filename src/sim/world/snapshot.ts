/**
 * Snapshot and restore: a world to text and back.
 *
 * The text is canonical JSON (sorted keys, two-space indent), so snapshot → restore → snapshot
 * gives the same bytes, a snapshot can be diffed, and two equal worlds have equal snapshots.
 * The id source and the clock are part of the world, so a restored world continues the same
 * id sequence and the same time.
 */
import { canonicalJson } from './canonical-json.ts';
import { emptyIamState } from './iam-records.ts';
import { emptyS3State } from './s3-types.ts';
import { emptyEc2State } from './ec2-types.ts';
import { emptyLambdaState } from './lambda-types.ts';
import { WORLD_FORMAT_VERSION } from './types.ts';
import type { World } from './types.ts';

/** Thrown by `restore` when the text is not a snapshot this code can read. */
export class WorldRestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorldRestoreError';
  }
}

/** The world as canonical JSON text. */
export function snapshot(world: World): string {
  return canonicalJson(world, 2);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Why a parsed value is not a world, or undefined when it looks like one. */
function shapeProblem(v: unknown): string | undefined {
  if (!isRecord(v)) return 'a snapshot is a JSON object';
  if (v['formatVersion'] !== WORLD_FORMAT_VERSION) return `unsupported snapshot format ${String(v['formatVersion'])} (expected ${WORLD_FORMAT_VERSION})`;
  const clock = v['clock'];
  if (!isRecord(clock) || typeof clock['epochMs'] !== 'number') return 'clock.epochMs must be a number';
  const ids = v['ids'];
  if (!isRecord(ids) || typeof ids['state'] !== 'number' || typeof ids['drawn'] !== 'number') return 'ids.state and ids.drawn must be numbers';
  if (!isRecord(v['accounts'])) return 'accounts must be an object';
  for (const [id, account] of Object.entries(v['accounts'])) {
    if (!isRecord(account) || account['id'] !== id || !isRecord(account['iam'])) return `accounts.${id} is not an account`;
  }
  const sts = v['sts'];
  if (!isRecord(sts) || !isRecord(sts['credentials'])) return 'sts.credentials must be an object';
  if (!Array.isArray(v['events'])) return 'events must be an array';
  if (v['organization'] !== null && !isRecord(v['organization'])) return 'organization must be an object or null';
  if (typeof v['defaultRegion'] !== 'string') return 'defaultRegion must be a string';
  return undefined;
}

/** Reads a snapshot back into a world. Throws `WorldRestoreError` when the text is not one. */
export function restore(text: string): World {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new WorldRestoreError(`The snapshot is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const problem = shapeProblem(parsed);
  if (problem !== undefined) throw new WorldRestoreError(`Not a world snapshot: ${problem}.`);
  const world = parsed as World;
  // Snapshots written before a state map existed get it empty, so newer code can rely on it.
  for (const account of Object.values(world.accounts)) account.iam = { ...emptyIamState(), ...account.iam };
  world.s3 = { ...emptyS3State(), ...(world.s3 as Partial<World['s3']> | undefined) };
  world.ec2 = { ...emptyEc2State(), ...(world.ec2 as Partial<World['ec2']> | undefined) };
  world.lambda = { ...emptyLambdaState(), ...(world.lambda as Partial<World['lambda']> | undefined) };
  return world;
}

/** A deep, independent copy of a world (through its snapshot). */
export function cloneWorld(world: World): World {
  return JSON.parse(JSON.stringify(world)) as World;
}
