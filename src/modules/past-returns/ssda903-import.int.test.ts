import { describe, expect, it } from 'vitest';
import { newCouncil, newWorker, testDatabase } from '../../../test/support/world.ts';
import type { Database } from '../../db/database.ts';
import { ImportRefused, importSsda903 } from './ssda903-import.ts';
import { episode, folder, header } from './ssda903-test-returns.ts';

/** The record's rows of one council that an import writes, and their replaced versions, counted. */
async function recordCounts(db: Database, councilId: string) {
  const counts: Record<string, number> = {};
  for (const table of [
    'children',
    'care_periods',
    'legal_statuses',
    'placements',
    'cla_reviews',
    'record_history',
  ] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('council_id', '=', councilId)
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts;
}

describe('past SSDA903 returns imported into the record (issue 19, parts 1, 2 and 5)', async () => {
  const db = await testDatabase();

  it('stitches the years: an episode left open closed by the next year, a duplicate kept once, an overlap trimmed; each fix listed and kept on the fact; a rerun changes nothing', async () => {
    const council = await newCouncil(db);
    await newWorker(db, council, 'administrator');
    const years = [
      folder('2023', {
        Header: [header('OPEN'), header('TWICE')],
        Episodes: [
          episode('OPEN', '01/06/2023', 'S'),
          episode('TWICE', '01/05/2023', 'S', '01/09/2023', 'E4A'),
        ],
      }),
      folder('2024', {
        Header: [header('OPEN'), header('TWICE'), header('OVER')],
        Episodes: [
          episode('OPEN', '01/05/2024', 'P', '', '', 'U4'),
          episode('TWICE', '01/05/2023', 'S', '01/09/2023', 'E4A'),
          episode('OVER', '01/04/2024', 'S', '01/08/2024', 'X1'),
          episode('OVER', '01/07/2024', 'P', '', '', 'U4'),
        ],
      }),
    ];
    const report = await importSsda903(db, council.id, years);
    expect(report.applied).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.fixes.map((fix) => [fix.child, fix.file, fix.row, fix.fix])).toEqual([
      ['OPEN', '2023/episodes.csv', 2, 'open episode closed'],
      ['TWICE', '2024/episodes.csv', 3, 'duplicate kept once'],
      ['OVER', '2024/episodes.csv', 4, 'overlap trimmed'],
    ]);
    const periods = await db
      .selectFrom('care_periods as p')
      .innerJoin('children as c', (join) =>
        join.onRef('c.council_id', '=', 'p.council_id').onRef('c.id', '=', 'p.child_id'),
      )
      .leftJoin('imported_facts as f', (join) =>
        join.on('f.fact_table', '=', 'care_periods').onRef('f.fact_id', '=', 'p.id'),
      )
      .select(['c.local_id', 'p.start_date', 'p.end_date', 'p.reason_ceased', 'f.source_file', 'f.fix'])
      .where('p.council_id', '=', council.id)
      .orderBy('c.local_id')
      .execute();
    expect(
      periods.map((period) => [
        period.local_id,
        String(period.start_date).slice(0, 10),
        period.end_date && String(period.end_date).slice(0, 10),
        period.reason_ceased,
        period.source_file,
      ]),
    ).toEqual([
      ['OPEN', '2023-06-01', null, null, '2023/episodes.csv'],
      ['OVER', '2024-04-01', null, null, '2024/episodes.csv'],
      ['TWICE', '2023-05-01', '2023-09-01', 'E4A', '2024/episodes.csv'],
    ]);
    expect(periods[0]!.fix).toMatch(/left open.*closed that day, X1/);
    const trimmed = await db
      .selectFrom('placements')
      .select(['start_date', 'end_date'])
      .where('council_id', '=', council.id)
      .where('start_date', '=', '2024-04-01')
      .executeTakeFirstOrThrow();
    expect(String(trimmed.end_date).slice(0, 10)).toBe('2024-07-01');

    const before = await recordCounts(db, council.id);
    const again = await importSsda903(db, council.id, years);
    expect(Object.values(again.counts).every((count) => count === 0)).toBe(true);
    expect(await recordCounts(db, council.id)).toEqual(before);
    const audited = await db
      .selectFrom('audit_log')
      .select(['action', 'child_id'])
      .where('council_id', '=', council.id)
      .where('action', 'in', ['child.imported', 'return.imported'])
      .execute();
    expect(audited.filter((entry) => entry.action === 'child.imported')).toHaveLength(3);
    expect(audited.filter((entry) => entry.action === 'return.imported')).toHaveLength(2);
  });

  it('reports each broken row with file, row, field and reason, and imports nothing unless told to skip them', async () => {
    const council = await newCouncil(db);
    await newWorker(db, council, 'administrator');
    const broken = [
      folder('2024', {
        Header: [header('GOOD'), header('BAD')],
        Episodes: [episode('GOOD', '01/05/2024', 'S'), episode('BAD', '31/02/2024', 'S')],
      }),
    ];
    const refused = await importSsda903(db, council.id, broken);
    expect(refused.applied).toBe(false);
    expect(refused.problems).toEqual([
      {
        file: '2024/episodes.csv',
        row: 3,
        field: 'DECOM',
        reason: '"31/02/2024" is not a date written DD/MM/YYYY',
      },
    ]);
    expect((await recordCounts(db, council.id)).children).toBe(0);

    const skipped = await importSsda903(db, council.id, broken, { skipBadRows: true });
    expect(skipped.applied).toBe(true);
    expect(skipped.counts['periods of care']).toBe(1);
  });

  it("refuses another council's return unless allowed", async () => {
    const council = await newCouncil(db);
    await newWorker(db, council, 'administrator');
    await db.updateTable('councils').set({ dfe_code: '855' }).where('id', '=', council.id).execute();
    const other = [
      folder('856_2024', { Header: [header('A')], Episodes: [episode('A', '01/05/2024', 'S')] }),
    ];
    await expect(importSsda903(db, council.id, other)).rejects.toThrow(ImportRefused);
    expect((await recordCounts(db, council.id)).children).toBe(0);
    const allowed = await importSsda903(db, council.id, other, { allowOtherCouncil: true });
    expect(allowed.counts.children).toBe(1);
    expect(
      (await importSsda903(db, council.id, [folder('855_2024', { Header: [header('A')] })])).applied,
    ).toBe(true);
  });
});
