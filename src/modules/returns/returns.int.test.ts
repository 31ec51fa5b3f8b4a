import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { aChild as aCinChild, census } from '../../domain/returns/cin/test-builders.ts';
import { aChild, anEpisode, ssda903Files } from '../../domain/returns/ssda903/test-builders.ts';
import {
  newCouncil,
  newWorker,
  postFiles,
  signedInAs,
  testServer,
  type TestBrowser,
} from '../../../test/support/world.ts';
import { importPostcodes } from '../postcodes/service.ts';
import { validateUpload } from './service.ts';

/** Posts a multipart form to the return's page as a browser would. */
const upload = (
  browser: TestBrowser,
  fields: Record<string, string>,
  files: Array<{ name: string; content: string | Uint8Array; field?: string }>,
  csrf = true,
) => postFiles(browser, '/returns/validate', fields, files, csrf);

describe('checking a return through the page', async () => {
  const { app, db } = await testServer();
  const council = await newCouncil(db);
  const analyst = await signedInAs(app, await newWorker(db, council, 'performance-analyst'));
  await analyst.get('/returns/validate');

  it('shows a CIN census return’s findings by rule, and keeps nothing', async () => {
    // A child whose sex is not a code of the list breaks the rule on Sex.
    const xml = census(
      aCinChild({ LAchildID: 'CHILD-A', Sex: 'X' }),
      aCinChild({ LAchildID: 'CHILD-B', UPN: null, UPNunknown: 'UN1' }),
    );
    const response = await upload(analyst, { kind: 'cin', year: '2025', format: 'page' }, [
      { name: 'cin.xml', content: xml },
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Findings for cin.xml');
    expect(response.body).toContain('CHILD-A');
    const audit = await db
      .selectFrom('audit_log')
      .select('details')
      .where('council_id', '=', council.id)
      .where('action', '=', 'return.validated')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ kind: 'cin', files: ['cin.xml'] });
    expect(JSON.stringify(audit.details)).not.toContain('CHILD-A');
  });

  it('reads an SSDA903 return from a zip and gives the findings as CSV and XLSX', async () => {
    const files = ssda903Files({
      Header: [aChild({ CHILD: 'C-77', SEX: 'Q' })],
      Episodes: [anEpisode({ CHILD: 'C-77' })],
    });
    const zip = zipSync(
      Object.fromEntries(files.map((file) => [`return/${file.name}`, strToU8(String(file.content))])),
    );
    const page = await upload(analyst, { kind: 'ssda903', year: '2025', format: 'page' }, [
      { name: 'return.zip', content: zip },
    ]);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('C-77');

    const csv = await upload(analyst, { kind: 'ssda903', year: '2025', format: 'csv' }, [
      { name: 'return.zip', content: zip },
    ]);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('rule,severity,child,table,row,fields,message');
    expect(lines.some((line) => line.includes(',C-77,'))).toBe(true);

    const xlsx = await upload(analyst, { kind: 'ssda903', year: '2025', format: 'xlsx' }, [
      { name: 'return.zip', content: zip },
    ]);
    expect(xlsx.headers['content-disposition']).toContain('ssda903-2025-findings.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['By rule', 'Findings']);
    expect(workbook.getWorksheet('Findings')!.rowCount).toBe(lines.length);
  });

  it('checks the Ofsted URNs against a provider list given beside an SSDA903 return', async () => {
    const files = ssda903Files({
      Header: [aChild({ CHILD: 'C-78' })],
      Episodes: [anEpisode({ CHILD: 'C-78', PLACE: 'K2', URN: 'SC999999' })],
    }).map((file) => ({ name: file.name, content: String(file.content) }));
    const providers = {
      field: 'providers',
      name: 'providers.csv',
      content: 'URN,Sector\r\nSC100001,Private\r\nSC100002,Charity\r\n',
    };
    const withList = await upload(analyst, { kind: 'ssda903', year: '2025', format: 'csv' }, [
      ...files,
      providers,
    ]);
    const lines = withList.body.trim().split('\r\n');
    expect(lines).toContainEqual(expect.stringMatching(/^1008,error,C-78,Episodes,2,URN,/));
    expect(lines).toContain(
      'READ-PROVIDERS,warning,,Providers,3,,"providers.csv: sector ""Charity"" is not one Hearth knows: left out"',
    );
    const without = await upload(analyst, { kind: 'ssda903', year: '2025', format: 'csv' }, files);
    expect(without.body).not.toContain('1008,');

    const unusable = await upload(analyst, { kind: 'ssda903', year: '2025', format: 'page' }, [
      ...files,
      { ...providers, content: 'Name\r\nA home\r\n' },
    ]);
    expect(unusable.statusCode).toBe(400);
    expect(unusable.body).toContain('href="#providers"');
    expect(unusable.body).toContain('The provider list providers.csv cannot be used: it has no URN column');
  });

  it('skips the postcode rules without a postcode directory, and runs them with one', async () => {
    const files = ssda903Files({
      Header: [aChild({ CHILD: 'C-78' })],
      Episodes: [anEpisode({ CHILD: 'C-78', HOME_POST: 'DA1 1AA', PL_POST: 'ZZ9 9ZY' })],
    });
    const upload = { kind: 'ssda903' as const, year: 2025, files };
    const without = await validateUpload(upload, async () => null);
    expect(without.validation.findings.map((finding) => finding.rule)).not.toContain('392c');
    expect(without.validation.skipped).toContainEqual({
      rule: '392c',
      reason: 'needs a postcode table (--postcodes)',
    });
    const dartford = { la: 'E07000107', easting: 553654, northing: 174061 };
    const withDirectory = await validateUpload(upload, async (wanted) => {
      expect([...wanted].sort()).toEqual(['DA1 1AA', 'ZZ9 9ZY']);
      return (postcode) => (postcode === 'DA1 1AA' ? dartford : undefined);
    });
    expect(withDirectory.validation.findings).toContainEqual(
      expect.objectContaining({ rule: '392c', child: 'C-78', table: 'Episodes', row: 2 }),
    );
  });

  it('runs the postcode rules once the ONS Postcode Directory has been imported', async () => {
    // The directory is shared by every council, and on PostgreSQL the other test files may have loaded one
    // already, so the page is checked only with one; the test above checks the rules are skipped without.
    const files = ssda903Files({
      Header: [aChild({ CHILD: 'C-79' })],
      Episodes: [anEpisode({ CHILD: 'C-79', HOME_POST: 'DA1 1AA', PL_POST: 'ZZ9 9ZY' })],
    }).map((file) => ({ name: file.name, content: String(file.content) }));
    const folder = mkdtempSync(join(tmpdir(), 'hearth-returns-postcodes-'));
    writeFileSync(join(folder, 'onspd.csv'), 'pcd,laua,oseast1m,osnrth1m\nDA1 1AA,E07000107,553654,174061\n');
    await importPostcodes(db, join(folder, 'onspd.csv'));
    const after = await upload(analyst, { kind: 'ssda903', year: '2025', format: 'csv' }, files);
    // The placement postcode is not in the directory; the home postcode is.
    expect(after.body).toMatch(/^392c,error,C-79,Episodes,2,/m);
  });

  it('compares with last year’s return when it is given, and refuses one that cannot be read', async () => {
    const asFields = (field?: string) => (file: { name: string; content: unknown }) => ({
      name: file.name,
      content: String(file.content),
      field,
    });
    const thisYear = ssda903Files({
      Header: [aChild({ CHILD: 'C-80', ETHNIC: 'WBRI' })],
      Episodes: [anEpisode({ CHILD: 'C-80' })],
    }).map(asFields());
    const lastYear = ssda903Files({
      Header: [aChild({ CHILD: 'C-80', ETHNIC: 'ABAN' })],
      Episodes: [anEpisode({ CHILD: 'C-80', DECOM: '01/05/2024' })],
    }).map(asFields('previous'));
    const without = await upload(analyst, { kind: 'ssda903', year: '2025', format: 'csv' }, thisYear);
    expect(without.body).not.toContain('204,');
    const compared = await upload(analyst, { kind: 'ssda903', year: '2025', format: 'csv' }, [
      ...thisYear,
      ...lastYear,
    ]);
    // Rule 204: the ethnicity differs from last year's.
    expect(compared.body).toMatch(/^204,error,C-80,Header,2,ETHNIC,/m);

    const unreadable = await upload(analyst, { kind: 'ssda903', year: '2025', format: 'page' }, [
      ...thisYear,
      { name: 'notes.csv', content: 'name,address\r\nA,B\r\n', field: 'previous' },
    ]);
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.body).toContain('href="#previous"');
    expect(unreadable.body).toContain('Last year’s return cannot be read: notes.csv');
  });

  it('refuses an upload without the CSRF token, and asks for a file when none is given', async () => {
    expect(
      (await upload(analyst, { kind: 'cin' }, [{ name: 'cin.xml', content: census() }], false)).statusCode,
    ).toBe(403);
    const none = await upload(analyst, { kind: 'cin', format: 'page' }, []);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('href="#files"');
  });

  it('is not for administrators or social workers', async () => {
    for (const role of ['administrator', 'social-worker'] as const) {
      const browser = await signedInAs(app, await newWorker(db, council, role));
      expect((await browser.get('/returns/validate')).statusCode).toBe(403);
    }
  });
});

describe('a large return being checked', async () => {
  const { app } = await testServer();

  it('leaves the server free to answer others while it is checked', async () => {
    const children = Array.from({ length: 2000 }, (_, index) => `C-${index}`);
    const files = ssda903Files({
      Header: children.map((child) => aChild({ CHILD: child })),
      Episodes: children.map((child) => anEpisode({ CHILD: child })),
    });
    let checking = true;
    const started = performance.now();
    const check = validateUpload({ kind: 'ssda903', year: 2025, files }, async () => null).finally(() => {
      checking = false;
    });
    // Had the check run on the server's own thread, no other request would be answered while it read and
    // validated: one wait would take most of the check's time. The bound is relative, so a slow machine is fair.
    let longestWait = 0;
    let answered = performance.now();
    while (checking) {
      // A pause as between real requests: `inject` alone runs on microtasks and would starve the event loop.
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
      longestWait = Math.max(longestWait, performance.now() - answered);
      answered = performance.now();
    }
    expect((await check).unreadable).toBe(false);
    expect(longestWait).toBeLessThan((performance.now() - started) / 2);
  });
});
