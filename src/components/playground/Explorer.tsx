/**
 * The evaluation explorer: choose a principal, an action (searched in the IAM catalog), a
 * resource (from the world or any ARN) and context keys, press Evaluate, and read the decision —
 * in words and with an icon, never by colour alone — with the full explanation of which policies
 * and statements decided it.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { World } from '../../sim/world/types.ts';
import type { Answer } from './evaluate.ts';
import AuthorizeExplanation from '../AuthorizeExplanation.tsx';

type Runtime = typeof import('./runtime.ts');

/** Context value types as IAM condition operators group them. */
const TYPES = ['String', 'Bool', 'Numeric', 'Date', 'IpAddress', 'ARN'] as const;
type ContextType = (typeof TYPES)[number];

interface ContextRow {
  id: number;
  key: string;
  type: ContextType;
  values: string;
}

/** Keys learners reach for most, offered as suggestions (any key may be typed). */
const COMMON_KEYS = [
  'aws:MultiFactorAuthPresent',
  'aws:MultiFactorAuthAge',
  'aws:SourceIp',
  'aws:SecureTransport',
  'aws:RequestedRegion',
  'aws:PrincipalOrgID',
  'aws:SourceAccount',
  'aws:SourceArn',
  'aws:CurrentTime',
  'sts:ExternalId',
  's3:prefix',
];

/** The type of the keys whose type is fixed, chosen for the learner when they pick one. */
const KEY_TYPES: Record<string, ContextType> = {
  'aws:multifactorauthpresent': 'Bool',
  'aws:securetransport': 'Bool',
  'aws:viaawsservice': 'Bool',
  'aws:multifactorauthage': 'Numeric',
  'aws:epochtime': 'Numeric',
  'aws:sourceip': 'IpAddress',
  'aws:currenttime': 'Date',
  'aws:tokenissuetime': 'Date',
  'aws:sourcearn': 'ARN',
  'aws:principalarn': 'ARN',
};

const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}(\/\d{1,2})?$/;
const IPV6 = /^[0-9a-f:]+(\/\d{1,3})?$/i;

/** Why a context row cannot be used, or null. */
export function rowProblem(row: ContextRow): string | null {
  const key = row.key.trim();
  if (key === '') return 'Give the key a name, such as aws:SourceIp.';
  if (!/^[A-Za-z0-9-]+:[A-Za-z0-9_.:/-]+$/.test(key))
    return `"${key}" is not a condition key: write it as prefix:Name, such as aws:SourceIp.`;
  const values = splitValues(row.values);
  if (values.length === 0) return `Give ${key} a value.`;
  for (const v of values) {
    if (row.type === 'Bool' && v !== 'true' && v !== 'false')
      return `${key} is a Bool: its values are true or false, not "${v}".`;
    if (row.type === 'Numeric' && !/^-?\d+(\.\d+)?$/.test(v))
      return `${key} is Numeric: "${v}" is not a number.`;
    if (row.type === 'Date' && !/^\d+$/.test(v) && Number.isNaN(Date.parse(v)))
      return `${key} is a Date: write "${v}" as 2026-03-02T09:00:00Z or epoch seconds.`;
    if (row.type === 'IpAddress' && !IPV4.test(v) && !IPV6.test(v))
      return `${key} is an IP address: "${v}" is not one (for example 203.0.113.10).`;
    if (row.type === 'ARN' && !v.startsWith('arn:'))
      return `${key} is an ARN: "${v}" does not start with arn:.`;
  }
  return null;
}

