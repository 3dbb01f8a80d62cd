/**
 * Reading Action / NotAction lists: exact actions are named, long lists are summarised per
 * service (with access levels when the catalog is given) and wildcards are put into words.
 */
import { findAction, matchActions } from '../policy/index.ts';
import type { IamCatalog, Located } from '../policy/index.ts';
import { hasWildcard, joinList, plural, serviceName, shown } from './text.ts';

/** Lists longer than this are summarised instead of named one by one. */
const NAME_LIMIT = 4;

/** The first access level of a catalog entry ("Permissions management, Write" → "permissions management"). */
function levelOf(catalog: IamCatalog | undefined, action: string): string | undefined {
  if (catalog === undefined) return undefined;
  const level = findAction(catalog, action)?.accessLevel;
  return level === undefined ? undefined : (level.split(',')[0] ?? level).trim().toLowerCase();
}

/** Words for one wildcard pattern such as `s3:*`, `s3:Get*` or `*`. */
function describePattern(pattern: string, catalog: IamCatalog | undefined): string {
  if (pattern === '*' || pattern === '*:*') return 'every action';
  const at = pattern.indexOf(':');
  if (at < 0) return pattern;
  const prefix = pattern.slice(0, at);
  const name = pattern.slice(at + 1);
  if (hasWildcard(prefix)) return `every action matching ${pattern}`;
  const service = serviceName(prefix);
  const matched = catalog === undefined ? undefined : matchActions(catalog, pattern);
  const count =
    matched === undefined || name === '*' ? '' : ` (${plural(matched.length, 'action')})`;
  if (name === '*') return `every ${service} action`;
  const starts = /^([^*?]+)\*$/.exec(name);
  if (starts !== null)
    return `every action whose name starts with ${starts[1] ?? ''} in ${service}${count}`;
  const ends = /^\*([^*?]+)$/.exec(name);
  if (ends !== null) return `every ${service} action whose name ends with ${ends[1] ?? ''}${count}`;
  const contains = /^\*([^*?]+)\*$/.exec(name);
  if (contains !== null)
    return `every ${service} action whose name contains ${contains[1] ?? ''}${count}`;
  return `every ${service} action matching ${name}${count}`;
}

/** The order access levels are listed in (as the Service Authorization Reference does). */
const LEVEL_ORDER = ['list', 'read', 'write', 'permissions management', 'tagging'];

/** Position of an access level in LEVEL_ORDER; unknown levels last. */
function levelRank(level: string): number {
  const at = LEVEL_ORDER.indexOf(level);
  return at < 0 ? LEVEL_ORDER.length : at;
}

/** A summary of many exact actions of one service: "12 S3 read actions" or "5 IAM actions (3 read, 2 write)". */
function summariseService(
  prefix: string,
  actions: string[],
  catalog: IamCatalog | undefined,
): string {
  if (prefix.trim() === '')
    return plural(
      actions.length,
      'action without a service prefix',
      'actions without a service prefix',
    );
  const service = serviceName(prefix);
  const levels = new Map<string, number>();
  for (const action of actions) {
    const level = levelOf(catalog, action) ?? '';
    levels.set(level, (levels.get(level) ?? 0) + 1);
  }
  const known = [...levels].filter(([level]) => level !== '');
  if (known.length === 1 && levels.size === 1) {
    return `${actions.length} ${service} ${known[0]?.[0] ?? ''} actions`;
  }
  if (known.length === 0) return `${plural(actions.length, `${service} action`)}`;
  const parts = [...levels]
    .sort(([a], [b]) => levelRank(a) - levelRank(b))
    .map(([level, n]) => `${n} ${level === '' ? 'other' : level}`);
  return `${actions.length} ${service} actions (${parts.join(', ')})`;
}

/** A phrase for a list of exact actions: named when short, summarised per service when long. */
function describeExact(actions: string[], catalog: IamCatalog | undefined): string[] {
  if (actions.length <= NAME_LIMIT) return actions.map(shown);
  const byService = new Map<string, string[]>();
  for (const action of actions) {
    const prefix = action.slice(0, Math.max(0, action.indexOf(':'))).toLowerCase();
    byService.set(prefix, [...(byService.get(prefix) ?? []), action]);
  }
  return [...byService].flatMap(([prefix, list]) =>
    list.length <= 2 && byService.size > 1
      ? list.map(shown)
      : [summariseService(prefix, list, catalog)],
  );
}

/**
 * The phrases for an action list, in written order where possible: wildcards first in words,
 * exact actions named or summarised.
 */
export function actionPhrases(actions: readonly Located<string>[], catalog?: IamCatalog): string[] {
  const values = actions.map((a) => a.value);
  if (values.some((v) => v === '*' || v === '*:*')) return ['every action'];
  const patterns = values.filter(hasWildcard).map((p) => describePattern(p, catalog));
  const exact = describeExact(
    values.filter((v) => !hasWildcard(v)),
    catalog,
  );
  return [...patterns, ...exact];
}

/** "s3:GetObject and s3:PutObject", "every S3 action", "12 S3 read actions and iam:GetRole". */
export function describeActions(actions: readonly Located<string>[], catalog?: IamCatalog): string {
  const phrases = actionPhrases(actions, catalog);
  return phrases.length === 0 ? 'no action' : joinList(phrases);
}

/** "every action except iam:ChangePassword and sts:GetCallerIdentity". */
export function describeNotActions(
  actions: readonly Located<string>[],
  catalog?: IamCatalog,
): string {
  return `every action except ${describeActions(actions, catalog)}`;
}
