import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { CENSUS_WORKER_COLUMNS } from '../../domain/workforce/census-return.ts';
import { newCouncil, newTeam, newWorker, signedInAs, testServer } from '../../../test/support/world.ts';
import { lastCensusDay } from './measure-routes.ts';

describe('workforce measures over three years and the census return (issue 21, part 3)', async () => {
  const { app, db } = await testServer();
  const council = await newCouncil(db);
  const team = await newTeam(db, council);
  const manager = await newWorker(db, council, 'team-manager', { team, manages: true });
  const admin = await newWorker(db, council, 'administrator');
  const ann = await newWorker(db, council, 'social-worker', { team, givenName: 'Ann' });
  const agency = await newWorker(db, council, 'social-worker', { team, givenName: 'Ag' });
  await db
    .updateTable('workers')
    .set({ job: 'social-worker', social_work_england_number: 'SW200001', started_on: '2019-04-01' })
    .where('id', '=', ann.workerId)
    .execute();
  await db
    .updateTable('workers')
    .set({
      job: 'social-worker',
      social_work_england_number: 'SW200002',
      contract: 'agency',
      started_on: '2025-01-06',
    })
    .where('id', '=', agency.workerId)
    .execute();
  const post = (title: string) => ({
    council_id: council.id,
    id: uuidv7(),
    team_id: team.id,
    title,
    job: 'social-worker',
    fte: 1,
    from_date: '2019-01-01',
  });
  const posts = [post('Social worker 1'), post('Social worker 2')];
  await db.insertInto('posts').values(posts).execute();
  await db
    .insertInto('post_holders')
    .values([
      {
        council_id: council.id,
        id: uuidv7(),
        post_id: posts[0]!.id,
        worker_id: ann.workerId,
        from_date: '2019-04-01',
      },
      {
        council_id: council.id,
        id: uuidv7(),
        post_id: posts[1]!.id,
        worker_id: agency.workerId,
        from_date: '2025-01-06',
      },
    ])
    .execute();

  it('takes the latest 30 September as the census day', () => {
    expect(lastCensusDay('2026-12-07')).toBe('2026-09-30');
    expect(lastCensusDay('2026-09-30')).toBe('2026-09-30');
    expect(lastCensusDay('2026-09-29')).toBe('2025-09-30');
  });

  it('charts each measure by quarter over three years, with a table of the numbers', async () => {
    const browser = await signedInAs(app, manager);
    const page = await browser.get('/workforce/measures');
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/<svg class="hearth-chart hearth-chart--columns"/g)).toHaveLength(6);
    // 12 quarters in each of the 6 tables; the agency rate is a third once the agency worker joined
    // Ann and the team manager (whose job, unrecorded, is taken from their role).
    expect(page.body.match(/Quarter ending/g)).toHaveLength(6);
    expect(page.body).toMatch(/Agency rate, quarter by quarter: [^"]*: 33.3%"/);
    // The census return is the administrator's to download.
    expect(page.body).not.toContain('/workforce/census.csv');
    expect((await browser.get('/workforce/census.csv')).statusCode).toBe(403);
  });

  it('says in a sentence, not six flat charts, that a council with nothing recorded has nothing to measure', async () => {
    const empty = await newCouncil(db);
    const team = await newTeam(db, empty);
    const browser = await signedInAs(
      app,
      await newWorker(db, empty, 'team-manager', { team, manages: true }),
    );
    const page = await browser.get('/workforce/measures');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Every measure is nought in these twelve quarters');
    expect(page.body).not.toContain('<svg class="hearth-chart');
  });

  it('downloads the census return in the DfE’s layout: worker lines and the council’s line', async () => {
    const browser = await signedInAs(app, admin);
    expect((await browser.get('/workforce/measures')).body).toContain('/workforce/census.csv?date=');
    const workers = await browser.get('/workforce/census.csv?date=2026-09-30&line=workers');
    expect(workers.headers['content-disposition']).toContain('workforce-census-2026-09-30-workers.csv');
    const lines = workers.body.trim().split('\r\n');
    expect(lines[0]).toBe(CENSUS_WORKER_COLUMNS.join(','));
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 3).join(','))).toEqual([
      '1,SW200002,1.00',
      '0,,1.00',
      '0,SW200001,1.00',
    ]);
    const councilLine = await browser.get('/workforce/census.csv?date=2026-09-30&line=council');
    expect(councilLine.body).toBe('NumberOfVacancies,NoAgencyFTE,NoAgencyHeadcount\r\n1.00,1.00,1\r\n');
  });

  it('shows the measures as at a chosen day, and names a date that is not one', async () => {
    const browser = await signedInAs(app, manager);
    const page = await browser.get('/workforce/measures?asAt-day=31&asAt-month=3&asAt-year=2025');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('the twelve quarters to 31 March 2025');
    // The quarter ending on the chosen day is charted last, the agency worker counted from January 2025.
    expect(page.body).toMatch(/Agency rate, quarter by quarter: Jun 2022: 0%;[^"]*; Mar 2025: 33.3%"/);
    expect(page.body).toMatch(/name="asAt-year"[^>]*value="2025"/);

    const impossible = await browser.get('/workforce/measures?asAt-day=31&asAt-month=2&asAt-year=2025');
    expect(impossible.statusCode).toBe(400);
    expect(impossible.body).toContain('<title>Error: ');
    expect(impossible.body).toContain('href="#asAt"');
    expect(impossible.body).toContain('The date must be a real date');
    expect(impossible.body).not.toContain('hearth-chart');
    const ahead = await browser.get('/workforce/measures?asAt-day=1&asAt-month=1&asAt-year=2099');
    expect(ahead.statusCode).toBe(400);
    expect(ahead.body).toContain('The date must be today or in the past');
    const blank = await browser.get('/workforce/measures?asAt-day=&asAt-month=&asAt-year=');
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Enter the date to show the measures as at');
  });

  it('keeps each day’s figures, and works them out again once a record they came from changes', async () => {
    const browser = await signedInAs(app, manager);
    const url = '/workforce/measures?asAt-day=31&asAt-month=3&asAt-year=2025';
    await browser.get(url);
    const kept = () =>
      db
        .selectFrom('workforce_measure_days')
        .select(['day', 'generation', 'measures'])
        .where('council_id', '=', council.id)
        .where('day', '=', '2025-03-31')
        .executeTakeFirstOrThrow();
    const first = await kept();
    expect(first.measures).toMatchObject({ day: '2025-03-31', agencyRate: 33.3 });
    // The page reads what is kept: a figure changed where it is kept is what it shows.
    await db
      .updateTable('workforce_measure_days')
      .set({ measures: JSON.stringify({ ...(first.measures as object), agencyRate: 12.5 }) })
      .where('council_id', '=', council.id)
      .where('day', '=', '2025-03-31')
      .execute();
    expect((await browser.get(url)).body).toMatch(/; Mar 2025: 12.5%"/);

    // The agency worker's start corrected to April: the figures are worked out again.
    await db
      .updateTable('workers')
      .set({ started_on: '2025-04-07' })
      .where('id', '=', agency.workerId)
      .execute();
    expect((await browser.get(url)).body).toMatch(/; Mar 2025: 0%"/);
    const after = await kept();
    expect(Number(after.generation)).toBeGreaterThan(Number(first.generation));
  });
});
