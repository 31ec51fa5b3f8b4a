import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild, anOpenEpisode } from '../../../test/support/journey.ts';
import { newChild, newWorker, signedInAs, testServer } from '../../../test/support/world.ts';
import { retentionReport } from './service.ts';

describe('records due for review under the retention schedule (issue 22, part 8)', async () => {
  const { app, db } = await testServer();
  const { council, worker } = await aTeamWithAnAllocatedChild(db);
  const auditor = await newWorker(db, council, 'auditor');

  // Children in need whose cases closed long ago: the 25th birthday has passed (due), or comes in 2027.
  const due = await newChild(db, council, {
    givenName: 'Dana',
    familyName: 'Due',
    dateOfBirth: '2000-01-10',
  });
  await anOpenEpisode(db, due, worker, { referralDate: '2009-05-01', closedOn: '2010-02-01' });
  const soon = await newChild(db, council, {
    givenName: 'Sam',
    familyName: 'Soon',
    dateOfBirth: '2002-03-01',
  });
  await anOpenEpisode(db, soon, worker, { referralDate: '2009-05-01', closedOn: '2010-02-01' });
  // Looked after once: kept until the 75th birthday, so not listed though born in 1995.
  const cared = await newChild(db, council, {
    givenName: 'Cal',
    familyName: 'Cared',
    dateOfBirth: '1995-04-04',
  });
  const episode = await anOpenEpisode(db, cared, worker, {
    referralDate: '2005-01-03',
    closedOn: '2013-04-04',
  });
  await db
    .insertInto('care_periods')
    .values({
      council_id: council.id,
      id: uuidv7(),
      child_id: cared.id,
      episode_id: episode,
      start_date: '2005-01-10',
      end_date: '2013-04-04',
      reason_ceased: 'E8',
    })
    .execute();
  // Due, but restricted to one worker: hidden from the auditor as everywhere, listed by the command line.
  const hidden = await newChild(db, council, {
    givenName: 'Rae',
    familyName: 'Restricted',
    dateOfBirth: '1999-09-09',
    restrictedTo: [worker],
  });
  await anOpenEpisode(db, hidden, worker, { referralDate: '2009-05-01', closedOn: '2010-02-01' });

  it('lists for the information governance officer what is due now and in the next year, and why', async () => {
    const browser = await signedInAs(app, auditor);
    const page = await browser.get('/governance/retention');
    expect(page.statusCode).toBe(200);
    const [dueNow, comingUp] = page.body.split('<h2 class="govuk-heading-m">Due by');
    expect(dueNow).toContain('Dana Due');
    expect(dueNow).toContain('10 January 2025');
    expect(dueNow).toContain('Never looked after');
    expect(comingUp).toContain('Sam Soon');
    expect(comingUp).toContain('1 March 2027');
    expect(page.body).not.toContain('Cal Cared');
    expect(page.body).not.toContain('Restricted');
    const audited = await db
      .selectFrom('audit_log')
      .select('action')
      .where('council_id', '=', council.id)
      .where('action', '=', 'retention.report.viewed')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('is not offered to a social worker', async () => {
    const browser = await signedInAs(app, worker);
    expect((await browser.get('/governance/retention')).statusCode).toBe(403);
  });

  it('follows the council’s policy, and the command line sees every child', async () => {
    const everyone = await retentionReport(db, council.id, '2026-12-07');
    expect(everyone.due.map((record) => record.name)).toEqual(['Rae Restricted', 'Dana Due']);
    // The allocated child of the team (born 2015) has no episode: dated by its 25th birthday, far off.
    expect(everyone.keptWhileOpen).toBe(0);
    await db
      .updateTable('councils')
      .set({ retention_others_until_birthday: 30 })
      .where('id', '=', council.id)
      .execute();
    const longer = await retentionReport(db, council.id, '2026-12-07');
    expect(longer.due).toEqual([]);
    expect(longer.comingUp).toEqual([]);
  });
});
