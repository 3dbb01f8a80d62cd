/** Progress as a self-paced learner meets it: solve, see it counted, export, reset, import. */
import { readFileSync } from 'node:fs';
import { test, expect, islandReady } from './fixtures.ts';

test('a solved exercise shows on the progress page and in the lesson sidebar; export, reset and import keep it', async ({ page }, info) => {
  await page.goto('exercises/ec2-trust-policy/');
  const exercise = page.getByRole('region', { name: /Let EC2, and only EC2/ });
  await islandReady(page, exercise);
  await exercise.getByRole('button', { name: 'Show solution' }).click();
  await exercise.getByRole('button', { name: 'Apply solution' }).click();
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByRole('status')).toHaveText(/Solved!/);

  await page.goto('lessons/why-roles/');
  await expect(page.getByRole('navigation', { name: 'Lessons' }).getByRole('img', { name: /of \d+ exercises solved|all exercises solved/ })).toBeVisible();

  await page.goto('progress/');
  await islandReady(page, page.getByRole('region', { name: 'Where you are' }));
  const item = page.getByRole('region', { name: 'Lessons and exercises' }).getByRole('listitem').filter({ hasText: 'Let EC2, and only EC2' });
  await expect(item).toContainText('Solved');
  await expect(page.getByText(/^1$/).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /Why roles/ }).first()).toBeVisible();
  await expect(page.getByText('Continue where you left off:')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = info.outputPath('progress.json');
  await (await download).saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'rolelab-progress', version: 1 });

  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('button', { name: 'Yes, forget my progress' }).click();
  await expect(item).toContainText('Not started');

  await page.getByLabel('Import progress from a file').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: /Imported/ })).toBeVisible();
  await expect(item).toContainText('Solved');

  await page.getByLabel('Import progress from a file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(page.getByText(/Import failed: That file is not a Rolelab progress export/)).toBeVisible();
});

test('the home page offers to continue the last lesson', async ({ page }) => {
  await page.goto('lessons/why-roles/');
  await page.goto('./');
  await expect(page.getByRole('link', { name: /Why roles/ }).first()).toBeVisible();
  await expect(page.getByText(/Continue where you left off/)).toBeVisible();
});
