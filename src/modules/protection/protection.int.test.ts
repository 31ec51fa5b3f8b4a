import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { signedInAs, testServer, type TestBrowser } from '../../../test/support/world.ts';
import { aTeamWithAnAllocatedChild, anOpenEpisode } from '../../../test/support/journey.ts';

/** Posts to the JSON API and returns the status with the field paths of any problems. */
async function post(browser: TestBrowser, url: string, json: Record<string, unknown>) {
  const response = await browser.request({ method: 'POST', url, json });
  const body = response.json();
  return {
    status: response.statusCode,
    paths: (body.errors ?? []).map((error: { path: string }) => error.path),
    body,
  };
}

describe('child protection: strategy discussion → section 47 → ICPC → plan → review → plan ends', async () => {
  const { app, db } = await testServer();

  it('records the whole journey, each step audited, and the page shows it', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2016-05-10' });
    await anOpenEpisode(db, child, worker, { referralDate: '2025-04-14' });
    const browser = await signedInAs(app, worker);
    const api = `/api/children/${child.id}`;

    // Thursday 17 April 2025, the day before Good Friday.
    expect(
      (
        await post(browser, `${api}/strategy-discussions`, {
          heldOn: '2025-04-17',
          attendees: 'Police, school, health visitor',
          outcome: 'section-47',
        })
      ).status,
    ).toBe(201);
    // Due within 15 working days (Good Friday and Easter Monday skipped): held on Tuesday 6 May 2025.
    expect(
      (
        await post(browser, `${api}/initial-conferences`, {
          heldOn: '2025-05-06',
          outcome: 'child-protection-plan',
          category: 'NEG',
        })
      ).status,
    ).toBe(201);
    expect((await post(browser, `${api}/cp-core-groups`, { heldOn: '2025-05-16' })).status).toBe(201);
    expect((await post(browser, `${api}/cp-review-conferences`, { heldOn: '2025-08-05' })).status).toBe(201);
    expect(
      (await post(browser, `${api}/cp-plan-endings`, { endDate: '2025-11-03', reason: 'no-longer-at-risk' }))
        .status,
    ).toBe(201);

    const enquiry = await db
      .selectFrom('section47_enquiries')
      .selectAll()
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(enquiry).toMatchObject({
      started_on: '2025-04-17',
      ended_on: '2025-05-06',
      outcome: 'conference',
    });
    const plan = await db
      .selectFrom('cp_plans')
      .selectAll()
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(plan).toMatchObject({
      start_date: '2025-05-06',
      initial_category: 'NEG',
      end_date: '2025-11-03',
      end_reason: 'no-longer-at-risk',
    });
    const actions = await db
      .selectFrom('audit_log')
      .select('action')
      .where('child_id', '=', child.id)
      .where('outcome', '=', 'allowed')
      .orderBy('seq')
      .execute();
    expect(actions.map((entry) => entry.action)).toEqual(
      expect.arrayContaining([
        'strategy-discussion.recorded',
        'initial-conference.recorded',
        'cp-core-group.recorded',
        'cp-review-conference.recorded',
        'cp-plan.ended',
      ]),
    );

    const chronology = (await browser.get(`${api}/chronology?kind=protection`)).json() as Array<{
      on: string;
      title: string;
    }>;
    expect(chronology.map((event) => `${event.on} ${event.title}`)).toEqual([
      '2025-11-03 Child protection plan ended',
      '2025-08-05 Child protection review conference',
      '2025-05-16 Core group meeting',
      '2025-05-06 Initial child protection conference',
      '2025-04-17 Strategy discussion',
    ]);

    const page = await browser.get(`/children/${child.id}/protection`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Child protection plan: neglect');
    expect(page.body).toContain('ended 3 November 2025 (No longer at continuing risk of significant harm)');
    expect(page.body).toContain('Child in need');
  });

  it('records through the GOV.UK form too, and shows the error summary keeping what was typed', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db);
    await anOpenEpisode(db, child, worker, { referralDate: '2025-04-14' });
    const browser = await signedInAs(app, worker);
    const form = await browser.get(`/children/${child.id}/strategy-discussions/new`);
    expect(form.statusCode).toBe(200);
    const refused = await browser.post(`/children/${child.id}/strategy-discussions/new`, {
      'heldOn-day': '31',
      'heldOn-month': '4',
      'heldOn-year': '2025',
      attendees: 'Police',
      outcome: 'section-47',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#heldOn"');
    expect(refused.body).toContain('Date of the discussion must be a real date');
    expect(refused.body).toContain('>Police</textarea>');
    const saved = await browser.post(`/children/${child.id}/strategy-discussions/new`, {
      'heldOn-day': '30',
      'heldOn-month': '4',
      'heldOn-year': '2025',
      attendees: 'Police',
      outcome: 'section-47',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/children/${child.id}/protection`);
  });
});

describe('child protection: bad input is refused with a field message and nothing is written', async () => {
  const { app, db } = await testServer();

  async function childWithEnquiry() {
    const casework = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2016-05-10' });
    await anOpenEpisode(db, casework.child, casework.worker, { referralDate: '2025-04-14' });
    const browser = await signedInAs(app, casework.worker);
    const api = `/api/children/${casework.child.id}`;
    await post(browser, `${api}/strategy-discussions`, {
      heldOn: '2025-04-17',
      attendees: 'Police',
      outcome: 'section-47',
    });
    return { ...casework, browser, api };
  }

  async function counts(childId: string) {
    const count = async (table: 'initial_conferences' | 'cp_plans' | 'strategy_discussions') =>
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('child_id', '=', childId)
          .executeTakeFirstOrThrow()
      ).n;
    return {
      conferences: await count('initial_conferences'),
      plans: await count('cp_plans'),
      discussions: await count('strategy_discussions'),
    };
  }

  it('refuses an ICPC dated before its strategy discussion', async () => {
    const { browser, api, child } = await childWithEnquiry();
    const before = await counts(child.id);
    const result = await post(browser, `${api}/initial-conferences`, {
      heldOn: '2025-04-16',
      outcome: 'child-protection-plan',
      category: 'NEG',
    });
    expect(result.status).toBe(400);
    expect(result.body.errors).toEqual([
      {
        path: 'heldOn',
        message: 'The conference cannot be before the strategy discussion that started the enquiry',
      },
    ]);
    expect(await counts(child.id)).toEqual(before);
  });

  it('refuses a CP plan without an ICPC, through the API and in the database', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db);
    const episode = await anOpenEpisode(db, child, worker, { referralDate: '2025-04-14' });
    const browser = await signedInAs(app, worker);
    const result = await post(browser, `/api/children/${child.id}/initial-conferences`, {
      heldOn: '2025-05-06',
      outcome: 'child-protection-plan',
      category: 'NEG',
    });
    expect(result.status).toBe(400);
    expect(result.body.errors[0]).toMatchObject({
      path: 'outcome',
      message: expect.stringMatching(/follows a section 47 enquiry/),
    });
    await expect(
      sql`insert into cp_plans (council_id, id, child_id, episode_id, conference_id, start_date, initial_category, latest_category)
          values (${worker.council.id}, gen_random_uuid(), ${child.id}, ${episode}, gen_random_uuid(), '2025-05-06', 'NEG', 'NEG')`.execute(
        db,
      ),
    ).rejects.toThrow(/foreign key/);
    expect((await counts(child.id)).plans).toBe(0);
  });

  it('refuses a plan that ends before it starts', async () => {
    const { browser, api, child } = await childWithEnquiry();
    await post(browser, `${api}/initial-conferences`, {
      heldOn: '2025-05-06',
      outcome: 'child-protection-plan',
      category: 'PHY',
    });
    const result = await post(browser, `${api}/cp-plan-endings`, {
      endDate: '2025-05-05',
      reason: 'no-longer-at-risk',
    });
    expect(result.status).toBe(400);
    expect(result.body.errors).toEqual([
      { path: 'endDate', message: 'The plan cannot end before it started' },
    ]);
    const plan = await db
      .selectFrom('cp_plans')
      .select('end_date')
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(plan.end_date).toBeNull();
  });

  it('refuses an unknown category of abuse, and a plan decision without a category', async () => {
    const { browser, api, child } = await childWithEnquiry();
    const before = await counts(child.id);
    const unknown = await post(browser, `${api}/initial-conferences`, {
      heldOn: '2025-05-06',
      outcome: 'child-protection-plan',
      category: 'XYZ',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { path: 'category', message: 'Select category of abuse from the list' },
    ]);
    const missing = await post(browser, `${api}/initial-conferences`, {
      heldOn: '2025-05-06',
      outcome: 'child-protection-plan',
    });
    expect(missing.status).toBe(400);
    expect(missing.paths).toEqual(['category']);
    expect(await counts(child.id)).toEqual(before);
  });

  it('refuses a strategy discussion with no open episode, or dated in the future', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db);
    const browser = await signedInAs(app, worker);
    const noEpisode = await post(browser, `/api/children/${child.id}/strategy-discussions`, {
      heldOn: '2025-04-17',
      attendees: 'Police',
      outcome: 'section-47',
    });
    expect(noEpisode.status).toBe(400);
    expect(noEpisode.body.errors[0].message).toMatch(/record the referral first/);
    const future = await post(browser, `/api/children/${child.id}/strategy-discussions`, {
      heldOn: '2999-01-01',
      attendees: 'Police',
      outcome: 'section-47',
    });
    expect(future.paths).toEqual(['heldOn']);
    expect((await counts(child.id)).discussions).toBe(0);
  });
});
