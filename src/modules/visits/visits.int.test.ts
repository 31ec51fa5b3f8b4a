import { describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild, anOpenEpisode } from '../../../test/support/journey.ts';
import { dateBoxes, signedInAs, testServer, type TestBrowser } from '../../../test/support/world.ts';
import type { CaseworkTeam } from '../../../test/support/journey.ts';

/** The child's open obligations as My caseload's API and the home page's reminders say them. */
async function whatIsOwed(browser: TestBrowser, childId: string) {
  const caseload = (await browser.get('/api/caseload')).json() as Array<{
    id: string;
    nextDue: { kind: string; dueBy: string; overdue: boolean } | null;
  }>;
  const home = (await browser.get('/home')).body;
  return { nextDue: caseload.find((row) => row.id === childId)?.nextDue ?? null, home };
}

async function countsOf(casework: CaseworkTeam, db: Awaited<ReturnType<typeof testServer>>['db']) {
  const count = async (table: 'child_visits' | 'case_note_children' | 'care_leaver_contacts') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('child_id', '=', casework.child.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { visits: await count('child_visits'), notes: await count('case_note_children') };
}

describe('one "Record a visit" at every stage (issue 17, part 5)', async () => {
  // Wednesday 10 September 2025.
  const { app, db } = await testServer({ clock: () => new Date('2025-09-10T11:00:00Z') });

  async function aChildInNeed() {
    const casework = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2016-05-10' });
    await anOpenEpisode(db, casework.child, casework.worker, { referralDate: '2025-06-02' });
    const browser = await signedInAs(app, casework.worker);
    const plan = await browser.request({
      method: 'POST',
      url: `/api/children/${casework.child.id}/cin-plans`,
      json: { startDate: '2025-08-11' },
    });
    expect(plan.statusCode).toBe(201);
    return { casework, browser };
  }

  it('meets the overdue visit of a child in need at once, and writes the case note', async () => {
    const { casework, browser } = await aChildInNeed();
    const { child } = casework;
    const before = await whatIsOwed(browser, child.id);
    // 20 working days from Monday 11 August, the Summer bank holiday not counted: Tuesday 9 September.
    expect(before.home).toMatch(/Visit \(child in need plan\), due 9 September 2025/);

    const form = await browser.get(`/children/${child.id}/visits/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Was the child seen alone?');
    expect(form.body).not.toContain('bedroom');
    const saved = await browser.post(`/children/${child.id}/visits/new`, {
      ...dateBoxes('visitedOn', '2025-09-10'),
      seen: 'yes',
      seenAlone: 'yes',
      wishesAndFeelings: 'Wants to see her dad more',
      noteTitle: 'Home visit',
      note: 'Saw Alex at home after school.',
    });
    expect(saved.statusCode).toBe(303);

    const after = await whatIsOwed(browser, child.id);
    expect(after.home).not.toMatch(/Visit \(child in need plan\), due 9 September 2025/);
    // The next visit 20 working days on: Wednesday 8 October.
    expect((await browser.get(`/api/children/${child.id}/obligations`)).body).toContain('"2025-10-08"');
    const notes = (await browser.get(`/api/children/${child.id}/notes`)).json() as Array<{
      kind: string;
      title: string;
      body: string;
      occurredOn: string;
    }>;
    expect(notes).toEqual([
      expect.objectContaining({
        kind: 'visit',
        title: 'Home visit',
        body: 'Saw Alex at home after school.',
        occurredOn: '2025-09-10',
      }),
    ]);
    const visit = await db
      .selectFrom('child_visits')
      .selectAll()
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(visit).toMatchObject({ seen: true, seen_alone: true, bedroom_seen: null });
    expect(visit.case_note_id).toBe(
      (
        await db
          .selectFrom('case_note_children')
          .select('note_id')
          .where('child_id', '=', child.id)
          .executeTakeFirstOrThrow()
      ).note_id,
    );
  });

  it('asks about the bedroom of a looked after child, and meets the statutory visit at once', async () => {
    const casework = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2012-03-01' });
    const { child, worker } = casework;
    await anOpenEpisode(db, child, worker, { referralDate: '2025-08-25' });
    const browser = await signedInAs(app, worker);
    const care = await browser.request({
      method: 'POST',
      url: `/api/children/${child.id}/periods-of-care`,
      json: {
        startDate: '2025-09-01',
        legalStatus: 'V2',
        place: 'U4',
        provider: 'PR1',
        postcode: 'DA1 1AA',
        inArea: true,
        unregistered: false,
      },
    });
    expect(care.statusCode).toBe(201);
    // Within a week of the placement starting on Monday 1 September: Monday 8 September, overdue.
    expect((await whatIsOwed(browser, child.id)).nextDue).toEqual({
      kind: 'looked-after-visit',
      dueBy: '2025-09-08',
      overdue: true,
    });

    expect((await browser.get(`/children/${child.id}/visits/new`)).body).toContain(
      'Was the child’s bedroom seen?',
    );
    const saved = await browser.post(`/children/${child.id}/visits/new`, {
      ...dateBoxes('visitedOn', '2025-09-09'),
      seen: 'yes',
      seenAlone: 'yes',
      bedroomSeen: 'yes',
      note: 'Settling in with the carers.',
    });
    expect(saved.statusCode).toBe(303);
    const after = await whatIsOwed(browser, child.id);
    expect(after.nextDue?.kind === 'looked-after-visit' && after.nextDue.dueBy === '2025-09-08').toBe(false);
    expect(after.home).not.toContain('Statutory visit, due 8 September 2025');
    const visit = await db
      .selectFrom('child_visits')
      .selectAll()
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(visit.bedroom_seen).toBe(true);
  });

  it('refuses a visit in the future or before birth with a field error, and writes nothing', async () => {
    const { casework, browser } = await aChildInNeed();
    const { child } = casework;
    const before = await countsOf(casework, db);

    const future = await browser.post(`/children/${child.id}/visits/new`, {
      ...dateBoxes('visitedOn', '2025-09-11'),
      seen: 'yes',
      note: 'Typed ahead',
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('<a href="#visitedOn">Date of the visit must be today or in the past</a>');
    expect(future.body).toContain('Typed ahead');

    const unborn = await browser.post(`/children/${child.id}/visits/new`, {
      ...dateBoxes('visitedOn', '2016-05-09'),
      seen: 'yes',
      note: 'Wrong year',
    });
    expect(unborn.statusCode).toBe(400);
    expect(unborn.body).toContain('The date must be on or after the child’s date of birth');

    const bedroom = await browser.request({
      method: 'POST',
      url: `/api/children/${child.id}/visits`,
      json: { visitedOn: '2025-09-10', seen: true, bedroomSeen: true },
    });
    expect(bedroom.statusCode).toBe(400);
    expect(bedroom.json().errors).toEqual([
      { path: 'bedroomSeen', message: 'The bedroom is asked about only for a looked after child' },
    ]);

    const noNote = await browser.post(`/children/${child.id}/visits/new`, {
      ...dateBoxes('visitedOn', '2025-09-10'),
      seen: 'yes',
    });
    expect(noNote.body).toContain('Enter what happened on the visit');
    expect(await countsOf(casework, db)).toEqual(before);
  });

  it('offers a case note of type Visit as a statutory visit, once, without writing a second note', async () => {
    const { casework, browser } = await aChildInNeed();
    const { child } = casework;
    await browser.get(`/children/${child.id}/notes/new`);
    const written = await browser.post(`/children/${child.id}/notes/new`, {
      kind: 'visit',
      ...dateBoxes('occurredOn', '2025-09-10'),
      title: 'Home visit',
      body: 'Saw Alex in her room.',
    });
    expect(written.statusCode).toBe(303);
    const notes = await browser.get(written.headers.location as string);
    const offer = /href="(\/children\/[^"]+\/visits\/new\?fromNote=([^"]+))"/.exec(notes.body)!;
    const notePage = `/children/${child.id}/notes/${offer[2]}`;
    expect((await browser.get(notePage)).body).toContain('Record this as a statutory visit');

    const form = await browser.get(offer[1]!);
    expect(form.body).toContain('Records the case note “Home visit” as a statutory visit');
    expect(form.body).toMatch(/name="visitedOn-day"[^>]*value="10"/);
    expect(form.body).not.toContain('What happened on the visit');
    const saved = await browser.post(offer[1]!, {
      ...dateBoxes('visitedOn', '2025-09-10'),
      seen: 'yes',
      seenAlone: 'no',
    });
    expect(saved.statusCode).toBe(303);
    expect(await countsOf(casework, db)).toEqual({ visits: 1, notes: 1 });
    expect((await whatIsOwed(browser, child.id)).home).not.toMatch(
      /Visit \(child in need plan\), due 9 September/,
    );

    expect((await browser.get(notePage)).body).not.toContain('Record this as a statutory visit');
    const again = await browser.post(offer[1]!, { ...dateBoxes('visitedOn', '2025-09-10'), seen: 'yes' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('This case note is already recorded as a visit');
  });
});
