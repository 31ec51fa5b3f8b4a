import { describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild } from '../support/journey.ts';
import { signInThroughTheForm } from './pages.ts';
import { browserWorld, keepScreenshot, screenshotFolder, verifyOnPage } from './support.ts';

describe('a social worker finds a child by a misspelt name, writes a note and corrects it', async () => {
  const { page, address, db } = await browserWorld();
  const { worker } = await aTeamWithAnAllocatedChild(db, {
    givenName: 'Stephen',
    familyName: 'Smith',
    dateOfBirth: '2014-11-02',
  });

  it('goes from sign-in to search, the child, a new note and its correction, with axe on every page', async () => {
    await signInThroughTheForm(page, address, worker);

    await page.getByRole('link', { name: 'Find a child' }).first().click();
    await verifyOnPage(page, 'Find a child');
    await page.getByLabel(/Name, date of birth/).fill('Steven Smyth');
    await page.getByRole('button', { name: 'Search' }).click();
    await verifyOnPage(page, 'Find a child');
    await keepScreenshot(page, `${screenshotFolder}/search-misspelt.png`);
    await page.getByRole('link', { name: 'Stephen Smith' }).click();
    await verifyOnPage(page, 'Stephen Smith');

    await page.getByRole('link', { name: 'Case notes' }).click();
    await verifyOnPage(page, 'Case notes');
    await page.getByRole('link', { name: 'Write a case note' }).click();
    await verifyOnPage(page, 'Write a case note');
    await page.getByLabel('Visit', { exact: true }).check();
    await page.getByLabel('Day').fill('3');
    await page.getByLabel('Month').fill('6');
    await page.getByLabel('Year').fill('2025');
    await page.getByLabel('Title').fill('Home visit');
    await page
      .getByLabel('Note', { exact: true })
      .fill('Saw Stephen alone in his bedroom.\nHe showed me his drawings.');
    // The draft is saved on the server as the note is typed (by /public/case-note-draft.js).
    await expect
      .poll(() => page.getByRole('status').innerText(), { timeout: 10_000 })
      .toContain('Draft saved');
    await keepScreenshot(page, `${screenshotFolder}/write-note.png`);
    await page.getByRole('button', { name: 'Save the note' }).click();
    await verifyOnPage(page, 'Case notes');

    await page.getByRole('link', { name: /Correct this note/ }).click();
    await verifyOnPage(page, 'Correct a case note');
    await page
      .getByLabel('Note', { exact: true })
      .fill('Saw Stephen alone in the living room.\nHe showed me his drawings.');
    await page.getByLabel('What does this correct, and why?').fill('I wrote the wrong room.');
    await page.getByRole('button', { name: 'Save the correction' }).click();
    await verifyOnPage(page, 'Case notes');
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/Corrected on \d+ \w+ \d{4} by Priya/);
    expect(text).toContain('in his bedroom');
    expect(text).toContain('in the living room');
    // Only the correction can be corrected now, so that the latest word on the visit is never in doubt.
    expect(await page.getByRole('link', { name: /Correct this note/ }).count()).toBe(1);
    expect(await page.getByRole('link', { name: /Correct this note.*\(correction\)/ }).count()).toBe(1);
    await keepScreenshot(page, `${screenshotFolder}/note-corrected.png`);

    await page.getByRole('link', { name: 'read the correction' }).click();
    await verifyOnPage(page, 'Home visit');
  });
});
