/** The site shell as a learner uses it: navigation, lessons, theme, anchors, 404, keyboard. */
import { test, expect, useTheme } from './fixtures.ts';

test('the home page says what Rolelab is and lists the curriculum', async ({ page }) => {
  await page.goto('');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('IAM roles');
  const curriculum = page.getByRole('region', { name: 'Curriculum' });
  const first = curriculum.getByRole('link').first();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page).toHaveURL(/\/lessons\/[a-z0-9-]+\/$/);
  await expect(
    page.getByRole('navigation', { name: 'Lessons' }).locator('[aria-current="page"]'),
  ).toHaveCount(1);
});

test('a lesson has a sidebar with the current lesson marked, a table of contents and working anchors', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('lessons/');
  await page.getByRole('main').getByRole('link').first().click();
  await page.waitForLoadState('load');
  const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  const current = page
    .getByRole('navigation', { name: 'Lessons' })
    .locator('a[aria-current="page"]');
  await expect(current).toContainText(title.trim());

  const toc = page.getByRole('complementary', { name: 'On this page' });
  const tocLinks = toc.getByRole('link');
  expect(await tocLinks.count()).toBeGreaterThan(2);
  const target = (await tocLinks.nth(1).getAttribute('href')) ?? '';
  await tocLinks.nth(1).click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(target)).toBeInViewport();
});

test('a heading anchor copies the link to its section', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(baseURL ?? '').origin,
  });
  await page.goto('lessons/');
  await page.getByRole('main').getByRole('link').first().click();
  // The copy handler is attached by the page's script: wait for it before pressing the anchor.
  await page.waitForURL(/\/lessons\/[a-z0-9-]+\/$/);
  await page.waitForLoadState('load');
  const anchor = page.getByRole('link', { name: /^Copy link to section:/ }).first();
  await anchor.focus();
  await anchor.press('Enter');
  // The toast fades after two seconds but keeps its words, so assert the words, not the fade.
  await expect(page.locator('[data-toast]')).toHaveText('Link to this section copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\/lessons\/[a-z0-9-]+\/#[a-z0-9-]+$/);
});

test('the theme follows the system until chosen, and the choice survives a reload', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(bg);
});

test('on a phone the lesson list folds behind a button', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await useTheme(page, 'light');
  await page.goto('lessons/');
  await page.getByRole('main').getByRole('link').first().click();
  await page.waitForLoadState('load');
  const nav = page.getByRole('navigation', { name: 'Lessons' });
  await expect(nav).toBeHidden();
  const button = page.getByRole('button', { name: 'All lessons' });
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(nav).toBeVisible();
});

test('on a phone the site sections open from a Menu button, and Escape closes them', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('');
  await page.waitForLoadState('load');
  const sections = page.getByRole('navigation', { name: 'Site' });
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(sections).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(sections.getByRole('link', { name: 'Playground' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sections).toBeHidden();
  await expect(menu).toBeFocused();
  // Keyboard only: the button opens it, Tab reaches the links, Enter follows one.
  await menu.press('Enter');
  await page.keyboard.press('Tab');
  await expect(sections.getByRole('link', { name: 'Lessons' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/lessons\/$/);
});

test('on a wide screen the sections are in the header and there is no Menu button', async ({
  page,
}) => {
  await page.goto('');
  await page.waitForLoadState('load');
  await expect(
    page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Lessons' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
});

test('keyboard users can skip to the content', async ({ page }) => {
  await page.goto('');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('an unknown address shows the 404 page with a way back', async ({ page, problems }) => {
  problems.allow.push(/HTTP 404: .*no-such-page/, /Failed to load resource: .*404/);
  const response = await page.goto('no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Not authorized');
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('IAM roles');
});
