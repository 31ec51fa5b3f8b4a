import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { signedInAs, testServer } from '../../../test/support/world.ts';
import { aTeamWithAnAllocatedChild, anOpenEpisode } from '../../../test/support/journey.ts';
import { importPostcodes } from './service.ts';

// Rows of the ONS Postcode Directory (November 2025), in its own column layout and in the compact form.
const onsLayout = [
  'pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish,usertype,oseast1m,osnrth1m',
  '"DA1 1AA","DA1  1AA","DA1 1AA","198001","","E10000016","E58000697","E07000107","E05000001","E43000001","0","553654","174061"',
  '"DA2 6AA","DA2  6AA","DA2 6AA","198001","","E10000016","E58000697","E07000107","E05000001","E43000001","0","555751","173657"',
].join('\n');
const compact = [
  'pcd,laua,oseast1m,osnrth1m',
  'ME1 1AA,E06000035,574570.0,168212.0',
  'ZZ9 9ZZ,E06000035,,',
].join('\n');

describe('the postcode directory', async () => {
  const { app, db } = await testServer();
  const folder = mkdtempSync(join(tmpdir(), 'hearth-postcodes-'));
  writeFileSync(join(folder, 'onspd.csv'), onsLayout);
  writeFileSync(join(folder, 'compact.csv.gz'), gzipSync(compact));

  it('loads the ONS file and the compact gzip form', async () => {
    expect(await importPostcodes(db, join(folder, 'onspd.csv'))).toBe(2);
    expect(await importPostcodes(db, join(folder, 'compact.csv.gz'))).toBe(2);
    const rows = await db
      .selectFrom('postcodes')
      .selectAll()
      .where('postcode', 'in', ['DA11AA', 'ME11AA', 'ZZ99ZZ'])
      .orderBy('postcode')
      .execute();
    expect(rows).toEqual([
      { postcode: 'DA11AA', gss_code: 'E07000107', easting: 553654, northing: 174061 },
      { postcode: 'ME11AA', gss_code: 'E06000035', easting: 574570, northing: 168212 },
      { postcode: 'ZZ99ZZ', gss_code: 'E06000035', easting: null, northing: null },
    ]);
  });

  it('refuses a file that is not the directory', async () => {
    writeFileSync(join(folder, 'other.csv'), 'name,address\nA,B');
    await expect(importPostcodes(db, join(folder, 'other.csv'))).rejects.toThrow(
      /is not the ONS Postcode Directory/,
    );
  });

  it('works out a placement’s distance from home and whether it is in the council’s area', async () => {
    await importPostcodes(db, join(folder, 'onspd.csv'));
    await importPostcodes(db, join(folder, 'compact.csv.gz'));
    const { council, worker, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2014-01-01' });
    await db.updateTable('councils').set({ gss_code: 'E07000107' }).where('id', '=', council.id).execute();
    await anOpenEpisode(db, child, worker, { referralDate: '2025-03-03' });
    const browser = await signedInAs(app, worker);
    const response = await browser.request({
      method: 'POST',
      url: `/api/children/${child.id}/periods-of-care`,
      json: {
        startDate: '2025-03-14',
        legalStatus: 'V2',
        place: 'U6',
        provider: 'PR4',
        postcode: 'ME1 1AA',
        homePostcode: 'DA1 1AA',
      },
    });
    expect(response.statusCode).toBe(201);
    const placement = await db
      .selectFrom('placements')
      .select(['distance_miles', 'in_area'])
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    // DA1 1AA (553654, 174061) to ME1 1AA (574570, 168212): √(20916² + 5849²) = 21,718 m = 13.5 miles; Medway is
    // not Dartford.
    expect(Number(placement.distance_miles)).toBe(13.5);
    expect(placement.in_area).toBe(false);
  });

  it('counts a placement in a district of the county as in the area of a county council (issue 18, part 6)', async () => {
    await importPostcodes(db, join(folder, 'onspd.csv'));
    const { council, worker, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2014-01-01' });
    // Kent, whose area includes the district of Dartford (E07000107) where DA2 6AA lies.
    await db.updateTable('councils').set({ gss_code: 'E10000016' }).where('id', '=', council.id).execute();
    await anOpenEpisode(db, child, worker, { referralDate: '2025-03-03' });
    const browser = await signedInAs(app, worker);
    const response = await browser.request({
      method: 'POST',
      url: `/api/children/${child.id}/periods-of-care`,
      json: {
        startDate: '2025-03-14',
        legalStatus: 'V2',
        place: 'U6',
        provider: 'PR4',
        postcode: 'DA2 6AA',
        homePostcode: 'DA1 1AA',
      },
    });
    expect(response.statusCode).toBe(201);
    const placement = await db
      .selectFrom('placements')
      .select('in_area')
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(placement.in_area).toBe(true);
  });
});
