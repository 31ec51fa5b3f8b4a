import { describe, expect, it } from 'vitest';
import { allocate, newChild, newCouncil, newTeam, newWorker } from '../support/world.ts';
import { signInThroughTheForm } from './pages.ts';
import { browserWorld, keepScreenshot, screenshotFolder, verifyOnPage } from './support.ts';

describe('finding a child among many (issue 17, part 8)', async () => {
  const { page, address, db } = await browserWorld();
  const council = await newCouncil(db);
  const team = await newTeam(db, council, { name: 'North assessment team' });
  const worker = await newWorker(db, council, 'social-worker', { team, givenName: 'Amara' });
  const manager = await newWorker(db, council, 'team-manager', { team, manages: true, givenName: 'Priya' });
  for (let n = 1; n <= 73; n++)
    await allocate(
      db,
      await newChild(db, council, {
        givenName: n === 7 ? 'Zoë' : 'Robin',
        familyName: `Marsh-${String(n).padStart(2, '0')}`,
      }),
      worker,
    );

  it('pages the Children page, sorts it from a heading, and finds Zoë typed as Zoe', async () => {
    await signInThroughTheForm(page, address, manager);
    await page.goto(`${address}/children`);
    await verifyOnPage(page, 'Children');
    await expect.poll(() => page.getByText('Showing 1 to 50 of 73 children').count()).toBe(1);
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      await keepScreenshot(page, `${screenshotFolder}/children-paged-${width}.png`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('link', { name: 'Next' }).click();
    await verifyOnPage(page, 'Children');
    await expect.poll(() => page.getByText('Showing 51 to 73 of 73 children').count()).toBe(1);
    await page.getByRole('link', { name: 'Date of birth' }).click();
    await expect
      .poll(() => page.getByRole('columnheader', { name: 'Date of birth' }).getAttribute('aria-sort'))
      .toBe('ascending');
    await page.goto(`${address}/search`);
    await page.getByLabel('Name, date of birth, child ID, UPN, NHS number or postcode').fill('Zoe Marsh 07');
    await page.getByRole('button', { name: 'Search' }).click();
    await verifyOnPage(page, 'Find a child');
    await expect.poll(() => page.getByRole('link', { name: 'Zoë Marsh-07' }).count()).toBe(1);
    await page.setViewportSize({ width: 320, height: 900 });
    await keepScreenshot(page, `${screenshotFolder}/search-accents-320.png`);
  });
});
