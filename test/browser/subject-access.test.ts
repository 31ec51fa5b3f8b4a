import { readFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { aCaseNote } from '../support/journey.ts';
import { newChild, newCouncil, newWorker, type TestChild } from '../support/world.ts';
import { signInThroughTheForm } from './pages.ts';
import { browserWorld, keepScreenshot, screenshotFolder, verifyOnPage } from './support.ts';

describe('a subject access request, from finding the child to the redacted download (issue 22, part 8)', async () => {
  const { page, address, db } = await browserWorld();
  const council = await newCouncil(db, 'Testshire');
  const worker = await newWorker(db, council, 'social-worker');
  const officer = await newWorker(db, council, 'auditor');
  const child = await newChild(db, council, { givenName: 'Alex', familyName: 'Taylor' });
  const otherChild = await newChild(db, council, { givenName: 'Jordan', familyName: 'Reid' });

  async function aPerson(of: TestChild, person: Record<string, string | null>, relationship: string) {
    const id = uuidv7();
    await db
      .insertInto('people')
      .values({
        council_id: council.id,
        id,
        given_name: person.givenName!,
        family_name: person.familyName!,
        organisation: person.organisation ?? null,
        phone: person.phone ?? null,
      })
      .execute();
    await db
      .insertInto('child_relationships')
      .values({ council_id: council.id, id: uuidv7(), child_id: of.id, person_id: id, relationship })
      .execute();
  }
  await aPerson(child, { givenName: 'Dana', familyName: 'Taylor' }, 'mother');
  await aPerson(
    child,
    { givenName: 'Priya', familyName: 'Okafor', organisation: 'Hillside Primary', phone: '0113 496 0000' },
    'professional',
  );
  await aCaseNote(db, worker, [child, otherChild], {
    title: 'Visit with Dana',
    body: 'Alex played with Jordan Reid. Dana Taylor said Priya Okafor had called on 0113 496 0000.',
  });

  it(
    'lets the information governance officer review the record, untick a professional and download it redacted',
    { timeout: 300_000 },
    async () => {
      await signInThroughTheForm(page, address, officer);
      await page.getByRole('link', { name: 'Subject access' }).first().click();
      await verifyOnPage(page, 'Subject access request');

      // An ID nobody holds is refused as the field's error, the GOV.UK way.
      await page.getByLabel('The child’s council ID').fill('NOBODY1');
      await page.getByRole('button', { name: 'Find the record' }).click();
      await expect.poll(() => page.title()).toMatch(/^Error: /);
      await verifyOnPage(page, 'Subject access request');
      await page.getByLabel('The child’s council ID').fill(child.localId);
      await page.getByRole('button', { name: 'Find the record' }).click();
      await verifyOnPage(page, 'Alex Taylor');

      // Everyone else named in the record is listed, ticked to be withheld, and marked where they appear.
      const withhold = page.getByRole('group', { name: 'Information to withhold' });
      for (const label of [
        /Dana Taylor \(mother\)/,
        /Priya Okafor \(professional, Hillside Primary\)/,
        /Jordan Reid/,
      ])
        expect(await withhold.getByRole('checkbox', { name: label }).isChecked()).toBe(true);
      expect(await page.locator('mark[data-party]').count()).toBeGreaterThanOrEqual(6);
      await keepScreenshot(page, `${screenshotFolder}/subject-access-review.png`);

      // The teacher spoke in her role: the officer discloses her, and sees the page with that choice.
      await withhold.getByRole('checkbox', { name: /Priya Okafor/ }).uncheck();
      await page.getByRole('button', { name: 'Show the record with these choices' }).click();
      await verifyOnPage(page, 'Alex Taylor');
      expect(await withhold.getByRole('checkbox', { name: /Priya Okafor/ }).isChecked()).toBe(false);
      expect(await withhold.getByRole('checkbox', { name: /Dana Taylor/ }).isChecked()).toBe(true);

      const download = async (name: string) => {
        const [file] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name }).click(),
        ]);
        return { name: file.suggestedFilename(), content: readFileSync((await file.path())!) };
      };
      const html = await download('Download as HTML');
      expect(html.name).toBe(`subject-access-${child.localId}-${new Date().toISOString().slice(0, 10)}.html`);
      const text = html.content.toString().replace(/<[^>]+>/g, '');
      expect(text).toContain('Alex played with [redacted: third party].');
      expect(text).toContain('[redacted: third party] said Priya Okafor had called on 0113 496 0000.');
      expect(text).not.toContain('Dana');
      expect(text).not.toContain('Jordan');
      expect(text).toContain('Hillside Primary');

      const pdf = await download('Download as PDF');
      expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');

      // Each download is in the audit trail, with who was withheld and who was not.
      const exports = await db
        .selectFrom('audit_log')
        .select(['action', 'child_id', 'details'])
        .where('council_id', '=', council.id)
        .where('action', '=', 'subject-access.exported')
        .execute();
      expect(exports.map((entry) => [entry.child_id, (entry.details as { format: string }).format])).toEqual([
        [child.id, 'html'],
        [child.id, 'pdf'],
      ]);
      expect((exports[0]!.details as { redacted: string[] }).redacted).toHaveLength(2);
      expect((exports[0]!.details as { disclosed: string[] }).disclosed).toHaveLength(1);
    },
  );
});
