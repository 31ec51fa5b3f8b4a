import { describe, expect, it } from 'vitest';
import {
  allocate,
  dateBoxes,
  newChild,
  newCouncil,
  newTeam,
  newWorker,
  signedInAs,
  testServer,
} from '../../../test/support/world.ts';

/** Cover for leave and sickness in one step (issue 17, part 4). */
describe('cover for leave and sickness', async () => {
  const { app, db } = await testServer({ clock: () => new Date('2026-12-07T10:00:00Z') });

  async function aTeamWithAnAbsentWorker(options: { children?: number; target?: number } = {}) {
    const council = await newCouncil(db);
    const team = await newTeam(db, council, { name: 'Child in need', caseloadTarget: options.target ?? 18 });
    const manager = await newWorker(db, council, 'team-manager', {
      team,
      manages: true,
      givenName: 'Morgan',
    });
    const ann = await newWorker(db, council, 'social-worker', { team, givenName: 'Ann' });
    const ben = await newWorker(db, council, 'social-worker', { team, givenName: 'Ben' });
    const cat = await newWorker(db, council, 'social-worker', { team, givenName: 'Cat' });
    const children = [];
    for (let n = 0; n < (options.children ?? 3); n += 1) {
      const child = await newChild(db, council, { givenName: `Child${String(n).padStart(2, '0')}` });
      await allocate(db, child, ann);
      children.push(child);
    }
    return { council, team, manager, ann, ben, cat, children };
  }

  const coverOf = (childId: string) =>
    db
      .selectFrom('allocations')
      .select(['worker_id', 'from_date', 'to_date', 'absence_id'])
      .where('child_id', '=', childId)
      .where('case_role', '=', 'cover')
      .execute();

  it('records leave from the worker’s caseload, proposes cover for each child, and arranges it in one step', async () => {
    const world = await aTeamWithAnAbsentWorker();
    const inCare = await newTeam(db, world.council, { name: 'Children in care', caseloadTarget: 18 });
    const priorWorker = await newWorker(db, world.council, 'social-worker', {
      team: inCare,
      givenName: 'Dee',
    });
    // Dee, in another team, was Child00's allocated worker before Ann: she knows the child.
    await db
      .updateTable('allocations')
      .set({ from_date: '2024-01-01' })
      .where('child_id', '=', world.children[0]!.id)
      .execute();
    await allocate(db, world.children[0]!, priorWorker, { from: '2020-01-01', to: '2023-12-31' });
    const browser = await signedInAs(app, world.manager);

    const teams = await browser.get('/team-caseloads');
    expect(teams.body).toContain(
      `href="/workers/${world.ann.workerId}/caseload">Ann social-worker<span class="govuk-visually-hidden">’s caseload</span></a>`,
    );
    const caseload = await browser.get(`/workers/${world.ann.workerId}/caseload`);
    expect(caseload.statusCode).toBe(200);
    expect(caseload.body).toContain('3 children held today');

    const recorded = await browser.post(`/workers/${world.ann.workerId}/absences/new`, {
      kind: 'annual-leave',
      ...dateBoxes('from', '2026-12-14'),
      ...dateBoxes('to', '2026-12-24'),
    });
    expect(recorded.headers.location).toBe(`/workers/${world.ann.workerId}/cover`);
    const cover = await browser.get(`/workers/${world.ann.workerId}/cover`);
    expect(cover.body).toContain('Ann is away: annual leave from 14 December 2026 to 24 December 2026.');
    expect(cover.body).toContain('Knows Child00 (earlier allocated worker); 1 of 18 after cover');
    expect(cover.body).toContain('Same team; 1 of 18 after cover');
    expect(cover.body).not.toContain('cannot absorb');

    const absenceId = cover.body.match(/name="absenceId" value="([^"]+)"/)![1]!;
    const choices = Object.fromEntries(
      [
        ...cover.body.matchAll(/<select[^>]*name="(cover-[^"]+)"[\s\S]*?<option value="([^"]+)" selected>/g),
      ].map((match) => [match[1]!, match[2]!]),
    );
    expect(Object.keys(choices)).toHaveLength(3);
    // The manager accepts two proposals and changes the third to Cat.
    choices[`cover-${world.children[2]!.id}`] = world.cat.workerId;
    const arranged = await browser.post(`/workers/${world.ann.workerId}/cover`, { absenceId, ...choices });
    expect(arranged.statusCode).toBe(303);
    expect(await coverOf(world.children[0]!.id)).toEqual([
      {
        worker_id: priorWorker.workerId,
        from_date: '2026-12-14',
        to_date: '2026-12-24',
        absence_id: absenceId,
      },
    ]);
    expect((await coverOf(world.children[2]!.id))[0]!.worker_id).toBe(world.cat.workerId);
    const after = await browser.get(`/workers/${world.ann.workerId}/cover`);
    expect(after.body).toContain('Every child has cover.');
    expect(after.body).toContain('until 24 December 2026');
  });

  it('says plainly when the team cannot absorb the work, and refuses cover that breaks the rules', async () => {
    const world = await aTeamWithAnAbsentWorker({ children: 3, target: 1 });
    const ira = await newWorker(db, world.council, 'independent-reviewing-officer', { givenName: 'Ira' });
    const browser = await signedInAs(app, world.manager);
    await browser.post(`/workers/${world.ann.workerId}/absences/new`, {
      kind: 'sickness',
      ...dateBoxes('from', '2026-12-07'),
    });
    const cover = await browser.get(`/workers/${world.ann.workerId}/cover`);
    expect(cover.body).toContain(
      'The team cannot absorb this work: 1 child would take their cover worker over target.',
    );
    expect(cover.body).toContain('Over target');

    const absenceId = cover.body.match(/name="absenceId" value="([^"]+)"/)![1]!;
    const refused = await browser.post(`/workers/${world.ann.workerId}/cover`, {
      absenceId,
      [`cover-${world.children[0]!.id}`]: ira.workerId,
      [`cover-${world.children[1]!.id}`]: world.ben.workerId,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(`href="#cover-${world.children[0]!.id}"`);
    expect(refused.body).toContain(
      'Child00 Taylor: Ira independent-reviewing-officer is an independent reviewing officer: a reviewing officer must stay independent of the case, so cannot be its cover',
    );
    // Nothing was written, not even the good choice.
    expect(await coverOf(world.children[1]!.id)).toEqual([]);

    const open = await browser.post(`/workers/${world.ann.workerId}/cover`, {
      absenceId,
      [`cover-${world.children[1]!.id}`]: world.ben.workerId,
    });
    expect(open.statusCode).toBe(303);
    // Sickness with no return date: cover runs until the return.
    expect(await coverOf(world.children[1]!.id)).toEqual([
      { worker_id: world.ben.workerId, from_date: '2026-12-07', to_date: null, absence_id: absenceId },
    ]);
    expect((await browser.get('/team-caseloads')).body).toContain(
      'Sickness, no return date yet; 2 without cover',
    );

    // Ann's return is known: she is back after Friday 11 December. Her cover ends that day too.
    const early = await browser.post(`/workers/${world.ann.workerId}/absences/${absenceId}/return`, {
      ...dateBoxes('to', '2026-12-04'),
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('The last day away must be the same as or after the first day away');
    expect(early.body).toContain('value="2026"');
    const back = await browser.post(`/workers/${world.ann.workerId}/absences/${absenceId}/return`, {
      ...dateBoxes('to', '2026-12-11'),
    });
    expect(back.statusCode).toBe(303);
    expect(await coverOf(world.children[1]!.id)).toEqual([
      {
        worker_id: world.ben.workerId,
        from_date: '2026-12-07',
        to_date: '2026-12-11',
        absence_id: absenceId,
      },
    ]);
    expect((await browser.get(`/workers/${world.ann.workerId}/absences`)).body).toContain(
      'Sickness until 11 December 2026',
    );
  });

  it('keeps another team’s manager out of the worker’s caseload and cover', async () => {
    const world = await aTeamWithAnAbsentWorker({ children: 1 });
    const other = await newWorker(db, world.council, 'team-manager', {
      team: await newTeam(db, world.council),
      manages: true,
    });
    const browser = await signedInAs(app, other);
    expect((await browser.get(`/workers/${world.ann.workerId}/caseload`)).statusCode).toBe(404);
    expect((await browser.get(`/workers/${world.ann.workerId}/cover`)).statusCode).toBe(404);
  });
});
