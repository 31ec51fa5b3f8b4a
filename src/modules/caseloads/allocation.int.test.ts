import { describe, expect, it } from 'vitest';
import {
  aTeamWithAnAllocatedChild,
  anOpenEpisode,
  type CaseworkTeam,
} from '../../../test/support/journey.ts';
import {
  allocate,
  dateBoxes,
  newTeam,
  newWorker,
  signedInAs,
  testServer,
  type TestBrowser,
  type TestChild,
} from '../../../test/support/world.ts';

/** Allocation that cannot corrupt the record (issue 17, part 3): each case with the words the manager sees. */
describe('allocating a child', async () => {
  const { app, db } = await testServer({ clock: () => new Date('2026-12-07T10:00:00Z') });

  const allocations = (child: TestChild) =>
    db
      .selectFrom('allocations')
      .select(['worker_id', 'case_role', 'from_date', 'to_date'])
      .where('child_id', '=', child.id)
      .orderBy('case_role')
      .orderBy('from_date')
      .execute();

  /** Ruby, allocated to Priya in a team managed by Morgan, and Quinn, a social worker in the same team. */
  async function rubyAndQuinn(child: { dateOfBirth?: string } = {}) {
    const world = await aTeamWithAnAllocatedChild(db, { givenName: 'Ruby', ...child });
    const social = await newWorker(db, world.council, 'social-worker', {
      team: world.team,
      givenName: 'Quinn',
    });
    return { ...world, social };
  }

  /** Posts the allocation form; answers the page the manager sees and what it says is wrong. */
  async function tryToAllocate(
    browser: TestBrowser,
    child: TestChild,
    form: { workerId: string; caseRole: string; from: string; reason?: string },
    confirmed = false,
  ) {
    const response = await browser.post(`/children/${child.id}/allocation`, {
      workerId: form.workerId,
      caseRole: form.caseRole,
      ...dateBoxes('from', form.from),
      reason: form.reason ?? 'Priya is moving to another team',
      ...(confirmed ? { confirmed: 'yes' } : {}),
    });
    return response;
  }

  async function refused(
    world: CaseworkTeam,
    [workerId, caseRole, from]: [string, string, string],
    path: string,
  ) {
    const form = { workerId, caseRole, from };
    const before = await allocations(world.child);
    const browser = await signedInAs(app, world.manager);
    const page = await tryToAllocate(browser, world.child, form);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('There is a problem');
    expect(page.body).toContain(`href="#${path}"`);
    // Even past the confirmation page, nothing is written.
    expect((await tryToAllocate(browser, world.child, form, true)).statusCode).toBe(400);
    const api = await browser.request({
      method: 'POST',
      url: `/api/children/${world.child.id}/allocations`,
      json: { reason: 'Priya is moving to another team', ...form },
    });
    expect(api.statusCode).toBe(400);
    expect(JSON.stringify(api.json())).toContain(path);
    expect(await allocations(world.child)).toEqual(before);
    return page.body.replaceAll('&#39;', '’').replaceAll('&rsquo;', '’');
  }

  it('refuses an independent reviewing officer as allocated worker, and a social worker as reviewing officer', async () => {
    const { social, ...world } = await rubyAndQuinn();
    const iro = await newWorker(db, world.council, 'independent-reviewing-officer', { givenName: 'Ira' });
    expect(await refused(world, [iro.workerId, 'allocated-worker', '2026-12-01'], 'workerId')).toContain(
      'Ira independent-reviewing-officer is an independent reviewing officer: a reviewing officer must stay independent of the case, so cannot be its allocated worker',
    );
    expect(
      await refused(world, [social.workerId, 'independent-reviewing-officer', '2026-12-01'], 'workerId'),
    ).toContain(
      'Quinn social-worker is a social worker: only an independent reviewing officer can be Ruby’s reviewing officer',
    );
  });

  it('keeps personal advisers to care leavers, and a student off a child on a plan', async () => {
    const { social, ...world } = await rubyAndQuinn();
    const adviser = await newWorker(db, world.council, 'personal-adviser', {
      team: world.team,
      givenName: 'Pat',
    });
    const student = await newWorker(db, world.council, 'social-worker', {
      team: world.team,
      givenName: 'Sol',
    });
    await db.updateTable('workers').set({ contract: 'student' }).where('id', '=', student.workerId).execute();
    expect(await refused(world, [adviser.workerId, 'personal-adviser', '2026-12-01'], 'workerId')).toContain(
      'Ruby is not a care leaver or in care aged 16 or over, so has no personal adviser',
    );
    expect(await refused(world, [social.workerId, 'personal-adviser', '2026-12-01'], 'workerId')).toContain(
      'Quinn social-worker is a social worker: only a personal adviser can be Ruby’s personal adviser',
    );

    // Ruby comes onto a child protection plan on 6 May 2025.
    await anOpenEpisode(db, world.child, world.worker, { referralDate: '2025-04-14' });
    const priya = await signedInAs(app, world.worker);
    const post = (path: string, json: object) =>
      priya.request({ method: 'POST', url: `/api/children/${world.child.id}/${path}`, json });
    await post('strategy-discussions', { heldOn: '2025-04-17', attendees: 'Police', outcome: 'section-47' });
    await post('initial-conferences', {
      heldOn: '2025-05-06',
      outcome: 'child-protection-plan',
      category: 'NEG',
    });
    expect(await refused(world, [student.workerId, 'allocated-worker', '2026-12-01'], 'workerId')).toContain(
      'Sol social-worker is a student social worker: Ruby is on a plan, so needs a qualified social worker as allocated worker',
    );
  });

  it('refuses a date before the referral, before birth, or in the future', async () => {
    const { social, ...world } = await rubyAndQuinn({ dateOfBirth: '2015-03-27' });
    expect(await refused(world, [social.workerId, 'co-worker', '1900-01-01'], 'from')).toContain(
      'The allocation cannot start before Ruby was born on 27 March 2015',
    );
    await anOpenEpisode(db, world.child, world.worker, { referralDate: '2025-06-02' });
    expect(await refused(world, [social.workerId, 'co-worker', '1900-01-01'], 'from')).toContain(
      'The allocation cannot start before Ruby’s referral on 2 June 2025',
    );
    expect(await refused(world, [social.workerId, 'co-worker', '2026-12-08'], 'from')).toContain(
      'The date the allocation starts must be today or in the past',
    );
  });

  it('refuses a back-dated allocation that would rewrite the current one', async () => {
    const { social, ...world } = await rubyAndQuinn();
    expect(await refused(world, [social.workerId, 'allocated-worker', '2019-06-01'], 'from')).toContain(
      'Priya social-worker has been Ruby’s allocated worker since 1 January 2020: a new allocated worker must start after that day, so the history stays as it was',
    );
    expect(
      await refused(world, [world.worker.workerId, 'allocated-worker', '2026-12-01'], 'workerId'),
    ).toContain('Priya social-worker is already Ruby’s allocated worker');
  });

  it('keeps one allocated worker at a time: the new one ends the old one, which stays in the history', async () => {
    const { social: quinn, ...world } = await rubyAndQuinn();
    const rae = await newWorker(db, world.council, 'social-worker', { team: world.team, givenName: 'Rae' });
    const browser = await signedInAs(app, world.manager);
    const check = await tryToAllocate(browser, world.child, {
      workerId: quinn.workerId,
      caseRole: 'allocated-worker',
      from: '2026-12-01',
    });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Check the allocation');
    expect(check.body).toContain('Quinn social-worker will be Ruby’s allocated worker from 1 December 2026.');
    expect(check.body).toContain(
      'Priya social-worker’s allocation as allocated worker will end on 30 November 2026.',
    );
    expect(check.body).not.toContain('no longer see');
    // Nothing is written until the manager confirms.
    expect(await allocations(world.child)).toHaveLength(1);

    const done = await tryToAllocate(
      browser,
      world.child,
      { workerId: quinn.workerId, caseRole: 'allocated-worker', from: '2026-12-01' },
      true,
    );
    expect(done.statusCode).toBe(303);
    const result = await browser.get(String(done.headers.location));
    expect(result.body).toContain('Allocation recorded');
    expect(result.body).toContain(
      'Quinn social-worker is Ruby Taylor’s allocated worker from 1 December 2026',
    );
    expect(result.body).toContain(
      'Priya social-worker’s allocation as allocated worker ended on 30 November 2026',
    );

    await allocate(db, world.child, rae, { caseRole: 'co-worker', from: '2026-12-02' });
    const api = await browser.request({
      method: 'POST',
      url: `/api/children/${world.child.id}/allocations`,
      json: {
        workerId: rae.workerId,
        caseRole: 'allocated-worker',
        from: '2026-12-07',
        reason: 'Quinn leaves',
      },
    });
    expect(api.statusCode).toBe(201);
    expect(await allocations(world.child)).toEqual([
      {
        worker_id: world.worker.workerId,
        case_role: 'allocated-worker',
        from_date: '2020-01-01',
        to_date: '2026-11-30',
      },
      {
        worker_id: quinn.workerId,
        case_role: 'allocated-worker',
        from_date: '2026-12-01',
        to_date: '2026-12-06',
      },
      { worker_id: rae.workerId, case_role: 'allocated-worker', from_date: '2026-12-07', to_date: null },
      { worker_id: rae.workerId, case_role: 'co-worker', from_date: '2026-12-02', to_date: null },
    ]);
    // Today Ruby has one allocated worker.
    const current = (await allocations(world.child)).filter(
      (row) => row.case_role === 'allocated-worker' && (row.to_date === null || row.to_date >= '2026-12-07'),
    );
    expect(current).toHaveLength(1);
  });

  it('says before allocating outside the team that the child will leave the manager’s view, and after, what was done', async () => {
    const world = await aTeamWithAnAllocatedChild(db, { givenName: 'Ruby' });
    const inCare = await newTeam(db, world.council, { name: 'Children in care' });
    const cara = await newWorker(db, world.council, 'social-worker', { team: inCare, givenName: 'Cara' });
    const browser = await signedInAs(app, world.manager);
    const form = { workerId: cara.workerId, caseRole: 'allocated-worker', from: '2026-12-07' };
    const check = await tryToAllocate(browser, world.child, form);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain(
      'Ruby will move to the Children in care team; you will no longer see Ruby’s record.',
    );

    const done = await tryToAllocate(browser, world.child, form, true);
    expect(done.statusCode).toBe(303);
    const result = await browser.get(String(done.headers.location));
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain(
      'Cara social-worker is Ruby Taylor’s allocated worker from 7 December 2026',
    );
    expect(result.body).toContain(
      'Ruby is no longer in a team you manage, so you no longer see Ruby’s record.',
    );
    expect((await browser.get(`/children/${world.child.id}/allocation`)).statusCode).toBe(404);
    // Another manager cannot read what this one did.
    const other = await newWorker(db, world.council, 'team-manager', {
      team: await newTeam(db, world.council),
      manages: true,
    });
    expect((await (await signedInAs(app, other)).get(String(done.headers.location))).statusCode).toBe(404);
  });

  it('keeps what was typed when the manager goes back to change it', async () => {
    const { social: quinn, ...world } = await rubyAndQuinn();
    const browser = await signedInAs(app, world.manager);
    const back = await browser.post(`/children/${world.child.id}/allocation`, {
      workerId: quinn.workerId,
      caseRole: 'co-worker',
      ...dateBoxes('from', '2026-12-01'),
      reason: 'Joint visits',
      change: 'yes',
    });
    expect(back.statusCode).toBe(200);
    expect(back.body).toContain('Joint visits');
    expect(back.body).toMatch(new RegExp(`value="${quinn.workerId}" selected`));
    expect(await allocations(world.child)).toHaveLength(1);
  });
});
