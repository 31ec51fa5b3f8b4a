import { describe, expect, it } from 'vitest';
import { dateBoxes, newWorker, signedInAs, testServer } from '../../../test/support/world.ts';
import { aTeamWithAnAllocatedChild, anOpenEpisode } from '../../../test/support/journey.ts';

describe('local standards', async () => {
  const { app, db } = await testServer({ clock: () => new Date('2025-07-10T09:00:00Z') });

  it('lets an administrator set a standard from a date; past visits keep the standard of their time', async () => {
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
    expect((await admin.get('/local-standards')).body).toContain('Practice standards 2025 (from 2025-06-01)');

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

  it('is for administrators only', async () => {
    const { worker } = await aTeamWithAnAllocatedChild(db);
    expect((await (await signedInAs(app, worker)).get('/local-standards')).statusCode).toBe(403);
  });
});
