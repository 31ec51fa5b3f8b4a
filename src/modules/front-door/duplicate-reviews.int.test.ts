import { describe, expect, it } from 'vitest';
import {
  allocate,
  newChild,
  newCouncil,
  newTeam,
  newWorker,
  signedInAs,
  testServer,
} from '../../../test/support/world.ts';
import { policeContact, ruby } from '../../../test/support/front-door.ts';

/** Monday 7 December 2026, 10:00 in London. */
const now = new Date('2026-12-07T10:00:00Z');

describe('possible duplicates for a service manager to review (issue 17)', async () => {
  const { app, db } = await testServer({ clock: () => now });

  /** A front-door worker, and Ruby known to another team (same name and birthday): the worker cannot see her. */
  async function aWorkerStoppedByRuby(options: { restricted?: boolean } = {}) {
    const council = await newCouncil(db);
    const worker = await newWorker(db, council, 'social-worker', {
      team: await newTeam(db, council, { kind: 'mash' }),
      givenName: 'Priya',
    });
    const holder = await newWorker(db, council, 'social-worker', { team: await newTeam(db, council) });
    const known = await newChild(db, council, {
      givenName: 'Ruby',
      familyName: 'Hall',
      dateOfBirth: '2019-04-11',
      ...(options.restricted ? { restrictedTo: [holder] } : {}),
    });
    await allocate(db, known, holder);
    const browser = await signedInAs(app, worker);
    const manager = await signedInAs(app, await newWorker(db, council, 'service-manager'));
    return { council, worker, known, browser, manager };
  }

  const reviewIdIn = (page: string) => /href="\/duplicate-reviews\/([0-9a-f-]{36})"/.exec(page)?.[1];

  it('puts the stopped contact in the queue once, with the facts typed and the child known, for service managers only', async () => {
    const { council, known, browser, manager } = await aWorkerStoppedByRuby();
    const check = await browser.post('/front-door', ruby);
    expect(check.body).toContain('A service manager has been asked to check');
    await browser.post('/front-door', ruby);

    const queue = await manager.get('/duplicate-reviews');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('<h1 class="govuk-heading-l">Possible duplicates to review</h1>');
    expect(queue.body).toContain('1 waiting, oldest first.');
    expect(queue.body).toContain('Priya');
    expect(queue.body).toContain('11 April 2019');
    expect(queue.body).toContain('3 Quarry Street');
    expect(queue.body).toContain('Chloe Hall');
    expect(queue.body).toContain('Same name; same date of birth');
    // A service manager may see Ruby, so the known child is a link to her record.
    expect(queue.body).toContain(
      `<a class="govuk-link" href="/children/${known.id}">Ruby Hall</a>, child ID ${known.localId}`,
    );

    // The worker is told it is waiting, and never who the child known is.
    const home = await browser.get('/home');
    expect(home.body).toContain('Ruby Hall</strong>, asked 7 December 2026:');
    expect(home.body).toContain('waiting for a service manager');
    expect(home.body).not.toContain(known.id);
    expect(home.body).not.toContain(known.localId);

    // Nobody else has the queue.
    for (const role of ['social-worker', 'team-manager', 'director', 'auditor', 'administrator'] as const)
      expect(
        (await (await signedInAs(app, await newWorker(db, council, role))).get('/duplicate-reviews'))
          .statusCode,
      ).toBe(403);
  });

  it('records "not the same child", audited on the known child’s trail, and lets the worker make the new record', async () => {
    const { worker, known, browser, manager } = await aWorkerStoppedByRuby();
    await browser.post('/front-door', ruby);
    const reviewId = reviewIdIn((await manager.get('/duplicate-reviews')).body)!;
    const page = await manager.get(`/duplicate-reviews/${reviewId}`);
    expect(page.body).toContain('Is this Ruby Hall?');
    expect(page.body).toContain('Same child: add the contact to the existing record');
    expect(page.body).toContain('Not the same child: let the worker continue');

    // No choice made: the GOV.UK error summary names the field, and nothing is decided.
    const none = await manager.post(`/duplicate-reviews/${reviewId}`, {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('<title>Error: Is this Ruby Hall? – Hearth</title>');
    expect(none.body).toContain(
      'href="#decision">Select whether this is the same child as the one already known',
    );

    const decided = await manager.post(`/duplicate-reviews/${reviewId}`, { decision: 'different-child' });
    expect(decided.statusCode).toBe(303);
    expect(decided.headers.location).toBe('/duplicate-reviews?decided=different-child');
    const queue = await manager.get('/duplicate-reviews?decided=different-child');
    expect(queue.body).toContain('Recorded: not the same child.');
    expect(queue.body).toContain('Nothing is waiting to be reviewed.');
    const trail = await db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('child_id', '=', known.id)
      .where('action', '=', 'front-door.duplicate-reviewed')
      .executeTakeFirstOrThrow();
    expect(trail.details).toMatchObject({ reviewId, decision: 'different-child', raisedBy: worker.workerId });
    // Decided once: a second decision is refused.
    expect(
      (await manager.post(`/duplicate-reviews/${reviewId}`, { decision: 'same-child' })).statusCode,
    ).toBe(409);

    const home = await browser.get('/home');
    expect(home.body).toContain('not the same child (decided 7 December 2026)');
    const again = await browser.post('/front-door', ruby);
    expect(again.body).toContain('Continue with a new child');
    const made = await browser.post('/front-door/new-child', { ...ruby, ...policeContact, stage: 'save' });
    expect(made.statusCode).toBe(303);
  });

  it('records "the same child" and sends the manager to record the contact on the existing record; the worker stays stopped', async () => {
    const { known, browser, manager } = await aWorkerStoppedByRuby();
    await browser.post('/front-door', ruby);
    const reviewId = reviewIdIn((await manager.get('/duplicate-reviews')).body)!;
    const decided = await manager.post(`/duplicate-reviews/${reviewId}`, { decision: 'same-child' });
    expect(decided.statusCode).toBe(303);
    expect(decided.headers.location).toBe(`/children/${known.id}/contacts/new`);
    expect((await manager.get(String(decided.headers.location))).statusCode).toBe(200);

    const home = await browser.get('/home');
    expect(home.body).toContain('the same child as one already known');
    expect(home.body).not.toContain(known.localId);
    const again = await browser.post('/front-door', ruby);
    expect(again.body).not.toContain('Continue with a new child');
    expect(
      (await browser.post('/front-door/new-child', { ...ruby, ...policeContact, stage: 'save' })).statusCode,
    ).toBe(400);
  });

  it('keeps a restricted child out of the queue: nothing is asked about one', async () => {
    const { known, browser, manager } = await aWorkerStoppedByRuby({ restricted: true });
    const check = await browser.post('/front-door', ruby);
    expect(check.body).toContain('No child known to you matches');
    const queue = await manager.get('/duplicate-reviews');
    expect(queue.body).toContain('Nothing is waiting to be reviewed.');
    expect(queue.body).not.toContain(known.localId);
    const rows = await db
      .selectFrom('duplicate_reviews')
      .select('id')
      .where('child_id', '=', known.id)
      .execute();
    expect(rows).toEqual([]);
    expect((await browser.get('/home')).body).not.toContain('asked a service manager');
  });

  it('drops a question from the queue when its child is restricted later, and its page is not found', async () => {
    const { known, browser, manager } = await aWorkerStoppedByRuby();
    await browser.post('/front-door', ruby);
    const reviewId = reviewIdIn((await manager.get('/duplicate-reviews')).body)!;
    await db.updateTable('children').set({ restricted: true }).where('id', '=', known.id).execute();
    expect((await manager.get('/duplicate-reviews')).body).toContain('Nothing is waiting to be reviewed.');
    expect((await manager.get(`/duplicate-reviews/${reviewId}`)).statusCode).toBe(404);
    expect(
      (await manager.post(`/duplicate-reviews/${reviewId}`, { decision: 'same-child' })).statusCode,
    ).toBe(404);
  });
});
