/** An exercise as a learner does it: read, check, open a result, take a hint, apply the solution. */
import { test, expect, islandReady } from './fixtures.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('exercises/ec2-trust-policy/');
  await islandReady(page, page.getByRole('region', { name: /Let EC2, and only EC2/ }));
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
  await islandReady(page, again);
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

test('opening a result names the statement that decided it and highlights it in the editor', async ({ page }) => {
  const exercise = page.getByRole('region', { name: /Let EC2, and only EC2/ });
  await exercise.getByRole('button', { name: 'Show solution' }).click();
  await exercise.getByRole('button', { name: 'Apply solution' }).click();
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByRole('status')).toHaveText(/Solved!/);
  const row = exercise.getByRole('button', { name: /^EC2 can assume WebApp/ });
  await row.click();
  await expect(exercise.getByText('Allowed by: Statement[0] in Trust policy of role WebApp', { exact: false })).toBeVisible();
  const editor = exercise.getByRole('group', { name: 'Trust policy of role WebApp' });
  // Named in words, not only coloured…
  await expect(editor.getByText(/Highlighted: Statement\[0\] in Trust policy of role WebApp, the Allow that granted the opened check, lines 4–10\./)).toBeVisible();
  // …and marked on the statement in the editor.
  await expect(editor.locator('.pe-decided').first()).toBeVisible();
  await editor.getByRole('button', { name: 'Go to it' }).click();
  // Closing the row takes the highlight away.
  await row.click();
  await expect(editor.getByText(/Highlighted:/)).toHaveCount(0);
  await expect(editor.locator('.pe-decided')).toHaveCount(0);
});

test('once every check passes, the least-privilege report scores the answer in words', async ({ page }) => {
  const exercise = page.getByRole('region', { name: /Let EC2, and only EC2/ });
  await expect(exercise.getByRole('region', { name: 'Least privilege', exact: true })).toHaveCount(0);
  await exercise.getByRole('button', { name: 'Show solution' }).click();
  await exercise.getByRole('button', { name: 'Apply solution' }).click();
  await exercise.getByRole('button', { name: 'Check' }).click();
  const report = exercise.getByRole('region', { name: 'Least privilege', exact: true });
  await expect(report).toContainText('Score: 100%');
  await expect(report).toContainText('your policies grant only what the task needs');
  await expect(report).toContainText(/Why it matters/);
});

test('the least-privilege report lists access the checks do not need', async ({ page }) => {
  // Passes every check, but also lets PhotoApp read object tags, which no check needs.
  const broad = JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ListThePhotosBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::example-photos' },
        { Sid: 'ReadPhotos', Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectTagging'], Resource: 'arn:aws:s3:::example-photos/*' },
      ],
    },
    null,
    2,
  );
  await page.addInitScript((text) => localStorage.setItem('rolelab:doc:least-privilege-photos/permissions', text), broad);
  await page.goto('exercises/least-privilege-photos/');
  const exercise = page.getByRole('region', { name: /read one bucket and nothing more/ });
  await islandReady(page, exercise);
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByRole('status')).toHaveText(/^(\d+) of \1 checks passed/);
  const report = exercise.getByRole('region', { name: 'Least privilege', exact: true });
  await expect(report).toContainText('role PhotoApp also allows s3:GetObjectTagging on arn:aws:s3:::example-photos/*');
  await expect(report).toContainText('granted by Statement[1] (Sid "ReadPhotos") in Permissions policy of role PhotoApp');
  // Two accesses needed (list the bucket, read objects) of three granted.
  await expect(report).toContainText('Score: 67%');
  await expect(report).toContainText('Somewhat broad');
});

test('a prediction exercise: answer with the keyboard, Check, read each verdict and its reason', async ({ page }) => {
  await page.goto('exercises/predict-who-gets-in/');
  const exercise = page.getByRole('region', { name: /Predict who gets in/ });
  // The runner hydrates when visible; answers picked before that would not reach its state.
  await exercise.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[component-url*="ExerciseRunner"]').first()).not.toHaveAttribute('ssr', /.*/);
  // The scenario is shown, not edited.
  await expect(exercise.getByRole('figure', { name: /Bucket policy of example-team-reports/ })).toContainText('NobodyDeletesReports');
  await expect(exercise.getByRole('textbox')).toHaveCount(0);

  const q1 = exercise.getByRole('group', { name: /^Question 1:/ });
  const q2 = exercise.getByRole('group', { name: /^Question 2:/ });
  const q3 = exercise.getByRole('group', { name: /^Question 3:/ });
  const q4 = exercise.getByRole('group', { name: /^Question 4:/ });
  const implicit = 'Denied — no policy allows it (implicit deny)';
  const explicit = 'Denied — a policy explicitly denies it';

  // Question 1: Allowed (Space picks the focused radio).
  await q1.getByRole('radio', { name: 'Allowed', exact: true }).focus();
  await page.keyboard.press('Space');
  await expect(q1.getByRole('radio', { name: 'Allowed', exact: true })).toBeChecked();
  // Tab goes to the next question's group; the arrow keys move and pick within it.
  await page.keyboard.press('Tab');
  await expect(q2.getByRole('radio', { name: 'Allowed', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(q2.getByRole('radio', { name: implicit })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(q3.getByRole('radio', { name: explicit })).toBeChecked();
  // Question 4 on purpose wrong: bob has no identity policy, but the bucket policy names him.
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await expect(q4.getByRole('radio', { name: implicit })).toBeChecked();

  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByRole('status')).toHaveText('3 of 4 answers right');
  await expect(q1).toContainText('✓ Right: You said Allowed — the engine says Allowed.');
  await expect(q3).toContainText(`✓ Right: You said ${explicit} — the engine says ${explicit}.`);
  await expect(q4).toContainText(`✗ Not quite: You said ${implicit} — the engine says Allowed.`);
  // The reason is folded away until asked for.
  const why = q4.getByText(/^Why: the evaluation of s3:GetObject/);
  await why.click();
  await expect(q4.getByRole('list', { name: 'Deciding statements' })).toContainText('BobReadsReports');

  await q4.getByRole('radio', { name: 'Allowed', exact: true }).focus();
  await page.keyboard.press('Space');
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByRole('status')).toHaveText('4 of 4 answers right. Solved!');
  await expect(q4).toContainText('✓ Right: You said Allowed — the engine says Allowed.');

  // The answers are saved: after a reload they are still picked.
  await page.reload();
  await islandReady(page, exercise);
  await expect(q3.getByRole('radio', { name: explicit })).toBeChecked();
  await expect(q4.getByRole('radio', { name: 'Allowed', exact: true })).toBeChecked();
});
