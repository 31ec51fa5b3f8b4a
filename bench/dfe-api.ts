/**
 * The DfE API's daily delta (issue 19: "a daily API delta on the large demo council after a day's recording under
 * 5 s" on PostgreSQL). Run it on a database that holds a demo council:
 *
 *   node bench/dfe-api.ts postgres://…/hearth_large [children=200] [--assume-sent]
 *
 * If the council has never been sent, it first makes every child's document (the first run, timed too); with
 * `--assume-sent` it instead records every child of the cohort as sent with an empty document (for a council too
 * large to wait for its first run: the delta then found and made is the same, each document whole). Then it
 * records a day's work, a placement change for that many children of the cohort (the open placement ended today
 * and a new one begun, through the record's history triggers), and times the run that follows: the delta found
 * from what was recorded since the last run, the partial documents made, and what was delivered kept. Documents
 * are made, not sent (no endpoint here). Prints figures; never pass/fail.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { londonDate } from '../src/platform/actor.ts';
import { cohortWindow } from '../src/domain/returns/dfe-api/delta.ts';
import { DFE_API_TABLES } from '../src/modules/dfe-api/facts.ts';
import { dayDelta, finishRun, insertRun, keepDelivered } from '../src/modules/dfe-api/queries.ts';
import { runDfeApi } from '../src/modules/dfe-api/service.ts';

const url = process.argv[2];
const count = Number(process.argv.slice(3).find((arg) => /^\d+$/.test(arg)) ?? 200);
if (!url) throw new Error('Give the database URL of a demo council.');

const db = await openDatabase(url);
await migrate(db);
const council = await db.selectFrom('councils').select('id').orderBy('created_at').executeTakeFirstOrThrow();
const today = londonDate(new Date());
const children = await db
  .selectFrom('children')
  .select(sql<number>`count(*)::int`.as('n'))
  .executeTakeFirstOrThrow();

async function timedRun(label: string) {
  const started = performance.now();
  const result = await runDfeApi(db, council.id, { now: new Date(), today });
  const seconds = (performance.now() - started) / 1000;
  const kinds = (kind: string) => result.documents.filter((document) => document.kind === kind).length;
  console.log(
    `${label}: ${seconds.toFixed(2)} s (${children.n.toLocaleString('en-GB')} children, cohort ${result.cohort.toLocaleString('en-GB')}: ` +
      `${kinds('full')} full, ${kinds('partial')} partial, ${kinds('purge')} purges, ${result.unchanged} unchanged)`,
  );
}

const sentBefore = await db
  .selectFrom('dfe_api_children')
  .select('child_id')
  .where('council_id', '=', council.id)
  .limit(1)
  .executeTakeFirst();
if (!sentBefore && process.argv.includes('--assume-sent')) {
  const runId = uuidv7();
  const now = new Date();
  const window = cohortWindow(today);
  await insertRun(db, { councilId: council.id, id: runId, knownAt: now, window, sent: false });
  const { toMake } = await dayDelta(db, council.id, window, null, now, DFE_API_TABLES);
  await keepDelivered(
    db,
    council.id,
    runId,
    now,
    toMake.map((childId) => ({ childId, laChildId: childId, hash: 'assumed', document: {} })),
  );
  await finishRun(db, runId, { assumed: toMake.length, undelivered: 0 }, now);
  console.log(`Recorded the ${toMake.length} children of the cohort as sent (assumed, not made).`);
} else if (!sentBefore) await timedRun('First run (every child of the cohort)');

// A day's recording: a placement change for `count` children of the cohort with an open placement.
const open = await db
  .selectFrom('placements')
  .select(['id', 'child_id'])
  .where('council_id', '=', council.id)
  .where('end_date', 'is', null)
  .where('start_date', '<', today)
  .orderBy(sql`md5(id::text)`)
  .limit(count)
  .execute();
for (const placement of open) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('placements').set({ end_date: today }).where('id', '=', placement.id).execute();
    await sql`insert into placements select (jsonb_populate_record(null::placements, to_jsonb(p) ||
        jsonb_build_object('id', ${uuidv7()}::text, 'start_date', ${today}::text, 'end_date', null,
          'change_reason', 'CARPL'))).*
      from placements p where p.id = ${placement.id}`.execute(trx);
  });
}
console.log(`Recorded a placement change for ${open.length} children.`);
await timedRun(`The day's delta after ${open.length} placement changes`);
await timedRun('The next run, nothing recorded');
await db.destroy();
