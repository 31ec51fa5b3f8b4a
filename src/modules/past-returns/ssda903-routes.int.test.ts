import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  newCouncil,
  newWorker,
  postFiles,
  signedInAs,
  testServer,
  type TestBrowser,
} from '../../../test/support/world.ts';
import { episode, folder, header } from './ssda903-test-returns.ts';

/** Two years' returns as a zip, a folder a year, as a council would send them. */
function zipOf(...folders: ReturnType<typeof folder>[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const each of folders)
    for (const file of each.files) entries[`${each.name}/${file.name}`] = strToU8(file.content as string);
  return zipSync(entries);
}

/** The import's page once it has finished: fetched until it no longer refreshes itself. */
async function finished(browser: TestBrowser, url: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await browser.get(url);
    expect(response.statusCode).toBe(200);
    if (!response.body.includes('http-equiv="refresh"')) return response.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the import did not finish');
}

describe('importing a past SSDA903 return from the page (issue 19, parts 3 and 5)', async () => {
  const { app, db } = await testServer();
  const council = await newCouncil(db);
  const administrator = await signedInAs(app, await newWorker(db, council, 'administrator'));
  await administrator.get('/past-returns/ssda903');

  it('takes a zip of two years, shows its progress then the report, and gives the fixes as CSV', async () => {
    const zip = zipOf(
      folder('2023', { Header: [header('Z1')], Episodes: [episode('Z1', '01/06/2023', 'S')] }),
      folder('2024', { Header: [header('Z1')], Episodes: [episode('Z1', '01/05/2024', 'P', '', '', 'U4')] }),
    );
    const posted = await postFiles(administrator, '/past-returns/ssda903', {}, [
      { name: 'returns.zip', content: zip },
    ]);
    expect(posted.statusCode).toBe(303);
    const page = await finished(administrator, posted.headers.location as string);
    expect(page).toContain('Imported from 4 files');
    expect(page).toContain('2023/episodes.csv, row 2');
    const csv = await administrator.get(`${posted.headers.location as string}/fixes.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('file,row,child,fix,reason');
    expect(csv.body).toContain('2023/episodes.csv,2,Z1,open episode closed');
    const child = await db
      .selectFrom('children')
      .select('local_id')
      .where('council_id', '=', council.id)
      .execute();
    expect(child).toEqual([{ local_id: 'Z1' }]);
  });

  it('imports nothing from a broken return and lists the rows, downloadable as CSV', async () => {
    const broken = folder('2024', { Header: [header('B1')], Episodes: [episode('B1', '31/02/2024', 'S')] });
    const posted = await postFiles(
      administrator,
      '/past-returns/ssda903',
      {},
      broken.files.map((file) => ({ name: file.name, content: file.content as string })),
    );
    const page = await finished(administrator, posted.headers.location as string);
    expect(page).toContain('Nothing was imported');
    const csv = await administrator.get(`${posted.headers.location as string}/problems.csv`);
    expect(csv.body).toContain('episodes.csv,2,DECOM');
  });

  it('refuses an empty upload on its field, and the page to a social worker', async () => {
    const empty = await postFiles(administrator, '/past-returns/ssda903', {}, []);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Choose the return’s zip file');
    const worker = await signedInAs(app, await newWorker(db, council, 'social-worker'));
    expect((await worker.get('/past-returns/ssda903')).statusCode).toBe(403);
  });
});
