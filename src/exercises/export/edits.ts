/**
 * Final edits: documents that end up different from the seed (the Playground's editors, or a
 * terminal command that changed one), written last in build.sh so the real world ends in the same
 * state as the simulated one, whatever order the learner made the changes in.
 */
import type { ExportModel } from './model.ts';
import { templated } from './model.ts';
import { Script, useAccount } from './script.ts';

/** One line of an edit set piece by piece: an AWS CLI command (values templated), or a comment. */
export type EditStep =
  | {
      service: string;
      command: string;
      /** `[option, value]` pairs and bare flags, as in `ExportEdit.apply`. */
      args: readonly (readonly [string, string] | string)[];
      /** Written after the command, e.g. `|| true` for a step that may find nothing to do. */
      suffix?: string;
    }
  | { comment: string };

/** A document to set, with the command that sets it on real AWS. */
export interface ExportEdit {
  /** The account the document lives in (a simulator account id). */
  account: string;
  /** What it is, in words (names the policy file). */
  label: string;
  /** The document's text. */
  text: string;
  /**
   * The AWS CLI command that sets it: service, command, options (values may hold simulator
   * account ids and bucket names; they are templated) and the option that takes the document.
   * Undefined when no single command can set it (the text is written out with `note`).
   */
  apply?: {
    service: string;
    command: string;
    /** `[option, value]` pairs and bare flags (`--set-as-default`). */
    args: readonly (readonly [string, string] | string)[];
    documentOption: string;
  };
  /**
   * Commands that set it piece by piece, in order, when no command takes the whole document (a
   * function policy changes one statement at a time); then no file is written.
   */
  steps?: readonly EditStep[];
  /** Why there is no command, or what to watch for. */
  note?: string;
  /**
   * A shell line run just before the command, for a value only the real account knows (an
   * Organizations policy id, looked up by the policy's name); `apply.args` may use its variable.
   */
  before?: string;
}

/** `args` with simulator account ids and bucket names in their values replaced by tokens. */
function templatedArgs(
  model: ExportModel,
  args: readonly (readonly [string, string] | string)[],
): (readonly [string, string] | string)[] {
  return args.map((a) => (typeof a === 'string' ? a : ([a[0], templated(model, a[1])] as const)));
}

/** The build.sh section that sets every edit, one account section at a time. */
export function editsSection(model: ExportModel, edits: readonly ExportEdit[]): string {
  if (edits.length === 0) return '';
  const s = new Script();
  s.blank();
  s.comment('== Documents you changed, set to their final text ==');
  const current = { n: -1 };
  for (const edit of edits) {
    useAccount(s, model, edit.account, current);
    if (edit.note !== undefined) s.comment(edit.note);
    if (edit.steps !== undefined) {
      for (const step of edit.steps)
        if ('comment' in step) s.comment(step.comment);
        else s.aws(step.service, step.command, templatedArgs(model, step.args), step.suffix === undefined ? '' : ` ${step.suffix}`);
      continue;
    }
    const file = s.policyFile(edit.label, edit.text, model);
    if (edit.apply === undefined) {
      s.comment(
        `MANUAL STEP: ${edit.label} is written to ${file.replace(/^file:\/\//, '')}; set it by hand.`,
      );
      continue;
    }
    if (edit.before !== undefined) s.raw(edit.before);
    s.aws(edit.apply.service, edit.apply.command, [
      ...templatedArgs(model, edit.apply.args),
      [edit.apply.documentOption, file],
    ]);
  }
  return `${s.lines.join('\n')}\n`;
}
