import { describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild, anOpenEpisode } from '../support/journey.ts';
import { signInThroughTheForm } from './pages.ts';
import { browserWorld, keepScreenshot, screenshotFolder, verifyOnPage } from './support.ts';

describe('a child becoming looked after', async () => {
  const { page, address, db } = await browserWorld();
  const { worker, child } = await aTeamWithAnAllocatedChild(db, {
    givenName: 'Kacper',
    familyName: 'Nowak',
    dateOfBirth: '2012-09-03',
  });
  await anOpenEpisode(db, child, worker, { referralDate: '2025-03-03' });

  async function fillDate(legend: string, date: string) {
    const [year, month, day] = date.split('-');
    const group = page.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(String(Number(day)));
    await group.getByLabel('Month').fill(String(Number(month)));
    await group.getByLabel('Year').fill(year!);
  }

  it('records the start of care with its legal status and placement, then a review, passing axe on each page', async () => {
    await signInThroughTheForm(page, address, worker);
    await page.goto(`${address}/children/${child.id}`);
    await verifyOnPage(page, 'Kacper Nowak');
    await page.getByRole('link', { name: 'Care and leaving care' }).click();
    await verifyOnPage(page, 'Care and leaving care');
    await page.getByRole('link', { name: 'Record that the child became looked after' }).click();
    await verifyOnPage(page, 'Record that the child became looked after');

    // Saving with nothing filled in shows the GOV.UK error summary.
    await page.getByRole('button', { name: 'Save' }).click();
    await verifyOnPage(page, 'Record that the child became looked after');
    expect(await page.title()).toMatch(/^Error: /);
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toContain('Enter date the child became looked after');

    await fillDate('Date the child became looked after', '2025-03-14');
    await page.getByLabel('Legal status').selectOption('V2');
    await page.getByLabel('Placement type').selectOption('U6');
    await page.getByLabel('Placement provider').selectOption('PR1');
    await page.getByLabel('Postcode of the placement (optional)').fill('DA1 1AB');
    await page
      .getByRole('group', { name: /inside the council’s area/ })
      .getByLabel('Yes')
      .check();
    await keepScreenshot(page, `${screenshotFolder}/became-looked-after.png`);
    await page.getByRole('button', { name: 'Save' }).click();
    await verifyOnPage(page, 'Care and leaving care');
    expect(await page.getByRole('main').innerText()).toContain(
      'Single period of accommodation under section 20',
    );

    await page.getByRole('link', { name: 'Record a review' }).click();
    await verifyOnPage(page, 'Record a looked after review');
    await fillDate('Date of the review', '2025-04-08');
    await page.getByLabel('How the child took part').selectOption('PN1');
    await page.getByRole('button', { name: 'Save' }).click();
    await verifyOnPage(page, 'Care and leaving care');
    await keepScreenshot(page, `${screenshotFolder}/care.png`);

    await page.goto(`${address}/children/${child.id}/timescales`);
    await verifyOnPage(page, 'What is due');
    await keepScreenshot(page, `${screenshotFolder}/timescales.png`);
  });
});
