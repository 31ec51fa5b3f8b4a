import { describe, expect, it } from 'vitest';
import { aCaseNote, aTeamWithAnAllocatedChild, anOpenEpisode } from '../../../test/support/journey.ts';
import {
  allocate,
  newChild,
  newCouncil,
  newTeam,
  newWorker,
  signedInAs,
  testServer,
} from '../../../test/support/world.ts';

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
    expect(teams.body).toMatch(
      /Priya social-worker<span[^>]*>’s caseload<\/span><\/a><\/td>\s*<td[^>]*>social worker<\/td>\s*<td[^>]*>1<\/td>/,
    );
    // Each worker's name opens their caseload; the Children page lists a worker's children, paged like every list.
    expect(teams.body).toContain(`href="/workers/${worker.workerId}/caseload"`);
    const theirs = await (await signedInAs(app, manager)).get(`/children?worker=${worker.workerId}`);
    expect(theirs.body).toContain('Showing 1 to 1 of 1 child');
  });

  it('pages a long caseload, 50 at a time, sorted by what is due or by name', async () => {
    const { council, team, worker } = await aTeamWithAnAllocatedChild(db, { familyName: 'Aaron' });
    for (let n = 1; n <= 54; n++)
      await allocate(
        db,
        await newChild(db, council, { familyName: `Caseload${String(n).padStart(2, '0')}` }),
        worker,
      );
    const browser = await signedInAs(app, worker);
    const first = await browser.get('/caseload?sort=name');
    expect(first.body).toContain('55 children allocated to you');
    expect(first.body).toContain('Showing 1 to 50 of 55 children');
    expect(first.body).toMatch(/<th[^>]*aria-sort="ascending"[^>]*>\s*<a[^>]*>Name/);
    const last = await browser.get('/caseload?sort=name&order=descending&page=2');
    expect(last.body).toContain('Showing 51 to 55 of 55 children');
    expect(last.body).toContain('Alex Aaron');
    const api = await browser.get('/api/caseload?page=2');
    expect(api.headers['x-total-count']).toBe('55');
    expect(api.json()).toHaveLength(5);
    const other = await signedInAs(
      app,
      await newWorker(db, council, 'team-manager', { team, manages: true }),
    );
    expect((await other.get(`/team-caseloads?team=${team.id}`)).body).toContain(team.name);
  });

  it('shows a service manager every team ten to a page, and one team in full when chosen', async () => {
    const council = await newCouncil(db);
    const teams = [];
    for (let n = 1; n <= 12; n++) {
      const team = await newTeam(db, council, { name: `Area team ${String(n).padStart(2, '0')}` });
      await newWorker(db, council, 'social-worker', { team, givenName: `Worker${n}` });
      teams.push(team);
    }
    const browser = await signedInAs(app, await newWorker(db, council, 'service-manager'));
    const first = await browser.get('/team-caseloads');
    expect(first.body).toContain('Showing 1 to 10 of 12 teams');
    expect(first.body).toContain('Area team 01 (target');
    expect(first.body).not.toContain('Area team 11 (target');
    const second = await browser.get('/team-caseloads?page=2');
    expect(second.body).toContain('Showing 11 to 12 of 12 teams');
    expect(second.body).toContain('Area team 12 (target');
    const chosen = await browser.get(`/team-caseloads?team=${teams[11]!.id}`);
    expect(chosen.body).toContain('Area team 12 (target');
    expect(chosen.body).not.toContain('Showing');
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
      confirmed: 'yes',
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
    expect(page.body).toContain('Referral since 2 June 2025');
    expect(page.body).toContain('>Status</th>');
    expect(mine.status).toMatchObject({ stage: 'referral', since: '2025-06-02' });
  });

  it('shows a child on a child protection plan, and a care leaver, as such (not as a child in need)', async () => {
    const { council, worker, child: onPlan } = await aTeamWithAnAllocatedChild(db, { givenName: 'Ada' });
    const leaver = await newChild(db, council, { givenName: 'Bea', dateOfBirth: '2007-05-10' });
    await allocate(db, leaver, worker);
    await anOpenEpisode(db, onPlan, worker, { referralDate: '2025-04-14' });
    await anOpenEpisode(db, leaver, worker, { referralDate: '2023-12-04' });
    const browser = await signedInAs(app, worker);
    const post = (child: { id: string }, path: string, json: Record<string, unknown>) =>
      browser.request({ method: 'POST', url: `/api/children/${child.id}/${path}`, json });
    await post(onPlan, 'strategy-discussions', {
      heldOn: '2025-04-17',
      attendees: 'Police',
      outcome: 'section-47',
    });
    await post(onPlan, 'initial-conferences', {
      heldOn: '2025-05-06',
      outcome: 'child-protection-plan',
      category: 'NEG',
    });
    const placement = { place: 'K2', provider: 'PR1', inArea: true, unregistered: false };
    await post(leaver, 'periods-of-care', { startDate: '2024-01-08', legalStatus: 'C2', ...placement });
    // Care ends on her 18th birthday, Saturday 10 May 2025: she becomes a former relevant care leaver.
    const ended = await post(leaver, 'care-endings', {
      endDate: '2025-05-10',
      reason: 'E17',
      leavingCareStatus: 'former-relevant',
    });
    expect(ended.statusCode).toBe(201);

    const mine = (await browser.get('/api/caseload')).json() as Array<{ id: string; status: unknown }>;
    expect(Object.fromEntries(mine.map((child) => [child.id, child.status]))).toEqual({
      [onPlan.id]: {
        stage: 'child-protection-plan',
        since: '2025-05-06',
        description: 'Child protection plan since 6 May 2025 (neglect)',
        details: { category: 'Neglect', start: '2025-05-06' },
      },
      [leaver.id]: {
        stage: 'care-leaver',
        since: '2025-05-10',
        description: 'Care leaver: former relevant',
        details: { status: 'former-relevant' },
      },
    });
    const page = await browser.get('/caseload');
    expect(page.body).toContain('Child protection plan since 6 May 2025 (neglect)');
    expect(page.body).toContain('Care leaver: former relevant');
    expect(page.body).not.toContain('Child in need');
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
