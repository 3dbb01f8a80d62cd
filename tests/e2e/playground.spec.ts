/**
 * The Playground as a learner uses it: a CLI command changes the world and the map follows; the
 * evaluation explorer decides and explains; the world survives a reload; Reset brings back the
 * start; everything is reachable from the keyboard.
 */
import { test, expect, islandReady } from './fixtures.ts';
import type { Browser, Locator, Page } from '@playwright/test';

const WEB_READS_ASSETS =
  'role WebServerRole (acme-prod) can read objects in bucket acme-prod-assets (acme-prod)';

function terminal(page: Page): Locator {
  return page.getByRole('region', { name: "Terminal on olivia's laptop" });
}

async function open(page: Page): Promise<void> {
  await page.goto('playground/');
  await page.waitForLoadState('load');
  await islandReady(page, page.getByRole('button', { name: 'Reset Playground' }));
  await expect(page.getByRole('img', { name: 'Map of the Playground world' })).toBeVisible();
}

async function type(term: Locator, line: string): Promise<void> {
  const input = term.getByRole('textbox', { name: /^Command/ });
  await input.fill(line);
  await input.press('Enter');
  await expect(input).toHaveValue('');
}

const readers = (page: Page) => page.getByRole('list', { name: 'Who can read which bucket' });

/** Presses Copy share link, waits for `said`, and returns the link from the clipboard. */
async function copyLink(page: Page, said: string): Promise<string> {
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByText(said)).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Opens `link` as someone else would: a browser context of their own, with a fresh Playground. */
async function openElsewhere(browser: Browser, link: string): Promise<{ theirs: Page; close: () => Promise<void> }> {
  const other = await browser.newContext();
  const theirs = await other.newPage();
  await theirs.goto(link);
  await islandReady(theirs, theirs.getByRole('button', { name: 'Reset Playground' }));
  return { theirs, close: () => other.close() };
}

test('a CLI command changes a policy, the map follows, a reload keeps it and Reset brings it back', async ({
  page,
}) => {
  await open(page);
  await expect(readers(page)).toContainText(WEB_READS_ASSETS);
  const term = terminal(page);
  await type(
    term,
    'aws iam delete-role-policy --role-name WebServerRole --policy-name read-assets --profile prod',
  );
  await expect(readers(page)).not.toContainText(WEB_READS_ASSETS);
  await expect(page.getByText(/Map updated: 0 new arrows, 1 arrow gone\./)).toBeVisible();

  await page.reload();
  await page.waitForLoadState('load');
  await islandReady(page, page.getByRole('button', { name: 'Reset Playground' }));
  await expect(readers(page)).not.toContainText(WEB_READS_ASSETS);
  await expect(terminal(page).getByRole('log')).toContainText('delete-role-policy');

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Reset Playground' }).click();
  await expect(readers(page)).toContainText(WEB_READS_ASSETS);
  await expect(terminal(page).getByRole('log')).not.toContainText('delete-role-policy');
});

test('the evaluation explorer decides and explains, in words', async ({ page }) => {
  await open(page);
  const principal = page.getByRole('combobox', { name: 'Principal' });
  await principal.selectOption({ label: 'bob (IAM user)' });
  await page.getByRole('button', { name: 'Evaluate' }).click();
  const result = page.locator('.pg-result');
  await expect(result).toContainText('Denied: no policy allows it (implicit deny)');
  await expect(page.locator('.pg-explain')).toContainText('Resource-based policy');

  await principal.selectOption({ label: 'alice (IAM user)' });
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(result).toContainText('Allowed');
  await expect(page.locator('.pg-explain')).toContainText('statement "AliceReadsReports"');

  // A context key that makes the bucket's Deny apply.
  await page
    .getByRole('combobox', { name: /^Resource ARN/ })
    .fill('arn:aws:s3:::acme-prod-assets/css/site.css');
  await principal.selectOption({ label: 'WebServerRole (role, as a new session)' });
  await page.getByRole('button', { name: 'Add context key' }).click();
  await page.getByRole('combobox', { name: 'Key 1', exact: true }).fill('aws:SecureTransport');
  // A key whose type is fixed gets it chosen.
  await expect(page.getByRole('combobox', { name: 'Type of key 1' })).toHaveValue('Bool');
  await page.getByRole('textbox', { name: 'Values of key 1' }).fill('maybe');
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(result).toContainText('aws:SecureTransport is a Bool');
  await page.getByRole('textbox', { name: 'Values of key 1' }).fill('false');
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(result).toContainText('Denied by an explicit Deny');
  await expect(page.locator('.pg-explain')).toContainText('DenyInsecureTransport');

  // A misspelt action is still decided, with a warning that AWS knows no such action.
  await page.getByRole('combobox', { name: /^Action/ }).fill('s3:GetObjects');
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(result).toContainText('s3:GetObjects is not an action in the IAM catalog');
});

