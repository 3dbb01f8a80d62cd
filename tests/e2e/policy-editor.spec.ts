/** The policy editor island on a lesson page, used as a learner would, keyboard first. */
import { test, expect } from './fixtures.ts';

const LABEL = 'Trust policy of WebServerRole';

test.beforeEach(async ({ page }) => {
  await page.goto('lessons/why-roles/');
});

test('the editor works as a text area at once, then becomes Monaco with markers on the exact characters', async ({
  page,
}) => {
  const group = page.getByRole('group', { name: LABEL });
  await group.scrollIntoViewIfNeeded();
  await expect(group.getByText('2 errors, 0 warnings.')).toBeVisible();
  await expect(group.locator('.monaco-editor')).toBeVisible();
  await expect(group.locator('.squiggly-error')).toHaveCount(2);
  await expect(
    group.getByRole('button', { name: /line 5, column 15 .*Effect is case-sensitive/ }),
  ).toBeVisible();
});

test('fixing the document clears the problems, and the edit survives a reload', async ({
  page,
}) => {
  const group = page.getByRole('group', { name: LABEL });
  await group.scrollIntoViewIfNeeded();
  const editor = group.getByRole('textbox', { name: LABEL });
  await expect(group.locator('.monaco-editor')).toBeVisible();
  await editor.focus();
  const keys = async (...names: string[]) => {
    for (const name of names) await page.keyboard.press(name);
  };
  // Line 5 is `"Effect": "allow",`: replace allow with Allow.
  await keys(
    'ControlOrMeta+Home',
    'ArrowDown',
    'ArrowDown',
    'ArrowDown',
    'ArrowDown',
    'End',
    'ArrowLeft',
    'ArrowLeft',
  );
  await keys('Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace');
  await page.keyboard.type('Allow');
  await expect(group.getByText('1 error, 0 warnings.')).toBeVisible();
  // Remove line 8 (Resource) and the comma it leaves behind on line 7.
  await keys(
    'ArrowDown',
    'ArrowDown',
    'End',
    'Shift+ArrowDown',
    'Shift+End',
    'Delete',
    'Backspace',
  );
  await expect(group.getByText('No problems found.')).toBeVisible();
  await expect(group.locator('.squiggly-error')).toHaveCount(0);

  await page.reload();
  const again = page.getByRole('group', { name: LABEL });
  await again.scrollIntoViewIfNeeded();
  await expect(again.getByText('No problems found.')).toBeVisible();
});

test('Escape leaves the editor, so keyboard users are never trapped', async ({ page }) => {
  const group = page.getByRole('group', { name: LABEL });
  await group.scrollIntoViewIfNeeded();
  await expect(group.locator('.monaco-editor')).toBeVisible();
  const editor = group.getByRole('textbox', { name: LABEL });
  await editor.focus();
  await page.keyboard.press('Escape');
  await expect(editor).not.toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('group');
  await page.keyboard.press('Tab');
  await expect(group.getByRole('button', { name: 'Format' })).toBeFocused();
});

test('clicking a problem moves the caret to it, and the caret help explains what is there', async ({
  page,
}) => {
  const group = page.getByRole('group', { name: LABEL });
  await group.scrollIntoViewIfNeeded();
  await expect(group.locator('.monaco-editor')).toBeVisible();
  await group.getByRole('button', { name: /Effect is case-sensitive/ }).click();
  await expect(group.getByRole('textbox', { name: LABEL })).toBeFocused();
  // Move to the action on line 7 and read its help.
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(group.locator('.pe-help')).toContainText('sts:AssumeRole');
});

test('hovering an action shows what it does, from the catalog', async ({ page }) => {
  const group = page.getByRole('group', { name: LABEL });
  await group.scrollIntoViewIfNeeded();
  await expect(group.locator('.monaco-editor')).toBeVisible();
  await group.locator('.view-line span', { hasText: 'sts:AssumeRole' }).last().hover();
  const tip = group.getByRole('tooltip');
  await expect(tip).toContainText('sts:AssumeRole');
  await expect(tip).toContainText(/temporary security credentials/i);
  // Moving onto the tip keeps it (it can be read); moving away from both hides it.
  await tip.hover();
  await expect(tip).toBeVisible();
  await page.mouse.move(0, 0);
  await expect(tip).toBeHidden();
});

test('Format refuses broken JSON with a clear message and loses nothing', async ({ page }) => {
  const group = page.getByRole('group', { name: LABEL });
  await group.scrollIntoViewIfNeeded();
  await expect(group.locator('.monaco-editor')).toBeVisible();
  const editor = group.getByRole('textbox', { name: LABEL });
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(' trailing');
  await expect(
    group.getByRole('button', { name: /line 11, column 3 .*not valid JSON/ }),
  ).toBeVisible();
  await group.getByRole('button', { name: 'Format' }).click();
  await expect(group.getByText(/Fix the JSON syntax error first/)).toBeVisible();
  expect(
    await page.evaluate(() => localStorage.getItem('rolelab:doc:why-roles/broken-trust-policy')),
  ).toContain('trailing');
});

test('keystrokes typed before Monaco arrives are kept when it takes over', async ({ page }) => {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/monaco\.[\w-]+\.js$/, async (route) => {
    await gate;
    await route.continue();
  });
  await page.reload();
  const group = page.getByRole('group', { name: LABEL });
  const area = group.getByRole('textbox', { name: LABEL });
  await area.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n');
  await expect(group.locator('.monaco-editor')).toHaveCount(0);
  await page.keyboard.type('typed-early');
  release();
  await expect(group.locator('.monaco-editor')).toBeVisible();
  await expect(group.locator('.view-lines')).toContainText('typed-early');
});

test('without Monaco (it failed to load) the plain text area still edits and checks', async ({
  page,
  problems,
}) => {
  problems.allow.push(
    /monaco/,
    /Failed to fetch dynamically imported module/,
    /net::ERR_FAILED/,
    /favicon\.svg \(net::ERR_ABORTED\)/,
  );
  await page.route(/\/monaco\.[\w-]+\.js$/, (route) => route.abort());
  await page.reload();
  const group = page.getByRole('group', { name: LABEL });
  const area = group.getByRole('textbox', { name: LABEL });
  await area.fill(
    '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}}',
  );
  await expect(group.getByText('No problems found.')).toBeVisible();
  await expect(group.locator('.monaco-editor')).toHaveCount(0);
});

test('the reading says what a policy allows and flags the risk of s3:* on every resource', async ({
  page,
}) => {
  const group = page.getByRole('group', { name: 'Permissions policy of PhotoReaderRole' });
  await group.scrollIntoViewIfNeeded();
  await expect(group.getByText('No problems found.')).toBeVisible();
  await expect(group.getByText('1 risk found')).toBeVisible();
  await expect(group.getByRole('listitem').filter({ hasText: 'Statement 1:' })).toContainText(
    'every S3 action',
  );
  const area = group.getByRole('textbox', { name: 'Permissions policy of PhotoReaderRole' });
  await expect(group.locator('.monaco-editor')).toBeVisible();
  await area.focus();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  for (let i = 0; i < 31; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('"s3:GetObject",');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('"arn:aws:s3:::example-photos/*"');
  await expect(group.getByText('No problems found.')).toBeVisible();
  await expect(group.getByText(/risk found/)).toHaveCount(0);
  await expect(group.getByRole('listitem').filter({ hasText: 'Statement 1:' })).toContainText(
    's3:GetObject',
  );
});
