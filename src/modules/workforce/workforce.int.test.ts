import { describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild } from '../../../test/support/journey.ts';
import { dateBoxes, newTeam, newWorker, signedInAs, testServer } from '../../../test/support/world.ts';

describe('leave and sickness', async () => {
  const { app, db } = await testServer({ clock: () => new Date('2026-11-25T09:00:00Z') });

  it('a team manager records sickness; team caseloads show who is away and which children lack cover', async () => {
    const { council, team, worker, manager, child } = await aTeamWithAnAllocatedChild(db);
    const browser = await signedInAs(app, manager);
    const form = await browser.get(`/workers/${worker.workerId}/absences/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Priya social-worker');

    const recorded = await browser.post(`/workers/${worker.workerId}/absences/new`, {
      kind: 'sickness',
      ...dateBoxes('from', '2026-11-23'),
    });
    expect(recorded.statusCode).toBe(303);
    expect(recorded.headers.location).toBe(`/workers/${worker.workerId}/cover`);
    const absences = await browser.get(`/workers/${worker.workerId}/absences`);
    expect(absences.body).toContain('Sickness with no return date yet');

    let caseloads = await browser.get('/team-caseloads');
    expect(caseloads.body).toContain('Sickness, no return date yet; 1 without cover');

    // Cover is an allocation in the case role "cover" on the child's record.
    const cover = await newWorker(db, council, 'social-worker', { team, givenName: 'Ciaran' });
    const allocated = await browser.request({
      method: 'POST',
      url: `/api/children/${child.id}/allocations`,
      json: { workerId: cover.workerId, caseRole: 'cover', from: '2026-11-24', reason: 'Priya off sick' },
    });
    expect(allocated.statusCode).toBe(201);
    caseloads = await browser.get('/team-caseloads');
    expect(caseloads.body).toContain('Sickness, no return date yet; every child has cover');

    // The audit entry names the kind and the days, nothing more.
    const entry = await db
      .selectFrom('audit_log')
      .select(['details', 'child_id'])
      .where('council_id', '=', council.id)
      .where('action', '=', 'worker.absence-recorded')
      .executeTakeFirstOrThrow();
    expect(entry.child_id).toBeNull();
    expect(Object.keys(entry.details as object).sort()).toEqual([
      'absenceId',
      'from',
      'kind',
      'to',
      'workerId',
    ]);
  });

  it('refuses overlapping or disordered days, on the page and in the API, and writes nothing', async () => {
    const { worker, manager } = await aTeamWithAnAllocatedChild(db);
    const browser = await signedInAs(app, manager);
    const api = `/api/workers/${worker.workerId}/absences`;
    const leave = await browser.request({
      method: 'POST',
      url: api,
      json: { kind: 'annual-leave', from: '2026-12-21', to: '2027-01-04' },
    });
    expect(leave.statusCode).toBe(201);

    const overlapping = await browser.request({
      method: 'POST',
      url: api,
      json: { kind: 'training', from: '2027-01-04', to: '2027-01-05' },
    });
    expect(overlapping.statusCode).toBe(400);
    expect(JSON.stringify(overlapping.json())).toContain('overlap annual leave');

    const page = await browser.post(`/workers/${worker.workerId}/absences/new`, {
      kind: 'annual-leave',
      ...dateBoxes('from', '2027-02-10'),
      ...dateBoxes('to', '2027-02-01'),
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('govuk-error-summary');
    expect(page.body).toContain('The last day away must be the same as or after the first day away');
    expect(page.body).toContain('value="2027"');

    const listed = (await browser.get(api)).json() as Array<{
      kind: string;
      from: string;
      to: string | null;
    }>;
    expect(listed).toEqual([
      expect.objectContaining({ kind: 'annual-leave', from: '2026-12-21', to: '2027-01-04' }),
    ]);
  });

  it('keeps a team manager to the workers of the teams they manage', async () => {
    const { council, worker } = await aTeamWithAnAllocatedChild(db);
    const otherTeam = await newTeam(db, council);
    const otherManager = await newWorker(db, council, 'team-manager', { team: otherTeam, manages: true });
    const browser = await signedInAs(app, otherManager);
    expect((await browser.get(`/workers/${worker.workerId}/absences`)).statusCode).toBe(404);
    const refused = await browser.request({
      method: 'POST',
      url: `/api/workers/${worker.workerId}/absences`,
      json: { kind: 'sickness', from: '2026-11-25' },
    });
    expect(refused.statusCode).toBe(404);
    const serviceManager = await signedInAs(app, await newWorker(db, council, 'service-manager'));
    expect((await serviceManager.get(`/workers/${worker.workerId}/absences`)).statusCode).toBe(200);
  });
});
