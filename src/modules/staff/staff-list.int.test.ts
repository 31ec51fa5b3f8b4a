import { describe, expect, it } from 'vitest';
import { newCouncil, newWorker, testDatabase } from '../../../test/support/world.ts';
import { staffCsv, staffTableOf, staffWorkbook } from './staff-file.ts';
import { importStaffList, staffList } from './staff-list.ts';

const header =
  'email,given_name,family_name,job,contract,fte,started_on,left_on,leaving_reason,swe_number\r\n';

describe('importing and exporting the staff list as CSV and XLSX (issue 21, part 1)', async () => {
  const db = await testDatabase();

  it('reports every bad row and writes nothing, unless the good rows are chosen', async () => {
    const council = await newCouncil(db);
    const ann = await newWorker(db, council, 'social-worker', { givenName: 'Ann' });
    const file = Buffer.from(
      header +
        `${ann.email},Ann,Lee,senior-practitioner,permanent,0.8,2021-01-04,,,SW100200\r\n` +
        ',Bo,Khan,social-worker,agency,1,2026-06-01,,,\r\n' +
        ',Cy,,social-worker,permanent,1.5,,,,\r\n',
    );
    const refused = await importStaffList(db, council.id, file, 'staff.csv', { goodRowsOnly: false });
    expect(refused.applied).toBe(false);
    expect(refused.problems.map((problem) => `${problem.line}:${problem.column}`)).toEqual([
      '4:family_name',
      '4:fte',
    ]);
    expect((await staffList(db, council.id)).map((row) => row.job)).toEqual(['']);

    const loaded = await importStaffList(db, council.id, file, 'staff.csv', { goodRowsOnly: true });
    expect(loaded).toMatchObject({ applied: true, added: 1, updated: 1 });
    const list = await staffList(db, council.id);
    expect(list.find((row) => row.given_name === 'Ann')).toMatchObject({
      job: 'senior-practitioner',
      fte: '0.80',
      swe_number: 'SW100200',
    });
    // The one Social Work England number (migration 0075), the one the SSDA903 return gives as SW_ID.
    const stored = await db
      .selectFrom('workers')
      .select('social_work_england_number')
      .where('council_id', '=', council.id)
      .where('given_name', '=', 'Ann')
      .executeTakeFirstOrThrow();
    expect(stored.social_work_england_number).toBe('SW100200');
    expect(list.find((row) => row.given_name === 'Bo')).toMatchObject({ contract: 'agency', email: '' });
  });

  it('writes the list as CSV and XLSX that read back the same', async () => {
    const council = await newCouncil(db);
    await newWorker(db, council, 'team-manager', { givenName: 'Dee, "the boss"' });
    const rows = await staffList(db, council.id);
    const fromCsv = await staffTableOf(Buffer.from(staffCsv(rows)), 'staff.csv');
    const fromXlsx = await staffTableOf(await staffWorkbook(rows), 'staff.xlsx');
    expect(fromCsv).toEqual(fromXlsx);
    expect(fromCsv[1]![1]).toBe('Dee, "the boss"');
  });
});

describe('training and induction in the staff list (issue 21)', async () => {
  const db = await testDatabase();
  const columns =
    'email,given_name,family_name,job,contract,fte,started_on,recruited_from,induction_steps,training\r\n';

  it('imports them, exports them as it read them (CSV and XLSX), and names each bad cell by line and column', async () => {
    const council = await newCouncil(db);
    const thandi = await newWorker(db, council, 'social-worker', { givenName: 'Thandi' });
    const file = Buffer.from(
      columns +
        `${thandi.email},Thandi,Nkosi,social-worker,permanent,1,2025-02-03,South Africa,` +
        '"swe-registration (2025-01-10); right-to-work (2025-01-12)",' +
        '"Safeguarding children level 3 (2025-02-20 to 2028-02-20); Signs of Safety (2025-03-05)"\r\n' +
        ',Bo,Khan,social-worker,agency,1,2026-06-01,,visa (2025-01-10),First aid 2025-01-10\r\n' +
        ',Cy,Ray,social-worker,permanent,1,,,,"First aid (2025-01-10 to 2024-01-10)"\r\n',
    );
    const refused = await importStaffList(db, council.id, file, 'staff.csv', { goodRowsOnly: false });
    expect(refused.applied).toBe(false);
    expect(refused.problems.map((problem) => `${problem.line}:${problem.column}`)).toEqual([
      '3:induction_steps',
      '3:training',
      '4:training',
    ]);
    expect(refused.problems[1]!.message).toContain('“First aid 2025-01-10” is not a course with its dates');
    expect(refused.problems[2]!.message).toContain('expires on or before the day it was completed');

    const loaded = await importStaffList(db, council.id, file, 'staff.csv', { goodRowsOnly: true });
    expect(loaded).toMatchObject({ applied: true, added: 0, updated: 1 });
    const stored = await db
      .selectFrom('workers')
      .select(['recruited_from', 'induction_started_on', 'induction_completed_on'])
      .where('id', '=', thandi.workerId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      recruited_from: 'South Africa',
      induction_started_on: '2025-01-10',
      induction_completed_on: null,
    });

    const [row] = await staffList(db, council.id);
    expect(row).toMatchObject({
      recruited_from: 'South Africa',
      induction_steps: 'swe-registration (2025-01-10); right-to-work (2025-01-12)',
      training: 'Safeguarding children level 3 (2025-02-20 to 2028-02-20); Signs of Safety (2025-03-05)',
    });
    // What was exported reads back to the same, through either format, and changes nothing when imported again.
    for (const exported of [
      { content: Buffer.from(staffCsv([row!])), name: 'staff.csv' },
      { content: await staffWorkbook([row!]), name: 'staff.xlsx' },
    ]) {
      const again = await importStaffList(db, council.id, exported.content, exported.name, {
        goodRowsOnly: false,
      });
      expect(again).toMatchObject({ applied: true, updated: 1, problems: [] });
    }
    const training = await db
      .selectFrom('training_records')
      .select(['course', 'expires_on'])
      .where('worker_id', '=', thandi.workerId)
      .orderBy('completed_on')
      .execute();
    expect(training).toEqual([
      { course: 'Safeguarding children level 3', expires_on: '2028-02-20' },
      { course: 'Signs of Safety', expires_on: null },
    ]);

    // A renewed expiry and the rest of the induction: the recorded course takes it, the induction completes.
    const rest = Buffer.from(
      columns +
        `${thandi.email},Thandi,Nkosi,social-worker,permanent,1,2025-02-03,South Africa,` +
        '"corporate-induction (2025-02-03); practice-induction (2025-02-10); shadowing (2025-02-17); ' +
        'first-cases (2025-03-03); probation-review (2025-08-01)",' +
        '"safeguarding children level 3 (2025-02-20 to 2028-03-01)"\r\n',
    );
    expect(await importStaffList(db, council.id, rest, 'staff.csv', { goodRowsOnly: false })).toMatchObject({
      applied: true,
    });
    const [after] = await staffList(db, council.id);
    expect(after!.training).toBe(
      'Safeguarding children level 3 (2025-02-20 to 2028-03-01); Signs of Safety (2025-03-05)',
    );
    const done = await db
      .selectFrom('workers')
      .select(['induction_started_on', 'induction_completed_on'])
      .where('id', '=', thandi.workerId)
      .executeTakeFirstOrThrow();
    expect(done).toEqual({ induction_started_on: '2025-01-10', induction_completed_on: '2025-08-01' });
  });
});
