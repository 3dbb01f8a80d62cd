// Browser tests drive Debian's Chromium (Playwright cannot download a browser here).
// Say how to get it, instead of failing later with a cryptic launch error.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    `Browser tests need Chromium at ${path}.\n` +
      `  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium\n` +
      `  Elsewhere: set CHROMIUM_PATH to a Chromium or Chrome binary.`,
  );
  process.exit(1);
}
