/** The terminal as a learner uses it: type commands, read the log, history, completion, keys, reload. */
import { test, expect, islandReady } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';

const ROLE_ARN = 'arn:aws:iam::111122223333:role/PhotoReaderRole';

function terminal(page: Page): Locator {
  return page.getByRole('region', { name: "Terminal on maria's laptop" });
}

/** Waits until the island is live (Astro drops `ssr` from <astro-island> once hydrated). */
async function ready(page: Page): Promise<void> {
  await expect(page.locator('astro-island[component-url*="Terminal"]').first()).not.toHaveAttribute('ssr', /.*/);
}

async function type(term: Locator, line: string): Promise<void> {
  const input = term.getByRole('textbox', { name: /^Command/ });
  await input.fill(line);
  await input.press('Enter');
  await expect(input).toHaveValue('');
}

test.beforeEach(async ({ page }) => {
  await page.goto('lessons/why-roles/#try-it-become-the-role');
  await ready(page);
});

test('a user, then the role: identities change in the log and in the status line', async ({ page }) => {
  const term = terminal(page);
  const log = term.getByRole('log');
  await type(term, 'aws sts get-caller-identity');
  await expect(log).toContainText('"Arn": "arn:aws:iam::111122223333:user/maria"');
  await expect(term.locator('.term-who')).toContainText('arn:aws:iam::111122223333:user/maria');

  await type(term, 'aws s3 ls s3://example-photos');
  await expect(log).toContainText('An error occurred (AccessDenied) when calling the ListObjectsV2 operation');

  await type(term, `aws sts assume-role --role-arn ${ROLE_ARN} --role-session-name maria --query "Credentials.[AccessKeyId,SecretAccessKey,SessionToken]" --output text`);
  const creds = ((await log.locator('pre').last().textContent()) ?? '').trim().split(/\s+/);
  expect(creds[0]).toMatch(/^ASIA/);
  await type(term, `export AWS_ACCESS_KEY_ID=${creds[0]} AWS_SECRET_ACCESS_KEY=${creds[1]} AWS_SESSION_TOKEN=${creds[2]}`);
  await type(term, 'aws sts get-caller-identity --query Arn --output text');
  await expect(log).toContainText('arn:aws:sts::111122223333:assumed-role/PhotoReaderRole/maria');
  await expect(term.locator('.term-who')).toContainText('assumed-role/PhotoReaderRole/maria');
  await type(term, 'aws s3 cp s3://example-photos/cat.jpg -');
  await expect(log).toContainText('a photo of a cat');
});

test('errors are marked in text, not colour alone', async ({ page }) => {
  const term = terminal(page);
  await type(term, 'aws s3 rm s3://example-photos/cat.jpg');
  await expect(term.getByRole('log').getByText('Error output:')).toHaveCount(1);
});

test('↑ recalls history, Tab completes, Ctrl+L clears, and the work survives a reload', async ({ page }) => {
  const term = terminal(page);
  const input = term.getByRole('textbox', { name: /^Command/ });
  await input.click();
  await input.press('ArrowUp');
  await expect(input).toHaveValue('aws sts get-caller-identity');
  await input.fill('aws s');
  await input.press('Tab');
  // Several services start with "s": they are listed; the line keeps the common part.
  await expect(term.getByRole('log')).toContainText('s3  s3api');
  await input.fill('aws sts get-call');
  await input.press('Tab');
  await expect(input).toHaveValue('aws sts get-caller-identity ');
  await input.press('Enter');
  await expect(term.getByRole('log')).toContainText('user/maria');
  await input.press('Control+l');
  await expect(term.getByRole('log')).not.toContainText('user/maria');
  await type(term, 'echo kept after reload');
  await page.reload();
  await ready(page);
  const again = terminal(page);
  await expect(again.getByRole('log')).toContainText('kept after reload');
  await again.getByRole('button', { name: 'Reset terminal' }).click();
  await expect(again.getByRole('log')).not.toContainText('kept after reload');
  await expect(again.getByRole('log')).toContainText('back to their start');
});

test('Ctrl+C abandons a here-document; Tab on an empty line moves focus on', async ({ page }) => {
  const term = terminal(page);
  const input = term.getByRole('textbox', { name: /^Command/ });
  await type(term, "cat > trust.json <<'EOF'");
  await expect(term.getByText('>', { exact: true })).toBeVisible();
  await input.fill('{');
  await input.press('Control+c');
  await expect(term.getByRole('log')).toContainText('> {^C');
  await expect(term.getByRole('textbox', { name: /maria@laptop/ })).toBeVisible();
  await input.press('Tab');
  await expect(input).not.toBeFocused();
});

test('edit FILE opens the policy editor; Save writes the file the CLI then reads', async ({ page }) => {
  const term = terminal(page);
  await type(term, 'edit trust.json');
  const editor = term.getByRole('group', { name: 'Editing trust.json' });
  await expect(editor).toBeVisible();
  // The editor is a text area at once and becomes Monaco when it loads: wait for Monaco so the
  // typing is not lost when the text area is swapped out mid-way.
  await expect(editor.locator('.monaco-editor')).toBeVisible();
  const box = editor.getByRole('textbox', { name: 'File trust.json' });
  await box.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}');
  await editor.getByRole('button', { name: 'Save trust.json' }).click();
  await expect(editor).toBeHidden();
  await expect(term.getByRole('log')).toContainText('Saved trust.json');
  await type(term, 'cat trust.json');
  await expect(term.getByRole('log')).toContainText('"Service":"ec2.amazonaws.com"');
});

test('a terminal task: commands typed in the exercise terminal are what Check grades, and Reset starts over', async ({ page }) => {
  await page.goto('exercises/ec2-cli-instance-role/');
  const exercise = page.getByRole('region', { name: /give a running instance read access to S3/ });
  await islandReady(page, exercise);
  const term = exercise.getByRole('region', { name: "Terminal on admin's laptop" });
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByRole('status').last()).toHaveText(/^\d+ of 6 checks passed$/);
  const lines = [
    "cat > ec2-trust.json <<'EOF'",
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
    'EOF',
    'aws iam create-role --role-name S3Reader --assume-role-policy-document file://ec2-trust.json',
    'aws iam attach-role-policy --role-name S3Reader --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    'aws iam create-instance-profile --instance-profile-name S3Reader',
    'aws iam add-role-to-instance-profile --instance-profile-name S3Reader --role-name S3Reader',
    'aws ec2 associate-iam-instance-profile --instance-id i-0a1b2c3d4e5f60718 --iam-instance-profile Name=S3Reader',
  ];
  for (const line of lines) await type(term, line);
  await expect(term.getByRole('log')).toContainText('"AssociationId"');
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByRole('status').last()).toHaveText('6 of 6 checks passed. Solved!');

  // The work survives a reload: the restored terminal's world is graded.
  await page.reload();
  const again = page.getByRole('region', { name: /give a running instance read access to S3/ });
  await islandReady(page, again);
  await expect(again.getByRole('log')).toContainText('"AssociationId"');
  await again.getByRole('button', { name: 'Check' }).click();
  await expect(again.getByRole('status').last()).toHaveText('6 of 6 checks passed. Solved!');

  page.once('dialog', (d) => void d.accept());
  await again.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(again.getByRole('log')).not.toContainText('"AssociationId"');
  await again.getByRole('button', { name: 'Check' }).click();
  await expect(again.getByRole('status').last()).not.toHaveText(/Solved/);
});
