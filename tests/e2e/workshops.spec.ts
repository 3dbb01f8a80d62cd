/** Workshop pages: instructor notes, hand-out links, hiding solutions for a session, the completion summary. */
import { test, expect, islandReady } from './fixtures.ts';

const EXERCISE = /Let EC2, and only EC2/;

test('the workshops list links to both tracks, and the nav names the section', async ({ page }) => {
  await page.goto('workshops/');
  await expect(
    page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Workshops' }),
  ).toHaveAttribute('aria-current', 'page');
  await page.getByRole('link', { name: 'IAM roles in 90 minutes' }).click();
  await page.waitForLoadState('load');
  await expect(
    page.getByRole('heading', { name: 'IAM roles in 90 minutes', level: 1 }),
  ).toBeVisible();
  // The schedule shows start offsets that add up: the last segment starts at 1:20 and the track ends at 1:30.
  await expect(page.getByText('0:00', { exact: true })).toBeVisible();
  await expect(page.getByText('1:30', { exact: true })).toBeVisible();
});

test('instructor notes are hidden without ?instructor and shown with it, with the two hand-out links', async ({
  page,
}) => {
  await page.goto('workshops/intro-90/');
  await expect(page.getByRole('heading', { name: 'Schedule' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Instructor notes' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Instructor view' })).toHaveCount(0);
  await expect(page.getByText(/Adding sts:AssumeRole to alice's identity policy/)).toBeHidden();

  await page.goto('workshops/intro-90/?instructor');
  await expect(page.getByRole('heading', { name: 'Instructor view' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Instructor notes' }).first()).toBeVisible();
  await expect(page.getByText(/Adding sts:AssumeRole to alice's identity policy/)).toBeVisible();
  const withLink = page.getByRole('textbox', { name: 'Link with solutions' });
  const withoutLink = page.getByRole('textbox', { name: 'Link without solutions' });
  await expect(withLink).toHaveValue(/\/workshops\/intro-90\/\?solutions$/);
  await page
    .getByRole('textbox', { name: /Reason shown to participants/ })
    .fill('We review at 3 pm');
  await expect(withoutLink).toHaveValue(
    /\/workshops\/intro-90\/\?nosolutions=We\+review\+at\+3\+pm$/,
  );
  await expect(page.getByRole('button', { name: 'Copy link without solutions' })).toBeVisible();
});

test('?nosolutions hides Show solution on an exercise reached from the workshop page, for the rest of the tab', async ({
  page,
}) => {
  await page.goto('workshops/intro-90/?nosolutions=We+review+at+3+pm');
  const banner = page.getByRole('complementary', {
    name: 'Solutions are hidden for this workshop',
  });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('We review at 3 pm');
  await page
    .getByRole('region', { name: 'Schedule' })
    .getByRole('link', { name: EXERCISE })
    .click();
  await page.waitForLoadState('load');
  expect(new URL(page.url()).searchParams.get('nosolutions')).toBe('We review at 3 pm');
  const exercise = page.getByRole('region', { name: EXERCISE });
  await islandReady(page, exercise);
  await expect(exercise.getByRole('button', { name: 'Hint' })).toBeVisible();
  await expect(exercise.getByRole('button', { name: 'Show solution' })).toHaveCount(0);
  await expect(
    page.getByRole('complementary', { name: 'Solutions are hidden for this workshop' }),
  ).toBeVisible();

  // Another exercise, opened without the parameter in the same tab: still hidden.
  await page.goto('exercises/trust-a-named-user/');
  const other = page.getByRole('region', { name: /A role that one named person may assume/ });
  await islandReady(page, other);
  await expect(other.getByRole('button', { name: 'Hint' })).toBeVisible();
  await expect(other.getByRole('button', { name: 'Show solution' })).toHaveCount(0);

  // The "with solutions" link lifts it.
  await page.goto('workshops/intro-90/?solutions');
  await expect(
    page.getByRole('complementary', { name: 'Solutions are hidden for this workshop' }),
  ).toBeHidden();
  await page.goto('exercises/trust-a-named-user/');
  await islandReady(
    page,
    page.getByRole('region', { name: /A role that one named person may assume/ }),
  );
  await expect(page.getByRole('button', { name: 'Show solution' })).toBeVisible();
});

test('a solved exercise shows in the completion summary with its time and checksum', async ({
  page,
}) => {
  await page.goto('workshops/intro-90/');
  const summary = page.getByRole('region', { name: 'Your completion summary' });
  await islandReady(page, summary.getByRole('button', { name: 'Copy summary' }));
  await expect(summary.getByText(/Solved 0 of \d+ exercises/)).toBeVisible();
  const row = summary
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: EXERCISE }) });
  await expect(row).toContainText('Not started');
  await expect(row.locator('code')).toHaveText(/^[0-9a-f]{12}$/);
  const before = await row.locator('code').textContent();

  await page.goto('exercises/ec2-trust-policy/');
  const exercise = page.getByRole('region', { name: EXERCISE });
  await islandReady(page, exercise);
  await exercise.getByRole('button', { name: 'Show solution' }).click();
  await exercise.getByRole('button', { name: 'Apply solution' }).click();
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByRole('status')).toHaveText(/Solved!/);

  await page.goto('workshops/intro-90/');
  const again = page.getByRole('region', { name: 'Your completion summary' });
  await islandReady(page, again.getByRole('button', { name: 'Copy summary' }));
  await expect(again.getByText(/Solved 1 of \d+ exercises/)).toBeVisible();
  const solvedRow = again
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: EXERCISE }) });
  await expect(solvedRow).toContainText('Solved');
  await expect(solvedRow.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  await expect(solvedRow.locator('code')).toHaveText(/^[0-9a-f]{12}$/);
  expect(await solvedRow.locator('code').textContent()).not.toBe(before);
  await expect(again.locator('.ws-overall-value')).toHaveText(/^[0-9a-f]{64}$/);

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await again.getByRole('button', { name: 'Copy summary' }).click();
  await expect(again.getByRole('status')).toHaveText('Summary copied as plain text.');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toContain('[x] ec2-trust-policy:');
  expect(text).toMatch(/Overall checksum \(SHA-256\): [0-9a-f]{64}/);
});

test('in ?embed mode the schedule links keep embed, so the exercise opens without site chrome', async ({
  page,
}) => {
  await page.goto('workshops/deep-dive/?embed');
  await expect(page.locator('html')).toHaveAttribute('data-embed', '');
  await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
  await page
    .getByRole('region', { name: 'Schedule' })
    .getByRole('link', { name: 'Audit member accounts from a security account' })
    .click();
  await page.waitForLoadState('load');
  expect(new URL(page.url()).searchParams.has('embed')).toBe(true);
  await expect(page.locator('html')).toHaveAttribute('data-embed', '');
  await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
  await expect(page.getByRole('region', { name: /Audit member accounts/ })).toBeVisible();
});