function splitValues(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

const DECISION_TEXT = {
  Allow: { icon: '✓', word: 'Allowed', cls: 'allow' },
  ExplicitDeny: { icon: '⛔', word: 'Denied by an explicit Deny', cls: 'deny' },
  ImplicitDeny: { icon: '✗', word: 'Denied: no policy allows it (implicit deny)', cls: 'deny' },
} as const;

export default function Explorer({
  rt,
  world,
  revision,
}: {
  rt: Runtime;
  world: World;
  revision: number;
}) {
  const principals = useMemo(() => rt.principalOptions(world), [world, revision]);
  const resources = useMemo(() => rt.resourceOptions(world), [world, revision]);
  const [principal, setPrincipal] = useState('user:222222222222:alice');
  const [action, setAction] = useState('s3:GetObject');
  const [resource, setResource] = useState('arn:aws:s3:::acme-prod-reports/reports/2026-02.csv');
  const [rows, setRows] = useState<ContextRow[]>([]);
  const [nextId, setNextId] = useState(1);
  const [actions, setActions] = useState<string[]>([]);
  const [answer, setAnswer] = useState<{ answer: Answer; action: string; asked: string } | null>(
    null,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [unknownAction, setUnknownAction] = useState(false);

  useEffect(() => {
    void rt
      .actionNames()
      .then(setActions)
      .catch(() => setActions([]));
  }, [rt]);
  const suggestions = useMemo(() => {
    const q = action.trim().toLowerCase();
    return (q === '' ? actions : actions.filter((a) => a.toLowerCase().includes(q))).slice(0, 40);
  }, [actions, action]);
  useEffect(() => {
    // A principal that went away (deleted in the terminal, a session that expired) falls back to the first.
    if (!principals.some((p) => p.value === principal))
      setPrincipal(principals[0]?.value ?? 'anonymous');
  }, [principals]);

  const groups = useMemo(() => {
    const out = new Map<string, typeof principals>();
    for (const p of principals) out.set(p.group, [...(out.get(p.group) ?? []), p]);
    return [...out.entries()];
  }, [principals]);

  const evaluate = () => {
    for (const row of rows) {
      const p = rowProblem(row);
      if (p !== null) {
        setProblem(p);
        setAnswer(null);
        return;
      }
    }
    const context: Record<string, string | string[]> = {};
    for (const row of rows) {
      const values = splitValues(row.values);
      context[row.key.trim()] = values.length === 1 ? (values[0] ?? '') : values;
    }
    const got = rt.explore(world, { principal, action, resource, context });
    if ('problem' in got) {
      setProblem(got.problem);
      setAnswer(null);
      return;
    }
    setProblem(null);
    const name = action.trim().toLowerCase();
    setUnknownAction(
      actions.length > 0 &&
        !name.includes('*') &&
        !name.includes('?') &&
        !actions.some((a) => a.toLowerCase() === name),
    );
    const who = principals.find((p) => p.value === principal)?.label ?? principal;
    setAnswer({
      answer: got,
      action: action.trim(),
      asked: `${who} → ${action.trim()} on ${resource.trim()}`,
    });
  };

  const updateRow = (id: number, patch: Partial<ContextRow>) =>
    setRows((rs) => rs.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const decision = answer?.answer.result.decision;
  const shown = decision === undefined ? null : DECISION_TEXT[decision];

  return (
    <div class="pg-explorer">
      <form
        class="pg-explorer-form"
        onSubmit={(e) => {
          e.preventDefault();
          evaluate();
        }}
      >
        <label class="pg-field">
          <span>Principal</span>
          <select
            value={principal}
            onChange={(e) => setPrincipal((e.currentTarget as HTMLSelectElement).value)}
          >
            {groups.map(([group, options]) => (
              <optgroup key={group} label={group}>
                {options.map((p) => (
                  <option key={p.value} value={p.value}>
                    {p.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label class="pg-field">
          <span>Action (type to search the catalog)</span>
          <input
            type="text"
            list="pg-action-list"
            value={action}
            onInput={(e) => setAction((e.currentTarget as HTMLInputElement).value)}
            autocomplete="off"
            spellcheck={false}
          />
          <datalist id="pg-action-list">
            {suggestions.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </label>
        <label class="pg-field">
          <span>Resource ARN (pick one of the world's, or write any ARN)</span>
          <input
            type="text"
            list="pg-resource-list"
            value={resource}
            onInput={(e) => setResource((e.currentTarget as HTMLInputElement).value)}
            autocomplete="off"
            spellcheck={false}
          />
          <datalist id="pg-resource-list">
            {resources.map((r) => (
              <option key={r.arn} value={r.arn}>
                {r.label}
              </option>
            ))}
          </datalist>
        </label>
        <fieldset class="pg-context">
          <legend>Context keys</legend>
          <p class="pg-hint">
            The request already carries what AWS adds itself (time, source IP 203.0.113.10, TLS,
            organization); rows here add keys or override them. Separate several values with commas.
          </p>
          {rows.length > 0 && (
            <ul class="pg-context-rows">
              {rows.map((row, i) => (
                <li key={row.id} class="pg-context-row">
                  <label>
                    <span>Key {i + 1}</span>
                    <input
                      type="text"
                      list="pg-key-list"
                      value={row.key}
                      onInput={(e) => {
                        const key = (e.currentTarget as HTMLInputElement).value;
                        const known = KEY_TYPES[key.trim().toLowerCase()];
                        updateRow(row.id, known === undefined ? { key } : { key, type: known });
                      }}
                      autocomplete="off"
                      spellcheck={false}
                    />
                  </label>
                  <label>
                    <span>Type of key {i + 1}</span>
                    <select
                      value={row.type}
                      onChange={(e) =>
                        updateRow(row.id, {
                          type: (e.currentTarget as HTMLSelectElement).value as ContextType,
                        })
                      }
                    >
                      {TYPES.map((t) => (
                        <option key={t} value={t}>
                          {t}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    <span>Values of key {i + 1}</span>
                    <input
                      type="text"
                      value={row.values}
                      onInput={(e) =>
                        updateRow(row.id, { values: (e.currentTarget as HTMLInputElement).value })
                      }
                      autocomplete="off"
                      spellcheck={false}
                    />
                  </label>
                  <button
                    type="button"
                    class="button secondary"
                    onClick={() => setRows((rs) => rs.filter((r) => r.id !== row.id))}
                  >
                    Remove key {i + 1}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <datalist id="pg-key-list">
            {COMMON_KEYS.map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
          <button
            type="button"
            class="button secondary"
            onClick={() => {
              setRows((rs) => [...rs, { id: nextId, key: '', type: 'String', values: '' }]);
              setNextId((n) => n + 1);
            }}
          >
            Add context key
          </button>
        </fieldset>
        <button type="submit" class="button">
          Evaluate
        </button>
      </form>
      <div class="pg-result" role="status" aria-live="polite">
        {problem !== null && (
          <p class="pg-problem">
            <span aria-hidden="true">⚠ </span>
            {problem}
          </p>
        )}
        {answer !== null && (
          <div class="pg-answer">
            <p class={`pg-decision ${shown?.cls ?? 'deny'}`}>
              <span aria-hidden="true" class="pg-decision-icon">
                {shown?.icon ?? '⚠'}
              </span>{' '}
              <strong>{shown?.word ?? 'No decision: the request could not be evaluated'}</strong>
            </p>
            <p class="pg-asked">{answer.asked}</p>
            {unknownAction && (
              <p class="pg-hint">
                <span aria-hidden="true">⚠ </span>
                {answer.action} is not an action in the IAM catalog: check its spelling. A policy
                naming it would be rejected, and no real request carries it.
              </p>
            )}
            {answer.answer.result.message !== undefined && (
              <p>
                AWS would answer: <code>{answer.answer.result.message}</code>
              </p>
            )}
          </div>
        )}
      </div>
      {answer !== null && (
        <div class="pg-explain ex-explain">
          <AuthorizeExplanation result={answer.answer.result} />
          <details class="pg-request">
            <summary>The request context that was evaluated</summary>
            <pre>{JSON.stringify(answer.answer.input.request.context ?? {}, null, 2)}</pre>
          </details>
        </div>
      )}
    </div>
  );
}
