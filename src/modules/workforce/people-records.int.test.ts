import { describe, expect, it } from 'vitest';
import {
  dateBoxes,
  newCouncil,
  newTeam,
  newWorker,
  signedInAs,
  testServer,
  type TestBrowser,
} from '../../../test/support/world.ts';

/**
 * What a manager records on a worker's page (issue 21, part 1): training added, changed and ended; induction
 * steps; an appraisal; leaving. Through the forms (GOV.UK errors, what was typed kept) and the JSON API, with the
 * audit entry of each, and only for the workers the actor sees.
 */
describe('recording training, induction, appraisal and leaving on a worker', async () => {
  const { app, db } = await testServer({ clock: () => new Date('2026-06-15T10:00:00Z') });
  const council = await newCouncil(db);
  const team = await newTeam(db, council, { name: 'Children in care east' });
  const other = await newTeam(db, council, { name: 'Assessment north' });
  const manager = await newWorker(db, council, 'team-manager', { team, manages: true, givenName: 'Maya' });
  const worker = await newWorker(db, council, 'social-worker', { team, givenName: 'Ann' });
  const recruit = await newWorker(db, council, 'social-worker', { team, givenName: 'Thandi' });
  const elsewhere = await newWorker(db, council, 'social-worker', { team: other, givenName: 'Oli' });
  const director = await newWorker(db, council, 'director');
  const admin = await newWorker(db, council, 'administrator');
  await db
    .updateTable('workers')
    .set({ started_on: '2021-01-04' })
    .where('id', 'in', [worker.workerId, recruit.workerId])
    .execute();
  const base = `/workforce/staff/${worker.workerId}`;

  const auditOf = (action: string) =>
    db
      .selectFrom('audit_log')
      .select(['details'])
      .where('council_id', '=', council.id)
      .where('action', '=', action)
      .execute();
  const training = () =>
    db
      .selectFrom('training_records')
      .select(['id', 'course', 'completed_on', 'expires_on', 'ended_on', 'end_reason'])
      .where('worker_id', '=', worker.workerId)
      .orderBy('completed_on')
      .execute();
  const form = async (browser: TestBrowser, url: string, fields: Record<string, string>) => {
    const page = await browser.get(url);
    expect(page.statusCode).toBe(200);
    return browser.post(url, fields);
  };

  it('adds, changes and ends a training record, and warns of expiry within 60 days', async () => {
    const browser = await signedInAs(app, manager);
    const page = await browser.get(base);
    expect(page.body).toContain('Add a training record');
    expect(page.body).not.toContain('Training to renew');

    const added = await form(browser, `${base}/training/new`, {
      course: 'Safeguarding children level 3',
      ...dateBoxes('completed', '2023-07-20'),
      ...dateBoxes('expires', '2026-07-20'),
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(base);
    const [record] = await training();
    expect(record).toMatchObject({ course: 'Safeguarding children level 3', expires_on: '2026-07-20' });

    const shown = await browser.get(base);
    expect(shown.body).toContain('Training to renew');
    expect(shown.body).toContain('Safeguarding children level 3 expires on 20 July 2026 (in 35 days)');
    expect(shown.body).toContain('Expires in 35 days');
    expect((await browser.get('/workforce/staff')).body).toContain('Training expires soon');

    // The change form shows the record as it is, and a correction to an expiry already passed turns it red.
    const change = await browser.get(`${base}/training/${record!.id}/change`);
    expect(change.body).toMatch(/name="course"[^>]*value="Safeguarding children level 3"/);
    expect(change.body).toMatch(/name="expires-year"[^>]*value="2026"/);
    const changed = await browser.post(`${base}/training/${record!.id}/change`, {
      course: 'Safeguarding children level 3',
      ...dateBoxes('completed', '2023-06-01'),
      ...dateBoxes('expires', '2026-06-01'),
    });
    expect(changed.statusCode).toBe(303);
    const expired = await browser.get(base);
    expect(expired.body).toContain('Safeguarding children level 3 expired on 1 June 2026');
    expect(expired.body).toMatch(/govuk-tag--red">Expired</);
    expect((await auditOf('worker.training-changed'))[0]!.details).toMatchObject({
      was: { expiresOn: '2026-07-20' },
      now: { expiresOn: '2026-06-01' },
    });

    const ended = await form(browser, `${base}/training/${record!.id}/end`, {
      ...dateBoxes('ended', '2026-06-10'),
      reason: 'no-longer-needed',
    });
    expect(ended.statusCode).toBe(303);
    const after = await browser.get(base);
    expect(after.body).not.toContain('Training to renew');
    expect(after.body).toContain('Ended 10 June 2026: No longer needed for their job');
    expect((await training())[0]).toMatchObject({ ended_on: '2026-06-10', end_reason: 'no-longer-needed' });
    // An ended record is kept as it ended.
    const again = await browser.post(`${base}/training/${record!.id}/end`, {
      ...dateBoxes('ended', '2026-06-11'),
      reason: 'withdrawn',
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('This training record has already ended');
    expect(await auditOf('worker.training-recorded')).toHaveLength(1);
    expect(await auditOf('worker.training-ended')).toHaveLength(1);
  });

  it('shows the GOV.UK error summary, keeps what was typed, and names the field', async () => {
    const browser = await signedInAs(app, manager);
    const refused = await form(browser, `${base}/training/new`, {
      course: 'First aid',
      ...dateBoxes('completed', '2026-01-10'),
      ...dateBoxes('expires', '2025-01-10'),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('<title>Error: ');
    expect(refused.body).toContain('href="#expires"');
    expect(refused.body).toContain('The expiry date must be after the date the course was completed');
    expect(refused.body).toMatch(/name="course"[^>]*value="First aid"/);
    const empty = await browser.post(`${base}/appraisals/new`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#held"');
    expect(empty.body).toContain('Enter date of the appraisal');
  });

  it('marks induction steps done: the first starts the induction, the last completes it', async () => {
    const browser = await signedInAs(app, manager);
    const recruitBase = `/workforce/staff/${recruit.workerId}`;
    const steps = [
      'swe-registration',
      'right-to-work',
      'corporate-induction',
      'practice-induction',
      'shadowing',
      'first-cases',
    ];
    for (const [index, step] of steps.entries()) {
      const done = await form(browser, `${recruitBase}/induction-steps/new`, {
        step,
        ...dateBoxes('done', `2026-0${index + 1}-05`),
      });
      expect(done.statusCode).toBe(303);
    }
    const twice = await browser.post(`${recruitBase}/induction-steps/new`, {
      step: 'shadowing',
      ...dateBoxes('done', '2026-06-01'),
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('This step is already marked done');
    const during = await browser.get(recruitBase);
    expect(during.body).toContain('In induction since 5 January 2026, 6 of 7 steps done');

    const last = await browser.request({
      method: 'POST',
      url: `/api${recruitBase}/induction-steps`,
      json: { step: 'probation-review', done: '2026-06-12' },
    });
    expect(last.statusCode).toBe(201);
    const completed = await browser.get(recruitBase);
    expect(completed.body).toContain('Induction completed on 12 June 2026');
    expect(completed.body).not.toContain('Mark a step done');
    expect(await auditOf('worker.induction-step-done')).toHaveLength(7);
  });

  it('records an appraisal, the next due a year later unless the manager says otherwise', async () => {
    const browser = await signedInAs(app, manager);
    const held = await form(browser, `${base}/appraisals/new`, dateBoxes('held', '2026-06-01'));
    expect(held.statusCode).toBe(303);
    const page = await browser.get(base);
    expect(page.body).toContain('1 June 2026');
    expect(page.body).toContain('1 June 2027');
    const api = await browser.request({
      method: 'POST',
      url: `/api${base}/appraisals`,
      json: { held: '2026-06-12', due: '2026-12-12' },
    });
    expect(api.statusCode).toBe(201);
    const row = await db
      .selectFrom('workers')
      .select(['appraised_on', 'appraisal_due_on'])
      .where('id', '=', worker.workerId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ appraised_on: '2026-06-12', appraisal_due_on: '2026-12-12' });
    const entries = await auditOf('worker.appraisal-recorded');
    expect(entries.at(-1)!.details).toMatchObject({ was: { heldOn: '2026-06-01', nextDueOn: '2027-06-01' } });
    // Nobody records their own appraisal.
    const own = await browser.post(
      `/workforce/staff/${manager.workerId}/appraisals/new`,
      dateBoxes('held', '2026-06-01'),
    );
    expect(own.statusCode).toBe(400);
    expect(own.body).toContain('Your own workforce record is kept by your manager');
  });

  it('records a worker leaving with a reason, shown on their page and kept to correct', async () => {
    const browser = await signedInAs(app, admin);
    const leaving = await form(browser, `${base}/leaving/new`, {
      ...dateBoxes('left', '2026-08-31'),
      reason: 'resigned',
    });
    expect(leaving.statusCode).toBe(303);
    const page = await browser.get(base);
    expect(page.body).toContain('Leaves');
    expect(page.body).toContain('31 August 2026');
    expect(page.body).toContain('Resigned');
    // The form shows the leaving as recorded, to correct it.
    const correct = await browser.get(`${base}/leaving/new`);
    expect(correct.body).toMatch(/name="left-month"[^>]*value="8"/);
    expect(correct.body).toMatch(/<option value="resigned" selected/);
    const noReason = await browser.post(`${base}/leaving/new`, dateBoxes('left', '2026-08-31'));
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('href="#reason"');
    expect(noReason.body).toContain('Select reason for leaving');
    const row = await db
      .selectFrom('workers')
      .select(['left_on', 'leaving_reason'])
      .where('id', '=', recruit.workerId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ left_on: null, leaving_reason: null });
    expect(await auditOf('worker.leaving-recorded')).toHaveLength(1);
  });

  it('refuses those who may not record: another team’s manager (404), a director (403), bad API input (400)', async () => {
    const browser = await signedInAs(app, manager);
    const hidden = `/workforce/staff/${elsewhere.workerId}`;
    expect((await browser.get(`${hidden}/training/new`)).statusCode).toBe(404);
    const api = await browser.request({
      method: 'POST',
      url: `/api${hidden}/training`,
      json: { course: 'First aid', completed: '2026-01-10' },
    });
    expect(api.statusCode).toBe(404);
    expect((await browser.get(`${base}/training/not-a-record/change`)).statusCode).toBe(404);
    const bad = await browser.request({
      method: 'POST',
      url: `/api${base}/training`,
      json: { course: 'First aid', completed: 'last Tuesday' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('completed');
    const put = await browser.request({
      method: 'PUT',
      url: `/api${base}/training/${(await training())[0]!.id}`,
      json: { course: 'Renamed', completed: '2026-01-10' },
    });
    // The first test ended this record: it is kept as it ended.
    expect(put.statusCode).toBe(400);

    const viewer = await signedInAs(app, director);
    expect((await viewer.get(base)).body).not.toContain('Add a training record');
    expect((await viewer.get(`${base}/training/new`)).statusCode).toBe(403);
  });
});
