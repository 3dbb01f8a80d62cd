/** Links from wikis: ?embed drops the site chrome; Copy link carries the learner's documents. */
import { test, expect, islandReady } from './fixtures.ts';

test('?embed shows the exercise without header, footer or lesson navigation', async ({ page }) => {
  await page.goto('exercises/ec2-trust-policy/?embed');
  await expect(page.getByRole('region', { name: /Let EC2, and only EC2/ })).toBeVisible();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await page.goto('lessons/why-roles/?embed');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Lessons' })).toBeHidden();
});

test('Copy link opens the same documents for a colleague; their own edits are not replaced without asking', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL ?? '').origin });
  await page.goto('exercises/ec2-trust-policy/');
  const exercise = page.getByRole('region', { name: /Let EC2, and only EC2/ });
  await islandReady(page, exercise);
  await exercise.getByRole('button', { name: 'Show solution' }).click();
  await exercise.getByRole('button', { name: 'Apply solution' }).click();
  await exercise.getByRole('button', { name: 'Copy link' }).click();
  await expect(exercise.getByRole('status')).toHaveText(/Link copied/);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/exercises\/ec2-trust-policy\/#state=[\w-]+$/);

  // A colleague with a fresh browser opens it and gets the documents.
  const other = await context.browser()?.newContext();
  if (other === undefined) throw new Error('no browser');
  const colleague = await other.newPage();
  await colleague.goto(link);
  const theirs = colleague.getByRole('region', { name: /Let EC2, and only EC2/ });
  await islandReady(colleague, theirs);
  await expect(theirs.getByRole('status')).toHaveText(/Opened the documents from the shared link/);
  await theirs.getByRole('button', { name: 'Check' }).click();
  await expect(theirs.getByRole('status')).toHaveText(/Solved!/);
  await other.close();

  // The sender has edits of their own: reopening a link asks first.
  await page.evaluate(() => localStorage.setItem('rolelab:doc:ec2-trust-policy/trust', '{"Version":"2012-10-17","Statement":[]}'));
  await page.goto(link);
  await page.reload();
  const again = page.getByRole('region', { name: /Let EC2, and only EC2/ });
  await islandReady(page, again);
  const offer = again.getByRole('group', { name: 'Documents from a shared link' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Keep mine' }).click();
  await expect(offer).toBeHidden();
});

test('a damaged link is refused in words and changes nothing', async ({ page }) => {
  await page.goto('exercises/ec2-trust-policy/#state=not*base64');
  const exercise = page.getByRole('region', { name: /Let EC2, and only EC2/ });
  await islandReady(page, exercise);
  await expect(exercise.getByRole('status')).toHaveText(/damaged/);
});
