/**
 * Replays an exported build script in Rolelab's own CLI emulator, against a world holding only
 * the exercise's accounts (plus what no script can build: SAML providers with real metadata and
 * the organization's structure). Each account gets an admin user whose key `use_account N`
 * switches to, as a profile would on a laptop. Bash-only parts are done here: the settings
 * block above the build marker (the variables are set to the simulator's ids, the bucket
 * suffix to empty so names round-trip), `fill` (sed), and lines marked host-only (zip, sleep).
 */
import { createWorldUnchecked } from '../../../src/sim/world/create-unchecked.ts';
import type { World } from '../../../src/sim/world/types.ts';
import {
  newAccessKey,
  newVirtualMfaDevice,
  worldNowIso,
} from '../../../src/sim/world/iam-records.ts';
import { sessionFromSetup } from '../../../src/sim/cli/setup.ts';
import { runLine } from '../../../src/sim/cli/shell/run-line.ts';
import { currentHost } from '../../../src/sim/cli/session.ts';
import { resolvePath, writeFile } from '../../../src/sim/cli/fs.ts';
import { BUILD_MARKER, HOST_ONLY } from '../../../src/exercises/export/index.ts';
import { fileSlug } from '../../../src/exercises/export/model.ts';
import type { ParsedWorldSeed } from '../../../src/sim/world/seed-schema.ts';

/** A line that failed, with what it printed. */
export interface FailedLine {
  line: string;
  stderr: string;
}

const ADMIN = 'rolelab-export-admin';

/** The seed of a world with the same accounts and nothing a script builds. */
export function emptySeed(seed: ParsedWorldSeed): ParsedWorldSeed {
  const out: ParsedWorldSeed = {
    ...(seed.time === undefined ? {} : { time: seed.time }),
    ...(seed.region === undefined ? {} : { region: seed.region }),
    accounts: seed.accounts.map((a) => ({
      id: a.id,
      ...(a.alias === undefined ? {} : { alias: a.alias }),
      ...(a.name === undefined ? {} : { name: a.name }),
      users: [{ name: ADMIN, managedPolicies: ['AdministratorAccess'] }],
      ...(a.samlProviders === undefined ? {} : { samlProviders: a.samlProviders }),
    })),
  };
  if (seed.organization !== undefined) {
    const { scps: _s, rcps: _r, scpEnabled: _e, rcpEnabled: _f, ...structure } = seed.organization;
    out.organization = structure;
  }
  return out;
}

/** Runs the build script; the world it leaves and the lines that failed. */
export function replayBuild(
  seed: ParsedWorldSeed,
  script: string,
  /** A world to run in instead of an empty one (cleanup after build). */
  from?: World,
): { world: World; failed: FailedLine[]; outputs: string[] } {
  const world = from ?? createWorldUnchecked(emptySeed(seed));
  const env: Record<string, string> = { BUCKET_SUFFIX: '' };
  seed.accounts.forEach((a, i) => (env[`ACCOUNT_${i + 1}`] = a.id));
  const session = sessionFromSetup(world, {
    signedInAs: { user: ADMIN, account: seed.accounts[0]?.id },
    env,
  });
  const useAccount = (n: number) => {
    const h = currentHost(session);
    const user = session.world.accounts[seed.accounts[n - 1]?.id ?? '']?.iam.users[ADMIN];
    if (user === undefined) return;
    // As if each account had its own profile on the laptop.
    if (user.accessKeys.length === 0) user.accessKeys.push(newAccessKey(session.world));
    const key = user.accessKeys[0];
    if (key === undefined) return;
    h.env['AWS_ACCESS_KEY_ID'] = key.accessKeyId;
    h.env['AWS_SECRET_ACCESS_KEY'] = key.secretAccessKey;
  };
  const lines = script.split('\n');
  const start = Math.max(lines.indexOf(BUILD_MARKER), lines.indexOf('# ---- commands ----'));
  const outputs: string[] = [];
  const failed: FailedLine[] = [];
  // The emulator's shell reads one line at a time: join bash's `\` continuations first.
  const joined: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const prev = joined[joined.length - 1];
    if (prev !== undefined && prev.endsWith(' \\'))
      joined[joined.length - 1] = `${prev.slice(0, -1)}${line.trimStart()}`;
    else joined.push(line);
  }
  for (const line of joined) {
    // Inside a here-document every line is text, comments included.
    if (session.pending !== null) {
      runLine(session, line);
      continue;
    }
    // The emulator's shell has no comments; bash skips them.
    const zip = /^\(cd (\S+) && zip -q (\S+) /.exec(line);
    if (zip !== null) {
      // Code does not round-trip: the real script zips a placeholder handler, while Rolelab's
      // Lambda runs the seed's declarative handler, which the "zip" then holds.
      const h = currentHost(session);
      const fn = seed.accounts
        .flatMap((a) => a.functions ?? [])
        .find((f) => `${fileSlug('function', f.name)}.zip` === zip[2]);
      const handler =
        fn === undefined
          ? ''
          : typeof fn.handler === 'string'
            ? fn.handler
            : JSON.stringify(fn.handler);
      writeFile(h, resolvePath(`${zip[1] ?? ''}/${zip[2] ?? ''}`, h.cwd, h.home), handler);
      continue;
    }
    if (/^\s*(#|$)/.test(line) || line.includes(HOST_ONLY) || /^sleep\b/.test(line)) continue;
    const use = /^use_account (\d+)$/.exec(line);
    if (use !== null) {
      useAccount(Number(use[1]));
      continue;
    }
    const fill = /^fill (\S+) > (\S+)$/.exec(line);
    if (fill !== null) {
      const h = currentHost(session);
      const from = h.files[resolvePath(fill[1] ?? '', h.cwd, h.home)] ?? '';
      const text = from.replace(
        /\{\{(ACCOUNT_\d+|BUCKET_SUFFIX)\}\}/g,
        (_, n: string) => env[n] ?? '',
      );
      writeFile(h, resolvePath(fill[2] ?? '', h.cwd, h.home), text);
      continue;
    }
    const r = runLine(session, line);
    if (!r.continuation && r.exitCode !== 0) failed.push({ line, stderr: r.stderr });
    if (!r.continuation && r.stdout !== '') outputs.push(r.stdout);
  }
  // The script's MANUAL STEP for MFA (two codes from an authenticator app), done as the seed does.
  for (const a of seed.accounts)
    for (const u of a.users ?? []) {
      const user = session.world.accounts[a.id]?.iam.users[u.name];
      const iam = session.world.accounts[a.id]?.iam;
      if (u.mfa !== true || user === undefined || iam === undefined) continue;
      const device = newVirtualMfaDevice(session.world, a.id, '/', u.name, []);
      device.userName = u.name;
      device.enableDate = worldNowIso(session.world);
      iam.mfaDevices[device.serialNumber] = device;
      user.mfaDevices.push(device.serialNumber);
    }
  return { world: session.world, failed, outputs };
}
