/**
 * IAM-aware completion and caret help for policy JSON in Monaco, from the generated catalog:
 * actions in Action/NotAction, ARN templates in Resource, operators and condition keys in
 * Condition. The catalog is loaded on first use (it is large and only the editor needs it).
 */
import { getLocation, type Location } from 'jsonc-parser';
import type * as Monaco from 'monaco-editor/editor/editor.api.js';
import {
  GLOBAL_CONDITION_KEYS,
  OPERATORS,
  findAction,
  findConditionKey,
  type IamCatalog,
} from '../../sim/policy/index.ts';
import { describeOperator } from './operator-docs.ts';
import { policySchema, principalMapSchema, statementSchema } from './policy-schema.ts';

let catalogPromise: Promise<IamCatalog> | undefined;

/** The IAM catalog, fetched once. */
export function loadCatalog(): Promise<IamCatalog> {
  catalogPromise ??= import('../../generated/iam-catalog.json').then((m) => m.default as unknown as IamCatalog);
  return catalogPromise;
}

/** Where in a policy the cursor is, as far as completion cares. */
type Slot =
  | 'action'
  | 'resource'
  | 'operator'
  | 'condition-key'
  | 'top-key'
  | 'statement-key'
  | 'principal-key'
  | 'effect'
  | 'version'
  | 'other';

/** Classifies a JSON location: `Statement[0].Action[1]` is an action slot, and so on. */
export function slotOf(location: Location): Slot {
  const path = location.path;
  if (path.length <= 1 && location.isAtPropertyKey) return 'top-key';
  if (path.length === 1 && path[0] === 'Version') return 'version';
  const afterStatement = typeof path[1] === 'number' ? path.slice(2) : path.slice(1);
  if (path[0] !== 'Statement') return 'other';
  const [element, ...rest] = afterStatement;
  if (afterStatement.length <= 1 && location.isAtPropertyKey) return 'statement-key';
  if (element === 'Effect' && rest.length === 0) return 'effect';
  if ((element === 'Principal' || element === 'NotPrincipal') && rest.length === 1 && location.isAtPropertyKey) return 'principal-key';
  if ((element === 'Action' || element === 'NotAction') && !location.isAtPropertyKey) return 'action';
  if ((element === 'Resource' || element === 'NotResource') && !location.isAtPropertyKey) return 'resource';
  if (element === 'Condition') {
    if (rest.length === 1 && location.isAtPropertyKey) return 'operator';
    if (rest.length === 2 && location.isAtPropertyKey) return 'condition-key';
  }
  return 'other';
}

/** The range of the string token around the cursor (without its quotes), or an empty range at it. */
function wordRange(model: Monaco.editor.ITextModel, position: Monaco.Position, monaco: typeof Monaco): Monaco.Range {
  const line = model.getLineContent(position.lineNumber);
  let start = position.column - 1;
  let end = position.column - 1;
  while (start > 0 && line[start - 1] !== '"') start--;
  while (end < line.length && line[end] !== '"') end++;
  return new monaco.Range(position.lineNumber, start + 1, position.lineNumber, end + 1);
}

function actionItems(catalog: IamCatalog, monaco: typeof Monaco, range: Monaco.Range): Monaco.languages.CompletionItem[] {
  const items: Monaco.languages.CompletionItem[] = [];
  for (const service of Object.values(catalog.services)) {
    items.push({
      label: `${service.prefix}:*`,
      kind: monaco.languages.CompletionItemKind.Module,
      detail: `Every ${service.name} action`,
      insertText: `${service.prefix}:*`,
      range,
      sortText: `1${service.prefix}`,
    });
    for (const action of service.actions) {
      items.push({
        label: `${service.prefix}:${action.name}`,
        kind: monaco.languages.CompletionItemKind.Function,
        detail: `${action.accessLevel} · ${service.name}`,
        documentation: action.description,
        insertText: `${service.prefix}:${action.name}`,
        range,
        sortText: `2${service.prefix}:${action.name}`,
      });
    }
  }
  return items;
}

function resourceItems(catalog: IamCatalog, monaco: typeof Monaco, range: Monaco.Range): Monaco.languages.CompletionItem[] {
  const items: Monaco.languages.CompletionItem[] = [{ label: '*', kind: monaco.languages.CompletionItemKind.Constant, detail: 'Every resource', insertText: '*', range }];
  for (const service of Object.values(catalog.services)) {
    for (const type of service.resourceTypes) {
      // `arn:${Partition}:s3:::${BucketName}` becomes a snippet with a placeholder per variable.
      let n = 0;
      const snippet = type.arn
        .replace(/\$\{Partition\}/g, 'aws')
        .replace(/\$\{(\w+)\}/g, (_m, name: string) => `\${${++n}:${name}}`);
      items.push({
        label: type.arn.replace(/\$\{Partition\}/g, 'aws'),
        kind: monaco.languages.CompletionItemKind.Reference,
        detail: `${service.name}: ${type.name}`,
        insertText: snippet,
        insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
        range,
      });
    }
  }
  return items;
}

