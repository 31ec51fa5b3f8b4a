import { mkdirSync } from 'node:fs';
import { Temporal } from 'temporal-polyfill';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { londonDate } from '../../src/platform/actor.ts';
import { newCouncil, newTeam, newWorker } from '../support/world.ts';
import { signInThroughTheForm } from './pages.ts';
import { browserWorld, keepScreenshot, verifyOnPage } from './support.ts';

/** Where the worker's page and the measures page are drawn, at a desk's width and a phone's, to be looked at. */
const shots = process.env.HEARTH_WORKFORCE_SHOTS ?? '/tmp/shots-workforce';

/**
 * The workforce as its people use it (issue 21): a team manager records a worker's training and appraisal on the
 * worker's page, and sees the training that needs renewing; a head of service reads the workforce measures.
 */
describe('a manager’s record of a worker, and the measures for a head of service', async () => {
  const { page, address, db } = await browserWorld();
  const today = Temporal.PlainDate.from(londonDate(new Date()));
  const council = await newCouncil(db);
  const team = await newTeam(db, council, { name: 'Children in care east', caseloadTarget: 18 });
  const manager = await newWorker(db, council, 'team-manager', { team, manages: true, givenName: 'Morgan' });
  const ann = await newWorker(db, council, 'social-worker', { team, givenName: 'Ann' });
  const head = await newWorker(db, council, 'service-manager', { givenName: 'Ade' });
  await db
    .updateTable('workers')
    .set({
      job: 'social-worker',
      contract: 'permanent',
      started_on: '2021-01-04',
      social_work_england_number: 'SW123456',
      swe_expires_on: today.add({ months: 8 }).toString(),
      appraised_on: today.subtract({ months: 13 }).toString(),
      appraisal_due_on: today.subtract({ months: 1 }).toString(),
      lead_areas: ['Unaccompanied minors'],
    })
    .where('id', '=', ann.workerId)
    .execute();
  // A refresher long done that expires within the month, and a course that never expires.
  await db
    .insertInto('training_records')
    .values([
      {
        council_id: council.id,
        id: uuidv7(),
        worker_id: ann.workerId,
        course: 'Safeguarding children level 3',
        completed_on: today.subtract({ years: 3 }).add({ days: 20 }).toString(),
        expires_on: today.add({ days: 20 }).toString(),
      },
      {
        council_id: council.id,
        id: uuidv7(),
        worker_id: ann.workerId,
        course: 'Court skills',
        completed_on: '2022-03-14',
        expires_on: null,
      },
    ])
    .execute();
  mkdirSync(shots, { recursive: true });

  const fillDate = async (legend: string, day: Temporal.PlainDate) => {
    const group = page.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(String(day.day));
    await group.getByLabel('Month').fill(String(day.month));
    await group.getByLabel('Year').fill(String(day.year));
  };
  const drawn = async (name: string) => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await keepScreenshot(page, `${shots}/${name}-${width}.png`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  it('a team manager records Ann’s renewed training and her appraisal', async () => {
    await signInThroughTheForm(page, address, manager);
    await page.goto(`${address}/workforce/staff`);
    await verifyOnPage(page, 'Staff');
    await page.getByRole('link', { name: 'Ann social-worker' }).click();
    await verifyOnPage(page, 'Ann social-worker');
    const banner = page.getByRole('region', { name: 'Important' });
    await expect.poll(() => banner.innerText()).toContain('Safeguarding children level 3 expires on');

    // She did the refresher last week: a new record, expiring in three years.
    await page.getByRole('button', { name: 'Add a training record' }).click();
    await verifyOnPage(page, 'Add a training record');
    await page.getByRole('button', { name: 'Save' }).click();
    await verifyOnPage(page, 'Add a training record');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Enter course');
    await page.getByLabel('Course').fill('Safeguarding children level 3');
    const done = today.subtract({ days: 7 });
    await fillDate('Date the course was completed', done);
    await fillDate('Expiry date (optional)', done.add({ years: 3 }));
    await page.getByRole('button', { name: 'Save' }).click();
    await verifyOnPage(page, 'Ann social-worker');
    expect(await page.getByRole('region', { name: 'Important' }).count()).toBe(0);
    const table = await page.getByRole('table').innerText();
    expect(table).toMatch(/Renewed \d+ \w+ \d{4}/);
    expect(table.match(/\tCurrent/g)).toHaveLength(2);

    // Her appraisal, overdue a month, held today: the next is due in a year.
    await page.getByRole('link', { name: 'Record an appraisal' }).click();
    await verifyOnPage(page, 'Record an appraisal');
    await fillDate('Date of the appraisal', today);
    await page.getByRole('button', { name: 'Save' }).click();
    await verifyOnPage(page, 'Ann social-worker');
    const summary = await page.locator('.govuk-summary-list').innerText();
    expect(summary).not.toContain('Overdue');
    const words = (day: Temporal.PlainDate) =>
      new Date(`${day.toString()}T12:00:00Z`).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
    expect(summary).toContain(words(today.add({ years: 1 })));
    await drawn('worker');
  });

  it('a head of service creates a team, establishes its first post, and sees the measures as at a day', async () => {
    await page.context().clearCookies();
    await signInThroughTheForm(page, address, head);
    await page.goto(`${address}/workforce`);
    await verifyOnPage(page, 'Workforce');
    await drawn('workforce');

    await page.getByRole('button', { name: 'Create a team' }).click();
    await verifyOnPage(page, 'Create a team');
    await page.getByLabel('Team name').fill('Children in care east');
    await page.getByLabel('Caseload target (optional)').fill('18.5');
    await page.getByRole('button', { name: 'Save' }).click();
    await verifyOnPage(page, 'Create a team');
    const problems = await page.getByRole('alert').innerText();
    expect(problems).toContain('Select kind of team');
    await drawn('team-form-errors');
    await page.getByLabel('Team name').fill('Care experienced young people');
    await page.getByLabel('Kind of team').selectOption({ label: 'Care experienced (leaving care)' });
    await page.getByLabel('Caseload target (optional)').fill('25');
    await page.getByLabel('Manager (optional)').selectOption({ label: 'Morgan team-manager' });
    await page
      .getByRole('group', { name: /managers hold cases/ })
      .getByLabel('No')
      .check();
    await page.getByRole('button', { name: 'Save' }).click();
    await verifyOnPage(page, 'Workforce');
    await page.getByRole('link', { name: 'Care experienced young people' }).click();
    await verifyOnPage(page, 'Care experienced young people');
    expect(await page.locator('.govuk-summary-list').innerText()).toContain('Morgan team-manager');

    await page.getByRole('button', { name: 'Establish a post' }).click();
    await verifyOnPage(page, 'Establish a post');
    await page.getByLabel('Post title').fill('Personal adviser (post 1)');
    await page.getByLabel('Job').selectOption({ label: 'Personal adviser' });
    await page.getByLabel('Full-time equivalent (FTE)').fill('0.8');
    await fillDate('Date the post is established', today.subtract({ months: 2 }));
    await drawn('post-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await verifyOnPage(page, 'Care experienced young people');
    const posts = await page.getByRole('table').first().innerText();
    expect(posts).toMatch(/Personal adviser \(post 1\)\tPersonal adviser\t0\.8\tNobody\tVacant/);
    await drawn('team');

    await page.goto(`${address}/workforce/staff/${ann.workerId}/leaving/new`);
    await verifyOnPage(page, 'Record leaving');
    await drawn('leaving-form');

    await page.goto(`${address}/workforce`);
    await page
      .getByRole('link', { name: /measures/i })
      .first()
      .click();
    await verifyOnPage(page, 'Workforce measures');
    // This council's history holds no leaver, agency worker, vacancy, absence or case: a sentence says so, not six
    // flat charts (measures.int.test.ts draws the charts of a council that has them).
    expect(await page.locator('[data-qa="nothing-measured"]').innerText()).toContain(
      'Every measure is nought',
    );
    await fillDate('Show the measures as at', today.add({ days: 1 }));
    await page.getByRole('button', { name: 'Show' }).click();
    await verifyOnPage(page, 'Workforce measures');
    expect(await page.getByRole('alert').innerText()).toContain('The date must be today or in the past');
    await fillDate('Show the measures as at', Temporal.PlainDate.from('2025-03-31'));
    await page.getByRole('button', { name: 'Show' }).click();
    await verifyOnPage(page, 'Workforce measures');
    expect(await page.locator('main').innerText()).toContain('the twelve quarters to 31 March 2025');
    await drawn('measures');
  });

  it('an administrator reads how to write training and induction in the staff list', async () => {
    const admin = await newWorker(db, council, 'administrator', { givenName: 'Kit' });
    await page.context().clearCookies();
    await signInThroughTheForm(page, address, admin);
    await page.goto(`${address}/workforce/upload`);
    await verifyOnPage(page, 'Upload the staff list');
    await page.getByText('How to write training and induction').click();
    expect(await page.locator('main').innerText()).toContain(
      'Safeguarding children level 3 (2023-07-20 to 2026-07-20)',
    );
    await drawn('staff-upload');
  });
});
