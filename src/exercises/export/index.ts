/**
 * "Run it on real AWS": from a world seed and the learner's documents, the AWS CLI script that
 * builds the same world on real accounts, its cleanup script, CloudFormation templates, and
 * `aws iam simulate-custom-policy` calls that confirm each check's decision there.
 *
 * Pure (no DOM, no clock): the exercise runner and the playground both call it.
 *
 *   exportWorld({ title, seed, documents, checks })   // any world: the playground
 *   exportExercise(exercise, texts)                    // an exercise with the learner's texts
 *
 * `documents` are placed exactly where the grader installs them (see buildModel); `checks`
 * (optional) are graded in Rolelab to write the decision next to each simulate call.
 */
import { EDITOR_COMMAND } from '../../sim/cli/shell/editor-command.ts';
import { gradeExercise } from '../grade.ts';
import type { Exercise, Editable } from '../schema.ts';
import { TERMINAL_ID } from '../terminal-id.ts';
import { gradeWithCommands } from '../terminal-replay.ts';
import type { ParsedWorldSeed } from '../../sim/world/seed-schema.ts';
import type { CheckResult, PredictionResult } from '../result.ts';
import { buildScript } from './build.ts';
import { cleanupScript } from './cleanup.ts';
import { cloudFormationTemplates } from './cloudformation.ts';
import type { CfnTemplate } from './cloudformation.ts';
import { buildModel, exerciseDocuments, templated } from './model.ts';
import type { ExportDocument } from './model.ts';
import { editsSection } from './edits.ts';
import type { ExportEdit } from './edits.ts';
import { simulateCalls } from './simulate.ts';
import type { ExportCheck, SimulateCall } from './simulate.ts';

export type { ExportDocument } from './model.ts';
export type { EditStep, ExportEdit } from './edits.ts';
export { BUCKET_SUFFIX_TOKEN } from './model.ts';
export type { ExportCheck, SimulateCall, EvalDecision } from './simulate.ts';
export type { CfnTemplate } from './cloudformation.ts';
export { CFN_PROPERTIES } from './cloudformation.ts';
export { BUILD_MARKER, HOST_ONLY, POLICY_DIR } from './script.ts';

/** A downloadable file of the export. */
export interface ExportFile {
  /** File name, e.g. `build.sh`. */
  name: string;
  text: string;
}

/** Everything the export produces. */
export interface WorldExport {
  /** The bash script of `aws` commands that builds the world. */
  build: ExportFile;
  /** The bash script that deletes what build.sh made. */
  cleanup: ExportFile;
  /** One CloudFormation template (JSON) per account. */
  templates: (ExportFile & { account: number })[];
  /** The simulate calls, one per check or question, as a script. */
  simulate: ExportFile;
  /** The simulate calls one by one, with the expected EvalDecision and notes. */
  calls: SimulateCall[];
  /** Documents whose target is not in the world (reported, never dropped silently). */
  unplaced: string[];
}

/** What `exportWorld` takes. */
export interface ExportInput {
  /** Names the scripts and templates. */
  title: string;
  /** The world the documents go into (a validated seed). */
  seed: ParsedWorldSeed;
  /** The learner's documents and where each goes. */
  documents: readonly ExportDocument[];
  /** Calls to confirm with the policy simulator (checks, prediction questions). */
  checks?: readonly ExportCheck[];
  /** Commands typed in a terminal task, added verbatim (account ids templated) after the build. */
  terminalCommands?: string;
  /**
   * Documents set to their final text last of all (after the typed commands), so the real world
   * ends where the simulated one is: the Playground's changed documents.
   */
  finalEdits?: readonly ExportEdit[];
}

/** A check result in words: "allowed", or "denied (AccessDenied)". */
function outcomeText(r: CheckResult | PredictionResult | undefined): string {
  if (r === undefined) return 'unknown';
  if (r.got === undefined) return `not made (${r.reason ?? 'no credentials'})`;
  const by = r.explanation?.deniedBy === undefined ? '' : `, decided by ${r.explanation.deniedBy}`;
  return r.got.outcome === 'allowed' ? 'allowed' : `denied with ${r.got.code}${by}`;
}

function editablesOf(documents: readonly ExportDocument[]): Editable[] {
  return documents.map((d) => ({
    id: d.id,
    kind: d.kind,
    label: `Document ${d.id}`,
    starter: d.text,
    target: d.target,
  }));
}

