/**
 * Final edits: documents that end up different from the seed (the Playground's editors, or a
 * terminal command that changed one), written last in build.sh so the real world ends in the same
 * state as the simulated one, whatever order the learner made the changes in.
 */
import type { ExportModel } from './model.ts';
import { templated } from './model.ts';
import { Script, useAccount } from './script.ts';

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
  /** Why there is no command, or what to watch for. */
  note?: string;
  /**
   * A shell line run just before the command, for a value only the real account knows (an
   * Organizations policy id, looked up by the policy's name); `apply.args` may use its variable.
   */
  before?: string;
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
    const file = s.policyFile(edit.label, edit.text, model);
    if (edit.apply === undefined) {
      s.comment(
        `MANUAL STEP: ${edit.label} is written to ${file.replace(/^file:\/\//, '')}; set it by hand.`,
      );
      continue;
    }
    if (edit.before !== undefined) s.raw(edit.before);
    const args = edit.apply.args.map((a) =>
      typeof a === 'string' ? a : ([a[0], templated(model, a[1])] as const),
    );
    s.aws(edit.apply.service, edit.apply.command, [...args, [edit.apply.documentOption, file]]);
  }
  return `${s.lines.join('\n')}\n`;
}