/** Property names and allowed values, read from the grammar schema (one source for both). */
function schemaItems(slot: Slot, monaco: typeof Monaco, range: Monaco.Range): Monaco.languages.CompletionItem[] {
  const props = (o: { properties: Record<string, { description?: string }> }) =>
    Object.entries(o.properties).map(([name, def]) => ({
      label: name,
      kind: monaco.languages.CompletionItemKind.Field,
      documentation: def.description ?? '',
      insertText: name,
      range,
    }));
  const values = (list: readonly string[], what: string) =>
    list.map((value) => ({ label: value, kind: monaco.languages.CompletionItemKind.EnumMember, detail: what, insertText: value, range }));
  if (slot === 'top-key') return props(policySchema);
  if (slot === 'statement-key') return props(statementSchema);
  if (slot === 'principal-key') return props(principalMapSchema);
  if (slot === 'effect') return values(statementSchema.properties.Effect.enum, 'Effect');
  if (slot === 'version') return values(policySchema.properties.Version.enum, 'Version');
  return [];
}

function operatorItems(monaco: typeof Monaco, range: Monaco.Range): Monaco.languages.CompletionItem[] {
  return Object.keys(OPERATORS).flatMap((op) => {
    const forms = op === 'Null' ? [op] : [op, `${op}IfExists`];
    return forms.map((label) => ({
      label,
      kind: monaco.languages.CompletionItemKind.Operator,
      documentation: describeOperator(label),
      insertText: label,
      range,
    }));
  });
}

function conditionKeyItems(catalog: IamCatalog, monaco: typeof Monaco, range: Monaco.Range): Monaco.languages.CompletionItem[] {
  const items: Monaco.languages.CompletionItem[] = GLOBAL_CONDITION_KEYS.map((key) => ({
    label: key.name.endsWith('/') ? `${key.name}TagKey` : key.name,
    kind: monaco.languages.CompletionItemKind.Property,
    detail: `global · ${key.type}`,
    insertText: key.name.endsWith('/') ? `${key.name}\${1:TagKey}` : key.name,
    insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
    range,
    sortText: `1${key.name}`,
  }));
  for (const service of Object.values(catalog.services)) {
    for (const key of service.conditionKeys) {
      if (key.name.toLowerCase().startsWith('aws:')) continue;
      items.push({
        label: key.name,
        kind: monaco.languages.CompletionItemKind.Property,
        detail: `${service.prefix} · ${key.type}`,
        documentation: key.description,
        insertText: key.name,
        range,
        sortText: `2${key.name}`,
      });
    }
  }
  return items;
}

/** Help text for the string under the caret, when it is an action, operator or condition key. */
export function helpText(catalog: IamCatalog, location: Location, word: string): string | undefined {
  const slot = slotOf(location);
  if (slot === 'action') {
    const action = findAction(catalog, word);
    if (!action) return undefined;
    const resources = action.resourceTypes.map((r) => r.name).join(', ') || 'none (use "*")';
    return `**${word}** — ${action.accessLevel}\n\n${action.description}\n\nResource types: ${resources}`;
  }
  if (slot === 'operator') return describeOperator(word);
  if (slot === 'condition-key') {
    const key = findConditionKey(catalog, word);
    if (key) return `**${word}** (${key.type})\n\n${key.description}`;
    const global = GLOBAL_CONDITION_KEYS.find((k) => (k.name.endsWith('/') ? word.toLowerCase().startsWith(k.name.toLowerCase()) : k.name.toLowerCase() === word.toLowerCase()));
    return global ? `**${word}** — global condition key (${global.type})` : undefined;
  }
  return undefined;
}

let registered = false;

/** Registers the completion provider for JSON models (once per page). */
export function registerIamLanguageFeatures(monaco: typeof Monaco): void {
  if (registered) return;
  registered = true;

  monaco.languages.registerCompletionItemProvider('json', {
    triggerCharacters: ['"', ':'],
    async provideCompletionItems(model, position) {
      const location = getLocation(model.getValue(), model.getOffsetAt(position));
      const slot = slotOf(location);
      if (slot === 'other') return { suggestions: [] };
      const range = wordRange(model, position, monaco);
      if (slot === 'operator') return { suggestions: operatorItems(monaco, range) };
      if (slot !== 'action' && slot !== 'resource' && slot !== 'condition-key') return { suggestions: schemaItems(slot, monaco, range) };
      const catalog = await loadCatalog();
      if (slot === 'action') return { suggestions: actionItems(catalog, monaco, range) };
      if (slot === 'resource') return { suggestions: resourceItems(catalog, monaco, range) };
      return { suggestions: conditionKeyItems(catalog, monaco, range) };
    },
  });
}

/**
 * Help for the policy text at a position: what the action, operator or condition key under the
 * caret means. The editor shows it in a panel under the text (a screen reader and a keyboard
 * user get it too, unlike a mouse hover).
 */
export async function helpAt(text: string, offset: number): Promise<string | undefined> {
  const location = getLocation(text, offset);
  const slot = slotOf(location);
  if (slot !== 'action' && slot !== 'operator' && slot !== 'condition-key') return undefined;
  const word = stringAround(text, offset);
  if (!word) return undefined;
  if (slot === 'operator') return describeOperator(word);
  return helpText(await loadCatalog(), location, word);
}

/** The JSON string literal's content around `offset` (no quotes), or '' when not in a string. */
function stringAround(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '"' && text[start - 1] !== '\n') start--;
  let end = offset;
  while (end < text.length && text[end] !== '"' && text[end] !== '\n') end++;
  if (text[start - 1] !== '"' || text[end] !== '"') return '';
  return text.slice(start, end);
}