test('an invalid document is rejected with the reason and the edit is kept; a valid one changes the map', async ({
  page,
}) => {
  // Monaco loads and types slowly on a busy machine.
  test.setTimeout(60_000);
  await open(page);
  const assumers = page.getByRole('list', { name: 'Who can assume which role' });
  await expect(assumers).toContainText(
    'user alice (acme-dev) can assume role ProdAdmin (acme-prod) with MFA',
  );
  await page
    .getByRole('combobox', { name: 'Document' })
    .selectOption({ label: 'Trust policy of role ProdAdmin' });
  const editor = page.getByRole('group', { name: 'Trust policy of role ProdAdmin' });
  await editor.scrollIntoViewIfNeeded();
  await expect(editor.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
  await editor.locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(' trailing');
  const status = page.locator('.pg-doc-status');
  await page.getByRole('button', { name: 'Apply to the world' }).click();
  await expect(status).toContainText('was not applied; your edit is still in the editor');
  await expect(status).toContainText(/Line \d+:/);
  await expect(page.getByRole('combobox', { name: 'Document' })).toContainText(
    '(edited, not applied)',
  );
  await page.getByRole('button', { name: 'Discard my edit' }).click();
  await expect(page.getByRole('combobox', { name: 'Document' })).not.toContainText(
    '(edited, not applied)',
  );

  // "aws:MultiFactorAuthPresent": "true" → "false" (line 13): alice with MFA no longer matches, and a
  // role session from the development account (which never carries MFA) now does.
  await editor.locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
  await page.keyboard.insertText('false');
  await page.getByRole('button', { name: 'Apply to the world' }).click();
  await expect(status).toContainText('Applied Trust policy of role ProdAdmin');
  await expect(assumers).not.toContainText('user alice (acme-dev) can assume role ProdAdmin');
  await expect(assumers).toContainText(
    'role OrganizationAccountAccessRole (acme-dev) can assume role ProdAdmin (acme-prod)',
  );
  await expect(page.getByText(/Map updated: 1 new arrow, 1 arrow gone\./)).toBeVisible();
  // The editor now holds the world's document: nothing left to apply, and it stays so on reload.
  const chooser = page.getByRole('combobox', { name: 'Document' });
  await expect(chooser).not.toContainText('(edited, not applied)');
  await expect(page.getByRole('button', { name: 'Discard my edit' })).toBeDisabled();
  await page.reload();
  await islandReady(page, page.getByRole('button', { name: 'Reset Playground' }));
  await expect(chooser).not.toContainText('(edited, not applied)');
  await expect(assumers).not.toContainText('user alice (acme-dev) can assume role ProdAdmin');
});

test('an applied function policy shows each statement under the id Lambda keeps it by', async ({ page }) => {
  test.setTimeout(60_000);
  await open(page);
  const label = 'Resource policy of function monthly-report';
  await page.getByRole('combobox', { name: 'Document' }).selectOption({ label });
  const editor = page.getByRole('group', { name: label });
  await editor.scrollIntoViewIfNeeded();
  await expect(editor.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
  await editor.locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  const fn = 'arn:aws:lambda:us-east-1:333333333333:function:monthly-report';
  const invoke = (service: string) =>
    `"Effect": "Allow", "Principal": {"Service": "${service}"}, "Action": "lambda:InvokeFunction", "Resource": "${fn}"`;
  // The second statement has no Sid, and the first already uses the id it would be given.
  await page.keyboard.insertText(
    `{"Version": "2012-10-17", "Statement": [{"Sid": "statement-2", ${invoke('sns.amazonaws.com')}}, {${invoke('s3.amazonaws.com')}}]}`,
  );
  await page.getByRole('button', { name: 'Apply to the world' }).click();
  await expect(page.locator('.pg-doc-status')).toContainText(`Applied ${label}`);
  await expect(editor.locator('.view-lines')).toContainText('"statement-2-2"');
  await expect(page.getByRole('combobox', { name: 'Document' })).not.toContainText('(edited, not applied)');
});

test('every control is reachable with the keyboard', async ({ page }) => {
  await open(page);
  const reached = new Set<string>();
  for (let i = 0; i < 80 && !reached.has('Command'); i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return (
        el?.getAttribute('aria-label') ??
        (el?.labels?.[0]?.textContent?.trim() || el?.textContent?.trim() || '')
      );
    });
    reached.add(name.includes('Command (') ? 'Command' : name);
  }
  expect([...reached]).toEqual(
    expect.arrayContaining(['Copy share link', 'Reset Playground', 'Command']),
  );

  // The explorer from the keyboard alone: choose, type, evaluate with Enter.
  const principal = page.getByRole('combobox', { name: 'Principal' });
  await principal.focus();
  await principal.selectOption({ label: 'bob (IAM user)' });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: /^Action/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: /^Resource ARN/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Add context key' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Evaluate' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.pg-result')).toContainText('implicit deny');
});

