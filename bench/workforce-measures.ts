/**
 * Workforce measures benchmark (issue 21, part 3: the measures page against the 300 ms line of a page). Run it on a
 * database that holds a demo council (`hearth demo`):
 *
 *   node bench/workforce-measures.ts postgres://…/hearth_demo [asAt=2026-06-15] [runs=5]
 *
 * It works out the twelve quarters the page charts, then opens the page over HTTP as a service manager: the
 * first request, and the ones after it. Prints figures with the machine's load; never pass/fail.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { buildHearth } from '../src/app.ts';
import { councilWorkforceMeasuresOverTime } from '../src/modules/workforce/census-service.ts';
import { loadConfig } from '../src/platform/config.ts';
import { hashPassword } from '../src/platform/passwords.ts';
import { TestBrowser } from '../test/support/world.ts';

const url = process.argv[2];
const asAt = process.argv[3] ?? '2026-06-15';
const runs = Number(process.argv[4] ?? 5);
if (!url) throw new Error('Give the database URL of a demo council.');

const db = await openDatabase(url);
await migrate(db);
const council = await db
  .selectFrom('councils')
  .select(['id', 'name'])
  .orderBy('created_at')
  .executeTakeFirstOrThrow();
const load = () =>
  loadavg()
    .map((each) => each.toFixed(1))
    .join(', ');
console.log(`${council.name} on ${url.replace(/:[^:@/]*@/, ':***@')}; load average ${load()}`);

async function timed(label: string, work: () => Promise<unknown>) {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  const first = times[0]!;
  times.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(44)} first ${first.toFixed(0)} ms  median ${times[Math.floor(runs / 2)]!.toFixed(0)} ms  slowest ${times.at(-1)!.toFixed(0)} ms  (load ${load()})`,
  );
}

await timed(`Twelve quarters to ${asAt}, worked out`, () =>
  councilWorkforceMeasuresOverTime(db, council.id, asAt),
);

const manager = await db
  .selectFrom('users as u')
  .innerJoin('workers as w', (join) =>
    join.onRef('w.council_id', '=', 'u.council_id').onRef('w.id', '=', 'u.worker_id'),
  )
  .select(['u.id', 'u.email'])
  .where('u.council_id', '=', council.id)
  .where('w.role', '=', 'service-manager')
  .where('u.disabled_at', 'is', null)
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
const [year, month, day] = asAt.split('-');
await timed('The measures page over HTTP', async () => {
  const response = await browser.get(
    `/workforce/measures?asAt-day=${Number(day)}&asAt-month=${Number(month)}&asAt-year=${year}`,
  );
  if (response.statusCode !== 200) throw new Error(`/workforce/measures answered ${response.statusCode}`);
});
await app.close();
await db.destroy();
