import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import {
  dateBoxes,
  newCouncil,
  newTeam,
  newWorker,
  signedInAs,
  testPassword,
  testServer,
  TestBrowser,
  type TestWorker,
} from '../../../test/support/world.ts';

/**
 * Recording a worker leaving (issue 21) ends, in one transaction with its audit entry, their team memberships
 * (on the leaving day), their post holding (the post is vacant from the day after) and their sign-in (disabled
 * from the start of the leaving day, sessions ended at once when that day has come).
 */
describe('recording a worker leaving ends their membership, post and sign-in', async () => {
  const { app, db } = await testServer({ clock: () => new Date('2026-06-15T10:00:00Z') });
  const council = await newCouncil(db);
  const team = await newTeam(db, council, { name: 'Children in care west' });
  const manager = await newWorker(db, council, 'team-manager', { team, manages: true, givenName: 'Maya' });

  async function aWorkerInAPost(givenName: string) {
    const worker = await newWorker(db, council, 'social-worker', { team, givenName });
    await db
      .updateTable('workers')
      .set({ started_on: '2022-03-01' })
      .where('id', '=', worker.workerId)
      .execute();
    const postId = uuidv7();
    await db
      .insertInto('posts')
      .values({
        council_id: council.id,
        id: postId,
        team_id: team.id,
        title: `Social worker (${givenName})`,
        job: 'social-worker',
        fte: '1.00',
        from_date: '2022-03-01',
      })
      .execute();
    await db
      .insertInto('post_holders')
      .values({
        council_id: council.id,
        id: uuidv7(),
        post_id: postId,
        worker_id: worker.workerId,
        from_date: '2022-03-01',
      })
      .execute();
    return { worker, postId };
  }
  const endsOf = async (worker: TestWorker) => ({
    memberships: await db
      .selectFrom('team_memberships')
      .select('to_date')
      .where('worker_id', '=', worker.workerId)
      .execute(),
    holdings: await db
      .selectFrom('post_holders')
      .select('to_date')
      .where('worker_id', '=', worker.workerId)
      .execute(),
    user: await db
      .selectFrom('users')
      .select('disabled_at')
      .where('id', '=', worker.userId)
      .executeTakeFirstOrThrow(),
  });
  const signInOf = async (worker: TestWorker) => {
    const browser = new TestBrowser(app);
    await browser.get('/sign-in');
    return browser.post('/sign-in', { email: worker.email, password: testPassword });
  };

  it('a leaving day already come: all three end at once, the post shows vacant, the person is signed out', async () => {
    const { worker } = await aWorkerInAPost('Ade');
    const own = await signedInAs(app, worker);
    expect((await own.get('/home')).statusCode).toBe(200);

    const browser = await signedInAs(app, manager);
    const form = await browser.get(`/workforce/staff/${worker.workerId}/leaving/new`);
    expect(form.body).toContain('ends their team memberships on this day');
    const saved = await browser.post(`/workforce/staff/${worker.workerId}/leaving/new`, {
      ...dateBoxes('left', '2026-06-12'),
      reason: 'resigned',
    });
    expect(saved.statusCode).toBe(303);

    const ends = await endsOf(worker);
    expect(ends.memberships).toEqual([{ to_date: '2026-06-12' }]);
    expect(ends.holdings).toEqual([{ to_date: '2026-06-12' }]);
    // Midnight in England on 12 June (British Summer Time) is 23:00 the day before in UTC.
    expect(ends.user.disabled_at?.toISOString()).toBe('2026-06-11T23:00:00.000Z');
    // Their open session ended, and they cannot sign in again.
    const after = await own.get('/home');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toMatch(/^\/sign-in/);
    expect((await signInOf(worker)).statusCode).not.toBe(303);

    const teamPage = await browser.get(`/workforce/teams/${team.id}`);
    expect(teamPage.body).toMatch(/Social worker \(Ade\)[\s\S]*?Vacant/);

    const [entry] = await db
      .selectFrom('audit_log')
      .select('details')
      .where('council_id', '=', council.id)
      .where('action', '=', 'worker.leaving-recorded')
      .execute();
    expect(entry!.details).toMatchObject({
      workerId: worker.workerId,
      leftOn: '2026-06-12',
      ended: { teamIds: [team.id], signInDisabledFrom: '2026-06-11T23:00:00.000Z', sessionsEnded: 1 },
    });
  });

  it('a leaving day ahead: the person signs in until then; a correction moves every end with it', async () => {
    const { worker, postId } = await aWorkerInAPost('Bea');
    const browser = await signedInAs(app, manager);
    const url = `/workforce/staff/${worker.workerId}/leaving/new`;
    expect(
      (await browser.post(url, { ...dateBoxes('left', '2026-07-31'), reason: 'end-of-contract' })).statusCode,
    ).toBe(303);
    let ends = await endsOf(worker);
    expect(ends.memberships).toEqual([{ to_date: '2026-07-31' }]);
    expect(ends.holdings).toEqual([{ to_date: '2026-07-31' }]);
    expect(ends.user.disabled_at?.toISOString()).toBe('2026-07-30T23:00:00.000Z');
    // Still working their notice, they sign in.
    const own = await signedInAs(app, worker);
    expect((await own.get('/home')).statusCode).toBe(200);

    // Through the API, the leaving brought forward to a day in winter: every end moves, and the session ends.
    const api = await browser.request({
      method: 'POST',
      url: `/api/workforce/staff/${worker.workerId}/leaving`,
      json: { left: '2026-06-01', reason: 'end-of-contract' },
    });
    expect(api.statusCode).toBe(201);
    ends = await endsOf(worker);
    expect(ends.memberships).toEqual([{ to_date: '2026-06-01' }]);
    expect(ends.holdings).toEqual([{ to_date: '2026-06-01' }]);
    expect(ends.user.disabled_at?.toISOString()).toBe('2026-05-31T23:00:00.000Z');
    expect((await own.get('/home')).statusCode).toBe(303);

    // And put back later again: the ends that this leaving set follow it; nothing else is reopened.
    await browser.request({
      method: 'POST',
      url: `/api/workforce/staff/${worker.workerId}/leaving`,
      json: { left: '2026-12-18', reason: 'end-of-contract' },
    });
    ends = await endsOf(worker);
    expect(ends.holdings).toEqual([{ to_date: '2026-12-18' }]);
    expect(ends.user.disabled_at?.toISOString()).toBe('2026-12-18T00:00:00.000Z');
    const post = await db
      .selectFrom('posts')
      .select('to_date')
      .where('id', '=', postId)
      .executeTakeFirstOrThrow();
    expect(post.to_date).toBeNull();
  });

  it('a refused leaving changes nothing: the date before they started', async () => {
    const { worker } = await aWorkerInAPost('Cal');
    const browser = await signedInAs(app, manager);
    const refused = await browser.post(`/workforce/staff/${worker.workerId}/leaving/new`, {
      ...dateBoxes('left', '2021-01-01'),
      reason: 'resigned',
    });
    expect(refused.statusCode).toBe(400);
    const ends = await endsOf(worker);
    expect(ends.memberships).toEqual([{ to_date: null }]);
    expect(ends.holdings).toEqual([{ to_date: null }]);
    expect(ends.user.disabled_at).toBeNull();
  });
});
