import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anOpenEpisode } from '../support/journey.ts';
import { allocate, newChild, newCouncil, newWorker } from '../support/world.ts';
import { signInThroughTheForm } from './pages.ts';
import { browserWorld, keepScreenshot, screenshotFolder, verifyOnPage } from './support.ts';

describe('committee reports from a page (issue 20, part 5)', async () => {
  const { page, address, db } = await browserWorld();
  const council = await newCouncil(db, 'Testshire');
  const worker = await newWorker(db, council, 'social-worker');
  const director = await newWorker(db, council, 'director');
  const analyst = await newWorker(db, council, 'performance-analyst');
  const child = await newChild(db, council, { givenName: 'Jordan', familyName: 'Okafor' });
  await allocate(db, child, worker, { from: '2025-04-01' });
  await anOpenEpisode(db, child, worker, { referralDate: '2025-05-12' });

  it(
    'lets a director write the report’s words, read it and download it as PDF, Word and HTML',
    { timeout: 600_000 },
    async () => {
      await signInThroughTheForm(page, address, director);
      await page.goto(`${address}/performance/reports`);
      await verifyOnPage(page, 'Committee reports');
      await page.goto(`${address}/performance/reports/2025/words`);
      await verifyOnPage(page, /The words of the report on 2025–26/);
      await page.getByLabel('Committee (optional)').fill('Children and Young People Scrutiny Committee');
      await page.getByLabel('Report of (optional)').fill('Director of Children’s Services');
      await page.getByLabel('Classification').selectOption('exempt');
      await page.getByRole('button', { name: 'Save' }).click();
      // Exempt without its paragraph: the error summary names the field, and what was typed is kept.
      await expect.poll(() => page.title()).toMatch(/^Error: /);
      await verifyOnPage(page, /The words of the report on 2025–26/);
      expect(await page.getByLabel('Report of (optional)').inputValue()).toBe(
        'Director of Children’s Services',
      );
      await page.getByLabel('Paragraph of Schedule 12A, if exempt (optional)').selectOption('1');
      await page
        .getByLabel('Commentary: front door (optional)')
        .fill('Referrals held steady through the year.');
      await page
        .getByLabel('Appendix not for publication (optional)')
        .fill('Two complaints are under investigation.');
      await page.getByRole('button', { name: 'Save' }).click();
      await verifyOnPage(page, 'How children’s social care is doing: the year 2025–26');
      const main = await page.locator('main').innerText();
      expect(main).toContain('Children and Young People Scrutiny Committee');
      expect(main).toContain('paragraph 1 of Part 1 of Schedule 12A to the Local Government Act 1972');
      expect(main).toContain('Referrals held steady through the year.');
      expect(main).toContain('Two complaints are under investigation.');
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await keepScreenshot(page, `${screenshotFolder}/report-${width}.png`);
      }
      await page.setViewportSize({ width: 1280, height: 900 });

      for (const [name, start] of [
        ['PDF', '%PDF-'],
        ['Word', 'PK'],
        ['HTML', '<!DOCTYPE html>'],
      ] as const) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: new RegExp(`^${name}`) }).click(),
        ]);
        const file = readFileSync((await download.path())!);
        expect(file.subarray(0, start.length).toString(), name).toBe(start);
        expect(download.suggestedFilename()).toMatch(/^committee-report-2025\.(pdf|docx|html)$/);
        if (name === 'HTML') expect(file.toString()).toContain('Two complaints are under investigation.');
      }
    },
  );

  it('leaves the non-public appendix out for a role it does not name', { timeout: 300_000 }, async () => {
    await page.context().clearCookies();
    await signInThroughTheForm(page, address, analyst);
    await page.goto(`${address}/performance/reports/2025`);
    await verifyOnPage(page, 'How children’s social care is doing: the year 2025–26');
    const main = await page.locator('main').innerText();
    expect(main).toContain('Referrals held steady through the year.');
    expect(main).not.toContain('Two complaints');
  });
});
