/** "Run it on real AWS" under an exercise: the export uses the learner's current document, and Copy works. */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, islandReady, useTheme } from './fixtures.ts';

const TITLE = /Least privilege: read one bucket/;
const LABEL = 'Permissions policy of role PhotoApp';

test('the CLI script carries the edited policy; Copy puts it on the clipboard; the tabs work by keyboard', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(baseURL ?? '').origin,
  });
  await page.goto('exercises/least-privilege-photos/');
  const exercise = page.getByRole('region', { name: TITLE });
  await islandReady(page, exercise);

  // Edit the policy: a Sid of our own in the first statement.
  const group = exercise.getByRole('group', { name: LABEL });
  await group.scrollIntoViewIfNeeded();
  await expect(group.locator('.monaco-editor')).toBeVisible();
  await group.getByRole('textbox', { name: LABEL }).focus();
  for (const key of ['ControlOrMeta+Home', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'End', 'Enter'])
    await page.keyboard.press(key);
  await page.keyboard.insertText('"Sid": "EditedInTheBrowser",');

  await exercise.getByText('Run it on real AWS').click();
  await expect(exercise.getByRole('note')).toContainText('create real resources');
  const build = exercise.getByRole('region', { name: 'build.sh' });
  await expect(build).toContainText('"Sid": "EditedInTheBrowser"');
  await expect(build).toContainText('aws iam put-role-policy --role-name PhotoApp');

  await exercise.getByRole('button', { name: 'Copy build.sh' }).click();
  await expect(exercise.getByRole('status').filter({ hasText: 'Copied build.sh.' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('"Sid": "EditedInTheBrowser"');
  expect(copied.startsWith('#!/usr/bin/env bash')).toBe(true);

  const cli = exercise.getByRole('tab', { name: 'CLI script' });
  await cli.focus();
  await page.keyboard.press('ArrowRight');
  await expect(exercise.getByRole('tab', { name: 'CloudFormation' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(exercise.getByRole('region', { name: 'template.json' })).toContainText(
    '"AWS::IAM::Role"',
  );
  await page.keyboard.press('ArrowRight');
  await expect(exercise.getByRole('region', { name: 'simulate.sh' })).toContainText(
    'aws iam simulate-custom-policy',
  );
  await expect(exercise.getByRole('list', { name: 'Expected decisions' })).toContainText(
    /allowed|implicitDeny/,
  );
});

test('the open export panel has no serious accessibility problem, in light and dark', async ({
  page,
}) => {
  for (const theme of ['light', 'dark'] as const) {
    await useTheme(page, theme);
    await page.goto('exercises/xacct-bucket-both-sides/');
    const exercise = page.getByRole('region', { name: /both sides allow/ });
    await islandReady(page, exercise);
    await exercise.getByText('Run it on real AWS').click();
    await expect(exercise.getByRole('region', { name: 'build.sh' })).toBeVisible();
    for (const tab of ['CLI script', 'CloudFormation', 'Simulate calls']) {
      await exercise.getByRole('tab', { name: tab }).click();
      const axe = await new AxeBuilder({ page })
        .include('details.ex-export')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      const serious = axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.length}`);
      expect(serious, `${theme}, ${tab}`).toEqual([]);
    }
  }
});

test('opened before any Check, the export of an MFA exercise still decides every call', async ({
  page,
}) => {
  // Grading for the export needs the MFA authenticator, which loads on demand like the services.
  await page.goto('exercises/best-require-mfa-to-assume/');
  const exercise = page.getByRole('region', { name: /Require MFA to assume the admin role/ });
  await islandReady(page, exercise);
  await exercise.getByText('Run it on real AWS').click();
  await exercise.getByRole('tab', { name: 'Simulate calls' }).click();
  const simulate = exercise.getByRole('region', { name: 'simulate.sh' });
  await expect(simulate).toContainText('Rolelab decides the whole request');
  await expect(simulate).not.toContainText('not loaded');
  await expect(simulate).not.toContainText('The grader failed');
});
