/**
 * `edit FILE`, and the editors people type by habit (nano, vi, vim, code): the terminal page
 * opens FILE in its policy editor instead of running a command. The shell itself has no editor
 * (replayed, such a line is "command not found"), so whatever replays or exports a terminal's
 * history must know these lines wrote a file it cannot see.
 */
export const EDITOR_COMMAND = /^\s*(?:edit|nano|vi|vim|code)\s+(\S+)\s*$/;
