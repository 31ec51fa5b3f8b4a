import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  dateBoxes,
  newTeam,
  newWorker,
  signedInAs,
  testServer,
  type TestBrowser,
  type TestWorker,
} from '../../../test/support/world.ts';
import { aTeamWithAnAllocatedChild, anOpenEpisode } from '../../../test/support/journey.ts';

/**
 * Issue 17, part 7: the rules the journey used to let through. Each is tried through the form a worker uses, and
 * the test reads the GOV.UK error summary they would see, then checks that nothing was written. Runs on PGlite and,
 * with HEARTH_TEST_DATABASE_URL, on PostgreSQL.
 */

const placement = { place: 'U6', provider: 'PR1', inArea: true, unregistered: false };

/** Posts to the JSON API, expecting it to be recorded. */
async function recorded(browser: TestBrowser, url: string, json: Record<string, unknown>) {
  const response = await browser.request({ method: 'POST', url, json });
  expect(response.statusCode, response.body).toBe(201);
}

/** A strategy discussion, then an initial conference that puts the child on a child protection plan. */
async function aChildProtectionPlan(
  browser: TestBrowser,
  api: string,
  dates: { discussedOn: string; conferenceOn: string },
) {
  await recorded(browser, `${api}/strategy-discussions`, {
    heldOn: dates.discussedOn,
    attendees: 'Police',
    outcome: 'section-47',
  });
  await recorded(browser, `${api}/initial-conferences`, {
    heldOn: dates.conferenceOn,
    outcome: 'child-protection-plan',
    category: 'NEG',
  });
}

/** Submits a recording form; returns the status and the error summary's items as the person reads them. */
async function submit(browser: TestBrowser, url: string, form: Record<string, string>) {
  await browser.get(url);
  const response = await browser.post(url, form);
  const summary =
    /<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(response.body)?.[1] ?? '';
  const problems = [...summary.matchAll(/<a href="#([^"]+)">([\s\S]*?)<\/a>/g)].map((match) => ({
    field: match[1]!,
    message: match[2]!.trim().replaceAll('&#39;', '’'),
  }));
  return { status: response.statusCode, problems, body: response.body };
}

