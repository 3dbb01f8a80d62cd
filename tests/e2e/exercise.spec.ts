/** An exercise as a learner does it: read, check, open a result, take a hint, apply the solution. */
import { test, expect } from './fixtures.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('exercises/ec2-trust-policy/');
});

test('Check grades the starter: some checks fail, and a failed row explains the decision step by step', async ({ page }) => {
  const exercise = page.getByRole('region', { name: /Let EC2, and only EC2/ });
  await exercise.getByRole('button', { name: 'Check' }).click();
  const status = exercise.getByRole('status');
  await expect(status).toHaveText(/^\d+ of \d+ checks passed/);
  expect(await status.textContent()).not.toMatch(/Solved/);
  const failing = exercise.getByRole('row').filter({ hasText: '✗ Fail' }).first();
  await failing.getByRole('button').click();
  await expect(exercise.getByText(/Role trust policy/).first()).toBeVisible();
});

test('hints come one at a time, then the button is done', async ({ page }) => {
  const exercise = page.getByRole('region', { name: /Let EC2, and only EC2/ });
  const hint = exercise.getByRole('button', { name: 'Hint' });
  await hint.click();
  await expect(exercise.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(1);
  await expect(exercise.getByText(/Hint 1 of \d+:/)).toBeVisible();
  while (await hint.isEnabled()) await hint.click();
  const total = Number((await exercise.getByText(/Hint 1 of (\d+):/).textContent())?.match(/of (\d+)/)?.[1]);
  await expect(exercise.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(total);
});

test('Show solution shows a diff; Apply solution makes every check pass, and it survives a reload', async ({ page }) => {
  const exercise = page.getByRole('region', { name: /Let EC2, and only EC2/ });
  await exercise.getByRole('button', { name: 'Show solution' }).click();
  await expect(exercise.getByText(/lines to remove \(−\) and to add \(\+\)/).first()).toBeVisible();
  await exercise.getByRole('button', { name: 'Apply solution' }).click();
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByRole('status')).toHaveText(/^(\d+) of \1 checks passed\. Solved!/);
  await page.reload();
  const again = page.getByRole('region', { name: /Let EC2, and only EC2/ });
  await again.getByRole('button', { name: 'Check' }).click();
  await expect(again.getByRole('status')).toHaveText(/Solved!/);
});

test('Reset asks first, then goes back to the starter', async ({ page }) => {
  const exercise = page.getByRole('region', { name: /Let EC2, and only EC2/ });
  await exercise.getByRole('button', { name: 'Show solution' }).click();
  await exercise.getByRole('button', { name: 'Apply solution' }).click();
  page.once('dialog', (d) => d.accept());
  await exercise.getByRole('button', { name: 'Reset' }).click();
  await expect(exercise.getByRole('status')).toHaveText('Reset to the starting documents.');
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByRole('status')).not.toHaveText(/Solved/);
});

test('a lesson lists its exercises under Practice, each reachable by its anchor', async ({ page }) => {
  await page.goto('lessons/why-roles/#ec2-trust-policy');
  await expect(page.getByRole('heading', { name: 'Practice', level: 2 })).toBeVisible();
  await expect(page.getByRole('region', { name: /Let EC2, and only EC2/ })).toBeInViewport();
});
