import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newCouncil, newWorker, signedInAs, testServer } from '../../../test/support/world.ts';
import { ComparatorFileError, loadComparators, loadNeighbours } from './comparators.ts';

const docs = (name: string) =>
  readFileSync(new URL(`../../../docs/comparators/${name}`, import.meta.url), 'utf8');

describe('the DfE’s published figures beside Hearth’s (issue 20, part 3)', async () => {
  const { app, db } = await testServer();
  const council = await newCouncil(db);
  const director = await newWorker(db, council, 'director');

  it('loads the samples in docs/ and shows them on the tiles and an indicator’s page', async () => {
    await expect(loadNeighbours(db, council.id, docs('statistical-neighbours-sample.csv'))).rejects.toThrow(
      ComparatorFileError,
    );
    expect(
      await loadNeighbours(db, council.id, docs('statistical-neighbours-sample.csv'), 'E10000016'),
    ).toEqual({ laCode: 'E10000016', neighbours: ['Hampshire', 'Essex', 'West Sussex'] });
    expect(
      await loadComparators(db, council.id, docs('underlying-data-sample.csv'), { source: 'sample' }),
    ).toEqual({ figures: 46, years: ['202324', '202425'] });
    // Loading the same year again replaces its figures rather than adding to them.
    await loadComparators(db, council.id, docs('underlying-data-sample.csv'), { source: 'sample' });

    const browser = await signedInAs(app, director);
    const dashboard = await browser.get('/performance?asAt=2026-09-30');
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain('Published for 2024–25');
    expect(dashboard.body).toContain('Statistical neighbours (average of 3)');
    const page = await browser.get('/performance/re-referrals-12m?asAt=2026-09-30');
    expect(page.body).toContain('Published figures, 2024–25');
    // England 21.5%, the South East 22.4%, the neighbours (17.6 + 18.9 + 24.1) / 3 = 20.2%.
    for (const words of ['21.5%', 'South East', '22.4%', '20.2%', '19.8%'])
      expect(page.body).toContain(words);
  });
});
