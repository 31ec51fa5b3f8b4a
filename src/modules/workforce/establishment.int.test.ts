import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import {
  dateBoxes,
  newCouncil,
  newTeam,
  newWorker,
  signedInAs,
  testServer,
} from '../../../test/support/world.ts';

/**
 * The council's establishment (issue 21): teams created and changed (caseload target, manager from today) and
 * posts established, corrected and disestablished, through the forms (GOV.UK errors) and the JSON API, each with
 * its audit entry, by service managers and administrators only.
 */
describe('creating teams and establishing posts', async () => {
  const { app, db } = await testServer({ clock: () => new Date('2026-06-15T10:00:00Z') });
  const council = await newCouncil(db);
  const existing = await newTeam(db, council, { name: 'Assessment north' });
  const oldManager = await newWorker(db, council, 'team-manager', {
    team: existing,
    manages: true,
    givenName: 'Olu',
  });
  const newManager = await newWorker(db, council, 'team-manager', { givenName: 'Priya' });
  const serviceManager = await newWorker(db, council, 'service-manager', { givenName: 'Sol' });
  const admin = await newWorker(db, council, 'administrator');
  const director = await newWorker(db, council, 'director');

  const auditOf = (action: string) =>
    db
      .selectFrom('audit_log')
      .select('details')
      .where('council_id', '=', council.id)
      .where('action', '=', action)
      .execute();
  const membershipsOf = (teamId: string) =>
    db
      .selectFrom('team_memberships')
      .select(['worker_id', 'manages', 'from_date', 'to_date'])
      .where('team_id', '=', teamId)
      .orderBy('from_date')
      .execute();

  it('creates a team with its target and manager, and shows the GOV.UK errors for a bad one', async () => {
    const browser = await signedInAs(app, serviceManager);
    expect((await browser.get('/workforce')).body).toContain('href="/workforce/teams/new"');
    const form = await browser.get('/workforce/teams/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`<option value="${newManager.workerId}">Priya team-manager</option>`);
    // Directors and administrators are not managers to choose from.
    expect(form.body).not.toContain(admin.workerId);

    const refused = await browser.post('/workforce/teams/new', {
      name: 'assessment NORTH',
      kind: 'assessment',
      target: '18.5',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('<title>Error: ');
    expect(refused.body).toContain('href="#name"');
    expect(refused.body).toContain('There is already a team called assessment NORTH');
    expect(refused.body).toContain('Caseload target must be a whole number of children, like 20');
    expect(refused.body).toMatch(/name="target"[^>]*value="18.5"/);

    const saved = await browser.post('/workforce/teams/new', {
      name: 'Children in care south',
      kind: 'children-in-care',
      target: '18',
      manager: newManager.workerId,
      managersHoldCases: 'no',
    });
    expect(saved.statusCode).toBe(303);
    const team = await db
      .selectFrom('teams')
      .select(['id', 'kind', 'caseload_target', 'managers_hold_cases'])
      .where('council_id', '=', council.id)
      .where('name', '=', 'Children in care south')
      .executeTakeFirstOrThrow();
    expect(team).toMatchObject({ kind: 'children-in-care', caseload_target: 18, managers_hold_cases: false });
    expect(await membershipsOf(team.id)).toEqual([
      { worker_id: newManager.workerId, manages: true, from_date: '2026-06-15', to_date: null },
    ]);
    const [entry] = await auditOf('team.created');
    expect(entry!.details).toMatchObject({
      teamId: team.id,
      caseloadTarget: 18,
      managerId: newManager.workerId,
    });
    expect((await browser.get('/workforce')).body).toMatch(
      /Children in care south[\s\S]*?Priya team-manager/,
    );
  });

  it('changes a team’s target and manager from today, keeping who managed it before', async () => {
    const browser = await signedInAs(app, admin);
    const teamPage = await browser.get(`/workforce/teams/${existing.id}`);
    expect(teamPage.body).toContain(`href="/workforce/teams/${existing.id}/change"`);
    const change = await browser.get(`/workforce/teams/${existing.id}/change`);
    expect(change.body).toMatch(/name="target"[^>]*value="20"/);
    expect(change.body).toContain(`<option value="${oldManager.workerId}" selected>`);

    const api = await browser.request({
      method: 'PUT',
      url: `/api/workforce/teams/${existing.id}`,
      json: { name: 'Assessment north', target: 22, manager: newManager.workerId, managersHoldCases: false },
    });
    expect(api.statusCode).toBe(200);
    expect(await membershipsOf(existing.id)).toEqual([
      { worker_id: oldManager.workerId, manages: true, from_date: '2020-01-01', to_date: '2026-06-14' },
      { worker_id: newManager.workerId, manages: true, from_date: '2026-06-15', to_date: null },
    ]);
    const [entry] = await auditOf('team.changed');
    expect(entry!.details).toMatchObject({
      was: { caseloadTarget: 20 },
      now: { caseloadTarget: 22 },
      managerFrom: { managerId: newManager.workerId, stoppedManaging: [oldManager.workerId] },
    });
    // The same manager again changes no membership, and the audit says no manager changed.
    await browser.request({
      method: 'PUT',
      url: `/api/workforce/teams/${existing.id}`,
      json: { name: 'Assessment north', target: 23, manager: newManager.workerId },
    });
    expect(await membershipsOf(existing.id)).toHaveLength(2);
    expect((await auditOf('team.changed')).at(-1)!.details).toMatchObject({
      now: { caseloadTarget: 23 },
      managerFrom: null,
    });
    // A manager who is not one of the council's managers is refused by name.
    const bad = await browser.request({
      method: 'PUT',
      url: `/api/workforce/teams/${existing.id}`,
      json: { name: 'Assessment north', manager: director.workerId },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('manager');
  });

  it('establishes, corrects and disestablishes a post; the holder stops holding it on its last day', async () => {
    const browser = await signedInAs(app, serviceManager);
    const base = `/workforce/teams/${existing.id}/posts`;
    const badFte = await browser.request({
      method: 'POST',
      url: `/api${base}`,
      json: { title: 'Social worker (post 3)', job: 'social-worker', fte: 0.755, from: '2026-04-01' },
    });
    expect(badFte.statusCode).toBe(400);
    expect(badFte.body).toContain('two decimal places');

    const noFte = await browser.post(`${base}/new`, {
      title: 'Social worker (post 3)',
      job: 'social-worker',
      ...dateBoxes('from', '2026-04-01'),
    });
    expect(noFte.statusCode).toBe(400);
    expect(noFte.body).toContain('href="#fte"');
    const saved = await browser.post(`${base}/new`, {
      title: 'Social worker (post 3)',
      job: 'social-worker',
      fte: '1',
      ...dateBoxes('from', '2026-04-01'),
    });
    expect(saved.statusCode).toBe(303);
    const post = await db
      .selectFrom('posts')
      .select(['id', 'fte', 'from_date'])
      .where('team_id', '=', existing.id)
      .executeTakeFirstOrThrow();
    expect(post).toMatchObject({ fte: '1.00', from_date: '2026-04-01' });
    expect((await browser.get(`/workforce/teams/${existing.id}`)).body).toMatch(
      /Social worker \(post 3\)[\s\S]*?Vacant[\s\S]*?Correct<span class="govuk-visually-hidden"> Social worker \(post 3\)/,
    );

    const corrected = await browser.request({
      method: 'PUT',
      url: `/api${base}/${post.id}`,
      json: { title: 'Social worker (post 3)', job: 'social-worker', fte: 0.8 },
    });
    expect(corrected.statusCode).toBe(200);
    const [change] = await auditOf('post.changed');
    expect(change!.details).toMatchObject({ was: { fte: '1.00' }, now: { fte: '0.80' } });

    const holder = await newWorker(db, council, 'social-worker', { team: existing });
    await db
      .insertInto('post_holders')
      .values({
        council_id: council.id,
        id: uuidv7(),
        post_id: post.id,
        worker_id: holder.workerId,
        from_date: '2026-04-01',
      })
      .execute();
    const early = await browser.post(`${base}/${post.id}/disestablish`, dateBoxes('to', '2026-03-31'));
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('on or after the day it was established');
    const ended = await browser.post(`${base}/${post.id}/disestablish`, dateBoxes('to', '2026-09-30'));
    expect(ended.statusCode).toBe(303);
    const holding = await db
      .selectFrom('post_holders')
      .select('to_date')
      .where('post_id', '=', post.id)
      .executeTakeFirstOrThrow();
    expect(holding.to_date).toBe('2026-09-30');
    const [entry] = await auditOf('post.disestablished');
    expect(entry!.details).toMatchObject({ lastDay: '2026-09-30', holdersEnded: [holder.workerId] });
    const again = await browser.post(`${base}/${post.id}/disestablish`, dateBoxes('to', '2026-10-31'));
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('already disestablished');
  });

  it('refuses a team’s own manager (403), a director (403) and a post of another team (404)', async () => {
    const manager = await signedInAs(app, newManager);
    expect((await manager.get('/workforce/teams/new')).statusCode).toBe(403);
    expect((await manager.get(`/workforce/teams/${existing.id}`)).body).not.toContain('Establish a post');
    const api = await manager.request({
      method: 'POST',
      url: `/api/workforce/teams/${existing.id}/posts`,
      json: { title: 'Extra', job: 'social-worker', fte: 1, from: '2026-06-01' },
    });
    expect(api.statusCode).toBe(403);
    const viewer = await signedInAs(app, director);
    expect((await viewer.get(`/workforce/teams/${existing.id}/posts/new`)).statusCode).toBe(403);

    const browser = await signedInAs(app, admin);
    const other = await newTeam(db, council, { name: 'Fostering' });
    const [post] = await db.selectFrom('posts').select('id').where('team_id', '=', existing.id).execute();
    expect((await browser.get(`/workforce/teams/${other.id}/posts/${post!.id}/change`)).statusCode).toBe(404);
    expect((await browser.get('/workforce/teams/not-a-team/change')).statusCode).toBe(404);
  });
});