/** Rolelab's decision for each check, by grading the same world. */
function decisionsFor(input: ExportInput): string[] {
  const checks = input.checks ?? [];
  if (checks.length === 0) return [];
  const exercise = {
    title: input.title,
    prompt: input.title,
    world: input.seed,
    editable: editablesOf(input.documents),
    solution: {},
    checks: checks.map((c) => ({ ...c, expect: 'allowed' as const })),
    hints: [],
    ...(input.terminalCommands === undefined ? {} : { terminal: {} }),
  } as unknown as Exercise;
  const texts = Object.fromEntries(input.documents.map((d) => [d.id, d.text]));
  if (input.terminalCommands !== undefined) texts[TERMINAL_ID] = input.terminalCommands;
  const graded =
    input.terminalCommands === undefined
      ? gradeExercise(exercise, texts)
      : gradeWithCommands(exercise, texts);
  return graded.checks.map((r) => outcomeText(r));
}

/**
 * Makes a terminal's history safe to run in bash. A here-document typed before the history kept
 * their bodies has only its opening line, and bash would read the rest of the script as that
 * body; a line that opened the page's policy editor (`edit FILE`) wrote a file bash cannot see.
 * Both are commented out with a note saying what to do instead.
 */
function shellReady(commands: string): string {
  const lines = commands.split('\n');
  const out: string[] = [];
  /** The delimiter of the here-document whose body is being copied, if any. */
  let inBody: string | null = null;
  lines.forEach((line, i) => {
    if (inBody !== null) {
      // A body line is text for the file, whatever it looks like.
      if (line.trim() === inBody) inBody = null;
      out.push(line);
      return;
    }
    const edited = line.trimStart().startsWith('#') ? null : EDITOR_COMMAND.exec(line);
    if (edited !== null) {
      out.push(`# MANUAL STEP (you wrote ${edited[1] ?? 'this file'} in Rolelab's policy editor: create it with the same text): ${line.trim()}`);
      return;
    }
    const open = line.trimStart().startsWith('#') ? null : /<<-?\s*['"]?(\w+)['"]?/.exec(line);
    const delimiter = open?.[1];
    if (delimiter === undefined) out.push(line);
    else if (lines.slice(i + 1).some((l) => l.trim() === delimiter)) {
      inBody = delimiter;
      out.push(line);
    } else out.push(`# MANUAL STEP (the here-document's text was not recorded; type it again): ${line}`);
  });
  return out.join('\n');
}

/** The export of any world and documents (the playground's entry point). */
export function exportWorld(input: ExportInput): WorldExport {
  const { model, unplaced } = buildModel(input.seed, input.documents);
  let build = buildScript(model, input.title);
  if (input.terminalCommands !== undefined && input.terminalCommands.trim() !== '') {
    const typed = shellReady(templated(model, input.terminalCommands))
      .replace(/\{\{(ACCOUNT_\d+|BUCKET_SUFFIX)\}\}/g, (_, n: string) => `\${${n}}`)
      .trimEnd();
    build += [
      '',
      '# == Your terminal commands, as you typed them ==',
      '# Simulated account ids became ${ACCOUNT_n}. Files you wrote in the simulated terminal must exist here too,',
      "# and a here-document you typed unquoted (<<EOF) expands $variables in bash: quote it (<<'EOF') if unsure.",
      typed,
      '',
    ].join('\n');
  }
  build += editsSection(model, input.finalEdits ?? []);
  const calls = simulateCalls(model, input.checks ?? [], decisionsFor(input), input.title);
  const templates = cloudFormationTemplates(model, input.title).map((t: CfnTemplate) => ({
    name: model.seed.accounts.length > 1 ? `template-account-${t.account}.json` : 'template.json',
    account: t.account,
    text: `${JSON.stringify(t.template, null, 2)}\n`,
  }));
  return {
    build: { name: 'build.sh', text: build },
    cleanup: { name: 'cleanup.sh', text: cleanupScript(model, input.title) },
    templates,
    simulate: { name: 'simulate.sh', text: calls.script },
    calls: calls.calls,
    unplaced: unplaced.map(
      (d) => `${d.id}: its target is not in the world, so it is not exported.`,
    ),
  };
}

/**
 * The export of an exercise with the learner's current texts (editable id → text; a terminal
 * task's commands under `terminal`). Checks and prediction questions become simulate calls, with
 * the decisions grading gives: `await prepareGrading(exercise)` first (grade.ts), as for a Check.
 */
export function exportExercise(
  exercise: Exercise,
  texts: Readonly<Record<string, string>>,
): WorldExport {
  const terminal = texts[TERMINAL_ID];
  return exportWorld({
    title: exercise.title,
    seed: exercise.world,
    documents: exerciseDocuments(exercise.editable, texts),
    checks: [
      ...exercise.checks,
      ...(exercise.predict ?? []).map((q) => ({
        description: q.question,
        actor: q.actor,
        call: q.call,
        context: q.context,
      })),
    ],
    ...(exercise.terminal !== undefined && terminal !== undefined
      ? { terminalCommands: terminal }
      : {}),
  });
}
