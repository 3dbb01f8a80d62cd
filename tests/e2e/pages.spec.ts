/**
 * Every built page, in light, dark and phone width: no serious or critical axe violation, no
 * horizontal scrolling at 360 px, and a screenshot in test-results/screenshots/ to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, builtPages, useTheme } from './fixtures.ts';

const variants = [
  { name: 'light', theme: 'light', viewport: { width: 1280, height: 900 } },
  { name: 'dark', theme: 'dark', viewport: { width: 1280, height: 900 } },
  { name: 'phone', theme: 'light', viewport: { width: 360, height: 780 } },
  { name: 'phone-dark', theme: 'dark', viewport: { width: 360, height: 780 } },
] as const;

const pages = builtPages();

test('the build has pages to check', () => {
  expect(pages).toContain('');
  expect(pages.some((p) => p.startsWith('lessons/') && p !== 'lessons/')).toBe(true);
});

for (const path of pages) {
  for (const variant of variants) {
    test(`${path || 'home'} [${variant.name}]`, async ({ page }) => {
      // A long lesson's axe scan plus a full-page screenshot can take most of the default 30 s on
      // a busy two-core machine; this is a slow test by nature, not a hung one.
      test.slow();
      await page.setViewportSize(variant.viewport);
      await useTheme(page, variant.theme);
      await page.goto(path);
      await expect(page.locator('main')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', variant.theme);

      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      const serious = axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      expect(serious, 'axe found serious or critical violations').toEqual([]);

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);

      const file = (path || 'home').replace(/\/$/, '').replace(/[/.]/g, '_');
      await page.screenshot({ path: `test-results/screenshots/${file}-${variant.name}.png`, fullPage: true });
    });
  }
}
