/**
 * Runs cases through both engines, classifies the disagreements against the known-divergence
 * list, and shrinks unexplained ones to a minimal reproducing input.
 */
import type { AuthorizeInput, AuthorizeResult, Decision } from '../../src/sim/authz/types.ts';
import { oracleDecide, type OracleOutcome } from './adapter.ts';
import { DIVERGENCES } from './divergences.ts';
import type { GeneratedCase } from './generate.ts';

export type AuthorizeFn = (input: AuthorizeInput) => AuthorizeResult;

export interface Disagreement {
  case: GeneratedCase;
  ours: Decision | undefined;
  oursErrors: string | undefined;
  oracle: OracleOutcome;
  divergence: string | undefined;
}

export interface Summary {
  total: number;
  agreed: number;
  known: Map<string, number>;
  unexplained: Disagreement[];
  oracleErrors: number;
}

export async function runOracle(cases: readonly GeneratedCase[]): Promise<OracleOutcome[]> {
  const out: OracleOutcome[] = [];
  for (const c of cases) out.push(await oracleDecide(c.input));
  return out;
}

function ourDecision(authorize: AuthorizeFn, input: AuthorizeInput): { decision?: Decision; errors?: string } {
  try {
    const r = authorize(input);
    if (r.decision !== undefined) return { decision: r.decision };
    return { errors: (r.errors ?? []).map((e) => `${e.code}: ${e.message}`).join('; ') || 'no decision' };
  } catch (e) {
    return { errors: `threw: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * The divergence that explains a disagreement. Every listed divergence that recognises the case is
 * neutralised; the explanation is accepted only if our decision is unchanged and iam-simulate then
 * agrees. A predicate can recognise a case its rule does not decide (a grant to the session ARN
 * that does not cover this request), and its rewrite then changes our decision; so when all of
 * them together do not confirm, smaller sets of the recognised divergences are tried, largest
 * first. Returns the first id of the set that explains it, or undefined (with the ids that
 * matched but did not explain it).
 */
export async function explainDisagreement(
  input: AuthorizeInput,
  ours: Decision,
  oracle: Decision,
  authorize: AuthorizeFn,
): Promise<{ id?: string; unconfirmed: string[] }> {
  const matched = DIVERGENCES.filter((d) => d.matches(input, ours, oracle));
  if (matched.length === 0) return { unconfirmed: [] };
  for (const set of subsetsLargestFirst(matched)) {
    const rewritten = set.reduce((acc, d) => d.neutralize(structuredClone(acc)), input);
    if (ourDecision(authorize, rewritten).decision !== ours) continue;
    let theirsAfter: OracleOutcome;
    try {
      theirsAfter = await oracleDecide(rewritten);
    } catch {
      continue;
    }
    const first = set[0];
    if ('decision' in theirsAfter && theirsAfter.decision === ours && first) return { id: first.id, unconfirmed: [] };
  }
  return { unconfirmed: matched.map((d) => d.id) };
}

/** Every non-empty subset of `items` (in their order), the largest first. */
function subsetsLargestFirst<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let mask = (1 << items.length) - 1; mask > 0; mask--) out.push(items.filter((_, i) => (mask & (1 << i)) !== 0));
  return out.sort((a, b) => b.length - a.length);
}

export async function compare(
  cases: readonly GeneratedCase[],
  oracle: readonly OracleOutcome[],
  authorize: AuthorizeFn,
): Promise<Summary> {
  const summary: Summary = { total: cases.length, agreed: 0, known: new Map(), unexplained: [], oracleErrors: 0 };
  for (const [i, c] of cases.entries()) {
    const theirs = oracle[i];
    if (!theirs || 'error' in theirs) {
      summary.oracleErrors++;
      continue;
    }
    const ours = ourDecision(authorize, c.input);
    if (ours.decision === theirs.decision) {
      summary.agreed++;
      continue;
    }
    const explained =
      ours.decision === undefined
        ? { unconfirmed: [] }
        : await explainDisagreement(c.input, ours.decision, theirs.decision, authorize);
    if (explained.id !== undefined) {
      summary.known.set(explained.id, (summary.known.get(explained.id) ?? 0) + 1);
      continue;
    }
    summary.unexplained.push({
      case: c,
      ours: ours.decision,
      oursErrors: ours.errors,
      oracle: theirs,
      divergence: explained.unconfirmed.length > 0 ? `matched ${explained.unconfirmed.join('+')} but not confirmed` : undefined,
    });
  }
  return summary;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

export function formatSummary(s: Summary): string {
  const knownTotal = [...s.known.values()].reduce((a, b) => a + b, 0);
  const ids = [...s.known.entries()].map(([id, n]) => `${id}×${fmt(n)}`).join(', ');
  return (
    `agreement: ${fmt(s.agreed)}/${fmt(s.total)}; known divergences: ${fmt(knownTotal)}` +
    (ids ? ` (${ids})` : '') +
    `; unexplained: ${fmt(s.unexplained.length)}` +
    (s.oracleErrors > 0 ? `; oracle errors: ${fmt(s.oracleErrors)}` : '')
  );
}

/** Groups unexplained disagreements by scenario and decision pair, e.g. `same-account ours=Allow oracle=ImplicitDeny`. */
export function categorize(ds: readonly Disagreement[]): Map<string, Disagreement[]> {
  const groups = new Map<string, Disagreement[]>();
  for (const d of ds) {
    const theirs = 'error' in d.oracle ? `error(${d.oracle.error})` : d.oracle.decision;
    const note = d.divergence ? ` [${d.divergence}]` : '';
    const key = `${d.case.scenario} ours=${d.ours ?? `error(${d.oursErrors ?? ''})`} oracle=${theirs}${note}`;
    const list = groups.get(key) ?? [];
    list.push(d);
    groups.set(key, list);
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Shrinking

type Path = (string | number)[];

function clone<T>(v: T): T {
  return structuredClone(v);
}

function childPaths(node: unknown, base: Path): Path[] {
  const out: Path[] = [];
  if (Array.isArray(node)) {
    node.forEach((child, i) => {
      out.push([...base, i]);
      out.push(...childPaths(child, [...base, i]));
    });
  } else if (node !== null && typeof node === 'object') {
    for (const [k, child] of Object.entries(node)) {
      out.push([...base, k]);
      out.push(...childPaths(child, [...base, k]));
    }
  }
  return out;
}

function removeAt(root: unknown, path: Path): unknown {
  const copy = clone(root);
  let node: unknown = copy;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  const last = path[path.length - 1];
  if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else if (node !== null && typeof node === 'object' && last !== undefined) delete (node as Record<string | number, unknown>)[last];
  return copy;
}

function unwrapAt(root: unknown, path: Path): unknown | undefined {
  const copy = clone(root);
  let parent: unknown = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
  const last = path[path.length - 1];
  if (last === undefined || parent === null || typeof parent !== 'object') return undefined;
  const rec = parent as Record<string | number, unknown>;
  const value = rec[last];
  if (!Array.isArray(value) || value.length !== 1) return undefined;
  rec[last] = value[0];
  return copy;
}

/**
 * Greedily deletes parts of the policies, the context and the principal's tags while the two
 * engines still disagree in the same way.
 */
export async function shrink(
  input: AuthorizeInput,
  authorize: AuthorizeFn,
  budget = 400,
): Promise<AuthorizeInput> {
  const signature = async (candidate: AuthorizeInput): Promise<string | undefined> => {
    const ours = ourDecision(authorize, candidate).decision;
    let theirs: OracleOutcome;
    try {
      theirs = await oracleDecide(candidate);
    } catch {
      return undefined;
    }
    if (ours === undefined || 'error' in theirs || ours === theirs.decision) return undefined;
    return `${ours}/${theirs.decision}`;
  };
  const target = await signature(input);
  if (target === undefined) return input;
  let current = clone(input);
  let calls = 0;
  let changed = true;
  while (changed && calls < budget) {
    changed = false;
    const roots: Path[] = [['policies'], ['request', 'context'], ['principal', 'tags']];
    const paths = roots.flatMap((root) => {
      let node: unknown = current;
      for (const k of root) node = node === undefined ? undefined : (node as Record<string, unknown>)[k as string];
      return node === undefined ? [] : childPaths(node, root);
    });
    for (const path of paths) {
      // A role always has a trust policy: keep it.
      if (path.length === 2 && path[1] === 'trust') continue;
      // Lists of documents (policies.identity, .scp, .rcp) stay lists.
      const unwrap = path.length > 2 ? unwrapAt(current, path) : undefined;
      for (const candidate of [removeAt(current, path), unwrap]) {
        if (candidate === undefined || calls >= budget) continue;
        calls++;
        const c = candidate as AuthorizeInput;
        if ((await signature(c)) === target) {
          current = c;
          changed = true;
          break;
        }
      }
      if (changed) break;
    }
  }
  return current;
}
