import { describe, expect, it } from 'vitest';
import { aCaseNote, aTeamWithAnAllocatedChild, anOpenEpisode } from '../../../test/support/journey.ts';
import { allocate, newChild, newWorker, signedInAs, testServer } from '../../../test/support/world.ts';

describe('caseloads and allocation', async () => {
  const { app, db } = await testServer();

  it('shows my caseload with team and last visit, and each worker against the team target', async () => {
    const { council, team, worker, manager, child } = await aTeamWithAnAllocatedChild(db);
    await aCaseNote(db, worker, [child]);
    const mine = await (await signedInAs(app, worker)).get('/api/caseload');
    expect(mine.json()).toEqual([
      expect.objectContaining({
        id: child.id,
        team: team.name,
        lastVisitOrContact: '2025-06-03',
        caseRole: 'allocated-worker',
      }),
    ]);
    const page = await (await signedInAs(app, worker)).get('/caseload');
    expect(page.body).toContain('3 June 2025');
    await newWorker(db, council, 'social-worker', { team, givenName: 'Quinn' });
    const teams = await (await signedInAs(app, manager)).get('/team-caseloads');
    expect(teams.body).toContain(`${team.name} (target 25 per worker)`);
    expect(teams.body).toMatch(/Priya social-worker<\/td>\s*<td[^>]*>social worker<\/td>\s*<td[^>]*>1<\/td>/);
  });

  it('reallocates with a reason: the old allocation ends and stays in the history, and access moves', async () => {
    const { council, team, worker, manager, child } = await aTeamWithAnAllocatedChild(db);
    const next = await newWorker(db, council, 'social-worker', { team, givenName: 'Quinn' });
    const browser = await signedInAs(app, manager);
    await browser.get(`/children/${child.id}/allocation`);
    const missing = await browser.post(`/children/${child.id}/allocation`, {
      workerId: next.workerId,
      caseRole: 'allocated-worker',
      'from-day': '1',
      'from-month': '6',
      'from-year': '2025',
      reason: '',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#reason"');
    expect(
      await db.selectFrom('allocations').selectAll().where('child_id', '=', child.id).execute(),
    ).toHaveLength(1);

    const done = await browser.post(`/children/${child.id}/allocation`, {
      workerId: next.workerId,
      caseRole: 'allocated-worker',
      'from-day': '1',
      'from-month': '6',
      'from-year': '2025',
      reason: 'Priya is moving to the fostering team',
    });
    expect(done.statusCode).toBe(303);
    const history = await db
      .selectFrom('allocations')
      .select(['worker_id', 'from_date', 'to_date', 'reason'])
      .where('child_id', '=', child.id)
      .orderBy('from_date')
      .execute();
    expect(history).toEqual([
      { worker_id: worker.workerId, from_date: '2020-01-01', to_date: '2025-05-31', reason: null },
      {
        worker_id: next.workerId,
        from_date: '2025-06-01',
        to_date: null,
        reason: 'Priya is moving to the fostering team',
      },
    ]);
    const page = await browser.get(`/children/${child.id}/allocation`);
    expect(page.body).toContain('Priya is moving to the fostering team');
    // Priya still reads the child as a member of the team, but can no longer write to the record.
    const priya = await signedInAs(app, worker);
    expect((await priya.get(`/children/${child.id}/notes/new`)).statusCode).toBe(403);
    expect(
      (await (await signedInAs(app, next)).get('/api/caseload')).json().map((c: { id: string }) => c.id),
    ).toEqual([child.id]);
  });

  it('refuses to allocate a child outside the manager’s teams (not found), writing nothing', async () => {
    const { council, manager, worker } = await aTeamWithAnAllocatedChild(db);
    const outside = await newChild(db, council);
    const response = await (
      await signedInAs(app, manager)
    ).request({
      method: 'POST',
      url: `/api/children/${outside.id}/allocations`,
      json: { workerId: worker.workerId, caseRole: 'allocated-worker', from: '2025-06-01', reason: 'Duty' },
    });
    expect(response.statusCode).toBe(404);
    expect(
      await db.selectFrom('allocations').selectAll().where('child_id', '=', outside.id).execute(),
    ).toHaveLength(0);
  });

  it('shows the next statutory task due on my caseload: an assessment 45 working days after the referral', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db);
    // Monday 2 June 2025 + 45 working days (no bank holidays in between) = Monday 4 August 2025.
    await anOpenEpisode(db, child, worker, { referralDate: '2025-06-02' });
    const browser = await signedInAs(app, worker);
    const [mine] = (await browser.get('/api/caseload')).json();
    expect(mine.nextDue).toEqual({ kind: 'assessment', dueBy: '2025-08-04', overdue: true });
    const page = await browser.get('/caseload');
    expect(page.body).toContain('by 4 August 2025');
    expect(page.body).toContain('Overdue');
    expect(page.body).toContain('Child in need (open episode)');
  });

  it('sorts my caseload by the next thing due, children with nothing due last', async () => {
    const { council, worker, child: nothingDue } = await aTeamWithAnAllocatedChild(db);
    const later = await newChild(db, council, { givenName: 'Later' });
    const sooner = await newChild(db, council, { givenName: 'Sooner' });
    await allocate(db, later, worker);
    await allocate(db, sooner, worker);
    await anOpenEpisode(db, later, worker, { referralDate: '2025-06-02' });
    await anOpenEpisode(db, sooner, worker, { referralDate: '2025-05-01' });
    const mine = (await (await signedInAs(app, worker)).get('/api/caseload')).json() as Array<{ id: string }>;
    expect(mine.map((child) => child.id)).toEqual([sooner.id, later.id, nothingDue.id]);
  });
});
