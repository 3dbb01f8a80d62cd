/** After the first visit the site works offline: the service worker has every page and asset. */
import { test, expect, islandReady } from './fixtures.ts';

test.use({ serviceWorkers: 'allow' });

test('after one visit, lessons, exercises and search open with the network off', async ({
  page,
  context,
}) => {
  await page.goto('');
  // The worker installs (and fetches the whole site into its cache) after the page has loaded.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state;
  });
  await context.setOffline(true);

  await page.goto('lessons/cross-account-access/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Cross-account');

  // An exercise page, with ?embed, still checks: the grader and simulator come from the cache.
  await page.goto('exercises/ec2-trust-policy/?embed');
  const exercise = page.getByRole('region', { name: /Let EC2, and only EC2/ });
  await islandReady(page, exercise);
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByRole('status')).toHaveText(/^\d+ of \d+ checks passed/);

  await page.goto('search/?q=get-caller-identity');
  await expect(page.getByRole('main').getByRole('list').getByRole('link').first()).toHaveText(
    /Why roles/,
    { timeout: 15_000 },
  );
  await context.setOffline(false);
});
