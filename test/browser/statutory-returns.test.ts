import { describe, expect, it } from 'vitest';
import { anOpenEpisode } from '../support/journey.ts';
import { allocate, newChild, newCouncil, newTeam, newWorker } from '../support/world.ts';
import { signInThroughTheForm } from './pages.ts';
import { browserWorld, keepScreenshot, screenshotFolder, verifyOnPage } from './support.ts';

describe('statutory returns made from the record (issue 18, part 5)', async () => {
  const { page, address, db } = await browserWorld();
  const council = await newCouncil(db, 'Testshire');
  const team = await newTeam(db, council, { name: 'North assessment team' });
  const worker = await newWorker(db, council, 'social-worker', { team });
  const analyst = await newWorker(db, council, 'performance-analyst', { givenName: 'Hannah' });
  const director = await newWorker(db, council, 'director', { givenName: 'Dana' });
  // Jordan was referred in the 2025–26 year with no ethnicity recorded: CIN rule 4220 finds it.
  const jordan = await newChild(db, council, {
    givenName: 'Jordan',
    familyName: 'Okafor',
    dateOfBirth: '2017-04-12',
  });
  await db.updateTable('children').set({ sex: 'M', ethnicity: null }).where('id', '=', jordan.id).execute();
  await allocate(db, jordan, worker, { from: '2025-09-01' });
  await anOpenEpisode(db, jordan, worker, { referralDate: '2025-09-01' });

  const make = async (label: string) => {
    await page.goto(`${address}/returns`);
    await verifyOnPage(page, 'Statutory returns');
    await page.getByLabel(label).check();
    await page.getByRole('button', { name: 'Make the return' }).click();
    await verifyOnPage(page, 'Statutory returns');
  };
  const download = async (name: RegExp) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name }).click(),
    ]);
    return file;
  };

  it(
    'lets an analyst make and download all three, counting the children with findings without naming them',
    { timeout: 300_000 },
    async () => {
      await signInThroughTheForm(page, address, analyst);
      await page.goto(`${address}/home`);
      await page.getByRole('link', { name: 'Service' }).first().click();
      await verifyOnPage(page, 'Statutory returns');

      await make('Children in need census');
      const main = page.getByRole('main');
      expect(await main.innerText()).toMatch(/1 child\. Hearth’s own validation finds 1 error/);
      expect(await main.getByRole('table').innerText()).toContain('4220');
      expect(await main.innerText()).not.toContain(jordan.localId);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await keepScreenshot(page, `${screenshotFolder}/statutory-returns-${width}.png`);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      const cin = await download(/Download cin-census-2025-26\.xml/);
      expect(cin.suggestedFilename()).toBe('cin-census-2025-26.xml');

      await make('SSDA903 children looked after');
      const ssda903 = await download(/Download ssda903-2025-26\.zip/);
      expect(ssda903.suggestedFilename()).toBe('ssda903-2025-26.zip');

      await make('Ofsted’s Annex A');
      expect(await page.getByRole('main').innerText()).toContain('Early help');
      const annexA = await download(/Download annex-a-.*\.xlsx/);
      expect(annexA.suggestedFilename()).toMatch(/^annex-a-\d{4}-\d\d-\d\d\.xlsx$/);

      const audit = await db
        .selectFrom('audit_log')
        .select(['details'])
        .where('council_id', '=', council.id)
        .where('action', '=', 'return.exported')
        .where('user_id', 'is not', null)
        .execute();
      expect(new Set(audit.map((entry) => (entry.details as { return: string }).return))).toEqual(
        new Set(['cin', 'ssda903', 'annex-a']),
      );
    },
  );

  it('shows a director the child behind a finding, linked to their page', { timeout: 120_000 }, async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInThroughTheForm(page, address, director);
    await make('Children in need census');
    await page.getByText('4220: 1 child').click();
    await page.getByRole('link', { name: jordan.localId }).click();
    await expect.poll(() => page.url()).toContain(`/children/${jordan.id}`);
  });

  it(
    'shows the return problem on the child’s page, and no longer once the record is corrected (part 4)',
    { timeout: 120_000 },
    async () => {
      await page.goto(`${address}/children/${jordan.id}`);
      await verifyOnPage(page, /Jordan Okafor/);
      const main = page.getByRole('main');
      expect(await main.innerText()).toContain('Return problems');
      expect(await main.innerText()).toContain(
        'The ethnicity is missing or not a valid code. (rule 4220: Ethnicity)',
      );
      await keepScreenshot(page, `${screenshotFolder}/child-return-problems.png`);
      // The ethnicity is recorded (the identity form does not yet ask it, so the record is written here).
      await db.updateTable('children').set({ ethnicity: 'WBRI' }).where('id', '=', jordan.id).execute();
      await page.reload();
      await verifyOnPage(page, /Jordan Okafor/);
      expect(await main.innerText()).not.toContain('rule 4220');
    },
  );
});
