/**
 * Timescale views benchmark (issue 8: "the team and service views open in under 1 second on the large demo
 * council"). Run it on a database that holds a demo council (`hearth demo --size large`):
 *
 *   node bench/timescales.ts postgres://…/hearth_large [runs=20] [keep]
 *
 * With `keep`, the stored obligations of an earlier run are used as they are.
 * It rebuilds every child's stored obligations (the daily job's work) and reports how long that took, then opens the
 * service view, each team view and a drill-down over HTTP as a signed-in service manager, printing the median and
 * slowest times. Prints figures; never pass/fail.
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { londonDate } from '../src/platform/actor.ts';
import { loadConfig } from '../src/platform/config.ts';
import { hashPassword } from '../src/platform/passwords.ts';
import { buildHearth } from '../src/app.ts';
import { refreshObligations } from '../src/modules/timescales/service.ts';
import { TestBrowser } from '../test/support/world.ts';

const url = process.argv[2];
const runs = Number(process.argv[3] ?? 20);
if (!url) throw new Error('Give the database URL of a demo council.');

const db = await openDatabase(url);
await migrate(db);
const council = await db
  .selectFrom('councils')
  .select(['id', 'name'])
  .orderBy('created_at')
  .executeTakeFirstOrThrow();
const children = await db
  .selectFrom('children')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .where('council_id', '=', council.id)
  .executeTakeFirstOrThrow();
console.log(
  `${council.name}: ${children.n.toLocaleString('en-GB')} children on ${url.replace(/:[^:@/]*@/, ':***@')}`,
);

const now = new Date();
let started = performance.now();
if (process.argv[4] === 'keep') console.log('Stored obligations kept as they are');
else {
  const written = await refreshObligations(db, council.id, 'all', { now, today: londonDate(now) });
  console.log(
    `Rebuilt ${written.toLocaleString('en-GB')} obligations in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

// A service manager of the council, signed in through the real form.
const manager = await db
  .selectFrom('users as u')
  .innerJoin('workers as w', (join) =>
    join.onRef('w.council_id', '=', 'u.council_id').onRef('w.id', '=', 'u.worker_id'),
  )
  .select(['u.id', 'u.email'])
  .where('u.council_id', '=', council.id)
  .where('w.role', '=', 'service-manager')
  .executeTakeFirstOrThrow();
const password = 'benchmark password of some length';
await db
  .updateTable('users')
  .set({ password_hash: await hashPassword(password) })
  .where('id', '=', manager.id)
  .execute();
const app = await buildHearth({
  config: { ...loadConfig({ HEARTH_ENV: 'test', HEARTH_DEMO: 'off' }), signInsPerMinute: 1000 },
  db,
});
await app.ready();
const browser = new TestBrowser(app);
await browser.get('/sign-in');
await browser.post('/sign-in', { email: manager.email, password });

async function time(label: string, path: string) {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    started = performance.now();
    const response = await browser.get(path);
    times.push(performance.now() - started);
    if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}`);
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(34)} median ${times[Math.floor(runs / 2)]!.toFixed(0).padStart(5)} ms  slowest ${times.at(-1)!.toFixed(0).padStart(5)} ms`,
  );
}

const teams = await db
  .selectFrom('teams')
  .select(['id', 'name'])
  .where('council_id', '=', council.id)
  .orderBy('name')
  .execute();
console.log(`Over HTTP, as a service manager, ${runs} runs each:`);
await time('Service view (by team)', '/timescales');
for (const team of teams.slice(0, 5))
  await time(`Team view: ${team.name}`.slice(0, 34), `/timescales/teams/${team.id}`);
await time('Drill-down: overdue, whole service', '/timescales/children?measure=overdue');
await time('Child in need tracker', '/cin-tracker');
await app.close();
await db.destroy();
