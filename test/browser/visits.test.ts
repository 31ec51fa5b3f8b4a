import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { londonDate } from '../../src/platform/actor.ts';
import {
  aTeamWithAnAllocatedChild,
  anAssessment,
  anOpenEpisode,
  obligationsWorkedOut,
} from '../support/journey.ts';
import { signInThroughTheForm } from './pages.ts';
import { browserWorld, keepScreenshot, screenshotFolder, verifyOnPage } from './support.ts';

const daysBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

describe('a visit recorded from the child’s header (issue 17, parts 2 and 5)', async () => {
  const { page, address, db } = await browserWorld();
  const today = londonDate(new Date());
  const { worker, manager, child } = await aTeamWithAnAllocatedChild(db, {
    givenName: 'Maisie',
    familyName: 'Okafor',
    dateOfBirth: '2017-04-12',
  });
  // A child in need plan begun 60 days ago: its first visit, due within 20 working days, is overdue.
  const episodeId = await anOpenEpisode(db, child, worker, { referralDate: daysBefore(today, 90) });
  const assessmentId = await anAssessment(db, child, worker, episodeId, { startDate: daysBefore(today, 89) });
  await db
    .updateTable('assessments')
    .set({ authorised_on: daysBefore(today, 61), authorised_by: manager.workerId })
    .where('id', '=', assessmentId)
    .execute();
  await db
    .insertInto('cin_plans')
    .values({
      council_id: worker.council.id,
      id: uuidv7(),
      child_id: child.id,
      episode_id: episodeId,
      start_date: daysBefore(today, 60),
      recorded_by: worker.workerId,
    })
    .execute();
  await obligationsWorkedOut(db, worker, child);

  const caseloadRow = async () => {
    await page.goto(`${address}/caseload`);
    await verifyOnPage(page, 'My caseload');
    return page.getByRole('row').filter({ hasText: 'Maisie Okafor' }).innerText();
  };
  const homeOverdue = async () => {
    await page.goto(`${address}/home`);
    await verifyOnPage(page, /^Welcome, /);
    return page.locator('main').innerText();
  };

  it('clears the overdue visit on My caseload and the home page at once', async () => {
    await signInThroughTheForm(page, address, worker);
    expect(await caseloadRow()).toMatch(/Visit \(child in need plan\) by .*Overdue/);
    expect(await homeOverdue()).toContain('Maisie Okafor: Visit (child in need plan)');

    await page.goto(`${address}/children/${child.id}`);
    await verifyOnPage(page, 'Maisie Okafor');
    const header = page.getByRole('region', { name: 'About Maisie Okafor' });
    await expect.poll(() => header.innerText()).toContain('Child in need plan since');
    expect(await header.innerText()).toContain('Visit (child in need plan)');
    await page.setViewportSize({ width: 1280, height: 800 });
    await keepScreenshot(page, `${screenshotFolder}/child-header-1280.png`, { fullPage: false });
    await page.setViewportSize({ width: 320, height: 640 });
    await keepScreenshot(page, `${screenshotFolder}/child-header-320.png`, { fullPage: false });
    await page.setViewportSize({ width: 1280, height: 800 });

    await header.getByRole('link', { name: 'Record a visit' }).click();
    await verifyOnPage(page, 'Record a visit');
    await page.getByRole('button', { name: 'Save' }).click();
    await verifyOnPage(page, 'Record a visit');
    expect(await page.title()).toMatch(/^Error: /);
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Enter date of the visit');

    const [year, month, day] = today.split('-');
    const date = page.getByRole('group', { name: 'Date of the visit' });
    await date.getByLabel('Day').fill(String(Number(day)));
    await date.getByLabel('Month').fill(String(Number(month)));
    await date.getByLabel('Year').fill(year!);
    await page.getByRole('group', { name: 'Was the child seen?' }).getByLabel('Yes').check();
    await page
      .getByRole('group', { name: /seen alone/ })
      .getByLabel('Yes')
      .check();
    expect(await page.getByText('bedroom').count()).toBe(0);
    await page.getByLabel(/wishes and feelings/).fill('Wants to stay at her school');
    await page
      .getByLabel(/What happened on the visit/)
      .fill('Saw Maisie at home; she showed me her drawings.');
    await keepScreenshot(page, `${screenshotFolder}/record-a-visit.png`);
    await page.getByRole('button', { name: 'Save' }).click();
    await verifyOnPage(page, 'Case notes');
    expect(await page.locator('main').innerText()).toContain('Saw Maisie at home');

    expect(await caseloadRow()).not.toContain('Overdue');
    expect(await homeOverdue()).not.toContain('Maisie Okafor: Visit (child in need plan)');
    // Eleven pages, each checked by axe: on a shared machine that takes longer than the browser tests' minute.
  }, 240_000);
});
