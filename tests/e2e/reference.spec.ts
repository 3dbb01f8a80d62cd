/**
 * Glossary terms in lessons, the /glossary/ page and the /reference/ page, as a learner uses them:
 * definitions on hover and on keyboard focus, Escape to dismiss, working anchors, every operator.
 */
import { test, expect } from './fixtures.ts';
import { OPERATORS } from '../../src/sim/policy/operators.ts';
import { OPERATOR_EXAMPLES } from '../../src/lib/reference/operator-examples.ts';
import { GLOSSARY } from '../../src/lib/glossary/data.ts';

const definitionOf = (id: string) => GLOSSARY.find((t) => t.id === id)?.definition ?? '';

test('hovering a term in a lesson shows its definition, and Escape hides it', async ({ page }) => {
  await page.goto('lessons/how-aws-decides/');
  await page.waitForLoadState('load');
  const term = page.locator('.prose .gloss-term[data-term="policy"]');
  await expect(term).toHaveCount(1);
  const tip = page.getByRole('tooltip').filter({ hasText: definitionOf('policy') });
  await expect(tip).toBeHidden();

  await term.hover();
  await expect(tip).toBeVisible();
  // Hoverable (WCAG 1.4.13): moving onto the definition keeps it open.
  await tip.hover();
  await expect(tip).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  // Leaving and coming back shows it again.
  await page.mouse.move(0, 0);
  await term.hover();
  await expect(tip).toBeVisible();
});

test('a term reached with the keyboard shows its definition, is described by it, and Escape hides it', async ({
  page,
}) => {
  await page.goto('lessons/why-roles/');
  await page.waitForLoadState('load');
  const term = page.locator('.prose .gloss-term[data-term="trust-policy"]');
  await term.focus();
  await expect(term).toBeFocused();
  await expect(term).toHaveAccessibleDescription(definitionOf('trust-policy'));
  const tip = page.getByRole('tooltip').filter({ hasText: definitionOf('trust-policy') });
  await expect(tip).toBeVisible();
  await expect(tip).toBeInViewport();

  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await expect(term).toBeFocused();

  // Tab onwards and back: the definition shows again.
  await page.keyboard.press('Tab');
  await expect(tip).toBeHidden();
  await page.keyboard.press('Shift+Tab');
  await expect(term).toBeFocused();
  await expect(tip).toBeVisible();
});

test('each term is marked once per lesson, never in headings or code', async ({ page }) => {
  await page.goto('lessons/why-roles/');
  const ids = await page
    .locator('.prose .gloss-term')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-term')));
  expect(ids.length).toBeGreaterThan(10);
  expect(new Set(ids).size).toBe(ids.length);
  await expect(page.locator(':is(h1, h2, h3, h4, code, pre, a, summary) .gloss-term')).toHaveCount(
    0,
  );
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });

  test('a tapped term shows its definition inside the screen', async ({ page }) => {
    await page.goto('lessons/how-aws-decides/');
    await page.waitForLoadState('load');
    const terms = page.locator('.prose .gloss-term');
    for (const i of [0, 3, 7]) {
      const term = terms.nth(i);
      await term.scrollIntoViewIfNeeded();
      await term.tap();
      const tip = term.getByRole('tooltip');
      await expect(tip).toBeVisible();
      const box = await tip.boundingBox();
      expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
      // A tap on the open definition closes it, uncovering the text beneath.
      await tip.tap();
      await expect(tip).toBeHidden();
    }
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
  });
});

test('the reference page lists every condition operator with the simulator’s decisions', async ({
  page,
}) => {
  await page.goto('');
  await page
    .getByRole('navigation', { name: 'Site' })
    .getByRole('link', { name: 'Reference' })
    .click();
  await page.waitForLoadState('load');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reference');
  await expect(
    page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Reference' }),
  ).toHaveAttribute('aria-current', 'page');

  await expect(page.getByRole('img', { name: 'AWS policy evaluation logic' })).toBeVisible();
  await expect(page.locator('#evaluation-steps > li')).toHaveCount(7);

  const index = page.getByRole('navigation', { name: 'Condition operators' });
  await expect(index.getByRole('link')).toHaveCount(OPERATOR_EXAMPLES.length);
  for (const name of Object.keys(OPERATORS)) {
    await expect(page.getByRole('heading', { level: 4, name, exact: true })).toHaveCount(1);
  }
  await index.getByRole('link', { name: 'ForAllValues:StringEquals' }).click();
  await expect(page).toHaveURL(/#op-forallvalues$/);
  const article = page.locator('#op-forallvalues');
  await expect(article).toBeInViewport();
  const requests = article
    .getByRole('list', { name: /Requests decided with/ })
    .getByRole('listitem');
  await expect(requests).toHaveCount(3);
  await expect(requests.nth(2)).toContainText('absent');
  await expect(requests.nth(2)).toContainText('Allowed');
  await expect(requests.nth(1)).toContainText('Denied (implicit)');
});

test('glossary anchors land on their term, and related and lesson links work', async ({ page }) => {
  await page.goto('glossary/#trust-policy');
  await page.waitForLoadState('load');
  const entry = page.locator('#trust-policy');
  await expect(entry).toBeInViewport();
  await expect(entry.locator('dfn')).toHaveText('Trust policy');
  await expect(
    page.getByRole('navigation', { name: 'More' }).getByRole('link', { name: 'Glossary' }),
  ).toHaveAttribute('aria-current', 'page');

  await entry.getByRole('link', { name: 'AssumeRole' }).click();
  await expect(page).toHaveURL(/#assume-role$/);
  await expect(page.locator('#assume-role')).toBeInViewport();

  await page
    .getByRole('navigation', { name: 'Glossary letters' })
    .getByRole('link', { name: 'S', exact: true })
    .click();
  await expect(page.locator('#letter-s')).toBeInViewport();

  const learn = page.locator('#imdsv2').getByRole('link', { name: /Roles for EC2/ });
  const target = (await learn.getAttribute('href')) ?? '';
  await learn.click();
  await page.waitForLoadState('load');
  await expect(page).toHaveURL(
    /\/lessons\/roles-for-ec2\/#why-imdsv2-server-side-request-forgery$/,
  );
  await expect(page.locator(`#${target.split('#')[1]}`)).toBeInViewport();
});
