/**
 * One statement: its elements, which ones the policy kind requires or forbids, and the
 * statement in AST form (omitted only when it has no usable Effect).
 */
import { checkActionFormat, lintActionWithCatalog } from './actions.ts';
import { readCondition } from './conditions.ts';
import type { WalkContext } from './context.ts';
import { sortElements, STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS } from './elements.ts';
import type { ElementNodes, StatementElements } from './elements.ts';
import { kindOf, membersOf } from './json-ast.ts';
import type { JsonNode } from './json-ast.ts';
import { aKind, childPath } from './issues.ts';
import { located, readStringList } from './lists.ts';
import type { ListItem } from './lists.ts';
import { readPrincipals } from './principal-rules.ts';
import { checkResource } from './resources.ts';
import type { SourceRange, Statement } from './types.ts';

type Elements = StatementElements;

/** Sids seen so far in the document, for DUPLICATE_SID. */
export type SidRegistry = Set<string>;

/** Reads one statement object. Returns undefined when it has no valid Effect. */
export function readStatement(
  ctx: WalkContext,
  node: JsonNode,
  index: number,
  path: string,
  sids: SidRegistry,
): Statement | undefined {
  const { sink } = ctx;
  const opening = sink.lines.range(node.offset, 1);
  const el: Elements = sortElements(
    ctx,
    membersOf(node),
    path,
    STATEMENT_ELEMENTS,
    TOP_LEVEL_ELEMENTS,
    'inside a statement',
  );

  const sid = readSid(ctx, el.get('Sid'), childPath(path, 'Sid'), sids);
  const effect = readEffect(ctx, el.get('Effect'), childPath(path, 'Effect'));
  if (!el.has('Effect'))
    sink.add(
      'MISSING_EFFECT',
      'error',
      path,
      opening,
      'This statement has no Effect: add "Effect": "Allow" or "Effect": "Deny".',
    );

  const principals = readPrincipals(ctx, el, path, effect, opening);
  const action = readList(ctx, el.get('Action'), childPath(path, 'Action'), 'Action');
  const notAction = readList(ctx, el.get('NotAction'), childPath(path, 'NotAction'), 'NotAction');
  checkActions(ctx, el, path, [...action, ...notAction], opening);
  const resources = readResources(ctx, el, path, opening);
  const conditionNode = el.get('Condition')?.valueNode;
  const conditions =
    conditionNode === undefined
      ? []
      : readCondition(ctx, conditionNode, childPath(path, 'Condition'));

  if (ctx.rules.denyOnly && effect === 'Allow' && !isFullAccessRcp(el)) {
    const effectNode = el.get('Effect')?.valueNode ?? node;
    sink.error(
      effectNode,
      'RCP_ALLOW_NOT_SUPPORTED',
      childPath(path, 'Effect'),
      'Resource control policies you write can only Deny; Allow is reserved for the AWS managed RCPFullAWSAccess policy.',
    );
  }
  if (effect === undefined) return undefined;
  return {
    index,
    ...(sid === undefined ? {} : { sid }),
    effect,
    ...principals,
    ...(el.has('Action') ? { action: located(action) } : {}),
    ...(el.has('NotAction') ? { notAction: located(notAction) } : {}),
    ...resources,
    conditions,
    range: sink.lines.rangeOf(node),
  };
}

/** Sid: a string, alphanumeric in IAM documents, unique in the policy. */
function readSid(
  ctx: WalkContext,
  el: ElementNodes | undefined,
  path: string,
  sids: SidRegistry,
): string | undefined {
  if (el === undefined) return undefined;
  const { valueNode } = el;
  if (valueNode.type !== 'string' || typeof valueNode.value !== 'string') {
    ctx.sink.error(
      valueNode,
      'WRONG_TYPE',
      path,
      `Sid must be a string, not ${aKind(kindOf(valueNode))}.`,
    );
    return undefined;
  }
  const sid = valueNode.value;
  if (ctx.rules.sidAlphanumeric && !/^[A-Za-z0-9]*$/.test(sid)) {
    ctx.sink.error(
      valueNode,
      'INVALID_SID',
      path,
      `In ${ctx.rules.label} a Sid may only contain letters A–Z, a–z and digits 0–9.`,
    );
  }
  if (sid !== '' && sids.has(sid)) {
    ctx.sink.error(
      valueNode,
      'DUPLICATE_SID',
      path,
      `Another statement already has the Sid "${sid}"; each Sid must be unique in the policy.`,
    );
  }
  sids.add(sid);
  return sid;
}

