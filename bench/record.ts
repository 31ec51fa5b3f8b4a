/**
 * The record reader's benchmark (issue 16: "readRecord of one child as at a date p50 under 10 ms" on the large
 * demo council on PostgreSQL). Run it on a database that holds a demo council:
 *
 *   node bench/record.ts postgres://…/hearth_large [children=200]
 *
 * It reads the record of that many children, chosen evenly through the council and each read alone, as at the
 * end of the last financial year (as known now, then as known a month after that date), and prints the median,
 * 95th percentile and slowest times. Prints figures; never pass/fail.
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { readRecords } from '../src/modules/record/service.ts';

const url = process.argv[2];
const count = Number(process.argv[3] ?? 200);
if (!url) throw new Error('Give the database URL of a demo council.');

const db = await openDatabase(url);
await migrate(db);
const council = await db.selectFrom('councils').select('id').orderBy('created_at').executeTakeFirstOrThrow();
const children = await db
  .selectFrom('children')
  .select('id')
  .where('council_id', '=', council.id)
  .orderBy('id')
  .execute();
const step = Math.max(1, Math.floor(children.length / count));
const chosen = children.filter((_, index) => index % step === 0).slice(0, count);

function figures(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
  return `median ${at(0.5).toFixed(2)} ms, 95th percentile ${at(0.95).toFixed(2)} ms, slowest ${sorted.at(-1)!.toFixed(2)} ms`;
}

const asAt = '2026-03-31';
for (const [label, knownAt] of [
  ['as known now', undefined],
  ['as known on 30 April 2026', new Date('2026-04-30T23:00:00Z')],
] as const) {
  // One read first, so that the first query plans are not counted.
  await readRecords(db, council.id, { childIds: [chosen[0]!.id] }, { asAt });
  const times: number[] = [];
  let facts = 0;
  for (const child of chosen) {
    const started = performance.now();
    const record = (
      await readRecords(db, council.id, { childIds: [child.id] }, { asAt, ...(knownAt ? { knownAt } : {}) })
    ).get(child.id);
    times.push(performance.now() - started);
    if (record)
      for (const [table, rows] of Object.entries(record))
        if (table !== 'child') facts += (rows as unknown[]).length;
  }
  console.log(
    `readRecord of one child as at ${asAt}, ${label}: ${figures(times)} (${chosen.length} children, ${facts.toLocaleString('en-GB')} facts)`,
  );
}
await db.destroy();
