import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { londonDate } from '../../src/platform/actor.ts';
import { allocate, newChild, newCouncil, newTeam, newWorker, type TestWorker } from '../support/world.ts';
import { signInThroughTheForm } from './pages.ts';
import { browserWorld, keepScreenshot, screenshotFolder, verifyOnPage } from './support.ts';

/** Cover for leave and sickness in one step (issue 17, part 4), for a worker who holds 30 children. */
describe('covering an absence in one step', async () => {
  const { page, address, db } = await browserWorld();
  const council = await newCouncil(db);
  const team = await newTeam(db, council, { name: 'Children in care', caseloadTarget: 18 });
  const manager = await newWorker(db, council, 'team-manager', { team, manages: true, givenName: 'Morgan' });
  const ann = await newWorker(db, council, 'social-worker', { team, givenName: 'Ann' });
  const colleagues = [
    [await newWorker(db, council, 'social-worker', { team, givenName: 'Ben' }), 10],
    [await newWorker(db, council, 'social-worker', { team, givenName: 'Cat' }), 5],
    [await newWorker(db, council, 'social-worker', { team, givenName: 'Dev' }), 12],
  ] as const;
  const annsChildren: string[] = [];
  for (let n = 1; n <= 30; n += 1) {
    const child = await newChild(db, council, { givenName: `Child${String(n).padStart(2, '0')}` });
    await allocate(db, child, ann);
    annsChildren.push(child.id);
  }
  const holding = async (worker: TestWorker, count: number) => {
    for (let n = 0; n < count; n += 1) await allocate(db, await newChild(db, council), worker);
  };
  for (const [worker, count] of colleagues) await holding(worker, count);

  it('records leave for Ann, shows cover proposed for all 30 children, and arranges it in one step', async () => {
    const today = Temporal.PlainDate.from(londonDate(new Date()));
    const first = today.add({ days: 7 });
    const last = today.add({ days: 17 });
    await signInThroughTheForm(page, address, manager);
    await page.goto(`${address}/team-caseloads`);
    await verifyOnPage(page, 'Team caseloads');
    await page.getByRole('link', { name: /^Ann social-worker/ }).click();
    await verifyOnPage(page, 'Caseload');
    expect(await page.getByRole('table').innerText()).toContain('Child30 Taylor');
    await keepScreenshot(page, `${screenshotFolder}/worker-caseload.png`);

    await page.getByRole('button', { name: 'Record leave or sickness' }).click();
    await verifyOnPage(page, 'Record leave or sickness');
    await page.getByLabel('Kind of absence').selectOption({ label: 'Annual leave' });
    for (const [legend, day] of [
      ['First day away', first],
      ['Last day away', last],
    ] as const) {
      const group = page.getByRole('group', { name: legend });
      await group.getByLabel('Day').fill(String(day.day));
      await group.getByLabel('Month').fill(String(day.month));
      await group.getByLabel('Year').fill(String(day.year));
    }
    await page.getByRole('button', { name: 'Save' }).click();

    await verifyOnPage(page, 'Cover for leave and sickness');
    // Ben, Cat and Dev have room for 8 + 13 + 6 = 27 of the 30 within the target of 18: the page says so.
    await expect
      .poll(() => page.locator('.govuk-warning-text').innerText())
      .toContain('The team cannot absorb this work: 3 children would take their cover worker over target.');
    expect(await page.getByLabel('Cover for Child01 Taylor').inputValue()).not.toBe('');
    await page.setViewportSize({ width: 1280, height: 900 });
    await keepScreenshot(page, `${screenshotFolder}/cover-1280.png`);
    await page.setViewportSize({ width: 320, height: 800 });
    await keepScreenshot(page, `${screenshotFolder}/cover-320.png`);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The manager changes one proposal and accepts the rest.
    const cat = colleagues[1][0];
    await page.getByLabel('Cover for Child30 Taylor').selectOption({ value: cat.workerId });
    await page.getByRole('button', { name: 'Arrange cover for 30 children' }).click();
    await verifyOnPage(page, 'Cover for leave and sickness');
    await expect
      .poll(() => page.locator('.govuk-inset-text').innerText())
      .toContain('Every child has cover.');
    await keepScreenshot(page, `${screenshotFolder}/cover-arranged.png`);

    const cover = await db
      .selectFrom('allocations')
      .select(['child_id', 'worker_id', 'from_date', 'to_date'])
      .where('council_id', '=', council.id)
      .where('case_role', '=', 'cover')
      .execute();
    expect(cover.map((row) => row.child_id).sort()).toEqual([...annsChildren].sort());
    // Cover ends when the absence ends.
    expect(new Set(cover.map((row) => `${row.from_date} to ${row.to_date}`))).toEqual(
      new Set([`${first.toString()} to ${last.toString()}`]),
    );
    expect(cover.find((row) => row.child_id === annsChildren[29])!.worker_id).toBe(cat.workerId);
  }, 180_000);

  it('allocates a child outside the team: says what will change, then what was done', async () => {
    const inCare = await newTeam(db, council, { name: 'Leaving care' });
    const pat = await newWorker(db, council, 'social-worker', { team: inCare, givenName: 'Pat' });
    const ruby = await newChild(db, council, { givenName: 'Ruby', familyName: 'Marsh' });
    await allocate(db, ruby, ann);
    await page.context().clearCookies();
    await signInThroughTheForm(page, address, manager);
    await page.goto(`${address}/children/${ruby.id}/allocation`);
    await verifyOnPage(page, 'Allocate a worker');
    await page.getByLabel('Worker', { exact: true }).selectOption({ value: pat.workerId });
    const today = Temporal.PlainDate.from(londonDate(new Date()));
    const group = page.getByRole('group', { name: 'Starting on' });
    await group.getByLabel('Day').fill(String(today.day));
    await group.getByLabel('Month').fill(String(today.month));
    await group.getByLabel('Year').fill(String(today.year));
    await page.getByLabel('Reason').fill('Ruby is 17 and moving to the leaving care team');
    await page.getByRole('button', { name: 'Continue' }).click();
    await verifyOnPage(page, 'Check the allocation');
    expect(await page.locator('[data-qa="allocation-changes"]').innerText()).toContain(
      'Ruby will move to the Leaving care team; you will no longer see Ruby’s record.',
    );
    await keepScreenshot(page, `${screenshotFolder}/allocation-confirm.png`);
    await page.getByRole('button', { name: 'Confirm allocation' }).click();
    await verifyOnPage(page, 'Allocation recorded');
    expect(await page.locator('main').innerText()).toContain('you no longer see Ruby’s record');
    await keepScreenshot(page, `${screenshotFolder}/allocation-made.png`);
  }, 120_000);
});
