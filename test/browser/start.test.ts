/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { browserWorld, keepScreenshot, screenshotFolder, verifyOnPage } from './support.ts';

describe('the start page', async () => {
  const { page, address } = await browserWorld();

  it('opens in Chromium with the GOV.UK styles and passes axe', async () => {
    await page.goto(address);
    await verifyOnPage(page, 'Hearth');
    // The GOV.UK stylesheet has loaded: the start button takes the Design System's green (#0f7a52 in govuk-frontend 6).
    const button = page.getByRole('button', { name: 'Sign in' });
    expect(await button.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
      'rgb(15, 122, 82)',
    );
    // The served script ran: govuk-frontend marks the page as supported.
    await expect
      .poll(() => page.evaluate(() => document.body.className))
      .toContain('govuk-frontend-supported');
    await keepScreenshot(page, `${screenshotFolder}/start.png`);
  });

  it('lets a keyboard user skip to the main content', async () => {
    await page.goto(address);
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Skip to main content' });
    await expect.poll(() => skipLink.evaluate((element) => element === document.activeElement)).toBe(true);
  });
});
