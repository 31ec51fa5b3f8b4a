import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { aChild, anEpisode, census2025 } from '../../domain/returns/cin/test-builders.ts';
import { newCouncil, newWorker, testDatabase } from '../../../test/support/world.ts';
import { CinImportRefused, importCinReturns } from './cin-import.ts';

/** A council of its own with an administrator to record imports as, and the DfE code 201. */
async function anEmptyCouncil(db: Database) {
  const council = await newCouncil(db);
  await db.updateTable('councils').set({ dfe_code: '201' }).where('id', '=', council.id).execute();
  await newWorker(db, council, 'administrator');
  return council;
}

/** A census of the year starting 1 April `year`, as council 201 would send it. */
const censusOf = (year: number, ...children: string[]) => ({
  name: `cin-${year}.xml`,
  content: census2025({ Year: String(year + 1), ReferenceDate: `${year + 1}-03-31` }, ...children),
});

async function episodesOf(db: Database, councilId: string) {
  return db
    .selectFrom('episodes')
    .innerJoin('children', (join) =>
      join
        .onRef('children.council_id', '=', 'episodes.council_id')
        .onRef('children.id', '=', 'episodes.child_id'),
    )
    .leftJoin('imported_facts', (join) =>
      join
        .onRef('imported_facts.fact_id', '=', 'episodes.id')
        .on('imported_facts.fact_table', '=', 'episodes'),
    )
    .select(['children.local_id', 'episodes.referral_date', 'episodes.closed_on', 'imported_facts.fix'])
    .where('episodes.council_id', '=', councilId)
    .orderBy('children.local_id')
    .orderBy('episodes.referral_date')
    .execute();
}

describe('importing past CIN censuses (issue 19, parts 1, 2 and 5)', async () => {
  const db = await testDatabase();

  it('stitches two years: an episode left open then closed, a duplicate and an overlap, each fix listed', async () => {
    const council = await anEmptyCouncil(db);
    const first = censusOf(
      2023,
      aChild({ LAchildID: 'OPEN' }, [anEpisode({ CINreferralDate: '2024-02-01' })]),
      aChild({ LAchildID: 'TWICE' }, [
        anEpisode({ CINreferralDate: '2023-05-01', CINclosureDate: '2023-06-01', ReasonForClosure: 'RC8' }),
      ]),
    );
    const second = censusOf(
      2024,
      aChild({ LAchildID: 'OPEN' }, [
        anEpisode({ CINreferralDate: '2024-02-01', CINclosureDate: '2024-06-30', ReasonForClosure: 'RC7' }),
      ]),
      aChild({ LAchildID: 'TWICE' }, [
        anEpisode({ CINreferralDate: '2023-05-01', CINclosureDate: '2023-06-01', ReasonForClosure: 'RC8' }),
      ]),
      aChild({ LAchildID: 'OVERLAP' }, [
        anEpisode({ CINreferralDate: '2024-05-01', CINclosureDate: '2024-09-01', ReasonForClosure: 'RC8' }),
        anEpisode({ CINreferralDate: '2024-08-01' }),
      ]),
    );
    const report = await importCinReturns(db, council.id, [second, first]);
    expect(report.problems).toEqual([]);
    expect(report.applied).toBe(true);
    expect(report.fixes.map((fix) => [fix.child, fix.reason])).toEqual(
      expect.arrayContaining([
        ['OPEN', 'an episode left open in one year is closed by the next'],
        ['TWICE', 'the same episode given more than once is kept once'],
        ['OVERLAP', 'overlaps are trimmed: one ends the day before the next starts'],
      ]),
    );
    expect(report.fixes).toHaveLength(3);
    const episodes = await episodesOf(db, council.id);
    expect(episodes.map((row) => [row.local_id, row.referral_date, row.closed_on, row.fix !== null])).toEqual(
      [
        ['OPEN', '2024-02-01', '2024-06-30', true],
        ['OVERLAP', '2024-05-01', '2024-07-31', true],
        ['OVERLAP', '2024-08-01', null, false],
        ['TWICE', '2023-05-01', '2023-06-01', true],
      ],
    );

    const again = await importCinReturns(db, council.id, [first, second]);
    expect(Object.values(again.counts).every((count) => count === 0)).toBe(true);
    expect(await episodesOf(db, council.id)).toEqual(episodes);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action'])
      .where('council_id', '=', council.id)
      .where('action', 'in', ['child.imported', 'return.imported'])
      .execute();
    // Three children written by the first import, none by the rerun; both imports audited.
    expect(audit.filter((entry) => entry.action === 'child.imported')).toHaveLength(3);
    expect(audit.filter((entry) => entry.action === 'return.imported')).toHaveLength(2);
  });

  it('imports nothing from a file with broken children unless told to skip them, naming file, row and field', async () => {
    const council = await anEmptyCouncil(db);
    const broken = censusOf(
      2024,
      aChild({ LAchildID: 'GOOD' }),
      aChild({ LAchildID: 'BAD' }, [anEpisode({ PrimaryNeedCode: 'X1', CINreferralDate: '2024-13-40' })]),
    );
    const refused = await importCinReturns(db, council.id, [broken]);
    expect(refused.applied).toBe(false);
    expect(refused.problems.map((problem) => [problem.file, problem.row, problem.field])).toEqual(
      expect.arrayContaining([
        ['cin-2024.xml', 2, 'CINreferralDate'],
        ['cin-2024.xml', 2, 'PrimaryNeedCode'],
      ]),
    );
    const children = () =>
      db.selectFrom('children').select('local_id').where('council_id', '=', council.id).execute();
    expect(await children()).toEqual([]);

    const skipped = await importCinReturns(db, council.id, [broken], { skipBadRows: true });
    expect(skipped.applied).toBe(true);
    expect(await children()).toEqual([{ local_id: 'GOOD' }]);
  });

  it("refuses another council's census unless told", async () => {
    const council = await anEmptyCouncil(db);
    await db.updateTable('councils').set({ dfe_code: '999' }).where('id', '=', council.id).execute();
    const file = censusOf(2024, aChild());
    await expect(importCinReturns(db, council.id, [file])).rejects.toThrow(CinImportRefused);
    const allowed = await importCinReturns(db, council.id, [file], { allowOtherCouncil: true });
    expect(allowed.applied).toBe(true);
  });
});
