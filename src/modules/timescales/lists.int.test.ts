import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  newChild,
  newCouncil,
  newTeam,
  newWorker,
  signedInAs,
  testServer,
  type TestChild,
  type TestWorker,
} from '../../../test/support/world.ts';

/** The names linked in a page's table, in order. */
function namesListed(html: string): string[] {
  return [...html.matchAll(/<a class="govuk-link" href="\/children\/[^"]+\/timescales">([^<]+)<\/a>/g)].map(
    (match) => match[1]!,
  );
}

describe('the drill-downs and the child in need tracker are paged, sorted and filtered (issue 17, part 8)', async () => {
  // Tuesday 20 May 2025, 10:00 in London.
  const { app, db } = await testServer({ clock: () => new Date('2025-05-20T09:00:00Z') });
  const council = await newCouncil(db);
  const east = await newTeam(db, council, { name: 'East team' });
  const west = await newTeam(db, council, { name: 'West team' });
  const eve = await newWorker(db, council, 'social-worker', { team: east, givenName: 'Eve' });
  const wes = await newWorker(db, council, 'social-worker', { team: west, givenName: 'Wes' });
  const manager = await newWorker(db, council, 'service-manager');

  /** A child on a child in need plan since 1 April 2025 whose visit was due on 1 May and is overdue. */
  async function onAPlanWithAVisitOverdue(child: TestChild, worker: TestWorker) {
    await allocate(db, child, worker);
    const episodeId = uuidv7();
    await db
      .insertInto('episodes')
      .values({
        council_id: council.id,
        id: episodeId,
        child_id: child.id,
        referral_date: '2025-03-03',
        referral_source: '2A',
        primary_need: 'N1',
        re_referral: false,
        recorded_by: worker.workerId,
      })
      .execute();
    await db
      .insertInto('cin_plans')
      .values({
        council_id: council.id,
        id: uuidv7(),
        child_id: child.id,
        episode_id: episodeId,
        start_date: '2025-04-01',
        recorded_by: worker.workerId,
        updated_at: new Date('2025-04-01T09:00:00Z'),
      })
      .execute();
    await db
      .insertInto('child_obligations')
      .values({
        council_id: council.id,
        child_id: child.id,
        position: 0,
        kind: 'child-in-need-visit',
        due_by: '2025-05-01',
        met_on: null,
        lapsed: false,
        rule: 'Within 20 working days of the plan',
        source: 'Working Together to Safeguard Children 2023',
        counted_from: '2025-04-01',
        counted_from_event: 'plan started',
        period: '',
        skipped: JSON.stringify([]),
        refreshed_at: new Date('2025-05-20T06:00:00Z'),
      })
      .execute();
  }

  for (let n = 1; n <= 60; n++)
    await onAPlanWithAVisitOverdue(
      await newChild(db, council, { givenName: 'Eli', familyName: `East${String(n).padStart(2, '0')}` }),
      eve,
    );
  for (let n = 1; n <= 5; n++)
    await onAPlanWithAVisitOverdue(
      await newChild(db, council, { givenName: 'Wyn', familyName: `West${n}` }),
      wes,
    );
  // Restricted to Wes alone: counted in the East team's figure, never named to the manager.
  await onAPlanWithAVisitOverdue(
    await newChild(db, council, { givenName: 'Hidden', familyName: 'East99', restrictedTo: [wes] }),
    eve,
  );
  const browser = await signedInAs(app, manager);

  it('lists every piece of work a figure counts, 50 a page, the total the same as the figure', async () => {
    const figures = (await browser.get('/timescales')).body;
    const figure = new RegExp(`measure=overdue&teamId=${east.id}">(\\d+)<`).exec(figures)?.[1];
    expect(figure).toBe('61');
    const first = await browser.get(`/timescales/children?measure=overdue&teamId=${east.id}`);
    // The page names the team whose figure was opened, and counts what the figure counted.
    expect(first.body).toMatch(/<h1[^>]*>Overdue: East team<\/h1>/);
    expect(first.body).toContain('<title>Overdue: East team – Hearth</title>');
    expect(first.body).toContain('href="/timescales"');
    expect(first.body).toContain('This figure counts 61 pieces of work. 1 of them is for children outside');
    expect(first.body).toContain('Showing 1 to 50 of 60 pieces of work named');
    expect(namesListed(first.body)).toHaveLength(50);
    const second = await browser.get(`/timescales/children?measure=overdue&teamId=${east.id}&page=2`);
    expect(second.body).toContain('Showing 51 to 60 of 60 pieces of work named');
    expect(namesListed(second.body)).not.toContain('Hidden East99');
    const byChild = await browser.get(
      `/timescales/children?measure=overdue&teamId=${east.id}&sort=child&order=descending`,
    );
    expect(namesListed(byChild.body)[0]).toBe('Eli East60');
    expect(byChild.body).toMatch(/<th[^>]*aria-sort="descending"[^>]*>\s*<a[^>]*>Child/);
  });

  it('names the worker whose figure was opened from the team view, and counts what the figure counted', async () => {
    const teamView = (await browser.get(`/timescales/teams/${west.id}`)).body;
    const figure = new RegExp(`measure=overdue&workerId=${wes.workerId}">(\\d+)<`).exec(teamView)?.[1];
    expect(figure).toBe('5');
    const drill = await browser.get(`/timescales/children?measure=overdue&workerId=${wes.workerId}`);
    expect(drill.body).toMatch(/<h1[^>]*>Overdue: Wes [^<]+<\/h1>/);
    expect(drill.body).toContain('This figure counts 5 pieces of work.');
    expect(drill.body).toContain(`href="/timescales/teams/${west.id}"`);
    const unknown = await browser.get(`/timescales/children?measure=overdue&teamId=${uuidv7()}`);
    expect(unknown.statusCode).toBe(404);
  });

  it('pages the tracker, sorts it by a heading and filters it by team and by worker', async () => {
    const all = await browser.get('/cin-tracker');
    expect(all.body).toContain('Showing 1 to 50 of 65 plans');
    expect(all.body).toContain('href="/cin-tracker?page=2"');
    expect((await browser.get('/cin-tracker?page=2')).body).toContain('Showing 51 to 65 of 65 plans');
    const westOnly = await browser.get(`/cin-tracker?team=${west.id}&sort=child&order=descending`);
    expect(westOnly.body).toContain('Showing 1 to 5 of 5 plans');
    expect(namesListed(westOnly.body)).toEqual([
      'Wyn West5',
      'Wyn West4',
      'Wyn West3',
      'Wyn West2',
      'Wyn West1',
    ]);
    const eveOnly = await browser.get(`/cin-tracker?worker=${eve.workerId}`);
    expect(eveOnly.body).toContain('Showing 1 to 50 of 60 plans');
    expect(eveOnly.body).toContain('Overdue');
    expect((await browser.get('/cin-tracker?sort=secret')).statusCode).toBe(400);
  });
});
