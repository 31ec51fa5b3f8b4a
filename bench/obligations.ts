/**
 * Where the time of working out obligations goes (issue 16: "rebuilding every obligation under 60 s" on the large
 * demo council on PostgreSQL). Run it on a database that holds a demo council:
 *
 *   node bench/obligations.ts postgres://…/hearth_large [children=20000]
 *
 * For that many children, in the daily job's batches, it times reading the records, turning them into the
 * domain's facts and working the obligations out, each phase alone, and prints seconds per phase and the rate
 * for the whole council at that pace. Prints figures; never pass/fail.
 */
import { performance } from 'node:perf_hooks';
import { Temporal } from 'temporal-polyfill';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { childObligations, typicalSchoolTerms } from '../src/domain/timescales/child-obligations.ts';
import { londonDate } from '../src/platform/actor.ts';
import { readRecords } from '../src/modules/record/service.ts';
import { timescaleFactsOf } from '../src/modules/timescales/facts.ts';
import { timescaleSettings } from '../src/modules/timescales/service.ts';

const url = process.argv[2];
const count = Number(process.argv[3] ?? 20000);
if (!url) throw new Error('Give the database URL of a demo council.');

const db = await openDatabase(url);
await migrate(db);
const council = await db.selectFrom('councils').select('id').orderBy('created_at').executeTakeFirstOrThrow();
const all = await db.selectFrom('children').select('id').where('council_id', '=', council.id).execute();
const childIds = all.slice(0, count).map((row) => row.id);
const today = londonDate(new Date());
const settings = await timescaleSettings(db, council.id);
const day = Temporal.PlainDate.from(today);
const context = {
  today: day,
  ...settings,
  schoolTerms: typicalSchoolTerms(day.year - 6, day.year + 1),
};

const spent = { read: 0, facts: 0, obligations: 0 };
let obligations = 0;
for (let start = 0; start < childIds.length; start += 2000) {
  let started = performance.now();
  const records = await readRecords(
    db,
    council.id,
    { childIds: childIds.slice(start, start + 2000) },
    {
      asAt: today,
    },
  );
  spent.read += performance.now() - started;
  started = performance.now();
  const facts = [...records.values()].map((record) => timescaleFactsOf(record, today));
  spent.facts += performance.now() - started;
  started = performance.now();
  for (const fact of facts) obligations += childObligations(fact, context).length;
  spent.obligations += performance.now() - started;
}
const total = spent.read + spent.facts + spent.obligations;
const scale = all.length / childIds.length;
console.log(
  `${childIds.length.toLocaleString('en-GB')} of ${all.length.toLocaleString('en-GB')} children, ${obligations.toLocaleString('en-GB')} obligations:`,
);
for (const [phase, ms] of Object.entries(spent))
  console.log(
    `  ${phase.padEnd(12)} ${(ms / 1000).toFixed(1).padStart(6)} s  (whole council about ${((ms * scale) / 1000).toFixed(0)} s)`,
  );
console.log(
  `  ${'in all'.padEnd(12)} ${(total / 1000).toFixed(1).padStart(6)} s  (whole council about ${((total * scale) / 1000).toFixed(0)} s)`,
);
await db.destroy();
