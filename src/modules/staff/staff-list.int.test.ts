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
