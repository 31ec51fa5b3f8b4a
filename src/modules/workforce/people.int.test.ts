import ExcelJS from 'exceljs';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import {
  newCouncil,
  newTeam,
  newWorker,
  postFiles,
  signedInAs,
  testServer,
} from '../../../test/support/world.ts';

const header =
  'email,given_name,family_name,job,contract,fte,started_on,left_on,leaving_reason,swe_number\r\n';

describe('the Workforce section: teams, posts and staff (issue 21, part 1)', async () => {
  const { app, db } = await testServer();
  const council = await newCouncil(db);
  const team = await newTeam(db, council, {
    kind: 'children-in-care',
    caseloadTarget: 18,
    name: 'Children in care east',
  });
  const other = await newTeam(db, council, { name: 'Assessment north' });
  const manager = await newWorker(db, council, 'team-manager', { team, manages: true, givenName: 'Maya' });
  const worker = await newWorker(db, council, 'social-worker', { team, givenName: 'Ann' });
  const locum = await newWorker(db, council, 'social-worker', { team, givenName: 'Lou' });
  const elsewhere = await newWorker(db, council, 'social-worker', { team: other, givenName: 'Oli' });
  const admin = await newWorker(db, council, 'administrator');
  await db
    .updateTable('workers')
    .set({
      job: 'social-worker',
      social_work_england_number: 'SW100001',
      swe_expires_on: '2020-11-30',
      lead_areas: ['Gangs'],
    })
    .where('id', '=', worker.workerId)
    .execute();
  await db.updateTable('workers').set({ contract: 'locum' }).where('id', '=', locum.workerId).execute();
  const post = (title: string) => ({
    council_id: council.id,
    id: uuidv7(),
    team_id: team.id,
    title,
    job: 'social-worker',
    fte: 1,
    from_date: '2020-01-01',
  });
  const posts = [post('Social worker 1'), post('Social worker 2'), post('Social worker 3')];
  await db.insertInto('posts').values(posts).execute();
  await db
    .insertInto('post_holders')
    .values([
      {
        council_id: council.id,
        id: uuidv7(),
        post_id: posts[0]!.id,
        worker_id: worker.workerId,
        from_date: '2020-01-01',
      },
      {
        council_id: council.id,
        id: uuidv7(),
        post_id: posts[1]!.id,
        worker_id: locum.workerId,
        from_date: '2020-01-01',
      },
    ])
    .execute();
  await db
    .insertInto('training_records')
    .values({
      council_id: council.id,
      id: uuidv7(),
      worker_id: worker.workerId,
      course: 'Safeguarding refresher',
      completed_on: '2022-01-10',
      expires_on: '2024-01-10',
    })
    .execute();

  it('shows a team manager their team’s posts (filled, vacant, agency cover) and nobody else’s', async () => {
    const browser = await signedInAs(app, manager);
    const page = await browser.get('/workforce');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Children in care east');
    expect(page.body).not.toContain('Assessment north');
    // 3 posts: 1 filled, 2 vacant of which 1 covered by a locum.
    const cells = [...page.body.matchAll(/govuk-table__cell--numeric">([^<]*)</g)].map((match) => match[1]);
    expect(cells).toEqual(['18', '3', '1', '2', '1']);

    const teamPage = await browser.get(`/workforce/teams/${team.id}`);
    expect(teamPage.body).toMatch(/Agency cover/);
    expect(teamPage.body).toMatch(/Vacant/);
    expect((await browser.get(`/workforce/teams/${other.id}`)).statusCode).toBe(404);
    expect((await browser.get(`/workforce/staff/${elsewhere.workerId}`)).statusCode).toBe(404);

    const staff = await browser.get('/workforce/staff');
    expect(staff.body).toContain('Expired 30 November 2020');
    expect(staff.body).toContain('Training expired');
    const record = await browser.get(`/workforce/staff/${worker.workerId}`);
    expect(record.body).toContain('Gangs');
    expect(record.body).toContain('Safeguarding refresher');
    // The staff list's upload and download are an administrator's.
    expect((await browser.get('/workforce/upload')).statusCode).toBe(403);
    expect((await browser.get('/workforce/staff-list.csv')).statusCode).toBe(403);
  });

  it('refuses a staff list with errors by line and field, unless the good rows are chosen', async () => {
    const browser = await signedInAs(app, admin);
    await browser.get('/workforce/upload');
    const file =
      header +
      `${worker.email},Ann,Lee,senior-practitioner,permanent,0.8,2021-01-04,,,SW100001\r\n` +
      ',Bo,Khan,social-worker,agency,1,2026-06-01,,,\r\n' +
      ',Cy,,social-worker,permanent,1.5,,,,\r\n';
    const refused = await postFiles(browser, '/workforce/upload', {}, [
      { name: 'staff.csv', content: file, field: 'file' },
    ]);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Nothing was imported');
    expect(refused.body).toMatch(/>4<\/td>\s*<td class="govuk-table__cell">family_name</);
    expect(refused.body).toMatch(/>4<\/td>\s*<td class="govuk-table__cell">fte</);
    const before = await db
      .selectFrom('workers')
      .select('job')
      .where('id', '=', worker.workerId)
      .executeTakeFirstOrThrow();
    expect(before.job).toBe('social-worker');

    await browser.get('/workforce/upload');
    const loaded = await postFiles(browser, '/workforce/upload', { goodRows: 'yes' }, [
      { name: 'staff.csv', content: file, field: 'file' },
    ]);
    expect(loaded.statusCode).toBe(200);
    expect(loaded.body).toContain('1 added and 1 updated');
    const after = await db
      .selectFrom('workers')
      .select('job')
      .where('id', '=', worker.workerId)
      .executeTakeFirstOrThrow();
    expect(after.job).toBe('senior-practitioner');
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('council_id', '=', council.id)
      .where('action', '=', 'staff.imported')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses an upload that is not a CSV or XLSX file, naming the field', async () => {
    const browser = await signedInAs(app, admin);
    await browser.get('/workforce/upload');
    const response = await postFiles(browser, '/workforce/upload', {}, [
      { name: 'staff.txt', content: 'x', field: 'file' },
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#file"');
    expect(response.body).toContain('The staff list must be a CSV or XLSX file');
  });

  it('downloads the staff list as CSV and XLSX with the same rows', async () => {
    const browser = await signedInAs(app, admin);
    const csv = await browser.get('/workforce/staff-list.csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="staff-list-.*\.csv"/);
    expect(csv.body.split('\r\n')[0]).toContain('email,given_name,family_name,job');
    expect(csv.body).toContain('Gangs');
    const xlsx = await app.inject({
      url: '/workforce/staff-list.xlsx',
      headers: { cookie: [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(csv.body.trim().split('\r\n').length);
  });
});
