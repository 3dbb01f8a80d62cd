/** What a shell line produces. */
import type { CliResult } from '../types.ts';

/** A line's output; `clear` asks the terminal to clear its screen (Ctrl+L, `clear`). */
export interface ShellResult extends CliResult {
  clear?: boolean;
}

/** Runs one built-in with its words (the command name first) and standard input. */
export type Builtin = (words: readonly string[], stdin: string | undefined) => ShellResult;
