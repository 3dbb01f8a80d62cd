/**
 * What the terminal shows before the cursor: the shell prompt (`alice@laptop:~$ `), `> `
 * inside a here-document, or the question `aws configure` is asking.
 */
import { profileSettings } from './credentials.ts';
import { currentHost, promptSetting } from './session.ts';
import type { CliSession } from './session.ts';

const LABELS: Readonly<Record<string, string>> = {
  aws_access_key_id: 'AWS Access Key ID',
  aws_secret_access_key: 'AWS Secret Access Key',
  region: 'Default region name',
  output: 'Default output format',
};

/** `AWS Access Key ID [****************0001]: `, with the current value (keys masked). */
function configureQuestion(session: CliSession, profile: string, step: number): string {
  const setting = promptSetting(step) ?? '';
  const value = profileSettings(session, profile)?.[setting];
  const shown = value === undefined ? 'None' : setting.startsWith('aws_') ? `****************${value.slice(-4)}` : value;
  return `${LABELS[setting] ?? setting} [${shown}]: `;
}

/** The prompt, e.g. `learner@laptop:~$ ` (or `> ` inside a here-document, or a question). */
export function promptOf(session: CliSession): string {
  // While a here-document is open the shell asks for more lines with PS2.
  if (session.pending !== null) return '> ';
  if (session.prompt !== undefined) return configureQuestion(session, session.prompt.profile, session.prompt.step);
  const h = currentHost(session);
  const dir = h.cwd === h.home ? '~' : h.cwd.startsWith(`${h.home}/`) ? `~${h.cwd.slice(h.home.length)}` : h.cwd;
  return `${h.user}@${h.hostname}:${dir}$ `;
}
