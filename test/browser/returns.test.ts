import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aChild, census } from '../../src/domain/returns/cin/test-builders.ts';
import { newCouncil, newWorker } from '../support/world.ts';
import { signInThroughTheForm } from './pages.ts';
import { browserWorld, keepScreenshot, screenshotFolder, verifyOnPage } from './support.ts';

describe('checking a return', async () => {
  const { page, address, db } = await browserWorld();
  const council = await newCouncil(db);
  const analyst = await newWorker(db, council, 'performance-analyst', { givenName: 'Hannah' });
  const file = join(mkdtempSync(join(tmpdir(), 'hearth-return-')), 'cin-2025.xml');
  writeFileSync(file, census(aChild({ LAchildID: 'HS1001', Sex: 'X' }), aChild({ LAchildID: 'HS1002' })));

  it('uploads a CIN census file and shows the findings by rule, passing axe', async () => {
    await signInThroughTheForm(page, address, analyst);
    await page.getByRole('link', { name: 'Check a return' }).first().click();
    await verifyOnPage(page, 'Check a statutory return');
    await page.getByLabel('Children in need census').check();
    await page.getByLabel('Files of the 2025 to 2026 return').setInputFiles(file);
    await page.getByRole('button', { name: 'Check the return' }).click();
    await verifyOnPage(page, 'Check a statutory return');
    expect(await page.getByRole('main').innerText()).toContain('Findings for cin-2025.xml');
    await keepScreenshot(page, `${screenshotFolder}/return-findings.png`);
  });
});
