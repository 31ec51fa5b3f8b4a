import { writeFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import {
  aCaseNote,
  aCorrectedReferralDate,
  aTeamWithAnAllocatedChild,
  anAssessment,
  anOpenEpisode,
} from '../support/journey.ts';
import { signInThroughTheForm } from './pages.ts';
import { browserWorld, keepScreenshot, screenshotFolder, verifyOnPage } from './support.ts';

/** The text of each page of a PDF. */
async function pagesOf(pdf: Buffer): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages;
}

describe('the chronology a court would accept (issue 17 part 11)', async () => {
  const { page, address, db } = await browserWorld();
  const { worker, manager, child } = await aTeamWithAnAllocatedChild(db, {
    givenName: 'Jay',
    familyName: 'Okafor',
    dateOfBirth: '2015-04-09',
  });
  const episodeId = await anOpenEpisode(db, child, worker, { referralDate: '2025-06-02' });
  await anAssessment(db, child, worker, episodeId, { startDate: '2025-06-03' });
  // Enough notes to fill several printed pages.
  for (let visit = 1; visit <= 14; visit++) {
    await aCaseNote(db, worker, [child], {
      title: `Home visit ${visit}`,
      body: `Saw Jay at home with his mother. ${'He talked about school and his friends, and showed me his room. '.repeat(4)}`,
    });
  }
  const originalId = await aCaseNote(db, worker, [child], { title: 'Visit to school' });
  await db
    .insertInto('case_notes')
    .values({
      council_id: worker.council.id,
      id: uuidv7(),
      kind: 'visit',
      occurred_on: '2025-06-03',
      title: 'Visit to school',
      body: 'Jay was seen with his teacher present, not alone.',
      written_by: manager.workerId,
      written_at: new Date('2025-06-05T09:00:00Z'),
      corrects_note_id: originalId,
      correction_reason: 'Jay was not seen alone',
    })
    .execute()
    .then(async () => {
      const [note] = await db
        .selectFrom('case_notes')
        .select('id')
        .where('corrects_note_id', '=', originalId)
        .execute();
      await db
        .insertInto('case_note_children')
        .values({ council_id: worker.council.id, note_id: note!.id, child_id: child.id })
        .execute();
    });
  await aCorrectedReferralDate(db, episodeId, manager, {
    at: new Date('2025-07-01T09:30:00Z'),
    referralDate: '2025-06-03',
    reason: 'The referral came on 3 June',
  });

  it('shows the chronology on a desk and on a phone, oldest first when asked, corrections marked', async () => {
    await signInThroughTheForm(page, address, worker);
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${address}/children/${child.id}/chronology`);
      await page.getByLabel('Oldest first').check();
      await page.getByRole('button', { name: 'Show' }).click();
      await verifyOnPage(page, 'Chronology');
      const table = await page.getByRole('table').innerText();
      expect(table.indexOf('Allocated to')).toBeLessThan(table.indexOf('Home visit 1'));
      expect(table).toContain('Corrected on 5 June 2025 by Morgan team-manager.');
      expect(table).toContain(
        'Corrected on 1 July 2025 by Morgan team-manager. Reason: The referral came on 3 June',
      );
      await keepScreenshot(page, `${screenshotFolder}/chronology-${width}.png`);
      await page.getByText('Reason: The referral came on 3 June').first().scrollIntoViewIfNeeded();
      await keepScreenshot(page, `${screenshotFolder}/chronology-${width}-correction.png`, {
        fullPage: false,
      });
    }
    // Four pages of a long chronology, each checked by axe, on a shared machine.
  }, 180_000);

  it('prints to a PDF naming the child and who printed it on every page, numbered "Page 1 of N"', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${address}/children/${child.id}/chronology`);
    await page.getByRole('link', { name: /Printable version/ }).click();
    await verifyOnPage(page, 'Chronology of Jay Okafor');
    await keepScreenshot(page, `${screenshotFolder}/chronology-print.png`);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 320, height: 900 });
    await keepScreenshot(page, `${screenshotFolder}/chronology-print-320.png`, { fullPage: false });
    writeFileSync('test-results/chronology.pdf', pdf);
    const pages = await pagesOf(pdf);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, index) => {
      expect(text).toContain('Chronology of Jay Okafor, born 9 April 2015');
      expect(text).toMatch(/Printed by Priya social-worker on \d+ \w+ \d{4} at \d\d:\d\d/);
      expect(text).toContain(`Page ${index + 1} of ${pages.length}`);
    });
  });
});