/** Effect: exactly `Allow` or `Deny`. A case-only mistake is reported and still used. */
function readEffect(
  ctx: WalkContext,
  el: ElementNodes | undefined,
  path: string,
): 'Allow' | 'Deny' | undefined {
  if (el === undefined) return undefined;
  const { valueNode } = el;
  const value =
    valueNode.type === 'string' && typeof valueNode.value === 'string'
      ? valueNode.value
      : undefined;
  if (value === 'Allow' || value === 'Deny') return value;
  if (value === undefined) {
    ctx.sink.error(
      valueNode,
      'WRONG_TYPE',
      path,
      `Effect must be the string "Allow" or "Deny", not ${aKind(kindOf(valueNode))}.`,
    );
    return undefined;
  }
  const fixed = ['Allow', 'Deny'].find((e) => e.toLowerCase() === value.trim().toLowerCase()) as
    'Allow' | 'Deny' | undefined;
  ctx.sink.error(
    valueNode,
    'INVALID_EFFECT',
    path,
    fixed === undefined
      ? `Effect must be "Allow" or "Deny", not "${value}".`
      : `Effect is case-sensitive: write "${fixed}", not "${value}".`,
  );
  return fixed;
}

/** Reads a string-list element when present. */
function readList(
  ctx: WalkContext,
  el: ElementNodes | undefined,
  path: string,
  element: string,
): ListItem[] {
  return el === undefined ? [] : readStringList(ctx, el.valueNode, path, element);
}

/** Action/NotAction presence rules and every value's format. */
function checkActions(
  ctx: WalkContext,
  el: Elements,
  path: string,
  items: ListItem[],
  opening: SourceRange,
): void {
  const { sink, rules } = ctx;
  const na = el.get('NotAction');
  if (el.has('Action') && na !== undefined) {
    sink.error(
      na.keyNode,
      'ACTION_AND_NOTACTION',
      childPath(path, 'NotAction'),
      'A statement cannot have both Action and NotAction; keep one.',
    );
  }
  if (na !== undefined && !rules.notAction) {
    sink.error(
      na.keyNode,
      'ELEMENT_NOT_SUPPORTED',
      childPath(path, 'NotAction'),
      `NotAction is not supported in ${rules.label}; list the actions in Action.`,
    );
  }
  if (!el.has('Action') && na === undefined) {
    sink.add(
      'MISSING_ACTION',
      'error',
      path,
      opening,
      'This statement has no Action: say which actions it allows or denies, for example "s3:GetObject".',
    );
  }
  for (const item of items) {
    const element = item.path.includes('.NotAction') ? 'NotAction' : 'Action';
    if (!checkActionFormat(ctx, item, element)) continue;
    lintActionWithCatalog(ctx, item);
    if (
      ctx.kind === 'role-trust' &&
      item.value !== '*' &&
      !item.value.toLowerCase().startsWith('sts:')
    ) {
      sink.warn(
        item.node,
        'TRUST_ACTION',
        item.path,
        `A trust policy only controls assuming the role (sts: actions); "${item.value}" has no effect here.`,
      );
    }
  }
}

/** Resource/NotResource presence rules and every value's shape. */
function readResources(
  ctx: WalkContext,
  el: Elements,
  path: string,
  opening: SourceRange,
): Pick<Statement, 'resource' | 'notResource'> {
  const { sink, rules } = ctx;
  const r = el.get('Resource');
  const nr = el.get('NotResource');
  if (rules.resource === 'forbidden') {
    for (const [e, name] of [
      [r, 'Resource'],
      [nr, 'NotResource'],
    ] as const) {
      if (e === undefined) continue;
      sink.error(
        e.keyNode,
        'RESOURCE_NOT_ALLOWED',
        childPath(path, name),
        `${name} is not allowed in ${rules.label}: the resource is the role itself (IAM rejects it as a prohibited field).`,
      );
    }
    return {};
  }
  if (r !== undefined && nr !== undefined) {
    sink.error(
      nr.keyNode,
      'RESOURCE_AND_NOTRESOURCE',
      childPath(path, 'NotResource'),
      'A statement cannot have both Resource and NotResource; keep one.',
    );
  }
  if (rules.resource === 'required' && r === undefined && nr === undefined) {
    sink.add(
      'MISSING_RESOURCE',
      'error',
      path,
      opening,
      `Every statement in ${rules.label} needs a Resource: an ARN, or "*" for every resource.`,
    );
  }
  const resource = readList(ctx, r, childPath(path, 'Resource'), 'Resource');
  const notResource = readList(ctx, nr, childPath(path, 'NotResource'), 'NotResource');
  for (const item of [...resource, ...notResource]) checkResource(ctx, item);
  return {
    ...(r === undefined ? {} : { resource: located(resource) }),
    ...(nr === undefined ? {} : { notResource: located(notResource) }),
  };
}

/**
 * The AWS managed RCPFullAWSAccess policy: Allow, Principal "*", Action "*", Resource "*", no
 * condition. It is the one Allow statement an RCP may contain.
 */
function isFullAccessRcp(el: Elements): boolean {
  const star = (e: ElementNodes | undefined): boolean => {
    const v = e?.valueNode;
    if (v === undefined) return false;
    if (v.type === 'string') return v.value === '*';
    return v.type === 'array' && v.children?.length === 1 && v.children[0]?.value === '*';
  };
  const onlyElements = [...el.keys()].every((k) =>
    ['Sid', 'Effect', 'Principal', 'Action', 'Resource'].includes(k),
  );
  return (
    onlyElements && star(el.get('Principal')) && star(el.get('Action')) && star(el.get('Resource'))
  );
}
