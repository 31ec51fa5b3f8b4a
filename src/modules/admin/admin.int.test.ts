import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  newChild,
  newCouncil,
  newTeam,
  newWorker,
  signedInAs,
  testPassword,
  testServer,
  TestBrowser,
} from '../../../test/support/world.ts';

describe('the administrator’s pages', async () => {
  const { app, db } = await testServer();
  const council = await newCouncil(db);
  const team = await newTeam(db, council, { name: 'Assessment team North' });
  const otherTeam = await newTeam(db, council, { name: 'Children in care team' });
  const admin = await newWorker(db, council, 'administrator');
  const adminBrowser = await signedInAs(app, admin);

  async function signIn(email: string, password = testPassword) {
    const browser = new TestBrowser(app);
    await browser.get('/sign-in');
    return { browser, response: await browser.post('/sign-in', { email, password }) };
  }

  it('are for the administrator only: every other role is refused', async () => {
    for (const role of ['team-manager', 'service-manager', 'director', 'auditor'] as const) {
      const browser = await signedInAs(app, await newWorker(db, council, role, { team }));
      expect((await browser.get('/admin/users')).statusCode).toBe(403);
      expect((await browser.get('/admin/restricted-children')).statusCode).toBe(403);
      const refused = await browser.post('/admin/restricted-children/new', { localId: 'X', reason: 'Try' });
      expect(refused.statusCode).toBe(403);
    }
  });

  it('adds a user who can then sign in, in the team chosen', async () => {
    const empty = await adminBrowser.post('/admin/users/new', {});
    expect(empty.statusCode).toBe(400);
    for (const message of ['Enter the given name', 'Enter the family name', 'Choose the person’s role']) {
      expect(empty.body).toContain(message);
    }
    const added = await adminBrowser.post('/admin/users/new', {
      givenName: 'Nia',
      familyName: 'Okafor',
      email: 'Nia.Okafor@council.example',
      role: 'social-worker',
      teamId: team.id,
      password: 'a long first password',
    });
    expect(added.statusCode).toBe(303);
    const list = await adminBrowser.get('/admin/users');
    expect(list.body).toMatch(
      /Nia Okafor[\s\S]*nia\.okafor@council\.example[\s\S]*Social worker[\s\S]*Assessment team North/,
    );
    expect((await signIn('nia.okafor@council.example', 'a long first password')).response.statusCode).toBe(
      303,
    );
  });

  it('changes a person’s role and team from today, and audits it', async () => {
    const worker = await newWorker(db, council, 'social-worker', { team });
    const changed = await adminBrowser.post(`/admin/users/${worker.userId}`, {
      role: 'team-manager',
      teamId: otherTeam.id,
      manages: 'yes',
    });
    expect(changed.statusCode).toBe(303);
    const page = await adminBrowser.get(`/admin/users/${worker.userId}`);
    expect(page.body).toContain('Team manager');
    const memberships = await db
      .selectFrom('team_memberships')
      .select(['team_id', 'to_date', 'manages'])
      .where('worker_id', '=', worker.workerId)
      .orderBy('from_date')
      .execute();
    // The old membership is kept, ended yesterday; the new one holds from today.
    expect(memberships).toHaveLength(2);
    expect(memberships[0]!.team_id).toBe(team.id);
    expect(memberships[0]!.to_date).not.toBeNull();
    expect(memberships[1]).toMatchObject({ team_id: otherTeam.id, to_date: null, manages: true });
    const audit = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'user.changed')
      .where('worker_id', '=', admin.workerId)
      .execute();
    expect(audit.some((entry) => entry.details.userId === worker.userId)).toBe(true);
  });

  it('records a social worker’s Social Work England number, refusing one in another shape or held by someone else', async () => {
    const worker = await newWorker(db, council, 'social-worker', { team });
    const colleague = await newWorker(db, council, 'social-worker', { team });
    const saved = await adminBrowser.post(`/admin/users/${worker.userId}/registration`, {
      registration: 'sw 204518',
    });
    expect(saved.statusCode).toBe(303);
    expect((await adminBrowser.get(`/admin/users/${worker.userId}`)).body).toContain('value="SW204518"');
    const shape = await adminBrowser.post(`/admin/users/${colleague.userId}/registration`, {
      registration: '204518',
    });
    expect(shape.statusCode).toBe(400);
    expect(shape.body).toContain('SW followed by its digits');
    const taken = await adminBrowser.post(`/admin/users/${colleague.userId}/registration`, {
      registration: 'SW204518',
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('Someone else already has this registration number');
    const stored = await db
      .selectFrom('workers')
      .select(['id', 'social_work_england_number'])
      .where('id', 'in', [worker.workerId, colleague.workerId])
      .execute();
    expect(Object.fromEntries(stored.map((row) => [row.id, row.social_work_england_number]))).toEqual({
      [worker.workerId]: 'SW204518',
      [colleague.workerId]: null,
    });
  });

  it('disables a user: their open session ends at once and they cannot sign in again', async () => {
    const worker = await newWorker(db, council, 'social-worker', { team });
    const theirs = await signedInAs(app, worker);
    expect((await theirs.get('/home')).statusCode).toBe(200);
    expect((await adminBrowser.post(`/admin/users/${worker.userId}/disable`, {})).statusCode).toBe(303);
    const after = await theirs.get('/home');
    expect(after.statusCode).toBe(303);
    expect(String(after.headers.location)).toMatch(/^\/sign-in/);
    expect((await signIn(worker.email)).response.statusCode).toBe(401);
    expect((await adminBrowser.get('/admin/users')).body).toContain('Disabled');
    // Enabled again, they sign in with the password they had.
    await adminBrowser.post(`/admin/users/${worker.userId}/enable`, {});
    expect((await signIn(worker.email)).response.statusCode).toBe(303);
  });

  it('will not let an administrator disable their own sign-in', async () => {
    const refused = await adminBrowser.post(`/admin/users/${admin.userId}/disable`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('You cannot disable your own sign-in');
  });

  it('restricts a child: a colleague in the same team gets the same “Page not found” as for an unknown child, and search does not find them', async () => {
    const allocated = await newWorker(db, council, 'social-worker', { team });
    const colleague = await newWorker(db, council, 'social-worker', { team });
    const manager = await newWorker(db, council, 'team-manager', { team, manages: true });
    const child = await newChild(db, council, { givenName: 'Rowan', familyName: 'Ashby' });
    await allocate(db, child, allocated);
    const colleagueBrowser = await signedInAs(app, colleague);
    expect((await colleagueBrowser.get(`/children/${child.id}`)).statusCode).toBe(200);
    expect((await colleagueBrowser.get(`/search?q=${child.localId}`)).body).toContain('Rowan');

    const noReason = await adminBrowser.post('/admin/restricted-children/new', { localId: child.localId });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why you are restricting this child');
    const restricted = await adminBrowser.post('/admin/restricted-children/new', {
      localId: child.localId,
      reason: 'Child of a member of staff in this team',
    });
    expect(restricted.statusCode).toBe(303);
    expect(restricted.headers.location).toBe(`/admin/restricted-children/${child.id}`);
    // The list of restricted children gives the number on each list, with no warning while someone is on it.
    const listed = (await adminBrowser.get('/admin/restricted-children')).body;
    expect(listed).toContain(child.localId);
    expect(listed).not.toContain('Nobody can see this child');
    // The allocated worker was put on the list and keeps the record.
    const listPage = await adminBrowser.get(`/admin/restricted-children/${child.id}`);
    expect(listPage.body).toContain(allocated.email);
    expect(listPage.body).toContain('Child of a member of staff in this team');
    expect((await (await signedInAs(app, allocated)).get(`/children/${child.id}`)).statusCode).toBe(200);

    for (const outsider of [colleagueBrowser, await signedInAs(app, manager)]) {
      const hidden = await outsider.get(`/children/${child.id}`);
      const unknown = await outsider.get(`/children/${uuidv7()}`);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).toBe(unknown.body);
      expect((await outsider.get(`/search?q=${child.localId}`)).body).not.toContain('Rowan');
      expect((await outsider.get('/search?q=Rowan+Ashby')).body).not.toContain(child.localId);
    }

    // Adding the colleague with a reason lets them see the child; removing them hides it again.
    const added = await adminBrowser.post(`/admin/restricted-children/${child.id}/people`, {
      email: colleague.email,
      reason: 'Covering while the allocated worker is on leave',
    });
    expect(added.statusCode).toBe(303);
    expect((await colleagueBrowser.get(`/children/${child.id}`)).statusCode).toBe(200);
    const removeUrl = `/admin/restricted-children/${child.id}/people/${colleague.workerId}/remove`;
    expect((await adminBrowser.post(removeUrl, {})).statusCode).toBe(400);
    expect((await adminBrowser.post(removeUrl, { reason: 'Cover has ended' })).statusCode).toBe(303);
    expect((await colleagueBrowser.get(`/children/${child.id}`)).statusCode).toBe(404);

    const changes = await db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('child_id', '=', child.id)
      .where('worker_id', '=', admin.workerId)
      .orderBy('seq')
      .execute();
    expect(changes.map((entry) => [entry.action, entry.details.reason])).toEqual([
      ['child.restricted', 'Child of a member of staff in this team'],
      ['child.access-list.added', 'Covering while the allocated worker is on leave'],
      ['child.access-list.removed', 'Cover has ended'],
    ]);

    // A restricted child with nobody on the list is hidden from everyone: the list says so in words.
    const nobody = await newChild(db, council, { givenName: 'Ash', familyName: 'Lowe', restrictedTo: [] });
    expect((await adminBrowser.get('/admin/restricted-children')).body).toMatch(
      new RegExp(`${nobody.localId}[\\s\\S]*?Nobody can see this child`),
    );

    // Lifting the restriction gives the team back its sight of the child.
    expect(
      (
        await adminBrowser.post(`/admin/restricted-children/${child.id}/lift`, {
          reason: 'Staff member left',
        })
      ).statusCode,
    ).toBe(303);
    expect((await colleagueBrowser.get(`/children/${child.id}`)).statusCode).toBe(200);
    expect((await adminBrowser.get('/admin/restricted-children')).body).not.toContain(child.localId);
  });

  it('refuses to restrict a child who does not exist, naming the ID', async () => {
    const refused = await adminBrowser.post('/admin/restricted-children/new', {
      localId: 'NOSUCH1',
      reason: 'Testing',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is no child with the ID NOSUCH1');
  });
});
