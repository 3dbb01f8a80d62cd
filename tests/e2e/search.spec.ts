/** Full-text search over the lessons, with the index Pagefind built after the site. */
import { test, expect } from './fixtures.ts';

test('searching finds the lesson that explains a term, and the query is linkable', async ({ page }) => {
  await page.goto('search/');
  const box = page.getByRole('searchbox', { name: 'Search for' });
  await box.fill('get-caller-identity');
  await box.press('Enter');
  await expect(page.getByRole('main').getByRole('status')).toHaveText(/match/);
  const first = page.getByRole('main').getByRole('list').getByRole('link').first();
  await expect(first).toHaveText(/Why roles/);
  expect(page.url()).toContain('?q=get-caller-identity');
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search for' })).toHaveValue('get-caller-identity');
  await expect(page.getByRole('main').getByRole('list').getByRole('link').first()).toBeVisible();
  await first.click();
  await expect(page).toHaveURL(/lessons\/why-roles\//);
});

test('a search with no hits says so', async ({ page }) => {
  await page.goto('search/?q=zzzqqqxxyy');
  await expect(page.getByRole('main').getByRole('status')).toHaveText('No lesson mentions “zzzqqqxxyy”.');
});
