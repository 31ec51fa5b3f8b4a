import { describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild } from '../../../test/support/journey.ts';
import {
  allocate,
  dateBoxes,
  newChild,
  newWorker,
  signedInAs,
  testServer,
} from '../../../test/support/world.ts';

describe('supervision linked to the children discussed (issue 21, parts 4 and 5)', async () => {
  let now = new Date('2026-11-20T10:00:00Z');
  const { app, db } = await testServer({ clock: () => now });

  /** A team: Morgan manages, Priya is supervised, Colm is her colleague; three children allocated to Priya. */
  async function aTeamInSupervision() {
    now = new Date('2026-11-20T10:00:00Z');
    const casework = await aTeamWithAnAllocatedChild(db, { givenName: 'Amara', familyName: 'Okafor' });
    const { council, team, worker } = casework;
    const colleague = await newWorker(db, council, 'social-worker', { team, givenName: 'Colm' });
    const second = await newChild(db, council, { givenName: 'Ben', familyName: 'Lowe' });
    const third = await newChild(db, council, { givenName: 'Cara', familyName: 'Nash' });
    await allocate(db, second, worker);
    await allocate(db, third, worker);
    return { ...casework, colleague, children: [casework.child, second, third] };
  }

  it('a one-to-one discussing three children shows in each child’s record and chronology; its wellbeing part is refused to a colleague in the same team, on the pages and through the API', async () => {
    const { manager, worker, colleague, children } = await aTeamInSupervision();
    const morgan = await signedInAs(app, manager);
    expect((await morgan.get('/supervision/new?kind=one-to-one')).body).toContain('Amara Okafor');
    const form: Record<string, string> = {
      ...dateBoxes('heldOn', '2026-11-19'),
      minutes: '90',
      supervisee: worker.workerId,
      wellbeing: 'Tired after a long week in court',
      workload: 'Twenty-two children',
      childCount: '3',
    };
    children.forEach((child, index) => {
      form[`child-${index}-child`] = child.id;
      form[`child-${index}-discussion`] = `Talked through ${child.givenName}’s plan`;
      form[`child-${index}-decisions`] = `Visit ${child.givenName} weekly`;
    });
    Object.assign(form, {
      'child-0-graces': 'culture',
      'child-0-model': 'kolb',
      'child-0-action-0-description': 'Ask the school for attendance',
      'child-0-action-0-owner': worker.workerId,
      ...dateBoxes('child-0-action-0-due', '2026-11-27'),
    });
    const recorded = await morgan.post('/supervision/new?kind=one-to-one', form);
    expect(recorded.statusCode).toBe(303);
    const page = String(recorded.headers.location);
    const id = page.split('/').pop()!;

    const shown = await morgan.get(page);
    expect(shown.body).toContain('Tired after a long week in court');
    expect(shown.body).toContain('Culture');
    expect(shown.body).toContain('Kolb’s learning cycle');

    for (const child of children) {
      const chronology = await morgan.get(`/children/${child.id}/chronology`);
      expect(chronology.body).toContain('Discussed in supervision');
      expect(chronology.body).toContain(`Talked through ${child.givenName}’s plan`);
      const childPage = await morgan.get(`/children/${child.id}/supervision`);
      expect(childPage.body).toContain('19 November 2026');
      expect(childPage.body).not.toContain('Tired after');
    }

    // The supervisee reads her own part, on the page and through the API.
    const priya = await signedInAs(app, worker);
    expect((await priya.get(page)).body).toContain('Tired after a long week in court');
    const own = await priya.get(`/api/supervision/${id}`);
    expect(own.json().personal.wellbeing).toBe('Tired after a long week in court');
    expect(own.json().children).toHaveLength(3);

    // A colleague in the same team reads the children (team access) and their part, never the supervision.
    const colm = await signedInAs(app, colleague);
    expect((await colm.get(page)).statusCode).toBe(404);
    expect((await colm.get(page)).body).not.toContain('Tired after');
    expect((await colm.get(`/api/supervision/${id}`)).statusCode).toBe(404);
    const chronology = await colm.get(`/children/${children[1]!.id}/chronology`);
    expect(chronology.body).toContain('Talked through Ben’s plan');
    expect(chronology.body).not.toContain('Tired after');
    const childApi = await colm.get(`/api/children/${children[0]!.id}/supervision`);
    expect(childApi.json()).toMatchObject({ lastDiscussed: '2026-11-19' });
    expect(JSON.stringify(childApi.json())).not.toContain('Tired after');
    const refusals = await db
      .selectFrom('audit_log')
      .select('worker_id')
      .where('action', '=', 'supervision.read.refused')
      .where('worker_id', '=', colleague.workerId)
      .execute();
    expect(refusals).toHaveLength(3);

    // The action shows overdue on its owner's home page once its day has passed, and not before.
    expect((await priya.get('/home')).body).not.toContain('Your overdue actions');
    now = new Date('2026-11-30T10:00:00Z');
    const home = await (await signedInAs(app, worker)).get('/home');
    expect(home.body).toContain('Your overdue actions (1)');
    expect(home.body).toContain('Ask the school for attendance, due 27 November 2026');

    // The one list of actions: Priya's, overdue, with a button that marks it as done; nobody else's.
    const priyaLater = await signedInAs(app, worker);
    const list = await priyaLater.get('/actions');
    expect(list.body).toContain('1 overdue');
    const close = /action="(\/actions\/[^"]+\/close)"/.exec(list.body)![1]!;
    expect((await (await signedInAs(app, colleague)).get('/actions')).body).toContain(
      'You have no open actions.',
    );
    const done = await priyaLater.post(close, { status: 'done', back: 'actions' });
    expect(done.headers.location).toBe('/actions');
    expect((await priyaLater.get('/actions')).body).toContain('You have no open actions.');
    const all = await priyaLater.get('/actions?show=all');
    expect(all.body).toContain('Ask the school for attendance');
    expect(all.body).not.toMatch(/\/close"/);
    expect((await priyaLater.get('/home')).body).not.toContain('Your overdue actions');

    // The manager sees when Priya was last supervised and when she is next due.
    const standings = await (await signedInAs(app, manager)).get('/supervision');
    expect(standings.body).toContain('Priya social-worker');
    expect(standings.body).toContain('19 December 2026');
  });

  it('records group case supervision with a partner through the API; an attendee reads it without any personal part', async () => {
    const { manager, colleague, children } = await aTeamInSupervision();
    const morgan = await signedInAs(app, manager);
    const created = await morgan.request({
      method: 'POST',
      url: '/api/supervision',
      json: {
        kind: 'group',
        heldOn: '2026-11-18',
        attendeeIds: [colleague.workerId],
        partners: [{ name: 'Jo Reed', organisation: 'Hillside Primary', role: 'school' }],
        children: children.slice(0, 2).map((child) => ({
          childId: child.id,
          discussion: `Shared what school sees of ${child.givenName}`,
          actions: [
            { description: 'Book a network meeting', ownerId: colleague.workerId, dueOn: '2026-12-04' },
          ],
        })),
      },
    });
    expect(created.statusCode).toBe(201);
    const colm = await signedInAs(app, colleague);
    const view = await colm.get(`/supervision/${created.json().id}`);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('Jo Reed, Hillside Primary (school)');
    expect(view.body).not.toContain('The worker');
    const api = await colm.get(`/api/supervision/${created.json().id}`);
    expect(api.json()).toMatchObject({ kind: 'group', personal: null });
    expect(api.json().actions).toHaveLength(2);
  });

  it('refuses a supervision with no date, a child chosen twice or an action due in the past, naming each field, and writes nothing', async () => {
    const { manager, worker, children } = await aTeamInSupervision();
    const morgan = await signedInAs(app, manager);
    const refused = await morgan.post('/supervision/new?kind=one-to-one', {
      supervisee: worker.workerId,
      childCount: '2',
      'child-0-child': children[0]!.id,
      'child-0-discussion': 'Plan',
      'child-1-child': children[0]!.id,
      'child-1-discussion': 'Plan again',
      'child-1-action-0-description': 'Call',
      'child-1-action-0-owner': worker.workerId,
      ...dateBoxes('child-1-action-0-due', '2026-11-01'),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('<title>Error: ');
    expect(refused.body).toContain('href="#heldOn"');
    expect(refused.body).toContain('Each child is discussed once');
    expect(refused.body).toContain('href="#child-1-action-0-due"');
    expect(refused.body).toContain('Plan again</textarea>');
    const api = await morgan.request({
      method: 'POST',
      url: '/api/supervision',
      json: { kind: 'one-to-one', heldOn: '2026-11-19', superviseeId: manager.workerId, children: [] },
    });
    expect(api.statusCode).toBe(400);
    const written = await db
      .selectFrom('supervisions')
      .select('id')
      .where('council_id', '=', manager.council.id)
      .execute();
    expect(written).toHaveLength(0);
  });

  it('adds a row for another child without losing what was typed', async () => {
    const { manager } = await aTeamInSupervision();
    const morgan = await signedInAs(app, manager);
    const page = await morgan.post('/supervision/new?kind=group', {
      add: 'child',
      childCount: '2',
      'child-0-discussion': 'Kept words',
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="child-2-child"');
    expect(page.body).toContain('Kept words');
  });
});
