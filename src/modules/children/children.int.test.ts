import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  newChild,
  newCouncil,
  newWorker,
  signedInAs,
  testServer,
} from '../../../test/support/world.ts';
import { aTeamWithAnAllocatedChild, anOpenEpisode } from '../../../test/support/journey.ts';

describe('changing a child’s details (optimistic concurrency)', async () => {
  const { app, db } = await testServer();
  const council = await newCouncil(db);
  const worker = await newWorker(db, council, 'social-worker');
  const colleague = await newWorker(db, council, 'social-worker');
  const child = await newChild(db, council, { givenName: 'Jamie', familyName: 'Reid' });
  await allocate(db, child, worker);
  await allocate(db, child, colleague, { caseRole: 'co-worker' });

  const change = (version: number, familyName: string) => ({
    version,
    givenName: 'Jamie',
    familyName,
    dateOfBirth: '2015-03-27',
  });

  it('keeps each version with who changed what, and refuses a stale edit with 409 naming what changed', async () => {
    const first = await signedInAs(app, worker);
    const second = await signedInAs(app, colleague);
    const saved = await first.request({
      method: 'PATCH',
      url: `/api/children/${child.id}`,
      json: { ...change(1, 'Reid-Okoro'), reason: 'Name changed by deed poll' },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ familyName: 'Reid-Okoro', version: 2 });

    const stale = await second.request({
      method: 'PATCH',
      url: `/api/children/${child.id}`,
      json: change(1, 'Reed'),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ status: 409, title: 'Someone else has changed this record' });
    const stored = await db
      .selectFrom('children')
      .select(['family_name', 'version'])
      .where('id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ family_name: 'Reid-Okoro', version: 2 });

    const kept = await db
      .selectFrom('record_history')
      .select(['version_row', 'superseded_by', 'reason'])
      .where('table_name', '=', 'children')
      .where('record_id', '=', child.id)
      .execute();
    expect(kept).toEqual([
      {
        version_row: expect.objectContaining({ family_name: 'Reid', version: 1 }),
        superseded_by: worker.userId,
        reason: 'Name changed by deed poll',
      },
    ]);
  });

  it('shows the form again after a stale edit, with what changed and what the person typed', async () => {
    const browser = await signedInAs(app, colleague);
    const page = await browser.post(`/children/${child.id}/edit`, {
      version: '1',
      givenName: 'Jamie',
      familyName: 'Reed',
      'dateOfBirth-day': '27',
      'dateOfBirth-month': '3',
      'dateOfBirth-year': '2015',
    });
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('Someone else changed this record while you were editing');
    expect(page.body).toContain('family name: was “Reid”, now “Reid-Okoro”');
    expect(page.body).toContain('value="Reed"');
  });

  it('refuses an impossible date with the GOV.UK error summary, keeping what was typed, and writes nothing', async () => {
    const browser = await signedInAs(app, worker);
    const before = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'child.updated')
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    const page = await browser.post(`/children/${child.id}/edit`, {
      version: '2',
      givenName: 'Jamie',
      familyName: 'Reid-Okoro',
      'dateOfBirth-day': '30',
      'dateOfBirth-month': '2',
      'dateOfBirth-year': '2016',
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toMatch(/<title>Error: /);
    expect(page.body).toContain('href="#dateOfBirth"');
    expect(page.body).toContain('Date of birth must be a real date');
    expect(page.body).toContain('value="30"');
    const future = await browser.request({
      method: 'PATCH',
      url: `/api/children/${child.id}`,
      json: { ...change(2, 'Reid-Okoro'), dateOfBirth: '2999-01-01' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([
      { path: 'dateOfBirth', message: 'Date of birth must be today or in the past' },
    ]);
    const after = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'child.updated')
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('answers a malformed API body with 400 and field paths', async () => {
    const browser = await signedInAs(app, worker);
    const response = await browser.request({
      method: 'PATCH',
      url: `/api/children/${child.id}`,
      json: { version: 'two', givenName: '' },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['version', 'familyName', 'dateOfBirth']));
  });

  it('keeps record history append-only in the database, and never deletes a row of the record', async () => {
    await expect(
      sql`update record_history set reason = 'rewritten' where record_id = ${child.id}`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from record_history where record_id = ${child.id}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from children where id = ${child.id}`.execute(db)).rejects.toThrow(
      /never deleted/,
    );
  });

  it('audits every read of the record with who, which child, which route and the address', async () => {
    const browser = await signedInAs(app, worker);
    await browser.get(`/children/${child.id}`);
    const entry = await db
      .selectFrom('audit_log')
      .select(['user_id', 'child_id', 'route', 'ip', 'at'])
      .where('action', '=', 'child.viewed')
      .where('child_id', '=', child.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      user_id: worker.userId,
      child_id: child.id,
      route: 'GET /children/:childId',
      ip: '127.0.0.1',
    });
  });
});

describe('the child’s journey status, alike on the page, the full record and the API (issue 16)', async () => {
  const { app, db } = await testServer();

  it('gives one status: a referral, then closed', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db, { givenName: 'Robin' });
    const episodeId = await anOpenEpisode(db, child, worker, { referralDate: '2025-06-02' });
    const browser = await signedInAs(app, worker);
    const expected = { stage: 'referral', since: '2025-06-02', description: 'Referral since 2 June 2025' };
    expect((await browser.get(`/api/children/${child.id}`)).json().status).toMatchObject(expected);
    const listed = (await browser.get('/api/children')).json() as Array<{ id: string; status: unknown }>;
    expect(listed.find((one) => one.id === child.id)?.status).toMatchObject(expected);
    // The child's page says it once, in the header that is now its heading (issue 17 part 2).
    const page = (await browser.get(`/children/${child.id}`)).body;
    expect(page).toMatch(/data-qa="child-status"><strong>Referral since 2 June 2025/);
    expect(page.match(/Referral since 2 June 2025/g)).toHaveLength(1);
    expect(page.match(/<h1[^>]*>([^<]*)<\/h1>/g)).toEqual([
      `<h1 class="govuk-heading-l govuk-!-margin-bottom-1 hearth-child-header__name">Robin ${child.familyName}</h1>`,
    ]);
    expect(page.match(new RegExp(child.localId, 'g'))).toHaveLength(1);
    expect((await browser.get(`/children/${child.id}/record`)).body).toContain('Referral since 2 June 2025');

    await db
      .updateTable('episodes')
      .set({ closed_on: '2025-07-01', closure_reason: 'RC7' })
      .where('id', '=', episodeId)
      .execute();
    expect((await browser.get(`/api/children/${child.id}`)).json().status).toEqual({
      stage: 'closed',
      since: '2025-07-01',
      description: 'Closed since 1 July 2025',
      details: { died: false },
    });
  });
});
