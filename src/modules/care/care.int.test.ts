import { describe, expect, it } from 'vitest';
import { newWorker, signedInAs, testServer, type TestBrowser } from '../../../test/support/world.ts';
import { aTeamWithAnAllocatedChild, anOpenEpisode } from '../../../test/support/journey.ts';

async function post(browser: TestBrowser, url: string, json: Record<string, unknown>) {
  const response = await browser.request({ method: 'POST', url, json });
  return {
    status: response.statusCode,
    errors: (response.json().errors ?? []) as Array<{ path: string; message: string }>,
  };
}

const placement = { place: 'U6', provider: 'PR1', postcode: 'DA1 1AA', inArea: true, unregistered: false };

describe('looked after: section 20 → interim care order → placement change → review → 18 → care leaver', async () => {
  const { app, db } = await testServer();

  it('records the journey with effective-dated statuses and placements, and leaving care with a PA and pathway plan', async () => {
    // Born 14 March 2008: 18 on Saturday 14 March 2026.
    const { worker, child, council } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2008-03-14' });
    const adviser = await newWorker(db, council, 'personal-adviser', { givenName: 'Tomasz' });
    await anOpenEpisode(db, child, worker, { referralDate: '2024-09-02' });
    const browser = await signedInAs(app, worker);
    const api = `/api/children/${child.id}`;

    expect(
      (
        await post(browser, `${api}/periods-of-care`, {
          startDate: '2024-09-13',
          legalStatus: 'V2',
          ...placement,
        })
      ).status,
    ).toBe(201);
    expect(
      (await post(browser, `${api}/legal-statuses`, { fromDate: '2024-10-21', legalStatus: 'C1' })).status,
    ).toBe(201);
    expect(
      (
        await post(browser, `${api}/placements`, {
          startDate: '2025-01-06',
          changeReason: 'CREQO',
          ...placement,
          place: 'U4',
          longTermAgreed: true,
        })
      ).status,
    ).toBe(201);
    expect(
      (await post(browser, `${api}/care-reviews`, { heldOn: '2024-10-10', participation: 'PN1' })).status,
    ).toBe(201);
    expect(
      (
        await post(browser, `${api}/visits`, {
          visitedOn: '2025-01-10',
          seen: true,
          seenAlone: true,
          bedroomSeen: true,
          wishesAndFeelings: 'Likes the new carers',
        })
      ).status,
    ).toBe(201);
    const leaving = await post(browser, `${api}/care-endings`, {
      endDate: '2026-03-14',
      reason: 'E17',
      leavingCareStatus: 'former-relevant',
      personalAdviserEmail: adviser.email,
    });
    expect(leaving.status).toBe(201);
    expect((await post(browser, `${api}/pathway-plans`, { startedOn: '2026-03-16' })).status).toBe(201);
    expect(
      (
        await post(browser, `${api}/care-leaver-contacts`, {
          contactedOn: '2026-03-20',
          inTouch: 'YES',
          accommodation: 'Z1',
          activity: 'F2',
        })
      ).status,
    ).toBe(201);

    const statuses = await db
      .selectFrom('legal_statuses')
      .select(['code', 'from_date', 'to_date'])
      .where('child_id', '=', child.id)
      .orderBy('from_date')
      .execute();
    expect(statuses).toEqual([
      { code: 'V2', from_date: '2024-09-13', to_date: '2024-10-21' },
      { code: 'C1', from_date: '2024-10-21', to_date: '2026-03-14' },
    ]);
    const placements = await db
      .selectFrom('placements')
      .select(['place', 'start_date', 'end_date', 'change_reason'])
      .where('child_id', '=', child.id)
      .orderBy('start_date')
      .execute();
    expect(placements).toEqual([
      { place: 'U6', start_date: '2024-09-13', end_date: '2025-01-06', change_reason: 'CREQO' },
      { place: 'U4', start_date: '2025-01-06', end_date: '2026-03-14', change_reason: null },
    ]);
    const leaver = await db
      .selectFrom('care_leaver_statuses')
      .select(['status', 'from_date', 'personal_adviser_id'])
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(leaver).toEqual({
      status: 'former-relevant',
      from_date: '2026-03-14',
      personal_adviser_id: adviser.workerId,
    });
    const allocation = await db
      .selectFrom('allocations')
      .select(['case_role', 'from_date'])
      .where('child_id', '=', child.id)
      .where('worker_id', '=', adviser.workerId)
      .executeTakeFirstOrThrow();
    expect(allocation).toEqual({ case_role: 'personal-adviser', from_date: '2026-03-14' });
    // Leaving care on the 18th birthday closes the episode of need as the CIN census expects (RC7).
    const episode = await db
      .selectFrom('episodes')
      .select(['closed_on', 'closure_reason', 'version'])
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(episode).toEqual({ closed_on: '2026-03-14', closure_reason: 'RC7', version: 2 });
    const { status } = (await browser.get(api)).json();
    expect(status).toMatchObject({ stage: 'care-leaver', description: 'Care leaver: former relevant' });

    const chronology = (
      await browser.get(`${api}/chronology?kind=care&kind=leaving-care&kind=visit`)
    ).json() as Array<{ on: string; title: string }>;
    expect(chronology.map((event) => `${event.on} ${event.title}`)).toEqual(
      expect.arrayContaining([
        '2024-09-13 Became looked after',
        '2024-10-21 Legal status: interim care order (C1)',
        '2025-01-06 Placement began: foster placement with other foster carer(s) - long-term fostering (U4)',
        '2025-01-10 Visit: child seen alone',
        '2026-03-14 Stopped being looked after',
        '2026-03-14 Care leaver status: former relevant',
        '2026-03-16 Pathway plan started',
      ]),
    );

    const page = await browser.get(`/children/${child.id}/care`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Interim care order (C1)');
    expect(page.body).toContain('former relevant; personal adviser Tomasz');
    expect(page.body).toContain('Record a pathway plan review');
  });
});

describe('looked after: bad input is refused with a field message and nothing is written', async () => {
  const { app, db } = await testServer();

  async function lookedAfterChild() {
    const casework = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2012-02-29' });
    await anOpenEpisode(db, casework.child, casework.worker, { referralDate: '2024-01-08' });
    const browser = await signedInAs(app, casework.worker);
    const api = `/api/children/${casework.child.id}`;
    expect(
      (
        await post(browser, `${api}/periods-of-care`, {
          startDate: '2024-02-01',
          legalStatus: 'V2',
          ...placement,
        })
      ).status,
    ).toBe(201);
    return { ...casework, browser, api };
  }
  const count = async (
    table: 'care_periods' | 'placements' | 'cla_reviews' | 'legal_statuses',
    childId: string,
  ) =>
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('child_id', '=', childId)
        .executeTakeFirstOrThrow()
    ).n;

  it('refuses overlapping periods of care, open or closed', async () => {
    const { browser, api, child } = await lookedAfterChild();
    const again = await post(browser, `${api}/periods-of-care`, {
      startDate: '2024-03-01',
      legalStatus: 'V2',
      ...placement,
    });
    expect(again.status).toBe(400);
    expect(again.errors[0]).toMatchObject({
      path: 'startDate',
      message: expect.stringMatching(/cannot overlap/),
    });
    await post(browser, `${api}/care-endings`, { endDate: '2024-06-30', reason: 'E4A' });
    const inside = await post(browser, `${api}/periods-of-care`, {
      startDate: '2024-05-01',
      legalStatus: 'V2',
      ...placement,
    });
    expect(inside.errors).toEqual([
      { path: 'startDate', message: 'This period of care would overlap an earlier one' },
    ]);
    expect(await count('care_periods', child.id)).toBe(1);
  });

  it('refuses overlapping placements and a placement before its period of care', async () => {
    const { browser, api, child } = await lookedAfterChild();
    const sameDay = await post(browser, `${api}/placements`, {
      startDate: '2024-02-01',
      changeReason: 'CHILD',
      ...placement,
    });
    expect(sameDay.errors[0]?.message).toMatch(/placements cannot overlap/);
    const before = await post(browser, `${api}/placements`, {
      startDate: '2024-01-15',
      changeReason: 'CHILD',
      ...placement,
    });
    expect(before.errors).toEqual([
      { path: 'startDate', message: 'The placement cannot start before the period of care' },
    ]);
    expect(await count('placements', child.id)).toBe(1);
  });

  it('refuses a review dated before the period of care, and an unknown code', async () => {
    const { browser, api, child } = await lookedAfterChild();
    const early = await post(browser, `${api}/care-reviews`, { heldOn: '2024-01-31', participation: 'PN1' });
    expect(early.errors).toEqual([
      { path: 'heldOn', message: 'The review cannot be before the period of care started' },
    ]);
    const unknown = await post(browser, `${api}/care-reviews`, {
      heldOn: '2024-02-20',
      participation: 'PN9',
    });
    expect(unknown.errors).toEqual([
      { path: 'participation', message: 'Select how the child took part from the list' },
    ]);
    const status = await post(browser, `${api}/legal-statuses`, {
      fromDate: '2024-03-01',
      legalStatus: 'Z9',
    });
    expect(status.errors).toEqual([{ path: 'legalStatus', message: 'Select legal status from the list' }]);
    expect(await count('cla_reviews', child.id)).toBe(0);
    expect(await count('legal_statuses', child.id)).toBe(1);
  });

  it('refuses a period of care that ends before it starts, and leaving-care support before 16', async () => {
    const { browser, api, child } = await lookedAfterChild();
    const early = await post(browser, `${api}/care-endings`, { endDate: '2024-01-31', reason: 'E4A' });
    expect(early.errors[0]).toMatchObject({ path: 'endDate' });
    // Born 29 February 2012: 16 on 29 February 2028, a leap year; June 2025 is well before.
    const young = await post(browser, `${api}/care-endings`, {
      endDate: '2025-06-30',
      reason: 'E4A',
      leavingCareStatus: 'relevant',
    });
    expect(young.errors).toEqual([
      { path: 'leavingCareStatus', message: 'Leaving-care support starts at 16 or over' },
    ]);
    const period = await db
      .selectFrom('care_periods')
      .select('end_date')
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(period.end_date).toBeNull();
  });

  it('leaves the episode of need open when care ends before 18, or without leaving-care support', async () => {
    const { browser, api, child } = await lookedAfterChild();
    expect(
      (await post(browser, `${api}/care-endings`, { endDate: '2025-06-30', reason: 'E4A' })).status,
    ).toBe(201);
    const episode = await db
      .selectFrom('episodes')
      .select(['closed_on', 'closure_reason'])
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(episode).toEqual({ closed_on: null, closure_reason: null });
  });

  it('refuses a visit after the episode closed and before the child was born', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2020-05-01' });
    await anOpenEpisode(db, child, worker, { referralDate: '2024-01-08', closedOn: '2024-06-28' });
    const browser = await signedInAs(app, worker);
    const after = await post(browser, `/api/children/${child.id}/visits`, {
      visitedOn: '2024-07-01',
      seen: true,
    });
    expect(after.errors[0]?.message).toMatch(/cannot be after the episode closed/);
    const unborn = await post(browser, `/api/children/${child.id}/visits`, {
      visitedOn: '2020-04-30',
      seen: true,
    });
    expect(unborn.errors).toEqual([
      { path: 'visitedOn', message: 'The date must be on or after the child’s date of birth, 1 May 2020' },
    ]);
    expect(
      (await post(browser, `/api/children/${child.id}/visits`, { visitedOn: '2024-06-28', seen: true }))
        .status,
    ).toBe(201);
  });
});
