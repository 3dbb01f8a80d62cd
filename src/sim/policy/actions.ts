/**
 * Action/NotAction values: the `service:Action` format (IAM User Guide, "Action"), and with a
 * catalog, whether the action exists.
 */
import { actionExists, matchActions, suggestAction } from './catalog.ts';
import type { WalkContext } from './context.ts';
import type { ListItem } from './lists.ts';
import { didYouMean } from './suggest.ts';
import { hasVariable } from './variables.ts';

/** True when the action text is well-formed; reports INVALID_ACTION or VARIABLE_NOT_ALLOWED otherwise. */
export function checkActionFormat(ctx: WalkContext, item: ListItem, element: string): boolean {
  const { value, node, path } = item;
  const fail = (message: string): false => {
    ctx.sink.error(node, 'INVALID_ACTION', path, message);
    return false;
  };
  if (value === '*') return true;
  if (hasVariable(value)) {
    ctx.sink.error(
      node,
      'VARIABLE_NOT_ALLOWED',
      path,
      `Policy variables cannot be used in ${element}.`,
    );
    return false;
  }
  const colon = value.indexOf(':');
  if (colon < 0) {
    const dotted = /^([a-z0-9-]+)\.([A-Za-z*]+)$/i.exec(value);
    const hint = dotted === null ? '' : ` Did you mean ${dotted[1]}:${dotted[2]}?`;
    return fail(
      `"${value}" is not an action; write service:Action, for example s3:GetObject, or "*" for all actions.${hint}`,
    );
  }
  const service = value.slice(0, colon);
  const name = value.slice(colon + 1);
  if (service === '')
    return fail(`"${value}" has no service prefix before the colon, for example s3:GetObject.`);
  if (/[*?]/.test(service))
    return fail(
      `"${value}" has a wildcard in the service prefix; wildcards are only allowed after the colon.`,
    );
  if (!/^[A-Za-z0-9-]+$/.test(service))
    return fail(
      `"${service}" is not a service prefix; prefixes are letters, digits and hyphens, such as s3 or ec2.`,
    );
  if (name === '')
    return fail(
      `"${value}" has no action name after the colon; use ${service}:* for every action of the service.`,
    );
  if (!/^[A-Za-z0-9*?_-]+$/.test(name))
    return fail(
      `"${name}" is not an action name; names are letters and digits, optionally with * or ? wildcards.`,
    );
  return true;
}

/**
 * With a catalog: UNKNOWN_ACTION for an exact action the service does not have, and
 * ACTION_MATCHES_NOTHING for a pattern that matches none of its actions.
 */
export function lintActionWithCatalog(ctx: WalkContext, item: ListItem): void {
  const { catalog } = ctx;
  const { value, node, path } = item;
  if (catalog === undefined || value === '*') return;
  if (/[*?]/.test(value)) {
    const matches = matchActions(catalog, value);
    if (matches !== undefined && matches.length === 0) {
      ctx.sink.warn(
        node,
        'ACTION_MATCHES_NOTHING',
        path,
        `"${value}" matches no action of this service, so it has no effect.`,
      );
    }
    return;
  }
  if (actionExists(catalog, value) !== false) return;
  const hint = suggestAction(catalog, value);
  ctx.sink.warn(
    node,
    'UNKNOWN_ACTION',
    path,
    `"${value}" is not an action of this service.${didYouMean(hint)}`,
  );
}
