import { describe, expect, it } from 'vitest';
import {
  dateBoxes,
  newChild,
  newCouncil,
  newWorker,
  signedInAs,
  testServer,
} from '../../../test/support/world.ts';
import { aTeamWithAnAllocatedChild, anOpenEpisode } from '../../../test/support/journey.ts';

describe('local standards', async () => {
  // The clock moves within a test: a standard is set on one day and its effect looked at on a later one.
  let now = new Date('2025-07-10T09:00:00Z');
  const { app, db } = await testServer({ clock: () => now });

  it('lets an administrator set a standard from a date; past visits keep the standard of their time', async () => {
    now = new Date('2025-05-20T09:00:00Z');
    const { council, worker, child } = await aTeamWithAnAllocatedChild(db);
    await anOpenEpisode(db, child, worker, { referralDate: '2025-04-14' });
    const admin = await signedInAs(app, await newWorker(db, council, 'administrator'));
    const set = await admin.post('/local-standards/new', {
      kind: 'child-in-need-visit',
      amount: '10',
      unit: 'working days',
      ...dateBoxes('effectiveFrom', '2025-06-01'),
      source: 'Practice standards 2025',
    });
    expect(set.statusCode).toBe(303);
    const again = await admin.post('/local-standards/new', {
      kind: 'child-in-need-visit',
      amount: '15',
      unit: 'working days',
      ...dateBoxes('effectiveFrom', '2025-06-01'),
      source: 'Typo',
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('already takes effect on that date');

    now = new Date('2025-07-10T09:00:00Z');
    const adminLater = await signedInAs(app, await newWorker(db, council, 'administrator'));
    const inForce = (await adminLater.get('/local-standards')).body;
    expect(inForce).toContain('Practice standards 2025 (from 1 June 2025)');
    const browser = await signedInAs(app, worker);
    const api = `/api/children/${child.id}`;
    await browser.request({ method: 'POST', url: `${api}/cin-plans`, json: { startDate: '2025-05-05' } });
    await browser.request({
      method: 'POST',
      url: `${api}/visits`,
      json: { visitedOn: '2025-05-30', seen: true },
    });
    await browser.request({
      method: 'POST',
      url: `${api}/visits`,
      json: { visitedOn: '2025-06-20', seen: true },
    });
    const visits = (
      (await browser.get(`${api}/obligations`)).json() as Array<{
        kind: string;
        dueBy: string;
        source: string;
      }>
    ).filter((obligation) => obligation.kind === 'child-in-need-visit');
    // The default (20 working days) until 1 June; the council's 10 working days after: see the domain's table test.
    expect(visits.map((visit) => [visit.dueBy, visit.source]).sort()).toEqual([
      ['2025-06-03', 'Hearth default'],
      ['2025-06-27', 'Hearth default'],
      ['2025-07-04', 'Practice standards 2025'],
    ]);
  });

  it('refuses a standard looser than the law it replaces, naming the statutory limit, and one from the past', async () => {
    now = new Date('2025-07-10T09:00:00Z');
    const admin = await signedInAs(app, await newWorker(db, await newCouncil(db), 'administrator'));
    const looser = await admin.post('/local-standards/new', {
      kind: 'care-leaver-contact',
      amount: '3',
      unit: 'months',
      ...dateBoxes('effectiveFrom', '2025-09-01'),
      source: 'Leaving care standards',
    });
    expect(looser.statusCode).toBe(400);
    expect(looser.body).toContain(
      'The interval must be 2 months or less, the statutory limit set by the Care Leavers (England) Regulations 2010, regulation 8',
    );
    // What was typed is kept.
    expect(looser.body).toContain('value="Leaving care standards"');

    const past = await admin.post('/local-standards/new', {
      kind: 'child-in-need-visit',
      amount: '15',
      unit: 'working days',
      ...dateBoxes('effectiveFrom', '2025-07-09'),
      source: 'Practice standards',
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('The date it takes effect must be today (10 July 2025) or later');

    const stricter = await admin.post('/local-standards/new', {
      kind: 'care-leaver-contact',
      amount: '8',
      unit: 'weeks',
      ...dateBoxes('effectiveFrom', '2025-07-10'),
      source: 'Leaving care standards',
    });
    expect(stricter.statusCode).toBe(303);
    const page = await admin.get(String(stricter.headers.location));
    expect(page.body).toContain('Local standard saved');
    expect(page.body).toContain('Every 8 weeks');
  });

  it.each([
    ['a Saturday', '2025-08-16', 'A closure day must be a weekday: 16 August 2025 is a Saturday'],
    ['the summer bank holiday', '2025-08-25', 'A closure day cannot be a bank holiday: 25 August 2025 is'],
  ])('refuses a closure day on %s', async (_what, day, message) => {
    now = new Date('2025-07-10T09:00:00Z');
    const admin = await signedInAs(app, await newWorker(db, await newCouncil(db), 'administrator'));
    const refused = await admin.post('/local-standards/closure-days/new', {
      ...dateBoxes('day', day),
      name: 'Council closure',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(message);
  });

  it('saves at once and reworks the timescales it changes after the page has answered', async () => {
    now = new Date('2025-07-10T09:00:00Z');
    const council = await newCouncil(db);
    const admin = await signedInAs(app, await newWorker(db, council, 'administrator'));
    // 600 children each owe a visit counted in working days through Friday 19 December 2025.
    const children = [];
    for (let i = 0; i < 600; i++) children.push(await newChild(db, council));
    await db
      .insertInto('child_obligations')
      .values(
        children.map((child) => ({
          council_id: council.id,
          child_id: child.id,
          position: 0,
          kind: 'child-in-need-visit',
          due_by: '2026-01-05',
          met_on: null,
          lapsed: false,
          rule: 'Visit the child in need within 20 working days (local standard)',
          source: 'Hearth default',
          counted_from: '2025-12-01',
          counted_from_event: 'previous one',
          period: '20 working days',
          skipped: JSON.stringify([]),
          refreshed_at: now,
        })),
      )
      .execute();
    const started = performance.now();
    const saved = await admin.post('/local-standards/closure-days/new', {
      ...dateBoxes('day', '2025-12-19'),
      name: 'Council closure before Christmas',
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(saved.statusCode).toBe(303);
    const page = await admin.get(String(saved.headers.location));
    expect(page.body).toContain('Closure day added');
    expect(page.body).toMatch(
      /being worked out again: \d+ of 600 children|Every timescale it changes is up to date/,
    );
    // These children have no plan behind the stored rows, so once reworked they owe nothing.
    await expect
      .poll(
        async () =>
          (
            await db
              .selectFrom('child_obligations')
              .select('child_id')
              .where('council_id', '=', council.id)
              .execute()
          ).length,
        { timeout: 120_000, interval: 500 },
      )
      .toBe(0);
  }, 180_000);

  it('is for administrators only', async () => {
    const { worker } = await aTeamWithAnAllocatedChild(db);
    expect((await (await signedInAs(app, worker)).get('/local-standards')).statusCode).toBe(403);
  });
});
