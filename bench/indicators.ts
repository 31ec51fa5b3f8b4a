/**
 * Indicators benchmark (issue 20: "all indicators for a financial year on the large demo council: under 1 s on
 * PostgreSQL, under 5 s on PGlite; the dashboard page under 300 ms"). Run it on a database that holds a demo
 * council (`hearth demo --size large`):
 *
 *   node bench/indicators.ts postgres://…/hearth_large [year=2025] [runs=3]
 *
 * It computes every indicator for the financial year (as known now, then as known at the year's end, which reads
 * every child), the dashboard's 8 quarters, and opens the dashboard over HTTP as a service manager. Prints
 * figures, with the children read and the machine's load; never pass/fail. The dashboard page reads the kept
 * figures of closed quarters (its first request keeps them).
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { financialYear } from '../src/domain/indicators/index.ts';
import { lastWholeQuarters } from '../src/domain/indicators/chosen-period.ts';
import { buildHearth } from '../src/app.ts';
import { figuresFor, figuresForPeriods } from '../src/modules/performance/service.ts';
import { defaultDemoPassword, loadConfig } from '../src/platform/config.ts';
import { TestBrowser } from '../test/support/world.ts';

const url = process.argv[2];
const year = Number(process.argv[3] ?? 2025);
const runs = Number(process.argv[4] ?? 3);
if (!url) throw new Error('Give the database URL of a demo council.');

const db = await openDatabase(url);
await migrate(db);
const council = await db
  .selectFrom('councils')
  .select(['id', 'name'])
  .orderBy('created_at')
  .executeTakeFirstOrThrow();
console.log(
  `${council.name} on ${url.replace(/:[^:@/]*@/, ':***@')}; load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(', ')}`,
);

async function timed(label: string, work: () => Promise<number>) {
  const times: number[] = [];
  let children = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    children = await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(46)} median ${(times[Math.floor(runs / 2)]! / 1000).toFixed(2)} s  slowest ${(times.at(-1)! / 1000).toFixed(2)} s  (${children.toLocaleString('en-GB')} children read)`,
  );
}

const period = financialYear(year);
await timed(`Every indicator for ${period.label}, as known now`, async () => {
  const figures = await figuresFor(db, council.id, period);
  return figures.facts?.children.length ?? 0;
});
await timed(`The same, as known on ${period.end} (every child)`, async () => {
  const figures = await figuresFor(db, council.id, period, { knownAt: new Date(`${period.end}T23:00:00Z`) });
  return figures.facts?.children.length ?? 0;
});
const quarters = lastWholeQuarters(period.end, 8);
await timed('The dashboard’s 8 quarters, as known now', async () => {
  const series = await figuresForPeriods(db, council.id, quarters);
  return series[0]!.facts?.children.length ?? 0;
});
// Closed quarters' figures are kept (migration 0071): the first call works out and keeps what is not kept yet,
// the next ones check what was recorded since and read the kept figures.
await figuresForPeriods(db, council.id, quarters, { kept: { now: new Date() } });
await timed('The dashboard’s 8 quarters, kept', async () => {
  const series = await figuresForPeriods(db, council.id, quarters, { kept: { now: new Date() } });
  return series[0]!.facts?.children.length ?? 0;
});

const manager = await db
  .selectFrom('users as u')
  .innerJoin('workers as w', (join) =>
    join.onRef('w.council_id', '=', 'u.council_id').onRef('w.id', '=', 'u.worker_id'),
  )
  .select(['u.email'])
  .where('u.council_id', '=', council.id)
  .where('w.role', '=', 'service-manager')
  .executeTakeFirstOrThrow();
// The demo's own sign-in: the benchmark changes nothing in the council it measures (it once reset this password,
// which then refused the service managers of bench/load).
const password = process.env.HEARTH_DEMO_PASSWORD || defaultDemoPassword;
const app = await buildHearth({
  config: { ...loadConfig({ HEARTH_ENV: 'test', HEARTH_DEMO: 'off' }), signInsPerMinute: 1000 },
  db,
});
await app.ready();
const browser = new TestBrowser(app);
await browser.get('/sign-in');
await browser.post('/sign-in', { email: manager.email, password });
await timed('The dashboard page over HTTP', async () => {
  const response = await browser.get(`/performance?asAt=${period.end}`);
  if (response.statusCode !== 200) throw new Error(`/performance answered ${response.statusCode}`);
  return 0;
});
await app.close();
await db.destroy();
