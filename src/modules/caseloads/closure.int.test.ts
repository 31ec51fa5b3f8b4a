import { describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild, anOpenEpisode } from '../../../test/support/journey.ts';
import { allocate, newWorker, signedInAs, testServer } from '../../../test/support/world.ts';

/**
 * Closing a child's involvement ends their allocations (issue 17): My caseload never lists a child as "Closed
 * since …" while they are still allocated, because a closed child is no one's case.
 */
describe('closing an episode of need ends the allocations', async () => {
  // Monday 7 December 2026, 10:00 in London; moved on a day below.
  let now = new Date('2026-12-07T10:00:00Z');
  const { app, db } = await testServer({ clock: () => now });

  it('ends every allocation on the day the closure is recorded, and the child leaves My caseload', async () => {
    now = new Date('2026-12-07T10:00:00Z');
    const { council, worker, child } = await aTeamWithAnAllocatedChild(db, { givenName: 'Ruby' });
    const coWorker = await newWorker(db, council, 'social-worker');
    await allocate(db, child, coWorker, { caseRole: 'co-worker', from: '2026-01-05' });
    const episodeId = await anOpenEpisode(db, child, worker, { referralDate: '2026-06-01' });
    const browser = await signedInAs(app, worker);
    expect((await browser.get('/caseload')).body).toContain('Ruby');

    // Closed as from 1 December, recorded on 7 December: the worker held the case in Hearth until then.
    const closed = await browser.post(`/children/${child.id}/episodes/${episodeId}/close`, {
      version: '1',
      reason: 'RC7',
      'closedOn-day': '1',
      'closedOn-month': '12',
      'closedOn-year': '2026',
    });
    expect(closed.statusCode).toBe(303);
    const allocations = await db
      .selectFrom('allocations')
      .select(['case_role', 'from_date', 'to_date'])
      .where('child_id', '=', child.id)
      .orderBy('case_role')
      .execute();
    expect(allocations).toEqual([
      { case_role: 'allocated-worker', from_date: '2020-01-01', to_date: '2026-12-07' },
      { case_role: 'co-worker', from_date: '2026-01-05', to_date: '2026-12-07' },
    ]);
    const ended = await db
      .selectFrom('audit_log')
      .select('details')
      .where('child_id', '=', child.id)
      .where('action', '=', 'allocations.ended')
      .executeTakeFirstOrThrow();
    expect(ended.details).toMatchObject({ reason: 'The child’s episode of need closed', on: '2026-12-07' });

    // The next day the child is on nobody's caseload, and no caseload says "Closed since".
    now = new Date('2026-12-08T10:00:00Z');
    const tomorrow = await signedInAs(app, worker);
    const caseload = (await tomorrow.get('/caseload')).body;
    expect(caseload).not.toContain('Ruby');
    expect(caseload).not.toContain('Closed since');
    expect((await (await signedInAs(app, coWorker)).get('/caseload')).body).not.toContain('Ruby');
  });

  it('ends nothing when the closure is refused', async () => {
    now = new Date('2026-12-07T10:00:00Z');
    const { worker, child } = await aTeamWithAnAllocatedChild(db, { givenName: 'Sol' });
    const episodeId = await anOpenEpisode(db, child, worker, { referralDate: '2026-06-01' });
    const browser = await signedInAs(app, worker);
    const refused = await browser.post(`/children/${child.id}/episodes/${episodeId}/close`, {
      version: '1',
      reason: 'RC7',
      'closedOn-day': '1',
      'closedOn-month': '1',
      'closedOn-year': '2027',
    });
    // A closure in the future is refused, and writes nothing: the allocation stays open.
    expect(refused.statusCode).toBe(400);
    const allocation = await db
      .selectFrom('allocations')
      .select('to_date')
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(allocation.to_date).toBeNull();
  });
});
