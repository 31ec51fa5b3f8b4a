/**
 * The plans of the hot list and figure queries (issue 23 part 4), kept in docs/plans/ so that a change in a plan
 * shows in review. Run it on a database that holds the large demo council, with its obligations stored:
 *
 *   node bench/plans.ts postgres://…/hearth_large [docs/plans]
 *
 * It calls the real query functions, catching each statement as it is sent (Kysely's log), then runs it again
 * under EXPLAIN (ANALYZE, BUFFERS) and writes one file per query: the plan's shape (no costs, timings or row
 * counts, which vary from run to run) and, below it, the timed plan of this run. Prints the time of each.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Tables } from '../src/db/schema.ts';
import type { Actor } from '../src/platform/actor.ts';
import { londonDate } from '../src/platform/actor.ts';
import { myCaseload } from '../src/modules/caseloads/queries.ts';
import { obligationsDueSoon } from '../src/modules/reminders/queries.ts';
import { obligationCounts } from '../src/modules/timescales/count-queries.ts';
import { childInNeedTracker, childrenBehind } from '../src/modules/timescales/queries.ts';
import { readRecords } from '../src/modules/record/service.ts';

const url = process.argv[2];
const folder = process.argv[3] ?? 'docs/plans';
if (!url) throw new Error('Give the database URL of a demo council.');

let caught: CompiledQuery[] = [];
const pool = new pg.Pool({ connectionString: url, max: 4, options: '-c jit=off' });
const db = new Kysely<Tables>({
  dialect: new PostgresDialect({ pool }),
  log: (event) => {
    if (event.level === 'query') caught.push(event.query);
  },
});
const today = londonDate(new Date());
const council = await db.selectFrom('councils').select('id').orderBy('created_at').executeTakeFirstOrThrow();
const actorOf = async (role: string): Promise<Actor> => {
  const worker = await db
    .selectFrom('workers as w')
    .innerJoin('users as u', (join) =>
      join.onRef('u.council_id', '=', 'w.council_id').onRef('u.worker_id', '=', 'w.id'),
    )
    .select(['w.id', 'u.id as user_id', 'w.given_name', 'w.family_name', 'w.role'])
    .where('w.council_id', '=', council.id)
    .where('w.role', '=', role)
    .orderBy('w.id')
    .executeTakeFirstOrThrow();
  return {
    councilId: council.id,
    userId: worker.user_id,
    workerId: worker.id,
    role: worker.role,
    name: `${worker.given_name} ${worker.family_name}`,
    email: '',
    sessionId: null,
    ip: null,
    route: 'plans',
    now: new Date(),
    today,
  } as Actor;
};
const manager = await actorOf('service-manager');
// The social worker with the most allocations, current and past: the case the index by worker alone served worst.
const busiest = await sql<{ worker_id: string }>`select a.worker_id from allocations a join workers w
  on w.council_id = a.council_id and w.id = a.worker_id and w.role = 'social-worker'
  where a.council_id = ${council.id} group by 1 order by count(*) desc limit 1`.execute(db);
const worker = { ...(await actorOf('social-worker')), workerId: busiest.rows[0]!.worker_id };
const team = await db
  .selectFrom('teams')
  .select('id')
  .where('council_id', '=', council.id)
  .orderBy('name')
  .executeTakeFirstOrThrow();
const child = await sql<{
  child_id: string;
}>`select child_id from child_visits where council_id = ${council.id}
  group by 1 order by count(*) desc limit 1`.execute(db);

const hot: Array<[string, () => Promise<unknown>]> = [
  ['service-timescales', () => obligationCounts(db, council.id, today)],
  ['team-timescales', () => obligationCounts(db, council.id, today, team.id)],
  [
    'drill-down-overdue',
    () => childrenBehind(db, manager, { measure: 'overdue' }, { sort: 'due-by', order: 'ascending' }),
  ],
  ['cin-tracker', () => childInNeedTracker(db, manager, {}, { sort: 'child', order: 'ascending' })],
  ['my-caseload', () => myCaseload(db, worker)],
  ['reminders-of-a-worker', () => obligationsDueSoon(db, council.id, today, 7, worker.workerId!)],
  [
    'record-allocations-of-a-child',
    () => readRecords(db, council.id, { childIds: [child.rows[0]!.child_id] }, { asAt: today }),
  ],
];

await mkdir(folder, { recursive: true });
for (const [name, run] of hot) {
  caught = [];
  await run();
  let queries = caught.filter((query) => /^\s*(with|select)/i.test(query.sql));
  // Of the record's 28 reads, the allocations (the table the current-allocation indexes serve).
  if (name.startsWith('record-')) queries = queries.filter((query) => /"allocations"/.test(query.sql));
  const shapes: string[] = [];
  const timed: string[] = [];
  for (const query of queries) {
    const explain = (options: string) =>
      pool.query(`explain (${options}) ${query.sql}`, query.parameters as unknown[]);
    shapes.push((await explain('costs off')).rows.map((row) => row['QUERY PLAN']).join('\n'));
    timed.push((await explain('analyze, buffers')).rows.map((row) => row['QUERY PLAN']).join('\n'));
  }
  const total = timed
    .map((plan) => Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0))
    .reduce((a, b) => a + b, 0);
  console.log(`${name.padEnd(32)} ${queries.length} statement(s), ${total.toFixed(1)} ms`);
  await writeFile(
    join(folder, `${name}.txt`),
    `# ${name}: the plan's shape (bench/plans.ts)\n\n${shapes.join('\n\n')}\n\n# As run on ${today} (timings vary; the shape above is what to review)\n\n${timed.join('\n\n')}\n`,
  );
}
await db.destroy();