describe('the journey refuses what it used to let through (issue 17, part 7)', async () => {
  const { app, db } = await testServer();
  // A death ends the allocations, so the worker no longer holds the case (they and their team keep the record, to
  // close it): a service manager, who sees every child, tries what would come after it.
  const serviceManager = async (worker: TestWorker) =>
    signedInAs(app, await newWorker(db, worker.council, 'service-manager'));
  const count = async (table: string, childId: string) =>
    Number(
      (
        await sql<{
          n: string;
        }>`select count(*) as n from ${sql.table(table)} where child_id = ${childId}`.execute(db)
      ).rows[0]!.n,
    );

  it('refuses a child in need plan while a child protection plan is open (Working Together 2023)', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2016-05-10' });
    await anOpenEpisode(db, child, worker, { referralDate: '2025-04-14' });
    const browser = await signedInAs(app, worker);
    const api = `/api/children/${child.id}`;
    await aChildProtectionPlan(browser, api, { discussedOn: '2025-04-17', conferenceOn: '2025-05-06' });

    const refused = await submit(
      browser,
      `/children/${child.id}/cin-plans/new`,
      dateBoxes('startDate', '2025-06-02'),
    );
    expect(refused.status).toBe(400);
    expect(refused.problems).toEqual([
      {
        field: 'startDate',
        message:
          'The child is on a child protection plan from 6 May 2025: end it before starting a child in need plan',
      },
    ]);
    expect(await count('cin_plans', child.id)).toBe(0);
  });

  it('refuses a care leaver status without 13 weeks looked after since the 14th birthday (Care Leavers (England) Regulations 2010, reg. 3)', async () => {
    // 14 on 10 June 2022, 16 on 10 June 2024, 18 on 10 June 2026.
    const { worker, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2008-06-10' });
    await anOpenEpisode(db, child, worker, { referralDate: '2026-04-20' });
    const browser = await signedInAs(app, worker);
    await recorded(browser, `/api/children/${child.id}/periods-of-care`, {
      startDate: '2026-05-01',
      legalStatus: 'V2',
      ...placement,
    });
    const refused = await submit(browser, `/children/${child.id}/care-endings/new`, {
      ...dateBoxes('endDate', '2026-07-01'),
      reason: 'E17',
      leavingCareStatus: 'former-relevant',
    });
    expect(refused.status).toBe(400);
    expect(refused.problems).toEqual([
      {
        field: 'leavingCareStatus',
        message:
          'A former relevant young person has been looked after for 13 weeks or more since their 14th birthday: Hearth has 8 weeks and 5 days',
      },
    ]);
    const period = await db
      .selectFrom('care_periods')
      .select('end_date')
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(period.end_date).toBeNull();
    expect(await count('care_leaver_statuses', child.id)).toBe(0);

    // Periods that straddle the 14th birthday count from it: 2022-01-01 to 2022-07-10 gives 30 days, the rest after.
    const { worker: other, child: straddling } = await aTeamWithAnAllocatedChild(db, {
      dateOfBirth: '2008-06-10',
    });
    await anOpenEpisode(db, straddling, other, { referralDate: '2021-12-01' });
    await db
      .insertInto('care_periods')
      .values({
        council_id: other.council.id,
        id: crypto.randomUUID(),
        child_id: straddling.id,
        episode_id: (
          await db
            .selectFrom('episodes')
            .select('id')
            .where('child_id', '=', straddling.id)
            .executeTakeFirstOrThrow()
        ).id,
        start_date: '2022-01-01',
        end_date: '2022-07-10',
        reason_ceased: 'E13',
      })
      .execute();
    const otherBrowser = await signedInAs(app, other);
    await recorded(otherBrowser, `/api/children/${straddling.id}/periods-of-care`, {
      startDate: '2026-04-01',
      legalStatus: 'V2',
      ...placement,
    });
    const allowed = await submit(otherBrowser, `/children/${straddling.id}/care-endings/new`, {
      ...dateBoxes('endDate', '2026-06-10'),
      reason: 'E17',
      leavingCareStatus: 'former-relevant',
    });
    expect(allowed.problems).toEqual([]);
    expect(allowed.status).toBe(303);
  });

  it('asks why a full care order is followed by an interim one, and keeps the reason', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2015-03-27' });
    await anOpenEpisode(db, child, worker, { referralDate: '2025-01-06' });
    const browser = await signedInAs(app, worker);
    await recorded(browser, `/api/children/${child.id}/periods-of-care`, {
      startDate: '2025-02-03',
      legalStatus: 'C2',
      ...placement,
    });
    const form = { ...dateBoxes('fromDate', '2025-05-01'), legalStatus: 'C1' };
    const refused = await submit(browser, `/children/${child.id}/legal-statuses/new`, form);
    expect(refused.status).toBe(400);
    expect(refused.problems).toEqual([
      { field: 'reason', message: 'Give the reason a full care order is followed by an interim care order' },
    ]);
    expect(await count('legal_statuses', child.id)).toBe(1);

    const allowed = await submit(browser, `/children/${child.id}/legal-statuses/new`, {
      ...form,
      reason: 'The full order was set aside on appeal',
    });
    expect(allowed.status).toBe(303);
    const statuses = await db
      .selectFrom('legal_statuses')
      .select(['code', 'change_reason'])
      .where('child_id', '=', child.id)
      .orderBy('from_date')
      .execute();
    expect(statuses).toEqual([
      { code: 'C2', change_reason: null },
      { code: 'C1', change_reason: 'The full order was set aside on appeal' },
    ]);
  });

  it('refuses a postcode that is not a UK postcode: by its format, and by the ONS directory where it holds the area', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2015-03-27' });
    await anOpenEpisode(db, child, worker, { referralDate: '2025-01-06' });
    const browser = await signedInAs(app, worker);
    const url = `/children/${child.id}/periods-of-care/new`;
    const form = {
      ...dateBoxes('startDate', '2025-02-03'),
      legalStatus: 'V2',
      place: 'U6',
      provider: 'PR1',
      inArea: 'yes',
      unregistered: 'no',
    };
    const foreign = await submit(browser, url, { ...form, postcode: '75008', homePostcode: 'DA1 1AA' });
    expect(foreign.status).toBe(400);
    expect(foreign.problems).toEqual([
      { field: 'postcode', message: 'Enter a UK postcode for the placement, like SW1A 1AA' },
    ]);
    expect(await count('care_periods', child.id)).toBe(0);

    // The directory holds postcodes of the TQ area, but not this one.
    await sql`insert into postcodes (postcode, gss_code, easting, northing) values ('TQ11AA', 'E06000027', 291974, 63280)
      on conflict (postcode) do nothing`.execute(db);
    const unknown = await submit(browser, url, { ...form, postcode: 'TQ1 1AA', homePostcode: 'TQ1 9ZZ' });
    expect(unknown.problems).toEqual([
      {
        field: 'homePostcode',
        message: 'TQ1 9ZZ is not a postcode in the ONS Postcode Directory: check the child’s home',
      },
    ]);
    expect(await count('care_periods', child.id)).toBe(0);
  });

  it('refuses any date before the child was born', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2020-05-01' });
    await anOpenEpisode(db, child, worker, { referralDate: '2024-01-08' });
    const browser = await signedInAs(app, worker);
    const refused = await submit(browser, `/children/${child.id}/strategy-discussions/new`, {
      ...dateBoxes('heldOn', '2020-04-30'),
      attendees: 'Police',
      outcome: 'section-47',
    });
    expect(refused.status).toBe(400);
    expect(refused.problems).toContainEqual({
      field: 'heldOn',
      message: 'The date must be on or after the child’s date of birth, 1 May 2020',
    });
    expect(await count('strategy_discussions', child.id)).toBe(0);
  });

  it('records a death once: it closes the episode, ends allocations and everything due, and refuses what comes after', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2016-05-10' });
    await anOpenEpisode(db, child, worker, { referralDate: '2026-09-01' });
    const browser = await signedInAs(app, worker);
    const api = `/api/children/${child.id}`;
    await recorded(browser, `${api}/strategy-discussions`, {
      heldOn: '2026-09-03',
      attendees: 'Police',
      outcome: 'section-47',
    });
    const owedBefore = await db
      .selectFrom('child_obligations')
      .select(['kind', 'due_by'])
      .where('child_id', '=', child.id)
      .where('met_on', 'is', null)
      .where('lapsed', '=', false)
      .execute();
    expect(owedBefore.length).toBeGreaterThan(0);

    const death = await submit(browser, `/children/${child.id}/death/new`, dateBoxes('diedOn', '2026-09-10'));
    expect(death.problems).toEqual([]);
    expect(death.status).toBe(303);

    const record = await db
      .selectFrom('children')
      .select(['date_of_death', 'version'])
      .where('id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(record.date_of_death).toBe('2026-09-10');
    const episode = await db
      .selectFrom('episodes')
      .select(['closed_on', 'closure_reason'])
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(episode).toEqual({ closed_on: '2026-09-10', closure_reason: 'RC2' });
    const allocations = await db
      .selectFrom('allocations')
      .select('to_date')
      .where('child_id', '=', child.id)
      .execute();
    expect(allocations).toEqual([{ to_date: '2026-09-10' }]);
    // Nothing is owed after the death: what was due from it on lapsed when the obligations were worked out again.
    const owed = await db
      .selectFrom('child_obligations')
      .select(['kind', 'due_by'])
      .where('child_id', '=', child.id)
      .where('met_on', 'is', null)
      .where('lapsed', '=', false)
      .where('missed', '=', false)
      .where('due_by', '>', '2026-09-10')
      .execute();
    expect(owed).toEqual([]);
    const kept = await db
      .selectFrom('record_history')
      .select('reason')
      .where('record_id', '=', child.id)
      .execute();
    expect(kept.map((version) => version.reason)).toContain('The child’s death was recorded');

    const manager = await serviceManager(worker);
    const later = await submit(manager, `/children/${child.id}/visits/new`, {
      ...dateBoxes('visitedOn', '2026-09-11'),
      seen: 'yes',
      note: 'Visited the family home.',
    });
    expect(later.status).toBe(400);
    expect(later.problems).toContainEqual({
      field: 'visitedOn',
      message: 'The child died on 10 September 2026: nothing can be recorded after that date',
    });
    const again = await submit(manager, `/children/${child.id}/death/new`, dateBoxes('diedOn', '2026-09-12'));
    expect(again.problems).toEqual([
      { field: 'diedOn', message: 'The child’s death is already recorded, on 10 September 2026' },
    ]);
    expect(await count('child_visits', child.id)).toBe(0);
  });

  it('ends an open child in need plan on the day of death, through its own write path', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2016-05-10' });
    await anOpenEpisode(db, child, worker, { referralDate: '2026-08-03' });
    const browser = await signedInAs(app, worker);
    await recorded(browser, `/api/children/${child.id}/cin-plans`, { startDate: '2026-08-10' });

    const death = await submit(browser, `/children/${child.id}/death/new`, dateBoxes('diedOn', '2026-09-10'));
    expect(death.problems).toEqual([]);
    const plans = await db
      .selectFrom('cin_plans')
      .select('end_date')
      .where('child_id', '=', child.id)
      .execute();
    expect(plans).toEqual([{ end_date: '2026-09-10' }]);
    const audited = await db
      .selectFrom('audit_log')
      .select('action')
      .where('child_id', '=', child.id)
      .where('action', '=', 'cin-plan.ended')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('ends an open child protection plan on the day of death; the worker and team who held the case keep the record', async () => {
    const { council, team, worker, child } = await aTeamWithAnAllocatedChild(db, {
      dateOfBirth: '2016-05-10',
    });
    await anOpenEpisode(db, child, worker, { referralDate: '2026-08-03' });
    const browser = await signedInAs(app, worker);
    const api = `/api/children/${child.id}`;
    await aChildProtectionPlan(browser, api, { discussedOn: '2026-08-05', conferenceOn: '2026-08-20' });

    const death = await submit(browser, `/children/${child.id}/death/new`, dateBoxes('diedOn', '2026-09-10'));
    expect(death.problems).toEqual([]);
    const plans = await db
      .selectFrom('cp_plans')
      .select(['end_date', 'end_reason'])
      .where('child_id', '=', child.id)
      .execute();
    expect(plans).toEqual([{ end_date: '2026-09-10', end_reason: 'died' }]);
    // The allocation ended on the day, yet the worker who held the case still reads the record and writes the
    // closing note; the page says why the plan ended.
    const page = await browser.get(`/children/${child.id}/protection`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The child died');
    const closing = await browser.request({
      method: 'POST',
      url: `${api}/notes`,
      json: { kind: 'visit', occurredOn: '2026-09-10', title: 'Case closed', body: 'Closing summary.' },
    });
    expect(closing.statusCode, closing.body).toBe(201);
    // Their team still reads it, read only; a worker of another team finds no such child.
    const colleague = await signedInAs(app, await newWorker(db, council, 'social-worker', { team }));
    expect((await colleague.get(`/children/${child.id}`)).statusCode).toBe(200);
    const noted = await colleague.request({
      method: 'POST',
      url: `${api}/notes`,
      json: { kind: 'visit', occurredOn: '2026-09-10', title: 'Note', body: 'Body.' },
    });
    expect(noted.statusCode).toBe(403);
    const elsewhere = await newTeam(db, council);
    const stranger = await signedInAs(
      app,
      await newWorker(db, council, 'social-worker', { team: elsewhere }),
    );
    expect((await stranger.get(`/children/${child.id}`)).statusCode).toBe(404);
  });

  it('takes ‘in touch: died’ as the death of a care leaver, and refuses contacts after it', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2006-01-15' });
    await anOpenEpisode(db, child, worker, { referralDate: '2023-01-09' });
    const browser = await signedInAs(app, worker);
    const api = `/api/children/${child.id}`;
    await recorded(browser, `${api}/periods-of-care`, {
      startDate: '2023-02-01',
      legalStatus: 'V2',
      ...placement,
    });
    await recorded(browser, `${api}/care-endings`, {
      endDate: '2024-01-15',
      reason: 'E17',
      leavingCareStatus: 'former-relevant',
    });

    const died = await submit(browser, `/children/${child.id}/care-leaver-contacts/new`, {
      ...dateBoxes('contactedOn', '2026-03-20'),
      inTouch: 'DIED',
    });
    expect(died.problems).toEqual([]);
    expect(
      (
        await db
          .selectFrom('children')
          .select('date_of_death')
          .where('id', '=', child.id)
          .executeTakeFirstOrThrow()
      ).date_of_death,
    ).toBe('2026-03-20');

    const after = await submit(
      await serviceManager(worker),
      `/children/${child.id}/care-leaver-contacts/new`,
      {
        ...dateBoxes('contactedOn', '2026-05-20'),
        inTouch: 'YES',
      },
    );
    expect(after.status).toBe(400);
    expect(after.problems).toEqual([
      {
        field: 'contactedOn',
        message: 'The child died on 20 March 2026: nothing can be recorded after that date',
      },
    ]);
    expect(await count('care_leaver_contacts', child.id)).toBe(1);
  });
});
