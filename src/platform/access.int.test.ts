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
} from '../../test/support/world.ts';

describe('a restricted child', async () => {
  const { app, db } = await testServer();
  const council = await newCouncil(db);
  const team = await newTeam(db, council);
  const named = await newWorker(db, council, 'social-worker', { team });
  const colleague = await newWorker(db, council, 'social-worker', { team });
  const manager = await newWorker(db, council, 'team-manager', { team, manages: true });
  const serviceManager = await newWorker(db, council, 'service-manager');
  const director = await newWorker(db, council, 'director');
  // A staff member's child: restricted to one named worker, though allocated to the colleague as well.
  const restricted = await newChild(db, council, {
    givenName: 'Morgan',
    familyName: 'Quill',
    restrictedTo: [named],
  });
  await allocate(db, restricted, named);
  await allocate(db, restricted, colleague);
  const ordinary = await newChild(db, council, { givenName: 'Morgan', familyName: 'Ashby' });
  await allocate(db, ordinary, colleague);

  it('opens for the named worker', async () => {
    const browser = await signedInAs(app, named);
    expect((await browser.get(`/children/${restricted.id}`)).statusCode).toBe(200);
    expect((await browser.get('/children?q=Quill')).body).toContain('Morgan Quill');
  });

  it.each([
    ['an allocated colleague not on the list', colleague],
    ['the team manager', manager],
    ['a service manager', serviceManager],
    ['the director', director],
  ])(
    'does not exist for %s: same 404 as an unknown id, absent from lists, search and the API',
    async (_who, worker) => {
      const browser = await signedInAs(app, worker);
      const opened = await browser.get(`/children/${restricted.id}`);
      const unknown = await browser.get(`/children/${uuidv7()}`);
      expect(opened.statusCode).toBe(404);
      expect(opened.body.replace(/name="_csrf" value="[^"]+"/, '')).toBe(
        unknown.body.replace(/name="_csrf" value="[^"]+"/, ''),
      );
      const list = await browser.get('/children?q=Morgan');
      expect(list.body).not.toContain('Quill');
      expect(list.body).not.toContain(restricted.localId);
      const byId = await browser.get(`/children?q=${restricted.localId}`);
      expect(byId.body).not.toContain('Quill');
      const api = await browser.get('/api/children');
      expect(api.json().map((child: { id: string }) => child.id)).not.toContain(restricted.id);
      expect((await browser.get(`/api/children/${restricted.id}`)).statusCode).toBe(404);
    },
  );

  it('cannot be reached by breaking glass, and the refusal looks like an unknown child', async () => {
    const browser = await signedInAs(app, manager);
    const tried = await browser.post('/break-glass', {
      localId: restricted.localId,
      reason: 'Checking on the family tonight',
    });
    const unknown = await browser.post('/break-glass', {
      localId: 'NO-SUCH-CHILD',
      reason: 'Checking on the family tonight',
    });
    expect(tried.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
  });

  it('is absent from the audit search of people not on its list', async () => {
    const named_ = await signedInAs(app, named);
    await named_.get(`/children/${restricted.id}`);
    const browser = await signedInAs(app, serviceManager);
    const search = await browser.get(`/audit?email=${encodeURIComponent(named.email)}&action=child.viewed`);
    expect(search.statusCode).toBe(200);
    expect(search.body).not.toContain(restricted.localId);
  });

  it('audits refused opens', async () => {
    const browser = await signedInAs(app, colleague);
    await browser.get(`/children/${restricted.id}`);
    const refusals = await db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'worker_id'])
      .where('council_id', '=', council.id)
      .where('child_id', '=', restricted.id)
      .where('outcome', '=', 'refused')
      .execute();
    expect(refusals).toContainEqual({
      action: 'child.read.refused',
      outcome: 'refused',
      worker_id: colleague.workerId,
    });
  });
});

describe('access by allocation, team and role', async () => {
  const { app, db } = await testServer();
  const council = await newCouncil(db);
  const team = await newTeam(db, council);
  const otherTeam = await newTeam(db, council);
  const worker = await newWorker(db, council, 'social-worker', { team });
  const teamMate = await newWorker(db, council, 'social-worker', { team });
  const elsewhere = await newWorker(db, council, 'social-worker', { team: otherTeam });
  const child = await newChild(db, council);
  await allocate(db, child, worker);
  const formerChild = await newChild(db, council, { givenName: 'Former' });
  await allocate(db, formerChild, elsewhere, { from: '2020-01-01', to: '2021-01-01' });

  it('lets a team mate read but not change a child allocated in their team', async () => {
    const browser = await signedInAs(app, teamMate);
    expect((await browser.get(`/children/${child.id}`)).statusCode).toBe(200);
    const change = await browser.request({
      method: 'PATCH',
      url: `/api/children/${child.id}`,
      json: { version: 1, givenName: 'Changed', familyName: 'Taylor', dateOfBirth: '2015-03-27' },
    });
    expect(change.statusCode).toBe(403);
    const stored = await db
      .selectFrom('children')
      .select('given_name')
      .where('id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(stored.given_name).toBe('Alex');
  });

  it('ends access when the allocation ends', async () => {
    const browser = await signedInAs(app, elsewhere);
    expect((await browser.get(`/children/${formerChild.id}`)).statusCode).toBe(404);
  });

  it('opens a child outside access by breaking glass, for this session only, and lists it for review', async () => {
    const browser = await signedInAs(app, elsewhere);
    expect((await browser.get(`/children/${child.id}`)).statusCode).toBe(404);
    const tooShort = await browser.post('/break-glass', { localId: child.localId, reason: 'need' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.body).toContain('Explain why you need to open this record');
    const granted = await browser.post('/break-glass', {
      localId: child.localId,
      reason: 'Police called the duty line at 2am',
    });
    expect(granted.statusCode).toBe(303);
    expect((await browser.get(`/children/${child.id}`)).statusCode).toBe(200);

    const nextSession = await signedInAs(app, elsewhere);
    expect((await nextSession.get(`/children/${child.id}`)).statusCode).toBe(404);

    const audit = await db
      .selectFrom('audit_log')
      .select(['details'])
      .where('council_id', '=', council.id)
      .where('action', '=', 'child.break-glass')
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ reason: 'Police called the duty line at 2am' });

    const otherManager = await newWorker(db, council, 'team-manager', { team: otherTeam, manages: true });
    const review = await (await signedInAs(app, otherManager)).get('/access-review');
    expect(review.body).toContain('Police called the duty line at 2am');
    const unrelatedManager = await newWorker(db, council, 'team-manager', { team, manages: true });
    expect((await (await signedInAs(app, unrelatedManager)).get('/access-review')).body).not.toContain(
      'Police called the duty line',
    );
  });
});