test('a share link carries the typed lines and never replaces changes without asking', async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::acme-prod-assets' },
    ],
  });
  await type(
    terminal(page),
    `aws iam put-role-policy --role-name WebServerRole --policy-name read-assets --policy-document '${policy}' --profile prod`,
  );
  await expect(readers(page)).not.toContainText(WEB_READS_ASSETS);
  const link = await copyLink(page, 'Link copied: it opens the Playground with your 1 terminal line.');
  expect(link).toMatch(/\/playground\/#state=[\w-]+$/);

  // Someone else, with a fresh Playground: the link applies at once.
  const { theirs, close } = await openElsewhere(browser, link);
  await expect(
    theirs.getByText('Opened the shared Playground: 1 terminal line on a fresh world.'),
  ).toBeVisible();
  await expect(readers(theirs)).not.toContainText(WEB_READS_ASSETS);
  // The line was replayed in their terminal: it is in the log's notice and in the history.
  await expect(terminal(theirs)).toContainText('Replayed 1 line from a shared link');

  // Opening it again over their own changes: asked first, and "Keep mine" keeps them.
  await type(
    terminal(theirs),
    'aws iam delete-role-policy --role-name ReportsFunctionRole --policy-name write-reports --profile prod',
  );
  await theirs.goto('about:blank');
  await theirs.goto(link);
  const offer = theirs.getByRole('group', { name: 'Playground from a shared link' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Keep mine' }).click();
  await expect(readers(theirs)).not.toContainText('role ReportsFunctionRole (acme-prod) can read');
  await close();
});

test('a share link replays a role made in the terminal from a here-document', async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  const term = terminal(page);
  const trust =
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
  for (const line of ["cat > trust.json <<'EOF'", trust, 'EOF'])
    await type(term, line);
  await type(
    term,
    'aws iam create-role --role-name Builder --assume-role-policy-document file://trust.json --profile prod',
  );
  const principal = page.getByRole('combobox', { name: 'Principal' });
  await expect(principal.getByRole('option', { name: 'Builder (role, as a new session)' })).toHaveCount(1);
  const link = await copyLink(page, 'Link copied: it opens the Playground with your 4 terminal lines.');
  const { theirs, close } = await openElsewhere(browser, link);
  await expect(
    theirs.getByText('Opened the shared Playground: 4 terminal lines on a fresh world.'),
  ).toBeVisible();
  await expect(
    theirs
      .getByRole('combobox', { name: 'Principal' })
      .getByRole('option', { name: 'Builder (role, as a new session)' }),
  ).toHaveCount(1);
  await close();
});

test('"Run it on real AWS" exports the Playground as it is now: the typed command, then the changed document', async ({
  page,
}) => {
  await open(page);
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ListAssetsOnly',
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::acme-prod-assets',
      },
    ],
  });
  await type(
    terminal(page),
    `aws iam put-role-policy --role-name WebServerRole --policy-name read-assets --policy-document '${policy}' --profile prod`,
  );
  const section = page.getByRole('region', { name: 'On a real AWS account' });
  await section.getByText('Run it on real AWS').click();
  await expect(section.getByRole('note')).toContainText('create real resources');
  const build = section.getByRole('region', { name: 'build.sh' });
  await expect(build).toContainText('# == Your terminal commands, as you typed them ==');
  await expect(build).toContainText('== Documents you changed, set to their final text ==');
  await expect(build).toContainText(
    'aws iam put-role-policy --role-name WebServerRole --policy-name read-assets --policy-document file://',
  );
  await expect(build).toContainText('ListAssetsOnly');
  await section.getByRole('tab', { name: 'CloudFormation' }).click();
  await expect(section.getByRole('region', { name: /template-account-1\.json/ })).toBeVisible();
});

test('a damaged save gives a notice and a fresh world, never a blank page', async ({ page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded') === null) {
      localStorage.setItem(
        'rolelab:terminal:playground-v1',
        '{"version": 1, "world": "not a world"',
      );
      sessionStorage.setItem('seeded', 'yes');
    }
  });
  await open(page);
  await expect(page.getByRole('alert')).toContainText(
    'Your saved Playground could not be read, so it starts fresh.',
  );
  await expect(readers(page)).toContainText(WEB_READS_ASSETS);
  await page.reload();
  await page.waitForLoadState('load');
  await islandReady(page, page.getByRole('button', { name: 'Reset Playground' }));
  await expect(page.getByRole('alert')).toHaveCount(0);
});
