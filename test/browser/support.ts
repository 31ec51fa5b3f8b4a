import { mkdirSync } from 'node:fs';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { testServer } from '../support/world.ts';

/** Where browser tests leave their screenshots, to be looked at. */
export const screenshotFolder = 'test-results/screenshots';

/**
 * Debian's Chromium, started as the machine's notes require: headless, and without the background networking that
 * this closed network refuses.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  afterAll(() => browser.close());
  return browser;
}

/** A running Hearth over the test database, and a browser page pinned to London time. */
export async function browserWorld() {
  const { app, db } = await testServer();
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchBrowser();
  const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' });
  mkdirSync(screenshotFolder, { recursive: true });
  return { app, db, address, page: await context.newPage() };
}

/** The WCAG 2.2 A and AA rules axe checks (STYLE.md rule 11). */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Checks that the browser is on the page it should be, by its main heading, and that the page passes axe's
 * WCAG 2.2 A and AA rules (STYLE.md rule 11). Called every time a test arrives on a page.
 *
 * axe runs in the page itself. `@axe-core/playwright`'s builder took 3 to 5 s a page in CI, most of it not axe's
 * checks (0.1 to 1 s) but its way of finishing a run in a blank page of its own; Hearth's pages have no frames,
 * which is what that way is for.
 */
export async function verifyOnPage(page: Page, heading: string | RegExp): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(heading);
  // The heading can be there before the style sheet and fonts: axe then measures unstyled links and buttons, and
  // its target-size rule failed now and then on a page reached by a click (CI, 8 December 2026).
  await page.waitForLoadState('load');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
    });
    return results.violations.map((violation) => `${violation.id}: ${violation.help}`);
  }, wcagTags);
  expect(violations).toEqual([]);
}

/** Looks at a page at a phone's width (320 px) too, as a social worker on a visit would see it, then at 1280 px. */
export async function onAPhone(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 320, height: 900 });
  await keepScreenshot(page, `${screenshotFolder}/${name}-narrow.png`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'the page scrolls sideways on a phone').toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
  await keepScreenshot(page, `${screenshotFolder}/${name}.png`);
}

/**
 * Keeps a full-page screenshot in `path` for a person to look at, unless `HEARTH_SCREENSHOTS=off`: CI, where nobody
 * looks, saves the time the browser tests spend drawing some 400 long pages.
 */
export async function keepScreenshot(page: Page, path: string, options = { fullPage: true }): Promise<void> {
  if (process.env.HEARTH_SCREENSHOTS !== 'off') await page.screenshot({ path, ...options });
}
